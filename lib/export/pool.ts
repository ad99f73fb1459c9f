// Exports stream from a cursor on a connection of their own, outside Prisma's pool: Prisma
// cannot stream, and a long export must not hold a connection the pages need.
import "server-only";
import pg from "pg";
import { appDatabaseRole, databaseUrl, env } from "@/lib/env";
import { createPool } from "@/lib/db/client";

const globalForExport = globalThis as unknown as { claimbaseExportPool?: pg.Pool };

/** Cached on globalThis so hot reload in development does not open a pool per edit. */
export function exportPool(): pg.Pool {
  if (globalForExport.claimbaseExportPool) return globalForExport.claimbaseExportPool;
  // The embedded database serves two sessions in all; the app's pool holds the other one.
  const max = env().CLAIMBASE_EMBEDDED ? 1 : env().EXPORT_POOL_SIZE;
  // A request waits this long for a free export connection, then gets 503.
  const pool = createPool(databaseUrl(), max, { role: appDatabaseRole(), connectionTimeoutMillis: 20_000 });
  globalForExport.claimbaseExportPool = pool;
  return pool;
}
