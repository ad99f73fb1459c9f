// Streams an export from a Postgres cursor, reading a batch only when the consumer pulls:
// memory stays flat, and a consumer that goes away closes the cursor and ends the query.
import type pg from "pg";
import Cursor from "pg-cursor";
import { DomainError } from "@/lib/errors";
import { ExportEncoder } from "@/lib/export/encode";
import { EXPORT_DEFINITIONS, exportQuery } from "@/lib/export/kinds";
import type { ExportRequest } from "@/lib/export/schema";

/** Large enough to amortise the round trip. */
export const BATCH_ROWS = 1000;
/** The first read is small so the first bytes leave at once. */
const FIRST_BATCH_ROWS = 100;

export interface ExportStreamOptions {
  onEnd?: (outcome: "done" | "failed" | "cancelled", rows: number) => void;
  signal?: AbortSignal;
}

/** An ErrorResponse from Postgres, as opposed to a broken connection. */
function isServerError(error: unknown): boolean {
  return typeof error === "object" && error !== null && "severity" in error;
}

/** Reads the first batch before returning, so a failing query is an error status, not a truncated file. */
export async function openExportStream(pool: pg.Pool, request: ExportRequest, options: ExportStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const definition = EXPORT_DEFINITIONS[request.kind];
  const columns = request.columns.map((name) => definition.columns.find((column) => column.name === name)!);
  const query = exportQuery(definition, request.columns, request.filters);
  const encoder = new ExportEncoder(columns, request);
  const bytes = new TextEncoder();

  const client = await pool.connect().catch((error: unknown) => {
    if (error instanceof Error && /timeout/i.test(error.message)) {
      throw new DomainError("Too many exports are running at once. Try again in a minute.", 503);
    }
    throw error;
  });
  let finished = false;
  let released = false;
  let rows = 0;
  let cursor: Cursor<unknown[]> | undefined;
  let pending: unknown[][] | undefined;
  let ahead: Promise<unknown[][]> | undefined;

  /** An error makes the pool discard the connection instead of reusing it. */
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  /** Closes the portal rather than dropping the connection, which would leave PGlite (one session) unusable. */
  const closeCursor = async () => {
    const timer = setTimeout(() => release(new Error("the export's cursor did not close in time")), 5_000);
    try {
      await ahead?.catch(() => undefined);
      await cursor?.close();
      release();
    } catch (error) {
      release(error instanceof Error ? error : new Error(String(error)));
    } finally {
      clearTimeout(timer);
    }
  };
  const finish = (outcome: "done" | "failed" | "cancelled", error?: unknown) => {
    if (finished) return;
    finished = true;
    options.onEnd?.(outcome, rows);
    if (outcome === "cancelled") void closeCursor();
    // A query error leaves the connection usable (pg syncs after it); anything else may not.
    else if (outcome === "failed" && !isServerError(error)) release(error instanceof Error ? error : new Error(String(error)));
    else release();
  };

  try {
    // Should this process die mid-export, Postgres notices within a second (PostgreSQL 14+).
    await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
    cursor = client.query(new Cursor<unknown[]>(query.text, query.values, { rowMode: "array" }));
    pending = await cursor.read(FIRST_BATCH_ROWS);
  } catch (error) {
    finish("failed", error);
    throw error;
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (!options.signal) return;
        if (options.signal.aborted) finish("cancelled");
        options.signal.addEventListener(
          "abort",
          () => {
            if (finished) return;
            finish("cancelled");
            controller.error(new Error("The export was cancelled: the client went away."));
          },
          { once: true },
        );
      },
      async pull(controller) {
        try {
          let batch: unknown[][];
          let asked: number;
          if (pending) {
            [batch, asked, pending] = [pending, FIRST_BATCH_ROWS, undefined];
          } else {
            [batch, asked] = [await ahead!, BATCH_ROWS];
            ahead = undefined;
          }
          if (finished) return;
          // A short batch means the portal is exhausted.
          const more = batch.length === asked;
          if (more) {
            // Read ahead so Postgres produces rows while Node formats them; one batch at most.
            ahead = cursor!.read(BATCH_ROWS);
            ahead.catch(() => undefined);
          }
          rows += batch.length;
          const text = encoder.encode(batch);
          if (text) controller.enqueue(bytes.encode(text));
          if (!more) {
            await cursor!.close();
            finish("done");
            controller.close();
          }
        } catch (error) {
          if (finished) return;
          finish("failed", error);
          controller.error(error);
        }
      },
      cancel() {
        finish("cancelled");
      },
    },
    // Pull again only while less than this is queued: the database waits for a slow reader.
    { highWaterMark: 256 * 1024, size: (chunk) => chunk.byteLength },
  );
}
