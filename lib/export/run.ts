// The one path every export takes, from HTTP and the command line: open the stream (so a failing
// query stops it before any byte), audit who exported what, and hand back the bytes.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { EXPORT_DEFINITIONS } from "@/lib/export/kinds";
import { exportContentType, exportFileName, type ExportRequest } from "@/lib/export/schema";
import { openExportStream, type ExportStreamOptions } from "@/lib/export/stream";
import { refreshPropositionOrigins } from "@/lib/propositions/origin-counts";

export interface ExportActor {
  /** null for the command line, which runs with the database's own rights. */
  userId: number | null;
  via: "http" | "cli";
}

export interface StartedExport {
  fileName: string;
  contentType: string;
  stream: ReadableStream<Uint8Array>;
}

/** What the audit event says about an export: enough to repeat it. */
export function exportAuditRecord(request: ExportRequest, via: ExportActor["via"]) {
  const everyColumn = EXPORT_DEFINITIONS[request.kind].columns.map((column) => column.name).join(",") === request.columns.join(",");
  return {
    kind: request.kind,
    format: request.format,
    filters: request.filters,
    columns: everyColumn ? "all" : request.columns,
    bom: request.bom,
    formulas: request.formulas,
    labels: request.labels,
    via,
  };
}

/** Whether the export reads the origin counts startExport brings up to date (on the primary) first. */
export function readsRefreshedOrigins(request: ExportRequest): boolean {
  return request.kind === "propositions" || Boolean(request.filters.singleOrigin);
}

export interface StartExportOptions extends ExportStreamOptions {
  /** The embedded database serves two sessions in all: the CLI beside a running app must not hold two at once. */
  auditFirst?: boolean;
}

export async function startExport(
  pool: pg.Pool,
  prisma: Db,
  request: ExportRequest,
  actor: ExportActor,
  options: StartExportOptions = {},
): Promise<StartedExport> {
  const audit = () =>
    recordAudit(prisma, {
      userId: actor.userId,
      entityType: "export",
      entityId: request.kind,
      action: request.filtered ? "export_filtered" : "export_all",
      after: exportAuditRecord(request, actor.via),
    });
  // Origin counts are traceOrigins' (TypeScript), kept in a table the export's SQL reads: bring it up to date.
  if (readsRefreshedOrigins(request)) await refreshPropositionOrigins(prisma);
  const started = (stream: ReadableStream<Uint8Array>) => ({ fileName: exportFileName(request), contentType: exportContentType(request.format), stream });
  if (options.auditFirst) {
    await audit();
    await prisma.$disconnect();
    return started(await openExportStream(pool, request, options));
  }
  // Otherwise the query starts first, so an export that fails to start is not recorded as done.
  const stream = await openExportStream(pool, request, options);
  try {
    await audit();
  } catch (error) {
    await stream.cancel();
    throw error;
  }
  return started(stream);
}
