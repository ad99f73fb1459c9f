// "the government had overestimated the flow" against another voice's figure for the flow.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import {
  actTargets,
  clamp,
  eventRelatedness,
  facetsOf,
  noisyOr,
  precedes,
  sameVoice,
  statedQuantities,
  who,
  type CueClaim,
} from "@/lib/contradictions/features";
import { measureLabel } from "@/lib/contradictions/rules/figures-conflict";
import { comparableQuantities, quantitiesDisagree, type QuantityFacet } from "@/lib/facets";

const FIGURE_NOUNS = /\b(?:estimates?|calculations?|figures?|numbers?|tolls?|counts?|tally|rates?|projections?|measurements?)\b/i;
const MISJUDGED =
  /\b(?:over|under)(?:estimat|stat)\w*|\bexaggerat\w*|\binflated\b|\btoo\s+(?:high|low)\b|\blowball\w*|\bunrealistic(?:ally)?\b|\b(?:is|was|are|were)\s+(?:a\s+)?(?:joke|farce|fiction|myth|lie|fantasy)\b|\b(?:laughable|ridiculous|absurd|fictitious|bogus|made[- ]up)\b/i;
const MEASURE_WORDS: Record<string, RegExp> = {
  flow: /\bflow|\brate\b|\bleak/i,
  spill: /\bspill|\bleak|\breleased?\b/i,
  death: /\btoll\b|\bdead\b|\bdeaths?\b|\bkilled\b/i,
  injury: /\binjur/i,
  money: /\bsums?\b|\bamount|\bcost/i,
};

/** "did not believe it had underestimated" denies blame; it calls no figure wrong. */
const NEGATED_MISJUDGED = new RegExp(`\\b(?:not|never|n't|no)\\b(?:\\s+\\S+){0,4}?\\s+(?:${MISJUDGED.source})`, "i");
/** "such outside calculations": figures named just before. */
const FIGURES_NAMED_BEFORE = /\b(?:such|these|those|this|that)\s+(?:\w+\s+)?(?:estimates?|calculations?|figures?|numbers?|projections?|measurements?)\b/i;

const disputesMemo = new WeakMap<CueClaim, boolean>();
function disputes(claim: CueClaim): boolean {
  let known = disputesMemo.get(claim);
  if (known === undefined) {
    known =
      !NEGATED_MISJUDGED.test(claim.quote) &&
      !OWN_FIGURE_MISJUDGED.test(claim.quote) &&
      ((!!actTargets(claim, "denies") && FIGURE_NOUNS.test(claim.quote)) || MISJUDGED.test(claim.quote));
    disputesMemo.set(claim, known);
  }
  return known;
}

/** "the 3,787 figure is a joke": the disputing claim writes the very figure the other states. */
function writesFigure(claim: CueClaim, quantity: QuantityFacet): boolean {
  const digits = /\d[\d,.]*\d|\d/.exec(quantity.text)?.[0];
  return digits !== undefined && digits.length >= 3 && new RegExp(`(?<![\\d,.])${digits.replace(/[.,]/g, "\\$&")}(?![\\d,]|\\.\\d)`).test(claim.quote);
}

function namesMeasure(claim: CueClaim, quantity: QuantityFacet, stating: CueClaim, gap: number | undefined): boolean {
  const words = MEASURE_WORDS[quantity.measure.replace(/-max$/, "")];
  if (words && words.test(claim.quote)) return true;
  return FIGURES_NAMED_BEFORE.test(claim.quote) && gap !== undefined && gap <= 1 && precedes(stating, claim);
}

/**
 * "their figure was likely an underestimate", "our own count is too low": a speaker judging its own figure qualifies
 * it (the real number is higher or lower); it does not call another's figure wrong.
 */
const OWN_FIGURE_MISJUDGED = new RegExp(
  `\\b(?:our|my|their|its)\\s+(?:own\\s+)?(?:\\w+\\s+)?(?:estimates?|calculations?|figures?|numbers?|tolls?|counts?|tally|projections?)\\b[^.;]{0,40}?(?:${MISJUDGED.source})`,
  "i",
);

/**
 * "3,000 people did not die" against "an estimated 2,975 died": a figure one voice names only to deny it is the figure
 * another states, when the stated figure is within what the denied one's wording allows.
 */
function deniedFigure(disputing: CueClaim, stating: CueClaim): [QuantityFacet, QuantityFacet] | null {
  for (const denied of facetsOf(disputing).quantities) {
    if (!denied.denied || denied.modality === "hypothetical") continue;
    const asStated = { ...denied, refuted: undefined, denied: undefined };
    const figure = statedQuantities(stating).find((quantity) => comparableQuantities(asStated, quantity) && !quantitiesDisagree(asStated, quantity));
    if (figure) return [denied, figure];
  }
  return null;
}

export const figureDisputed: ContradictionRule = {
  name: "figure-disputed",
  label: "a figure called wrong by another voice",
  kind: "numeric",
  judge: (a, b, { signals, vocabulary }) => {
    if (sameVoice(a, b)) return null;
    for (const [disputing, stating] of [
      [a, b],
      [b, a],
    ] as const) {
      const denial = deniedFigure(disputing, stating);
      if (denial) {
        const related = noisyOr(eventRelatedness(disputing, stating, signals, vocabulary), 0.6);
        return {
          kind: "numeric",
          rule: "figure-disputed",
          score: clamp(0.45 + 0.4 * related),
          explanation: `${who(disputing)} denies ${denial[0].text}; ${who(stating)} gives ${denial[1].text} — ${measureLabel(denial[1])} disputed.`,
          anchorClaimId: disputing.id,
        };
      }
      if (!disputes(disputing) || statedQuantities(disputing).length) continue;
      let written = false;
      const figure = statedQuantities(stating).find(
        (quantity) => (written = writesFigure(disputing, quantity)) || namesMeasure(disputing, quantity, stating, signals.gap),
      );
      if (!figure || disputes(stating)) continue;
      const related = noisyOr(eventRelatedness(disputing, stating, signals, vocabulary), figure.rate ? 0.5 : 0, written ? 0.6 : 0);
      if (related < 0.45) continue;
      return {
        kind: "numeric",
        rule: "figure-disputed",
        score: clamp(0.45 + 0.4 * related),
        explanation: `${who(disputing)} calls the figures wrong (“${(MISJUDGED.exec(disputing.quote) ?? FIGURE_NOUNS.exec(disputing.quote))![0]}”); ${who(stating)} gives ${figure.text} — ${measureLabel(figure)} disputed.`,
        anchorClaimId: disputing.id,
      };
    }
    return null;
  },
};
