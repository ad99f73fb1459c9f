// Assignment (issue 18, item 1): claims, a source and a contradiction given to an editor, each change
// audited in its transaction; a refused assignment (disabled user, viewer, a viewer assigning, a stale
// count) changes nothing; the review queue hands an editor their own claims first and "My queue"
// holds only theirs.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { assignClaimsAction, assignContradictionAction, assignSourceAction } = await import("@/lib/assignments/actions");
const { bulkMatchingAction } = await import("@/lib/bulk/actions");
const { handOutQueueClaim } = await import("@/lib/claims/leases");
const { listClaims, reviewQueuePosition } = await import("@/lib/claims/queries");
const { myWork } = await import("@/lib/assignments/queries");
const { listSourcesWithCounts } = await import("@/lib/sources/queries");
const { listContradictions } = await import("@/lib/contradictions/queries");
const { parseClaimTableParams } = await import("@/lib/claims/schema");

const SENTENCES = [
  "The minister said the dam is safe.",
  "The engineers said it leaks.",
  "The mayor said 40 homes flooded.",
  "The council denied any flooding.",
];

describe("assignment", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let nadia: TestUser;
  let disabled: TestUser;
  /** Per source, in text order; check-worthiness falls with the index, so the queue walks each source in order. */
  let claims: { dam: number[]; port: number[] };
  let sources: { dam: number; port: number };
  let contradictionId: number;

  const prisma = () => database.prisma;
  const assigned = async (ids: number[]) =>
    (await prisma().claim.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { assigneeId: true } })).map((row) => row.assigneeId);
  const lastEventId = async () => (await prisma().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  const eventsSince = (id: bigint) => prisma().auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
  const tableIds = async (query: Record<string, string>) => {
    const parsed = parseClaimTableParams(new URLSearchParams(query));
    expect(parsed.problems).toEqual([]);
    return (await listClaims(parsed.value, { prisma: prisma(), pageSize: 100 })).rows;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(prisma());
    nadia = await createUser(prisma(), "editor", { email: "nadia@example.test" });
    await prisma().user.update({ where: { id: nadia.id }, data: { name: "Nadia Second" } });
    disabled = await createUser(prisma(), "editor", { email: "gone@example.test", active: false });
    await prisma().user.update({ where: { id: disabled.id }, data: { name: "Omar Gone" } });
    const text = SENTENCES.join(" ");
    const made: Record<string, { source: number; claims: number[] }> = {};
    for (const [index, slug] of ["dam", "port"].entries()) {
      const source = await prisma().source.create({ data: { slug, title: `The ${slug} report`, text, textSha256: String(index).repeat(64) } });
      const ids: number[] = [];
      for (const [position, sentence] of SENTENCES.entries()) {
        const start = text.indexOf(sentence);
        const claim = await prisma().claim.create({
          data: {
            sourceId: source.id,
            quote: sentence,
            startOffset: start,
            endOffset: start + sentence.length,
            checkWorthiness: 90 - position * 10 - index * 5,
          },
        });
        ids.push(claim.id);
      }
      made[slug] = { source: source.id, claims: ids };
    }
    claims = { dam: made.dam!.claims, port: made.port!.claims };
    sources = { dam: made.dam!.source, port: made.port!.source };
    contradictionId = (await prisma().contradiction.create({ data: { claimAId: claims.dam[0]!, claimBId: claims.port[1]!, detectedBy: "editor" } })).id;
  });

  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  beforeEach(async () => {
    await prisma().claimLease.deleteMany();
    await prisma().claim.updateMany({ data: { assigneeId: null, status: "unreviewed" } });
    await prisma().source.updateMany({ data: { assigneeId: null } });
    await prisma().contradiction.updateMany({ data: { assigneeId: null } });
  });

  test("checked claims go to an editor, one audit event per claim that changed; assigning again changes nothing", async () => {
    signInAs(users.editor);
    const since = await lastEventId();
    const ids = [claims.dam[1]!, claims.dam[2]!];
    expect(await assignClaimsAction({ ids: ids.map(String), assigneeId: String(nadia.id) })).toMatchObject({
      ok: true,
      data: { changed: 2, unchanged: 0, assignee: { id: nadia.id, name: "Nadia Second" } },
    });
    expect(await assigned(ids)).toEqual([nadia.id, nadia.id]);
    const events = await eventsSince(since);
    expect(events.map((event) => [event.entityType, event.entityId, event.action, event.userId])).toEqual([
      ["claim", String(ids[0]), "assign", users.editor.id],
      ["claim", String(ids[1]), "assign", users.editor.id],
    ]);
    expect(events[0]!.before).toEqual({ assigneeId: null, assignee: null });
    expect(events[0]!.after).toEqual({ assigneeId: nadia.id, assignee: "Nadia Second" });
    // The table shows who has them, and the version an open edit form holds is still good.
    const rows = await tableIds({ source: "dam" });
    expect(rows.filter((row) => row.assigneeName === "Nadia Second").map((row) => row.id)).toEqual(ids);
    expect((await prisma().claim.findUniqueOrThrow({ where: { id: ids[0] } })).version).toBe(1);

    const again = await lastEventId();
    expect(await assignClaimsAction({ ids, assigneeId: nadia.id, extra: 1 })).toMatchObject({ ok: false, status: 422 });
    expect(await assignClaimsAction({ ids: [...ids, claims.dam[3]!], assigneeId: nadia.id })).toMatchObject({ ok: true, data: { changed: 1, unchanged: 2 } });
    expect(await eventsSince(again)).toHaveLength(1);

    // Reassigned, then unassigned: each an audited change naming who had it.
    expect(await assignClaimsAction({ ids: [ids[0]], assigneeId: users.admin.id })).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await assignClaimsAction({ ids: [ids[0]], assigneeId: "none" })).toMatchObject({ ok: true, data: { changed: 1, assignee: null } });
    const [reassign, unassign] = (await eventsSince(again)).slice(1);
    expect(reassign).toMatchObject({ action: "assign", before: { assigneeId: nadia.id, assignee: "Nadia Second" }, after: { assigneeId: users.admin.id } });
    expect(unassign).toMatchObject({ action: "unassign", before: { assigneeId: users.admin.id }, after: { assigneeId: null, assignee: null } });
    expect(await assigned([ids[0]!])).toEqual([null]);
  });

  test("an assignment to a disabled user, to a viewer, to nobody that exists, or by a viewer is refused and changes nothing", async () => {
    await prisma().claim.update({ where: { id: claims.dam[0] }, data: { assigneeId: nadia.id } });
    const before = await databaseFingerprint(prisma());
    signInAs(users.editor);
    const ids = [claims.dam[0]!, claims.dam[1]!];
    expect(await assignClaimsAction({ ids, assigneeId: disabled.id })).toEqual({
      ok: false,
      status: 422,
      message: "Omar Gone's account is disabled, so no work can be assigned to them; choose another editor.",
      fieldErrors: { assigneeId: ["Omar Gone's account is disabled, so no work can be assigned to them; choose another editor."] },
    });
    expect(await assignSourceAction({ sourceId: sources.dam, assigneeId: users.viewer.id })).toMatchObject({
      ok: false,
      status: 422,
      message: "Test viewer is a viewer and cannot review; assign the work to an editor.",
    });
    expect(await assignContradictionAction({ contradictionId, assigneeId: 999_999 })).toMatchObject({
      ok: false,
      status: 422,
      message: "That user no longer exists; choose another editor.",
    });
    expect(await assignClaimsAction({ ids: [claims.dam[0]!, 999_999], assigneeId: nadia.id })).toMatchObject({ ok: false, status: 422 });
    expect(await assignClaimsAction({ ids, assigneeId: "someone" })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { assigneeId: ['Choose an editor, or "nobody" to unassign'] },
    });
    expect(await assignClaimsAction({ assigneeId: nadia.id })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ids: ["Select at least one claim"] },
    });
    signInAs(users.viewer);
    expect(await assignClaimsAction({ ids, assigneeId: nadia.id })).toMatchObject({ ok: false, status: 403 });
    expect(await databaseFingerprint(prisma())).toEqual(before);
    expect(await assigned(ids)).toEqual([nadia.id, null]);
  });

  test("every claim the filters match goes to an editor when the confirmed count still holds; otherwise none does", async () => {
    signInAs(users.editor);
    const before = await databaseFingerprint(prisma());
    const assignMatching = (input: Record<string, unknown>, assigneeId: unknown) => bulkMatchingAction({ ...input, change: { kind: "assign", assigneeId } });
    expect(await assignMatching({ filters: { source: "port" }, confirmedCount: 3 }, nadia.id)).toMatchObject({
      ok: false,
      status: 422,
      message: "4 claims match these filters now, not the 3 you confirmed; nothing was assigned. Reload the page and confirm again.",
    });
    expect(await assignMatching({ filters: { source: "port", sort: "newest" }, confirmedCount: 4 }, nadia.id)).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(await databaseFingerprint(prisma())).toEqual(before);
    const since = await lastEventId();
    expect(await assignMatching({ filters: { source: "port" }, confirmedCount: "4" }, String(nadia.id))).toMatchObject({
      ok: true,
      data: { kind: "done", result: { changed: 4, skipped: 0, label: "Nadia Second" } },
    });
    expect(await assigned(claims.port)).toEqual([nadia.id, nadia.id, nadia.id, nadia.id]);
    expect(await assigned(claims.dam)).toEqual([null, null, null, null]);
    expect((await eventsSince(since)).map((event) => Number(event.entityId))).toEqual(claims.port);
  });

  test("a source's claims are its assignee's unless given to someone else, so two editors split it", async () => {
    signInAs(users.editor);
    const since = await lastEventId();
    expect(await assignSourceAction({ sourceId: sources.dam, assigneeId: users.editor.id })).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await assignClaimsAction({ ids: [claims.dam[2], claims.dam[3]], assigneeId: nadia.id })).toMatchObject({ ok: true });
    expect((await eventsSince(since))[0]).toMatchObject({ entityType: "source", entityId: String(sources.dam), action: "assign", userId: users.editor.id });

    const mine = await tableIds({ assignee: String(users.editor.id) });
    expect(mine.map((row) => row.id)).toEqual(claims.dam.slice(0, 2));
    expect(mine.every((row) => row.assignedViaSource && row.assigneeName === "Test editor")).toBe(true);
    const theirs = await tableIds({ assignee: String(nadia.id) });
    expect(theirs.map((row) => [row.id, row.assignedViaSource])).toEqual([
      [claims.dam[2], false],
      [claims.dam[3], false],
    ]);
    expect((await tableIds({ assignee: "none" })).map((row) => row.id)).toEqual(claims.port);

    const work = await myWork(users.editor.id, prisma());
    expect(work.claims).toEqual({ total: 2, unreviewed: 2 });
    expect(work.sources).toEqual([{ id: sources.dam, slug: "dam", title: "The dam report", unreviewed: 2 }]);
    expect((await myWork(nadia.id, prisma())).claims).toEqual({ total: 2, unreviewed: 2 });
    // The sources list says whose each source is.
    const listed = await listSourcesWithCounts({ page: 1 }, prisma());
    expect(listed.rows.map((row) => [row.slug, row.assigneeName])).toEqual(
      expect.arrayContaining([
        ["dam", "Test editor"],
        ["port", null],
      ]),
    );

    expect(await assignSourceAction({ sourceId: sources.dam, assigneeId: "none" })).toMatchObject({ ok: true, data: { changed: 1, assignee: null } });
    expect((await prisma().source.findUniqueOrThrow({ where: { id: sources.dam } })).assigneeId).toBeNull();
  });

  test("a contradiction goes to an editor and shows in their work", async () => {
    signInAs(users.admin);
    const since = await lastEventId();
    expect(await assignContradictionAction({ contradictionId, assigneeId: nadia.id })).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await eventsSince(since)).toMatchObject([
      { entityType: "contradiction", entityId: String(contradictionId), action: "assign", userId: users.admin.id },
    ]);
    expect((await myWork(nadia.id, prisma())).contradictions.map((pair) => pair.id)).toEqual([contradictionId]);
    // So does the contradictions list.
    const pairs = await listContradictions({}, prisma());
    expect(pairs.rows.find((row) => row.id === contradictionId)?.assignee).toEqual({ name: "Nadia Second", email: "nadia@example.test" });
    expect(await assignContradictionAction({ contradictionId: 999_999, assigneeId: nadia.id })).toMatchObject({ ok: false, status: 404 });
  });

  test("the queue hands an editor their own claims first, then unassigned ones, other editors' last; My queue holds only theirs", async () => {
    // The most check-worthy claims are the dam's; Nadia has two of the port's, the editor the dam's last one.
    await prisma().claim.updateMany({ where: { id: { in: [claims.port[2]!, claims.port[3]!] } }, data: { assigneeId: nadia.id } });
    await prisma().claim.update({ where: { id: claims.dam[3] }, data: { assigneeId: users.editor.id } });
    const handOut = (userId: number, filters: Record<string, unknown> = {}, from: { after?: number } = {}) =>
      handOutQueueClaim(filters, "worth", from, userId, prisma());

    const first = await handOut(nadia.id);
    expect(first.position.claimId).toBe(claims.port[2]);
    expect(first.position.nextId).toBe(claims.port[3]);
    // Her own done, the unassigned ones by check-worthiness, the editor's own last.
    const walk = [first.position.claimId];
    let position = first.position;
    while (position.nextId !== null) {
      position = await reviewQueuePosition({}, position.nextId, prisma(), "worth", { editorId: nadia.id });
      walk.push(position.claimId);
    }
    const unassigned = [claims.dam[0], claims.port[0], claims.dam[1], claims.port[1], claims.dam[2]];
    expect(walk).toEqual([claims.port[2], claims.port[3], ...unassigned, claims.dam[3]]);
    // "Previous" walks back across the same tiers.
    const back = await reviewQueuePosition({}, unassigned[0], prisma(), "worth", { editorId: nadia.id });
    expect([back.prevId, back.nextId]).toEqual([claims.port[3], unassigned[1]]);
    expect((await reviewQueuePosition({}, claims.dam[3], prisma(), "worth", { editorId: nadia.id })).prevId).toBe(unassigned.at(-1));

    // The editor is handed their own claim though it is the dam's least check-worthy one; Nadia's stay with her.
    const editor = await handOut(users.editor.id);
    expect(editor.position.claimId).toBe(claims.dam[3]);
    expect(await prisma().claimLease.findMany({ orderBy: { claimId: "asc" }, select: { claimId: true, userId: true } })).toEqual(
      [
        { claimId: claims.port[2], userId: nadia.id },
        { claimId: claims.dam[3], userId: users.editor.id },
      ].sort((a, b) => a.claimId! - b.claimId!),
    );

    // My queue: only the claims assigned to her, the one she holds first.
    const mine = await handOut(nadia.id, { assignee: nadia.id });
    expect([mine.position.claimId, mine.position.nextId, mine.position.remaining]).toEqual([claims.port[2], claims.port[3], 2]);
    const next = await handOut(nadia.id, { assignee: nadia.id }, { after: claims.port[2]! });
    expect([next.position.claimId, next.position.nextId]).toEqual([claims.port[3], null]);
  });
});
