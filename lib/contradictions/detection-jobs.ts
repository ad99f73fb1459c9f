// Detection runs as jobs (issue 19, item 1): the page's button records a run (runs.ts) and queues
// its id on the pg-boss queue "detection"; the worker that scripts/serve.ts starts takes it, runs
// it with a heartbeat, and records the outcome on the row, which the contradictions page follows.
// A run whose worker stopped (no heartbeat) is queued again, up to MAX_ATTEMPTS, then fails with a
// sentence. Detection writes its verdicts in one transaction, so an interrupted attempt left nothing.
import type { Db } from "@/lib/db/client";
import { DETECTION_QUEUE, startQueueWorker, type JobQueue, type QueueWorker } from "@/lib/jobs/queue";
import { STALE_AFTER_MS, completeDetectionRun, startDetectionRun, type DetectionRunView } from "@/lib/contradictions/runs";

/** A run is tried this many times; an interruption after the last marks it failed. */
export const MAX_ATTEMPTS = 3;
/** How often the worker looks for interrupted runs. */
const RECOVER_EVERY_MS = 30_000;

/** Records a run for the worker and queues it; refused (409) while another run is under way. */
export async function enqueueDetection(db: Db, queue: JobQueue, userId: number): Promise<DetectionRunView> {
  const run = await startDetectionRun(db, userId, { byWorker: true });
  try {
    await queue.boss.send(DETECTION_QUEUE, { jobId: run.id });
  } catch (error) {
    await db.detectionRun.update({
      where: { id: run.id },
      data: { status: "failed", finishedAt: new Date(), error: "Detection could not be queued; nothing changed. Try again." },
    });
    throw error;
  }
  return run;
}

/** Takes one queued run (a run already taken, or ended, is left alone) and runs it. */
export async function runDetectionJob(db: Db, runId: number): Promise<void> {
  const claimed = await db.detectionRun.updateMany({
    where: { id: runId, status: "running", byWorker: true, claimedAt: null },
    data: { claimedAt: new Date(), heartbeatAt: new Date(), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  const run = await db.detectionRun.findUniqueOrThrow({ where: { id: runId }, select: { startedById: true } });
  // completeDetectionRun records a failure on the row itself; the worker goes on to the next job.
  await completeDetectionRun(db, runId, { userId: run.startedById }).catch(() => {});
}

/**
 * Runs whose worker stopped mid-way (no heartbeat for `staleAfterMs`): queued again, or failed
 * after MAX_ATTEMPTS; and runs that have waited that long without a worker taking them, sent again.
 */
export async function recoverInterruptedDetections(
  db: Db,
  queue: JobQueue,
  staleAfterMs: number = STALE_AFTER_MS,
): Promise<{ requeued: number; failed: number; resent: number }> {
  const staleBefore = new Date(Date.now() - staleAfterMs);
  const stale = await db.detectionRun.findMany({
    where: { status: "running", byWorker: true, heartbeatAt: { lt: staleBefore } },
    select: { id: true, attempts: true, claimedAt: true, heartbeatAt: true },
  });
  const outcome = { requeued: 0, failed: 0, resent: 0 };
  for (const run of stale) {
    // The row's heartbeat in the condition: a second worker's pass, or the run's own beat, wins the race.
    const where = { id: run.id, status: "running" as const, heartbeatAt: run.heartbeatAt };
    if (run.claimedAt === null) {
      const { count } = await db.detectionRun.updateMany({ where, data: { heartbeatAt: new Date() } });
      if (count === 0) continue;
      await queue.boss.send(DETECTION_QUEUE, { jobId: run.id });
      outcome.resent += count;
    } else if (run.attempts >= MAX_ATTEMPTS) {
      const { count } = await db.detectionRun.updateMany({
        where,
        data: {
          status: "failed",
          finishedAt: new Date(),
          error: `Detection was interrupted ${run.attempts} times (the server stopped while it ran) and changed nothing. Run it again.`,
        },
      });
      outcome.failed += count;
    } else {
      const { count } = await db.detectionRun.updateMany({ where, data: { claimedAt: null, heartbeatAt: new Date() } });
      if (count === 0) continue;
      await queue.boss.send(DETECTION_QUEUE, { jobId: run.id });
      outcome.requeued += count;
    }
  }
  return outcome;
}

/** Works the detection queue one run at a time; every half minute it looks for interrupted runs. */
export function startDetectionWorker(db: Db, queue: JobQueue, options: { pollingIntervalSeconds?: number; staleAfterMs?: number } = {}): Promise<QueueWorker> {
  return startQueueWorker(queue, DETECTION_QUEUE, {
    run: (runId) => runDetectionJob(db, runId),
    recover: () => recoverInterruptedDetections(db, queue, options.staleAfterMs),
    recoverEveryMs: RECOVER_EVERY_MS,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
}
