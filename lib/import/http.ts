// The import's two route handlers' work: read the uploaded or pasted document from the form,
// then preview it (a large document on the import's worker thread) or queue it as an import job.
import "server-only";
import { db } from "@/lib/db/client";
import { parseImportRequest, previewImport } from "@/lib/import/import-document";
import { belongsOnThread, previewOnThread } from "@/lib/import/import-thread";
import type { ImportJobView } from "@/lib/import/job-schema";
import { enqueueImport, getImportJobOrThrow, statusUrlOf } from "@/lib/import/jobs";
import { jobQueue } from "@/lib/jobs/queue";
import { importRequestFromForm, previewOptionsFromForm, readImportForm, readUploadedDocument } from "@/lib/import/upload";

export async function previewUpload(request: Request) {
  const form = await readImportForm(request);
  const document = await readUploadedDocument(form);
  const options = previewOptionsFromForm(form);
  return belongsOnThread(document) ? previewOnThread(document, options) : previewImport(db(), document, options);
}

/**
 * Validates the upload and its metadata here (a bad one is refused with its 4xx and nothing stored),
 * then stores it as an import job for the worker (lib/import/jobs.ts) and answers with the job's id.
 */
export async function queueUpload(request: Request, userId: number): Promise<{ jobId: number; statusUrl: string }> {
  const form = await readImportForm(request);
  const document = await readUploadedDocument(form);
  const requestInput = importRequestFromForm(form);
  parseImportRequest(document.file, requestInput);
  const jobId = await enqueueImport(db(), await jobQueue(), { document, requestInput, userId });
  return { jobId, statusUrl: statusUrlOf(jobId) };
}

export function importJobStatus(jobId: number, viewer: { id: number; role: string }): Promise<ImportJobView> {
  return getImportJobOrThrow(db(), jobId, viewer);
}
