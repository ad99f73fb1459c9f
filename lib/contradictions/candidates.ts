// Candidate pairs found by the database rather than by comparing every claim with every other: each
// channel returns at most a few partners per claim, so the pairs examined grow linearly with the
// claims. The pairs go to a temporary table read back in batches: a million claims give millions.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { NEGATORS } from "@/lib/text/terms";

/** Lower claim id first. */
export interface CandidatePair {
  claimAId: number;
  claimBId: number;
  similarity?: number;
  /** Sum of ln(N/df) over shared rare lexemes. */
  termWeight?: number;
  /** Claims in between in one source (0 = neighbours). */
  gap?: number;
  opposingStances?: boolean;
  channels: Channel[];
}

export type Channel = "trigram" | "terms" | "adjacent" | "topic" | "acts" | "figures" | "polarity";

export interface CandidateOptions {
  similarityThreshold?: number;
  perClaim?: number;
  adjacentWindow?: number;
  /** An import's run: channels probe from the source's claims alone, so cost follows the source. */
  sourceId?: number;
}

export interface CandidateResult {
  pairs: CandidatePair[];
  comparisons: Record<Channel, number>;
  claims: number;
}

export interface CandidateSummary {
  claims: number;
  pairs: number;
  comparisons: Record<Channel, number>;
}

/** Lexemes used by more claims than this say what the whole corpus is about, not a subject. */
const TERM_DF_CAP = 40;
const TOPIC_POOL = 200;
const KEY_DF_CAP = 500;
const TRIGRAM_POOL = 60;
/** Below 0.4, rechecking the many long sentences let through dominates, for no real conflicts. */
const TRIGRAM_THRESHOLD = 0.4;
const CANDIDATE_WORK_MEM = "256MB";

type Tx = Prisma.TransactionClient;

export async function generateCandidates(prisma: PrismaClient, options: CandidateOptions = {}): Promise<CandidateResult> {
  return prisma.$transaction((tx) => generateCandidatesIn(tx, options), { timeout: 300_000, maxWait: 30_000 });
}

/** For tests, the evaluation script and small corpora; detection reads pairs in batches. */
export async function generateCandidatesIn(tx: Tx, options: CandidateOptions = {}): Promise<CandidateResult> {
  const summary = await collectCandidatesIn(tx, options);
  const pairs: CandidatePair[] = [];
  for await (const batch of candidatePairBatches(tx)) pairs.push(...batch);
  return { pairs, comparisons: summary.comparisons, claims: summary.claims };
}

/** Leaves the pairs in candidate_pairs, dropped at commit: call it inside a transaction. */
/** `steps` receives the seconds each step took, in the order they ran (for the benchmark). */
export async function collectCandidatesIn(tx: Tx, options: CandidateOptions = {}, steps: Record<string, number> = {}): Promise<CandidateSummary> {
  const threshold = options.similarityThreshold ?? TRIGRAM_THRESHOLD;
  const perClaim = options.perClaim ?? 8;
  const window = options.adjacentWindow ?? 3;
  const sourceId = options.sourceId;
  const comparisons: Record<Channel, number> = { trigram: 0, terms: 0, adjacent: 0, topic: 0, acts: 0, figures: 0, polarity: 0 };
  let stepStarted = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = (steps[name] ?? 0) + (now - stepStarted) / 1000;
    stepStarted = now;
  };
  const probing = (alias: string) => (sourceId === undefined ? Prisma.sql`true` : Prisma.sql`${Prisma.raw(alias)}.source_id = ${sourceId}`);

  // Grouping millions of rows (the terms channel, the pairs) in 4 MB of memory goes through temporary files.
  await tx.$executeRaw`SET LOCAL work_mem = '${Prisma.raw(CANDIDATE_WORK_MEM)}'`;
  await tx.$executeRaw`DROP TABLE IF EXISTS pg_temp.candidate_rows, pg_temp.candidate_pairs`;
  await tx.$executeRaw`
    CREATE TEMPORARY TABLE candidate_rows (a int NOT NULL, b int NOT NULL, channel text NOT NULL, similarity float8, weight float8, gap int, opposing boolean, lexeme text) ON COMMIT DROP`;

  const [{ count }] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM claims`;
  if (count >= 2) {
    await countLexemes(tx);
    step("word counts");
    comparisons.trigram = await tx.$executeRaw`
      INSERT INTO candidate_rows (a, b, channel, similarity)
       SELECT least(t.a, t.b), greatest(t.a, t.b), 'trigram', t.similarity FROM (${trigramChannelSql(perClaim, threshold, sourceId)}) t`;
    step("trigram");

    comparisons.terms =
      sourceId === undefined
        ? await tx.$executeRaw`
      INSERT INTO candidate_rows (a, b, channel, weight, lexeme)
      WITH lexemes AS (
        SELECT c.id, t.lexeme FROM claims c CROSS JOIN LATERAL unnest(c.search_vector) AS t
      ), frequency AS (
        SELECT lexeme, df FROM lexeme_frequency WHERE df BETWEEN 2 AND ${TERM_DF_CAP}
      ), rare AS (
        SELECT l.id, l.lexeme, ln(${count}::float8 / f.df) AS weight FROM lexemes l JOIN frequency f USING (lexeme)
      ), shared AS (
        SELECT x.id AS a, y.id AS b, sum(x.weight) AS weight, (array_agg(x.lexeme ORDER BY x.weight DESC, x.lexeme))[1] AS lexeme
        FROM rare x JOIN rare y ON x.lexeme = y.lexeme AND x.id < y.id
        GROUP BY x.id, y.id
      ), ranked AS (
        SELECT a, b, weight, lexeme,
          row_number() OVER (PARTITION BY a ORDER BY weight DESC, b) AS rank_a,
          row_number() OVER (PARTITION BY b ORDER BY weight DESC, a) AS rank_b
        FROM shared
      )
      SELECT a, b, 'terms', weight::float8, lexeme FROM ranked WHERE rank_a <= ${perClaim} OR rank_b <= ${perClaim}`
        : await tx.$executeRaw`
      INSERT INTO candidate_rows (a, b, channel, weight)
      WITH rare AS (
        SELECT c.id, t.lexeme, ln(${count}::float8 / f.df) AS weight
        FROM claims c CROSS JOIN LATERAL unnest(c.search_vector) AS t JOIN lexeme_frequency f USING (lexeme)
        WHERE c.source_id = ${sourceId} AND f.df BETWEEN 2 AND ${TERM_DF_CAP} AND strpos(t.lexeme, chr(92)) = 0
      ), shared AS (
        -- The other claims with each rare lexeme, through the full-text index (at most TERM_DF_CAP each).
        SELECT x.id AS a, y.id AS b, sum(x.weight) AS weight
        FROM rare x CROSS JOIN LATERAL (
          SELECT y.id FROM claims y WHERE y.search_vector @@ quote_literal(x.lexeme)::tsquery AND y.id <> x.id
        ) y
        GROUP BY x.id, y.id
      ), ranked AS (
        SELECT a, b, weight, row_number() OVER (PARTITION BY a ORDER BY weight DESC, b) AS rank_a FROM shared
      )
      SELECT least(a, b), greatest(a, b), 'terms', weight::float8 FROM ranked WHERE rank_a <= ${perClaim}`;
    step("terms");

    comparisons.adjacent = await tx.$executeRaw`
      INSERT INTO candidate_rows (a, b, channel, gap)
      WITH ordered AS (
        SELECT id, source_id, row_number() OVER (PARTITION BY source_id ORDER BY start_offset, id) AS position FROM claims c WHERE ${probing("c")}
      )
      SELECT least(x.id, y.id), greatest(x.id, y.id), 'adjacent', (y.position - x.position - 1)::int
      FROM ordered x JOIN ordered y ON y.source_id = x.source_id AND y.position > x.position AND y.position <= x.position + ${window}`;
    step("adjacent");

    comparisons.topic = await tx.$executeRaw`
      INSERT INTO candidate_rows (a, b, channel, opposing)
      SELECT least(a.id, near.id), greatest(a.id, near.id), 'topic', true
      FROM claims a
      CROSS JOIN LATERAL (${Prisma.raw(RAREST_LEXEMES)}) rarest
      CROSS JOIN LATERAL (
        SELECT pool.id FROM (
          SELECT b.id, b.quote FROM claims b
          -- Each pair once: from its lower id in a full run, from the source's side in a scoped one.
          WHERE b.search_vector @@ rarest.keys AND b.topic_id = a.topic_id AND ${sourceId === undefined ? Prisma.sql`b.id > a.id` : Prisma.sql`b.id <> a.id`}
            AND b.stance = (CASE a.stance WHEN 'supports' THEN 'opposes' ELSE 'supports' END)::stance
          ORDER BY b.updated_at DESC
          LIMIT ${TOPIC_POOL}
        ) pool
        ORDER BY similarity(a.quote, pool.quote) DESC
        LIMIT ${perClaim}
      ) near
      WHERE a.topic_id IS NOT NULL AND a.stance IN ('supports', 'opposes') AND rarest.keys IS NOT NULL AND ${probing("a")}`;
    step("topic");
  }

  if (count >= 2) {
    await indexFacetKeys(tx);
    step("facet keys");
    for (const [from, to, channel, partners] of FACET_CHANNELS) {
      comparisons[channel] += await facetChannel(tx, { from, to, channel, partners, sourceId });
      if (sourceId !== undefined && from !== to) comparisons[channel] += await facetChannel(tx, { from: to, to: from, channel, partners, sourceId });
      step(channel);
    }
  }

  // Judging keeps a bounded cache of claims: pairs near each other by id come first, in id order, and the pairs
  // only the terms channel found (random ids) after them, grouped by the rare word they share, so each group's
  // few claims are read once for all their pairs instead of once a pair.
  const pairs = await tx.$executeRaw`
    CREATE TEMPORARY TABLE candidate_pairs ON COMMIT DROP AS
     SELECT a, b, max(similarity) AS similarity, max(weight) AS weight, min(gap) AS gap, bool_or(opposing) AS opposing,
       array_agg(DISTINCT channel) AS channels,
       CASE WHEN bool_and(channel = 'terms') THEN coalesce(min(lexeme), '') ELSE '' END AS cluster
     FROM candidate_rows GROUP BY a, b`;
  await tx.$executeRaw`CREATE INDEX ON candidate_pairs (cluster, a, b)`;
  await tx.$executeRaw`DROP TABLE candidate_rows`;
  await tx.$executeRaw`DROP TABLE IF EXISTS pg_temp.claim_keys`;
  step("pairs");
  return { claims: count, pairs, comparisons };
}

interface CandidatePairRow {
  a: number;
  b: number;
  similarity: number | null;
  weight: number | null;
  gap: number | null;
  opposing: boolean | null;
  channels: string[];
  cluster: string;
}

export const CANDIDATE_BATCH = 10_000;

export async function* candidatePairBatches(tx: Tx, size: number = CANDIDATE_BATCH): AsyncGenerator<CandidatePair[]> {
  let afterCluster = "";
  let afterA = 0;
  let afterB = 0;
  for (;;) {
    const rows = await tx.$queryRaw<CandidatePairRow[]>`
      SELECT a, b, similarity, weight, gap, opposing, channels, cluster FROM candidate_pairs
      WHERE (cluster, a, b) > (${afterCluster}, ${afterA}::int, ${afterB}::int) ORDER BY cluster, a, b LIMIT ${size}`;
    if (!rows.length) return;
    yield rows.map((row) => {
      const pair: CandidatePair = { claimAId: row.a, claimBId: row.b, channels: row.channels as Channel[] };
      if (row.similarity !== null) pair.similarity = row.similarity;
      if (row.weight !== null) pair.termWeight = row.weight;
      if (row.gap !== null) pair.gap = row.gap;
      if (row.opposing) pair.opposingStances = true;
      return pair;
    });
    const last = rows[rows.length - 1]!;
    afterCluster = last.cluster;
    afterA = last.a;
    afterB = last.b;
  }
}

// A key every claim holds ("e:mqm") has a GIN posting list of thousands handed over whole before any
// LIMIT, so keys go to a btree on (key, id), where nearest ids are two short range scans.
const FACET_PARTNERS = 6;

/** [probed from, looked up, channel, partners per side] */
const FACET_CHANNELS: [string, string, Channel, number][] = [
  ["den:", "acc:", "acts", FACET_PARTNERS],
  ["den:", "adm:", "acts", FACET_PARTNERS],
  // No "den:" → "e:" (every claim naming the party): the rules that weigh a denial against another claim need that
  // claim to accuse or admit (the two lines above); a denial's wording against a claim's is for the word channels.
  // At a million claims it was the widest channel and its pairs turned into no verdict the others missed.
  ["q:", "q:", "figures", FACET_PARTNERS],
  // From the negated side: most claims assert their predicate, few negate it.
  ["p-:", "p+:", "polarity", FACET_PARTNERS],
];

/** Only the keys a channel probes from or looks up: most keys are entities ("e:"), which none pairs by. */
const FACET_CHANNEL_PREFIXES = [...new Set(FACET_CHANNELS.flatMap(([from, to]) => [from, to]))];

async function indexFacetKeys(tx: Tx): Promise<void> {
  await tx.$executeRaw`DROP TABLE IF EXISTS pg_temp.claim_keys`;
  await tx.$executeRaw`
    CREATE TEMPORARY TABLE claim_keys ON COMMIT DROP AS
     SELECT k.key, c.id, c.source_id FROM claims c CROSS JOIN LATERAL unnest(c.facet_keys) AS k(key)
     WHERE split_part(k.key, ':', 1) || ':' = ANY(${FACET_CHANNEL_PREFIXES}::text[])`;
  await tx.$executeRaw`CREATE INDEX ON claim_keys (key, id)`;
  await tx.$executeRaw`ANALYZE claim_keys`;
}

/** "den:mqm" → "acc:mqm": the nearest partners by id on each side. */
async function facetChannel(tx: Tx, options: { from: string; to: string; channel: Channel; partners: number; sourceId?: number }): Promise<number> {
  const { from, to, channel, partners, sourceId } = options;
  const symmetric = from === to && sourceId === undefined;
  return tx.$executeRaw`
    INSERT INTO candidate_rows (a, b, channel)
    SELECT least(a.id, near.id), greatest(a.id, near.id), ${channel}
    FROM claim_keys a
    CROSS JOIN LATERAL (
      (SELECT b.id FROM claim_keys b WHERE b.key = ${to} || substr(a.key, ${from.length + 1}::int) AND b.id > a.id ORDER BY b.id LIMIT ${partners})
      UNION ALL
      (SELECT b.id FROM claim_keys b WHERE b.key = ${to} || substr(a.key, ${from.length + 1}::int) AND b.id < a.id AND NOT ${symmetric}::boolean
       ORDER BY b.id DESC LIMIT ${partners})
    ) near
    WHERE starts_with(a.key, ${from}) AND length(a.key) > ${from.length}::int
      AND (${sourceId ?? null}::int IS NULL OR a.source_id = ${sourceId ?? null}::int)`;
}

const NEGATION_WORDS = [...[...NEGATORS].filter((word) => /^[a-z]+$/.test(word)), "denied", "denies", "deny", "rejected", "false", "untrue", "wrong"];

const negating = (quote: string) => `${quote} ~* '\\m(${NEGATION_WORDS.join("|")})\\M|n[''’]t\\M'`;
const NEGATING_CLAIM = negating("a.quote");

// A negated twin repeats the rare words, so searching for them finds it among a handful of claims: the two rarest
// (`both`), or two of the three rarest (`twins`) when it changed one. Any one of them (`keys`) matched hundreds of
// claims a probe then scored one by one with similarity(), most of the channel's time, for no twin more.
// Common words are no key (quadratic again); quote_literal would E-escape a backslash, which tsquery does not read.
const RAREST_LEXEMES = `
  SELECT array_to_string(k.rarest[1:2], ' | ')::tsquery AS keys, array_to_string(k.rarest[1:2], ' & ')::tsquery AS both,
    (CASE WHEN cardinality(k.rarest) = 3
      THEN format('(%1$s & %2$s) | (%1$s & %3$s) | (%2$s & %3$s)', k.rarest[1], k.rarest[2], k.rarest[3])
      ELSE array_to_string(k.rarest, ' & ') END)::tsquery AS twins
  FROM (
    SELECT array_agg(quote_literal(r.lexeme) ORDER BY r.df, r.lexeme) AS rarest FROM (
      SELECT t.lexeme, f.df FROM unnest(a.search_vector) AS t JOIN lexeme_frequency f USING (lexeme)
      WHERE f.df BETWEEN 2 AND ${KEY_DF_CAP} AND strpos(t.lexeme, E'\\\\') = 0
        -- The negation is what a twin does not share: never a key.
        AND t.lexeme <> ALL (tsvector_to_array(to_tsvector('english', '${NEGATION_WORDS.join(" ")}')))
      ORDER BY f.df, t.lexeme LIMIT 3
    ) r
  ) k`;

// Probes through the claims sharing a rare lexeme: the GIN trigram index would read the posting
// lists of common trigrams ("the") for every probe, quadratic in all.
function trigramChannelSql(perClaim: number, threshold: number, sourceId?: number): Prisma.Sql {
  const scoped = sourceId !== undefined;
  return Prisma.sql`
    SELECT a.id AS a, near.id AS b, near.similarity::float8 AS similarity
    FROM claims a
    CROSS JOIN LATERAL (${Prisma.raw(RAREST_LEXEMES)}) rarest
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
        (SELECT b.id, b.quote FROM claims b WHERE b.search_vector @@ rarest.twins AND b.id <> a.id LIMIT ${TRIGRAM_POOL})
      ) pool
      ${scoped ? Prisma.raw(`WHERE ${NEGATING_CLAIM} OR ${negating("pool.quote")}`) : Prisma.empty}
      OFFSET 0
      ) scored
      WHERE scored.similarity >= ${threshold}::float8
      ORDER BY scored.similarity DESC
      LIMIT ${perClaim}
    ) near
    WHERE ${scoped ? Prisma.sql`a.source_id = ${sourceId}` : Prisma.raw(NEGATING_CLAIM)} AND rarest.keys IS NOT NULL`;
}

/** Rows a bulk load left in the GIN pending list are merged first, or every probe scans them all. */
async function countLexemes(tx: Tx): Promise<void> {
  // As the index's owner (a migration's SECURITY DEFINER function): the app's role owns no index.
  await tx.$queryRaw`SELECT claimbase_clean_search_pending() AS merged`;
  await tx.$executeRaw`DROP TABLE IF EXISTS pg_temp.lexeme_frequency`;
  await tx.$executeRaw`
    CREATE TEMPORARY TABLE lexeme_frequency ON COMMIT DROP AS
     SELECT t.lexeme, count(*)::int AS df FROM claims c CROSS JOIN LATERAL unnest(c.search_vector) AS t GROUP BY t.lexeme`;
  await tx.$executeRaw`ALTER TABLE lexeme_frequency ADD PRIMARY KEY (lexeme)`;
  await tx.$executeRaw`ANALYZE lexeme_frequency`;
}

/** For proving the trigram channel probes through the full-text index. */
export async function explainTrigramChannel(prisma: PrismaClient, options: { threshold?: number; perClaim?: number; analyze?: boolean } = {}): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await countLexemes(tx);
    const explain = options.analyze ? Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF)` : Prisma.sql`EXPLAIN`;
    const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`${explain} ${trigramChannelSql(options.perClaim ?? 8, options.threshold ?? TRIGRAM_THRESHOLD)}`;
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}
