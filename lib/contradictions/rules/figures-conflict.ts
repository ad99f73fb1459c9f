// Two voices' figures for the same measure that cannot both hold; the same voice with a new figure is a revision, not a conflict.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import {
  clamp,
  differentDates,
  differentMembers,
  eventRelatedness,
  isAuthorVoice,
  noisyOr,
  sameVoice,
  says,
  statedQuantities,
  type CueClaim,
} from "@/lib/contradictions/features";
import { comparableQuantities, quantitiesDisagree, type QuantityFacet } from "@/lib/facets";
import { isKindOf } from "@/lib/text/wordnet";

const MEASURE_LABELS: Record<string, string> = {
  death: "the death tolls",
  injury: "the numbers injured",
  people: "the numbers of people",
  flow: "the flow rates",
  spill: "the amounts spilled",
  volume: "the volumes",
  percent: "the shares",
  duration: "the durations",
  money: "the sums",
  mass: "the quantities",
  exploded: "the quantities that exploded",
  stored: "the quantities stored",
};

export function measureLabel(quantity: QuantityFacet): string {
  if (quantity.measure.endsWith("-limit"))
    return `the limits on ${measureLabel({ ...quantity, measure: quantity.measure.slice(0, -"-limit".length) }).replace(/^the /, "")}`;
  if (quantity.dimension === "money") return quantity.measure === "money" ? "the sums" : `the ${quantity.measure} sums`;
  if (quantity.measure.startsWith("people-")) return `the numbers of ${quantity.measure.slice(7)}`;
  if (quantity.measure.endsWith("-max"))
    return `the worst cases of ${(MEASURE_LABELS[quantity.measure.slice(0, -4)] ?? quantity.measure).replace(/^the /, "")}`;
  return MEASURE_LABELS[quantity.measure] ?? `the numbers of ${quantity.measure}s`;
}

/** Claims that share a figure ("62,000 at first, 53,000 at the end" / "about 53,000") cite one number. */
export function disagreeingFigures(a: CueClaim, b: CueClaim): [QuantityFacet, QuantityFacet] | null {
  let found: [QuantityFacet, QuantityFacet] | null = null;
  let best = -1;
  for (const qa of statedQuantities(a)) {
    for (const qb of statedQuantities(b)) {
      if (!comparableQuantities(qa, qb)) continue;
      // A figure inside a span another claim names ("thousands") agrees with it without citing it.
      if (!quantitiesDisagree(qa, qb)) {
        if (qa.vague || qb.vague) continue;
        return null;
      }
      // Of several disagreeing pairs, the two figures most alike are the rival counts of one thing.
      const affinity = figureAffinity(qa, qb);
      if (affinity > best) [found, best] = [[qa, qb], affinity];
    }
  }
  return found;
}

export const REVISION_WORDS =
  /\b(?:(?:had\s+)?(?:risen|rose|climbed|jumped)\s+to|rais(?:ed|es|ing)|revis(?:ed|es|ing)|updat(?:ed|es|ing)|lower(?:ed|s|ing)|increas(?:ed|es|ing)\s+(?:its|their|the)\s+(?:estimate|figure|toll)|preliminary|initial(?:ly)?|at\s+first|first\s+estimate|later\s+put)\b/i;

/** Counts of people that name what befell them: the verb that governs such a figure is the measure itself. */
const EVENT_COUNTS = new Set(["death", "injury", "missing", "rescued", "arrested"]);

/** How close two figures sit: the smaller low over the larger high (259 / 262 ≈ 0.99). */
function ratioOf(a: QuantityFacet, b: QuantityFacet): number {
  const high = Math.max(a.high, b.high);
  return high > 0 ? Math.min(a.low, b.low) / high : 0;
}

/** Rival counts sit close together (259 and 262); a rate or a maximum is rare enough to be one thing. */
export function figureAffinity(a: QuantityFacet, b: QuantityFacet): number {
  const ratio = ratioOf(a, b);
  const closeness = ratio >= 0.85 ? 0.5 : ratio >= 0.6 ? 0.25 : 0;
  // A rate, a worst case and a limit are rare enough in a story to be one thing.
  const specific = a.rate || a.measure.endsWith("-max") || a.measure.endsWith("-limit") ? 0.5 : 0;
  // The same verb or noun governs both ("demanded Rs200 million" / "demanded Rs250 million"): one slot, two fillers.
  // "a 6,825-ton ferry" / "a 6,325-ton vessel": a ferry is a kind of vessel, so the two figures size one thing.
  // A toll's own verb ("killed 112" / "killed 1,134") says only that both count the dead, which the measure says
  // already: it adds to figures that are close, not to a far one that counts another disaster.
  const sameHead =
    a.head !== undefined &&
    b.head !== undefined &&
    !(EVENT_COUNTS.has(a.measure) && a.measure === b.measure && closeness === 0) &&
    (a.head === b.head || isKindOf(a.head, b.head) || isKindOf(b.head, a.head))
      ? 0.5
      : 0;
  // Two weights of the same substance ("tonnes of ammonium nitrate") are one quantity, however common the words.
  const sameSubstance = a.substance !== undefined && a.substance === b.substance ? 0.5 : 0;
  // Two whole counts of one measure ("a total of 3,787 deaths" / "put the total dead at 25,000") count the same thing.
  const bothTotals = a.total && b.total && a.measure === b.measure ? 0.5 : 0;
  // An estimate set beside the official count of one measure ("the official count of 64" / "a survey estimated 4,645
  // deaths") is the rival account it is offered as, however far apart.
  const estimateOfOfficial = (a.official && b.modality === "estimate") || (b.official && a.modality === "estimate") ? 0.5 : 0;
  return noisyOr(closeness, specific, sameHead, sameSubstance, bothTotals, estimateOfOfficial);
}

/**
 * Two counts of one kind of thing close together ("1,694 pages" / "1,571 pages", "127 flats" / "129 flats") count the
 * same things: what they count is named, not "people", whose counts are many. It weighs whether the pair is one
 * thing, not which of a claim's figures is compared.
 */
function sameThings(a: QuantityFacet, b: QuantityFacet): number {
  if (a.dimension !== "count" || a.unit !== b.unit) return 0;
  return ratioOf(a, b) >= 0.6 ? 0.25 : 0;
}

/** A toll that counts the unconfirmed with the dead: "dead or missing", "missing presumed dead", "feared dead". */
const PROVISIONAL =
  /\b(?:dead\s+or\s+(?:missing|unaccounted\s+for)|missing(?:,)?\s+(?:and\s+)?presumed\s+dead|presumed\s+dead|feared\s+dead|believed\s+(?:to\s+(?:be|have\s+been)\s+)?(?:dead|killed))\b/i;

/** Counts that only grow: a toll of the dead or the injured. */
const CUMULATIVE = new Set(["death", "injury"]);
/**
 * The figure is told as it stood at a moment: "by 30 August", "as of Friday", "had given a toll of", "so far", "the
 * immediate toll", "within the first two weeks". A bare
 * "on Monday" dates the telling, and "the count later rose to 1,134" gives the count it rose to ("a court on Monday charged them with the murder of 1,137"), not the count.
 */
const AS_IT_STOOD =
  /\b(?:by\s+(?:\d{1,2}\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\s+\d{1,2}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+(?:morning|evening|night|end|time)|then|nightfall|midnight)|as\s+of|so\s+far|(?:on|by)\s+the\s+(?:morning|evening|night)\s+of|had\s+(?:given|put)\s+(?:a|the)\s+(?:toll|figure|count)|had\s+stood\s+at|by\s+(?:early\s+|mid-?|late\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|at\s+the\s+time|initial(?:ly)?|preliminary|immediate|(?:within|in)\s+the\s+first\s+(?:\w+\s+)?(?:hours?|days?|weeks?|months?)|first\s+(?:reports?|count|toll|figures?))\b/iu;
/**
 * "the number of people killed rose to 243", "the government raised the count to 34", "officials raised it to 64": a toll
 * that rose, or that someone raised, passed through every lower figure on its way.
 */
const ROSE_TO =
  /\b(?:(?:rose|risen|climbed|increased|jumped|grew|went\s+up)\s+(?:\w+\s+)?to|(?:raised|raises|raising|revised|lifted|pushed|put\s+up|updated|increased)\s+(?:(?:it|them|the|its|their|official|death|toll|count|tally|number|figure|estimate)\s+){1,4}(?:up\s+)?to)\b/i;

/**
 * Tolls of the dead and injured only grow: a lower toll told as it stood at a moment ("a government report counted 190
 * dead by 30 August") and a higher one ("the final toll was 218") are a timeline, not rival counts — unless one says
 * the other is wrong ("17 died, not eleven").
 */
export function tollsOverTime(a: CueClaim, qa: QuantityFacet, b: CueClaim, qb: QuantityFacet): boolean {
  // The missing are found or added to the list day by day: a count of the missing told as it stood ("as of Monday, 18
  // were still missing") and another are a timeline either way.
  if (qa.measure === "missing" && qb.measure === "missing" && qa.rejects === undefined && qb.rejects === undefined)
    return AS_IT_STOOD.test(a.quote) || AS_IT_STOOD.test(b.quote);
  if (!CUMULATIVE.has(qa.measure) || !CUMULATIVE.has(qb.measure) || qa.rejects !== undefined || qb.rejects !== undefined) return false;
  const lower = qa.high < qb.low ? a : qb.high < qa.low ? b : null;
  const higher = lower === a ? b : a;
  if (lower === null) return false;
  // "79 people are dead or missing presumed dead": a count that holds the unconfirmed is provisional; a lower count of the
  // confirmed dead is what is left of it once the missing are accounted for — its revision, not a rival.
  if (PROVISIONAL.test(higher.quote) && !PROVISIONAL.test(lower.quote)) return true;
  if (ROSE_TO.test(higher.quote)) return true;
  // "By November the count stood at 55" / "In November a survey of funeral homes found 499": a count as it stood by a
  // month and another made in that month are told of one moment — rival counts, not a timeline.
  if (sameMonth(lower.quote, higher.quote)) return false;
  return AS_IT_STOOD.test(lower.quote) || (toldAsTally(lower) && toldAsTally(higher));
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const BY_MONTH = new RegExp(`\\bby\\s+(?:early\\s+|mid-?|late\\s+|the\\s+end\\s+of\\s+)?(${MONTHS})\\b`, "i");

/** The lower count is told "by <month>" and the other is dated in that month ("in November", "November 2017"). */
function sameMonth(lower: string, higher: string): boolean {
  const month = BY_MONTH.exec(lower)?.[1];
  if (!month) return false;
  return new RegExp(`\\b(?:in|during|early|late|mid-?)\\s*${month}\\b|\\b${month}\\s+\\d{4}\\b`, "i").test(higher);
}

/**
 * "the count stood at 55", "the toll remained 55", "kept its official count at 64", "stays at 64": a figure told as the
 * state a running tally was in. Two such states of one toll, or one and a count raised to its figure, are successive.
 */
const TALLY_STATE = /\b(?:st(?:ood|ands?|ays?|ayed)\s+at|remain(?:ed|s)?\s+(?:at\s+)?(?=\d)|(?:held|unchanged)\s+at|kept\s+(?:\w+\s+){0,3}at\s+(?=\d))/i;

function toldAsTally(claim: CueClaim): boolean {
  return TALLY_STATE.test(claim.quote) || AS_IT_STOOD.test(claim.quote) || ROSE_TO.test(claim.quote);
}

/** The later figure names the earlier one as what it replaced. */
export function revises(later: QuantityFacet, earlier: QuantityFacet): boolean {
  // A bound ("over 260") holds the replaced figure without being it.
  if (later.revisedFrom === undefined || earlier.bound !== undefined || earlier.allowHigh === null) return false;
  return later.revisedFrom >= earlier.allowLow && later.revisedFrom <= (earlier.allowHigh ?? Number.POSITIVE_INFINITY);
}

/** A figure told as held until some later moment: "had been saying", "initially", "at first", "previously". */
const SUPERSEDED = /\bhad\s+been\s+(?:saying|reporting|putting|giving|citing|using|quoting|claiming)\b|\b(?:initially|originally|previously|at\s+first)\b/i;

function correctsSuperseded(correcting: QuantityFacet, other: CueClaim, figure: QuantityFacet): boolean {
  if (correcting.rejects === undefined || !SUPERSEDED.test(other.quote)) return false;
  return correcting.rejects >= figure.allowLow && correcting.rejects <= (figure.allowHigh ?? Number.POSITIVE_INFINITY);
}

export const figuresConflict: ContradictionRule = {
  name: "figures-conflict",
  label: "figures for the same thing that cannot both hold",
  kind: "numeric",
  judge: (a, b, { signals, vocabulary }) => {
    // One author giving two figures for one thing with no word of a revision ("262 burned alive" … "264 workers were
    // burnt alive") contradicts itself; another voice's second figure is its revision.
    const selfContradiction = sameVoice(a, b) && isAuthorVoice(a) && isAuthorVoice(b) && !REVISION_WORDS.test(a.quote) && !REVISION_WORDS.test(b.quote);
    if (sameVoice(a, b) && !selfContradiction) return null;
    if (REVISION_WORDS.test(a.quote) && REVISION_WORDS.test(b.quote)) return null;
    const figures = disagreeingFigures(a, b);
    if (!figures || differentMembers(a, b)) return null;
    // Figures dated differently ("on June 10 …", "on June 15 …") tell a timeline, not rival counts.
    if (differentDates(a, b)) return null;
    const [qa0, qb0] = figures;
    if (tollsOverTime(a, qa0, b, qb0)) return null;
    // "258, down from the 289" and "the toll was given as 289": the revision names the figure it replaced.
    if (revises(qa0, qb0) || revises(qb0, qa0)) return null;
    // "Only 172 were rescued, not 174" and "the government had been saying that 174 were saved": the figure corrected is
    // one its own claim tells as superseded, so the correction revises it.
    if (correctsSuperseded(qa0, b, qb0) || correctsSuperseded(qb0, a, qa0)) return null;
    // An author restating one count gives nearly the same figure (262 / 264); figures far apart count two things.
    if (selfContradiction && ratioOf(qa0, qb0) < 0.85) return null;
    // A span of time or a count of things is compared only for one happening told twice.
    const strict = qa0.dimension === "duration" || qa0.dimension === "count" || qa0.measure === "people";
    const corrects0 = qa0.rejects !== undefined || qb0.rejects !== undefined;
    const related = noisyOr(eventRelatedness(a, b, signals, vocabulary), corrects0 ? 0.3 : 0, figureAffinity(qa0, qb0), sameThings(qa0, qb0));
    if (strict && related < 0.7) return null;
    if (related < (selfContradiction ? 0.6 : 0.5)) return null;
    const [qa, qb] = figures;
    const corrects = qa.rejects !== undefined || qb.rejects !== undefined;
    return {
      kind: "numeric",
      rule: "figures-conflict",
      score: clamp(0.5 + 0.4 * related + (corrects ? 0.08 : 0) - (selfContradiction ? 0.1 : 0)),
      explanation: `${says(a)} ${qa.text}; ${says(b)} ${qb.text} — ${measureLabel(qa)} differ.`,
    };
  },
};
