// "the fire started on the first floor": a fire starts in one place, so different places for the same start disagree.
import { MONTH_WORDS, WEEKDAYS } from "@/lib/text/months";
import { normalizeTerm } from "@/lib/text/terms";

export interface OriginPlace {
  /** What began there, normalized ("fire", "missil"); null when the sentence does not say. */
  subject: string | null;
  start: "begin" | "launch" | "depart";
  place: string;
  key: string;
}

const STARTS: Record<OriginPlace["start"], string> = {
  begin: String.raw`start(?:ed|s)?|began|begun|begins|originat(?:ed|es)|broke\s+out|erupt(?:ed|s)`,
  launch: String.raw`(?:was|were|been|being)\s+(?:fired|launched)|fired|launched`,
  depart: String.raw`took\s+off|departed|left`,
};
const FLOOR = String.raw`(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ground|top|upper|lower|basement)\s+(?:floor|storey|story|level)|(?:the\s+)?basement`;
const NAME = String.raw`\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}`;
const PATTERNS = Object.entries(STARTS).map(([start, verbs]) => ({
  start: start as OriginPlace["start"],
  pattern: new RegExp(
    String.raw`(?:\b(\p{L}+)\s+(?:had\s+|has\s+|have\s+)?)?\b(?:${verbs})\b(?:\s+[\p{L}'’-]+){0,4}?\s+(?:from|in|on|at|near|inside)\s+(${FLOOR}|${NAME})`,
    "giu",
  ),
}));
const NOT_PLACES = new Set([...MONTH_WORDS, ...WEEKDAYS].map((word) => word.toLowerCase()));

/** A cheap test first: most claims hold none of the verbs. */
const ANY_START = /\b(?:start|began|begun|begin|originat|broke|erupt|fired|launched|took|departed|left)/i;

export function originPlaces(text: string): OriginPlace[] {
  const found: OriginPlace[] = [];
  if (!ANY_START.test(text)) return found;
  for (const { start, pattern } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const place = match[2]!.trim();
      const key = place
        .toLowerCase()
        .replace(/^the\s+/, "")
        .replace(/['’]s$/, "")
        .replace(/\s+/g, " ");
      if (NOT_PLACES.has(key.split(" ")[0]!)) continue;
      const subject = match[1] ? normalizeTerm(match[1].toLowerCase()) : null;
      found.push({ subject, start, place, key });
    }
  }
  return found;
}

export function sameStart(a: OriginPlace, b: OriginPlace): boolean {
  return a.start === b.start && (a.subject === null || b.subject === null || a.subject === b.subject);
}

/** Neither names the other. */
export function differentPlaces(a: OriginPlace, b: OriginPlace): boolean {
  return a.key !== b.key && !a.key.includes(b.key) && !b.key.includes(a.key);
}
