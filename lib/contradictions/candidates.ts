// Candidate pairs for contradiction detection, found by the database rather than by
// comparing every claim with every other. Each channel returns at most a fixed number of
// partners per claim, so the pairs examined grow linearly with the number of claims:
//
//   trigram   — pg_trgm `%` on claims.quote, served by the GIN index claims_quote_trgm_idx,
//               probing from claims that negate or deny something (one side of every
//               "negated statement" pair does; probing from all claims costs seconds);
//   terms     — shared rare lexemes of the full-text vectors (claims.search_vector), an
//               inverted-index join that skips lexemes used by more than TERM_DF_CAP claims;
//   adjacent  — the next few claims in the same source ("X disputes that, saying …");
//   topic     — claims an editor put on the same topic with opposite stances.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** A candidate pair, lower claim id first, with what the channels found out about it. */
export interface CandidatePair {
  claimAId: number;
  claimBId: number;
  /** pg_trgm similarity, when the trigram channel proposed the pair. */
  similarity?: number;
  /** Sum of ln(N/df) over shared rare lexemes, when the term channel proposed it. */
  termWeight?: number;
  /** Claims in between, when both sit close together in one source (0 = neighbours). */
  gap?: number;
  /** Both on one topic with opposite stances. */
  opposingStances?: boolean;
  channels: Channel[];
}

export type Channel = "trigram" | "terms" | "adjacent" | "topic";

export interface CandidateOptions {
  /** pg_trgm similarity threshold for the `%` operator. */
  similarityThreshold?: number;
  /** Partners kept per claim and channel. */
  perClaim?: number;
  /** Claims that follow a claim in its source and are paired with it. */
  adjacentWindow?: number;
}

export interface CandidateResult {
  pairs: CandidatePair[];
  /** Rows each channel returned: every pair the cue rules will look at, before merging. */
  comparisons: Record<Channel, number>;
  claims: number;
}

/** Lexemes used by more claims than this say what the whole corpus is about, not a subject. */
const TERM_DF_CAP = 40;
const TOPIC_POOL = 200;
const TRIGRAM_POOL = 60;
/**
 * pg_trgm similarity for "the same sentence, negated". Below ~0.4 the index lets through so
 * many long sentences that rechecking them dominates: on 3,000 synthetic claims 0.3 took
 * 14 s, 0.4 about 4 s; on the seed corpus nothing between 0.3 and 0.4 is a real conflict.
 */
const TRIGRAM_THRESHOLD = 0.4;

type Tx = Prisma.TransactionClient;

export async function generateCandidates(prisma: PrismaClient, options: CandidateOptions = {}): Promise<CandidateResult> {
  return prisma.$transaction((tx) => generateCandidatesIn(tx, options), { timeout: 300_000, maxWait: 30_000 });
}

/** Inside a transaction, because the trigram threshold is set for it alone (SET LOCAL). */
export async function generateCandidatesIn(tx: Tx, options: CandidateOptions = {}): Promise<CandidateResult> {
  const threshold = options.similarityThreshold ?? TRIGRAM_THRESHOLD;
  const perClaim = options.perClaim ?? 8;
  const window = options.adjacentWindow ?? 3;
  const pairs = new Map<string, CandidatePair>();
  const comparisons: Record<Channel, number> = { trigram: 0, terms: 0, adjacent: 0, topic: 0 };

  const add = (a: number, b: number, channel: Channel, fields: Partial<CandidatePair>) => {
    const [low, high] = a < b ? [a, b] : [b, a];
    const key = `${low}:${high}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = { claimAId: low, claimBId: high, channels: [] };
      pairs.set(key, pair);
    }
    if (!pair.channels.includes(channel)) pair.channels.push(channel);
    Object.assign(pair, fields);
    comparisons[channel] += 1;
  };

  const [{ count }] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM claims`;
  if (count < 2) return { pairs: [], comparisons, claims: count };

  await useTrigramIndex(tx, threshold);
  const trigram = await tx.$queryRawUnsafe<{ a: number; b: number; similarity: number }[]>(trigramChannelSql(perClaim));
  for (const row of trigram) add(row.a, row.b, "trigram", { similarity: row.similarity });
  await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = on`);

  const terms = await tx.$queryRaw<{ a: number; b: number; weight: number }[]>`
    WITH lexemes AS (
      SELECT c.id, t.lexeme FROM claims c CROSS JOIN LATERAL unnest(c.search_vector) AS t
    ), frequency AS (
      SELECT lexeme, count(*) AS df FROM lexemes GROUP BY lexeme HAVING count(*) BETWEEN 2 AND ${TERM_DF_CAP}
    ), rare AS (
      SELECT l.id, l.lexeme, ln(${count}::float8 / f.df) AS weight FROM lexemes l JOIN frequency f USING (lexeme)
    ), shared AS (
      SELECT x.id AS a, y.id AS b, sum(x.weight) AS weight
      FROM rare x JOIN rare y ON x.lexeme = y.lexeme AND x.id < y.id
      GROUP BY x.id, y.id
    ), ranked AS (
      SELECT a, b, weight,
        row_number() OVER (PARTITION BY a ORDER BY weight DESC, b) AS rank_a,
        row_number() OVER (PARTITION BY b ORDER BY weight DESC, a) AS rank_b
      FROM shared
    )
    SELECT a, b, weight::float8 AS weight FROM ranked WHERE rank_a <= ${perClaim} OR rank_b <= ${perClaim}`;
  for (const row of terms) add(row.a, row.b, "terms", { termWeight: row.weight });

  const adjacent = await tx.$queryRaw<{ a: number; b: number; gap: number }[]>`
    WITH ordered AS (
      SELECT id, source_id, row_number() OVER (PARTITION BY source_id ORDER BY start_offset, id) AS position FROM claims
    )
    SELECT x.id AS a, y.id AS b, (y.position - x.position - 1)::int AS gap
    FROM ordered x JOIN ordered y ON y.source_id = x.source_id AND y.position > x.position AND y.position <= x.position + ${window}`;
  for (const row of adjacent) add(row.a, row.b, "adjacent", { gap: row.gap });

  const topic = await tx.$queryRaw<{ a: number; b: number }[]>`
    SELECT a.id AS a, near.id AS b
    FROM claims a
    CROSS JOIN LATERAL (
      SELECT pool.id FROM (
        SELECT b.id, b.quote FROM claims b
        WHERE b.topic_id = a.topic_id AND b.id > a.id
          AND b.stance = (CASE a.stance WHEN 'supports' THEN 'opposes' ELSE 'supports' END)::stance
        ORDER BY b.updated_at DESC
        LIMIT ${TOPIC_POOL}
      ) pool
      ORDER BY similarity(a.quote, pool.quote) DESC
      LIMIT ${perClaim}
    ) near
    WHERE a.topic_id IS NOT NULL AND a.stance IN ('supports', 'opposes')`;
  for (const row of topic) add(row.a, row.b, "topic", { opposingStances: true });

  return { pairs: [...pairs.values()], comparisons, claims: count };
}

/** Claims that say "not", "never", "denied"…: where a negated twin of another claim can start. */
const NEGATING_CLAIM = `a.quote ~* '\\m(not|no|never|neither|nor|none|nobody|nothing|cannot|without|denied|denies|deny|rejected|false|untrue|wrong)\\M|n[''’]t\\M'`;

function trigramChannelSql(perClaim: number): string {
  return `
    SELECT a.id AS a, near.id AS b, near.similarity::float8 AS similarity
    FROM claims a
    CROSS JOIN LATERAL (
      SELECT pool.id, similarity(a.quote, pool.quote) AS similarity
      FROM (
        -- A bounded pool: on a corpus of near-identical sentences every row passes the
        -- threshold, and ranking them all would compare every pair after all.
        SELECT b.id, b.quote FROM claims b WHERE b.quote % a.quote AND b.id <> a.id LIMIT ${TRIGRAM_POOL}
      ) pool
      ORDER BY similarity DESC
      LIMIT ${Math.trunc(perClaim)}
    ) near
    WHERE ${NEGATING_CLAIM}`;
}

/**
 * Settings for this transaction only. The planner prefers a sequential scan on small tables,
 * which runs similarity() for every pair; the index never does. Rows a bulk load left in
 * the GIN pending list are merged first, or every probe scans them all.
 */
async function useTrigramIndex(tx: Tx, threshold: number): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT gin_clean_pending_list('claims_quote_trgm_idx'::regclass)`);
  // SET LOCAL takes no bind parameters; the value is a number we computed.
  await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${Number(threshold).toFixed(3)}`);
  await tx.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`);
}

/** The plan of the trigram channel, for proving it uses the trigram index. */
export async function explainTrigramChannel(prisma: PrismaClient, options: { threshold?: number; perClaim?: number; analyze?: boolean } = {}): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await useTrigramIndex(tx, options.threshold ?? TRIGRAM_THRESHOLD);
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN ${options.analyze ? "(ANALYZE, COSTS OFF) " : ""}${trigramChannelSql(options.perClaim ?? 8)}`,
    );
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}
