// Exports stream from a cursor on a connection of their own, outside Prisma's pool: Prisma
// cannot stream, and a long export must not hold a connection the pages need.
import "server-only";
import pg from "pg";
import { appDatabaseRole, databaseUrl, env, replicaUrls } from "@/lib/env";
import { createPool, replicaSet } from "@/lib/db/client";
import { readsNeedPrimary } from "@/lib/db/read-routing";

const globalForExport = globalThis as unknown as { claimbaseExportPool?: pg.Pool; claimbaseExportReplicaPools?: Map<string, pg.Pool> };

/** A request waits this long for a free export connection, then gets 503. */
const WAIT_FOR_CONNECTION_MS = 20_000;

/** Cached on globalThis so hot reload in development does not open a pool per edit. */
export function exportPool(): pg.Pool {
  if (globalForExport.claimbaseExportPool) return globalForExport.claimbaseExportPool;
  // The embedded database serves two sessions in all; the app's pool holds the other one.
  const max = env().CLAIMBASE_EMBEDDED ? 1 : env().EXPORT_POOL_SIZE;
  const pool = createPool(databaseUrl(), max, { role: appDatabaseRole(), connectionTimeoutMillis: WAIT_FOR_CONNECTION_MS });
  globalForExport.claimbaseExportPool = pool;
  return pool;
}

function replicaExportPool(index: number): pg.Pool {
  const pools = (globalForExport.claimbaseExportReplicaPools ??= new Map());
  const url = replicaUrls()[index];
  let pool = pools.get(url);
  if (!pool) {
    pool = createPool(url, env().EXPORT_POOL_SIZE, { role: appDatabaseRole(), connectionTimeoutMillis: WAIT_FOR_CONNECTION_MS, quietIdleErrors: true });
    pools.set(url, pool);
  }
  return pool;
}

/**
 * Runs `start` on a replica's export pool when one answers and this browser saved nothing just now
 * (README: Reads on replicas), else on the primary's; a replica that fails before the first byte
 * is marked down and the export starts again on the primary.
 */
export async function onExportReadPool<T>(start: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const replicas = replicaSet();
  const replica = replicas && !(await readsNeedPrimary()) ? replicas.pick() : undefined;
  if (!replicas || !replica) return start(exportPool());
  return replicas.serve(
    replica,
    () => start(replicaExportPool(replicas.replicas.indexOf(replica))),
    () => start(exportPool()),
  );
}
