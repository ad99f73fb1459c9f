// The proposition pages' reads on the seed corpus after a detection and grouping run: one proposition
// built with known provenance (two sources citing one cable, a third quoting a speaker) shows its members,
// opposing claims grouped by their own proposition, its origins and circular reporting, the weakest hop of
// each chain and a timeline by publication date; the list's and the claims table's filters; the claims CSV's
// proposition columns and the propositions export, over HTTP and from the command line.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { closeExportPool, releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import { resetEnvCache } from "@/lib/env";
import type { Role } from "@/lib/auth/roles";
import { seedDatabase } from "@/seed/run-seed";
import { detectContradictions } from "@/lib/contradictions/detect";
import { groupPropositions } from "@/lib/propositions/group";
import { confirmProposition, relabelProposition, splitProposition } from "@/lib/propositions/mutations";
import { claimChains, getPropositionOrThrow, listPropositions, propositionTallies } from "@/lib/propositions/queries";
import { propositionListParamsSchema } from "@/lib/propositions/schema";
import { listClaims } from "@/lib/claims/queries";
import { parseClaimTableParams } from "@/lib/claims/schema";
import { countMatching } from "@/lib/bulk/queries";
import { NotFoundError } from "@/lib/errors";
import { GET } from "@/app/api/export/[kind]/route";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

describe("proposition pages", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  /** c1, c2 cite the same cable from two sources; c3 quotes a speaker in a third; c4 and c6 (one speaker, one source) oppose; c5's pair is dismissed. */
  const claim = { c1: 0, c2: 0, c3: 0, c4: 0, c5: 0, c6: 0 };
  const ids = { proposition: 0, opposingProposition: 0, topic: 0, speaker: 0, opposer: 0 };
  const dates = ["June 2004", "2001-03-15", "12 January 2003"];

  async function exportText(kind: string, query: string): Promise<string> {
    signInAs(users.viewer);
    const response = await GET(new Request(`http://claimbase.test/api/export/${kind}${query ? `?${query}` : ""}`), {
      params: Promise.resolve({ kind }),
    });
    if (response.status !== 200) throw new Error(`export ${kind}?${query}: ${response.status} ${await response.text()}`);
    return response.text();
  }

  const list = (query: Record<string, string>) =>
    listPropositions(propositionListParamsSchema.parse(query), { prisma: database.prisma, pageSize: 1000 }).then((page) => page.rows);

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    useAppDatabase(database);
    const prisma = database.prisma;
    users = await createRoleUsers(prisma);
    expect((await seedDatabase(prisma)).failures).toEqual([]);
    await detectContradictions(prisma);
    await groupPropositions(prisma);

    // Claims from five different sources (c4 and c6 share one), taken out of whatever the run grouped them into.
    const sources = await prisma.source.findMany({
      orderBy: { id: "asc" },
      take: 5,
      select: { id: true, claims: { take: 2, orderBy: { id: "asc" }, select: { id: true } } },
    });
    expect(sources).toHaveLength(5);
    [claim.c1, claim.c2, claim.c3, claim.c4, claim.c5] = sources.map((source) => source.claims[0]!.id) as [number, number, number, number, number];
    claim.c6 = sources[3]!.claims[1]!.id;
    const picked = Object.values(claim);
    await prisma.propositionMember.deleteMany({ where: { claimId: { in: picked } } });
    await prisma.contradiction.deleteMany({ where: { OR: [{ claimAId: { in: picked } }, { claimBId: { in: picked } }] } });
    for (const [index, source] of sources.slice(0, 3).entries()) {
      await prisma.source.update({ where: { id: source.id }, data: { publishedDate: dates[index]!, reliability: index === 2 ? "A" : "C" } });
    }
    const speaker = await prisma.actor.create({ data: { name: "Test Minister Quell", normalizedName: "test minister quell", reliability: "E" } });
    const opposer = await prisma.actor.create({ data: { name: "Test Spokesman Vane", normalizedName: "test spokesman vane", reliability: "B" } });
    ids.speaker = speaker.id;
    ids.opposer = opposer.id;
    const topic = await prisma.topic.create({ data: { slug: "test-karachi-cable", title: "Test: the Karachi cable" } });
    ids.topic = topic.id;
    await prisma.claim.update({ where: { id: claim.c1 }, data: { citedVia: "REFERENCE: Karachi unrest cable", speakerId: null, topicId: topic.id } });
    await prisma.claim.update({ where: { id: claim.c2 }, data: { citedVia: "the Karachi unrest cable", speakerId: null } });
    await prisma.claim.update({ where: { id: claim.c3 }, data: { citedVia: null, speakerId: speaker.id, credibility: 3 } });
    for (const id of [claim.c4, claim.c6]) await prisma.claim.update({ where: { id }, data: { citedVia: null, speakerId: opposer.id } });

    const proposition = await prisma.proposition.create({
      data: {
        label: "Test proposition: the cable says the unrest was planned",
        members: { create: [claim.c1, claim.c2, claim.c3].map((claimId) => ({ claimId, reason: "test fixture" })) },
      },
    });
    const opposing = await prisma.proposition.create({
      data: { label: "Test proposition: the unrest was spontaneous", members: { create: [claim.c4, claim.c6].map((claimId) => ({ claimId })) } },
    });
    ids.proposition = proposition.id;
    ids.opposingProposition = opposing.id;
    const pair = (a: number, b: number) => (a < b ? { claimAId: a, claimBId: b } : { claimAId: b, claimBId: a });
    await prisma.contradiction.create({ data: { ...pair(claim.c3, claim.c4), kind: "dispute", detectedBy: "editor", status: "candidate" } });
    await prisma.contradiction.create({ data: { ...pair(claim.c1, claim.c5), kind: "dispute", detectedBy: "editor", status: "dismissed" } });
  });

  afterAll(async () => {
    await closeExportPool();
    releaseAppDatabase();
    await database?.drop();
  });

  test("the grouping run's propositions are all listed, with their counts", async () => {
    const rows = await list({});
    const listed = await database.prisma.proposition.count({ where: { members: { some: { claim: { withdrawnAt: null } } } } });
    expect(rows.length).toBe(listed);
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.members).toBeGreaterThanOrEqual(1);
      expect(row.independentOrigins).toBeGreaterThanOrEqual(1);
      expect(row.independentOrigins).toBeLessThanOrEqual(row.members);
      expect(row.sources).toBeLessThanOrEqual(row.members);
    }
  });

  test("a proposition shows its members, their provenance, opposing claims grouped by proposition, origins and a timeline", async () => {
    const detail = await getPropositionOrThrow(ids.proposition, database.prisma);
    expect(detail.members.map((member) => member.claim.id)).toEqual([claim.c1, claim.c2, claim.c3].sort((a, b) => a - b));
    const third = detail.members.find((member) => member.claim.id === claim.c3)!;
    expect(third.claim.speaker).toMatchObject({ name: "Test Minister Quell", reliability: "E" });
    expect(third.claim.source.reliability).toBe("A");
    // Source (A) → speaker (E): the speaker is the weakest hop.
    expect(third.origin.chain.map((hop) => [hop.kind, hop.reliability])).toEqual([
      ["source", "A"],
      ["speaker", "E"],
    ]);
    expect(third.origin.weakest).toMatchObject({ kind: "speaker", label: "Test Minister Quell" });
    const first = detail.members.find((member) => member.claim.id === claim.c1)!;
    expect(first.origin.chain.map((hop) => hop.kind)).toEqual(["source", "via"]);
    expect(first.claim.citedVia).toBe("REFERENCE: Karachi unrest cable");

    // Two sources rest on one cable: three sources, two independent origins, circular, and the cable named.
    expect(detail.origins).toMatchObject({ sources: 3, independentOrigins: 2, circular: true });
    expect(detail.origins.mainOrigin).toMatch(/Karachi unrest cable/);

    // The candidate pair's other claim opposes, under its own proposition; the dismissed pair's does not.
    expect(detail.opposingCount).toBe(1);
    expect(detail.opposing).toHaveLength(1);
    expect(detail.opposing[0]!.proposition).toMatchObject({ id: ids.opposingProposition, label: "Test proposition: the unrest was spontaneous" });
    expect(detail.opposing[0]!.claims.map((entry) => entry.claim.id)).toEqual([claim.c4]);
    expect(detail.opposing[0]!.claims[0]!.contradictions).toEqual([expect.objectContaining({ kind: "dispute", status: "candidate" })]);

    // Earliest publication first, whatever the order the dates are written in.
    expect(detail.timeline.map((entry) => entry.publishedDate)).toEqual(["2001-03-15", "12 January 2003", "June 2004"]);
    expect(detail.timeline.every((entry) => entry.dated)).toBe(true);
  });

  test("a claim's chain and proposition, for the claim panel and compare view", async () => {
    const chains = await claimChains([claim.c3, claim.c5], database.prisma);
    expect(chains.get(claim.c3)).toMatchObject({ proposition: { id: ids.proposition }, origin: { weakest: { kind: "speaker" } } });
    expect(chains.get(claim.c5)!.proposition).toBeNull();
    expect(chains.get(claim.c5)!.origin.chain[0]!.kind).toBe("source");
  });

  test("a proposition that no longer exists is a NotFoundError", async () => {
    await expect(getPropositionOrThrow(999_999, database.prisma)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("the list filters by single origin, status, label and topic, and the counts follow an edit", async () => {
    const all = await list({});
    const ours = all.find((row) => row.id === ids.proposition)!;
    expect(ours).toMatchObject({ members: 3, sources: 3, independentOrigins: 2, circular: true, opposing: 1 });
    expect(ours.mainOrigin).toMatch(/Karachi unrest cable/);

    const single = await list({ singleOrigin: "1" });
    expect(single.map((row) => row.id)).toEqual(all.filter((row) => row.independentOrigins === 1).map((row) => row.id));
    expect(single.map((row) => row.id)).toContain(ids.opposingProposition);
    expect(single.map((row) => row.id)).not.toContain(ids.proposition);

    expect((await list({ topic: String(ids.topic) })).map((row) => row.id)).toEqual([ids.proposition]);
    expect((await list({ q: "unrest was SPONTANEOUS" })).map((row) => row.id)).toEqual([ids.opposingProposition]);

    const editor = { id: users.editor.id };
    const before = await database.prisma.proposition.findUniqueOrThrow({ where: { id: ids.proposition } });
    await confirmProposition(database.prisma, { id: ids.proposition, version: before.version }, editor);
    expect((await list({ status: "confirmed" })).map((row) => row.id)).toEqual([ids.proposition]);

    // The third claim now cites the same cable: one origin, and the list knows at once.
    await database.prisma.claim.update({ where: { id: claim.c3 }, data: { citedVia: "a Karachi unrest cable" } });
    expect((await list({ singleOrigin: "1" })).map((row) => row.id)).toContain(ids.proposition);
    expect(await propositionTallies(database.prisma)).toMatchObject({ confirmed: 1, singleOrigin: single.length + 1 });
    await database.prisma.claim.update({ where: { id: claim.c3 }, data: { citedVia: null } });
  });

  test("the claims table filters by proposition and by single origin", async () => {
    const byProposition = await listClaims(parseClaimTableParams({ proposition: String(ids.proposition) }).value, { prisma: database.prisma });
    expect(byProposition.rows.map((row) => row.id).sort((a, b) => a - b)).toEqual([claim.c1, claim.c2, claim.c3].sort((a, b) => a - b));
    expect(byProposition.rows.every((row) => row.propositionId === ids.proposition)).toBe(true);

    const single = await listClaims(parseClaimTableParams({ singleOrigin: "1" }).value, { prisma: database.prisma, pageSize: 1000 });
    const singleIds = single.rows.map((row) => row.id);
    expect(singleIds).toEqual(expect.arrayContaining([claim.c4, claim.c6]));
    expect(singleIds).not.toContain(claim.c1);
    // A claim in no proposition has no origin count to be single in.
    expect(singleIds).not.toContain(claim.c5);
    const members = await database.prisma.propositionMember.findMany({ where: { claimId: { in: singleIds } }, select: { propositionId: true } });
    const singlePropositions = (await list({ singleOrigin: "1" })).map((row) => row.id);
    expect(members.every((member) => singlePropositions.includes(member.propositionId))).toBe(true);
    expect(await countMatching({ singleOrigin: true }, database.prisma)).toBe(singleIds.length);

    const bad = parseClaimTableParams({ proposition: "abc", singleOrigin: "maybe" });
    expect(bad.value.proposition).toBeUndefined();
    expect(bad.value.singleOrigin).toBeUndefined();
    expect(bad.ignored.map((problem) => problem.key).sort()).toEqual(["proposition", "singleOrigin"]);
  });

  test("the claims CSV ends with each claim's proposition", async () => {
    const text = await exportText("claims", `proposition=${ids.proposition}`);
    const [header] = text.split("\r\n");
    expect(header!.split(",").slice(-2)).toEqual(["proposition_id", "proposition_label"]);
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => Number(row.id))).toEqual([claim.c1, claim.c2, claim.c3].sort((a, b) => a - b));
    for (const row of rows) {
      expect(row.proposition_id).toBe(String(ids.proposition));
      expect(row.proposition_label).toBe("Test proposition: the cable says the unrest was planned");
    }
    const lone = (parse(await exportText("claims", ""), { columns: true }) as Record<string, string>[]).find((row) => Number(row.id) === claim.c5)!;
    expect(lone.proposition_id).toBe("");
  });

  test("the propositions export holds what the list shows, over HTTP and from the command line", async () => {
    const text = await exportText("propositions", "");
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "id",
      "label",
      "status",
      "members",
      "sources",
      "independent_origins",
      "circular",
      "opposing",
      "member_claim_ids",
      "link",
    ]);
    expect(rows.map((row) => Number(row.id))).toEqual((await list({})).map((row) => row.id));
    const ours = rows.find((row) => Number(row.id) === ids.proposition)!;
    expect(ours).toMatchObject({
      label: "Test proposition: the cable says the unrest was planned",
      status: "confirmed",
      members: "3",
      sources: "3",
      independent_origins: "2",
      circular: "yes",
      opposing: "1",
      link: `http://claimbase.test/propositions/${ids.proposition}`,
    });
    expect(JSON.parse(ours.member_claim_ids!)).toEqual([claim.c1, claim.c2, claim.c3].sort((a, b) => a - b));

    const filtered = parse(await exportText("propositions", "singleOrigin=1"), { columns: true }) as Record<string, string>[];
    expect(filtered.map((row) => Number(row.id))).toEqual((await list({ singleOrigin: "1" })).map((row) => row.id));
    expect(filtered.every((row) => row.independent_origins === "1")).toBe(true);

    const { stdout } = await run(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/export/cli.ts"), "propositions", "--single-origin", "1"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: "http://claimbase.test" },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect((parse(stdout, { columns: true }) as Record<string, string>[]).map((row) => Number(row.id))).toEqual(filtered.map((row) => Number(row.id)));
  });

  test("a split-off claim shows up as its own proposition, relabelled by the editor", async () => {
    const editor = { id: users.editor.id };
    const current = await database.prisma.proposition.findUniqueOrThrow({ where: { id: ids.proposition } });
    const split = await splitProposition(database.prisma, { id: ids.proposition, version: current.version, claimIds: [claim.c3] }, editor);
    await relabelProposition(database.prisma, { id: split.newId, version: 1, label: "Test: the minister's version" }, editor);
    const detail = await getPropositionOrThrow(split.newId, database.prisma);
    expect(detail.members.map((member) => member.claim.id)).toEqual([claim.c3]);
    expect(detail.label).toBe("Test: the minister's version");
    expect(detail.members[0]!.placement).toBe("editor");
    // The opposing claim followed the claim it contradicts.
    expect(detail.opposing[0]!.claims.map((entry) => entry.claim.id)).toEqual([claim.c4]);
    const left = await getPropositionOrThrow(ids.proposition, database.prisma);
    expect(left.origins).toMatchObject({ sources: 2, independentOrigins: 1 });
    expect(left.opposingCount).toBe(0);
  });
});
