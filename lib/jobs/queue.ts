// The job queue: pg-boss over the app's database (schema pgboss, installed by the migration
// 20261208000000_import_jobs as the owner). pg-boss runs here with migrate, supervise and schedule
// off — its maintenance creates partitions, which is DDL the app's role may not run — and through a
// pool of our own that takes the app's role, without LISTEN/NOTIFY: workers poll, which is also what
// the embedded database (one PGlite session) needs. A job carries only the id of a row of ours.
import { PgBoss, type Job } from "pg-boss";
import type pg from "pg";
import { createPool } from "@/lib/db/client";
import { appDatabaseRole, databaseUrl } from "@/lib/env";
import { withPrimaryReads } from "@/lib/db/read-routing";

export const IMPORT_QUEUE = "import";
/** Detection runs started from the contradictions page (migration 20261211500000_detection_jobs). */
export const DETECTION_QUEUE = "detection";
/** Bulk changes to every claim that matches (lib/bulk/jobs.ts); created by the migration 20261211400000_bulk. */
export const BULK_QUEUE = "bulk";

export interface JobQueue {
  boss: PgBoss;
  close(): Promise<void>;
}

export async function createJobQueue(url: string = databaseUrl(), role: string | null = appDatabaseRole()): Promise<JobQueue> {
  const pool: pg.Pool = createPool(url, 1, { role });
  const boss = new PgBoss({
    db: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
    schema: "pgboss",
    migrate: false,
    createSchema: false,
    supervise: false,
    schedule: false,
  });
  boss.on("error", (error: Error) => console.error(`job queue: ${error.message}`));
  await boss.start();
  return {
    boss,
    async close() {
      await boss.stop({ graceful: false, close: false });
      await pool.end();
    },
  };
}

const globalForQueue = globalThis as unknown as { claimbaseJobQueue?: Promise<JobQueue> };

/** The process's queue client, started on first use (the route handlers send, scripts/serve.ts works). */
export function jobQueue(): Promise<JobQueue> {
  if (!globalForQueue.claimbaseJobQueue) {
    const started = createJobQueue();
    globalForQueue.claimbaseJobQueue = started;
    started.catch(() => delete globalForQueue.claimbaseJobQueue);
  }
  return globalForQueue.claimbaseJobQueue;
}

export interface QueueWorker {
  stop(): Promise<void>;
}

/**
 * Works a queue one job at a time, polling. `recover` (jobs whose worker stopped) runs at the start
 * and every `recoverEveryMs`, followed by clearing the queue's ended rows: pg-boss's own clean-up is
 * off (it runs DDL), and our job tables keep the record. A job still running at stop is left to the
 * next start's recovery (its transaction never commits).
 */
export async function startQueueWorker(
  queue: JobQueue,
  name: string,
  options: { run: (jobId: number) => Promise<void>; recover: () => Promise<unknown>; recoverEveryMs: number; pollingIntervalSeconds?: number },
): Promise<QueueWorker> {
  const recover = async () => {
    try {
      await withPrimaryReads(options.recover);
      await queue.boss.deleteStoredJobs(name);
    } catch (error) {
      console.error(`${name} jobs: looking for interrupted jobs failed (${error instanceof Error ? error.message : String(error)})`);
    }
  };
  await recover();
  const workId = await queue.boss.work<{ jobId: number }>(
    name,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1, batchSize: 1 },
    async (jobs: Job<{ jobId: number }>[]) => {
      // A job reads to decide what to write: never from a replica that may lag behind.
      for (const job of jobs) await withPrimaryReads(() => options.run(job.data.jobId));
    },
  );
  const timer = setInterval(() => void recover(), options.recoverEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await queue.boss.offWork(name, { id: workId, wait: false });
    },
  };
}
