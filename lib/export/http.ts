// An export asked for over HTTP: the app's database and the export pool (the command line
// opens its own, see cli.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { exportPool, onExportReadPool } from "@/lib/export/pool";
import { readsRefreshedOrigins, startExport, type StartedExport } from "@/lib/export/run";
import type { ExportRequest } from "@/lib/export/schema";
import { startJsonLdExport, type StartedJsonLdExport } from "@/lib/jsonld/run";

/**
 * CSV and NDJSON read from a replica when there is one, except those that read the origin counts
 * startExport refreshes on the primary just before (a replica may not have them yet).
 */
export async function startHttpExport(request: ExportRequest, userId: number, signal: AbortSignal): Promise<StartedExport> {
  const run = (pool: Parameters<typeof startExport>[0]) => startExport(pool, db(), request, { userId, via: "http" }, { signal });
  if (readsRefreshedOrigins(request)) return run(exportPool());
  return onExportReadPool(run);
}

/** The whole database as JSON-LD (lib/jsonld), on the same pool as the CSV exports: on the primary, as it holds its own audit event. */
export async function startHttpJsonLdExport(userId: number, signal: AbortSignal): Promise<StartedJsonLdExport> {
  return startJsonLdExport(exportPool(), db(), { userId, via: "http" }, { signal });
}
