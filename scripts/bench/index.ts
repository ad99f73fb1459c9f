// npm run bench -- [--claims N] [--samples S] [--skip-extraction] [--skip-pages] [--skip-load]
//                  [--skip-contradictions] [--skip-export] [--seed-baseline] [--load-seconds 60]
//                  [--load-connections 50] [--open-rate 25] [--profile-server DIR]
//
// The scale benchmark (issue 8). Builds the app when stale, starts `next start` on a throwaway
// database (the browser tests' helper), fills it with N synthetic claims (seed.ts), and prints:
// extraction throughput; claims-table pages, filters, searches and the source reader over HTTP
// with the bare SQL of the same queries as a ratio; contradiction detection at N/10
// and N; the CSV export (bench:export's measurements, on this corpus); and a mixed load of signed-in
// editors, closed loop then open loop, with a check that no saved edit was lost. Every database it
// makes is dropped. --profile-server DIR writes the server's V8 CPU profiles (one per process) there.
//
// Runs with `tsx --conditions=react-server` so that it can call the app's own query functions
// (they import "server-only") to capture the SQL they send.
import { mkdtemp, rm, stat } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { createPrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { encodeCursor } from "@/lib/claims/keyset";
import { parseClaimTableParams } from "@/lib/claims/schema";
import { CANDIDATE_BATCH } from "@/lib/contradictions/candidates";
import { detectContradictions, type DetectionReport } from "@/lib/contradictions/detect";
import { refreshStaleFacets } from "@/lib/claims/facets";
import { startApp, type RunningApp } from "@/tests/e2e/helpers/app";
import { format, measureCli, measureHttp, measurePsql, type Measurement } from "@/scripts/bench-export";
import { treeRss } from "@/scripts/bench/processes";
import { LARGE_SOURCE_SLUG } from "@/scripts/bench/corpus";
import { createThrowawayDatabase } from "@/scripts/bench/database";
import { measureExtraction, type ExtractionFigures } from "@/scripts/bench/extraction";
import { serverActionId, signIn, timePage, type Distribution } from "@/scripts/bench/http";
import { measureRequestCosts, runMixedLoad, type EditableClaim, type LoadFigures, type RequestCost } from "@/scripts/bench/load";
import { formatSeedFigures, seedArgumentsSchema, seedCorpus } from "@/scripts/bench/seed";
import { capturingClient, explainStatements, timeStatements, type CapturingClient, type Statement } from "@/scripts/bench/sql";

/** Budgets of issue 8, server-side p95 at one million claims on the 2-core reference machine. */
const TABLE_BUDGET_MS = 100;
const READER_BUDGET_MS = 200;
/** Our own budget for the other pages (dashboard, lists of sources, actors, topics, contradictions): as the reader's. */
const OTHER_BUDGET_MS = 200;
/** Issue 20's throughput targets for the mixed load of 50 editors. */
const CLOSED_LOOP_RATE = 120;
const CLOSED_LOOP_P99_MS = 1000;
const OPEN_LOOP_P99_MS = 300;
const DETECTION_TARGET_SECONDS = 300;
const DETECTION_TARGET_MB = 1024;
const DETECTION_TARGET_RATIO = 12;

const argumentsSchema = seedArgumentsSchema.extend({
  samples: z.coerce.number().int().min(3).max(1000).default(60),
  loadSeconds: z.coerce.number().int().min(5).max(600).default(60),
  loadConnections: z.coerce.number().int().min(1).max(200).default(50),
  /** The open loop's requests per second in all (issue 20: 50 editors, one request every 2 s). */
  openRate: z.coerce.number().int().min(1).max(1000).default(25),
  extractionRepetitions: z.coerce.number().int().min(1).max(1000).default(20),
});

const out = (line = "") => console.log(line);
const progress = (line: string) => console.error(line);
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

interface PageScenario {
  label: string;
  path: string;
  budgetMs: number | null;
  /** Runs the app's query function for this page; the statements it sends are the bare SQL. */
  query: (capturing: CapturingClient) => Promise<unknown>;
  concurrent: boolean;
  /** Requests the page's browser makes before the page is whole (the reader's text), timed with it. */
  then?: string[];
}

interface PageFigures {
  scenario: PageScenario;
  http: Distribution;
  /** The page's own times and its follow-up requests', when it has some. */
  parts: Distribution[];
  bytes: number;
  sql: Distribution;
  statements: Statement[];
}

interface Failure {
  what: string;
  detail: string;
}

async function machineLine(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; shared_buffers: string; work_mem: string }>(
      "SELECT split_part(version(), ' on ', 1) AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem",
    );
    const cpus = os.cpus();
    const row = rows[0]!;
    return `${cpus.length} × ${cpus[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 1024 ** 3)} GB RAM, load average ${os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")} at start; ${row.version} (shared_buffers ${row.shared_buffers}, work_mem ${row.work_mem}); Node ${process.version}`;
  } finally {
    await client.end();
  }
}

function printExtraction(figures: ExtractionFigures): void {
  out("## Extraction (seed pipeline: normalize, segment, extract, attribute; one core)");
  out();
  out(
    `${figures.documents} seed documents × ${figures.repetitions} = ${figures.sentences.toLocaleString("en")} sentences (${figures.megabytes.toFixed(1)} MB) in ${figures.seconds.toFixed(2)} s: **${Math.round(figures.sentences / figures.seconds).toLocaleString("en")} sentences/s**, ${Math.round(figures.claims / figures.seconds).toLocaleString("en")} claims/s, ${(figures.megabytes / figures.seconds).toFixed(2)} MB/s.`,
  );
  out();
}

/** Claims-table and reader scenarios, with filter values taken from the corpus. */
async function pageScenarios(url: string, claims: number): Promise<PageScenario[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async <T>(query: Prisma.Sql) => (await client.query(query.text, query.values)).rows[0] as T;
    const typicalSource = await one<{ slug: string; count: number }>(
      Prisma.sql`SELECT s.slug, count(*)::int AS count FROM claims c JOIN sources s ON s.id = c.source_id WHERE s.id > 1 GROUP BY s.slug HAVING count(*) BETWEEN 20 AND 40 ORDER BY s.slug LIMIT 1`,
    );
    const speakers = await one<{ head: number; tail: number }>(
      Prisma.sql`SELECT (SELECT speaker_id FROM claims WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 1) AS head,
              (SELECT speaker_id FROM claims WHERE speaker_id IS NOT NULL GROUP BY speaker_id ORDER BY count(*), speaker_id LIMIT 1) AS tail`,
    );
    const topic = await one<{ id: number }>(
      Prisma.sql`SELECT topic_id AS id FROM claims WHERE topic_id IS NOT NULL GROUP BY topic_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const deep = Math.floor(claims * 0.9);
    const sourceOrder = await one<{ source_id: number; start_offset: number; id: number }>(
      Prisma.sql`SELECT source_id, start_offset, id FROM claims ORDER BY source_id, start_offset, id OFFSET ${deep} LIMIT 1`,
    );
    const newestOrder = await one<{ id: number }>(Prisma.sql`SELECT id FROM claims ORDER BY id DESC OFFSET ${deep} LIMIT 1`);
    const table = (label: string, query: string): PageScenario => ({
      label,
      path: `/claims${query ? `?${query}` : ""}`,
      budgetMs: TABLE_BUDGET_MS,
      concurrent: true,
      query: async (capturing) => {
        const { listClaims } = await import("@/lib/claims/queries");
        return listClaims(parseClaimTableParams(new URLSearchParams(query)).value, { prisma: capturing.prisma });
      },
    });
    const cursor = (keys: unknown[]) => encodeURIComponent(encodeCursor(keys));
    return [
      table("first page (source order)", ""),
      table("first page, newest first", "sort=newest"),
      table(
        `deep page: after ${deep.toLocaleString("en")} claims (source order, keyset)`,
        `after=${cursor([sourceOrder.source_id, sourceOrder.start_offset, sourceOrder.id])}`,
      ),
      table(`deep page: after ${deep.toLocaleString("en")} claims (newest first, keyset)`, `sort=newest&after=${cursor([newestOrder.id])}`),
      table(`filter source (${typicalSource.count} claims)`, `source=${typicalSource.slug}`),
      table(`filter source (the largest, thousands of claims)`, `source=${LARGE_SOURCE_SLUG}`),
      table("filter speaker (the most quoted)", `speaker=${speakers.head}`),
      table("filter speaker (a rarely quoted one)", `speaker=${speakers.tail}`),
      table("filter speaker = none", "speaker=none"),
      table("filter topic (the largest)", `topic=${topic.id}`),
      table("filter topic = none", "topic=none"),
      table("filter stance = opposes", "stance=opposes"),
      table("filter source stance = disputes", "sourceStance=disputes"),
      table("filter attribution = direct quote", "attribution=direct_quote"),
      table("filter credibility = 1", "credibility=1"),
      table("filter status = approved", "status=approved"),
      table("filter origin = editor", "origin=editor"),
      table('filter cited via contains "Dawn"', "citedVia=Dawn"),
      table("filters combined: approved, opposes, newest first", "status=approved&stance=opposes&sort=newest"),
      table("search: detained", "q=detained"),
      table('search: "Supreme Court" Karachi', `q=${encodeURIComponent('"Supreme Court" Karachi')}`),
      table("search: a rare word (Manghopir)", "q=Manghopir"),
      table("search: extortion -police", `q=${encodeURIComponent("extortion -police")}`),
      table("search + filter: detained, status approved", "q=detained&status=approved"),
      {
        label: `source reader: the largest source`,
        path: `/sources/${LARGE_SOURCE_SLUG}`,
        then: [`/api/sources/${LARGE_SOURCE_SLUG}/reader`],
        budgetMs: READER_BUDGET_MS,
        concurrent: false,
        query: (capturing) => readerQueries(LARGE_SOURCE_SLUG, capturing),
      },
      {
        label: `source reader: a typical source (${typicalSource.count} claims)`,
        path: `/sources/${typicalSource.slug}`,
        then: [`/api/sources/${typicalSource.slug}/reader`],
        budgetMs: READER_BUDGET_MS,
        concurrent: false,
        query: (capturing) => readerQueries(typicalSource.slug, capturing),
      },
      ...(await otherPageScenarios(client, speakers.head)),
    ];
  } finally {
    await client.end();
  }
}

/** What the reader page and its text (GET /api/sources/<slug>/reader) ask the database. */
async function readerQueries(slug: string, capturing: CapturingClient): Promise<unknown> {
  const { getReaderSource, getReaderSummary, getSourceWithClaims } = await import("@/lib/sources/queries");
  const source = await getReaderSource(slug);
  if (!source) throw new Error(`no source ${slug}`);
  return [await getReaderSummary(source, capturing.prisma), await getSourceWithClaims(slug, capturing.prisma)];
}

/** The pages around the table: dashboard, lists of sources, actors, topics and contradictions, an actor's page. */
async function otherPageScenarios(client: pg.Client, mostQuoted: number): Promise<PageScenario[]> {
  const {
    rows: [counts],
  } = await client.query<{ sources: number; actors: number; slug: string }>(
    `SELECT (SELECT count(*)::int FROM sources) AS sources, (SELECT count(*)::int FROM actors) AS actors,
       (SELECT s.slug FROM contradictions x JOIN claims c ON c.id = x.claim_a_id JOIN sources s ON s.id = c.source_id ORDER BY x.id LIMIT 1) AS slug`,
  );
  const deepSources = Math.max(1, Math.floor(counts!.sources / 50 / 2));
  const lastActors = Math.max(1, Math.ceil(counts!.actors / 50));
  const page = (label: string, path: string, query: (prisma: CapturingClient["prisma"]) => Promise<unknown>): PageScenario => ({
    label,
    path,
    budgetMs: OTHER_BUDGET_MS,
    concurrent: true,
    query: (capturing) => query(capturing.prisma),
  });
  const sources = async (query: string, prisma: CapturingClient["prisma"]) => {
    const [{ listSourcesWithCounts }, { sourceListSchema }] = await Promise.all([import("@/lib/sources/queries"), import("@/lib/sources/schema")]);
    return listSourcesWithCounts(sourceListSchema.parse(Object.fromEntries(new URLSearchParams(query))), prisma);
  };
  const actors = async (query: string, prisma: CapturingClient["prisma"]) => {
    const [{ listActors }, { actorListSchema }] = await Promise.all([import("@/lib/actors/queries"), import("@/lib/actors/schema")]);
    return listActors(actorListSchema.parse(Object.fromEntries(new URLSearchParams(query))), prisma);
  };
  const contradictions = async (query: string) => {
    const [{ listContradictions }, { listContradictionsSchema }] = await Promise.all([
      import("@/lib/contradictions/queries"),
      import("@/lib/contradictions/schema"),
    ]);
    return listContradictions(listContradictionsSchema.parse(Object.fromEntries(new URLSearchParams(query))));
  };
  return [
    page("dashboard", "/", async (prisma) => (await import("@/lib/claims/queries")).dashboardSummary(prisma)),
    page(`sources: first page (of ${counts!.sources.toLocaleString("en")})`, "/sources", (prisma) => sources("", prisma)),
    page(`sources: page ${deepSources}`, `/sources?page=${deepSources}`, (prisma) => sources(`page=${deepSources}`, prisma)),
    page('sources: title contains "Daily"', "/sources?q=Daily", (prisma) => sources("q=Daily", prisma)),
    page(`actors: first page (of ${counts!.actors.toLocaleString("en")}), most quoted first`, "/actors", (prisma) => actors("", prisma)),
    page(`actors: last page (${lastActors})`, `/actors?page=${lastActors}`, (prisma) => actors(`page=${lastActors}`, prisma)),
    page("an actor's page: the most quoted speaker", `/actors/${mostQuoted}`, async (prisma) =>
      (await import("@/lib/actors/queries")).getActorDetail(mostQuoted, prisma),
    ),
    page("topics", "/topics", async (prisma) => {
      const [{ listTopics }, { topicListSchema }] = await Promise.all([import("@/lib/topics/queries"), import("@/lib/topics/schema")]);
      return listTopics(topicListSchema.parse({}), prisma);
    }),
    page("contradictions: open candidates", "/contradictions", () => contradictions("")),
    page("contradictions: all, one source", `/contradictions?status=all&source=${counts!.slug}`, () => contradictions(`status=all&source=${counts!.slug}`)),
  ];
}

async function measurePages(app: RunningApp, cookie: string, scenarios: PageScenario[], samples: number): Promise<PageFigures[]> {
  const capturing = capturingClient(app.database.url);
  // The reader's query reads the app's db() singleton: point it at the capturing client.
  (globalThis as unknown as { claimbasePrisma?: unknown }).claimbasePrisma = capturing.prisma;
  const figures: PageFigures[] = [];
  try {
    for (const scenario of scenarios) {
      progress(`  ${scenario.label}`);
      const page = await timePage(app.baseUrl, scenario.path, cookie, { samples, then: scenario.then });
      const statements = await capturing.capture(() => scenario.query(capturing));
      const sql = await timeStatements(app.database.url, statements, { samples, concurrent: scenario.concurrent });
      figures.push({ scenario, http: page.times, parts: page.parts, bytes: page.bytes, sql, statements });
    }
  } finally {
    await capturing.close();
  }
  return figures;
}

function printPages(figures: PageFigures[], claims: number, failures: Failure[]): void {
  out(`## Claims table, source reader and the other pages (${claims.toLocaleString("en")} claims)`);
  out();
  out(
    "Server time = request sent to last byte read by a client on the same machine (loopback, kept-alive connection, after 5 warm-up requests); the page renders the full HTML. SQL = the statements the app's query function sends (captured from Prisma's query log), timed through node-postgres; the ratio is HTTP median / SQL median.",
  );
  out();
  out("| page | HTTP median | HTTP p95 | SQL median | SQL p95 | HTTP/SQL | page size | budget p95 | |");
  out("|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const figure of figures) {
    const { scenario, http, sql } = figure;
    const over = scenario.budgetMs !== null && http.p95 > scenario.budgetMs;
    if (over) failures.push({ what: `${scenario.label} (${scenario.path})`, detail: `p95 ${ms(http.p95)} ms > ${scenario.budgetMs} ms` });
    out(
      `| ${scenario.label} | ${ms(http.median)} ms | ${ms(http.p95)} ms | ${ms(sql.median)} ms | ${ms(sql.p95)} ms | ${(http.median / sql.median).toFixed(1)}× | ${Math.round(figure.bytes / 1024)} KB | ${scenario.budgetMs ?? "—"} ms | ${over ? "**over**" : "ok"} |`,
    );
  }
  out();
  for (const { scenario, parts } of figures.filter((figure) => figure.scenario.then?.length)) {
    const requests = [scenario.path, ...scenario.then!].map((path, index) => `${path} ${ms(parts[index]!.median)} ms median, ${ms(parts[index]!.p95)} ms p95`);
    out(`${scenario.label}: the page and then its text, one after the other, as the browser asks for them (each sample is their sum): ${requests.join("; ")}.`);
  }
  out();
}

async function printExplains(url: string, figures: PageFigures[]): Promise<void> {
  const slow = figures.filter((figure) => figure.sql.p95 > (figure.scenario.budgetMs ?? Infinity) / 2);
  if (!slow.length) return;
  out("### Plans of the statements that take more than half their page's budget");
  out();
  for (const figure of slow) {
    out(`${figure.scenario.label}:`);
    out("```");
    out((await explainStatements(url, figure.statements)).split("\n").slice(0, 60).join("\n"));
    out("```");
  }
  out();
}

interface DetectionFigures {
  report: DetectionReport;
  /** Computing every claim's facets first, as imports do at extraction (the loader writes none). */
  facetSeconds: number;
  /** Peak resident memory of this process during the run, above what it held before. */
  peakRssMb: number;
}

/** The whole detection run, as `npm run detect` does it: candidates, cue rules, writes. */
async function measureDetection(url: string): Promise<DetectionFigures> {
  const prisma = createPrismaClient(url, 2);
  // Real claims carry their facets from extraction; the synthetic ones get them here, timed apart.
  const facetsStarted = performance.now();
  await prisma.$transaction((tx) => refreshStaleFacets(tx), { timeout: 3 * 60 * 60_000, maxWait: 30_000 });
  const facetSeconds = (performance.now() - facetsStarted) / 1000;
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
  try {
    const report = await detectContradictions(prisma);
    return { report, facetSeconds, peakRssMb: (peak - before) / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
    await prisma.$disconnect();
  }
}

function printDetection(small: DetectionFigures, large: DetectionFigures, failures: Failure[]): void {
  const growth = large.report.claims / small.report.claims;
  const ratio = large.report.seconds / small.report.seconds;
  const candidateRatio = large.report.phases.candidates / small.report.phases.candidates;
  out("## Contradiction detection (lib/contradictions: npm run detect)");
  out();
  out(
    "| claims | facets (as at import, before the run) | candidate pairs | channel rows | candidates | judging | storing | total | proposed | peak memory (above idle) |",
  );
  out("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const { report, facetSeconds, peakRssMb } of [small, large]) {
    const rows = Object.values(report.comparisons).reduce((sum, count) => sum + count, 0);
    out(
      `| ${report.claims.toLocaleString("en")} | ${facetSeconds.toFixed(1)} s | ${report.candidates.toLocaleString("en")} | ${rows.toLocaleString("en")} | ${report.phases.candidates.toFixed(1)} s | ${report.phases.judging.toFixed(1)} s | ${report.phases.storing.toFixed(1)} s | ${report.seconds.toFixed(1)} s | ${report.proposed.toLocaleString("en")} | ${Math.round(peakRssMb)} MB |`,
    );
  }
  out();
  out(
    `${growth.toFixed(0)}× the claims: candidate generation took ${candidateRatio.toFixed(1)}× the time, the whole run ${ratio.toFixed(1)}× (N² would be ${(growth * growth).toFixed(0)}×, N log N about ${((growth * Math.log(large.report.claims)) / Math.log(small.report.claims)).toFixed(0)}×). The pairs stay in the database and are judged in batches of ${CANDIDATE_BATCH.toLocaleString("en")}, so memory holds the vocabulary and the verdicts, not the pairs.`,
  );
  out();
  if (ratio > (growth * growth) / 4)
    failures.push({ what: "contradiction detection", detail: `time grew ${ratio.toFixed(1)}× for ${growth.toFixed(0)}× the claims` });
  // Issue 20's target, for a run over a million claims or more: under 5 minutes, under 1 GB resident, and at most 12× the tenth's time.
  if (large.report.claims >= 1_000_000) {
    const met = large.report.seconds < DETECTION_TARGET_SECONDS && large.peakRssMb < DETECTION_TARGET_MB && ratio <= DETECTION_TARGET_RATIO;
    out(
      `Target (under ${DETECTION_TARGET_SECONDS / 60} min and ${DETECTION_TARGET_MB} MB at ${large.report.claims.toLocaleString("en")} claims, ≤ ${DETECTION_TARGET_RATIO}× the tenth): **${met ? "met" : "NOT met"}** — ${(large.report.seconds / 60).toFixed(1)} min, ${Math.round(large.peakRssMb)} MB, ${ratio.toFixed(1)}×.`,
    );
    out();
    if (!met)
      failures.push({
        what: "contradiction detection",
        detail: `${(large.report.seconds / 60).toFixed(1)} min and ${Math.round(large.peakRssMb)} MB at ${large.report.claims.toLocaleString("en")} claims (${ratio.toFixed(1)}× the tenth)`,
      });
  }
}

interface ExportFigures {
  idleMb: number;
  all: Measurement;
  part: Measurement;
  partQuery: string;
  cli: Measurement;
  psql: Measurement;
}

/** The export benchmark's own measurements (scripts/bench-export.ts), on this corpus. */
async function measureExport(app: RunningApp, cookie: string, claims: number): Promise<ExportFigures> {
  const directory = await mkdtemp(path.join(tmpdir(), "claimbase-bench-export-"));
  try {
    // Warm-up: load the route's modules and open the export pool before measuring.
    await (await fetch(`${app.baseUrl}/api/export/claims?columns=id&status=rejected&source=none`, { headers: { cookie } })).arrayBuffer();
    const idleMb = treeRss(app.pid) / 1024 / 1024;
    const partQuery = "?status=approved";
    progress("  GET /api/export/claims (all claims) …");
    const all = await measureHttp(app.baseUrl, cookie, app.pid, "", `GET /api/export/claims, all ${claims.toLocaleString("en")} claims`);
    progress(`  GET /api/export/claims${partQuery} …`);
    const part = await measureHttp(app.baseUrl, cookie, app.pid, partQuery, `GET /api/export/claims${partQuery}`);
    progress("  npm run export …");
    const cli = await measureCli(app.database.url, directory, all.rows, app.baseUrl);
    progress("  psql \\copy …");
    const psql = measurePsql(app.database.url, directory, claims);
    psql.bytes = (await stat(path.join(directory, "psql.csv"))).size;
    if (all.rows !== claims) throw new Error(`the HTTP export returned ${all.rows} rows, expected ${claims}`);
    return { idleMb, all, part, partQuery, cli, psql };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function printExport(figures: ExportFigures, failures: Failure[]): void {
  out("## CSV export (the measurements of npm run bench:export, on this corpus)");
  out();
  out("| path | rows | time | rows/s | first byte | peak RSS | vs psql |");
  out("|---|---:|---:|---:|---:|---:|---:|");
  out(format(figures.all, figures.psql));
  out(format(figures.part, figures.psql));
  out(format(figures.cli, figures.psql));
  out(format(figures.psql));
  out();
  const growthAll = figures.all.peakRssMb! - figures.idleMb;
  const growthPart = figures.part.peakRssMb! - figures.idleMb;
  const flat = growthAll <= Math.max(64, growthPart * 2);
  out(
    `Server RSS before exporting: ${figures.idleMb.toFixed(0)} MB; during the export of ${figures.part.rows.toLocaleString("en")} rows at most +${growthPart.toFixed(0)} MB, of all ${figures.all.rows.toLocaleString("en")} rows (${(figures.all.bytes / 1024 / 1024).toFixed(0)} MB of CSV) at most +${growthAll.toFixed(0)} MB: memory ${flat ? "flat" : "NOT flat"}. HTTP and CLI files ${figures.all.sha256 === figures.cli.sha256 ? "byte-identical" : "DIFFERENT"}.`,
  );
  out();
  if (!flat)
    failures.push({
      what: "export memory",
      detail: `+${growthPart.toFixed(0)} MB for ${figures.part.rows} rows, +${growthAll.toFixed(0)} MB for ${figures.all.rows}`,
    });
  if (figures.all.sha256 !== figures.cli.sha256) failures.push({ what: "export", detail: "the HTTP and command-line files differ" });
}

async function createLoadUsers(url: string, count: number): Promise<{ email: string; password: string }[]> {
  const password = "bench-editor-password";
  const hash = await hashPassword(password);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const users = Array.from({ length: count }, (_, index) => ({ email: `editor-${index + 1}@load.bench.test`, password }));
    const insert = Prisma.sql`
      INSERT INTO users (email, name, role, password_hash, updated_at)
      SELECT e, 'Load editor ' || n, 'editor', ${hash}, now() FROM unnest(${users.map((user) => user.email)}::text[]) WITH ORDINALITY AS t(e, n)`;
    await client.query(insert.text, insert.values);
    return users;
  } finally {
    await client.end();
  }
}

async function loadPlanData(url: string, claims: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = `id, version, stance::text AS stance, source_stance::text AS "sourceStance", speaker_id AS "speakerId", attribution::text AS attribution,
      cited_via AS "citedVia", topic_id AS "topicId", credibility::int AS credibility, status::text AS status`;
    // Spread over the id range; the hot few are claims of the large source.
    const spread = Prisma.sql`SELECT ${Prisma.raw(columns)} FROM claims WHERE id % ${Math.max(2, Math.floor(claims / 400))} = 7 ORDER BY id LIMIT 400`;
    const pool = (await client.query<EditableClaim>(spread.text, spread.values)).rows;
    const hot = (await client.query<EditableClaim>(`SELECT ${columns} FROM claims WHERE source_id = 1 ORDER BY start_offset LIMIT 5`)).rows;
    const slugs = (await client.query<{ slug: string }>("SELECT slug FROM sources WHERE id > 1 ORDER BY id % 97, id LIMIT 500")).rows.map((row) => row.slug);
    const speakers = (await client.query<{ id: number }>("SELECT id FROM actors ORDER BY id LIMIT 50")).rows.map((row) => row.id);
    const topics = (await client.query<{ id: number }>("SELECT id FROM topics ORDER BY id LIMIT 30")).rows.map((row) => row.id);
    const claimIds = Array.from({ length: 1000 }, (_, index) => 1 + Math.floor(((index + 0.5) / 1000) * claims));
    return { pool, hot, slugs, speakers, topics, claimIds };
  } finally {
    await client.end();
  }
}

function printRequestCosts(costs: RequestCost[]): void {
  out("## What a request costs the server (CPU of all its processes per request, 4 at a time)");
  out();
  out("| request | CPU per request | bytes |");
  out("|---|---:|---:|");
  for (const cost of costs) out(`| ${cost.label} | ${cost.cpuMs.toFixed(1)} ms | ${Math.round(cost.bytes / 1024)} KB |`);
  out();
}

function printLoad(figures: LoadFigures, failures: Failure[]): void {
  const how = figures.rate
    ? `open loop: ${figures.rate} requests/s in all, each editor's next request on schedule (fetch over loopback)`
    : "closed loop: each editor's next request when the last is answered (autocannon over loopback)";
  out(`## Mixed load, ${figures.label} (${figures.connections} signed-in editors, ${figures.seconds.toFixed(0)} s; ${how})`);
  out();
  out(
    `${figures.requests.toLocaleString("en")} requests, **${figures.requestsPerSecond.toFixed(1)} req/s**; latency median ${ms(figures.latency.median)} ms, **p95 ${ms(figures.latency.p95)} ms, p99 ${ms(figures.latency.p99)} ms**, max ${ms(figures.latency.max)} ms.`,
  );
  out(
    `Status codes: ${Object.entries(figures.statusCounts)
      .map(([status, count]) => `${status} × ${count.toLocaleString("en")}`)
      .join(", ")}; **5xx: ${figures.serverErrors}**; connection errors/timeouts: ${figures.transportErrors}.`,
  );
  out();
  out("| request | count | median | p95 | p99 |");
  out("|---|---:|---:|---:|---:|");
  for (const [kind, { count, latency }] of Object.entries(figures.byKind))
    out(`| ${kind} | ${count.toLocaleString("en")} | ${ms(latency.median)} ms | ${ms(latency.p95)} ms | ${ms(latency.p99)} ms |`);
  out();
  const check = figures.verification;
  out(
    `Saves: ${figures.saves.toLocaleString("en")} acknowledged, ${figures.conflicts.toLocaleString("en")} answered "someone else saved first" (409, nothing written), ${figures.otherActionFailures} other refusals. Afterwards, in the database: **${check.lost} lost edits** among ${check.acknowledged.toLocaleString("en")} acknowledged saves on ${check.claimsChecked} claims (each has its audit event, no two share a version, each claim holds its newest save); ${check.unacknowledgedCommits} saves committed while their answer was in flight at the stop.`,
  );
  for (const problem of check.problems) out(`- ${problem}`);
  out();
  // Issue 20's targets: the closed loop at 120 req/s or more with p99 under 1 s; the open loop with p99 under 300 ms.
  const target = figures.rate
    ? { met: figures.latency.p99 < OPEN_LOOP_P99_MS, text: `p99 < ${OPEN_LOOP_P99_MS} ms at ${figures.rate} req/s` }
    : {
        met: figures.requestsPerSecond >= CLOSED_LOOP_RATE && figures.latency.p99 < CLOSED_LOOP_P99_MS,
        text: `≥ ${CLOSED_LOOP_RATE} req/s with p99 < ${CLOSED_LOOP_P99_MS} ms`,
      };
  out(`Target (${target.text}): **${target.met ? "met" : "NOT met"}** — ${figures.requestsPerSecond.toFixed(1)} req/s, p99 ${ms(figures.latency.p99)} ms.`);
  out();
  if (!target.met)
    failures.push({
      what: `mixed load, ${figures.label}`,
      detail: `target ${target.text}: ${figures.requestsPerSecond.toFixed(1)} req/s, p99 ${ms(figures.latency.p99)} ms`,
    });
  if (figures.serverErrors > 0) failures.push({ what: "mixed load", detail: `${figures.serverErrors} responses with a 5xx status` });
  if (figures.transportErrors > 0) failures.push({ what: "mixed load", detail: `${figures.transportErrors} connection errors or timeouts` });
  if (check.lost > 0) failures.push({ what: "mixed load", detail: `${check.lost} lost edits` });
  if (figures.otherActionFailures > 0)
    failures.push({ what: "mixed load", detail: `${figures.otherActionFailures} saves refused for another reason than a conflict` });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      claims: { type: "string" },
      "large-source-claims": { type: "string" },
      samples: { type: "string" },
      "load-seconds": { type: "string" },
      "load-connections": { type: "string" },
      "open-rate": { type: "string" },
      "extraction-repetitions": { type: "string" },
      "seed-baseline": { type: "boolean", default: false },
      "skip-extraction": { type: "boolean", default: false },
      "skip-pages": { type: "boolean", default: false },
      "skip-load": { type: "boolean", default: false },
      "skip-contradictions": { type: "boolean", default: false },
      "skip-export": { type: "boolean", default: false },
      "profile-server": { type: "string" },
    },
  });
  const parsed = argumentsSchema.safeParse({
    claims: values.claims,
    largeSourceClaims: values["large-source-claims"],
    samples: values.samples,
    loadSeconds: values["load-seconds"],
    loadConnections: values["load-connections"],
    openRate: values["open-rate"],
    extractionRepetitions: values["extraction-repetitions"],
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("; "));
  const options = parsed.data;
  const failures: Failure[] = [];
  const started = performance.now();

  out(`# Claimbase scale benchmark: ${options.claims.toLocaleString("en")} claims, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
  out();

  if (!values["skip-extraction"]) {
    progress("Extraction …");
    printExtraction(await measureExtraction(options.extractionRepetitions));
  }

  progress("Starting the app (next build when stale, next start) on a throwaway database …");
  // The app's default pool (DATABASE_POOL_SIZE 10), not the browser tests' 4.
  // --profile-server DIR: the server writes a V8 CPU profile per thread into DIR when it stops.
  const profileDir = values["profile-server"] ? path.resolve(values["profile-server"]) : undefined;
  const app = await startApp({
    seed: false,
    env: { DATABASE_POOL_SIZE: "10" },
    nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
  });
  let stopped = false;
  // Stopping twice would release the browser-test lock a second time, perhaps someone else's.
  const stopApp = async () => {
    if (stopped) return;
    stopped = true;
    await app.stop();
  };
  try {
    out(`Machine: ${await machineLine(app.database.url)}`);
    out();
    progress(`Seeding ${options.claims.toLocaleString("en")} claims …`);
    const seed = await seedCorpus(app.database.url, {
      claims: options.claims,
      largeSourceClaims: options.largeSourceClaims,
      baseline: values["seed-baseline"],
      log: progress,
    });
    out("## Synthetic corpus (npm run bench:seed)");
    out();
    for (const line of formatSeedFigures(seed)) out(line);
    out();

    // First, while the server is fresh: its memory before and during the export is then the export's.
    if (!values["skip-export"]) {
      progress("Export …");
      const adminCookie = await signIn(app.baseUrl, app.users.admin.email, app.users.admin.password);
      printExport(await measureExport(app, adminCookie, options.claims), failures);
    }

    const cookie = await signIn(app.baseUrl, app.users.viewer.email, app.users.viewer.password);
    if (!values["skip-pages"]) {
      progress("Pages …");
      const scenarios = await pageScenarios(app.database.url, options.claims);
      const figures = await measurePages(app, cookie, scenarios, options.samples);
      printPages(figures, options.claims, failures);
      await printExplains(app.database.url, figures);
    }

    if (!values["skip-load"]) {
      progress(`Signing in ${options.loadConnections} editors …`);
      const users = await createLoadUsers(app.database.url, options.loadConnections);
      const cookies: string[] = [];
      for (const user of users) cookies.push(await signIn(app.baseUrl, user.email, user.password));
      // The closed loop (each editor's next request when the last is answered), then the open loop
      // (a request every 2 s per editor, answered or not), each with its own saves checked.
      progress("CPU per request …");
      const sample = await loadPlanData(app.database.url, options.claims);
      printRequestCosts(
        await measureRequestCosts(app.baseUrl, app.pid, cookies[0]!, [
          {
            label: "claims table",
            paths: ["/claims", "/claims?sort=newest", "/claims?status=unreviewed", ...sample.speakers.slice(0, 5).map((id) => `/claims?speaker=${id}`)],
          },
          { label: "search", paths: ["detained", "police Karachi", '"press club"', "extortion"].map((q) => `/claims?q=${encodeURIComponent(q)}`) },
          { label: "claim editor", paths: sample.claimIds.slice(0, 200).map((id) => `/claims/${id}`) },
          { label: "source reader", paths: sample.slugs.slice(0, 200).map((slug) => `/sources/${slug}`) },
          { label: "source reader text", paths: sample.slugs.slice(0, 200).map((slug) => `/api/sources/${slug}/reader`) },
          { label: "account page (the layout and session alone)", paths: ["/account"] },
        ]),
      );
      for (const rate of [undefined, options.openRate]) {
        const data = await loadPlanData(app.database.url, options.claims);
        const figures = await runMixedLoad(
          {
            label: rate ? `open loop ${rate}/s` : "closed loop",
            rate,
            baseUrl: app.baseUrl,
            cookies,
            seconds: options.loadSeconds,
            connections: options.loadConnections,
            actionId: serverActionId("lib/claims/actions.ts", "updateClaimAction"),
            tablePaths: [
              "/claims",
              "/claims?sort=newest",
              "/claims?status=unreviewed",
              "/claims?status=approved&sort=updated",
              ...data.speakers.slice(0, 10).map((id) => `/claims?speaker=${id}`),
              ...data.topics.slice(0, 10).map((id) => `/claims?topic=${id}`),
              "/claims?stance=opposes&credibility=2",
              "/claims?attribution=direct_quote&status=in_review",
            ],
            searchPaths: ["detained", "police Karachi", '"press club"', "extortion", "denied -police", "Rangers Lyari", "ballot boxes", "hunger strike"].map(
              (q) => `/claims?q=${encodeURIComponent(q)}`,
            ),
            claimIds: data.claimIds,
            sourceSlugs: data.slugs,
            pool: data.pool,
            hot: data.hot,
          },
          app.database.url,
          progress,
        );
        printLoad(figures, failures);
      }
    }

    if (!values["skip-contradictions"]) {
      try {
        progress(`Contradiction detection at ${options.claims.toLocaleString("en")} claims …`);
        const large = await measureDetection(app.database.url);
        await stopApp();
        progress(`Contradiction detection at ${Math.round(options.claims / 10).toLocaleString("en")} claims (a second database) …`);
        const tenth = await createThrowawayDatabase("tenth");
        try {
          await seedCorpus(tenth.url, {
            claims: Math.round(options.claims / 10),
            largeSourceClaims: Math.round(options.largeSourceClaims / 10),
            baseline: false,
          });
          printDetection(await measureDetection(tenth.url), large, failures);
        } finally {
          await tenth.drop();
        }
      } catch (error) {
        out(`## Contradiction detection\n\nFailed: ${(error as Error).message}\n`);
        failures.push({ what: "contradiction detection", detail: (error as Error).message.split("\n")[0]! });
      }
    }
  } finally {
    await stopApp();
  }

  out("## Budgets");
  out();
  if (!failures.length) out("All budgets held.");
  for (const failure of failures) out(`- OVER: ${failure.what}: ${failure.detail}`);
  out();
  out(`Benchmark wall time: ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
  if (failures.length) process.exitCode = 1;
}

await runCli(main);
