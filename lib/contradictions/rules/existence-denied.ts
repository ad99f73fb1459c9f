// "there was no CCTV footage" / "footage from six CCTV cameras": speaking of something takes for granted that it exists.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, eventRelatedness, propositionsOf, sameVoice, who, type CueClaim } from "@/lib/contradictions/features";
import type { PropositionFacet } from "@/lib/facets";
import type { Vocabulary } from "@/lib/text/terms";

function absent(claim: CueClaim): PropositionFacet[] {
  return propositionsOf(claim).filter((p) => p.sense === "exist" && !p.positive);
}

function spokenOf(thing: PropositionFacet, other: CueClaim, vocabulary: Vocabulary): PropositionFacet | null {
  // A single noun must be rare enough to name one thing ("footage"), not the corpus's theme.
  if (thing.args.length < 2 && !thing.args.every((arg) => vocabulary.isDistinctive(arg))) return null;
  if (absent(other).some((p) => thing.args.every((arg) => p.args.includes(arg)))) return null;
  return propositionsOf(other).find((p) => p.sense !== "exist" && thing.args.every((arg) => p.args.includes(arg))) ?? null;
}

export const existenceDenied: ContradictionRule = {
  name: "existence-denied",
  label: "one says a thing was not there, the other speaks of it",
  kind: "negation",
  judge: (a, b, { signals, vocabulary }) => {
    if (sameVoice(a, b)) return null;
    for (const [denier, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const thing of absent(denier)) {
        const spoken = spokenOf(thing, other, vocabulary);
        if (!spoken) continue;
        const related = eventRelatedness(a, b, signals, vocabulary);
        if (related < 0.2 && thing.args.length < 2) continue;
        return {
          kind: "negation",
          rule: "existence-denied",
          score: clamp(0.5 + 0.1 * Math.min(2, thing.args.length) + 0.2 * related),
          explanation: `${who(denier)}: “${thing.words}”; ${who(other)}: “${spoken.words}” — one says it was not there, the other speaks of it.`,
          anchorClaimId: denier.id,
        };
      }
    }
    return null;
  },
};
