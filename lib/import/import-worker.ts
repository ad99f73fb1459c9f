// The import's worker thread: previews and saves large documents with a database client of its own,
// so that extraction, facets and detection never hold the server's event loop (issue 19, item 1).
import { parentPort } from "node:worker_threads";
import { db } from "@/lib/db/client";
import { mapError } from "@/lib/errors";
import { importDocument, parseImportRequest, previewImport } from "@/lib/import/import-document";
import { storedDocumentSchema } from "@/lib/import/job-schema";
import type { ImportThreadMessage, ImportThreadTask } from "@/lib/import/import-thread";
import { lowerThisThreadsPriority } from "@/lib/jobs/thread-priority";
import { detectReuseAfterImport } from "@/lib/reuse/detect";

// Other users' requests come first: the import takes the CPU they leave.
lowerThisThreadsPriority();

/** The job's document is read here, so the server's main thread never parses or copies it. */
async function saveStoredJob(jobId: number) {
  const job = await db().importJob.findUniqueOrThrow({ where: { id: jobId }, select: { document: true, request: true, requestedBy: true } });
  const document = storedDocumentSchema.parse(job.document);
  const result = await importDocument(db(), { document, request: parseImportRequest(document.file, job.request), userId: job.requestedBy });
  // Reposts of and by a large document are looked for here too, off the server's event loop.
  if (!result.summary.duplicate) await detectReuseAfterImport(db(), result.summary.sourceId);
  return result;
}

parentPort!.on("message", async (task: ImportThreadTask) => {
  let reply: ImportThreadMessage;
  try {
    const result = task.kind === "preview" ? await previewImport(db(), task.document, task.options) : await saveStoredJob(task.jobId);
    reply = { id: task.id, ok: true, result };
  } catch (error) {
    const mapped = mapError(error);
    // What the server log would have shown had the import run in the request.
    if (mapped.status >= 500) console.error("import failed:", error);
    reply = { id: task.id, ok: false, error: mapped };
  }
  parentPort!.postMessage(reply);
});
parentPort!.postMessage({ ready: true } satisfies ImportThreadMessage);
