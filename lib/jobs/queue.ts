// The job queue: pg-boss over the app's database (schema pgboss, installed by the migration
// 20261208000000_import_jobs as the owner). pg-boss runs here with migrate, supervise and schedule
// off — its maintenance creates partitions, which is DDL the app's role may not run — and through a
// pool of our own that takes the app's role, without LISTEN/NOTIFY: workers poll, which is also what
// the embedded database (one PGlite session) needs. A job carries only the id of a row of ours.
import { PgBoss } from "pg-boss";
import type pg from "pg";
import { createPool } from "@/lib/db/client";
import { appDatabaseRole, databaseUrl } from "@/lib/env";

export const IMPORT_QUEUE = "import";
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
