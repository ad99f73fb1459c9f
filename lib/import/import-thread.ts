// Large documents are previewed and saved on a worker thread (lib/import/import-worker.ts) with its own
// database connection: reading, extraction, facets and detection take seconds per megabyte, and on the
// request's thread they would keep every other request waiting. Small documents, done in well under a
// second, stay in place. One thread, started on first use and kept; its tasks run one after another.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ConflictError, DomainError, ValidationError, type MappedError } from "@/lib/errors";
import type { ImportResult } from "@/lib/import/import-document";
import type { ImportPreview } from "@/lib/import/preview-schema";
import type { IngestTarget } from "@/lib/ingest/ingest-document";
import type { ReadDocument } from "@/lib/import/types";

/** Text longer than this is imported on the worker thread (about 1 s of work in place). */
export const THREAD_MIN_CHARACTERS = 100_000;

export type PreviewOptions = { slug?: string; url?: string | null; target?: IngestTarget };

export type ImportThreadTask = { id: number; kind: "preview"; document: ReadDocument; options: PreviewOptions } | { id: number; kind: "job"; jobId: number };

type TaskWithoutId = ImportThreadTask extends infer T ? (T extends unknown ? Omit<T, "id"> : never) : never;

export type ImportThreadMessage =
  { ready: true } | { id: number; ok: true; result: ImportPreview | ImportResult } | { id: number; ok: false; error: MappedError };

const WORKER_FILE = path.join(process.cwd(), "lib", "import", "import-worker.ts");
// A thread does not inherit the parent's TypeScript loader: it registers tsx itself, then loads the worker.
const BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)}); })`;

interface Pending {
  resolve: (value: ImportPreview | ImportResult) => void;
  reject: (error: Error) => void;
}

class ImportThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  dead = false;

  constructor() {
    this.worker = new Worker(BOOTSTRAP, { eval: true });
    this.worker.unref();
    this.worker.on("message", (message: ImportThreadMessage) => {
      if ("ready" in message) return;
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!pending) return;
      if (message.ok) pending.resolve(message.result);
      else pending.reject(rebuild(message.error));
    });
    const fail = (error: Error) => {
      this.dead = true;
      for (const pending of this.pending.values())
        pending.reject(new Error(`The import stopped before it finished (${error.message}); nothing was saved. Try again.`));
      this.pending.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`worker exited with code ${code}`)));
  }

  run(task: TaskWithoutId): Promise<ImportPreview | ImportResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ ...task, id });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    }) as Promise<ImportPreview | ImportResult>;
  }
}

/** The worker mapped its error to a status and message; the same classes carry them here. */
function rebuild(mapped: MappedError): Error {
  if (mapped.status === 422) return new ValidationError(mapped.message, mapped.fieldErrors ?? {});
  if (mapped.status === 409) return new ConflictError(mapped.message, mapped.current);
  if (mapped.status < 500) return new DomainError(mapped.message, mapped.status);
  return new Error(mapped.message);
}

const globalForImport = globalThis as unknown as { claimbaseImportThread?: ImportThread };

function thread(): ImportThread {
  const current = globalForImport.claimbaseImportThread;
  if (current && !current.dead) return current;
  const started = new ImportThread();
  globalForImport.claimbaseImportThread = started;
  return started;
}

export function belongsOnThread(document: ReadDocument): boolean {
  return document.rawText.length >= THREAD_MIN_CHARACTERS;
}

export function previewOnThread(document: ReadDocument, options: PreviewOptions): Promise<ImportPreview> {
  return thread().run({ kind: "preview", document, options }) as Promise<ImportPreview>;
}

/** A stored import job, read and saved by the thread itself: its document never passes through this thread. */
export function saveJobOnThread(jobId: number): Promise<ImportResult> {
  return thread().run({ kind: "job", jobId }) as Promise<ImportResult>;
}
