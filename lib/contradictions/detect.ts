// Contradiction detection: the database proposes candidate pairs (candidates.ts), the cue
// rules judge each (cues.ts), and the verdicts are stored in one transaction.
//
// Re-running is safe: a pair is stored once (lower claim id first, unique), a dismissed or
// confirmed pair is never touched, and a candidate is only rewritten when its verdict
// changed. Candidates the rules no longer propose are removed unless an editor worked on
// them. One audit event records each run that changed anything.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ContradictionKind } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { generateCandidatesIn, type CandidateOptions, type Channel } from "@/lib/contradictions/candidates";
import { strongestCue, type CueClaim, type CueMatch } from "@/lib/contradictions/cues";
import { Vocabulary } from "@/lib/contradictions/text";

/** Verdicts below this score are not worth an editor's time. */
export const MIN_SCORE = 0.45;

/** `detectedBy` of pairs an editor linked by hand; detection never rewrites or removes them. */
export const EDITOR_RULE = "editor";

export interface DetectionOptions extends CandidateOptions {
  /** The editor who asked for the run; null for the seed and import. */
  userId?: number | null;
  minScore?: number;
}

export interface DetectionReport {
  claims: number;
  /** Candidate pairs the database proposed (after merging channels). */
  candidates: number;
  comparisons: Record<Channel, number>;
  /** Pairs a cue fired for above the minimum score. */
  proposed: number;
  created: number;
  updated: number;
  removed: number;
  /** Confirmed or dismissed pairs the rules proposed again and left alone. */
  keptReviewed: number;
  seconds: number;
}

export interface Verdict extends CueMatch {
  claimAId: number;
  claimBId: number;
}

type Tx = Prisma.TransactionClient;

/** One denial answers a few statements, not every claim that shares a word with it. */
export const MAX_PER_ANCHOR = 3;

/** Verdicts sorted best first; keeps the best few per claim whose wording fired the rule. */
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

/** Runs the cue rules over the database's candidate pairs; writes nothing. */
export async function judgeCandidates(tx: Tx, options: DetectionOptions = {}) {
  const candidates = await generateCandidatesIn(tx, options);
  const claims = await tx.claim.findMany({
    select: {
      id: true, quote: true, cue: true, prefix: true, speakerId: true, sourceId: true, startOffset: true, topicId: true, stance: true,
      speaker: { select: { name: true } },
      source: { select: { title: true } },
      topic: { select: { title: true } },
    },
  });
  const byId = new Map<number, CueClaim>();
  for (const claim of claims) {
    byId.set(claim.id, {
      id: claim.id, quote: claim.quote, cue: claim.cue, prefix: claim.prefix, speakerId: claim.speakerId,
      speakerName: claim.speaker?.name ?? null, sourceId: claim.sourceId, sourceTitle: claim.source.title,
      startOffset: claim.startOffset, topicId: claim.topicId, topicTitle: claim.topic?.title ?? null, stance: claim.stance,
    });
  }
  const vocabulary = Vocabulary.from(claims.map((claim) => claim.quote));
  const minScore = options.minScore ?? MIN_SCORE;
  const verdicts: Verdict[] = [];
  for (const pair of candidates.pairs) {
    const a = byId.get(pair.claimAId);
    const b = byId.get(pair.claimBId);
    if (!a || !b) continue;
    const match = strongestCue(a, b, { gap: pair.gap, similarity: pair.similarity }, vocabulary);
    if (match && match.score >= minScore) verdicts.push({ claimAId: a.id, claimBId: b.id, ...match });
  }
  verdicts.sort((x, y) => y.score - x.score || x.claimAId - y.claimAId || x.claimBId - y.claimBId);
  return { verdicts: keepBestPerAnchor(verdicts), candidates, claims: byId };
}

/** Detection in one transaction of its own. */
export async function detectContradictions(prisma: PrismaClient, options: DetectionOptions = {}): Promise<DetectionReport> {
  return prisma.$transaction((tx) => detectContradictionsIn(tx, options), { timeout: 300_000, maxWait: 30_000 });
}

/** Detection inside the caller's transaction, so an import's candidates commit or roll back with it. */
export async function detectContradictionsIn(tx: Tx, options: DetectionOptions = {}): Promise<DetectionReport> {
  const started = performance.now();
  const { verdicts, candidates } = await judgeCandidates(tx, options);
  const report: DetectionReport = {
    claims: candidates.claims, candidates: candidates.pairs.length, comparisons: candidates.comparisons,
    proposed: verdicts.length, created: 0, updated: 0, removed: 0, keptReviewed: 0, seconds: 0,
  };

  const existing = await tx.contradiction.findMany({
    select: {
      id: true, claimAId: true, claimBId: true, status: true, kind: true, score: true, detectedBy: true,
      explanation: true, version: true, rationale: true, preferredClaimId: true,
    },
  });
  const existingByPair = new Map(existing.map((row) => [`${row.claimAId}:${row.claimBId}`, row]));
  const proposedKeys = new Set<string>();
  const toCreate: Prisma.ContradictionCreateManyInput[] = [];
  const updatedIds: number[] = [];

  for (const verdict of verdicts) {
    const key = `${verdict.claimAId}:${verdict.claimBId}`;
    proposedKeys.add(key);
    const row = existingByPair.get(key);
    if (!row) {
      toCreate.push({
        claimAId: verdict.claimAId, claimBId: verdict.claimBId, kind: verdict.kind as ContradictionKind,
        score: verdict.score, detectedBy: verdict.rule, explanation: verdict.explanation,
      });
      continue;
    }
    if (row.status !== "candidate") {
      report.keptReviewed += 1;
      continue;
    }
    if (row.detectedBy === EDITOR_RULE) continue;
    const unchanged = row.kind === verdict.kind && Math.abs(row.score - verdict.score) < 1e-6 &&
      row.detectedBy === verdict.rule && row.explanation === verdict.explanation;
    if (unchanged) continue;
    // Conditional on version and status: an editor who reviewed it meanwhile wins.
    const { count } = await tx.contradiction.updateMany({
      where: { id: row.id, version: row.version, status: "candidate" },
      data: {
        kind: verdict.kind as ContradictionKind, score: verdict.score, detectedBy: verdict.rule,
        explanation: verdict.explanation, version: { increment: 1 },
      },
    });
    if (count > 0) updatedIds.push(row.id);
  }

  if (toCreate.length) {
    const created = await tx.contradiction.createMany({ data: toCreate, skipDuplicates: true });
    report.created = created.count;
  }
  report.updated = updatedIds.length;

  const stale = existing.filter(
    (row) => row.status === "candidate" && row.detectedBy !== EDITOR_RULE && row.rationale === null &&
      row.preferredClaimId === null && !proposedKeys.has(`${row.claimAId}:${row.claimBId}`),
  );
  if (stale.length) {
    const removed = await tx.contradiction.deleteMany({
      where: { id: { in: stale.map((row) => row.id) }, status: "candidate", rationale: null, preferredClaimId: null },
    });
    report.removed = removed.count;
  }

  if (report.created || report.updated || report.removed) {
    const createdKeys = new Set(toCreate.map((row) => `${row.claimAId}:${row.claimBId}`));
    const existingIds = new Set(existing.map((row) => row.id));
    const createdIds = report.created
      ? (await tx.contradiction.findMany({ select: { id: true, claimAId: true, claimBId: true }, orderBy: { id: "asc" } }))
          .filter((row) => !existingIds.has(row.id) && createdKeys.has(`${row.claimAId}:${row.claimBId}`))
          .map((row) => row.id)
      : [];
    await recordAudit(tx, {
      userId: options.userId ?? null,
      entityType: "contradiction",
      entityId: null,
      action: "detect",
      after: {
        created: report.created, updated: report.updated, removed: report.removed,
        createdIds, updatedIds, removedIds: stale.map((row) => row.id),
      },
    });
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function formatDetectionReport(report: DetectionReport): string {
  const examined = Object.values(report.comparisons).reduce((sum, value) => sum + value, 0);
  return (
    `Contradictions: ${report.claims} claims, ${report.candidates} candidate pairs examined ` +
    `(${examined} channel rows), ${report.proposed} proposed; ${report.created} new, ${report.updated} updated, ` +
    `${report.removed} withdrawn, ${report.keptReviewed} already reviewed left alone; ${report.seconds.toFixed(1)} s`
  );
}
