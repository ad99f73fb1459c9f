// The import's worker thread: previews and saves large documents with a database client of its own,
// so that extraction, facets and detection never hold the server's event loop (issue 19, item 1).
import { parentPort } from "node:worker_threads";
import { db } from "@/lib/db/client";
import { mapError } from "@/lib/errors";
import { importDocument, previewImport } from "@/lib/import/import-document";
import type { ImportThreadMessage, ImportThreadTask } from "@/lib/import/import-thread";

parentPort!.on("message", async (task: ImportThreadTask) => {
  let reply: ImportThreadMessage;
  try {
    const result =
      task.kind === "preview"
        ? await previewImport(db(), task.document, task.options)
        : await importDocument(db(), { document: task.document, request: task.request, userId: task.userId });
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
