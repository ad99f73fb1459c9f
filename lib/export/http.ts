// An export asked for over HTTP: the app's database and the export pool (the command line
// opens its own, see cli.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { exportPool } from "@/lib/export/pool";
import { startExport, type StartedExport } from "@/lib/export/run";
import type { ExportRequest } from "@/lib/export/schema";
import { startJsonLdExport, type StartedJsonLdExport } from "@/lib/jsonld/run";

export async function startHttpExport(request: ExportRequest, userId: number, signal: AbortSignal): Promise<StartedExport> {
  return startExport(exportPool(), db(), request, { userId, via: "http" }, { signal });
}

/** The whole database as JSON-LD (lib/jsonld), on the same pool as the CSV exports. */
export async function startHttpJsonLdExport(userId: number, signal: AbortSignal): Promise<StartedJsonLdExport> {
  return startJsonLdExport(exportPool(), db(), { userId, via: "http" }, { signal });
}
