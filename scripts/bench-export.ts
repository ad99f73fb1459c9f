// npm run bench:export -- [N]
// Loads N synthetic claims (default 200,000) into a throwaway database (on TEST_DATABASE_URL's
// server, else the local Postgres), then exports them through the HTTP route of the
// production build (`next start`, started as the browser tests start it) and through the command
// line, and measures, on the same rows in the same run, `psql -c "\copy (…) to stdout csv"`
// as the baseline. Prints rows per second, time to first byte, the server's peak memory and
// the ratio to psql. A script that prints figures, not a timed test: the README quotes them.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { EXPORT_DEFINITIONS, exportQuery } from "@/lib/export/kinds";
import { parseExportRequest } from "@/lib/export/schema";
import { startApp, type RunningApp } from "@/tests/e2e/helpers/app";
import { signIn } from "@/scripts/bench/http";
import { treeRss } from "@/scripts/bench/processes";

const TSX_BIN = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

const rowsSchema = z.coerce.number({ error: "N must be a number" }).int().min(1, "N must be at least 1").max(5_000_000).default(200_000);

export interface Measurement {
  label: string;
  rows: number;
  bytes: number;
  seconds: number;
  firstByteMs?: number;
  peakRssMb?: number;
  sha256?: string;
  /** The command line's own time, without its start-up. */
  afterStartUpSeconds?: number;
}

/** Synthetic but awkward claims: commas, quotes, line breaks, Urdu, emoji, formula starts. */
async function loadClaims(url: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`INSERT INTO users (email, name, role, updated_at) VALUES ('reviewer@bench.test', 'Reviewer', 'editor', now())`);
    await client.query(`INSERT INTO sources (slug, title, kind, publisher, text, text_sha256, reliability, updated_at)
      SELECT 'bench-source-' || i, 'Bench source ' || i || ', "quoted"', 'news', 'Daily ' || i, 'text', repeat('0', 64), (ARRAY['A','B','C','D','E','F'])[1 + i % 6]::reliability, now()
      FROM generate_series(1, 50) i`);
    await client.query(`INSERT INTO actors (name, normalized_name, kind, updated_at)
      SELECT 'Speaker ' || i, 'speaker ' || i, 'person', now() FROM generate_series(1, 500) i`);
    await client.query(`INSERT INTO topics (slug, title, updated_at) SELECT 'topic-' || i, 'Topic ' || i || '?', now() FROM generate_series(1, 100) i`);
    const claims = Prisma.sql`
      INSERT INTO claims (source_id, quote, start_offset, end_offset, speaker_id, cue, attribution, cited_via, stance, credibility, topic_id, status, reviewer_id, reviewed_at, updated_at)
       SELECT 1 + i % 50,
         CASE i % 10
           WHEN 0 THEN '=SUM(A1:A' || i || ') is what the memo said, word for word'
           WHEN 1 THEN 'الطاف حسین نے کہا کہ ' || i || ' کارکن گرفتار ہوئے'
           WHEN 2 THEN 'He said "no", then "yes", about case ' || i
           WHEN 3 THEN 'Two lines' || chr(10) || 'in claim ' || i
           WHEN 4 THEN 'Emoji 🙂 and a flag 🇵🇰 in claim ' || i
           ELSE 'The spokesman said on Tuesday that ' || i || ' people had been detained, according to the police, and denied any involvement.'
         END,
         i, i + 100,
         CASE WHEN i % 4 = 0 THEN NULL ELSE 1 + i % 500 END,
         'said', (ARRAY['direct_quote','paraphrase','author_voice','reported'])[1 + i % 4]::attribution,
         CASE WHEN i % 3 = 0 THEN 'a leaflet, quoted by Dawn' END,
         (ARRAY['supports','opposes','neutral','unclear'])[1 + i % 4]::stance,
         1 + i % 6,
         CASE WHEN i % 5 = 0 THEN NULL ELSE 1 + i % 100 END,
         (ARRAY['unreviewed','in_review','approved','rejected'])[1 + i % 4]::claim_status,
         CASE WHEN i % 4 = 2 THEN 1 END,
         CASE WHEN i % 4 = 2 THEN now() END,
         now()
       FROM generate_series(1, ${count}::int) i`;
    await client.query(claims.text, claims.values);
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}

/** Samples a process tree's memory until stopped; returns the peak in MB. */
function sampleRss(pid: number): { stop(): number } {
  let peak = treeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 100);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, treeRss(pid));
      return peak / 1024 / 1024;
    },
  };
}

export async function measureHttp(baseUrl: string, cookie: string, serverPid: number, query: string, label: string): Promise<Measurement> {
  const memory = sampleRss(serverPid);
  const hash = createHash("sha256");
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/export/claims${query}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let firstByteMs: number | undefined;
  let bytes = 0;
  let records = 0;
  let previous = 0;
  for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
    firstByteMs ??= performance.now() - started;
    bytes += chunk.byteLength;
    hash.update(chunk);
    // Counted natively: a byte-by-byte loop here cost the measuring side seconds of the shared CPU.
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (previous === 0x0d && buffer[0] === 0x0a) records++;
    for (let at = buffer.indexOf("\r\n"); at !== -1; at = buffer.indexOf("\r\n", at + 2)) records++;
    previous = buffer[buffer.length - 1] ?? previous;
  }
  const seconds = (performance.now() - started) / 1000;
  // Records end in CRLF; quoted line breaks inside the synthetic quotes are bare LF. Less the header.
  return { label, rows: records - 1, bytes, seconds, firstByteMs, peakRssMb: memory.stop(), sha256: hash.digest("hex") };
}

/** `appUrl`: the app's address, which the link column starts with over HTTP; without it the CLI writes bare paths. */
export async function measureCli(url: string, directory: string, rows: number, appUrl: string): Promise<Measurement> {
  const file = path.join(directory, "cli.csv");
  const started = performance.now();
  const child = spawn(TSX_BIN, [path.join(PROJECT_ROOT, "lib/export/cli.ts"), "claims", "--out", file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: appUrl },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const memory = sampleRss(child.pid!);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = memory.stop();
  if (code !== 0) throw new Error(`the export command failed:\n${stderr}`);
  const content = await readFile(file);
  return {
    label: "npm run export (CLI, incl. start-up)",
    rows,
    bytes: content.byteLength,
    seconds,
    peakRssMb,
    sha256: createHash("sha256").update(content).digest("hex"),
    // What the command reports itself, after Node, tsx and the modules have loaded.
    afterStartUpSeconds: Number(/ in ([\d.]+) s$/m.exec(stderr)?.[1] ?? Number.NaN),
  };
}

export function measurePsql(url: string, directory: string, rows: number): Measurement {
  const request = parseExportRequest("claims", new URLSearchParams());
  const query = exportQuery(EXPORT_DEFINITIONS.claims, request.columns, request.filters);
  // \copy takes its query on one line.
  const sql = query.text.replace(/\s+/g, " ");
  const file = path.join(directory, "psql.csv");
  const started = performance.now();
  const result = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", `\\copy (${sql}) to '${file}' csv header`], { encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
  return { label: "psql \\copy … csv (baseline)", rows, bytes: 0, seconds };
}

export function format(measurement: Measurement, baseline?: Measurement): string {
  const rate = measurement.rows / measurement.seconds;
  const ratio = baseline ? ` | ${(rate / (baseline.rows / baseline.seconds)).toFixed(2)}×` : " | 1.00×";
  return `| ${measurement.label} | ${measurement.rows.toLocaleString("en")} | ${measurement.seconds.toFixed(2)} s | ${Math.round(rate).toLocaleString("en")} | ${
    measurement.firstByteMs === undefined ? "—" : `${measurement.firstByteMs.toFixed(0)} ms`
  } | ${measurement.peakRssMb === undefined ? "—" : `${measurement.peakRssMb.toFixed(0)} MB`}${ratio} |`;
}

// npm run bench imports the measurements above; run the benchmark only as a script.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runCli(async () => {
    const rows = rowsSchema.parse(process.argv[2]);
    const directory = await mkdtemp(path.join(tmpdir(), "claimbase-bench-"));
    let app: RunningApp | undefined;
    try {
      console.error("Starting the app (next build when stale, next start) on a throwaway database …");
      app = await startApp({ seed: false });
      const databaseUrl = app.database.url;
      console.error(`Loading ${rows.toLocaleString("en")} synthetic claims …`);
      const loadStarted = performance.now();
      await loadClaims(databaseUrl, rows);
      console.error(`  loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);
      const cookie = await signIn(app.baseUrl, app.users.admin.email, app.users.admin.password);
      // Warm-up: load the route's modules and open the export pool before timing.
      await (await fetch(`${app.baseUrl}/api/export/claims?columns=id&status=rejected&source=none`, { headers: { cookie } })).arrayBuffer();
      const idleRssMb = treeRss(app.pid) / 1024 / 1024;

      console.error("Exporting over HTTP …");
      const http = await measureHttp(app.baseUrl, cookie, app.pid, "", "GET /api/export/claims (next start)");
      console.error("Exporting with the command line …");
      const cli = await measureCli(databaseUrl, directory, http.rows, app.baseUrl);
      console.error("Baseline: psql \\copy …");
      const psql = measurePsql(databaseUrl, directory, rows);
      psql.bytes = (await stat(path.join(directory, "psql.csv"))).size;

      const host = new URL(databaseUrl).host;
      console.log(
        `\nExport benchmark: ${rows.toLocaleString("en")} claims, ${EXPORT_DEFINITIONS.claims.columns.length} columns, PostgreSQL at ${host}, ${new Date().toISOString().slice(0, 10)}\n`,
      );
      console.log("| path | rows | time | rows/s | first byte | peak RSS | vs psql |");
      console.log("|---|---:|---:|---:|---:|---:|---:|");
      console.log(format(http, psql));
      console.log(format(cli, psql));
      console.log(format({ label: "npm run export (CLI, after start-up)", rows: cli.rows, bytes: cli.bytes, seconds: cli.afterStartUpSeconds! }, psql));
      console.log(format(psql));
      console.log(
        `\nServer RSS before the export: ${idleRssMb.toFixed(0)} MB; during it at most ${http.peakRssMb!.toFixed(0)} MB (+${(http.peakRssMb! - idleRssMb).toFixed(0)} MB) for ${(http.bytes / 1024 / 1024).toFixed(0)} MB of CSV.`,
      );
      console.log(
        `HTTP and CLI files: ${http.sha256 === cli.sha256 ? "byte-identical" : "DIFFERENT"} (sha256 ${http.sha256!.slice(0, 16)}…, ${http.bytes.toLocaleString("en")} bytes); psql wrote ${psql.bytes.toLocaleString("en")} bytes.`,
      );
      if (http.rows !== rows) throw new Error(`the HTTP export returned ${http.rows} rows, expected ${rows}`);
      if (http.sha256 !== cli.sha256) process.exitCode = 1;
    } finally {
      await app?.stop();
      await rm(directory, { recursive: true, force: true });
    }
  });
