// Detection runs in the background: the button's action records a run, queues it for the server's
// worker and returns at once; the run closes itself as finished (with its report) or failed (with
// a sentence), one runs at a time, a run whose worker stopped is queued again (and fails with a
// sentence after the last attempt), and a run whose server stopped does not block the next one.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { settleAfterTasks } from "@/tests/helpers/after";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import { startTestImportJobs, type TestImportJobs } from "@/tests/helpers/import-jobs";
import { DETECTION_QUEUE } from "@/lib/jobs/queue";
import { MAX_ATTEMPTS, enqueueDetection, recoverInterruptedDetections, runDetectionJob, startDetectionWorker } from "@/lib/contradictions/detection-jobs";
import { seedDatabase } from "@/seed/run-seed";
import type { Role } from "@/lib/auth/roles";
import { ConflictError } from "@/lib/errors";
import {
  STALE_AFTER_MS,
  completeDetectionRun,
  describeDetectionRun,
  latestDetectionRun,
  startDetectionRun,
  type DetectionRunView,
} from "@/lib/contradictions/runs";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/server", async (importOriginal) => (await import("@/tests/helpers/after")).mockNextServerModule(await importOriginal()));

const { runDetectionAction } = await import("@/lib/contradictions/actions");

async function settled(database: TestDatabase, id: number): Promise<DetectionRunView> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const run = await latestDetectionRun(database.prisma);
    if (run && run.id === id && run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`detection run ${id} did not finish within a minute`);
}

describe("detection runs", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let jobs: TestImportJobs;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    expect((await seedDatabase(database.prisma)).failures).toEqual([]);
    users = await createRoleUsers(database.prisma);
    jobs = await startTestImportJobs(database, { worker: false, detectionWorker: true });
  });
  afterAll(async () => {
    await jobs?.stop();
    await settleAfterTasks();
    releaseAppDatabase();
    await database?.drop();
  });

  test("the button's action starts a run and returns before it ends; the run then shows what it did", async () => {
    expect(await database.prisma.contradiction.count()).toBe(0);
    signInAs(users.editor);
    const started = await runDetectionAction({});
    // Queued for the worker: the page says so until the worker takes it.
    expect(started).toMatchObject({ ok: true, data: { status: "running", waiting: true, attempts: 0, startedBy: users.editor.name } });
    expect(describeDetectionRun((started as { data: DetectionRunView }).data)).toMatch(/^Detection queued .* UTC by .+, waiting for the worker\./);
    const run = (started as { data: DetectionRunView }).data;
    // Returned at once: the pairs are not there yet (the run needs seconds on the seed corpus).
    expect(await database.prisma.contradiction.count()).toBe(0);

    // A second editor asking meanwhile is told, and no second run is recorded.
    signInAs(users.admin);
    const again = await runDetectionAction({});
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect((again as { message: string }).message).toMatch(new RegExp(`^Detection is already running \\(started .* UTC by ${users.editor.name}\\)`));
    expect(await database.prisma.detectionRun.count()).toBe(1);

    const done = await settled(database, run.id);
    expect(done).toMatchObject({ status: "finished", attempts: 1 });
    const created = await database.prisma.contradiction.count();
    expect(created).toBeGreaterThan(15);
    expect(done.report).toMatchObject({ created, removed: 0 });
    expect(describeDetectionRun(done)).toMatch(new RegExp(`^Last detection finished .* UTC by ${users.editor.name}: ${created} new, 0 updated, 0 withdrawn;`));
    // The run's changes carry the editor's name in the audit log.
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "contradiction", action: "detect" } });
    expect(event.userId).toBe(users.editor.id);

    // Finished runs do not block the next one.
    signInAs(users.editor);
    const next = await runDetectionAction({});
    expect(next).toMatchObject({ ok: true, data: { status: "running" } });
    const second = await settled(database, (next as { data: DetectionRunView }).data.id);
    expect(second.report).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(await database.prisma.contradiction.count()).toBe(created);
  });

  test("a viewer cannot start a run, and nothing is recorded", async () => {
    const before = await database.prisma.detectionRun.count();
    signInAs(users.viewer);
    expect(await runDetectionAction({})).toMatchObject({ ok: false, status: 403 });
    expect(await database.prisma.detectionRun.count()).toBe(before);
  });

  test("two runs started at the same moment: one goes, the other is refused", async () => {
    const outcomes = await Promise.allSettled([startDetectionRun(database.prisma, users.editor.id), startDetectionRun(database.prisma, users.admin.id)]);
    const started = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await database.prisma.detectionRun.count({ where: { status: "running" } })).toBe(1);
    const run = (started[0] as PromiseFulfilledResult<DetectionRunView>).value;
    await completeDetectionRun(database.prisma, run.id, { userId: users.editor.id });
    expect((await settled(database, run.id)).status).toBe("finished");
  });

  test("a run that fails says so on the page, changes nothing, and the next run can start", async () => {
    const pairs = await database.prisma.contradiction.count();
    const run = await startDetectionRun(database.prisma, users.editor.id);
    // Break the store phase: the table the verdicts go to is not where detection expects it.
    await database.prisma.$executeRawUnsafe(`ALTER TABLE contradictions RENAME TO contradictions_moved`);
    try {
      await expect(completeDetectionRun(database.prisma, run.id)).rejects.toThrow();
    } finally {
      await database.prisma.$executeRawUnsafe(`ALTER TABLE contradictions_moved RENAME TO contradictions`);
    }
    const failed = await latestDetectionRun(database.prisma);
    expect(failed).toMatchObject({ id: run.id, status: "failed", error: "Something went wrong on the server. The error has been logged." });
    expect(describeDetectionRun(failed!)).toMatch(/^Last detection by .+ failed .* UTC: Something went wrong on the server\./);
    expect(await database.prisma.contradiction.count()).toBe(pairs);
    const next = await startDetectionRun(database.prisma, users.editor.id);
    await completeDetectionRun(database.prisma, next.id);
  });

  test("a run whose server stopped is closed as abandoned and does not block the next one", async () => {
    const stale = await database.prisma.detectionRun.create({
      data: { startedById: users.editor.id, heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 60_000) },
    });
    const shown = await latestDetectionRun(database.prisma);
    expect(shown).toMatchObject({ id: stale.id, status: "abandoned" });
    expect(describeDetectionRun(shown!)).toMatch(/did not finish: The server stopped before this run finished\. Run detection again\.$/);

    // One still beating is not abandoned: it blocks.
    const live = await startDetectionRun(database.prisma, users.admin.id);
    await expect(startDetectionRun(database.prisma, users.editor.id)).rejects.toThrow(/^Detection is already running/);
    await completeDetectionRun(database.prisma, live.id);
    expect((await latestDetectionRun(database.prisma))!.status).toBe("finished");
  });

  describe("as jobs of the server's worker", () => {
    /** A run the worker took and then lost: its heartbeat stopped long ago. */
    async function interruptedRun(attempts: number) {
      const longAgo = new Date(Date.now() - 3_600_000);
      return database.prisma.detectionRun.create({
        data: { startedById: users.editor.id, byWorker: true, attempts, claimedAt: longAgo, startedAt: longAgo, heartbeatAt: longAgo },
      });
    }

    test("a run whose worker stopped is queued again and finished by the next attempt", async () => {
      const run = await interruptedRun(1);
      const outcome = await recoverInterruptedDetections(database.prisma, jobs.queue);
      expect(outcome).toMatchObject({ requeued: 1, failed: 0 });
      const done = await settled(database, run.id);
      expect(done).toMatchObject({ status: "finished", attempts: 2 });
      expect(describeDetectionRun(done)).toMatch(/^Last detection finished .* UTC by /);
    });

    test(`after ${MAX_ATTEMPTS} interrupted attempts the run fails with a sentence and the next run can start`, async () => {
      const pairs = await database.prisma.contradiction.count();
      const run = await interruptedRun(MAX_ATTEMPTS);
      expect(await recoverInterruptedDetections(database.prisma, jobs.queue)).toMatchObject({ requeued: 0, failed: 1 });
      const failed = await latestDetectionRun(database.prisma);
      expect(failed).toMatchObject({ id: run.id, status: "failed" });
      expect(describeDetectionRun(failed!)).toMatch(
        new RegExp(
          `failed .* UTC: Detection was interrupted ${MAX_ATTEMPTS} times \\(the server stopped while it ran\\) and changed nothing\\. Run it again\\.$`,
        ),
      );
      expect(await database.prisma.contradiction.count()).toBe(pairs);
      signInAs(users.editor);
      const next = await runDetectionAction({});
      expect(next).toMatchObject({ ok: true });
      expect((await settled(database, (next as { data: DetectionRunView }).data.id)).status).toBe("finished");
    });

    test("a run is worked once even when its message arrives twice", async () => {
      const run = await enqueueDetection(database.prisma, jobs.queue, users.editor.id);
      await jobs.queue.boss.send(DETECTION_QUEUE, { jobId: run.id });
      await settled(database, run.id);
      // A late copy of the message finds the run ended and leaves it alone.
      await runDetectionJob(database.prisma, run.id);
      expect(await database.prisma.detectionRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "finished", attempts: 1 });
    });

    test("a run no worker has taken for a while is sent to the queue again", async () => {
      await jobs.detectionWorker!.stop();
      try {
        const run = await enqueueDetection(database.prisma, jobs.queue, users.editor.id);
        await database.prisma.detectionRun.update({ where: { id: run.id }, data: { heartbeatAt: new Date(Date.now() - 3_600_000) } });
        // Its message is lost (a queue emptied by hand, a worker killed between message and row).
        await jobs.queue.boss.deleteQueuedJobs(DETECTION_QUEUE);
        expect(await recoverInterruptedDetections(database.prisma, jobs.queue)).toMatchObject({ resent: 1 });
        await runDetectionJob(database.prisma, run.id);
        expect(await latestDetectionRun(database.prisma)).toMatchObject({ id: run.id, status: "finished", attempts: 1 });
      } finally {
        jobs.detectionWorker = await startDetectionWorker(database.prisma, jobs.queue, { pollingIntervalSeconds: 0.5 });
      }
    });
  });
});
