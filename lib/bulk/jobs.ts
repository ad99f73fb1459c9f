// Bulk changes past BULK_INLINE_LIMIT claims as jobs, on the import jobs' pattern (lib/import/jobs.ts):
// the action stores the validated input in bulk_jobs and queues the row's id; the worker (started by
// scripts/serve.ts) runs the change in one transaction and records, from its own connection, how
// many claims it has gone through, for the claims page to poll (GET /api/bulk/jobs/[id]). A job
// whose worker stopped is failed on the worker's next look: its transaction never committed, so
// nothing changed and the editor can simply run it again.
import { db as appDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFoundError, mapError } from "@/lib/errors";
import { BULK_QUEUE, startQueueWorker, type JobQueue, type QueueWorker } from "@/lib/jobs/queue";
import { changeMatching, checkChange, countChangedRefusal } from "@/lib/bulk/mutations";
import { countMatching } from "@/lib/bulk/queries";
import { bulkMatchingResultSchema, bulkMatchingSchema, type BulkJobView, type BulkMatchingInput } from "@/lib/bulk/schema";

/** A running job whose heartbeat is older than this lost its worker. */
export const STALE_AFTER_MS = 60_000;
const HEARTBEAT_MS = 5_000;

export function bulkStatusUrlOf(jobId: number): string {
  return `/api/bulk/jobs/${jobId}`;
}

/** Stores the job and queues its id, after checking the change and the count so that a refusal comes at once. */
export async function enqueueBulkChange(db: Db, queue: JobQueue, input: BulkMatchingInput, userId: number): Promise<number> {
  await checkChange(db, input.change);
  const matching = await countMatching(input.filters, db);
  if (matching !== input.confirmedCount) throw countChangedRefusal(matching, input.confirmedCount, input.change.kind === "assign" ? "assigned" : "changed");
  const job = await db.bulkJob.create({
    data: { requestedBy: userId, input: input as unknown as Prisma.InputJsonValue, total: input.confirmedCount },
    select: { id: true },
  });
  try {
    await queue.boss.send(BULK_QUEUE, { jobId: job.id });
  } catch (error) {
    await db.bulkJob.update({ where: { id: job.id }, data: { status: "failed", error: "The change could not be queued; nothing was changed. Try again." } });
    throw error;
  }
  return job.id;
}

/** The job as its requester (or an admin) sees it; anyone else is told it does not exist. */
export async function getBulkJobOrThrow(db: Db, id: number, viewer: { id: number; role: string }): Promise<BulkJobView> {
  const job = await db.bulkJob.findUnique({ where: { id } });
  if (!job || (job.requestedBy !== viewer.id && viewer.role !== "admin")) throw new NotFoundError("No such bulk change.");
  return {
    id: job.id,
    status: job.status,
    total: job.total,
    processed: job.processed,
    error: job.error,
    result: job.result === null ? null : bulkMatchingResultSchema.parse(job.result),
  };
}

/** For the status route (app/ does not reach the database itself). */
export function bulkJobStatus(jobId: number, viewer: { id: number; role: string }): Promise<BulkJobView> {
  return getBulkJobOrThrow(appDb(), jobId, viewer);
}

/** A refusal keeps its sentence; anything else is logged and named generically. */
function failureMessage(error: unknown): string {
  const mapped = mapError(error);
  if (mapped.status < 500) return [...new Set([mapped.message, ...Object.values(mapped.fieldErrors ?? {}).flat()])].join(" ");
  return "The change failed on the server and nothing was changed; the error is in the server log.";
}

/** Runs one job: claims it (queued → running), changes the claims, records the outcome. A job not queued is left alone. */
export async function runBulkJob(db: Db, jobId: number): Promise<void> {
  const claimed = await db.bulkJob.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "running", startedAt: new Date(), heartbeatAt: new Date() },
  });
  if (claimed.count === 0) return;
  const heartbeat = setInterval(() => {
    db.bulkJob.updateMany({ where: { id: jobId, status: "running" }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, HEARTBEAT_MS);
  try {
    const job = await db.bulkJob.findUniqueOrThrow({ where: { id: jobId }, select: { input: true, requestedBy: true } });
    const input = bulkMatchingSchema.parse(job.input);
    const result = await changeMatching(
      db,
      input,
      { id: job.requestedBy },
      {
        // From the client, not the transaction: the page sees progress before the change commits.
        onProgress: async (processed) => {
          await db.bulkJob.update({ where: { id: jobId }, data: { processed, heartbeatAt: new Date() } });
        },
      },
    );
    await db.bulkJob.update({ where: { id: jobId }, data: { status: "finished", result, processed: result.total, finishedAt: new Date() } });
  } catch (error) {
    if (mapError(error).status >= 500) console.error(`bulk job ${jobId} failed:`, error);
    await db.bulkJob.update({ where: { id: jobId }, data: { status: "failed", processed: 0, error: failureMessage(error), finishedAt: new Date() } });
  } finally {
    clearInterval(heartbeat);
  }
}

/** Jobs whose worker stopped mid-way are failed (their transaction rolled back); returns how many. */
export async function failInterruptedBulkJobs(db: Db, staleAfterMs: number = STALE_AFTER_MS): Promise<number> {
  const { count } = await db.bulkJob.updateMany({
    where: { status: "running", heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) } },
    data: {
      status: "failed",
      processed: 0,
      finishedAt: new Date(),
      error: "The change was interrupted (the server stopped while it ran) and nothing was changed. Run it again.",
    },
  });
  return count;
}

export type BulkWorker = QueueWorker;

/** Works the bulk queue one job at a time, polling; every minute it fails jobs whose worker stopped. */
export function startBulkWorker(db: Db, queue: JobQueue, options: { pollingIntervalSeconds?: number } = {}): Promise<BulkWorker> {
  return startQueueWorker(queue, BULK_QUEUE, {
    run: (jobId) => runBulkJob(db, jobId),
    recover: () => failInterruptedBulkJobs(db),
    recoverEveryMs: STALE_AFTER_MS,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
}
