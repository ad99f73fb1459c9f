// Imports as jobs (issue 19, item 1): POST /api/import stores the read document and the editor's
// request in import_jobs and queues the row's id; the worker (started by scripts/serve.ts) saves it
// — a large document on the import thread — and records progress, result or a failure. A job whose
// worker stopped (no heartbeat) is queued again, up to MAX_ATTEMPTS; the save is one transaction,
// so an interrupted attempt left nothing behind. Once saved, the job looks for reposts of and by the
// document (lib/reuse).
import type { Db } from "@/lib/db/client";
import { NotFoundError, mapError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeImport, importDocument, parseImportRequest, type ImportResult } from "@/lib/import/import-document";
import { THREAD_MIN_CHARACTERS, saveJobOnThread } from "@/lib/import/import-thread";
import { storedDocumentSchema, type ImportJobView } from "@/lib/import/job-schema";
import { savedImportSchema, type SavedImport } from "@/lib/import/preview-schema";
import type { ReadDocument } from "@/lib/import/types";
import { detectReuseAfterImport } from "@/lib/reuse/detect";
import { IMPORT_QUEUE, startQueueWorker, type JobQueue, type QueueWorker } from "@/lib/jobs/queue";

/** A job is tried this many times; an interruption after the last marks it failed. */
export const MAX_ATTEMPTS = 3;
export const HEARTBEAT_MS = 5_000;
/** A running job whose heartbeat is older than this lost its worker. */
export const STALE_AFTER_MS = 30_000;
/**
 * A job queued this long ago is sent to the queue again: a worker killed after taking the queue's
 * message and before claiming the row would otherwise leave it waiting forever (a second message
 * for a job that has been claimed does nothing).
 */
export const RESEND_QUEUED_AFTER_MS = 5 * 60_000;

export const PHASES = {
  queued: "Waiting for the import worker",
  retry: "Waiting for the import worker (the previous attempt was interrupted)",
  running: "Extracting claims, finding contradictions and saving",
  reuse: "Saved; looking for reposts of and by this document",
  finished: "Finished",
  failed: "Failed",
} as const;

export function savedImportOf(result: ImportResult): SavedImport {
  return {
    sourceId: result.summary.sourceId,
    slug: result.summary.slug,
    created: result.summary.created,
    duplicate: result.summary.duplicate,
    claimsCreated: result.summary.claimsCreated,
    claimsTotal: result.summary.claimsTotal,
    contradictionsFound: result.contradictionsFound,
    description: describeImport(result),
  };
}

export function statusUrlOf(jobId: number): string {
  return `/api/import/jobs/${jobId}`;
}

/** Stores the job and queues its id; `requestInput` has passed parseImportRequest already. */
export async function enqueueImport(db: Db, queue: JobQueue, input: { document: ReadDocument; requestInput: unknown; userId: number }): Promise<number> {
  const job = await db.importJob.create({
    data: {
      requestedBy: input.userId,
      fileName: input.document.file,
      document: input.document as unknown as Prisma.InputJsonValue,
      request: input.requestInput as Prisma.InputJsonValue,
      phase: PHASES.queued,
    },
    select: { id: true },
  });
  try {
    await queue.boss.send(IMPORT_QUEUE, { jobId: job.id });
  } catch (error) {
    await db.importJob.update({
      where: { id: job.id },
      data: { status: "failed", phase: PHASES.failed, error: "The import could not be queued; nothing was saved. Try again." },
    });
    throw error;
  }
  return job.id;
}

/** The job as its requester (or an admin) sees it; anyone else is told it does not exist. */
export async function getImportJobOrThrow(db: Db, id: number, viewer: { id: number; role: string }): Promise<ImportJobView> {
  const job = await db.importJob.findUnique({ where: { id } });
  if (!job || (job.requestedBy !== viewer.id && viewer.role !== "admin")) throw new NotFoundError("No such import job.");
  return {
    id: job.id,
    fileName: job.fileName,
    status: job.status,
    phase: job.phase,
    attempts: job.attempts,
    error: job.error,
    result: job.result === null ? null : savedImportSchema.parse(job.result),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** Runs one job: claims it (queued → running), saves, records the outcome. A job not queued is left alone. */
export async function runImportJob(db: Db, jobId: number): Promise<void> {
  const claimed = await db.importJob.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "running", phase: PHASES.running, attempts: { increment: 1 }, startedAt: new Date(), heartbeatAt: new Date() },
  });
  if (claimed.count === 0) return;
  const heartbeat = setInterval(() => {
    db.importJob.updateMany({ where: { id: jobId, status: "running" }, data: { heartbeatAt: new Date() } }).catch(() => {});
  }, HEARTBEAT_MS);
  try {
    // A large document is read, parsed and saved by the import thread; only its length is read here.
    const [size] = await db.$queryRaw<Array<{ characters: number | null }>>`
      SELECT length(document->>'rawText') AS characters FROM import_jobs WHERE id = ${jobId}`;
    // The thread also looks for reposts of what it saved; in place, that follows here.
    const onThread = (size?.characters ?? 0) >= THREAD_MIN_CHARACTERS;
    const result = onThread ? await saveJobOnThread(jobId) : await saveInPlace(db, jobId);
    if (!onThread && !result.summary.duplicate) {
      await db.importJob.updateMany({ where: { id: jobId, status: "running" }, data: { phase: PHASES.reuse } });
      await detectReuseAfterImport(db, result.summary.sourceId);
    }
    const saved = savedImportOf(result);
    await db.importJob.update({
      where: { id: jobId },
      data: { status: "finished", phase: PHASES.finished, result: saved, finishedAt: new Date() },
    });
  } catch (error) {
    await db.importJob.update({
      where: { id: jobId },
      data: { status: "failed", phase: PHASES.failed, error: failureMessage(error), finishedAt: new Date() },
    });
  } finally {
    clearInterval(heartbeat);
  }
}

async function saveInPlace(db: Db, jobId: number): Promise<ImportResult> {
  const job = await db.importJob.findUniqueOrThrow({ where: { id: jobId } });
  const document = storedDocumentSchema.parse(job.document);
  return importDocument(db, { document, request: parseImportRequest(document.file, job.request), userId: job.requestedBy });
}

/** A refusal keeps its sentence; a stopped import thread says so; anything else is logged and named generically. */
function failureMessage(error: unknown): string {
  const mapped = mapError(error);
  if (mapped.status < 500) return mapped.message;
  if (error instanceof Error && error.message.startsWith("The import stopped before it finished")) return error.message;
  return "The import failed on the server and nothing was saved; the error is in the server log.";
}

/**
 * Jobs whose worker stopped mid-way: queued again, or failed after MAX_ATTEMPTS; and jobs queued
 * long ago, sent again. Returns how many of each.
 */
export async function recoverInterruptedImports(
  db: Db,
  queue: JobQueue,
  staleAfterMs: number = STALE_AFTER_MS,
): Promise<{ requeued: number; failed: number; resent: number }> {
  const stale = await db.importJob.findMany({
    where: { status: "running", heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) } },
    select: { id: true, attempts: true },
  });
  const outcome = { requeued: 0, failed: 0, resent: 0 };
  for (const job of stale) {
    if (job.attempts >= MAX_ATTEMPTS) {
      const { count } = await db.importJob.updateMany({
        where: { id: job.id, status: "running" },
        data: {
          status: "failed",
          phase: PHASES.failed,
          finishedAt: new Date(),
          error: `The import was interrupted ${job.attempts} times (the server stopped while it ran) and nothing was saved. Try again, or split the document.`,
        },
      });
      outcome.failed += count;
      continue;
    }
    const { count } = await db.importJob.updateMany({ where: { id: job.id, status: "running" }, data: { status: "queued", phase: PHASES.retry } });
    if (count === 0) continue;
    await queue.boss.send(IMPORT_QUEUE, { jobId: job.id });
    outcome.requeued += count;
  }
  const waiting = await db.importJob.findMany({
    where: { status: "queued", updatedAt: { lt: new Date(Date.now() - RESEND_QUEUED_AFTER_MS) } },
    select: { id: true, updatedAt: true },
  });
  for (const job of waiting) {
    // Touching the row (updatedAt) first keeps a second worker's pass from sending it too.
    const { count } = await db.importJob.updateMany({ where: { id: job.id, status: "queued", updatedAt: job.updatedAt }, data: { updatedAt: new Date() } });
    if (count === 0) continue;
    await queue.boss.send(IMPORT_QUEUE, { jobId: job.id });
    outcome.resent += count;
  }
  return outcome;
}

export type ImportWorker = QueueWorker;

/** Works the import queue one job at a time, polling; every half minute it looks for interrupted jobs. */
export function startImportWorker(db: Db, queue: JobQueue, options: { pollingIntervalSeconds?: number; staleAfterMs?: number } = {}): Promise<ImportWorker> {
  return startQueueWorker(queue, IMPORT_QUEUE, {
    run: (jobId) => runImportJob(db, jobId),
    recover: () => recoverInterruptedImports(db, queue, options.staleAfterMs),
    recoverEveryMs: STALE_AFTER_MS,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  });
}
