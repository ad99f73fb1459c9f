// Figures a claim gives, what they measure and how the wording hedges them. Digits are found by a
// pattern and only number words go to compromise, which is slow per sentence (`npm run eval:numbers`);
// js-quantities converts units so that figures in barrels and litres compare.
import nlp from "compromise";
import Qty from "js-quantities";
import type { Dimension, Modality, QuantityFacet } from "@/lib/facets/types";
import { normalizeTerm } from "@/lib/text/terms";
import { differentHolders } from "@/lib/facets/holders";
import { REPORTED_STATEMENT } from "@/lib/facets/propositions";

interface NumberMention {
  start: number;
  end: number;
  value: number;
  /** "hundreds of", "triple figures": a span of values, not one figure. */
  vague?: { low: number; high: number };
  /** Rounding the figure implies: 1 for 259, 1,000 for 53,000. */
  step: number;
  text: string;
  currency?: string;
}

// "one" alone is never read as a figure (below), so it alone does not call for compromise.
const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|one\s+(?:thousand|million|billion))\b/i;
const MULTIPLIER: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, lakh: 1e5, lac: 1e5, crore: 1e7 };
const CURRENCY_PREFIX: Record<string, string> = {
  $: "USD",
  us$: "USD",
  rs: "PKR",
  "rs.": "PKR",
  pkr: "PKR",
  "€": "EUR",
  "£": "GBP",
  usd: "USD",
  eur: "EUR",
  gbp: "GBP",
  tk: "BDT",
  "tk.": "BDT",
  bdt: "BDT",
};
const CURRENCY_WORD: Record<string, string> = {
  dollar: "USD",
  dollars: "USD",
  rupee: "PKR",
  rupees: "PKR",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  taka: "BDT",
};

const DIGITS =
  /(?:(?<![\p{L}\p{N}])(\$|US\$|Rs\.?|PKR|Tk\.?|BDT|€|£|USD|EUR|GBP)\s?|(?<![\p{L}\p{N}.,:/[])(?<![\p{L}]-))(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{N}]|st\b|nd\b|rd\b|th\b|:\d|\])(?:\s*(thousand|million|billion|lakh|lac|crore|mn|bn)\b)?/giu;

function stepOf(raw: string, multiplier: number): number {
  const clean = raw.replace(/,/g, "");
  const decimals = clean.includes(".") ? clean.split(".")[1]!.length : 0;
  if (decimals) return 10 ** -decimals * multiplier;
  // "70 per cent", "20 people": small figures are written exactly; "5,000 barrels" is rounded.
  if (Number(clean) * multiplier < 100) return multiplier;
  const zeros = /0*$/.exec(clean)![0].length;
  return 10 ** Math.min(zeros, clean.length - 1) * multiplier;
}

function digitMentions(text: string): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(DIGITS)) {
    const [whole, prefix, digits, multiplierWord] = match;
    const multiplier = multiplierWord ? MULTIPLIER[multiplierWord.toLowerCase()]! : 1;
    const value = Number(digits!.replace(/,/g, "")) * multiplier;
    if (!Number.isFinite(value)) continue;
    const start = match.index!;
    mentions.push({
      start,
      end: match.index! + whole.length,
      value,
      step: stepOf(digits!, multiplier),
      text: whole.trim(),
      currency: prefix ? CURRENCY_PREFIX[prefix.toLowerCase()] : undefined,
    });
  }
  return mentions;
}

function wordMentions(text: string, taken: NumberMention[]): NumberMention[] {
  if (!NUMBER_WORDS.test(text)) return [];
  const found = nlp(text).numbers().json({ offset: true }) as { text: string; number?: { num?: number | null }; offset: { start: number; length: number } }[];
  const mentions: NumberMention[] = [];
  for (const item of found) {
    const value = item.number?.num;
    const written = item.text.replace(/[,.;:!?-]+$/, "");
    if (typeof value !== "number" || !/[a-z]/i.test(written)) continue;
    const start = item.offset.start;
    const end = start + written.length;
    if (taken.some((mention) => start < mention.end && end > mention.start)) continue;
    // "one of the workers" is a pronoun's job, not a figure.
    if (/^(?:a|an|one)$/i.test(written)) continue;
    // "first floor", "two-stage audit": ordinals and compounds are not figures.
    if (/(?:first|second|third|th)$/i.test(written) || (text[end] === "-" && !countingCompound(text.slice(end)))) continue;
    mentions.push({
      start,
      end,
      value,
      step: /hundred|thousand|million|billion|dozen/i.test(written) && !/\d/.test(written) ? Math.max(1, value / 10) : 1,
      text: written,
    });
  }
  return mentions;
}

/**
 * Plural number words and "triple figures" name a span, not a figure: "hundreds died" says at least two hundred and
 * fewer than a thousand, "dozens" at least two dozen, "tens of thousands" 20,000 to 99,999. "Of" is kept in the mention
 * so that what is counted follows it ("hundreds of deaths").
 */
const VAGUE: [RegExp, number, number][] = [
  [/\b(?:hundreds\s+of\s+thousands)(?:\s+of\b)?/gi, 200_000, 999_999],
  [/\b(?:tens\s+of\s+thousands)(?:\s+of\b)?/gi, 20_000, 99_999],
  [/\b(?:tens\s+of\s+millions)(?:\s+of\b)?/gi, 20_000_000, 99_999_999],
  [/\b(?:hundreds\s+of\s+millions)(?:\s+of\b)?/gi, 200_000_000, 999_999_999],
  [/\bmillions(?:\s+of\b)?/gi, 2_000_000, 9_999_999],
  [/\bthousands(?:\s+of\b)?/gi, 2_000, 9_999],
  [/\bhundreds(?:\s+of\b)?/gi, 200, 999],
  [/\bdozens(?:\s+of\b)?/gi, 24, 143],
  [/\b(?:triple|three)[- ]figures?\b/gi, 100, 999],
  [/\b(?:double|two)[- ](?:figures?|digits?)\b/gi, 10, 99],
];

function vagueMentions(text: string, taken: NumberMention[]): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const [pattern, low, high] of VAGUE) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if ([...taken, ...mentions].some((mention) => start < mention.end && end > mention.start)) continue;
      mentions.push({ start, end, value: low, step: 1, text: match[0], vague: { low, high } });
    }
  }
  return mentions;
}

const ADJECTIVE_ENDING = /(?:al|ic|ous|ive|ful|less|ary|ern|ed|ing|ial)$/i;
const NOT_COUNTED = /^(?:old|years?|months?|weeks?|days?|hours?|minutes?|seconds?|times?|point|fold|odd|plus|page|way|stage|step|phase|part)$/i;

/** One thing under its usual names: "eight floors", "an eight-storey building", "six stories". */
const COUNT_UNIT_SYNONYMS: Record<string, string> = { floor: "storey", story: "storey", stories: "storey", storie: "storey" };
function countUnit(lemma: string): string {
  return COUNT_UNIT_SYNONYMS[lemma] ?? lemma;
}

/** "an eight-storey building" counts storeys; "42-year-old" and "three-day strike" are not counts. */
function countingCompound(after: string): { unit: string; head: string | undefined; consumed: number } | null {
  // "a 6,825-ton roll-on/roll-off ferry": past hyphenated modifiers to the noun.
  const compound = /^-(\p{L}{3,})\s+(?:[\p{L}]+[-/][\p{L}/-]+\s+)*(\p{L}{3,})(?:\s+(\p{L}{3,}))?/u.exec(after);
  if (!compound || NOT_COUNTED.test(compound[1]!)) return null;
  const unit = countUnit(
    compound[1]!
      .toLowerCase()
      .replace(/ies$/, "y")
      .replace(/(?<=[^s])s$/, ""),
  );
  // "an eight-storey commercial building": past an adjective to its noun.
  const qualified = compound[3] && ADJECTIVE_ENDING.test(compound[2]!) ? compound[3] : compound[2]!;
  return { unit, head: normalizeTerm(qualified.toLowerCase()) ?? undefined, consumed: compound[1]!.length + 1 };
}

/** "half an hour" is a span, but "5,000 barrels a day" is a rate. */
const ARTICLE_SPAN = /\b(half\s+an?|an?|one)\s+(minute|hour|day|week|month|year)(\s+and\s+a\s+half(?![\w-]))?\b/gi;

const AND_A_HALF = /^\s+and\s+a\s+half(?![\w-])/i;

function articleSpans(text: string, taken: NumberMention[]): NumberMention[] {
  const mentions: NumberMention[] = [];
  for (const match of text.matchAll(ARTICLE_SPAN)) {
    const start = match.index!;
    if (taken.some((mention) => start < mention.end && start + match[1]!.length > mention.start)) continue;
    if (/\d|\b(?:barrels?|gallons?|litres?|liters?|tonnes?|times|once|twice|per|dollars?|rupees?)\b/i.test(text.slice(Math.max(0, start - 40), start)))
      continue;
    const half = /^half/i.test(match[1]!);
    // "an hour and a half" is one and a half hours.
    const andAHalf = match[3] !== undefined;
    mentions.push({ start, end: start + match[1]!.length, value: half ? 0.5 : andAHalf ? 1.5 : 1, step: half || andAHalf ? 0.5 : 1, text: match[1]! });
  }
  return mentions;
}

const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$/i;
const MONTH_AFTER = /^\s*(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

function isDateOrName(text: string, mention: NumberMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 12), mention.start);
  const after = text.slice(mention.end, mention.end + 12);
  const whole = Number.isInteger(mention.value) && !mention.text.includes(",");
  if (whole && mention.value >= 1800 && mention.value <= 2100 && !/^\s*(?:people|barrels|workers|persons|deaths|dollars|rupees)/i.test(after)) return true;
  if (whole && mention.value <= 31 && (MONTH.test(before) || MONTH_AFTER.test(after))) return true;
  if (/(?:flight|no\.|number|article|section|chapter|page|para(?:graph)?|clause|resolution|item)\s*$/i.test(before)) return true;
  return false;
}

const PEOPLE =
  "people|persons?|workers?|supporters|activists|guards|journalists|miners|pilgrims|migrants|refugees|troops|fighters|hostages|patients|prisoners|detainees|labou?rers|employees|victims|passengers|civilians|children|men|women|bodies|lives|dead|casualties|fatalities|deaths|nationals|citizens|crew(?:\\s+members)?|individuals|policemen|police(?:men)?|officers|soldiers|militants|staff|residents|protesters|students|survivors|rescuers|volunteers|voters|members|teachers|tourists|sailors|inmates|evacuees|others|Dutch|Australians|Malaysians|Britons|Pakistanis";
const VOLUME = "barrels|barrel|bbl|bpd|gallons|gallon|litres|liters|litre|liter|cubic\\s+met(?:re|er)s?|m3";
const CURRENCY = "dollars|dollar|rupees|rupee|euros|euro|pounds|taka";
/** "pounds" stays money: the word alone cannot tell sterling from weight. */
const MASS = "tonnes|tonne|tons|ton|metric\\s+tons|kilogrammes|kilograms|kilogram|kilos|kilo|kg|grams|gram";
const PERCENT = "%|percent|per\\s+cent";
const DURATION = "minutes|minute|mins|hours|hour|days|day|weeks|week|months|month|years|year";
const UNIT_AFTER = new RegExp(
  `^\\s*(?:names\\s+of\\s+)?(?:(?:more|additional|other|extra|local|garment|factory|foreign|innocent|missing|dead|of|excess|confirmed|known|reported|recorded|certified|registered)\\s+){0,2}(${PEOPLE}|${VOLUME}|${MASS}|${CURRENCY}|${PERCENT}|${DURATION})(?![\\p{L}])`,
  "iu",
);
/** "2,438 survivors from the debris", "eight floors had been built": the plural right after the figure, else past one adjective ("three separate investigations"). */
const NOUN_AFTER = /^\s*([a-z]{3,}s)\b(?!\s+of\b)|^\s*(?:[a-z]+\s+)?([a-z]{3,})\b/;
const RATE =
  /^[\s,]*(?:\([^)]*\)\s*)?(?:of\s+(?:oil|crude|crude\s+oil)\s+)?(?:(?:a|per|each|every)\s+(day|week|month|year)\b|(daily|annually|weekly)\b|\/\s*(day|d)\b)/i;
const INJURED_RIGHT_BEFORE =
  /\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt(?:ing)?)\s+(?:(?:about|around|some|nearly|almost|over|roughly|approximately|more\s+than|at\s+least|another)\s+)?$/i;
const AS_THE_TOLL_AFTER = /^\s+as\s+(?:the|its|their|a|an)\s+(?:[\p{L}-]+\s+){0,2}(?:death\s+)?(?:toll|death\s+count)\b/iu;
const TOLL_BEFORE =
  /\b(?:toll|killing|killed|claimed|deaths?\s+of|dead\s+at|kills|left|murders?\s+of)\b(?:\s+\S+){0,4}\s*$|\btoll\b(?:\s+[^\s.;:!?]+){0,16}\s+(?:is|was|stood\s+at|stands\s+at|at|to|of|reached|rose\s+to|hit)\s*$/i;

const NOT_A_DEATH =
  /\bsentenced\s+to\s+death|\bdeath\s+(?:sentences?|penalty|row|threats?)|\bto\s+death\s+(?:for|in\s+absentia)|\b(?:with|for)\s+(?:the\s+)?murders?\b(?!\s+of\b)|\bmurder\s+(?:charges?|cases?|trials?|suspects?|accused|investigations?|inquiry)\b|\b(?:charges?|charged|accused|convicted|suspected|guilty|trial|tried)\s+(?:\w+\s+){0,2}?(?:of|for|with)\s+(?:the\s+)?murders?\b(?!\s+of\b)/gi;
const DEATH =
  /\b(?:kill(?:ed|ing|s)?|(?<=(?:n['’]t|\b(?:not|never|to|did|will|would|could|may|might|can|cannot))\s)die|died|dies|dead|deaths?|perish(?:ed)?|burn(?:ed|t)\s+(?:alive|to\s+death)|lost\s+their\s+lives|toll|fatalit(?:y|ies)|bodies|lives|victims|murder(?:ed|s)?|slain|shot\s+dead)\b/i;
const MISSING = /\b(?:missing|unaccounted|disappeared|not\s+(?:yet\s+)?found)\b/i;
/** Counts of people saved or taken into custody are measures of their own, as the dead and the hurt are. */
const RESCUED = /\b(?:rescued|saved|survived|evacuated|pulled\s+(?:out\s+)?alive|brought\s+ashore\s+alive)\b/i;
const ARRESTED = /\b(?:arrested|detained|held\s+in\s+custody|taken\s+into\s+custody|in\s+custody|rounded\s+up)\b/i;
const INJURY = /\b(?:injur(?:ed|ies|y)|wounded|wounds?|hurt|hospitali[sz]ed|taken\s+to\s+(?:\S+\s+){0,3}hospital)\b/i;

const AT_LEAST_BEFORE = /\b(?:at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of)\s*$/i;
const MORE_THAN_BEFORE = /\b(?:(?:more|larger|greater|higher|bigger)\s+than|over|upwards\s+of|in\s+excess\s+of|exceed(?:ed|s|ing)?|above)\s*$/i;
const MAX_BEFORE =
  /\b(?:within|up\s+to|as\s+(?:much|many|high)\s+as|at\s+most|no\s+more\s+than|not\s+more\s+than|less\s+than|fewer\s+than|under|below|a\s+maximum\s+of|maximum\s+of|ceiling\s+of)\s*$/i;
const MAX_CLAUSE = /\b(?:maximum|worst[- ]case|upper\s+(?:limit|bound|end)|ceiling|at\s+most|as\s+high\s+as)\b/i;
const WORST_CASE = /\b(?:worst[- ]case|maximum|upper\s+(?:limit|bound|end))\b/i;
const REACHED = /\b(?:into|entered|reached|reaching|entering)\s+(?:the\s+)?(?:gulf|sea|ocean|water|waters|river|environment|marine)\b/i;
/** Oil caught at the well, skimmed or burned is not oil spilled. */
const RECOVERED = /\b(?:collect(?:ed|ing)|captur(?:ed|ing)|recover(?:ed|ing)|siphon(?:ed|ing)|skim(?:med|ming)|burn(?:ed|ing)|contained|caught|catching)\b/i;
const NOT_MORE_THAN_BEFORE = /\b(?:no|not)\s+(?:more|larger|greater|higher|bigger)\s+than\s*$/i;
/** "Had the full 2,750 tonnes gone off, …": a sentence opening on an inverted "had" or "were" supposes. */
const COUNTERFACTUAL_OPENING = /^\W*(?:had|were|should)\s+(?:the|it|they|he|she|we|i|this|that|all|its|their)\b[^.;]*$/i;
const MIN_CLAUSE = /\b(?:minimum|lower\s+(?:limit|bound|end)|at\s+least)\b/i;
/** "nearly $2 million": a little under the figure, never over it. */
const NEARLY_BEFORE = /\b(?:nearly|almost|just\s+(?:under|short\s+of)|close\s+to)\s*$/i;
const APPROX_BEFORE = /\b(?:about|around|approximately|roughly|an\s+estimated|estimated|close\s+to|circa|an\s+average\s+of|average\s+of)\s*$/i;
const ESTIMATE_CLAUSE = /\b(?:estimat\w*|believed|thought\s+to|approximately|calculat\w*|projected)\b/i;
const HYPOTHETICAL = /\b(?:if|could|might|would|unless|hypothetical(?:ly)?|scenario|in\s+theory)\b/i;
/**
 * "the real number could be around 500", "the toll may have been as high as 4,000": a modal before "be" with the figure
 * as its complement judges what the figure is now — an estimate — unless a condition ("if", "unless") makes it a
 * scenario ("could be 100,000 if the cap fails").
 */
const EPISTEMIC_BEFORE =
  /\b(?:could|might|may)\s+(?:well\s+|actually\s+|easily\s+)?(?:be|have\s+been|number|total)\s+(?:(?:around|about|roughly|nearly|near|closer\s+to|as\s+(?:high|many|much|large|great)\s+as|up\s+to|more\s+than|over|at\s+least|in\s+the)\s+)?$/i;
const CONDITION = /\b(?:if|unless|provided|assuming)\b/i;
const PREDICTION = /\b(?:will|expected\s+to|forecasts?|is\s+likely\s+to|are\s+likely\s+to)\b/i;
const CLAUSE_BREAK = /[;:]|,\s+(?:but|while|whereas|and)\s|\bwhile\b|\bbut\b/gi;

function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  let start = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) start = match.index! + match[0].length;
  return before.slice(start);
}

const RANGE_JOIN = /^\s*(?:-|–|—|to|and|or)\s*$/i;

interface Measured {
  dimension: Dimension;
  unit: string;
  measure: string;
  factor: number;
  currency?: string;
  consumed: number;
  head?: string;
}

function volumeFactor(unit: string): number {
  const lower = unit.toLowerCase().replace(/\s+/g, " ");
  const name = /^(?:barrels?|bbl|bpd)$/.test(lower) ? "bbl" : /^gallons?$/.test(lower) ? "gal" : /^(?:cubic met|m3)/.test(lower) ? "m3" : "l";
  return Qty(1, name).to("l").scalar;
}

/** In kilograms; "tons" read as metric, as in most reporting outside the United States. */
function massFactor(unit: string): number {
  const lower = unit.toLowerCase().replace(/\s+/g, " ");
  const name = /^(?:tonnes?|tons?|metric tons)$/.test(lower) ? "tonne" : /^(?:grams?|g)$/.test(lower) ? "g" : "kg";
  return Qty(1, name).to("kg").scalar;
}

/**
 * What happened to a mass the sentence weighs: what blew up is not what was stored or unloaded ("2,750 tonnes had
 * been stored" / "no more than 552 tonnes exploded"). Read in the figure's own clause.
 */
const EXPLODED =
  /\b(?:explo(?:ded|sion|sive)|detonat\w*|blew\s+up|blown\s+up|went\s+off|gone\s+off|(?:blast|explosion)\s+(?:was\s+)?(?:\w+ly\s+)?(?:caused|triggered)|caus\w+\s+(?:the\s+)?(?:blast|explosion))\b/i;
const STORED =
  /\b(?:stor(?:ed|age|ing)|kept|sat|held|warehoused|unload(?:ed|ing)|offload(?:ed|ing)|confiscated|seized|impounded|carr(?:ied|ying)|shipment|cargo|stockpile)\b/i;
function massFate(text: string, start: number, end: number): string {
  const clause = `${clauseBefore(text, start).slice(-80)} ${text.slice(end, end + 80).split(/[;.]|,\s+(?:but|while|and)\s/)[0]}`;
  const exploded = EXPLODED.exec(clause);
  const stored = STORED.exec(clause);
  if (exploded && (!stored || exploded.index < stored.index)) return "exploded";
  return stored ? "stored" : "mass";
}

/** "tonnes of ammonium nitrate": what a mass or volume is of. */
/** "the quantity of ammonium nitrate that exploded was only 500 tonnes": the substance named before the figure. */
const SUBSTANCE_BEFORE =
  /\b(?:quantity|amount|volume|weight|tonnage|mass)\s+of\s+(?:the\s+)?([\p{L}-]{3,}(?:\s+(?![\p{Ll}]+(?:ed|ing)\b|(?:that|which|from|into|was|were)\b)[\p{Ll}-]{3,})?)\b/u;
const SUBSTANCE_IN_CONTEXT =
  /\b(?:tonnes|tons|kilograms|kilos|kg|barrels|gallons|litres|liters)\s+of\s+(?:the\s+|its\s+|their\s+)?([\p{L}-]{3,}(?:\s+(?![\p{Ll}]+(?:ed|ing)\b|(?:that|which|from|into|was|were|had|at|in)\b)[\p{Ll}-]{3,})?)/u;
const SUBSTANCE_AFTER = /^\s+of\s+(?:the\s+|its\s+|their\s+)?([\p{L}-]{3,}(?:\s+[\p{Ll}-]{3,})?)/u;

const KIN_OF_BEFORE = /\b(families|relatives|heirs|dependants|dependents|next\s+of\s+kin)\s+of\s+(?:the\s+|some\s+|about\s+|nearly\s+)?$/i;

/** "the official figure down to 258", "the count rose to 40": a figure noun that refers back. */
const FIGURE_NOUN_BEFORE = new RegExp(
  "\\b(?:figure|count|tally|number|total|toll)\\b(?:\\s+of\\s+(?:the\\s+)?(?:dead|deaths|victims|fatalities))?(?:\\s+\\S+){0,3}?" +
    // "the real number of deaths could be around 500", "the toll may have been as high as 4,000"
    "(?:\\s+(?:could|might|may|must|would)\\s+(?:well\\s+)?(?:be|have\\s+been))?" +
    "(?:\\s+(?:around|about|roughly|nearly|some|as\\s+(?:high|many|much|large)\\s+as|more\\s+than|over|at\\s+least|up\\s+to|closer\\s+to))?\\s*$",
  "i",
);

function recentSentences(context: string): string {
  const parts = context.split(/(?<=[.!?]["”’)]?)\s+/);
  return parts.slice(-2).join(" ");
}

/** "11 killed and 20 injured": "killed" is the 11's, not the phrase leading into the next figure. */
function ownWordsAfter(text: string, end: number, nextStart: number, length: number): string {
  const span = text.slice(end, Math.min(end + length, nextStart));
  if (nextStart > end + length) return span;
  const boundaries = [...span.matchAll(/,|\s(?:and|or|with|but)\s/gi)];
  const last = boundaries[boundaries.length - 1];
  return last ? span.slice(0, last.index) : span;
}

/**
 * "At least 298 people, including 80 children, were killed", "13 people, aged 14 to 60, died": an inserted part (", including …,", "(among them …)")
 * stands between a figure and its own verb. The figure's words are its noun and what follows the insertion.
 */
const INSERTED_PART =
  /^([^,;()\d]{0,40}?)\s*(?:,\s*(?:including|among\s+them|among\s+whom|of\s+whom|aged|(?:most|many|some|all)\s+of\s+them)\b[^,;()]{0,80},|\((?:including|among\s+them|aged)\b[^)]{0,80}\))/iu;

function wordsAfterFigure(text: string, end: number, nextStart: number, length: number): string {
  const inserted = INSERTED_PART.exec(text.slice(end));
  if (!inserted) return ownWordsAfter(text, end, nextStart, length);
  const resume = end + inserted[0].length;
  const rest = text.slice(resume, resume + length);
  // "killed 1,134 people, most of them garment workers, and injured 2,500": after the insertion a new verb phrase begins.
  if (/^\s*(?:and|or|but|while|whereas)\b/i.test(rest)) return inserted[1]!;
  const figure = /\d/.exec(rest);
  return `${inserted[1]} ${figure ? rest.slice(0, figure.index) : rest}`;
}

function measureOf(text: string, mention: NumberMention, end: number, context = "", nextStart = text.length): Measured | null {
  const after = wordsAfterFigure(text, end, nextStart, 60);
  // "8 MQM supporters": a party's name may stand between the figure and what it counts.
  const name = UNIT_AFTER.test(after) ? null : /^\s+\p{Lu}[\p{L}-]*(?=\s)/u.exec(after);
  const named = name ? UNIT_AFTER.exec(after.slice(name[0].length)) : null;
  const direct = UNIT_AFTER.exec(after);
  const unitWord = direct?.[1] ?? named?.[1];
  const unitConsumed = direct ? direct[0].length : named ? name![0].length + named[0].length : 0;
  const window = `${text.slice(Math.max(0, mention.start - 50), mention.start)} ${after}`.replace(NOT_A_DEATH, " ");
  const near = wordsAfterFigure(text, end, nextStart, 40).replace(NOT_A_DEATH, " ");
  const peopleMeasure = (): string => {
    const death = DEATH.exec(near);
    const injury = INJURY.exec(near);
    const missing = MISSING.exec(near);
    if (missing && (!death || missing.index < death.index) && (!injury || missing.index < injury.index)) return "missing";
    if (death && (!injury || death.index < injury.index)) return "death";
    if (injury) return "injury";
    if (RESCUED.test(near)) return "rescued";
    if (ARRESTED.test(near)) return "arrested";
    const clause = clauseBefore(text, mention.start);
    if (INJURY.test(clause.slice(-40))) return "injury";
    if (MISSING.test(clause.slice(-40))) return "missing";
    if (DEATH.test(window)) return "death";
    return "people";
  };
  if (unitWord) {
    const unit = unitWord;
    const lower = unit.toLowerCase();
    const consumed = unitConsumed;
    if (new RegExp(`^(?:${PEOPLE})$`, "i").test(unit)) {
      // "paid the families of 976 dead workers": the figure counts the families reached, not the toll.
      const kin = KIN_OF_BEFORE.exec(text.slice(Math.max(0, mention.start - 40), mention.start));
      if (kin) return { dimension: "people", unit: lower, measure: `people-${kin[1]!.toLowerCase()}`, factor: 1, consumed };
      // Counts of people neither dead nor hurt compare only for the same noun ("men", "workers").
      const measure = /^(?:deaths|dead|fatalities|bodies|lives|casualties|victims)$/.test(lower) ? "death" : peopleMeasure();
      if (measure === "people")
        return { dimension: "people", unit: lower, measure: `people-${/^(?:persons?|individuals)$/.test(lower) ? "people" : lower}`, factor: 1, consumed };
      return { dimension: "people", unit: lower, measure, factor: 1, consumed };
    }
    if (new RegExp(`^(?:${VOLUME})$`, "i").test(unit)) return { dimension: "volume", unit: lower, measure: "volume", factor: volumeFactor(unit), consumed };
    if (new RegExp(`^(?:${MASS})$`, "i").test(unit)) return { dimension: "mass", unit: lower, measure: "mass", factor: massFactor(unit), consumed };
    if (new RegExp(`^(?:${CURRENCY})$`, "i").test(unit))
      return { dimension: "money", unit: lower, measure: "money", factor: 1, currency: CURRENCY_WORD[lower], consumed };
    if (new RegExp(`^(?:${PERCENT})$`, "i").test(unit)) return { dimension: "percent", unit: "percent", measure: "percent", factor: 1, consumed };
    if (/^\s*[\s-]*old\b/i.test(after.slice(consumed))) return null;
    const days = /^min/.test(lower)
      ? 1 / 1440
      : /^hour/.test(lower)
        ? 1 / 24
        : /^day/.test(lower)
          ? 1
          : /^week/.test(lower)
            ? 7
            : /^month/.test(lower)
              ? 30
              : 365;
    return { dimension: "duration", unit: lower, measure: "duration", factor: days, consumed };
  }
  if (mention.currency) return { dimension: "money", unit: mention.currency, measure: "money", factor: 1, currency: mention.currency, consumed: 0 };
  const counted =
    /^\s+(?:were|was|had\s+been|have\s+been|are)?\s*(?:(?:still|reportedly|now|also|later|feared)\s+)?(?:killed|injured|wounded|dead|died|hurt|missing|arrested|detained|sentenced|convicted|acquitted|charged|inside|trapped|rescued|saved|evacuated|unaccounted)\b/i.exec(
      after,
    );
  if (counted) {
    const measure = INJURY.test(counted[0])
      ? "injury"
      : DEATH.test(counted[0])
        ? "death"
        : MISSING.test(counted[0])
          ? "missing"
          : RESCUED.test(counted[0])
            ? "rescued"
            : ARRESTED.test(counted[0])
              ? "arrested"
              : "people";
    return { dimension: "people", unit: "people", measure, factor: 1, consumed: 0 };
  }
  // "put the number of workers in the building at 3,122"
  const numberOf = new RegExp(`\\bnumber\\s+of\\s+(?:\\S+\\s+)?(${PEOPLE})\\b([^.;]{0,50}?)\\s(?:at|was|is|to|stood\\s+at)\\s*$`, "i").exec(
    text.slice(Math.max(0, mention.start - 90), mention.start),
  );
  // "put the number rescued at 164", "the number missing stood at 35": the participle names the measure.
  const numberWhat =
    /\bnumber\s+(?:of\s+(?:people|persons)\s+)?(killed|dead|injured|wounded|hurt|missing|rescued|saved|arrested|detained)\b[^.;]{0,40}?\s(?:at|was|is|to|stood\s+at)\s*$/i.exec(
      text.slice(Math.max(0, mention.start - 90), mention.start),
    );
  if (numberWhat) {
    const what = numberWhat[1]!;
    const measure = INJURY.test(what) ? "injury" : DEATH.test(what) ? "death" : MISSING.test(what) ? "missing" : RESCUED.test(what) ? "rescued" : "arrested";
    return { dimension: "people", unit: "people", measure, factor: 1, consumed: 0 };
  }
  if (numberOf) {
    const noun = numberOf[1]!.toLowerCase();
    // "the number of people killed in the fire is 97": what befell them is the measure, as "97 people were killed" says.
    const befell = numberOf[2]!.replace(NOT_A_DEATH, " ");
    const what = INJURY.test(befell) ? "injury" : DEATH.test(befell) ? "death" : MISSING.test(befell) ? "missing" : null;
    if (what) return { dimension: "people", unit: noun, measure: what, factor: 1, consumed: 0 };
    return { dimension: "people", unit: noun, measure: `people-${/^(?:persons?|individuals)$/.test(noun) ? "people" : noun}`, factor: 1, consumed: 0 };
  }
  const lead = text.slice(Math.max(0, mention.start - 40), mention.start);
  // "The death toll from last week's explosions at a chemical warehouse in the port of Tianjin rose to 114": the toll's
  // noun phrase carries its modifiers (from …, at …, in …), so its verb may come many words after it.
  const clauseLead = clauseBefore(text, mention.start).slice(-160);
  const refersBack =
    FIGURE_NOUN_BEFORE.test(lead) &&
    (DEATH.test(text.replace(NOT_A_DEATH, " ")) || (!INJURY.test(text) && DEATH.test(recentSentences(context).replace(NOT_A_DEATH, " "))));
  // "killed 218 people, wounded about 7,000": the verb right before a bare figure counts it, not a verb of death before that.
  if (INJURED_RIGHT_BEFORE.test(clauseLead)) return { dimension: "people", unit: "people", measure: "injury", factor: 1, consumed: 0 };
  // "Rosselló adopted 2,975 as the official toll": a bare figure taken as the toll is a count of the dead.
  if (AS_THE_TOLL_AFTER.test(after)) return { dimension: "people", unit: "people", measure: "death", factor: 1, consumed: 0 };
  if (TOLL_BEFORE.test(clauseLead) || refersBack) {
    return { dimension: "people", unit: "people", measure: "death", factor: 1, consumed: 0 };
  }
  const compound = text[end] === "-" ? countingCompound(after) : null;
  if (compound) return { dimension: "count", unit: compound.unit, measure: compound.unit, factor: 1, consumed: compound.consumed, head: compound.head };
  const noun = NOUN_AFTER.exec(after.toLowerCase());
  const nounWord = noun?.[1] ?? noun?.[2];
  if (
    noun &&
    nounWord &&
    /s$/.test(nounWord) &&
    !/ss$/.test(nounWord) &&
    !/^(?:and|or|the|of|to|in|on|at|by|for|from|with|was|were|is|are|had|has|have|per|percent|cent|others|former|years|times|this|thus|plus|was|does|his|its|has|less|unless|whereas|as)$/.test(
      nounWord,
    ) &&
    text[end] !== "-"
  ) {
    const lemma = countUnit(nounWord.replace(/(?:ies)$/, "y").replace(/(?<=[^s])s$/, ""));
    return { dimension: "count", unit: lemma, measure: lemma, factor: 1, consumed: noun[0].length };
  }
  return null;
}

function modalityOf(text: string, start: number): { modality: Modality; bound?: "min" | "max"; strictBound?: boolean } {
  const before = text.slice(Math.max(0, start - 40), start);
  const clause = clauseBefore(text, start);
  // "no more than 552 tonnes" caps the figure; "more than" alone is a floor.
  const capped = NOT_MORE_THAN_BEFORE.test(before);
  const bound: "min" | "max" | undefined = capped
    ? "max"
    : AT_LEAST_BEFORE.test(before) || MORE_THAN_BEFORE.test(before)
      ? "min"
      : MAX_BEFORE.test(before) || MAX_CLAUSE.test(clause)
        ? "max"
        : MIN_CLAUSE.test(clause)
          ? "min"
          : undefined;
  const strictBound = !capped && MORE_THAN_BEFORE.test(before);
  const withBound = (modality: Modality) => (bound ? { modality, bound, strictBound } : { modality });
  const judged = EPISTEMIC_BEFORE.test(before) && !CONDITION.test(text) && !COUNTERFACTUAL_OPENING.test(text.slice(0, start));
  if (judged) return withBound(bound ? "bound" : "estimate");
  if (HYPOTHETICAL.test(clause) || COUNTERFACTUAL_OPENING.test(text.slice(0, start))) return withBound("hypothetical");
  if (PREDICTION.test(clause)) return withBound("prediction");
  if (bound) return { modality: "bound", bound, strictBound };
  if (APPROX_BEFORE.test(before) || ESTIMATE_CLAUSE.test(clause)) return { modality: "estimate" };
  return { modality: "asserted" };
}

/** A round "at least 250" is a bound; a precise "at least 17" is the count so far. */
function allowed(
  low: number,
  high: number,
  step: number,
  modality: Modality,
  bound?: "min" | "max",
  strictBound?: boolean,
): { allowLow: number; allowHigh: number | null } {
  const round = step >= 10;
  if (bound === "max") return { allowLow: 0, allowHigh: high + step / 2 };
  if (bound === "min" && strictBound) return { allowLow: low * (1 + 1e-9), allowHigh: null };
  if (bound === "min" && round) return { allowLow: low, allowHigh: null };
  // "about" widens by a step (a fifth at most), a bare round figure by a quarter: "Rs200 million" and "Rs250 million" are two demands.
  const slack = modality === "estimate" ? Math.min(step, low / 5) : round ? step / 4 : step / 2;
  return { allowLow: low - slack, allowHigh: high + slack };
}

/** "5,000 barrels per day could not have produced slicks that large": cited to be called wrong. */
const PART_BEFORE =
  /\b(?:among\s+(?:them|whom|those|which|the\s+\w+)|including|of\s+(?:whom|which|them|those))\s*,?\s*(?:at\s+least\s+|about\s+|some\s+|nearly\s+)?$/i;
const PART_AFTER = /^\s*(?:\w+\s+)?of\s+(?:them|whom|those|the\s+(?:dead|victims|injured|wounded|missing))\b/i;
const REFUTED_AFTER =
  /^[^.;:]{0,60}?\b(?:could\s*(?:not|n't)|cannot|can't|could\s+never|was\s+(?:far\s+|much\s+)?too\s+(?:low|high|small|large)|were\s+(?:far\s+|much\s+)?too\s+(?:low|high)|is\s+(?:far\s+|much\s+)?too\s+(?:low|high)|(?:was|were|is)\s+(?:a\s+)?(?:gross\s+)?(?:underestimate|overestimate|exaggeration)|(?:was|were|is)\s+(?:wrong|false|inaccurate|unrealistic))\b/i;
/** "3,000 people did not die", "500 were never killed": a toll named to be denied, not the claim's own count. */
const DEATHS_DENIED_AFTER = /^\s*(?:(?:had|have|has|did|do|does|were|was)\s*(?:not|n['’]t)|never)\s+(?:\w+\s+)?(?:die|died|perish(?:ed)?|killed)\b/i;
const REFUTED_BEFORE =
  /\b(?:misled|misleading|mislead)\b[^.;]{0,60}\b(?:by\s+)?(?:citing|claiming|saying|putting)\s+(?:\S+\s+){0,3}$|\b(?:rejected|disputed|dismissed|challenged|refuted)\s+(?:the|a|an|its|their)?\s*(?:figure|estimate|number|claim|toll)\s+of\s+$/i;

/** "Of the 304 dead, 250 were students", "Of the 476 on board, 304 died": the group a count is taken within. */
const OF_GROUP_BEFORE =
  /^\W*(?:and\s+)?of\s+(?:the|these|those|its|their)\s+(?:[\d,]+\s+|\p{Ll}+\s+)?([\p{L}\s-]*?)(?:\s+(?:of|on|aboard|in|at|from)\b[^,]*)?,\s*$/iu;
/** A group that is everyone there: a count within it is the whole count ("Of the 476, 304 died"). */
const EVERYONE =
  /^(?:|people|persons|passengers|individuals|those|people\s+on\s+board|on\s+board|aboard|occupants|crew\s+and\s+passengers|passengers\s+and\s+crew)$/i;
/**
 * "a further 20", "added two missing passengers": what was added to a count, not the count; "the other 2,200
 * tonnes", "the remaining 40": what is left of a whole, a part of it. "Another 57 were injured" is not one: after a
 * death toll it counts other people, the whole count of its own measure.
 */
const INCREMENT_BEFORE = /\b(?:a\s+further|an\s+additional|the\s+(?:other|remaining))\s*$/i;
/** "added two missing passengers" adds them; "he added 40 people were hurt" reports a clause whose verb follows. */
const ADDED_BEFORE = /\badd(?:ed|s|ing)\s*$/i;
const CLAUSE_VERB_AFTER = /^\s*(?:were|was|are|is|had|have|has|died|remain(?:ed|s)?|will|would|could|may|might)\b/i;
const INCREMENT_AFTER = /^\s*(?:more|additional|further|extra|new)\b/i;
/**
 * "2,975 more people died than would have been expected": "more … than" compares two counts, and the figure is by how
 * many one exceeds the other (an excess, "2,975 excess deaths"), the count the sentence reports, not an increment.
 */
const EQUIVALENT_BEFORE = /\b(?:equivalent|equal)\s+to\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$/i;
const COMPARED_AFTER = /^\s*more\b[^,;.()]{0,80}?\bthan\b/i;
const LIMIT_BEFORE =
  /\b(permitted|allowed|authori[sz]ed|approved|permissible|legal|rated|limit(?:ed)?|capacity|cap(?:ped)?|permission|permit|licen[cs]e|approval|sanctioned)\b(?:\s+[\p{L}'’]+){0,3}\s+(?:to|of|at|was|is)?\s*$/iu;
const LIMIT_AFTER = /^[^,;.]{0,70}?\b(?:limit|allowed|permitted|capacity|authori[sz]ed|approved|licen[cs]ed|certified)\b/i;
/**
 * "paid $470 million in a settlement approved by the court": a participle right after another noun ("a settlement
 * approved by") says what was done to that noun, not that the figure is a limit.
 */
const APPROVES_ANOTHER_NOUN =
  /^[^,;.]{0,70}?\b(?:a|an|the|its|their)\s+(?:[\p{L}-]+\s+)?[\p{L}-]+\s+(?:allowed|permitted|authori[sz]ed|approved|licen[cs]ed|certified)\s+by\b/iu;

const TOTAL_BEFORE =
  /\b(?:(?:a|the)\s+total\s+(?:\w+\s+)?(?:of|at|to|above|below|near|was|is|stood\s+at|had\s+reached|reached|passed)|total(?:ling|ing|led|ed)?|overall|(?:the\s+)?final\s+(?:toll|count|figure|tally)\s+(?:was|is|at|of|stood\s+at)|cumulative(?:\s+\w+)?\s+(?:of|at|was|is))\s+(?:(?:about|around|nearly|almost|some|roughly|more\s+than|over|at\s+least|above|up\s+to)\s+)?$/i;
const OFFICIAL_BEFORE = /\bofficial(?:ly)?\s+(?:(?:death|casualty|hurricane|storm)\s+)?(?:toll|count|tally|figure|number|estimate)\b[^.;:]{0,30}$/i;
const TOTAL_AFTER = /^\s*(?:[\p{Ll}]+\s+){0,2}?(?:in\s+(?:all|total)|altogether|overall)(?=\s*(?:[,.;:!?)]|$))/iu;

const PHASE_START =
  /\b(?:at\s+(?:the\s+)?(?:start|outset|beginning)|at\s+first|initially|in\s+the\s+(?:first|early|opening)\s+(?:days?|weeks?|hours?|months?|stages?)|early\s+on|when\s+(?:it|the\s+\w+)\s+(?:began|started|first))\b/i;
const PHASE_END =
  /\b(?:at\s+the\s+end|by\s+the\s+end|towards?\s+the\s+end|(?:just|immediately|shortly)\s+before\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,3}?(?:was\s+)?(?:capp\w*|shut|seal\w*|stopp\w*|clos\w*|kill\w*)|when\s+(?:it|the\s+\w+)\s+(?:was\s+)?(?:capped|shut|sealed|stopped|ended)|in\s+the\s+(?:final|last)\s+(?:days?|weeks?|hours?|stages?))\b/iu;

/** The phase a stretch of text names, when it names one only. */
function phaseOf(stretch: string): "start" | "end" | undefined {
  const start = PHASE_START.test(stretch);
  const end = PHASE_END.test(stretch);
  return start === end ? undefined : start ? "start" : "end";
}

/** "258, down from the 289": what lies between a figure and the earlier one it replaced. */
const DOWN_FROM = /^(?:\s+[\p{L}'’]+){0,3}\s*,?\s*(?:down|up)\s+from\s+(?:the\s+|an?\s+)?(?:earlier\s+|previous\s+|initial\s+|original\s+)?$/iu;
/** "raised the official death toll from 64 to 2,975": the figure a change starts from, the next the one it goes to. */
const CHANGED_FROM =
  /\b(?:rais|rose|risen|lower|cut|reduc|increas|decreas|revis|adjust|updat|downgrad|upgrad|climb|jump|fell|fallen|dropp|declin|grew|grown|doubl|halv|chang|mov)\w*\b[^.;:]{0,70}\bfrom\s*$/i;
/** "then corrected the figure to 164", "later lowered it to 172": a figure that replaces one the claim gave before. */
const CORRECTED_TO =
  /\b(?:correct|revis|lower|rais|cut|reduc|increas|adjust|amend|updat|downgrad|upgrad)\w*\s+(?:the\s+|its\s+|that\s+|this\s+)?(?:(?:official|death|initial)\s+)?(?:figure|count|toll|number|estimate|total|tally|it)\s+(?:down\s+|up\s+)?to\s*$/i;

/** "17 people had died, not eleven" */
const REJECTS = /^(?:\s+[\p{L}'’]+){0,3}\s*,?\s*(?:and\s+)?(?:not|rather\s+than|instead\s+of)\s+(?:the\s+|an?\s+)?$/iu;

/** "1,052 more deaths than usual", "2,975 excess deaths", "more people died than would have been expected": excess mortality. */
const EXCESS_AFTER =
  /^\s*(?:excess\s+(?:deaths|mortality)|(?:more|additional|extra)\b[^.;:]{0,80}?\bthan\s+(?:usual|normal|expected|average|would\s+(?:otherwise\s+)?have|(?:in\s+)?(?:a\s+)?(?:normal|typical|average)\b))/i;

/** "demanded Rs200 million" → demand */
const HEAD_BEFORE =
  /([\p{L}]{3,})[\s,]+(?:(?:of|for|to|down|up|as|by|at|least|about|around|nearly|almost|some|an|(?<=\b(?:an|the)\s+)estimated|approximately|roughly|over|more|than|only|just|another|a|further|the|US|Rs\.?|PKR)\s+)*(?:\$|US\$|Rs\.?|€|£)?\s*$/iu;
/**
 * What a sum is to its holder. A target, a shortfall and a year's profits are not what was paid, so
 * "$30 million target" and "received $21 million" are not rival figures. The noun right after the
 * sum ("a $30 million target") says it first, then the word that governs it ("put the gap at").
 */
const MONEY_ROLES: [string, RegExp][] = [
  ["goal", /^(?:target|goal|aim|appeal|sought|seek|seeking|needed|needs?|required|requirements?|requested|asked|called)$/i],
  ["gap", /^(?:gap|shortfall|short|deficit|remaining|outstanding|missing)$/i],
  // "fined £6,500, with £5,000 in costs": a penalty and the costs a court orders beside it are two sums.
  ["fine", /^(?:fined|fines?|penalt(?:y|ies))$/i],
  ["costs", /^(?:costs|expenses|fees)$/i],
  // What was destroyed or lost is not what is needed to rebuild, nor what was paid.
  ["damage", /^(?:damages?|destruction|losses|loss|cost)$/i],
  ["earnings", /^(?:profits?|revenues?|turnover|sales|earnings|income|worth|valued?|budget|exports?)$/i],
  [
    "paid",
    /^(?:paid|pays?|paying|received|receives?|raised|raises?|donated|donates?|contributed|contributions?|gave|given|collected|disbursed|spent|transferred|came|totall?ed|handed|held|payments?|payouts?)$/i,
  ],
];
const MONEY_ROLE_AFTER = /^\s*(?:in\s+|of\s+|a\s+year\s+in\s+)?([\p{L}]+)/u;
const MONEY_ROLE_BEFORE =
  /(?:^|\s)(to\s+)?([\p{L}]{3,})[\s,]+(?:(?:of|for|to|at|by|about|around|nearly|almost|some|an|estimated|approximately|roughly|over|more|than|only|just|another|a|the|its|their|combined|yearly|annual)\s+)*(?:\$|US\$|Rs\.?|€|£)?\s*$/iu;
function moneyRole(before: string, after: string): string | undefined {
  const roleOf = (word: string) => MONEY_ROLES.find(([, pattern]) => pattern.test(word))?.[0];
  const following = MONEY_ROLE_AFTER.exec(after)?.[1];
  const named = following ? roleOf(following) : undefined;
  if (named) return named;
  const governing = MONEY_ROLE_BEFORE.exec(before);
  if (!governing) return undefined;
  // "needed two years to raise $30 million", "asked to pay": a sum still to be found is an aim, not a payment.
  if (governing[1] && !/^(?:date|up|about|around|over)$/i.test(governing[2]!)) return "goal";
  return roleOf(governing[2]!);
}

/** "the 87 days the well flowed", "had taken an hour and a half to arrive": the happening a span of time lasted, told after it. */
const DURATION_VERB_AFTER = /^\s+(?:(?:that|which)\s+)?(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\p{L}-]+\s+){0,2}?(\p{Ll}{3,}ed)\b|^\s+to\s+(\p{Ll}{3,})\b/u;
/** "flowed out of the well during the 86 days", "arrived within 15 minutes": the happening told before it. */
const DURATION_VERB_BEFORE =
  /\b(\p{Ll}{3,}ed)\b(?:\s+[^\s,;]+){0,6}?\s+(?:during|for|in|within|over|after)\s+(?:(?:the|a|an|its|their|some|about|nearly|almost|more\s+than|over)\s+)*$/u;

function durationHead(text: string, start: number, end: number): string | undefined {
  const after = DURATION_VERB_AFTER.exec(text.slice(end, end + 50));
  const before = DURATION_VERB_BEFORE.exec(clauseBefore(text, start).slice(-80));
  const verb = before?.[1] ?? after?.[1] ?? after?.[2];
  return verb ? (normalizeTerm(verb.toLowerCase()) ?? undefined) : undefined;
}

function headOf(text: string, start: number): string | undefined {
  const clause = clauseBefore(text, start).slice(-60);
  const word = HEAD_BEFORE.exec(clause)?.[1];
  return word ? (normalizeTerm(word.toLowerCase()) ?? undefined) : undefined;
}

/** The figure sits inside a statement the sentence reports ("the statement by X that …" before it). */
function reportedBefore(text: string, at: number): boolean {
  return [...text.slice(0, at).matchAll(REPORTED_STATEMENT)].length > 0;
}

export function extractQuantities(text: string, context = ""): QuantityFacet[] {
  return quantityMentions(text, context).map((mention) => mention.facet);
}

export function quantityMentions(text: string, context = ""): { facet: QuantityFacet; start: number }[] {
  const digits = digitMentions(text);
  const words = [...digits, ...wordMentions(text, digits)];
  const written = [...words, ...vagueMentions(text, words)];
  const all = [...written, ...articleSpans(text, written)].sort((x, y) => x.start - y.start).filter((mention) => mention.vague || !isDateOrName(text, mention));
  const result: { facet: QuantityFacet; start: number }[] = [];
  let previous: { facet: QuantityFacet; measured: Measured; index: number } | undefined;
  // The mention a "from X to Y" change goes to: Y revises X.
  let changeTarget = -1;
  const used = new Set<number>();
  for (let i = 0; i < all.length; i += 1) {
    if (used.has(i)) continue;
    const first = all[i]!;
    let last = first;
    let high = first.value;
    const next = all[i + 1];
    if (next && RANGE_JOIN.test(text.slice(first.end, next.start))) {
      const joiner = text.slice(first.end, next.start).trim().toLowerCase();
      const between = /\b(?:between|from)\s*$/i.test(text.slice(Math.max(0, first.start - 10), first.start));
      // "raised the official death toll from 64 to 2,975": a change from one figure to another, not a range.
      const changed = joiner === "to" && CHANGED_FROM.test(clauseBefore(text, first.start).slice(-90));
      if (changed) changeTarget = i + 1;
      if ((joiner !== "and" || between) && !changed) {
        last = next;
        used.add(i + 1);
        high = next.value;
      }
    }
    let low = first.value;
    // "12 to 19 million": the multiplier written once applies to both.
    if (last !== first && low < high / 1000 && /million|billion|thousand/i.test(last.text) && !/million|billion|thousand/i.test(first.text)) {
      low *= high / Number(last.text.replace(/[^\d.]/g, "")) || 1;
    }
    const upcoming = all.slice(i + 1).find((mention) => mention.start >= last.end);
    let measured = measureOf(text, first, last.end, context, upcoming?.start);
    // "about 10,000 people, organisers said; police estimated 2,500": a bare figure after a measured one counts the same thing.
    const elliptical = measured ? undefined : ellipticalOf(text, first, last, previous);
    if (elliptical) measured = elliptical.measured;
    // "a low estimate of 1,063, a best guess of 5,758 and a high estimate of 14,266 barrels per day": the list's unit
    // is written once, after its last figure.
    const listed = !measured && last === first ? listUnitOf(text, all, i, context) : null;
    if (listed) measured = listed.measured;
    if (!measured) continue;
    const afterUnit = listed ? listed.unitEnd : last.end + measured.consumed;
    // "a 95% confidence interval of 793 to 8,498": the level of a statistical interval is no figure of the claim's,
    // and the interval's bare figures count what the estimate before it counts.
    if (measured.dimension === "percent" && STATISTICAL_LEVEL.test(text.slice(afterUnit, afterUnit + 30))) continue;
    const rateMatch = RATE.exec(text.slice(afterUnit, afterUnit + 40)) ?? (measured.unit === "bpd" ? ["", "day"] : null);
    const rate = rateMatch
      ? (rateMatch[1] ?? rateMatch[2] ?? rateMatch[3] ?? "day")
          .toLowerCase()
          .replace(/^(?:daily|d)$/, "day")
          .replace("annually", "year")
          .replace("weekly", "week")
      : null;
    if (measured.dimension === "duration" && rate && !elliptical) continue;
    // "$470 million (equivalent to $845 million in 2018)": a sum converted to other money or another year's prices
    // restates the sum before it; it is no sum of its own.
    if (
      measured.dimension === "money" &&
      previous?.facet.dimension === "money" &&
      EQUIVALENT_BEFORE.test(text.slice(Math.max(0, first.start - 40), first.start))
    )
      continue;
    let measure = measured.measure;
    if (measured.dimension === "volume" && RECOVERED.test(text.slice(Math.max(0, first.start - 40), afterUnit + 40))) measure = "recovered";
    // What reached the sea is not what left the well: the destination makes it another measure.
    else if (measured.dimension === "volume" && REACHED.test(text.slice(afterUnit, afterUnit + 60))) measure = "reached";
    else if (measured.dimension === "volume")
      measure = rate
        ? "flow"
        : /\b(?:flow|leak\w*|gush\w*|spew\w*|escap\w*)\b/i.test(text.slice(Math.max(0, first.start - 60), afterUnit + 30)) && /\b(?:a|per)\s+day\b/i.test(text)
          ? "flow"
          : "spill";
    // Sums are told apart by their currency and the event, not by what they paid for.
    if (measured.dimension === "money") measure = "money";
    if (measured.dimension === "mass") measure = massFate(text, first.start, afterUnit);
    if (elliptical) measure = elliptical.facet.measure;
    const figureRate = elliptical ? elliptical.facet.rate : rate;
    let { modality, bound, strictBound } = modalityOf(text, first.start);
    // "1,052 more deaths than usual", "2,975 excess deaths": a count against an expected baseline is a statistical estimate.
    if (modality === "asserted" && EXCESS_AFTER.test(text.slice(last.end, last.end + 120))) modality = "estimate";
    // "The worst case would be 60,000": a figure for the maximum, not a bound on the figure.
    if (WORST_CASE.test(clauseBefore(text, first.start)) || WORST_CASE.test(text.slice(afterUnit, afterUnit + 40))) {
      measure = `${measure}-max`;
      modality = "estimate";
      bound = undefined;
      strictBound = false;
    }
    const step = Math.min(first.step, last.step) * measured.factor;
    const lowValue = Math.min(low, high) * measured.factor;
    const highValue = Math.max(low, high) * measured.factor;
    const nearly = NEARLY_BEFORE.test(text.slice(Math.max(0, first.start - 20), first.start));
    const hedge =
      /(?:at\s+least|(?:no\s+|not\s+)?more\s+than|(?:larger|greater|higher)\s+than|over|up\s+to|as\s+(?:much|many)\s+as|about|around|approximately|roughly|nearly|almost|some|an\s+estimated|less\s+than|fewer\s+than)\s+$/i.exec(
        text.slice(Math.max(0, first.start - 24), first.start),
      );
    // "hundreds", "triple figures" alone: the span the words name is the figure's.
    const span = last === first ? first.vague : undefined;
    const facet: QuantityFacet = {
      text: text
        .slice(
          first.start - (hedge ? hedge[0].length : 0),
          listed ? last.end : afterUnit + (measured.dimension === "duration" ? (AND_A_HALF.exec(text.slice(afterUnit))?.[0].length ?? 0) : 0),
        )
        .trim()
        .replace(/^\p{Lu}(?=\p{Ll}+\s)/u, (letter) => letter.toLowerCase()),
      low: span ? span.low * measured.factor : lowValue,
      high: span ? span.high * measured.factor : highValue,
      ...(span
        ? { allowLow: span.low * measured.factor, allowHigh: span.high * measured.factor }
        : nearly
          ? { allowLow: lowValue - Math.min(step, lowValue / 5), allowHigh: highValue * (1 - 1e-9) }
          : allowed(lowValue, highValue, step, modality, bound, strictBound)),
      dimension: measured.dimension,
      measure,
      rate: figureRate,
      unit: measured.unit,
      modality,
      ...(bound ? { bound } : {}),
      ...(measured.currency ? { currency: measured.currency } : {}),
    };
    if (span) {
      facet.vague = true;
      if (facet.modality === "asserted") facet.modality = "estimate";
    }
    const head = measured.head ?? (measured.dimension === "duration" ? durationHead(text, first.start, afterUnit) : undefined) ?? headOf(text, first.start);
    if (head) facet.head = head;
    const substance =
      measured.dimension === "mass" || measured.dimension === "volume"
        ? (SUBSTANCE_AFTER.exec(text.slice(afterUnit, afterUnit + 40)) ??
          SUBSTANCE_BEFORE.exec(clauseBefore(text, first.start).slice(-90)) ??
          // "… 552 tonnes of ammonium nitrate exploded. Sources said 700 to 1,000 tonnes.": the weight just named.
          SUBSTANCE_IN_CONTEXT.exec(recentSentences(context)))
        : null;
    if (substance) facet.substance = substance[1]!.toLowerCase().replace(/s$/, "");
    // "rose to 154, among them 25 bodies not yet identified": a part of a count is not a rival count of the whole.
    if (PART_BEFORE.test(text.slice(Math.max(0, first.start - 30), first.start)) || PART_AFTER.test(text.slice(afterUnit, afterUnit + 30))) facet.part = true;
    // "Of the 325 students on board, 250 died": a count within a group is a part, unless the group is everyone there.
    const group = OF_GROUP_BEFORE.exec(clauseBefore(text, first.start));
    if (group && !EVERYONE.test(group[1]!.trim())) facet.part = true;
    // "two additional missing passengers", "a further 20 bodies", "the other 2,200 tonnes": an increment or a remainder is not the count.
    const before = text.slice(Math.max(0, first.start - 24), first.start);
    if (
      INCREMENT_BEFORE.test(before) ||
      (INCREMENT_AFTER.test(text.slice(last.end, last.end + 16)) && !COMPARED_AFTER.test(text.slice(last.end, last.end + 100))) ||
      (ADDED_BEFORE.test(before) && !CLAUSE_VERB_AFTER.test(text.slice(afterUnit, afterUnit + 16)))
    )
      facet.part = true;
    // "about 62,000 barrels a day at the start, 53,000 just before the capping": a rate told at a phase of what it measures.
    const phase =
      phaseOf(text.slice(afterUnit, Math.min(afterUnit + 100, upcoming?.start ?? text.length))) ?? phaseOf(clauseBefore(text, first.start).slice(-70));
    if (phase) facet.phase = phase;
    // "a total of 3,787 deaths", "put the total above 25,000", "the final toll was 1,134": the whole count, not a part of it.
    if (TOTAL_BEFORE.test(clauseBefore(text, first.start).slice(-40)) || TOTAL_AFTER.test(text.slice(afterUnit, afterUnit + 24))) facet.total = true;
    // "kept its official count at 64", "the official death toll was 55": the count an authority stands behind.
    if (OFFICIAL_BEFORE.test(clauseBefore(text, first.start).slice(-60))) facet.official = true;
    // "cut the ship's permitted cargo to 987 tons", "987 tons, the limit the register had set": a limit is not what was carried.
    const limitBefore = LIMIT_BEFORE.exec(text.slice(Math.max(0, first.start - 50), first.start));
    // "six floors stood where the licence allowed only three": the limit word governs the next figure, not this one.
    const limitAfter =
      LIMIT_AFTER.test(text.slice(afterUnit, afterUnit + 70)) &&
      !APPROVES_ANOTHER_NOUN.test(text.slice(afterUnit, afterUnit + 70)) &&
      !(upcoming && upcoming.start < afterUnit + 70 && LIMIT_BEFORE.test(text.slice(Math.max(afterUnit, upcoming.start - 50), upcoming.start)));
    if (!facet.measure.endsWith("-max") && !facet.measure.endsWith("-limit") && (limitBefore || limitAfter)) {
      facet.measure = `${facet.measure}-limit`;
      // "permission for five storeys" / "permission existed for only six": the word that sets the limit governs the figure.
      const setter = limitBefore ? normalizeTerm(limitBefore[1]!.toLowerCase()) : null;
      if (setter) facet.head = setter;
    }
    if (measured.dimension === "money") {
      const role = moneyRole(clauseBefore(text, first.start).slice(-60), text.slice(afterUnit, afterUnit + 40));
      if (role) facet.role = role;
    }
    if (REFUTED_AFTER.test(text.slice(afterUnit, afterUnit + 90)) || REFUTED_BEFORE.test(text.slice(Math.max(0, first.start - 100), first.start)))
      facet.refuted = true;
    if (measure === "death" && DEATHS_DENIED_AFTER.test(text.slice(afterUnit, afterUnit + 40))) {
      facet.refuted = true;
      // "answered the statement by X that 3,000 people did not die": X's denial, reported, not the sentence's own.
      if (!reportedBefore(text, first.start)) facet.denied = true;
    }
    const following = all[i + 1];
    if (following && !used.has(i + 1) && REJECTS.test(text.slice(afterUnit, following.start))) {
      facet.rejects = following.value * measured.factor;
      used.add(i + 1);
    } else if (following && !used.has(i + 1) && DOWN_FROM.test(text.slice(afterUnit, following.start))) {
      // "258, down from the 289 announced on Wednesday": the earlier figure, not a second count.
      facet.revisedFrom = following.value * measured.factor;
      used.add(i + 1);
    }
    // "announced that 368 people had been rescued, then corrected the figure to 164": the first figure is replaced.
    const replaced =
      previous && (CORRECTED_TO.test(text.slice(Math.max(0, first.start - 60), first.start)) || (changeTarget === i && previous.index === i - 1))
        ? previous.facet
        : undefined;
    if (replaced && replaced.dimension === facet.dimension && replaced.measure === facet.measure) {
      facet.revisedFrom = replaced.low;
      replaced.superseded = true;
    }
    // "a risk 60 percent higher", "rose 12 percent", "a rise of 8 percent": a change or a gap between two things, not a share.
    if (
      facet.dimension === "percent" &&
      (PERCENT_GAP_AFTER.test(text.slice(afterUnit, afterUnit + 30)) || PERCENT_CHANGE_BEFORE.test(text.slice(Math.max(0, first.start - 30), first.start)))
    )
      facet.change = true;
    result.push({ facet, start: first.start });
    previous = { facet, measured, index: i };
  }
  return result;
}

const PERCENT_GAP_AFTER =
  /^\s*(?:(?:point|points)\s+)?(?:higher|lower|more|less|greater|fewer|larger|smaller|bigger|above|below|up|down|faster|slower|increase|decrease|rise|drop|fall|jump|gain|cut)\b/i;
const PERCENT_CHANGE_BEFORE =
  /\b(?:(?:rise|increase|drop|fall|decline|jump|gain|cut|reduction|growth|change)\s+of|(?:rose|risen|fell|fallen|jumped|climbed|dropped|declined|grew|grown|increased|decreased|shrank|gained|lost|cut)(?:\s+by)?|up|down|by)\s+(?:(?:about|around|roughly|nearly|almost|some|more\s+than|over|at\s+least|up\s+to)\s+)?$/i;
const STATISTICAL_LEVEL = /^\s*(?:confidence|credible|certainty|uncertainty|prediction|significance)\s+(?:interval|level|range|bounds?|limits?)\b/i;

/** What a bare figure may stand after: the clause ends, or a source or a comparison follows ("…, police said", "as reported"). */
const BARE_FIGURE_END = /^\s*(?:$|[.,;:!?)"”’]|(?:as|according|instead|rather|only|in\s+(?:all|total)|altogether)\b)/i;
/** "aged 14 to 60", "No. 6", "in 14 days' time": figures that are not counts of the thing just measured. */
const NOT_ELLIPTICAL_BEFORE =
  /\b(?:aged?|ages|no\.?|number|flight|route|gate|room|platform|page|line|grade|level|category|article|section|rule|act|phase|zone)\s*$/i;

/** Between two figures of one list: a comma or "and"/"or", and at most a short noun phrase ending in "of". */
const LIST_GAP = /^\s*(?:,\s*(?:(?:and|or)\s+)?|\s(?:and|or)\s+)(?:(?:a|an|the|its|their)\s+(?:[\p{L}-]+\s+){0,3}of\s+)?$/iu;

function listUnitOf(text: string, all: NumberMention[], index: number, context: string): { measured: Measured; unitEnd: number } | null {
  for (let at = index; at + 1 < all.length && at - index < 6; at += 1) {
    const [here, next] = [all[at]!, all[at + 1]!];
    if (!LIST_GAP.test(text.slice(here.end, next.start))) return null;
    const upcoming = all.slice(at + 2).find((mention) => mention.start >= next.end);
    const measured = measureOf(text, next, next.end, context, upcoming?.start);
    // Only a unit written after the last figure is the list's; a toll's noun before it ("the dead numbered …") is its own.
    if (measured) return measured.consumed > 0 ? { measured: { ...measured, consumed: 0, head: undefined }, unitEnd: next.end + measured.consumed } : null;
  }
  return null;
}

function ellipticalOf(
  text: string,
  first: NumberMention,
  last: NumberMention,
  previous: { facet: QuantityFacet; measured: Measured } | undefined,
): { measured: Measured; facet: QuantityFacet } | undefined {
  if (!previous || previous.facet.part || previous.facet.dimension === "duration") return undefined;
  if (!BARE_FIGURE_END.test(text.slice(last.end, last.end + 30))) return undefined;
  // "1,135, not 1,134 and not 1,137": a figure named to be rejected is not the speaker's count.
  if (/\b(?:not|rather\s+than|instead\s+of)\s*$/i.test(text.slice(Math.max(0, first.start - 16), first.start))) return undefined;
  const before = text.slice(Math.max(0, first.start - 16), first.start);
  // "Hangar 12", "Gate 5": a number right after a capitalized noun is its label.
  if (NOT_ELLIPTICAL_BEFORE.test(before) || /\p{Lu}[\p{L}-]*\s*$/u.test(before)) return undefined;
  return { measured: { ...previous.measured, consumed: 0, head: undefined }, facet: previous.facet };
}

export function quantitiesDisagree(a: QuantityFacet, b: QuantityFacet): boolean {
  if (!comparableQuantities(a, b)) return false;
  if (a.rejects !== undefined && Math.abs(a.rejects - b.low) < 1e-9 * Math.max(1, b.low)) return true;
  if (b.rejects !== undefined && Math.abs(b.rejects - a.low) < 1e-9 * Math.max(1, a.low)) return true;
  const aHigh = a.allowHigh ?? Number.POSITIVE_INFINITY;
  const bHigh = b.allowHigh ?? Number.POSITIVE_INFINITY;
  // Intervals that only touch ("258" and "259", each ± half a unit) hold no common value.
  return aHigh <= b.allowLow || bHigh <= a.allowLow;
}

/** The same kind of figure, and not two named parties' own. */
export function comparableQuantities(a: QuantityFacet, b: QuantityFacet): boolean {
  return (
    a.dimension === b.dimension &&
    // A change or gap compares only with a change of the same thing ("the risk … 60 percent higher" / "a risk 35 percent higher"
    // for other groups are two gaps); a share never with a change.
    (a.change ?? false) === (b.change ?? false) &&
    (!a.change || (a.head !== undefined && a.head === b.head)) &&
    sameMeasure(a, b) &&
    a.rate === b.rate &&
    (a.currency ?? null) === (b.currency ?? null) &&
    (a.role === undefined || b.role === undefined || a.role === b.role) &&
    (a.part ?? false) === (b.part ?? false) &&
    (a.phase === undefined || b.phase === undefined || a.phase === b.phase) &&
    !differentHolders(a, b)
  );
}

/** "About 3,500 had been inside": a count with no noun of its own counts people of any kind ("3,122 workers"). */
function sameMeasure(a: QuantityFacet, b: QuantityFacet): boolean {
  if (a.measure === b.measure) return true;
  // A limit compares only with a limit.
  if (a.measure.endsWith("-limit") || b.measure.endsWith("-limit")) return false;
  // A mass the sentence does not say the fate of may be either.
  if (a.dimension === "mass") return a.measure === "mass" || b.measure === "mass";
  if (a.dimension !== "people") return false;
  return (a.measure === "people" && b.measure.startsWith("people-")) || (b.measure === "people" && a.measure.startsWith("people-"));
}

/** The keys a figure is found by: a count of workers is also a count of people. */
export function quantityKeys(quantity: QuantityFacet): string[] {
  const key = quantityKey(quantity);
  return quantity.dimension === "people" && quantity.measure.startsWith("people-") ? [key, quantityKey({ ...quantity, measure: "people" })] : [key];
}

/** "people:death", "volume:flow:day" */
export function quantityKey(quantity: QuantityFacet): string {
  return [quantity.dimension, quantity.measure, quantity.rate, quantity.currency].filter(Boolean).join(":");
}
