// POST /api/import/preview — read an uploaded or pasted document and report what saving it
// would do (text, claims with speakers, the stored source it matches). Writes nothing.
import { withRole } from "@/lib/auth/with-role";
import { db } from "@/lib/db/client";
import { previewImport } from "@/lib/import/import-document";
import { previewOptionsFromForm, readImportForm, readUploadedDocument } from "@/lib/import/upload";

export const dynamic = "force-dynamic";

export const POST = withRole("editor", async (request) => {
  const form = await readImportForm(request);
  const document = await readUploadedDocument(form);
  const preview = await previewImport(db(), document, previewOptionsFromForm(form));
  return Response.json(preview);
});
