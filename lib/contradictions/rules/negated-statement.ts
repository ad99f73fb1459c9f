import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import {
  clamp,
  entityKeys,
  facetsOf,
  features,
  memo,
  nearShared,
  negatedShared,
  negatorOverShared,
  speakerKeys,
  topics,
  type CueClaim,
} from "@/lib/contradictions/features";
import { contentTerms } from "@/lib/text/terms";
import { ANTONYMS } from "@/lib/contradictions/lexicon";

const antonymMemo = new WeakMap<CueClaim, [RegExpExecArray | null, RegExpExecArray | null][]>();
function antonymMatches(claim: CueClaim): [RegExpExecArray | null, RegExpExecArray | null][] {
  let found = antonymMemo.get(claim);
  if (!found) antonymMemo.set(claim, (found = ANTONYMS.map(([left, right]) => [left.exec(claim.quote), right.exec(claim.quote)])));
  return found;
}

/** "acquitted Lee of homicide" / "Park Gi-ho was convicted of homicide": each names a party the other does not, and none in common. */
function aboutDifferentParties(a: CueClaim, b: CueClaim): boolean {
  const [na, nb] = [partiesNamed(a), partiesNamed(b)];
  if (!na.size || !nb.size) return false;
  const [ka, kb] = [entityKeys(a), entityKeys(b)];
  return ![...ka].some((key) => kb.has(key));
}

/** The parties a claim names besides its speaker, by their first key. */
function partiesNamed(claim: CueClaim): Set<string> {
  return partiesNamedMemo(claim, () => {
    const own = speakerKeys(claim);
    return new Set(facetsOf(claim).entities.flatMap((entity) => (entity.keys.some((key) => own.has(key)) ? [] : [entity.keys[0]!])));
  });
}
const partiesNamedMemo = memo<Set<string>>();

/** Nearly the same statement, once affirmed and once negated. */
export const negatedStatement: ContradictionRule = {
  name: "negated-statement",
  label: "the same statement negated",
  kind: "negation",
  judge: (a, b, { signals, shared }) => {
    const fa = features(a);
    const fb = features(b);
    const similar = Math.max(shared.score, signals.similarity ?? 0);
    if (shared.shared.length < 2 || shared.distinctive.length < 1) return null;
    if (aboutDifferentParties(a, b)) return null;
    let cue: string | null = null;
    const [antonymsA, antonymsB] = [antonymMatches(a), antonymMatches(b)];
    const sharedWords = new Set(shared.shared);
    for (const [index] of ANTONYMS.entries()) {
      const [leftA, rightA] = antonymsA[index]!;
      const [leftB, rightB] = antonymsB[index]!;
      if (leftA && rightB && !leftB && !rightA && nearShared(a.quote, leftA.index, sharedWords) && nearShared(b.quote, rightB.index, sharedWords)) {
        cue = `${leftA[0]}” vs “${rightB[0]}`;
        break;
      }
      if (leftB && rightA && !leftA && !rightB && nearShared(b.quote, leftB.index, sharedWords) && nearShared(a.quote, rightA.index, sharedWords)) {
        cue = `${leftB[0]}” vs “${rightA[0]}`;
        break;
      }
    }
    // An antonym is a specific cue and needs less shared wording than a bare "not".
    if (cue && similar < 0.1) return null;
    let negation = false;
    if (!cue && fa.negated !== fb.negated && similar >= 0.35) {
      const [negating, other] = fa.negated ? [a, b] : [b, a];
      // A verb of saying ("the report concluded that …") is not the statement: "the trial had not concluded" does not negate it.
      const saying = new Set([...contentTerms(a.cue ?? ""), ...contentTerms(b.cue ?? "")]);
      const sharedTerms = new Set(shared.shared.filter((term) => !saying.has(term)));
      // Both negate it ("was never published" / "had never published"): they agree.
      const theirs = negatedShared(other.quote, sharedTerms);
      const onlyHere = new Set([...negatedShared(negating.quote, sharedTerms)].filter((term) => !theirs.has(term)));
      cue = onlyHere.size ? negatorOverShared(negating.quote, onlyHere) : null;
      negation = cue !== null;
    }
    if (!cue) return null;
    // Negating a long shared sentence is stronger evidence than sharing two words.
    const score = negation
      ? clamp(0.4 + 0.5 * Math.min(1, (similar - 0.3) / 0.4) + (shared.distinctive.length >= 2 ? 0.05 : 0))
      : clamp(0.45 + 0.5 * Math.min(1, similar / 0.6) + (shared.distinctive.length >= 2 ? 0.05 : 0));
    return {
      kind: "negation",
      rule: "negated-statement",
      score,
      explanation: `Both speak of ${topics(shared, a, b)}, but one says the opposite (“${cue}”).`,
    };
  },
};
