import { spawnSync } from "node:child_process";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase } from "@/tests/helpers/test-database";
import { parseExportRequest } from "@/lib/export/schema";
import { copyExportSql } from "@/lib/export/copy";
import { EXPORT_DEFINITIONS, exportQuery } from "@/lib/export/kinds";
import { openExportStream } from "@/lib/export/stream";
import { writeFileSync } from "node:fs";

const db = await createTestDatabase();
console.log("url", db.url);
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const count = Number(process.argv[2] ?? 200000);
await client.query(`INSERT INTO users (email, name, role, updated_at) VALUES ('reviewer@bench.test', 'Reviewer', 'editor', now())`);
await client.query(`INSERT INTO sources (slug, title, kind, publisher, text, text_sha256, reliability, updated_at)
  SELECT 'bench-source-' || i, 'Bench source ' || i || ', "quoted"', 'news', 'Daily ' || i, 'text', repeat('0', 64), (ARRAY['A','B','C','D','E','F'])[1 + i % 6]::reliability, now() FROM generate_series(1, 50) i`);
await client.query(`INSERT INTO actors (name, normalized_name, kind, updated_at) SELECT 'Speaker ' || i, 'speaker ' || i, 'person', now() FROM generate_series(1, 500) i`);
await client.query(`INSERT INTO topics (slug, title, updated_at) SELECT 'topic-' || i, 'Topic ' || i || '?', now() FROM generate_series(1, 100) i`);
const claims = Prisma.sql`INSERT INTO claims (source_id, quote, start_offset, end_offset, speaker_id, cue, attribution, cited_via, stance, credibility, topic_id, status, reviewer_id, reviewed_at, updated_at)
 SELECT 1 + i % 50, CASE i % 10 WHEN 0 THEN '=SUM(A1:A' || i || ') is what the memo said, word for word' WHEN 1 THEN 'الطاف حسین نے کہا کہ ' || i || ' کارکن گرفتار ہوئے' WHEN 2 THEN 'He said "no", then "yes", about case ' || i WHEN 3 THEN 'Two lines' || chr(10) || 'in claim ' || i WHEN 4 THEN 'Emoji 🙂 and a flag 🇵🇰 in claim ' || i ELSE 'The spokesman said on Tuesday that ' || i || ' people had been detained, according to the police, and denied any involvement.' END,
 i, i + 100, CASE WHEN i % 4 = 0 THEN NULL ELSE 1 + i % 500 END, 'said', (ARRAY['direct_quote','paraphrase','author_voice','reported'])[1 + i % 4]::attribution,
 CASE WHEN i % 3 = 0 THEN 'a leaflet, quoted by Dawn' END, (ARRAY['supports','opposes','neutral','unclear'])[1 + i % 4]::stance, 1 + i % 6,
 CASE WHEN i % 5 = 0 THEN NULL ELSE 1 + i % 100 END, (ARRAY['unreviewed','in_review','approved','rejected'])[1 + i % 4]::claim_status,
 CASE WHEN i % 4 = 2 THEN 1 END, CASE WHEN i % 4 = 2 THEN now() END, now() FROM generate_series(1, ${count}::int) i`;
await client.query(claims.text, claims.values);
await client.query("ANALYZE");
await client.end();
const request = parseExportRequest("claims", new URLSearchParams(), "http://127.0.0.1:3000");
const raw = exportQuery(EXPORT_DEFINITIONS.claims, request.columns, request.filters).text.replace(/\s+/g, " ");
const copySql = copyExportSql(request)!.replace(/\s+/g, " ");
const presented = copySql.slice("COPY (".length, copySql.lastIndexOf(") TO STDOUT"));
const psql = (sql: string) => {
  const t = performance.now();
  const r = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url, "-c", `\\copy (${sql}) to '/dev/null' csv`], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return ((performance.now() - t) / 1000).toFixed(2);
};
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
const node = async () => {
  const t = performance.now();
  const stream = await openExportStream(pool, request);
  const reader = stream.getReader();
  let bytes = 0;
  for (;;) { const { done, value } = await reader.read(); if (done) break; bytes += value.byteLength; }
  return ((performance.now() - t) / 1000).toFixed(2) + ` (${bytes} B)`;
};
for (let round = 0; round < 2; round++) {
  console.log("raw psql", psql(raw), "| presented psql", psql(presented), "| node openExportStream", await node(), "| raw psql", psql(raw));
}
writeFileSync("/tmp/copyscratch/dburl", db.url);
await pool.end();
if (!process.argv[3]) await db.drop();
