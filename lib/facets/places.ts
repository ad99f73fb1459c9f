// Where a one-origin happening began: "the fire started on the first floor", "the missile was
// launched from Snizhne". A fire starts in one place and a missile leaves from one launcher, so
// two accounts naming different places for the same start disagree. Pure.
import { MONTH_WORDS, WEEKDAYS } from "@/lib/text/months";
import { normalizeTerm } from "@/lib/text/terms";

export interface OriginPlace {
  /** What began there, normalized ("fire", "missil"); null when the sentence does not say. */
  subject: string | null;
  /** The kind of start: a happening beginning, a projectile launched, a departure. */
  start: "begin" | "launch" | "depart";
  /** The place as written: "the first floor", "Snizhne". */
  place: string;
  /** The place normalized for comparison: "first floor", "snizhne". */
  key: string;
}

/** Verbs of a happening with one point of origin, by kind: a fire begins, a missile is launched, a flight departs. */
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

/** The same start told twice: the same kind, and the same subject when both sentences name one. */
export function sameStart(a: OriginPlace, b: OriginPlace): boolean {
  return a.start === b.start && (a.subject === null || b.subject === null || a.subject === b.subject);
}

/** Two places that cannot be the same origin: neither names the other. */
export function differentPlaces(a: OriginPlace, b: OriginPlace): boolean {
  return a.key !== b.key && !a.key.includes(b.key) && !b.key.includes(a.key);
}
