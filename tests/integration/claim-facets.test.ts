// The contradiction engine end to end on material it was not tuned on: an article imported
// as an editor imports one (the Karachi market shooting, HTML) yields its two conflicts with
// explanations naming the conflicting facet; facets are stored with every claim and
// recomputed when they are stale; a sentence holding two statements becomes two claims.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { FACETS_VERSION } from "@/lib/facets";
import { importDocument, parseImportRequest } from "@/lib/import/import-document";
import { readImportFile } from "@/lib/import/read-document";
import { detectContradictions } from "@/lib/contradictions/detect";
import { readStoredFacets } from "@/lib/facets/schema";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

const ARTICLE = path.join(PROJECT_ROOT, "tests/fixtures/import/karachi-killings-article.html");

describe("an imported article on a subject the rules never saw", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let sourceId: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    users = await createRoleUsers(database.prisma);
    const document = await readImportFile("karachi-killings-article.html", new Uint8Array(await readFile(ARTICLE)));
    const request = parseImportRequest(document.file, { metadata: { ...document.guesses, kind: "news" }, target: "new" });
    const result = await importDocument(database.prisma, { document, request, userId: users.editor.id });
    sourceId = result.summary.sourceId;
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function pairWith(first: string, second: string) {
    const rows = await database.prisma.contradiction.findMany({ include: { claimA: true, claimB: true } });
    return rows.find(
      (row) =>
        (row.claimA.quote.includes(first) && row.claimB.quote.includes(second)) || (row.claimA.quote.includes(second) && row.claimB.quote.includes(first)),
    );
  }

  test("the import proposes the death tolls that differ and the denial of the accusation", async () => {
    const tolls = await pairWith("At least eleven people were killed", "at least 17 people had died, not eleven");
    expect(tolls).toMatchObject({ kind: "numeric", detectedBy: "figures-conflict", status: "candidate" });
    expect(tolls!.explanation).toBe("Police say at least eleven people; Zohra Yusuf says at least 17 people — the death tolls differ.");

    const denial = await pairWith("the gunmen were linked to the MQM", "The MQM denied any involvement.");
    expect(denial).toMatchObject({ kind: "accusation_denial", detectedBy: "accusation-denial" });
    expect(denial!.explanation).toMatch(/blames MQM \(“were linked to”\); MQM denies it \(“denied”\)/);
  });

  test("nothing else in the article is proposed: the dead and the wounded are different counts", async () => {
    const rows = await database.prisma.contradiction.findMany({ where: { kind: { not: "revision" } } });
    expect(rows).toHaveLength(2);
  });

  test("every claim carries its facets, with parties linked to their actors", async () => {
    const claims = await database.prisma.claim.findMany({ where: { sourceId }, include: { speaker: true } });
    expect(claims.every((claim) => claim.facetsVersion === FACETS_VERSION && readStoredFacets(claim.facets) !== null)).toBe(true);
    const accusation = claims.find((claim) => claim.quote.startsWith("Mr. Mahmood said"))!;
    expect(accusation.facetKeys).toEqual(expect.arrayContaining(["e:mqm", "acc:mqm"]));
    const facets = readStoredFacets(accusation.facets)!;
    expect(facets.acts).toMatchObject([{ act: "accuses", targets: expect.arrayContaining(["mqm", "gunmen"]) }]);
    // "Mr. Mahmood" is linked to the actor the article introduced as "Senior Superintendent of
    // Police Rashid Mahmood": one actor, named without the title.
    const mahmood = facets.entities.find((entity) => entity.text === "Mahmood");
    const actor = await database.prisma.actor.findUniqueOrThrow({ where: { id: mahmood!.actorId! } });
    expect(actor.name).toBe("Rashid Mahmood");
    expect(await database.prisma.actor.count({ where: { name: { contains: "Mahmood" } } })).toBe(1);
    // Every claim carries its check-worthiness: the accusation is worth checking.
    expect(accusation.checkWorthiness).toBeGreaterThanOrEqual(50);
  });

  test("stale facets are recomputed by the next detection run, and only those", async () => {
    const [first, second] = await database.prisma.claim.findMany({ where: { sourceId }, orderBy: { id: "asc" }, take: 2 });
    await database.prisma.claim.update({ where: { id: first!.id }, data: { facetsVersion: "0", facetKeys: [], facets: { version: "0" }, checkWorthiness: 0 } });
    const untouched = await database.prisma.claim.findUniqueOrThrow({ where: { id: second!.id } });
    await detectContradictions(database.prisma);
    const refreshed = await database.prisma.claim.findUniqueOrThrow({ where: { id: first!.id } });
    expect(refreshed.facetsVersion).toBe(FACETS_VERSION);
    expect(refreshed.facetKeys).toEqual(first!.facetKeys);
    expect(refreshed.checkWorthiness).toBe(first!.checkWorthiness);
    expect(refreshed.version).toBe(first!.version);
    expect((await database.prisma.claim.findUniqueOrThrow({ where: { id: second!.id } })).updatedAt).toEqual(untouched.updatedAt);
  });

  test("a sentence holding an accusation and its denial becomes two claims, each with its own span", async () => {
    const text = "The Rangers described Qureshi as an MQM worker, yet the MQM has officially denied that he was ever one of its members.";
    const document = { file: "pasted text", format: "text" as const, bytes: text.length, rawText: `Qureshi case\n\n${text}\n`, guesses: {} };
    const request = parseImportRequest(document.file, { metadata: { title: "Qureshi case", kind: "news" }, target: "new" });
    const result = await importDocument(database.prisma, { document, request, userId: users.editor.id });
    const claims = await database.prisma.claim.findMany({ where: { sourceId: result.summary.sourceId }, orderBy: { startOffset: "asc" } });
    expect(claims.map((claim) => claim.quote)).toEqual([
      "The Rangers described Qureshi as an MQM worker",
      "the MQM has officially denied that he was ever one of its members.",
    ]);
    const source = await database.prisma.source.findUniqueOrThrow({ where: { id: result.summary.sourceId } });
    for (const claim of claims) expect(source.text.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote);
  });

  test("in an imported forum thread, two posters' tolls conflict, each named; a stale claim gets its poster back", async () => {
    const thread = [
      "HarbourTalk > Local News",
      "Grain silo fire",
      "",
      "#1   03-11-2019, 07:40 PM",
      "dockside_dan",
      "Senior Member",
      "",
      "Forty-one people died in the grain silo fire on the east quay.",
      "",
      "#2   03-11-2019, 08:02 PM",
      "marina_kay",
      "Member",
      "",
      "Rubbish, forty-four people died in the grain silo fire on the east quay.",
      "",
    ].join("\n");
    const document = { file: "thread.txt", format: "text" as const, bytes: thread.length, rawText: thread, guesses: {} };
    const request = parseImportRequest(document.file, { metadata: { title: "Grain silo fire", kind: "forum" }, target: "new" });
    const result = await importDocument(database.prisma, { document, request, userId: users.editor.id });
    const pair = await pairWith("Forty-one people died in the grain silo fire", "forty-four people died in the grain silo fire");
    expect(pair).toMatchObject({ kind: "numeric", detectedBy: "figures-conflict" });
    expect(pair!.explanation).toMatch(/^dockside_dan in “Grain silo fire” says Forty-one people; marina_kay in “Grain silo fire” says forty-four people/);

    const reply = await database.prisma.claim.findFirstOrThrow({ where: { sourceId: result.summary.sourceId, quote: { contains: "forty-four" } } });
    expect(readStoredFacets(reply.facets)!.voice).toBe("marina_kay");
    await database.prisma.claim.update({ where: { id: reply.id }, data: { facetsVersion: "0", facets: { version: "0" } } });
    await detectContradictions(database.prisma);
    expect(readStoredFacets((await database.prisma.claim.findUniqueOrThrow({ where: { id: reply.id } })).facets)!.voice).toBe("marina_kay");
  });
});
