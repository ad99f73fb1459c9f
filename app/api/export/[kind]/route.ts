// GET /api/export/[kind] — stream a list as CSV (or NDJSON), filtered by the same URL parameters as its page
import { withRole } from "@/lib/auth/with-role";
import { roleAllows } from "@/lib/auth/roles";
import { ForbiddenError } from "@/lib/errors";
import { EXPORT_DEFINITIONS, isExportKind } from "@/lib/export/kinds";
import { startHttpExport } from "@/lib/export/http";
import { parseExportRequest } from "@/lib/export/schema";
import { appOrigin } from "@/lib/http/origin";

export const dynamic = "force-dynamic";

export const GET = withRole<{ params: Promise<{ kind: string }> }>("viewer", async (request, { params, user }) => {
  const { kind } = await params;
  // Before parameter checks: a viewer learns nothing about the audit export's filters.
  if (isExportKind(kind) && !roleAllows(user.role, EXPORT_DEFINITIONS[kind].role)) {
    throw new ForbiddenError(`You need the ${EXPORT_DEFINITIONS[kind].role} role to export the ${kind === "audit" ? "audit trail" : kind}.`);
  }
  const exportRequest = parseExportRequest(kind, new URL(request.url).searchParams, appOrigin(request));
  const started = await startHttpExport(exportRequest, user.id, request.signal);
  return new Response(started.stream, {
    headers: {
      "Content-Type": started.contentType,
      "Content-Disposition": `attachment; filename="${started.fileName}"`,
      // no-transform: Next's gzip would spend about a core-second per 70 MB of CSV on the request,
      // a third of the export's rate; a reverse proxy in front may compress it (README: Export).
      "Cache-Control": "no-store, no-transform",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
