// The import's two route handlers' work: read the uploaded or pasted document from the form,
// then preview it or save it against the app's database (a large document on the import's worker thread).
import "server-only";
import { db } from "@/lib/db/client";
import { describeImport, importDocument, parseImportRequest, previewImport } from "@/lib/import/import-document";
import type { SavedImport } from "@/lib/import/preview-schema";
import { belongsOnThread, previewOnThread, saveOnThread } from "@/lib/import/import-thread";
import { importRequestFromForm, previewOptionsFromForm, readImportForm, readUploadedDocument } from "@/lib/import/upload";

export async function previewUpload(request: Request) {
  const form = await readImportForm(request);
  const document = await readUploadedDocument(form);
  const options = previewOptionsFromForm(form);
  return belongsOnThread(document) ? previewOnThread(document, options) : previewImport(db(), document, options);
}

/** Saves the document; `created` says whether a new source was made (201) or an existing one matched (200). */
export async function saveUpload(request: Request, userId: number): Promise<SavedImport> {
  const form = await readImportForm(request);
  const document = await readUploadedDocument(form);
  const importRequest = parseImportRequest(document.file, importRequestFromForm(form));
  const result = belongsOnThread(document)
    ? await saveOnThread(document, importRequest, userId)
    : await importDocument(db(), { document, request: importRequest, userId });
  return {
    sourceId: result.summary.sourceId,
    slug: result.summary.slug,
    created: result.summary.created,
    duplicate: result.summary.duplicate,
    claimsCreated: result.summary.claimsCreated,
    claimsTotal: result.summary.claimsTotal,
    contradictionsFound: result.contradictionsFound,
    description: describeImport(result),
  };
}
