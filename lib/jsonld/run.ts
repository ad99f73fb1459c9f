// The one path a JSON-LD export takes, from HTTP and the command line: the audit event first (so
// the export holds its own record and re-imports to the same rows), then the stream.
import type pg from "pg";
import type { Db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record";
import { JSONLD_CONTENT_TYPE, jsonLdFileName, openJsonLdExportStream, type JsonLdExportOptions } from "@/lib/jsonld/export";

export interface StartedJsonLdExport {
  fileName: string;
  contentType: string;
  stream: ReadableStream<Uint8Array>;
}

export async function startJsonLdExport(
  pool: pg.Pool,
  prisma: Db,
  actor: { userId: number | null; via: "http" | "cli" },
  options: JsonLdExportOptions & { embedded?: boolean } = {},
): Promise<StartedJsonLdExport> {
  await recordAudit(prisma, {
    userId: actor.userId,
    entityType: "export",
    entityId: "jsonld",
    action: "export_all",
    after: { kind: "jsonld", via: actor.via },
  });
  // The embedded database serves two sessions in all: the command line beside a running app must not hold two at once.
  if (options.embedded) await prisma.$disconnect();
  return { fileName: jsonLdFileName(), contentType: JSONLD_CONTENT_TYPE, stream: await openJsonLdExportStream(pool, options) };
}
