// Bulk on everything that matches (issue 18, item 6): with 10,000 claims, a status for every claim
// the filters match runs as a job the page polls (progress, then the outcome), in one transaction
// with one audit event per changed claim; claims that already had the status are skipped and
// counted, and decided claims that changed are counted; a stale count, a viewer or a failure midway
// changes nothing. Smaller sets change in the request.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { createJobQueue, type JobQueue } from "@/lib/jobs/queue";
import { startBulkWorker, type BulkWorker } from "@/lib/bulk/jobs";
import { changeMatching } from "@/lib/bulk/mutations";
import { bulkJobSchema, type BulkJobView } from "@/lib/bulk/schema";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { bulkMatchingAction, countMatchingAction } = await import("@/lib/bulk/actions");
const { GET: statusGet } = await import("@/app/api/bulk/jobs/[id]/route");

const globalForQueue = globalThis as unknown as { claimbaseJobQueue?: Promise<JobQueue> };

const LARGE = 10_000;
const SMALL = 40;

/** Polls GET /api/bulk/jobs/[id] as the claims page does, every 20 ms, until the job ends. */
async function pollJob(jobId: number): Promise<{ job: BulkJobView; processed: number[]; statuses: string[] }> {
  const processed: number[] = [];
  const statuses: string[] = [];
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await statusGet(new Request(`http://localhost/api/bulk/jobs/${jobId}`), { params: Promise.resolve({ id: String(jobId) }) });
    expect(response.status).toBe(200);
    const job = bulkJobSchema.parse(await response.json());
    if (processed.at(-1) !== job.processed) processed.push(job.processed);
    if (statuses.at(-1) !== job.status) statuses.push(job.status);
    if (job.status === "finished" || job.status === "failed") return { job, processed, statuses };
    if (Date.now() > deadline) throw new Error(`bulk job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("bulk on everything that matches", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let queue: JobQueue;
  let worker: BulkWorker;
  const prisma = () => database.prisma;
  const lastEventId = async () => (await prisma().auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  const statusCounts = async (slug: string) => {
    const rows = await prisma().$queryRaw<{ status: string; count: number }[]>`
      SELECT c.status::text, count(*)::int AS count FROM claims c JOIN sources s ON s.id = c.source_id WHERE s.slug = ${slug} GROUP BY 1 ORDER BY 1`;
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(prisma());
    for (const [index, [slug, count]] of (
      [
        ["wire", LARGE],
        ["desk", SMALL],
      ] as const
    ).entries()) {
      const text = "x".repeat(count + 1);
      const source = await prisma().source.create({ data: { slug, title: `The ${slug}`, text, textSha256: String(index).repeat(64) } });
      // Every 100th claim approved, every 250th rejected (some are both: rejected wins), the rest unreviewed.
      await prisma().$executeRaw`
        INSERT INTO claims (source_id, quote, start_offset, end_offset, status, updated_at)
        SELECT ${source.id}::int, 'x', i, i + 1,
          (CASE WHEN i % 250 = 0 THEN 'rejected' WHEN i % 100 = 0 THEN 'approved' ELSE 'unreviewed' END)::claim_status, now()
        FROM generate_series(0, ${count - 1}::int) AS i`;
    }
    queue = await createJobQueue(database.url, "claimbase_app");
    globalForQueue.claimbaseJobQueue = Promise.resolve(queue);
    worker = await startBulkWorker(prisma(), queue, { pollingIntervalSeconds: 0.5 });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    delete globalForQueue.claimbaseJobQueue;
    await queue?.close();
    releaseAppDatabase();
    await database?.drop();
  });

  const approveWire = (confirmedCount: number | string) => ({ filters: { source: "wire" }, confirmedCount, change: { kind: "status", status: "approved" } });

  test("a viewer is refused and a count that no longer holds is refused by name; neither changes anything", async () => {
    const before = await databaseFingerprint(prisma());
    signInAs(users.viewer);
    expect(await bulkMatchingAction(approveWire(LARGE))).toMatchObject({ ok: false, status: 403 });
    expect(await countMatchingAction({ filters: { source: "wire" } })).toMatchObject({ ok: false, status: 403 });
    signInAs(users.editor);
    // The exact number the editor confirms, past the table's count cap.
    expect(await countMatchingAction({ filters: { source: "wire" } })).toEqual({ ok: true, data: LARGE });
    expect(await bulkMatchingAction(approveWire(LARGE - 1))).toMatchObject({
      ok: false,
      status: 422,
      message: "10,000 claims match these filters now, not the 9,999 you confirmed; nothing was changed. Reload the page and confirm again.",
    });
    expect(await bulkMatchingAction({ ...approveWire(SMALL), filters: { source: "desk", status: "unreviewed" } })).toMatchObject({ ok: false, status: 422 });
    expect(await bulkMatchingAction({ ...approveWire(LARGE), change: { kind: "topic", topicId: 999_999 } })).toMatchObject({
      ok: false,
      fieldErrors: { topicId: ["That topic no longer exists; choose another"] },
    });
    expect(await databaseFingerprint(prisma())).toEqual(before);
    expect(await prisma().bulkJob.count()).toBe(0);
  });

  test("a failure midway (after the first 1,000 claims) leaves every claim and the audit trail as they were", async () => {
    const before = await databaseFingerprint(prisma());
    const seen: number[] = [];
    const failing = changeMatching(
      prisma(),
      { filters: { source: "wire" }, confirmedCount: LARGE, change: { kind: "status", status: "in_review" } },
      users.editor,
      {
        onProgress: (processed) => {
          seen.push(processed);
          if (processed >= 3_000) throw new Error("the worker stopped");
        },
      },
    );
    await expect(failing).rejects.toThrow("the worker stopped");
    expect(seen).toEqual([1_000, 2_000, 3_000]);
    expect(await databaseFingerprint(prisma())).toEqual(before);
  });

  test("10,000 matching claims: queued, progress polled, then all set in one go with one audit event per changed claim", async () => {
    signInAs(users.editor);
    const since = await lastEventId();
    const versionsBefore = await prisma().claim.aggregate({ _sum: { version: true }, where: { source: { slug: "wire" } } });
    const outcome = await bulkMatchingAction(approveWire(String(LARGE)));
    expect(outcome).toMatchObject({ ok: true, data: { kind: "queued", total: LARGE } });
    if (!outcome.ok || outcome.data.kind !== "queued") throw new Error("not queued");
    expect(outcome.data.statusUrl).toBe(`/api/bulk/jobs/${outcome.data.jobId}`);

    const { job, processed, statuses } = await pollJob(outcome.data.jobId);
    // 80 were approved already (every 100th but every 500th, which is rejected); the 40 rejected are overwritten, and counted.
    expect(job).toMatchObject({ status: "finished", processed: LARGE, result: { total: LARGE, changed: 9_920, skipped: 80, decided: 40, label: "Approved" } });
    expect(statuses.at(-1)).toBe("finished");
    expect(processed.at(-1)).toBe(LARGE);
    expect(await statusCounts("wire")).toEqual({ approved: LARGE });
    expect(await statusCounts("desk")).toEqual({ rejected: 1, unreviewed: SMALL - 1 });

    const events = await prisma().auditEvent.findMany({
      where: { id: { gt: since } },
      select: { entityType: true, entityId: true, action: true, userId: true, after: true },
    });
    expect(events).toHaveLength(9_920);
    expect(new Set(events.map((event) => event.entityId)).size).toBe(9_920);
    expect(events.every((event) => event.entityType === "claim" && event.action === "bulk_status" && event.userId === users.editor.id)).toBe(true);
    expect(events[0]!.after).toEqual({ status: "approved" });
    const versionsAfter = await prisma().claim.aggregate({ _sum: { version: true }, where: { source: { slug: "wire" } } });
    expect(versionsAfter._sum.version! - versionsBefore._sum.version!).toBe(9_920);
    const reviewed = await prisma().claim.count({ where: { source: { slug: "wire" }, reviewerId: users.editor.id } });
    expect(reviewed).toBe(9_920);
  }, 120_000);

  test("the job's progress is visible while it runs, and only to its requester or an admin", async () => {
    signInAs(users.editor);
    const outcome = await bulkMatchingAction({ filters: { source: "wire" }, confirmedCount: LARGE, change: { kind: "topic", newTopicTitle: "Wire copy" } });
    if (!outcome.ok || outcome.data.kind !== "queued") throw new Error("not queued");
    const { job, processed } = await pollJob(outcome.data.jobId);
    expect(job).toMatchObject({ status: "finished", result: { changed: LARGE, skipped: 0, label: "Wire copy" } });
    // Seen between the chunks, before the change committed.
    expect(processed.some((count) => count > 0 && count < LARGE)).toBe(true);
    signInAs(users.admin);
    expect((await statusGet(new Request("http://localhost/"), { params: Promise.resolve({ id: String(outcome.data.jobId) }) })).status).toBe(200);
    const other = await prisma().user.create({ data: { email: "other@example.test", role: "editor" } });
    signInAs({ ...users.editor, id: other.id, email: other.email });
    expect((await statusGet(new Request("http://localhost/"), { params: Promise.resolve({ id: String(outcome.data.jobId) }) })).status).toBe(404);
  }, 120_000);

  test("a few claims change in the request: topic, then assignee, each skipping those that already have it", async () => {
    signInAs(users.editor);
    const desk = { filters: { source: "desk", status: "unreviewed" }, confirmedCount: SMALL - 1 };
    const since = await lastEventId();
    expect(await bulkMatchingAction({ ...desk, change: { kind: "topic", newTopicTitle: "Wire copy" } })).toMatchObject({
      ok: true,
      data: { kind: "done", result: { total: SMALL - 1, changed: SMALL - 1, skipped: 0, label: "Wire copy" } },
    });
    expect(await bulkMatchingAction({ ...desk, change: { kind: "assign", assigneeId: users.editor.id } })).toMatchObject({
      ok: true,
      data: { kind: "done", result: { changed: SMALL - 1, skipped: 0 } },
    });
    expect(await bulkMatchingAction({ ...desk, change: { kind: "assign", assigneeId: users.editor.id } })).toMatchObject({
      ok: true,
      data: { kind: "done", result: { changed: 0, skipped: SMALL - 1 } },
    });
    const events = await prisma().auditEvent.findMany({ where: { id: { gt: since } }, select: { action: true, before: true } });
    expect(events.filter((event) => event.action === "bulk_topic")).toHaveLength(SMALL - 1);
    expect(events.filter((event) => event.action === "assign")).toHaveLength(SMALL - 1);
    expect(events.find((event) => event.action === "assign")!.before).toEqual({ assigneeId: null, assignee: null });
    expect(await prisma().bulkJob.count()).toBe(2);
  });

  test("a decided claim changed with everything that matches: its decider is told, and the change undoes as one action", async () => {
    // The desk's one rejected claim, decided by the admin.
    const decided = await prisma().claim.findFirstOrThrow({ where: { source: { slug: "desk" }, status: "rejected" } });
    await prisma().claim.update({ where: { id: decided.id }, data: { reviewerId: users.admin.id, reviewedAt: new Date() } });
    signInAs(users.editor);
    const outcome = await bulkMatchingAction({
      filters: { source: "desk", status: "rejected" },
      confirmedCount: 1,
      change: { kind: "status", status: "in_review" },
    });
    expect(outcome).toMatchObject({ ok: true, data: { kind: "done", result: { changed: 1, decided: 1 } } });
    const result = outcome.ok && outcome.data.kind === "done" ? outcome.data.result : null;
    expect(result?.actionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      await prisma().notification.findMany({ where: { recipientId: users.admin.id, kind: "changed" }, select: { entityId: true, excerpt: true } }),
    ).toEqual([{ entityId: decided.id, excerpt: expect.stringMatching(/^Status set to In review — the claim you rejected/) }]);
    // The editor's own Undo puts the claim back, decided by the admin as before.
    const { undoAction } = await import("@/lib/undo/mutations");
    await undoAction(prisma(), { actionId: result!.actionId! }, users.editor);
    expect(await prisma().claim.findUniqueOrThrow({ where: { id: decided.id }, select: { status: true } })).toEqual({ status: "rejected" });
  });
});
