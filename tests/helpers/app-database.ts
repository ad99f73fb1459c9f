// Lets integration tests call app code (queries, server actions, route handlers) that
// reaches the database through db(): point the cached client at the test database.
import type { TestDatabase } from "@/tests/helpers/test-database";

const globalForPrisma = globalThis as unknown as { claimbasePrisma?: unknown };

export function useAppDatabase(database: TestDatabase): void {
  globalForPrisma.claimbasePrisma = database.prisma;
}

export function releaseAppDatabase(): void {
  delete globalForPrisma.claimbasePrisma;
}

/** Closes the job queue (lib/jobs/queue.ts) that server actions under test may have started on DATABASE_URL. */
export async function closeAppJobQueue(): Promise<void> {
  const holder = globalThis as { claimbaseJobQueue?: Promise<{ close(): Promise<void> }> };
  const queue = holder.claimbaseJobQueue;
  delete holder.claimbaseJobQueue;
  await (await queue?.catch(() => null))?.close();
}

/** Closes the exports' own pool (lib/export/pool.ts), which route handlers under test may have opened. */
export async function closeExportPool(): Promise<void> {
  const holder = globalThis as { claimbaseExportPool?: { end(): Promise<void> }; claimbaseExportReplicaPools?: Map<string, { end(): Promise<void> }> };
  await holder.claimbaseExportPool?.end();
  delete holder.claimbaseExportPool;
  await Promise.all([...(holder.claimbaseExportReplicaPools?.values() ?? [])].map((pool) => pool.end()));
  delete holder.claimbaseExportReplicaPools;
}

/** Closes the replicas' clients (lib/db/client.ts replicaSet) that reads under test opened. */
export async function closeAppReplicas(): Promise<void> {
  const holder = globalThis as { claimbaseReplicas?: { disconnect(): Promise<void> } };
  await holder.claimbaseReplicas?.disconnect();
  delete holder.claimbaseReplicas;
}
