// Dates a sentence states, as ranges of yyyymmdd integers, so that two mentions can be compared.
import { MONTH_ALTERNATION, MONTHS, monthIndex } from "@/lib/text/months";
import { termsOfWords, words } from "@/lib/text/terms";

function monthNumber(name: string): number {
  return (monthIndex(name.slice(0, 3)) ?? 0) + 1;
}

export interface DateMention {
  text: string;
  /** "day" | "month" | "year" — only dates of the same precision are compared. */
  precision: "day" | "month" | "year";
  /** Inclusive range of yyyymmdd integers the mention covers. */
  from: number;
  to: number;
  /** String indices, end exclusive. */
  start: number;
  end: number;
}

function ymd(year: number, month: number, day: number): number {
  return year * 10000 + month * 100 + day;
}

/** Dates a claim states: "April 30, 2017", "30 April 2017", "March 2003", "in 1984", "1985–86". */
export function dates(text: string): DateMention[] {
  const result: DateMention[] = [];
  const taken: [number, number][] = [];
  const overlapsTaken = (start: number, end: number) => taken.some(([s, e]) => start < e && end > s);
  const push = (mention: Omit<DateMention, "start" | "end">, start: number, end: number) => {
    if (overlapsTaken(start, end)) return;
    taken.push([start, end]);
    result.push({ ...mention, start, end });
  };

  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(${MONTH_ALTERNATION})\\.?,?\\s+(\\d{4})\\b`, "gi");
  const monthFirst = new RegExp(`\\b(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "gi");
  for (const match of text.matchAll(dayFirst)) {
    const value = ymd(Number(match[3]), monthNumber(match[2]!), Number(match[1]));
    push({ text: match[0], precision: "day", from: value, to: value }, match.index!, match.index! + match[0].length);
  }
  for (const match of text.matchAll(monthFirst)) {
    const value = ymd(Number(match[3]), monthNumber(match[1]!), Number(match[2]));
    push({ text: match[0], precision: "day", from: value, to: value }, match.index!, match.index! + match[0].length);
  }
  const monthYear = new RegExp(`\\b(${MONTH_ALTERNATION})\\.?,?\\s+(\\d{4})\\b`, "gi");
  for (const match of text.matchAll(monthYear)) {
    if (match[1]!.toLowerCase() === "may" && !/^May\b/.test(match[1]!)) continue;
    const year = Number(match[2]);
    const month = monthNumber(match[1]!);
    push({ text: match[0], precision: "month", from: ymd(year, month, 1), to: ymd(year, month, 31) }, match.index!, match.index! + match[0].length);
  }
  const yearRange = /\b(1[89]\d\d|20\d\d)\s*(?:-|–|to)\s*(\d{2}|1[89]\d\d|20\d\d)\b(?!\s*(?:hours|hrs))/g;
  for (const match of text.matchAll(yearRange)) {
    const first = Number(match[1]);
    const secondRaw = match[2]!;
    const second = secondRaw.length === 2 ? Math.floor(first / 100) * 100 + Number(secondRaw) : Number(secondRaw);
    if (second < first) continue;
    push({ text: match[0], precision: "year", from: ymd(first, 1, 1), to: ymd(second, 12, 31) }, match.index!, match.index! + match[0].length);
  }
  const year = /\b(?:in|of|since|by|from|until|during|year)\s+(1[89]\d\d|20\d\d)(?!\s*(?:-|–)\s*\d)\b/gi;
  for (const match of text.matchAll(year)) {
    const value = Number(match[1]);
    const start = match.index! + match[0].length - match[1]!.length;
    push({ text: match[1]!, precision: "year", from: ymd(value, 1, 1), to: ymd(value, 12, 31) }, start, start + 4);
  }
  return result;
}

/** "On June 10": a day without its year, as mmdd (both mentions compared share the story's year). */
export function yearlessDays(text: string, dated: DateMention[]): { text: string; monthDay: number; start: number; end: number }[] {
  const result: { text: string; monthDay: number; start: number; end: number }[] = [];
  const monthFirst = new RegExp(`\\b(${MONTH_ALTERNATION})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*,?\\s*\\d{4})(?![\\d:])`, "gi");
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_ALTERNATION})\\b(?!\\.?,?\\s*\\d{4})`, "gi");
  const push = (match: RegExpMatchArray, month: string, day: string) => {
    const start = match.index!;
    const end = start + match[0].length;
    if (dated.some((date) => start < date.end && end > date.start)) return;
    if (month.toLowerCase() === "may" && !/^May\b/.test(month)) return;
    const value = Number(day);
    if (value < 1 || value > 31) return;
    result.push({ text: match[0], monthDay: monthNumber(month) * 100 + value, start, end });
  };
  for (const match of text.matchAll(monthFirst)) push(match, match[1]!, match[2]!);
  for (const match of text.matchAll(dayFirst)) push(match, match[2]!, match[1]!);
  return result;
}

/** Verbs of saying: a date next to one tells when something was said, not when it happened. */
const SAYING =
  "said|says|told|tells|testified|stated|reported|announced|wrote|submitted|confirmed|concluded|ruled|argued|insisted|claimed|added|explained|alleged|declared|denied|rejected|admitted|acknowledged|published|released|issued|estimated|calculated|put|gave|given|raised|revised|lowered|adopted|cited|updated";
const SAID_BEFORE = new RegExp(`\\b(?:${SAYING})\\s+(?:on|in|at)?\\s*(?:the\\s+)?$`, "i");
const SAID_AFTER = new RegExp(`^,?\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\p{L}'’.-]+\\s+){0,9}?(?:${SAYING})\\b`, "iu");

/** "On June 15 the government announced …": a statement's date says nothing against the happening's. */
export function isStatementDate(text: string, mention: Pick<DateMention, "start" | "end">): boolean {
  const before = text.slice(Math.max(0, mention.start - 24), mention.start);
  const after = text.slice(mention.end, mention.end + 80);
  return SAID_BEFORE.test(before) || SAID_AFTER.test(after);
}

const ORDINAL_DAY = /^,?\s*(?:and\s+)?not\s+(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/i;

/** "on 12 September 2012, not the 11th": the day the claim corrects, in the same month. */
export function rejectedDay(text: string, mention: DateMention): number | null {
  if (mention.precision !== "day") return null;
  const match = ORDINAL_DAY.exec(text.slice(mention.end, mention.end + 24));
  if (!match) return null;
  const day = Number(match[1]);
  return day >= 1 && day <= 31 ? Math.floor(mention.from / 100) * 100 + day : null;
}

/** ", not September like the papers keep writing": a month the claim says is wrong, in the mention's year. */
const NOT_MONTH = new RegExp(`^[^.;]{0,80}?\\bnot\\s+(?:in\\s+)?(${MONTH_ALTERNATION})\\b`, "i");

/** "came in on 21 November 2013, … not September": the month (yyyymm) the claim corrects, in the same year. */
export function rejectedMonth(text: string, mention: DateMention): number | null {
  if (mention.precision === "year") return null;
  const match = NOT_MONTH.exec(text.slice(mention.end, mention.end + 100));
  if (!match) return null;
  const month = monthNumber(match[1]!);
  return month === Math.floor(mention.from / 100) % 100 ? null : Math.floor(mention.from / 10000) * 100 + month;
}

export function datesDisagree(a: DateMention, b: DateMention): boolean {
  return a.to < b.from || b.to < a.from;
}

/** Content terms of a text with its dates and figures left out: what the claim is about. */
export function eventTerms(text: string): Set<string> {
  const stripped = text.replace(new RegExp(`\\b(${MONTH_ALTERNATION})\\b`, "gi"), " ").replace(/\d+/g, " ");
  const tokens = words(stripped);
  const terms = termsOfWords(tokens);
  for (const word of tokens) if (MONTHS.includes(word)) terms.delete(word);
  return terms;
}

const CLOCK = /\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?/;
const CALENDAR = new RegExp(
  `\\b(?:${MONTH_ALTERNATION})\\.?\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+(?:${MONTH_ALTERNATION})\\.?\\s+\\d{4}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b`,
  "i",
);
const STAMP_WORDS = new RegExp(
  `\\b(?:${MONTH_ALTERNATION})\\b\\.?|\\b\\d+(?:st|nd|rd|th)?\\b|\\b(?:updated|published|posted|last|modified|am|pm|gmt|utc|est|edt|pst|pdt|bst|pkt|ist|in|ago|years?|months?|days?|hours?|minutes?|mins?|read|min)\\b`,
  "gi",
);

/** A page's timestamp line ("June 20, 2010 / 7:25 PM / in 8 years"): never a title, never a claim. */
export function isTimestampLine(line: string): boolean {
  if (line.length > 140 || !CLOCK.test(line) || !CALENDAR.test(line)) return false;
  const rest = line
    .replace(CALENDAR, " ")
    .replace(CLOCK, " ")
    .replace(STAMP_WORDS, " ")
    .replace(/[^\p{L}]+/gu, " ")
    .trim();
  return rest === "" || rest.split(/\s+/).length <= 3;
}
