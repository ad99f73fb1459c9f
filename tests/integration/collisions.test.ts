// Two people saving the same new thing at the same moment (issue 19, item 13): two identical
// imports, two editors typing the same new speaker (or topic) on different claims. The second
// save is told what already exists, or uses what the first one created, never "That already exists."
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import { canonicalActorKey } from "@/lib/extract/actors";
import { describeImport, importDocument, parseImportRequest } from "@/lib/import/import-document";
import { readPastedText } from "@/lib/import/read-document";
import { mapError } from "@/lib/errors";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { updateClaimAction } = await import("@/lib/claims/actions");

const ARTICLE = [
  "Dawn, 14 March 2011.",
  "",
  "Superintendent Rana Tariq said the fire started in the basement of the garment factory.",
  "",
  "The owners told reporters that the emergency exits had been open all night.",
].join("\n");

describe("saves that collide", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let secondEditor: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    secondEditor = await createUser(database.prisma, "editor", { email: "second-editor@example.test" });
  });

  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  test("two identical imports at once: one source, and the second is told which source already holds the text", async () => {
    const save = (userId: number) =>
      importDocument(database.prisma, {
        document: readPastedText(ARTICLE),
        request: parseImportRequest("pasted text", { metadata: { title: "Factory fire in Baldia", kind: "news" } }),
        userId,
      });
    const outcomes = await Promise.allSettled([save(users.editor.id), save(secondEditor.id)]);
    const failures = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [mapError(outcome.reason).message] : []));
    expect(failures).toEqual([]);
    const [first, second] = outcomes.map((outcome) => (outcome as PromiseFulfilledResult<Awaited<ReturnType<typeof save>>>).value);
    const created = [first!, second!].filter((result) => result.summary.created);
    const linked = [first!, second!].filter((result) => result.summary.duplicate);
    expect(created).toHaveLength(1);
    expect(linked).toHaveLength(1);
    expect(linked[0]!.summary).toMatchObject({ sourceId: created[0]!.summary.sourceId, slug: created[0]!.summary.slug, claimsCreated: 0 });
    expect(describeImport(linked[0]!)).toBe(
      `a source with this text already exists: “Factory fire in Baldia” ("${created[0]!.summary.slug}"); linked to it, nothing new written`,
    );
    const sources = await database.prisma.source.findMany({ where: { title: "Factory fire in Baldia" } });
    expect(sources).toHaveLength(1);
    // The claims and the speaker exist once.
    expect(await database.prisma.claim.count({ where: { sourceId: sources[0]!.id } })).toBe(created[0]!.summary.claimsTotal);
    expect(await database.prisma.actor.count({ where: { normalizedName: canonicalActorKey("Rana Tariq") } })).toBe(1);
  });

  test("two editors typing the same new speaker on different claims at once both save, with one actor between them", async () => {
    const source = await database.prisma.source.create({
      data: { slug: "speaker-race", title: "Speaker race", kind: "news", text: "a".repeat(400), textSha256: "1".repeat(64) },
    });
    // Several rounds, each with its own new name: one round may happen not to overlap.
    for (let round = 0; round < 4; round++) {
      const claims = await Promise.all(
        [0, 1].map((index) =>
          database.prisma.claim.create({
            data: { sourceId: source.id, quote: "a".repeat(10), startOffset: round * 40 + index * 20, endOffset: round * 40 + index * 20 + 10 },
          }),
        ),
      );
      const name = `Inspector General Number ${["One", "Two", "Three", "Four"][round]}`;
      const form = (claimId: number) => ({
        id: claimId,
        version: 1,
        stance: "unclear",
        sourceStance: "reports",
        speakerId: "",
        newSpeakerName: name,
        attribution: "paraphrase",
        citedVia: "",
        topicId: "",
        newTopicTitle: `Who was to blame, round ${round}?`,
        credibility: "6",
        status: "unreviewed",
        notes: "",
      });
      signInAs(users.editor);
      const first = updateClaimAction(form(claims[0]!.id));
      signInAs(secondEditor);
      const second = updateClaimAction(form(claims[1]!.id));
      const results = await Promise.all([first, second]);
      expect(results.map((result) => (result.ok ? "saved" : result.message))).toEqual(["saved", "saved"]);

      const actors = await database.prisma.actor.findMany({ where: { normalizedName: canonicalActorKey(name) } });
      expect(actors).toHaveLength(1);
      const saved = await database.prisma.claim.findMany({ where: { id: { in: claims.map((claim) => claim.id) } }, include: { topic: true } });
      expect(saved.map((claim) => claim.speakerId)).toEqual([actors[0]!.id, actors[0]!.id]);
      // The topic typed by both is one topic too.
      expect(new Set(saved.map((claim) => claim.topicId)).size).toBe(1);
      expect(saved[0]!.topic?.title).toBe(`Who was to blame, round ${round}?`);
      // One creation event for the actor, by whoever created it; each claim's own update by its editor.
      const created = await database.prisma.auditEvent.findMany({ where: { entityType: "actor", action: "create", entityId: String(actors[0]!.id) } });
      expect(created).toHaveLength(1);
      const updates = await database.prisma.auditEvent.findMany({
        where: { entityType: "claim", action: "update", entityId: { in: claims.map((claim) => String(claim.id)) } },
        orderBy: { entityId: "asc" },
      });
      expect(updates.map((event) => event.userId).sort()).toEqual([users.editor.id, secondEditor.id].sort());
    }
  });
});
