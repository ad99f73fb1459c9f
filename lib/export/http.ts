// An export asked for over HTTP: the app's database and the export pool (the command line
// opens its own, see cli.ts).
import "server-only";
import { db } from "@/lib/db/client";
import { exportPool } from "@/lib/export/pool";
import { startExport, type StartedExport } from "@/lib/export/run";
import type { ExportRequest } from "@/lib/export/schema";

export async function startHttpExport(request: ExportRequest, userId: number, signal: AbortSignal): Promise<StartedExport> {
  return startExport(exportPool(), db(), request, { userId, via: "http" }, { signal });
}
