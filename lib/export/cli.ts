// npm run export -- <kind> [--filter value …] [--format csv|ndjson] [--bom] [--raw] [--columns a,b] [--out FILE]
// Filters are the list pages' URL parameters, parsed and streamed by the same code as the HTTP export.
// npm run export -- jsonld [--out FILE] writes the whole database as JSON-LD (lib/jsonld).
import "dotenv/config";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { runCli } from "@/lib/cli/run";
import { ValidationError } from "@/lib/errors";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { parseCliArguments, usage } from "@/lib/export/cli-arguments";
import { exportFileName, parseExportRequest } from "@/lib/export/schema";
import { readsRefreshedOrigins, startExport } from "@/lib/export/run";
import { describeDatabaseUrl } from "@/lib/db/connection-errors";
import { replicaUrls } from "@/lib/env";
import { appOrigin } from "@/lib/http/origin";
import { startJsonLdExport } from "@/lib/jsonld/run";

await runCli(async () => {
  const args = parseCliArguments(process.argv.slice(2));
  if (args.help || args.kind === undefined) {
    console.log(usage());
    if (!args.help) process.exitCode = 1;
    return;
  }
  if (args.kind === "jsonld") return exportJsonLd(args.params, args.out);
  // Everything is validated before a connection is opened or a file created.
  const request = parseExportRequest(args.kind, args.params, appOrigin());

  const started = performance.now();
  const database = await resolveDatabase();
  // The embedded database serves two sessions: use one at a time.
  const pool = await streamPool(database.url, readsRefreshedOrigins(request) ? [] : replicaUrls());
  const prisma = createPrismaClient(database.url, 1);
  // Prisma takes a few hundred milliseconds to start: while the export's query opens, on a server with sessions to spare.
  if (!database.embedded) void prisma.$connect().catch(() => undefined);
  const partial = args.out ? `${args.out}.partial-${process.pid}` : undefined;
  let rows = 0;
  try {
    const exported = await startExport(
      pool,
      prisma,
      request,
      { userId: null, via: "cli" },
      { auditFirst: database.embedded, onEnd: (_outcome, count) => (rows = count) },
    );
    await prisma.$disconnect();
    const output: Writable = partial ? createWriteStream(partial) : process.stdout;
    await pipeline(Readable.fromWeb(exported.stream as import("node:stream/web").ReadableStream<Uint8Array>), output);
    if (args.out && partial) {
      await rename(partial, args.out);
      // The time leaves out Node's start-up (npm run bench:export prints both).
      console.error(
        `Wrote ${rows} ${request.kind} rows to ${args.out} (${request.filtered ? "filtered" : "all"}; a download would be named ${exportFileName(request)}) in ${((performance.now() - started) / 1000).toFixed(2)} s`,
      );
    }
  } catch (error) {
    if (partial) await rm(partial, { force: true });
    throw error;
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await database.release();
  }
});

/** The whole database as one JSON-LD document: no filters, every table (README: JSON-LD). */
async function exportJsonLd(params: URLSearchParams, out: string | undefined): Promise<void> {
  if ([...params.keys()].length)
    throw new ValidationError(`The JSON-LD export takes no filters or options but --out (got --${[...params.keys()].join(", --")}).`);
  const database = await resolveDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  const prisma = createPrismaClient(database.url, 1);
  const partial = out ? `${out}.partial-${process.pid}` : undefined;
  let nodes = 0;
  try {
    const started = await startJsonLdExport(
      pool,
      prisma,
      { userId: null, via: "cli" },
      {
        embedded: database.embedded,
        onEnd: (_outcome, count) => (nodes = count),
      },
    );
    await prisma.$disconnect();
    const output: Writable = partial ? createWriteStream(partial) : process.stdout;
    await pipeline(Readable.fromWeb(started.stream as import("node:stream/web").ReadableStream<Uint8Array>), output);
    if (out && partial) {
      await rename(partial, out);
      console.error(`Wrote ${nodes} JSON-LD nodes to ${out} (import it into an empty database with npm run import:jsonld -- ${out})`);
    }
  } catch (error) {
    if (partial) await rm(partial, { force: true });
    throw error;
  } finally {
    await prisma.$disconnect();
    await pool.end();
    await database.release();
  }
}

/**
 * Where the rows stream from: the first replica of DATABASE_REPLICA_URL that answers (README: Reads
 * on replicas), else the primary. The audit event is written on the primary either way.
 */
async function streamPool(primaryUrl: string, replicas: string[]): Promise<pg.Pool> {
  for (const url of replicas) {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2_000 });
    try {
      (await pool.connect()).release();
      return pool;
    } catch (error) {
      console.error(
        `Replica ${describeDatabaseUrl(url)} does not answer (${error instanceof Error ? error.message : String(error)}); exporting from the primary.`,
      );
      await pool.end();
    }
  }
  return new pg.Pool({ connectionString: primaryUrl, max: 1 });
}
