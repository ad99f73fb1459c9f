// The JSON-LD export as a stream: one read-only snapshot (every table as of the same moment, so
// references hold), each table read from a cursor a batch at a time and written node by node into
// the @graph, so memory stays flat however large the database.
import type pg from "pg";
import Cursor from "pg-cursor";
import { DATASET_ID, FORMAT_VERSION, JSONLD_CONTEXT } from "@/lib/jsonld/context";
import { TABLE_MAPPERS } from "@/lib/jsonld/registry";
import type { Row } from "@/lib/jsonld/fields";

const BATCH_ROWS = 500;

export const JSONLD_CONTENT_TYPE = "application/ld+json; charset=utf-8";

export function jsonLdFileName(now = new Date()): string {
  return `claimbase-${now.toISOString().slice(0, 10)}.jsonld`;
}

export interface JsonLdExportOptions {
  signal?: AbortSignal;
  onEnd?: (outcome: "done" | "failed" | "cancelled", nodes: number) => void;
}

/** Every node of the database in registry order, read inside one snapshot on `client`. */
async function* exportNodes(client: pg.PoolClient): AsyncGenerator<Record<string, unknown>> {
  yield { "@id": DATASET_ID, "@type": "schema:Dataset", "schema:name": "Claimbase export", "cb:formatVersion": FORMAT_VERSION };
  for (const mapper of TABLE_MAPPERS) {
    const prepared = await mapper.extension?.prepare?.(client);
    const cursor = client.query(new Cursor<Row>(mapper.selectSql));
    try {
      for (;;) {
        const rows = await cursor.read(BATCH_ROWS);
        for (const row of rows) yield mapper.toNode(row, prepared);
        if (rows.length < BATCH_ROWS) break;
      }
    } finally {
      await cursor.close();
    }
  }
}

/** Opens the snapshot before returning, so a database that cannot be read is an error status, not a truncated file. */
export async function openJsonLdExportStream(pool: pg.Pool, options: JsonLdExportOptions = {}): Promise<ReadableStream<Uint8Array>> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  } catch (error) {
    client.release(error as Error);
    throw error;
  }
  const bytes = new TextEncoder();
  const nodes = exportNodes(client);
  let count = 0;
  let finished = false;
  const finish = async (outcome: "done" | "failed" | "cancelled", error?: unknown) => {
    if (finished) return;
    finished = true;
    options.onEnd?.(outcome, count);
    try {
      await nodes.return(undefined);
      await client.query("ROLLBACK");
      client.release();
    } catch (releaseError) {
      client.release((error ?? releaseError) as Error);
    }
  };
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        options.signal?.addEventListener(
          "abort",
          () => {
            if (finished) return;
            void finish("cancelled");
            controller.error(new Error("The export was cancelled: the client went away."));
          },
          { once: true },
        );
      },
      async pull(controller) {
        try {
          let text = started ? "" : `{"@context":${JSON.stringify(JSONLD_CONTEXT, null, 1)},\n"@graph":[\n`;
          started = true;
          // About 64 KB per chunk: few enqueues, little held.
          while (text.length < 64 * 1024) {
            const next = await nodes.next();
            if (next.done) {
              controller.enqueue(bytes.encode(`${text}\n]}\n`));
              await finish("done");
              controller.close();
              return;
            }
            text += `${count === 0 ? "" : ",\n"}${JSON.stringify(next.value)}`;
            count++;
          }
          controller.enqueue(bytes.encode(text));
        } catch (error) {
          if (finished) return;
          await finish("failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await finish("cancelled");
      },
    },
    { highWaterMark: 256 * 1024, size: (chunk) => chunk.byteLength },
  );
}
