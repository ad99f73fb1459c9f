// Streams an export, reading from Postgres only when the consumer pulls: memory stays flat, and a
// consumer that goes away ends the query. CSV comes from COPY (copy.ts) where the server streams it,
// everything else (NDJSON, the embedded database) from a cursor encoded in JavaScript (encode.ts).
import type pg from "pg";
import Cursor from "pg-cursor";
import { to as copyTo, type CopyToStreamQuery } from "pg-copy-streams";
import { DomainError } from "@/lib/errors";
import { copyExportSql, CsvRecordTerminator } from "@/lib/export/copy";
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

/** Whether this pool's server streams COPY TO STDOUT: asked once per pool. */
const copyServed = new WeakMap<pg.Pool, boolean>();

/**
 * The embedded database (PGlite) answers COPY, but runs it to completion before the first byte,
 * with no backpressure, and stopping it means dropping its one session: exports there keep the cursor.
 */
async function servesCopy(pool: pg.Pool, client: pg.PoolClient): Promise<boolean> {
  const known = copyServed.get(pool);
  if (known !== undefined) return known;
  const { rows } = await client.query<{ version: string }>("SELECT version()");
  const served = !/PGlite/i.test(rows[0]?.version ?? "");
  if (!served) console.info("export: the embedded database (PGlite) does not stream COPY; CSV exports read rows through a cursor instead");
  copyServed.set(pool, served);
  return served;
}

/** Connecting, reporting the outcome once and releasing the connection once, for both ways of reading. */
function exportSession(client: pg.PoolClient, options: ExportStreamOptions) {
  let released = false;
  const session = {
    finished: false,
    rows: 0,
    /** An error makes the pool discard the connection instead of reusing it. */
    release(error?: Error) {
      if (released) return;
      released = true;
      client.release(error);
    },
    /** How each way of reading stops its query when the consumer goes away. */
    onCancel: () => session.release(),
    finish(outcome: "done" | "failed" | "cancelled", error?: unknown) {
      if (session.finished) return;
      session.finished = true;
      options.onEnd?.(outcome, session.rows);
      if (outcome === "cancelled") session.onCancel();
      // A query error leaves the connection usable (pg syncs after it); anything else may not.
      else if (outcome === "failed" && !isServerError(error)) session.release(error instanceof Error ? error : new Error(String(error)));
      else session.release();
    },
  };
  return session;
}
type ExportSession = ReturnType<typeof exportSession>;

/** Pull again only while less than this is queued: the database waits for a slow reader. */
const QUEUED_BYTES = { highWaterMark: 256 * 1024, size: (chunk: Uint8Array) => chunk.byteLength };

/** What one read gives: bytes to send, and whether they were the last; undefined once the export stopped meanwhile. */
type ExportStep = { bytes?: Uint8Array; last: boolean } | undefined;

/**
 * The stream both ways of reading hand back: `next` is called only when the consumer wants more,
 * a consumer that cancels or a request that is aborted (the client went away) ends the export.
 */
function exportReadable(session: ExportSession, options: ExportStreamOptions, next: () => Promise<ExportStep>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const signal = options.signal;
        if (!signal) return;
        if (signal.aborted) session.finish("cancelled");
        signal.addEventListener(
          "abort",
          () => {
            if (session.finished) return;
            session.finish("cancelled");
            controller.error(new Error("The export was cancelled: the client went away."));
          },
          { once: true },
        );
      },
      async pull(controller) {
        try {
          const step = await next();
          if (!step || session.finished) return;
          if (step.bytes?.byteLength) controller.enqueue(step.bytes);
          if (step.last) {
            session.finish("done");
            controller.close();
          }
        } catch (error) {
          if (session.finished) return;
          session.finish("failed", error);
          controller.error(error);
        }
      },
      cancel() {
        session.finish("cancelled");
      },
    },
    QUEUED_BYTES,
  );
}

/** Reads the first batch before returning, so a failing query is an error status, not a truncated file. */
export async function openExportStream(pool: pg.Pool, request: ExportRequest, options: ExportStreamOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const definition = EXPORT_DEFINITIONS[request.kind];
  const columns = request.columns.map((name) => definition.columns.find((column) => column.name === name)!);
  const encoder = new ExportEncoder(columns, request);

  const client = await pool.connect().catch((error: unknown) => {
    if (error instanceof Error && /timeout/i.test(error.message)) {
      throw new DomainError("Too many exports are running at once. Try again in a minute.", 503);
    }
    throw error;
  });
  const session = exportSession(client, options);
  let copySql: string | undefined;
  let streams = true;
  try {
    // Should this process die mid-export, Postgres notices within a second (PostgreSQL 14+).
    await client.query("SET client_connection_check_interval = '1s'").catch(() => undefined);
    streams = await servesCopy(pool, client);
    copySql = streams ? copyExportSql(request) : undefined;
  } catch (error) {
    session.finish("failed", error);
    throw error;
  }
  if (copySql) return copyStream(client, copySql, encoder.preamble(), session, options);
  return cursorStream(client, exportQuery(definition, request.columns, request.filters), encoder, session, options, { whole: !streams });
}

/** Bytes handed on at a time, once the first have left. */
const CHUNK_BYTES = 64 * 1024;

/** COPY streams the CSV Postgres writes (copy.ts); a socket Node does not read stops the server. */
async function copyStream(
  client: pg.PoolClient,
  sql: string,
  preamble: string,
  session: ExportSession,
  options: ExportStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const records = new CsvRecordTerminator();
  // A COPY cannot be closed like a portal: the connection is dropped, which ends the query at once.
  session.onCancel = () => session.release(new Error("the export was cancelled"));
  let head: Uint8Array | undefined = new TextEncoder().encode(preamble);
  let copy: CopyToStreamQuery;
  let ended = false;
  let failure: Error | undefined;
  const wait = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        copy.off("readable", wake).off("end", wake).off("error", wake);
        resolve();
      };
      copy.on("readable", wake).on("end", wake).on("error", wake);
    });
  /**
   * At least `least` bytes in one piece, or what is left; null at the end. Fewer, larger chunks
   * cost less CPU downstream (web stream, Next, the HTTP framing), and Postgres sets the pace anyway.
   */
  const nextChunk = async (least: number): Promise<Buffer | null> => {
    const pieces: Buffer[] = [];
    let size = 0;
    for (;;) {
      if (failure) throw failure;
      const chunk = copy.read() as Buffer | null;
      if (chunk !== null) {
        pieces.push(chunk);
        size += chunk.byteLength;
        if (size >= least) break;
        continue;
      }
      if (ended) break;
      await wait();
    }
    return size === 0 ? null : pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, size);
  };
  let pending: Buffer | null;
  try {
    // Numbers as JavaScript writes them (copy.ts) need the shortest exact form, the default since PostgreSQL 12.
    await client.query("SET extra_float_digits = 1");
    copy = client.query(copyTo(sql, { highWaterMark: 256 * 1024 }));
    copy.on("end", () => (ended = true));
    // Errors reach the reader through nextChunk; after the end there is nobody to tell.
    copy.on("error", (error) => (failure ??= error));
    // The first bytes leave as soon as there are any.
    pending = await nextChunk(1);
  } catch (error) {
    session.finish("failed", error);
    throw error;
  }
  let first = true;
  return exportReadable(session, options, async () => {
    const chunk = first ? pending : await nextChunk(CHUNK_BYTES);
    first = false;
    if (session.finished) return undefined;
    let bytes = chunk === null ? undefined : records.terminate(chunk);
    session.rows = records.records;
    if (head) {
      bytes = bytes ? Buffer.concat([head, bytes]) : head;
      head = undefined;
    }
    return { bytes, last: chunk === null };
  });
}

/** What the export needs of a cursor. */
interface RowReader {
  read(count: number): Promise<unknown[][]>;
  close(): Promise<void>;
}

/**
 * The embedded database's rows, read in one query. PGlite is one Postgres session shared by the
 * app's connection and the export's: a query on the app's side ends the implicit transaction that
 * holds the export's cursor ("portal does not exist"), as the first export after `npm start` did.
 * The embedded database is for a desk's own documents, so holding one export's rows is acceptable there.
 */
function wholeResult(rows: unknown[][]): RowReader {
  return { read: async (count) => rows.splice(0, count), close: async () => {} };
}

/** A cursor read in batches, each encoded in JavaScript: every format and every database. */
async function cursorStream(
  client: pg.PoolClient,
  query: { text: string; values: unknown[] },
  encoder: ExportEncoder,
  session: ExportSession,
  options: ExportStreamOptions,
  { whole }: { whole: boolean },
): Promise<ReadableStream<Uint8Array>> {
  const bytes = new TextEncoder();
  let cursor: RowReader | undefined;
  let pending: unknown[][] | undefined;
  let ahead: Promise<unknown[][]> | undefined;

  /** Closes the portal rather than dropping the connection, which would leave PGlite (one session) unusable. */
  session.onCancel = () => {
    void (async () => {
      const timer = setTimeout(() => session.release(new Error("the export's cursor did not close in time")), 5_000);
      try {
        await ahead?.catch(() => undefined);
        await cursor?.close();
        session.release();
      } catch (error) {
        session.release(error instanceof Error ? error : new Error(String(error)));
      } finally {
        clearTimeout(timer);
      }
    })();
  };

  try {
    cursor = whole
      ? wholeResult((await client.query<unknown[]>({ text: query.text, values: query.values, rowMode: "array" })).rows)
      : client.query(new Cursor<unknown[]>(query.text, query.values, { rowMode: "array" }));
    pending = await cursor.read(FIRST_BATCH_ROWS);
  } catch (error) {
    session.finish("failed", error);
    throw error;
  }

  return exportReadable(session, options, async () => {
    let batch: unknown[][];
    let asked: number;
    if (pending) {
      [batch, asked, pending] = [pending, FIRST_BATCH_ROWS, undefined];
    } else {
      [batch, asked] = [await ahead!, BATCH_ROWS];
      ahead = undefined;
    }
    if (session.finished) return undefined;
    // A short batch means the portal is exhausted.
    const more = batch.length === asked;
    if (more) {
      // Read ahead so Postgres produces rows while Node formats them; one batch at most.
      ahead = cursor!.read(BATCH_ROWS);
      ahead.catch(() => undefined);
    }
    session.rows += batch.length;
    const text = encoder.encode(batch);
    if (!more) await cursor!.close();
    return { bytes: text ? bytes.encode(text) : undefined, last: !more };
  });
}
