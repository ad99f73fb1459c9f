// Numbers and dates as a claim states them, with enough context to tell whether two claims
// give different figures for the same thing. Pure functions, no database.
import { contentTerms, termsOfWords, words } from "@/lib/text/terms";
import { MONTH_ALTERNATION, MONTHS } from "@/lib/text/months";
export { dates, datesDisagree, type DateMention } from "@/lib/text/dates";

export interface Quantity {
  /** The figure as written ("68%", "70 per cent", "18 days"). */
  text: string;
  /** Interval the statement allows; open bounds are Infinity / 0. */
  low: number;
  high: number;
  unit: string;
  /** "each", "a day"… — a rate is only comparable with the same rate. */
  basis: string | null;
  /** Content terms near the figure: what it counts. */
  context: Set<string>;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};

const MULTIPLIERS: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, lac: 1e5, lakh: 1e5, crore: 1e7 };

/** Unit words and what they count; durations are converted to days. */
const UNITS: Record<string, { unit: string; factor?: number }> = {
  "%": { unit: "percent" }, percent: { unit: "percent" }, "per cent": { unit: "percent" },
  people: { unit: "people" }, persons: { unit: "people" }, person: { unit: "people" }, individuals: { unit: "people" },
  men: { unit: "people" }, civilians: { unit: "people" },
  policemen: { unit: "police" }, officers: { unit: "police" },
  deaths: { unit: "deaths" }, dead: { unit: "deaths" }, killings: { unit: "deaths" }, killed: { unit: "deaths" },
  seats: { unit: "seats" }, members: { unit: "members" }, supporters: { unit: "supporters" }, workers: { unit: "workers" },
  militants: { unit: "militants" }, cases: { unit: "cases" }, children: { unit: "children" },
  days: { unit: "duration", factor: 1 }, day: { unit: "duration", factor: 1 }, weeks: { unit: "duration", factor: 7 },
  week: { unit: "duration", factor: 7 }, months: { unit: "duration", factor: 30 }, month: { unit: "duration", factor: 30 },
  years: { unit: "duration", factor: 365 }, year: { unit: "duration", factor: 365 },
  rupees: { unit: "money" }, pounds: { unit: "money" }, dollars: { unit: "money" },
};

const APPROXIMATE = /\b(about|around|approximately|roughly|some|nearly|almost|an estimated|estimated|close to)\s*$/i;
const AT_LEAST = /\b(over|more than|at least|above|upwards of|in excess of)\s*$/i;
const AT_MOST = /\b(up to|less than|under|fewer than|at most|no more than)\s*$/i;
const RATE_AFTER = /^\s*(?:\S+\s+){0,3}?(a day|per day|a year|per year|a week|a month|each|per|every)\b/i;

function numberValue(token: string): number | null {
  const clean = token.replace(/,/g, "");
  if (/^\d+(\.\d+)?$/.test(clean)) return Number(clean);
  return NUMBER_WORDS[token.toLowerCase()] ?? null;
}

function isYear(value: number, raw: string): boolean {
  return /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100;
}

/**
 * Figures with a unit: "68% of all GOP tax revenues", "about 8 to 10 individuals", "for 18 days".
 * Bare numbers (ages, years, list numbers) are left out: without a unit there is nothing to compare.
 */
export function quantities(text: string): Quantity[] {
  const result: Quantity[] = [];
  const pattern =
    /(\$\s?)?\b(\d[\d,]*(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a dozen|dozen)\b(?:\s*(?:-|–|to)\s*(\d[\d,]*(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|twenty))?(?:[\s-]+(thousand|million|billion|lac|lakh|crore))?(\s*%|\s*-?\s*(?:per cent|percent)|[\s-]+(?:[a-z]+\s+){0,2}?(people|persons|person|individuals|men|civilians|policemen|officers|deaths|dead|killings|seats|members|supporters|workers|militants|cases|children|days|day|weeks|week|months|month|years|year|rupees|pounds|dollars)\b)?/gi;
  for (const match of text.matchAll(pattern)) {
    const [whole, dollar, first, second, multiplierWord, unitPart, unitWord] = match;
    const firstValue = numberValue(first!.replace(/^a /i, ""));
    if (firstValue === null) continue;
    if (!unitPart && !dollar && !multiplierWord) continue;
    if (isYear(firstValue, first!) && !unitPart) continue;
    const multiplier = multiplierWord ? MULTIPLIERS[multiplierWord.toLowerCase()]! : 1;
    let unitKey = unitWord?.toLowerCase() ?? (unitPart ? (unitPart.includes("%") ? "%" : "percent") : "");
    if (!unitKey && dollar) unitKey = "dollars";
    if (!unitKey) continue;
    const unitInfo = UNITS[unitKey];
    if (!unitInfo) continue;
    const start = match.index ?? 0;
    const after = text.slice(start + whole.length, start + whole.length + 40);
    // "the 42-year-old" is an age, not a span of time.
    if (unitInfo.unit === "duration" && /^[\s-]*old\b/i.test(after)) continue;
    // "after five years in detention" and "the 42-year-old" are ages or spans of a story,
    // comparable only when the rest of the sentence is about the same thing.
    const factor = unitInfo.factor ?? 1;
    let low = firstValue * multiplier * factor;
    let high = low;
    if (second) {
      const secondValue = numberValue(second);
      if (secondValue !== null) high = secondValue * multiplier * factor;
    }
    const before = text.slice(Math.max(0, start - 30), start);
    if (APPROXIMATE.test(before)) {
      low *= 0.85;
      high *= 1.15;
    } else if (AT_LEAST.test(before)) {
      high = Number.POSITIVE_INFINITY;
    } else if (AT_MOST.test(before)) {
      low = 0;
    }
    const rate = RATE_AFTER.exec(after);
    // Whole words only: a window cut mid-word would invent terms ("tria").
    const lead = start > 60 ? text.slice(start - 60, start).replace(/^\S*\s/, "") : text.slice(0, start);
    const tail = start + whole.length + 40 < text.length ? after.replace(/\s\S*$/, "") : after;
    const windowText = `${lead} ${tail}`;
    result.push({
      text: whole.trim(),
      low,
      high,
      unit: unitInfo.unit,
      basis: rate ? rate[1]!.toLowerCase() : null,
      context: contentTerms(windowText),
    });
  }
  return result;
}

export function intervalsDisagree(a: Quantity, b: Quantity): boolean {
  return a.high < b.low || b.high < a.low;
}

/** Content terms of a text with its dates and figures left out: what the claim is about. */
export function eventTerms(text: string): Set<string> {
  const stripped = text
    .replace(new RegExp(`\\b(${MONTH_ALTERNATION})\\b`, "gi"), " ")
    .replace(/\d+/g, " ");
  const tokens = words(stripped);
  const terms = termsOfWords(tokens);
  for (const word of tokens) if (MONTHS.includes(word)) terms.delete(word);
  return terms;
}
