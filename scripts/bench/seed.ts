// npm run bench:seed -- --claims N [--large-source-claims M] [--skip-baseline] [--keep]
//
// Fills a throwaway database with the synthetic corpus of corpus.ts through batched
// `INSERT … SELECT FROM unnest(<ints>::int[], <texts>::text[], …)` (one statement per table and batch
// of about 5,000 claims, generation overlapping the database's work), and measures, in the
// same run, `psql \copy` of the very same rows from CSV files into a second, identically
// migrated database as the baseline. Both load with the secondary indexes dropped and the
// claim-tally trigger off, as bulk loads do; rebuilding the indexes and counting the tallies
// are timed on their own. Prints rows per second and the ratio.
import { spawnSync } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { actorRows, corpusBatches, planCorpus, SentenceModel, topicRows, type Batch, type CorpusPlan } from "@/scripts/bench/corpus";
import { DEFAULT_DOCUMENTS_DIR, DEFAULT_MANIFEST, readDocument, readManifest } from "@/seed/run-seed";
import { createThrowawayDatabase } from "@/scripts/bench/database";
import {
  actorsTable,
  auditTable,
  claimsTable,
  contradictionsTable,
  copyCommand,
  sourcesTable,
  topicsTable,
  unnestInsertAll,
  usersTable,
  type ReviewerRow,
  type TableSpec,
} from "@/scripts/bench/tables";

const BATCH_CLAIMS = 5000;
/** Tables whose secondary indexes are dropped for the load and rebuilt after it. */
const LOADED_TABLES = ["sources", "actors", "topics", "claims", "contradictions", "audit_events"];
/** Reviewers of the synthetic decisions; ids far above the app's own users. */
export const REVIEWERS: ReviewerRow[] = Array.from({ length: 8 }, (_, index) => ({
  id: 1001 + index,
  email: `reviewer-${index + 1}@bench.test`,
  name: `Bench reviewer ${index + 1}`,
}));

export interface SeedOptions {
  claims: number;
  largeSourceClaims: number;
  /** Also load the same rows with psql \copy into a second database (the baseline). */
  baseline: boolean;
  log?: (line: string) => void;
}

export interface LoadFigures {
  rows: number;
  seconds: number;
}

export interface SeedFigures {
  plan: Omit<CorpusPlan, "claimsPerSource">;
  rowsByTable: Record<string, number>;
  totalRows: number;
  /** Batched unnest inserts: the statements' time (generation excluded, like the baseline's). */
  load: LoadFigures;
  /** Generating the rows and inserting them, end to end. */
  wallSeconds: number;
  /** psql \copy from the CSV files (generation not included: the files exist). */
  baseline?: LoadFigures;
  csvSeconds?: number;
  indexes: { count: number; seconds: number };
  /** Counting the claim tallies after the load (rebuild_claim_tallies). */
  talliesSeconds: number;
  vacuumSeconds: number;
  databaseMegabytes: number;
}

/** The quote generator, trained on the seed documents (the manifest's order keeps it deterministic). */
async function sentenceModel(): Promise<SentenceModel> {
  const manifest = await readManifest(DEFAULT_MANIFEST);
  const texts = await Promise.all(manifest.map((entry) => readDocument(path.join(DEFAULT_DOCUMENTS_DIR, entry.file))));
  return new SentenceModel(texts.join("\n\n"));
}

interface IndexDefinition {
  name: string;
  definition: string;
}

/** Indexes that back no constraint (primary keys and unique constraints stay: they guard the load). */
async function secondaryIndexes(client: pg.Client): Promise<IndexDefinition[]> {
  const query = Prisma.sql`
    SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY(${LOADED_TABLES}) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY i.relname`;
  const { rows } = await client.query<{ name: string; definition: string }>(query.text, query.values);
  return rows;
}

/**
 * The claim-tally trigger (migration 20261130100000_claim_tallies) would copy every loaded
 * claim into a transition table: off for the load, the tallies are counted once after it.
 */
const TALLY_INSERT_TRIGGER = "claims_tally_insert";

async function prepareBulkLoad(client: pg.Client, indexes: IndexDefinition[]): Promise<void> {
  await dropIndexes(client, indexes);
  await client.query(`ALTER TABLE claims DISABLE TRIGGER ${TALLY_INSERT_TRIGGER}`);
}

async function dropIndexes(client: pg.Client, indexes: IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
}

/** Rebuilds on two connections at once: the two GIN indexes alone would keep one core busy. */
async function rebuildIndexes(url: string, indexes: IndexDefinition[]): Promise<number> {
  const started = performance.now();
  // Largest first, so the two long GIN builds start together.
  const queue = [...indexes].sort((a, b) => Number(b.definition.includes("gin")) - Number(a.definition.includes("gin")));
  const worker = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET maintenance_work_mem = '256MB'");
      for (let index = queue.shift(); index; index = queue.shift()) await client.query(index.definition);
    } finally {
      await client.end();
    }
  };
  await Promise.all([worker(), worker()]);
  return (performance.now() - started) / 1000;
}

function countRows(rowsByTable: Record<string, number>, table: string, count: number): void {
  rowsByTable[table] = (rowsByTable[table] ?? 0) + count;
}

function fixedTables(plan: CorpusPlan): [TableSpec<never>, unknown[]][] {
  return [
    [usersTable as TableSpec<never>, REVIEWERS],
    [actorsTable as TableSpec<never>, actorRows(plan)],
    [topicsTable as TableSpec<never>, topicRows(plan)],
  ];
}

function batchTables(batch: Batch): [TableSpec<never>, unknown[]][] {
  return [
    [sourcesTable as TableSpec<never>, batch.sources],
    [claimsTable as TableSpec<never>, batch.claims],
    [contradictionsTable as TableSpec<never>, batch.contradictions],
    [auditTable as TableSpec<never>, batch.audit],
  ];
}

/** Batched unnest inserts; the next batch is generated while the database writes this one. */
/**
 * Batched unnest inserts, one statement per batch. Generation and insertion take turns so
 * that the insert time can be measured on its own (the \copy baseline reads finished files).
 */
async function loadWithUnnest(
  client: pg.Client,
  plan: CorpusPlan,
  model: SentenceModel,
  log: (line: string) => void,
): Promise<{ seconds: number; insertSeconds: number; rowsByTable: Record<string, number> }> {
  const rowsByTable: Record<string, number> = {};
  const started = performance.now();
  let insertMs = 0;
  const send = async (tables: [TableSpec<never>, unknown[]][]) => {
    for (const [spec, rows] of tables) countRows(rowsByTable, spec.table, rows.length);
    const insert = unnestInsertAll(tables);
    const sent = performance.now();
    await client.query(insert.text, insert.values);
    insertMs += performance.now() - sent;
  };
  await send(fixedTables(plan));
  let loaded = 0;
  let nextReport = 100_000;
  for (const batch of corpusBatches(plan, model, BATCH_CLAIMS)) {
    await send(batchTables(batch));
    loaded += batch.claims.length;
    if (loaded >= nextReport) {
      log(`  ${loaded.toLocaleString("en")} claims …`);
      nextReport += 100_000;
    }
  }
  return { seconds: (performance.now() - started) / 1000, insertSeconds: insertMs / 1000, rowsByTable };
}

/** Writes every row to one CSV file per table, in the column order of its spec. */
async function writeCsvFiles(directory: string, plan: CorpusPlan, model: SentenceModel): Promise<{ seconds: number; files: [TableSpec<never>, string][] }> {
  const started = performance.now();
  const streams = new Map<string, { spec: TableSpec<never>; file: string; stream: WriteStream }>();
  const write = async (tables: [TableSpec<never>, unknown[]][]) => {
    for (const [spec, rows] of tables) {
      let entry = streams.get(spec.table);
      if (!entry) {
        const file = path.join(directory, `${spec.table}.csv`);
        entry = { spec, file, stream: createWriteStream(file) };
        streams.set(spec.table, entry);
      }
      if (!rows.length) continue;
      const records = (rows as never[]).map((row) => spec.columns.map((column) => column.value(row)));
      if (!entry.stream.write(stringify(records))) await new Promise<void>((resolve) => entry.stream.once("drain", () => resolve()));
    }
  };
  await write(fixedTables(plan));
  for (const batch of corpusBatches(plan, model, BATCH_CLAIMS)) await write(batchTables(batch));
  await Promise.all([...streams.values()].map(({ stream }) => new Promise<void>((resolve) => stream.end(() => resolve()))));
  return { seconds: (performance.now() - started) / 1000, files: [...streams.values()].map(({ spec, file }) => [spec, file]) };
}

/** The baseline: one psql session running \copy for each table, into a second database. */
async function loadWithPsqlCopy(files: [TableSpec<never>, string][], log: (line: string) => void): Promise<number> {
  const database = await createThrowawayDatabase("copy");
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await prepareBulkLoad(client, await secondaryIndexes(client));
    } finally {
      await client.end();
    }
    log("  psql \\copy …");
    const script = files.map(([spec, file]) => copyCommand(spec, file)).join("\n");
    const started = performance.now();
    const result = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", database.url], {
      input: script,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.error)
      throw new Error(`psql could not be run (${result.error.message}); install the PostgreSQL client for the baseline, or pass --skip-baseline`);
    if (result.status !== 0) throw new Error(`psql \\copy failed: ${result.stderr}`);
    return seconds;
  } finally {
    await database.drop();
  }
}

/** Loads the corpus into `url` (a migrated, empty database apart from users). */
export async function seedCorpus(url: string, options: SeedOptions): Promise<SeedFigures> {
  const log = options.log ?? (() => {});
  const model = await sentenceModel();
  const plan = planCorpus(
    { claims: options.claims, largeSourceClaims: options.largeSourceClaims },
    REVIEWERS.map((reviewer) => reviewer.id),
  );
  log(
    `Corpus: ${plan.claims.toLocaleString("en")} claims in ${plan.sources.toLocaleString("en")} sources (the largest holds ${plan.largeSourceClaims.toLocaleString("en")}), ${plan.actors.toLocaleString("en")} actors, ${plan.topics.toLocaleString("en")} topics`,
  );

  let baseline: LoadFigures | undefined;
  let csvSeconds: number | undefined;
  if (options.baseline) {
    const directory = await mkdtemp(path.join(tmpdir(), "claimbase-bench-seed-"));
    try {
      log("Baseline: writing the rows as CSV …");
      const csv = await writeCsvFiles(directory, plan, model);
      csvSeconds = csv.seconds;
      const seconds = await loadWithPsqlCopy(csv.files, log);
      baseline = { rows: 0, seconds };
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const indexes = await secondaryIndexes(client);
    await prepareBulkLoad(client, indexes);
    log("Loading with batched unnest inserts …");
    const load = await loadWithUnnest(client, plan, model, log);
    const totalRows = Object.values(load.rowsByTable).reduce((sum, count) => sum + count, 0);
    if (baseline) baseline.rows = totalRows;
    for (const table of ["users", "sources", "actors", "topics", "claims", "contradictions"]) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
    }
    const talliesStarted = performance.now();
    await client.query(`ALTER TABLE claims ENABLE TRIGGER ${TALLY_INSERT_TRIGGER}`);
    await client.query("SELECT rebuild_claim_tallies()");
    const talliesSeconds = (performance.now() - talliesStarted) / 1000;
    log(`Rebuilding ${indexes.length} indexes …`);
    const indexSeconds = await rebuildIndexes(url, indexes);
    log("VACUUM ANALYZE …");
    const vacuumStarted = performance.now();
    // What autovacuum would do soon after: statistics for the planner, visibility for index-only scans.
    await client.query("VACUUM (ANALYZE)");
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
    const { rows: size } = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database())::text AS bytes");
    const { claimsPerSource: _counts, ...planFigures } = plan;
    return {
      plan: planFigures,
      rowsByTable: load.rowsByTable,
      totalRows,
      load: { rows: totalRows, seconds: load.insertSeconds },
      wallSeconds: load.seconds,
      baseline,
      csvSeconds,
      indexes: { count: indexes.length, seconds: indexSeconds },
      talliesSeconds,
      vacuumSeconds,
      databaseMegabytes: Number(size[0]!.bytes) / 1024 / 1024,
    };
  } finally {
    await client.end();
  }
}

const rate = (figures: LoadFigures) => figures.rows / figures.seconds;

export function formatSeedFigures(figures: SeedFigures): string[] {
  const lines = [
    `Rows: ${Object.entries(figures.rowsByTable)
      .map(([table, count]) => `${table} ${count.toLocaleString("en")}`)
      .join(", ")} (${figures.totalRows.toLocaleString("en")} in all)`,
    "",
    "| loader | rows | time | rows/s | vs psql \\copy |",
    "|---|---:|---:|---:|---:|",
    `| batched INSERT … SELECT FROM unnest, 5,000 claims a statement (generating the rows took ${(figures.wallSeconds - figures.load.seconds).toFixed(1)} s more) | ${figures.load.rows.toLocaleString("en")} | ${figures.load.seconds.toFixed(1)} s | ${Math.round(rate(figures.load)).toLocaleString("en")} | ${
      figures.baseline ? `${(rate(figures.load) / rate(figures.baseline)).toFixed(2)}×` : "—"
    } |`,
  ];
  if (figures.baseline) {
    lines.push(
      `| psql \\copy from CSV (baseline; writing the CSV took ${figures.csvSeconds!.toFixed(1)} s more) | ${figures.baseline.rows.toLocaleString("en")} | ${figures.baseline.seconds.toFixed(1)} s | ${Math.round(rate(figures.baseline)).toLocaleString("en")} | 1.00× |`,
    );
  }
  lines.push(
    "",
    `Then: claim tallies counted in ${figures.talliesSeconds.toFixed(1)} s, ${figures.indexes.count} secondary indexes rebuilt in ${figures.indexes.seconds.toFixed(1)} s (two at a time), VACUUM ANALYZE ${figures.vacuumSeconds.toFixed(1)} s; database ${Math.round(figures.databaseMegabytes).toLocaleString("en")} MB.`,
  );
  return lines;
}

export const seedArgumentsSchema = z.object({
  claims: z.coerce.number({ error: "--claims must be a number" }).int().min(100, "--claims must be at least 100").max(20_000_000).default(1_000_000),
  largeSourceClaims: z.coerce.number({ error: "--large-source-claims must be a number" }).int().min(1).max(100_000).default(2000),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      claims: { type: "string" },
      "large-source-claims": { type: "string" },
      "skip-baseline": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
    },
  });
  const parsed = seedArgumentsSchema.safeParse({ claims: values.claims, largeSourceClaims: values["large-source-claims"] });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  const database = await createThrowawayDatabase("seed");
  let keep = false;
  try {
    const figures = await seedCorpus(database.url, { ...parsed.data, baseline: !values["skip-baseline"], log: (line) => console.error(line) });
    console.log(`\nSynthetic corpus, ${parsed.data.claims.toLocaleString("en")} claims, ${new Date().toISOString().slice(0, 10)}\n`);
    for (const line of formatSeedFigures(figures)) console.log(line);
    keep = values.keep;
    if (keep) console.log(`\nKept: ${database.url} (drop it with: psql -d postgres -c 'DROP DATABASE "${database.name}"')`);
  } finally {
    if (!keep) await database.drop();
  }
}

// Run as a script, not when index.ts imports seedCorpus.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runCli(main);
