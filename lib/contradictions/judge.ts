// Every rule in rules/ judges a candidate pair; the strongest verdict wins.
import { Vocabulary } from "@/lib/text/terms";
import { actTargets, clamp, facetsOf, sameVoice, subjectOverlap, type CueClaim, type CueMatch, type PairSignals } from "@/lib/contradictions/features";
import { RULES } from "@/lib/contradictions/rules";

export type { CueClaim, CueKind, CueMatch, CueStance, PairSignals } from "@/lib/contradictions/features";

function bothDeny(a: CueClaim, b: CueClaim): boolean {
  const denialA = actTargets(a, "denies");
  const denialB = actTargets(b, "denies");
  if (!denialA || !denialB) return false;
  return sameVoice(a, b) || [...denialA.targets].some((key) => denialB.targets.has(key));
}

export const RULE_NAMES = RULES.map((rule) => rule.name);

export function detectCues(a: CueClaim, b: CueClaim, signals: PairSignals = {}, vocabulary: Vocabulary = new Vocabulary()): CueMatch[] {
  // The same sentence twice (a repeated paragraph) is a duplicate, not a conflict.
  if (a.quote.trim() === b.quote.trim()) return [];
  // A demand or an instruction ("Enforce the law in every factory") is true or false of nothing.
  if (facetsOf(a).modality === "directive" || facetsOf(b).modality === "directive") return [];
  const context = { signals, vocabulary, shared: subjectOverlap(a, b, vocabulary) };
  let matches = RULES.map((rule) => rule.judge(a, b, context)).filter((match): match is CueMatch => match !== null);
  // Two denials by one voice, or of one party, agree however worded; only their figures can clash.
  if (bothDeny(a, b)) matches = matches.filter((match) => match.kind === "numeric" || match.kind === "revision");
  return matches.sort((x, y) => y.score - x.score);
}

/** The verdict stored for a pair: the strongest cue, a little stronger when others agree. */
export function strongestCue(a: CueClaim, b: CueClaim, signals: PairSignals = {}, vocabulary?: Vocabulary): CueMatch | null {
  const matches = detectCues(a, b, signals, vocabulary);
  const [best, ...others] = matches;
  if (!best) return null;
  return { ...best, score: clamp(best.score + 0.04 * others.length) };
}

export interface Verdict extends CueMatch {
  claimAId: number;
  claimBId: number;
}

export interface JudgedPair {
  claimAId: number;
  claimBId: number;
  gap?: number;
  similarity?: number;
}

/** Each pair's strongest cue at or above minScore; pairs whose claims are not at hand are skipped. */
export function judgePairs(pairs: readonly JudgedPair[], claims: ReadonlyMap<number, CueClaim>, vocabulary: Vocabulary, minScore: number): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const pair of pairs) {
    const a = claims.get(pair.claimAId);
    const b = claims.get(pair.claimBId);
    if (!a || !b) continue;
    const match = strongestCue(a, b, { gap: pair.gap, similarity: pair.similarity }, vocabulary);
    if (match && match.score >= minScore) verdicts.push({ claimAId: a.id, claimBId: b.id, ...match });
  }
  return verdicts;
}
