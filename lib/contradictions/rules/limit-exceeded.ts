// "3,608 tons of cargo, more than three times the 987 tons it was allowed" / "denied the ship had been overloaded".
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, eventRelatedness, noisyOr, adjacency, sameVoice, says, statedQuantities, type CueClaim } from "@/lib/contradictions/features";
import type { QuantityFacet } from "@/lib/facets";

/** A level and the limit on the same measure in one claim, the level above it. */
export function levelOverLimit(claim: CueClaim): { level: QuantityFacet; limit: QuantityFacet } | null {
  const quantities = statedQuantities(claim);
  for (const limit of quantities) {
    if (!limit.measure.endsWith("-limit")) continue;
    const measure = limit.measure.slice(0, -"-limit".length);
    const level = quantities.find(
      (quantity) => quantity.measure === measure && quantity.dimension === limit.dimension && quantity.low > (limit.allowHigh ?? Infinity),
    );
    if (level) return { level, limit };
  }
  return null;
}

/**
 * Denying that a limit was passed: "denied the ship had been overloaded", "was within its limits", "never exceeded its
 * capacity". A denial's own words, not a figure.
 */
const WITHIN_LIMITS =
  /\b(?:(?:denied|denies|deny|denying|not|never|n't)\b(?:\s+[\p{L}'’]+){0,5}?\s+(?:over(?:loaded|loading|load|crowded|filled)|exceed(?:ed|ing|s)?\s+(?:its|the|their)\s+(?:limits?|capacity))|within\s+(?:its|the|their|legal|safe)\s+(?:\w+\s+)?(?:limits?|capacity))\b/iu;

export const limitExceeded: ContradictionRule = {
  name: "limit-exceeded",
  label: "a level over its limit against a denial that the limit was passed",
  kind: "negation",
  judge: (a, b, { signals, vocabulary }) => {
    if (sameVoice(a, b)) return null;
    for (const [stating, denying] of [
      [a, b],
      [b, a],
    ] as const) {
      const over = levelOverLimit(stating);
      const denial = over ? WITHIN_LIMITS.exec(denying.quote) : null;
      if (!over || !denial || levelOverLimit(denying)) continue;
      const related = noisyOr(eventRelatedness(stating, denying, signals, vocabulary), adjacency(signals));
      if (related < 0.4) continue;
      return {
        kind: "negation",
        rule: "limit-exceeded",
        score: clamp(0.5 + 0.35 * related),
        explanation: `${says(stating)} ${over.level.text} against a limit of ${over.limit.text}; ${says(denying)} “${denial[0]}” — over the limit or within it.`,
      };
    }
    return null;
  },
};
