// Rule "figures-conflict": two voices give figures for the same measure of the same event
// that cannot both hold, once units, rates, ranges, rounding, "about", "at least" and "up to"
// are taken into account (lib/facets quantities). The same voice with a new figure is a
// revision (figure-revision), not a conflict; hypotheticals and forecasts are no evidence.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, eventRelatedness, noisyOr, sameVoice, statedQuantities, who, type CueClaim } from "@/lib/contradictions/features";
import { quantitiesDisagree, type QuantityFacet } from "@/lib/facets";

const MEASURE_LABELS: Record<string, string> = {
  death: "the death tolls", injury: "the numbers injured", people: "the numbers of people", flow: "the flow rates",
  spill: "the amounts spilled", volume: "the volumes", percent: "the shares", duration: "the durations", money: "the sums",
};

export function measureLabel(quantity: QuantityFacet): string {
  if (quantity.dimension === "money") return quantity.measure === "money" ? "the sums" : `the ${quantity.measure} sums`;
  return MEASURE_LABELS[quantity.measure] ?? `the numbers of ${quantity.measure}s`;
}

/** The first pair of figures that disagree, if any. */
export function disagreeingFigures(a: CueClaim, b: CueClaim): [QuantityFacet, QuantityFacet] | null {
  for (const qa of statedQuantities(a)) for (const qb of statedQuantities(b)) if (quantitiesDisagree(qa, qb)) return [qa, qb];
  return null;
}


export const figuresConflict: ContradictionRule = {
  name: "figures-conflict",
  label: "figures for the same thing that cannot both hold",
  kind: "numeric",
  judge: (a, b, { signals, vocabulary }) => {
    if (sameVoice(a, b)) return null;
    const figures = disagreeingFigures(a, b);
    if (!figures) return null;
    const [qa0, qb0] = figures;
    // A span of time or a count of things is compared only for one happening told twice.
    const strict = qa0.dimension === "duration" || qa0.dimension === "count";
    const corrects0 = qa0.rejects !== undefined || qb0.rejects !== undefined;
    const related = noisyOr(eventRelatedness(a, b, signals, vocabulary), corrects0 ? 0.3 : 0);
    if (strict && related < 0.7) return null;
    if (related < 0.5) return null;
    const [qa, qb] = figures;
    const corrects = qa.rejects !== undefined || qb.rejects !== undefined;
    return {
      kind: "numeric",
      rule: "figures-conflict",
      score: clamp(0.5 + 0.4 * related + (corrects ? 0.08 : 0)),
      explanation: `${who(a)} says ${qa.text}; ${who(b)} says ${qb.text} — ${measureLabel(qa)} differ.`,
    };
  },
};
