// The database proposes candidate pairs, the rules judge them batch by batch, and the verdicts are
// stored in one short transaction. Re-running is safe: reviewed pairs are never touched.
import type { GroupingReport } from "@/lib/propositions/group";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import {
  candidatePairBatches,
  collectCandidatesIn,
  type CandidateOptions,
  type CandidatePair,
  type CandidateSummary,
  type Channel,
} from "@/lib/contradictions/candidates";
import { judgePairs, type CueClaim, type JudgedPair, type Verdict } from "@/lib/contradictions/judge";
import { HeldClaims, JudgePool, judgeThreads } from "@/lib/contradictions/judge-pool";
import { refreshStaleFacets } from "@/lib/claims/facets";
import type { ClaimFacets } from "@/lib/facets";
import { contentTerms, Vocabulary } from "@/lib/text/terms";
import { notifyCandidateApprovers } from "@/lib/notifications/triggers";

/** Verdicts below this score are not worth an editor's time. */
export const MIN_SCORE = 0.45;

/** `detectedBy` of pairs an editor linked by hand; detection never rewrites or removes them. */
export const EDITOR_RULE = "editor";

export interface DetectionOptions extends CandidateOptions {
  userId?: number | null;
  minScore?: number;
  batchSize?: number;
  /** Judging threads; by default one per core (up to 4) past PARALLEL_MIN_PAIRS pairs, else judged in place. */
  threads?: number;
}

export interface DetectionReport {
  claims: number;
  candidates: number;
  comparisons: Record<Channel, number>;
  /** Seconds per step of candidate generation. */
  candidateSteps: Record<string, number>;
  proposed: number;
  created: number;
  updated: number;
  removed: number;
  keptReviewed: number;
  seconds: number;
  phases: { facets: number; candidates: number; judging: number; storing: number };
  /** Worker threads that judged the pairs (0: judged in place). */
  threads: number;
  /** The grouping of claims into propositions that ran after (lib/propositions/group.ts). */
  propositions?: GroupingReport;
}

export type { Verdict } from "@/lib/contradictions/judge";

type Tx = Prisma.TransactionClient;

/** One denial answers a few statements, not every claim that shares a word with it. */
export const MAX_PER_ANCHOR = 3;

/** Expects verdicts sorted best first. */
function keepBestPerAnchor(verdicts: Verdict[]): Verdict[] {
  const seen = new Map<string, number>();
  return verdicts.filter((verdict) => {
    if (verdict.anchorClaimId === undefined) return true;
    const key = `${verdict.rule}:${verdict.anchorClaimId}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count <= MAX_PER_ANCHOR;
  });
}

export interface Judgement {
  verdicts: Verdict[];
  candidates: CandidateSummary;
  seconds: { candidates: number; judging: number };
  /** Seconds per step of candidate generation. */
  candidateSteps?: Record<string, number>;
  /** Worker threads that judged (0: in place). */
  threads: number;
  /** A scoped run (an import's) may withdraw only pairs touching this source. */
  sourceId?: number;
}

const CLAIM_CACHE = 60_000;

const VOCABULARY_BATCH = 20_000;

export async function vocabularyOf(tx: Tx): Promise<Vocabulary> {
  const vocabulary = new Vocabulary();
  let after = 0;
  for (;;) {
    const rows = await tx.$queryRaw<{ id: number; quote: string }[]>`
      SELECT id, quote FROM claims WHERE id > ${after}::int ORDER BY id LIMIT ${VOCABULARY_BATCH}`;
    if (!rows.length) return vocabulary;
    for (const row of rows) vocabulary.add(contentTerms(row.quote));
    after = rows[rows.length - 1]!.id;
  }
}

interface CueClaimRow {
  id: number;
  quote: string;
  cue: string | null;
  prefix: string;
  speakerId: number | null;
  speakerName: string | null;
  sourceId: number;
  sourceTitle: string;
  startOffset: number;
  topicId: number | null;
  topicTitle: string | null;
  stance: CueClaim["stance"];
  facets: ClaimFacets | null;
}

export async function cueClaims(tx: Tx, ids: number[]): Promise<Map<number, CueClaim>> {
  const rows = await tx.$queryRaw<CueClaimRow[]>`
    SELECT c.id, c.quote, c.cue, c.prefix, c.speaker_id AS "speakerId", a.name AS "speakerName", c.source_id AS "sourceId",
      s.title AS "sourceTitle", c.start_offset AS "startOffset", c.topic_id AS "topicId", t.title AS "topicTitle", c.stance::text AS stance,
      c.facets
    FROM claims c
    JOIN sources s ON s.id = c.source_id
    LEFT JOIN actors a ON a.id = c.speaker_id
    LEFT JOIN topics t ON t.id = c.topic_id
    WHERE c.id = ANY(${ids}::int[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

/** Memory stays bounded: pairs come back in batches with only the claims each batch names. */
export async function judgeCandidates(tx: Tx, options: DetectionOptions = {}): Promise<Judgement> {
  const started = performance.now();
  const candidateSteps: Record<string, number> = {};
  const candidates = await collectCandidatesIn(tx, options, candidateSteps);
  const collected = performance.now();
  const minScore = options.minScore ?? MIN_SCORE;
  const verdicts: Verdict[] = [];
  let threads = 0;
  if (candidates.pairs > 0) {
    const vocabulary = await vocabularyOf(tx);
    const pool = await JudgePool.start(judgeThreads(candidates.pairs, options.threads), vocabulary, minScore, CLAIM_CACHE / 2);
    if (pool) {
      threads = pool.size;
      try {
        const read = async (ids: number[]) => [...(await cueClaims(tx, ids)).values()];
        const collect = (found: Verdict[]) => void verdicts.push(...found);
        for await (const pairs of candidatePairBatches(tx, options.batchSize)) await pool.submit(pairs.map(judgedPair), read, collect);
        await pool.drain();
      } finally {
        await pool.close();
      }
    } else {
      const held = new HeldClaims(CLAIM_CACHE);
      const claims = new Map<number, CueClaim>();
      for await (const pairs of candidatePairBatches(tx, options.batchSize)) {
        const { missing, evict } = held.plan(pairs);
        for (const id of evict) claims.delete(id);
        for (const [id, claim] of await cueClaims(tx, missing)) claims.set(id, claim);
        verdicts.push(...judgePairs(pairs, claims, vocabulary, minScore));
      }
    }
  }
  verdicts.sort((x, y) => y.score - x.score || x.claimAId - y.claimAId || x.claimBId - y.claimBId);
  return {
    verdicts: keepBestPerAnchor(verdicts),
    candidates,
    seconds: { candidates: (collected - started) / 1000, judging: (performance.now() - collected) / 1000 },
    candidateSteps,
    threads,
    sourceId: options.sourceId,
  };
}

function judgedPair(pair: CandidatePair): JudgedPair {
  return { claimAId: pair.claimAId, claimBId: pair.claimBId, gap: pair.gap, similarity: pair.similarity };
}

// The read phase takes minutes at a million claims (README, npm run bench); it only reads, so its guard is generous.
const JUDGE_TIMEOUT_MS = 60 * 60_000;
const STORE_TIMEOUT_MS = 5 * 60_000;

/** Read in one snapshot, store in a second short transaction; an editor's review in between wins. */
export async function detectContradictions(prisma: PrismaClient, options: DetectionOptions = {}): Promise<DetectionReport> {
  const started = performance.now();
  await prisma.$transaction((tx) => refreshStaleFacets(tx, { sourceId: options.sourceId }), { timeout: JUDGE_TIMEOUT_MS, maxWait: 30_000 });
  const facetSeconds = (performance.now() - started) / 1000;
  const judgement = await prisma.$transaction((tx) => judgeCandidates(tx, options), {
    timeout: JUDGE_TIMEOUT_MS,
    maxWait: 30_000,
    isolationLevel: "RepeatableRead",
  });
  const report = await prisma.$transaction((tx) => storeVerdicts(tx, judgement, options), { timeout: STORE_TIMEOUT_MS, maxWait: 30_000 });
  report.phases.facets = facetSeconds;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Detection inside the caller's transaction, so an import's candidates commit or roll back with it. */
export async function detectContradictionsIn(tx: Tx, options: DetectionOptions = {}): Promise<DetectionReport> {
  const started = performance.now();
  await refreshStaleFacets(tx, { sourceId: options.sourceId });
  const facetSeconds = (performance.now() - started) / 1000;
  const report = await storeVerdicts(tx, await judgeCandidates(tx, options), options);
  report.phases.facets = facetSeconds;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Two runs never store at once: the second waits and then sees the first one's pairs. */
const DETECTION_LOCK = 0x636c6d62; // "clmb"

export async function storeVerdicts(tx: Tx, judgement: Judgement, options: DetectionOptions): Promise<DetectionReport> {
  const { candidates } = judgement;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DETECTION_LOCK}::int)`;
  // Claims deleted or withdrawn since the read phase drop out (a withdrawn claim's undecided pairs go as stale below);
  // FOR KEY SHARE keeps the rest until commit.
  const claimIds = [...new Set(judgement.verdicts.flatMap((verdict) => [verdict.claimAId, verdict.claimBId]))];
  const present = new Set(
    claimIds.length
      ? (
          await tx.$queryRaw<{ id: number }[]>`
            SELECT id FROM claims WHERE id = ANY(${claimIds}::int[]) AND withdrawn_at IS NULL ORDER BY id FOR KEY SHARE`
        ).map((row) => row.id)
      : [],
  );
  const verdicts = judgement.verdicts.filter((verdict) => present.has(verdict.claimAId) && present.has(verdict.claimBId));
  const report: DetectionReport = {
    claims: candidates.claims,
    candidates: candidates.pairs,
    comparisons: candidates.comparisons,
    candidateSteps: judgement.candidateSteps ?? {},
    proposed: verdicts.length,
    created: 0,
    updated: 0,
    removed: 0,
    keptReviewed: 0,
    seconds: 0,
    phases: { facets: 0, ...judgement.seconds, storing: 0 },
    threads: judgement.threads,
  };
  const storing = performance.now();

  const existing = await tx.contradiction.findMany({
    select: {
      id: true,
      claimAId: true,
      claimBId: true,
      status: true,
      kind: true,
      score: true,
      detectedBy: true,
      explanation: true,
      version: true,
      rationale: true,
      preferredClaimId: true,
    },
  });
  const existingByPair = new Map(existing.map((row) => [`${row.claimAId}:${row.claimBId}`, row]));
  const proposedKeys = new Set<string>();
  const toCreate: Verdict[] = [];
  const toUpdate: { id: number; version: number; verdict: Verdict }[] = [];

  for (const verdict of verdicts) {
    const key = `${verdict.claimAId}:${verdict.claimBId}`;
    proposedKeys.add(key);
    const row = existingByPair.get(key);
    if (!row) {
      toCreate.push(verdict);
      continue;
    }
    if (row.status !== "candidate") {
      report.keptReviewed += 1;
      continue;
    }
    if (row.detectedBy === EDITOR_RULE) continue;
    const unchanged =
      row.kind === verdict.kind && Math.abs(row.score - verdict.score) < 1e-6 && row.detectedBy === verdict.rule && row.explanation === verdict.explanation;
    if (unchanged) continue;
    toUpdate.push({ id: row.id, version: row.version, verdict });
  }
  const updatedIds = await updateCandidates(tx, toUpdate);

  const createdIds = await insertCandidates(tx, toCreate);
  report.created = createdIds.length;
  report.updated = updatedIds.length;
  // The editors whose approved claims the new pairs involve get one summary each; a run is the system's
  // doing (no actor), so the editor who started it is told too.
  await notifyCandidateApprovers(tx, createdIds);

  const scope =
    judgement.sourceId === undefined
      ? null
      : new Set((await tx.claim.findMany({ where: { sourceId: judgement.sourceId }, select: { id: true } })).map((claim) => claim.id));
  const stale = existing.filter(
    (row) =>
      row.status === "candidate" &&
      row.detectedBy !== EDITOR_RULE &&
      row.rationale === null &&
      row.preferredClaimId === null &&
      !proposedKeys.has(`${row.claimAId}:${row.claimBId}`) &&
      (scope === null || scope.has(row.claimAId) || scope.has(row.claimBId)),
  );
  let removedIds: number[] = [];
  if (stale.length) {
    // Conditional again: a candidate an editor started on meanwhile stays, and so does one under discussion (lib/comments).
    const removed = await tx.$queryRaw<{ id: number }[]>`
      DELETE FROM contradictions
      WHERE id = ANY(${stale.map((row) => row.id)}::int[]) AND status = 'candidate' AND rationale IS NULL AND preferred_claim_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM comment_threads th WHERE th.entity_type = 'contradiction' AND th.entity_id = contradictions.id)
      RETURNING id`;
    removedIds = removed.map((row) => row.id).sort((x, y) => x - y);
    report.removed = removedIds.length;
  }

  if (report.created || report.updated || report.removed) {
    await recordAudit(tx, {
      userId: options.userId ?? null,
      entityType: "contradiction",
      entityId: null,
      action: "detect",
      after: { created: report.created, updated: report.updated, removed: report.removed, createdIds, updatedIds, removedIds },
    });
  }
  report.phases.storing = (performance.now() - storing) / 1000;
  return report;
}

const UPDATE_BATCH = 5_000;

/** New pairs as parallel arrays through unnest: createMany would compile every row into its query plan. */
async function insertCandidates(tx: Tx, verdicts: Verdict[]): Promise<number[]> {
  const created: number[] = [];
  for (let start = 0; start < verdicts.length; start += UPDATE_BATCH) {
    const batch = verdicts.slice(start, start + UPDATE_BATCH);
    const done = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO contradictions (claim_a_id, claim_b_id, kind, score, detected_by, explanation, updated_at)
      SELECT v.a, v.b, v.kind::contradiction_kind, v.score, v.rule, v.explanation, now()
      FROM unnest(${batch.map((row) => row.claimAId)}::int[], ${batch.map((row) => row.claimBId)}::int[],
                  ${batch.map((row) => row.kind)}::text[], ${batch.map((row) => row.score)}::float8[],
                  ${batch.map((row) => row.rule)}::text[], ${batch.map((row) => row.explanation)}::text[])
           AS v(a, b, kind, score, rule, explanation)
      ON CONFLICT (claim_a_id, claim_b_id) DO NOTHING
      RETURNING id`;
    created.push(...done.map((row) => row.id));
  }
  return created.sort((x, y) => x - y);
}

/** One round trip per batch; a pair an editor reviewed meanwhile keeps the review. */
async function updateCandidates(tx: Tx, rows: { id: number; version: number; verdict: Verdict }[]): Promise<number[]> {
  const updated: number[] = [];
  for (let start = 0; start < rows.length; start += UPDATE_BATCH) {
    const batch = rows.slice(start, start + UPDATE_BATCH);
    const done = await tx.$queryRaw<{ id: number }[]>`
      UPDATE contradictions x
      SET kind = v.kind::contradiction_kind, score = v.score, detected_by = v.rule, explanation = v.explanation,
          version = x.version + 1, updated_at = now()
      FROM unnest(${batch.map((row) => row.id)}::int[], ${batch.map((row) => row.version)}::int[],
                  ${batch.map((row) => row.verdict.kind)}::text[], ${batch.map((row) => row.verdict.score)}::float8[],
                  ${batch.map((row) => row.verdict.rule)}::text[], ${batch.map((row) => row.verdict.explanation)}::text[])
           AS v(id, version, kind, score, rule, explanation)
      WHERE x.id = v.id AND x.version = v.version AND x.status = 'candidate'
      RETURNING x.id`;
    updated.push(...done.map((row) => row.id));
  }
  return updated.sort((x, y) => x - y);
}

export function formatDetectionReport(report: DetectionReport): string {
  const examined = Object.values(report.comparisons).reduce((sum, value) => sum + value, 0);
  return (
    `Contradictions: ${report.claims} claims, ${report.candidates} candidate pairs examined ` +
    `(${examined} channel rows), ${report.proposed} proposed; ${report.created} new, ${report.updated} updated, ` +
    `${report.removed} withdrawn, ${report.keptReviewed} already reviewed left alone; ${report.seconds.toFixed(1)} s ` +
    `(facets ${report.phases.facets.toFixed(1)} s, candidates ${report.phases.candidates.toFixed(1)} s, judging ${report.phases.judging.toFixed(1)} s${report.threads ? ` on ${report.threads} threads` : ""}, storing ${report.phases.storing.toFixed(1)} s)`
  );
}
