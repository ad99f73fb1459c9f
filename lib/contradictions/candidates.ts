// Candidate pairs for contradiction detection, found by the database rather than by
// comparing every claim with every other. Each channel returns at most a fixed number of
// partners per claim, so the pairs examined grow linearly with the number of claims:
//
//   trigram   — pg_trgm similarity to claims that negate or deny something (one side of
//               every "negated statement" pair does), among the claims that share one of
//               the probe's two rarest lexemes (GIN index on claims.search_vector). Probing
//               the GIN trigram index instead reads the posting lists of common trigrams
//               ("the", "and") for every probe, which grows with the table: quadratic in
//               all (npm run bench: over an hour at 100,000 claims);
//   terms     — shared rare lexemes of the full-text vectors (claims.search_vector), an
//               inverted-index join that skips lexemes used by more than TERM_DF_CAP claims;
//   adjacent  — the next few claims in the same source ("X disputes that, saying …");
//   topic     — claims an editor put on the same topic with opposite stances that share
//               one of the claim's rarest lexemes.
//
// Lexeme frequencies are counted once per run into a temporary table (lexeme_frequency).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

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
  /** Least pg_trgm similarity of a pair the trigram channel proposes. */
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
/** Lexemes in more claims than this are never a probe's key (see RAREST_LEXEMES). */
const KEY_DF_CAP = 500;
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

/** Inside a transaction: the lexeme frequencies live in a temporary table dropped at commit. */
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

  await countLexemes(tx);
  const trigram = await tx.$queryRawUnsafe<{ a: number; b: number; similarity: number }[]>(trigramChannelSql(perClaim, threshold));
  for (const row of trigram) add(row.a, row.b, "trigram", { similarity: row.similarity });

  const terms = await tx.$queryRaw<{ a: number; b: number; weight: number }[]>`
    WITH lexemes AS (
      SELECT c.id, t.lexeme FROM claims c CROSS JOIN LATERAL unnest(c.search_vector) AS t
    ), frequency AS (
      SELECT lexeme, df FROM lexeme_frequency WHERE df BETWEEN 2 AND ${TERM_DF_CAP}
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
    CROSS JOIN LATERAL (${Prisma.raw(RAREST_LEXEMES)}) rarest
    CROSS JOIN LATERAL (
      SELECT pool.id FROM (
        SELECT b.id, b.quote FROM claims b
        WHERE b.search_vector @@ rarest.keys AND b.topic_id = a.topic_id AND b.id > a.id
          AND b.stance = (CASE a.stance WHEN 'supports' THEN 'opposes' ELSE 'supports' END)::stance
        ORDER BY b.updated_at DESC
        LIMIT ${TOPIC_POOL}
      ) pool
      ORDER BY similarity(a.quote, pool.quote) DESC
      LIMIT ${perClaim}
    ) near
    WHERE a.topic_id IS NOT NULL AND a.stance IN ('supports', 'opposes') AND rarest.keys IS NOT NULL`;
  for (const row of topic) add(row.a, row.b, "topic", { opposingStances: true });

  return { pairs: [...pairs.values()], comparisons, claims: count };
}

const NEGATION_WORDS = ["not", "no", "never", "neither", "nor", "none", "nobody", "nothing", "cannot", "without", "denied", "denies", "deny", "rejected", "false", "untrue", "wrong"];

/** Claims that say "not", "never", "denied"…: where a negated twin of another claim can start. */
const NEGATING_CLAIM = `a.quote ~* '\\m(${NEGATION_WORDS.join("|")})\\M|n[''’]t\\M'`;

/**
 * The claim's two rarest lexemes that some other claim also uses, as tsqueries: `keys`
 * ('a' | 'b') and `both` ('a' & 'b'). A negated twin or a reply on the same topic repeats the
 * rare words (names, places, figures), so searching for them finds it among a handful of
 * claims instead of all. Words used by more than KEY_DF_CAP claims are no key: looking one
 * up costs as much as the claims it is in, so a claim made only of common words is not
 * probed (its posting lists would make the channel quadratic again). Lexemes holding a
 * backslash are skipped: quote_literal would E-escape them, which tsquery does not read.
 */
const RAREST_LEXEMES = `
  SELECT string_agg(quote_literal(k.lexeme), ' | ')::tsquery AS keys, string_agg(quote_literal(k.lexeme), ' & ')::tsquery AS both FROM (
    SELECT t.lexeme FROM unnest(a.search_vector) AS t JOIN lexeme_frequency f USING (lexeme)
    WHERE f.df BETWEEN 2 AND ${KEY_DF_CAP} AND strpos(t.lexeme, E'\\\\') = 0
      -- The negation is what a twin does not share: never a key.
      AND t.lexeme <> ALL (tsvector_to_array(to_tsvector('english', '${NEGATION_WORDS.join(" ")}')))
    ORDER BY f.df, t.lexeme LIMIT 2
  ) k`;

function trigramChannelSql(perClaim: number, threshold: number): string {
  return `
    SELECT a.id AS a, near.id AS b, near.similarity::float8 AS similarity
    FROM claims a
    CROSS JOIN LATERAL (${RAREST_LEXEMES}) rarest
    CROSS JOIN LATERAL (
      SELECT scored.id, scored.similarity FROM (
      -- OFFSET 0 keeps this a subquery, so similarity() runs once per pair, not twice.
      SELECT pool.id, similarity(a.quote, pool.quote) AS similarity
      FROM (
        -- Bounded pools: a claim made only of common words shares its rarest ones with
        -- thousands of claims, and ranking them all would compare every pair after all.
        -- A twin has both rarest words, so the first pool holds it even then.
        (SELECT b.id, b.quote FROM claims b WHERE b.search_vector @@ rarest.both AND b.id <> a.id LIMIT ${TRIGRAM_POOL})
        UNION
        (SELECT b.id, b.quote FROM claims b WHERE b.search_vector @@ rarest.keys AND b.id <> a.id LIMIT ${TRIGRAM_POOL})
      ) pool
      OFFSET 0
      ) scored
      WHERE scored.similarity >= ${Number(threshold).toFixed(3)}
      ORDER BY scored.similarity DESC
      LIMIT ${Math.trunc(perClaim)}
    ) near
    WHERE ${NEGATING_CLAIM} AND rarest.keys IS NOT NULL`;
}

/**
 * Document frequency of every lexeme, for this transaction only. Rows a bulk load left in
 * the GIN pending list are merged first, or every probe scans them all.
 */
async function countLexemes(tx: Tx): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT gin_clean_pending_list('claims_search_vector_idx'::regclass)`);
  await tx.$executeRawUnsafe(`DROP TABLE IF EXISTS pg_temp.lexeme_frequency`);
  await tx.$executeRawUnsafe(
    `CREATE TEMPORARY TABLE lexeme_frequency ON COMMIT DROP AS
     SELECT t.lexeme, count(*)::int AS df FROM claims c CROSS JOIN LATERAL unnest(c.search_vector) AS t GROUP BY t.lexeme`,
  );
  await tx.$executeRawUnsafe(`ALTER TABLE lexeme_frequency ADD PRIMARY KEY (lexeme)`);
  await tx.$executeRawUnsafe(`ANALYZE lexeme_frequency`);
}

/** The plan of the trigram channel, for proving it probes through the full-text index. */
export async function explainTrigramChannel(prisma: PrismaClient, options: { threshold?: number; perClaim?: number; analyze?: boolean } = {}): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await countLexemes(tx);
    const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN ${options.analyze ? "(ANALYZE, COSTS OFF) " : ""}${trigramChannelSql(options.perClaim ?? 8, options.threshold ?? TRIGRAM_THRESHOLD)}`,
    );
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}
