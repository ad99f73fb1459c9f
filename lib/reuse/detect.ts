// Detection against the database: fingerprint a source (LSH band keys in source_fingerprints),
// look up the sources sharing a key through the index (never every source), measure the reuse with
// the pure comparison (compare.ts) and write source_reuse rows. An editor's decision is never
// undone: a dismissed pair (either way round) is left as it is and not proposed again; a confirmed
// row keeps its status while its share, passages and attribution are refreshed to the current texts
// (an audit event by the system records a refresh of a decided row). Proposed rows that no longer
// meet the threshold are removed.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { compareDocuments, meetsThreshold, REUSE_METHOD, type ComparedDocument, type ReuseFinding } from "@/lib/reuse/compare";
import { readPassages } from "@/lib/reuse/passages";
import { fingerprintKeys } from "@/lib/reuse/signature";
import { tokenize } from "@/lib/reuse/shingles";

type Tx = Prisma.TransactionClient;

/** Sources compared with one document at most: those sharing the most band keys. */
export const MAX_CANDIDATES = 50;

export interface ReuseDetectionReport {
  sourceId: number;
  /** Sources the document was compared with (the candidates the index found, and existing partners). */
  compared: number;
  proposed: number;
  refreshed: number;
  removed: number;
}

const documentFields = { id: true, text: true, textSha256: true, title: true, publisher: true, author: true, url: true, publishedDate: true } as const;

/** Stores the source's band keys unless they were computed from this very text; returns them. */
export async function fingerprintSource(db: Db | Tx, source: { id: number; text: string; textSha256: string }): Promise<bigint[]> {
  const stored = await db.sourceFingerprint.findMany({ where: { sourceId: source.id }, select: { key: true, textSha256: true } });
  if (stored.length > 0 && stored.every((row) => row.textSha256 === source.textSha256)) return stored.map((row) => row.key);
  const keys = fingerprintKeys(tokenize(source.text));
  const write = async (tx: Tx) => {
    await tx.sourceFingerprint.deleteMany({ where: { sourceId: source.id } });
    if (keys.length === 0) return;
    await tx.$executeRaw`
      INSERT INTO source_fingerprints (key, source_id, text_sha256)
      SELECT unnest(${keys.map(String)}::bigint[]), ${source.id}, ${source.textSha256}
      ON CONFLICT DO NOTHING`;
  };
  if ("$transaction" in db) await db.$transaction(write);
  else await write(db);
  return keys;
}

/** The sources sharing at least one band key with `keys`, most shared first (an index lookup on the key). */
export async function candidateSources(db: Db | Tx, sourceId: number, keys: readonly bigint[]): Promise<Array<{ sourceId: number; shared: number }>> {
  if (keys.length === 0) return [];
  return db.$queryRaw<Array<{ sourceId: number; shared: number }>>`
    SELECT source_id AS "sourceId", count(*)::int AS shared
    FROM source_fingerprints
    WHERE key = ANY(${keys.map(String)}::bigint[]) AND source_id <> ${sourceId}
    GROUP BY source_id
    ORDER BY shared DESC, source_id
    LIMIT ${MAX_CANDIDATES}`;
}

function sameFigures(row: { share: number; attributed: boolean; passages: unknown; method: string }, finding: ReuseFinding): boolean {
  return (
    Math.abs(row.share - finding.share) < 1e-9 &&
    row.attributed === finding.attributed &&
    row.method === REUSE_METHOD &&
    JSON.stringify(readPassages(row.passages)) === JSON.stringify(finding.passages)
  );
}

function figures(finding: ReuseFinding) {
  return { share: finding.share, passages: finding.passages as unknown as Prisma.InputJsonValue, attributed: finding.attributed, method: REUSE_METHOD };
}

type Outcome = "proposed" | "refreshed" | "removed" | "unchanged";

/** Writes what one comparison found for the pair {a, b}, keeping every editor decision. */
async function recordPair(tx: Tx, a: number, b: number, finding: ReuseFinding | null): Promise<Outcome[]> {
  const rows = await tx.sourceReuse.findMany({
    where: {
      OR: [
        { sourceId: a, originalId: b },
        { sourceId: b, originalId: a },
      ],
    },
  });
  if (rows.some((row) => row.status === "dismissed")) return ["unchanged"];
  const found = finding && meetsThreshold(finding) ? finding : null;
  const outcomes: Outcome[] = [];
  for (const row of rows) {
    const sameDirection = finding !== null && row.sourceId === finding.sourceId;
    if (row.status === "confirmed") {
      if (!sameDirection || sameFigures(row, finding)) continue;
      await tx.sourceReuse.update({ where: { id: row.id }, data: { ...figures(finding), version: { increment: 1 } } });
      await recordAudit(tx, {
        userId: null,
        entityType: "source_reuse",
        entityId: row.id,
        action: "refresh",
        before: { share: row.share, attributed: row.attributed },
        after: { share: finding.share, attributed: finding.attributed },
      });
      outcomes.push("refreshed");
    } else if (!found || !sameDirection) {
      await tx.sourceReuse.delete({ where: { id: row.id } });
      outcomes.push("removed");
    } else if (!sameFigures(row, found)) {
      await tx.sourceReuse.update({ where: { id: row.id }, data: { ...figures(found), version: { increment: 1 } } });
      outcomes.push("refreshed");
    }
  }
  const kept = rows.filter((row) => row.status === "confirmed" || (found && row.sourceId === found.sourceId));
  if (found && kept.length === 0) {
    await tx.sourceReuse.create({ data: { sourceId: found.sourceId, originalId: found.originalId, status: "proposed", ...figures(found) } });
    outcomes.push("proposed");
  }
  return outcomes;
}

/** Fingerprints one source and records its reuse with every candidate; safe to run again. */
export async function detectReuseFor(db: Db, sourceId: number): Promise<ReuseDetectionReport> {
  const report: ReuseDetectionReport = { sourceId, compared: 0, proposed: 0, refreshed: 0, removed: 0 };
  const source = await db.source.findUnique({ where: { id: sourceId }, select: documentFields });
  if (!source) return report;
  const keys = await fingerprintSource(db, source);
  const candidates = await candidateSources(db, sourceId, keys);
  // Partners of stored rows are measured again too, so a row is refreshed or removed, never left stale.
  const partners = await db.sourceReuse.findMany({
    where: { OR: [{ sourceId }, { originalId: sourceId }] },
    select: { sourceId: true, originalId: true },
  });
  const others = new Set([
    ...candidates.map((candidate) => candidate.sourceId),
    ...partners.map((row) => (row.sourceId === sourceId ? row.originalId : row.sourceId)),
  ]);
  const subject: ComparedDocument = source;
  for (const otherId of others) {
    const other = await db.source.findUnique({ where: { id: otherId }, select: documentFields });
    if (!other) continue;
    report.compared++;
    const finding = compareDocuments(subject, other);
    const outcomes = await db.$transaction((tx) => recordPair(tx, sourceId, otherId, finding));
    for (const outcome of outcomes) if (outcome !== "unchanged") report[outcome]++;
  }
  return report;
}

/** After an import saved a source: the import stands whatever happens here, so a failure is logged, not thrown. */
export async function detectReuseAfterImport(db: Db, sourceId: number): Promise<ReuseDetectionReport | null> {
  try {
    return await detectReuseFor(db, sourceId);
  } catch (error) {
    console.error(`finding reposts of and by source ${sourceId} failed:`, error);
    return null;
  }
}

export interface ReuseRunReport {
  sources: number;
  proposed: number;
  refreshed: number;
  removed: number;
  rows: number;
  seconds: number;
}

const BATCH = 100;

async function* sourceIdBatches(db: Db): AsyncGenerator<number[]> {
  let after = 0;
  for (;;) {
    const batch = await db.source.findMany({ where: { id: { gt: after } }, orderBy: { id: "asc" }, take: BATCH, select: { id: true } });
    if (batch.length === 0) return;
    yield batch.map((row) => row.id);
    after = batch.at(-1)!.id;
  }
}

/**
 * Every source, in batches of ids: first every fingerprint (so an early source finds a later one),
 * then detection per source. Safe to re-run: decisions stay, unchanged rows are not touched.
 */
export async function detectReuseForAll(db: Db, options: { log?: (line: string) => void } = {}): Promise<ReuseRunReport> {
  const started = performance.now();
  const report: ReuseRunReport = { sources: 0, proposed: 0, refreshed: 0, removed: 0, rows: 0, seconds: 0 };
  for await (const ids of sourceIdBatches(db)) {
    const sources = await db.source.findMany({ where: { id: { in: ids } }, select: { id: true, text: true, textSha256: true } });
    for (const source of sources) await fingerprintSource(db, source);
  }
  for await (const ids of sourceIdBatches(db)) {
    for (const id of ids) {
      const one = await detectReuseFor(db, id);
      report.sources++;
      report.proposed += one.proposed;
      report.refreshed += one.refreshed;
      report.removed += one.removed;
    }
    options.log?.(`reuse: ${report.sources} sources checked`);
  }
  report.rows = await db.sourceReuse.count({ where: { status: { not: "dismissed" } } });
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function formatReuseReport(report: ReuseRunReport): string {
  return (
    `Reuse: ${report.sources} source(s) checked; ${report.proposed} new proposal(s), ${report.refreshed} refreshed, ${report.removed} withdrawn; ` +
    `${report.rows} repost(s) on record (not dismissed); ${report.seconds.toFixed(1)} s`
  );
}
