// POST /api/import — save an uploaded or pasted document with the editor's metadata:
// one transaction writes the source, claims, actors, candidate contradictions and audit events.
import { withRole } from "@/lib/auth/with-role";
import { db } from "@/lib/db/client";
import { describeImport, importDocument, parseImportRequest } from "@/lib/import/import-document";
import { importRequestFromForm, readImportForm, readUploadedDocument } from "@/lib/import/upload";

export const dynamic = "force-dynamic";

export const POST = withRole("editor", async (request, { user }) => {
  const form = await readImportForm(request);
  const document = await readUploadedDocument(form);
  const importRequest = parseImportRequest(document.file, importRequestFromForm(form));
  const result = await importDocument(db(), { document, request: importRequest, userId: user.id });
  return Response.json(
    {
      sourceId: result.summary.sourceId,
      slug: result.summary.slug,
      created: result.summary.created,
      duplicate: result.summary.duplicate,
      claimsCreated: result.summary.claimsCreated,
      claimsTotal: result.summary.claimsTotal,
      contradictionsFound: result.contradictionsFound,
      description: describeImport(result),
    },
    { status: result.summary.created ? 201 : 200 },
  );
});
