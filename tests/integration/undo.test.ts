// Undo (issue 18, item 4): each of the five undoable actions — a queue decision, a bulk change, an actor
// merge, a contradiction decision, a claim withdrawal — is put back by its author; a record changed since
// refuses it naming who, a second undo is refused, and the audit trail only ever gains events.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { reviewClaimAction, bulkStatusAction, bulkTopicAction, withdrawClaimAction } = await import("@/lib/claims/actions");
const { mergeActorsAction } = await import("@/lib/actors/actions");
const { reviewContradictionAction } = await import("@/lib/contradictions/actions");
const { undoActionAction } = await import("@/lib/undo/actions");
const { listRecentActions } = await import("@/lib/undo/queries");

const TEXT = "The minister said the dam is safe. The engineer said the dam is cracked. The mayor said the dam was inspected. A farmer said water rose.";

describe("undo", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let nadia: TestUser;
  let claimIds: number[];

  const claim = (id: number) => database.prisma.claim.findUniqueOrThrow({ where: { id } });
  /** Every audit event so far, to show the trail only grows. */
  const trail = async () =>
    (await database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).map((event) =>
      JSON.stringify(event, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)),
    );

  async function undo(actionId: string | undefined) {
    expect(actionId).toBeTruthy();
    return undoActionAction({ actionId });
  }

  async function expectTrailKept(run: () => Promise<unknown>, gained: number) {
    const before = await trail();
    await run();
    const after = await trail();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length - before.length).toBe(gained);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    nadia = await createUser(database.prisma, "editor", { email: "nadia@example.test" });
    await database.prisma.user.update({ where: { id: nadia.id }, data: { name: "Nadia Second" } });
    nadia.name = "Nadia Second";
    const sentences = TEXT.split(/(?<=\.) /);
    let offset = 0;
    const claims = sentences.map((quote) => {
      const start = TEXT.indexOf(quote, offset);
      offset = start + quote.length;
      return { quote, startOffset: start, endOffset: start + quote.length };
    });
    const source = await database.prisma.source.create({
      data: { slug: "dam", title: "Dam report", text: TEXT, textSha256: "1".repeat(64), claims: { create: claims } },
      include: { claims: { orderBy: { startOffset: "asc" } } },
    });
    claimIds = source.claims.map((row) => row.id);
  });
  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  test("a queue decision is undone: the claim is back to unreviewed, with one new audit event naming the undone action", async () => {
    signInAs(users.editor);
    const id = claimIds[0]!;
    const decided = await reviewClaimAction({ id, version: (await claim(id)).version, status: "approved", stance: "supports" });
    expect(decided).toMatchObject({ ok: true, data: { actionId: expect.any(String) } });
    const actionId = decided.ok ? decided.data.actionId : undefined;
    await expectTrailKept(async () => {
      expect(await undo(actionId)).toMatchObject({ ok: true, data: { kind: "claim_review", description: `Claim #${id} marked approved` } });
    }, 1);
    expect(await claim(id)).toMatchObject({ status: "unreviewed", stance: "unclear", reviewerId: null });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "undo", userId: users.editor.id, entityId: String(id), undoesActionId: actionId });
    expect(event.before).toEqual({ status: "approved", stance: "supports" });
    expect(event.after).toEqual({ status: "unreviewed", stance: "unclear" });
  });

  test("a bulk status change and a bulk topic change are each undone as one action", async () => {
    signInAs(users.editor);
    const ids = claimIds.slice(0, 3);
    await database.prisma.claim.update({ where: { id: ids[2]! }, data: { status: "rejected" } });
    const bulk = await bulkStatusAction({ ids, status: "approved" });
    expect(bulk).toMatchObject({ ok: true, data: { changed: 3 } });
    await expectTrailKept(async () => {
      expect(await undo(bulk.ok ? bulk.data.actionId : undefined)).toMatchObject({ ok: true, data: { description: "Status of 3 claims set to approved" } });
    }, 3);
    expect((await Promise.all(ids.map(claim))).map((row) => row.status)).toEqual(["unreviewed", "unreviewed", "rejected"]);

    const topic = await database.prisma.topic.create({ data: { slug: "dam-safety", title: "Dam safety" } });
    const topical = await bulkTopicAction({ ids, topicId: topic.id });
    expect(topical).toMatchObject({ ok: true, data: { changed: 3 } });
    expect(await undo(topical.ok ? topical.data.actionId : undefined)).toMatchObject({
      ok: true,
      data: { description: "Topic of 3 claims set to “Dam safety”" },
    });
    expect((await Promise.all(ids.map(claim))).map((row) => row.topicId)).toEqual([null, null, null]);
  });

  test("a claim withdrawal is undone: the claim is back in the lists", async () => {
    signInAs(users.editor);
    const id = claimIds[3]!;
    const withdrawn = await withdrawClaimAction({ id, version: (await claim(id)).version });
    expect((await claim(id)).withdrawnAt).not.toBeNull();
    expect(await undo(withdrawn.ok ? withdrawn.data.actionId : undefined)).toMatchObject({ ok: true, data: { description: `Claim #${id} withdrawn` } });
    expect((await claim(id)).withdrawnAt).toBeNull();
  });

  test("a contradiction decision is undone: the pair is a candidate again, without the rationale", async () => {
    signInAs(users.editor);
    const pair = await database.prisma.contradiction.create({ data: { claimAId: claimIds[0]!, claimBId: claimIds[1]!, detectedBy: "editor" } });
    const decided = await reviewContradictionAction({
      id: pair.id,
      version: pair.version,
      status: "confirmed",
      rationale: "Safe and cracked cannot both hold.",
      preferredClaimId: claimIds[1],
      preferredReason: "The engineer inspected it.",
    });
    expect(decided).toMatchObject({ ok: true });
    expect(await undo(decided.ok ? decided.data.actionId : undefined)).toMatchObject({
      ok: true,
      data: { description: `Contradiction #${pair.id} marked confirmed` },
    });
    expect(await database.prisma.contradiction.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({
      status: "candidate",
      rationale: null,
      preferredClaimId: null,
      preferredReason: null,
    });
  });

  test("an actor merge is undone: the merged actor is back with its names and its claims point at it again", async () => {
    signInAs(users.editor);
    const minister = await database.prisma.actor.create({
      data: { name: "Minister Rana", normalizedName: "minister rana", kind: "person", notes: "Water minister" },
    });
    const rana = await database.prisma.actor.create({
      data: { name: "Rana Sanaullah", normalizedName: "rana sanaullah", kind: "person", aliases: ["Sanaullah"] },
    });
    await database.prisma.claim.updateMany({ where: { id: { in: claimIds.slice(0, 2) } }, data: { speakerId: minister.id } });
    const merged = await mergeActorsAction({ keptId: rana.id, keptVersion: rana.version, mergedId: minister.id });
    expect(merged).toMatchObject({ ok: true, data: { claimsMoved: 2 } });
    expect(await database.prisma.actor.findUnique({ where: { id: minister.id } })).toBeNull();

    // Restored actor, kept actor, two claims.
    await expectTrailKept(async () => {
      expect(await undo(merged.ok ? merged.data.actionId : undefined)).toMatchObject({
        ok: true,
        data: { description: `Actor “Minister Rana” merged into actor #${rana.id}` },
      });
    }, 4);
    expect(await database.prisma.actor.findUniqueOrThrow({ where: { id: minister.id } })).toMatchObject({
      name: "Minister Rana",
      normalizedName: "minister rana",
      kind: "person",
      notes: "Water minister",
      aliases: [],
    });
    expect(await database.prisma.actor.findUniqueOrThrow({ where: { id: rana.id } })).toMatchObject({ aliases: ["Sanaullah"], notes: null });
    expect((await Promise.all(claimIds.slice(0, 2).map(claim))).map((row) => row.speakerId)).toEqual([minister.id, minister.id]);
  });

  test("a record another editor changed since refuses the undo, naming them, and nothing changes", async () => {
    signInAs(users.editor);
    const ids = claimIds.slice(1, 3);
    const bulk = await bulkStatusAction({ ids, status: "approved" });
    signInAs(nadia);
    const edited = await reviewClaimAction({ id: ids[1]!, version: (await claim(ids[1]!)).version, stance: "opposes" });
    expect(edited).toMatchObject({ ok: true });

    signInAs(users.editor);
    const fingerprint = await databaseFingerprint(database.prisma);
    const refused = await undo(bulk.ok ? bulk.data.actionId : undefined);
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect(refused.ok ? "" : refused.message).toMatch(
      new RegExp(`^Cannot undo: claim #${ids[1]} was changed since by Nadia Second at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`),
    );
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
    expect((await Promise.all(ids.map(claim))).map((row) => row.status)).toEqual(["approved", "approved"]);
  });

  test("a change the trail does not show still refuses: the record no longer holds what the action left", async () => {
    signInAs(users.editor);
    const id = claimIds[2]!;
    const decided = await reviewClaimAction({ id, version: (await claim(id)).version, status: "rejected" });
    await database.prisma.claim.update({ where: { id }, data: { status: "unreviewed" } });
    const refused = await undo(decided.ok ? decided.data.actionId : undefined);
    expect(refused).toMatchObject({ ok: false, status: 409, message: expect.stringContaining(`Cannot undo: claim #${id} was changed since by Test editor`) });
    expect((await claim(id)).status).toBe("unreviewed");
  });

  test("an action is undone once; someone else's is not mine to undo; viewers cannot undo", async () => {
    signInAs(users.editor);
    const id = claimIds[3]!;
    const withdrawn = await withdrawClaimAction({ id, version: (await claim(id)).version });
    const actionId = withdrawn.ok ? withdrawn.data.actionId : undefined;

    signInAs(nadia);
    expect(await undo(actionId)).toMatchObject({ ok: false, status: 403, message: "Only the editor who did this can undo it." });
    signInAs(users.viewer);
    expect(await undo(actionId)).toMatchObject({ ok: false, status: 403 });
    signInAs(users.admin);
    expect(await undo(actionId)).toMatchObject({ ok: false, status: 403 });

    signInAs(users.editor);
    expect(await undo(actionId)).toMatchObject({ ok: true });
    const count = await database.prisma.auditEvent.count();
    const again = await undo(actionId);
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect(again.ok ? "" : again.message).toMatch(/^This was already undone by Test editor at .* UTC; it cannot be undone twice\.$/);
    expect(await database.prisma.auditEvent.count()).toBe(count);
    expect((await claim(id)).withdrawnAt).toBeNull();

    expect(await undoActionAction({ actionId: "not-an-id" })).toMatchObject({ ok: false, status: 422 });
    expect(await undoActionAction({ actionId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, status: 404 });
  });

  test("My recent actions lists my last undoable actions, newest first, undone ones as such", async () => {
    signInAs(users.editor);
    const recent = await listRecentActions(users.editor.id, database.prisma);
    expect(recent.length).toBeGreaterThan(5);
    expect(recent.length).toBeLessThanOrEqual(20);
    expect(recent[0]).toMatchObject({ description: `Claim #${claimIds[3]} withdrawn`, undoneAt: expect.any(Date) });
    expect(recent.find((action) => action.description === `Claim #${claimIds[2]} marked rejected`)).toMatchObject({ undoneAt: null });
    expect(recent.map((action) => action.description)).toContain("Status of 2 claims set to approved");
    expect(await listRecentActions(nadia.id, database.prisma)).toEqual([
      expect.objectContaining({ description: `Claim #${claimIds[2]} reviewed`, undoneAt: null }),
    ]);
  });
});
