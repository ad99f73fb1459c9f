// A run at a million claims takes minutes, too long to hold a request open, so it runs in the
// background and the page follows its row. A partial unique index allows one running run at a time.
import { groupPropositions } from "@/lib/propositions/group";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DetectionRunStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { ConflictError, mapError } from "@/lib/errors";
import { countOf, plural } from "@/lib/format/plural";
import { formatTime } from "@/lib/format/time";
import { detectContradictions, type DetectionOptions, type DetectionReport } from "@/lib/contradictions/detect";

/** A running run touches its row this often... */
export const HEARTBEAT_MS = 15_000;
/** ...and one untouched for this long belongs to a server that stopped. */
export const STALE_AFTER_MS = 5 * 60_000;

export interface DetectionRunView {
  id: number;
  status: DetectionRunStatus;
  /** A job still waiting in the queue for the worker (status is "running" meanwhile). */
  waiting: boolean;
  /** How many times a worker has taken it (more than one: an earlier attempt was interrupted). */
  attempts: number;
  startedAt: Date;
  finishedAt: Date | null;
  /** Name or email of the editor; null for `npm run detect`. */
  startedBy: string | null;
  report: DetectionReport | null;
  error: string | null;
}

const RUN_SELECT = {
  id: true,
  status: true,
  startedAt: true,
  heartbeatAt: true,
  finishedAt: true,
  report: true,
  error: true,
  byWorker: true,
  attempts: true,
  claimedAt: true,
  startedBy: { select: { name: true, email: true } },
} as const satisfies Prisma.DetectionRunSelect;

type RunRow = Prisma.DetectionRunGetPayload<{ select: typeof RUN_SELECT }>;

const ABANDONED = "The server stopped before this run finished. Run detection again.";

function staleBefore(): Date {
  return new Date(Date.now() - STALE_AFTER_MS);
}

function viewOf(row: RunRow): DetectionRunView {
  const abandoned = row.status === "running" && row.heartbeatAt < staleBefore();
  return {
    id: row.id,
    status: abandoned ? "abandoned" : row.status,
    waiting: row.status === "running" && row.byWorker && row.claimedAt === null,
    attempts: row.attempts,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    startedBy: row.startedBy ? (row.startedBy.name ?? row.startedBy.email) : null,
    report: (row.report as DetectionReport | null) ?? null,
    error: abandoned ? ABANDONED : row.error,
  };
}

async function runningRun(prisma: PrismaClient): Promise<DetectionRunView | null> {
  const row = await prisma.detectionRun.findFirst({ where: { status: "running" }, select: RUN_SELECT });
  return row && viewOf(row);
}

async function closeAbandonedRuns(prisma: PrismaClient): Promise<void> {
  await prisma.detectionRun.updateMany({
    where: { status: "running", heartbeatAt: { lt: staleBefore() } },
    data: { status: "abandoned", finishedAt: new Date(), error: ABANDONED },
  });
}

function alreadyRunning(run: DetectionRunView | null): ConflictError {
  const who = run?.startedBy ? ` by ${run.startedBy}` : run ? " from the command line" : "";
  const when = run ? ` (started ${formatTime(run.startedAt)}${who})` : "";
  return new ConflictError(`Detection is already running${when}. Its result will show on the contradictions page when it finishes.`);
}

/**
 * Records a run, refused while another one runs. `byWorker`: the run waits for the server's worker
 * (lib/contradictions/detection-jobs.ts); otherwise the caller runs it itself (`npm run detect`).
 */
export async function startDetectionRun(prisma: PrismaClient, userId: number | null, options: { byWorker?: boolean } = {}): Promise<DetectionRunView> {
  await closeAbandonedRuns(prisma);
  const running = await runningRun(prisma);
  if (running) throw alreadyRunning(running);
  const byWorker = options.byWorker ?? false;
  try {
    return viewOf(
      await prisma.detectionRun.create({
        data: { startedById: userId, byWorker, ...(byWorker ? {} : { attempts: 1, claimedAt: new Date() }) },
        select: RUN_SELECT,
      }),
    );
  } catch (error) {
    // Two starts at the same moment: the partial unique index lets one through.
    if ((error as { code?: unknown }).code === "P2002") throw alreadyRunning(await runningRun(prisma));
    throw error;
  }
}

/** A failed run gets a sentence an editor can act on; details go to the server log. */
export async function completeDetectionRun(prisma: PrismaClient, runId: number, options: DetectionOptions = {}): Promise<DetectionReport> {
  let beating: Promise<unknown> | null = null;
  const heartbeat = setInterval(() => {
    // One beat at a time: with a single connection (the embedded database) a beat waits for the run.
    beating ??= prisma.detectionRun
      .update({ where: { id: runId }, data: { heartbeatAt: new Date() } })
      .catch(() => {})
      .finally(() => {
        beating = null;
      });
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const report = await detectContradictions(prisma, options);
    report.propositions = await groupPropositions(prisma, { sourceId: options.sourceId });
    await prisma.detectionRun.update({
      where: { id: runId },
      data: { status: "finished", finishedAt: new Date(), heartbeatAt: new Date(), report: report as unknown as Prisma.InputJsonObject },
    });
    return report;
  } catch (error) {
    const { message } = mapError(error);
    await prisma.detectionRun
      .update({ where: { id: runId }, data: { status: "failed", finishedAt: new Date(), error: message } })
      .catch((inner: unknown) => console.error("detection run could not be closed", inner));
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

export async function latestDetectionRun(prisma: PrismaClient = db()): Promise<DetectionRunView | null> {
  const row = await prisma.detectionRun.findFirst({ orderBy: { id: "desc" }, select: RUN_SELECT });
  return row && viewOf(row);
}

export function describeDetectionRun(run: DetectionRunView): string {
  const who = run.startedBy ? ` by ${run.startedBy}` : "";
  switch (run.status) {
    case "running":
      if (run.waiting && run.attempts > 0) {
        return `Detection${who} was interrupted (the server stopped) and is queued again, attempt ${run.attempts + 1}. This page refreshes when it finishes.`;
      }
      if (run.waiting) return `Detection queued ${formatTime(run.startedAt)}${who}, waiting for the worker. This page refreshes when it finishes.`;
      return `Detection running since ${formatTime(run.startedAt)}${who}${run.attempts > 1 ? ` (attempt ${run.attempts})` : ""}. This page refreshes when it finishes.`;
    case "finished": {
      const report = run.report!;
      return (
        `Last detection finished ${formatTime(run.finishedAt ?? run.startedAt)}${who}: ${report.created} new, ${report.updated} updated, ` +
        `${report.removed} withdrawn; ${countOf(report.keptReviewed, "reviewed pair", "reviewed pairs")} left as ${plural(report.keptReviewed, "it was", "they were")} (${report.seconds.toFixed(1)} s).`
      );
    }
    case "failed":
      return `Last detection${who} failed ${formatTime(run.finishedAt ?? run.startedAt)}: ${run.error ?? "no reason recorded."}`;
    case "abandoned":
      return `Last detection${who} did not finish: ${run.error ?? "the server stopped."}`;
  }
}
