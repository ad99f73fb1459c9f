// GET /api/export/jsonld — stream the whole database as JSON-LD (schema.org, W3C Web Annotation), for editors and admins
import { withRole } from "@/lib/auth/with-role";
import { startHttpJsonLdExport } from "@/lib/export/http";

export const dynamic = "force-dynamic";

export const GET = withRole("editor", async (request, { user }) => {
  const started = await startHttpJsonLdExport(user.id, request.signal);
  return new Response(started.stream, {
    headers: {
      "Content-Type": started.contentType,
      "Content-Disposition": `attachment; filename="${started.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
