// Actor names: matching form, kind guessing, and resolving "Mr. Baqri" to "Syed Safdar Ali Baqri".

import type { ActorKind } from "./types";
import {
  COUNTRIES_AND_REGIONS,
  isPersonInitials,
  COURT_MARKERS,
  GOVERNMENT_MARKERS,
  HONORIFICS,
  MEDIA_MARKERS,
  ORGANIZATION_MARKERS,
  SEATS_OF_GOVERNMENT,
  TITLE_WORDS,
} from "./lexicon";
import { stripDiacritics } from "@/lib/text/diacritics";

// Longest honorifics first so "lt gen" wins over "lt".
const HONORIFIC_PATTERN = new RegExp(
  `^(?:(?:${[...HONORIFICS]
    .sort((a, b) => b.length - a.length)
    .map((h) => h.replace(/[-\s]/g, "[-\\s]?"))
    .join("|")})\\.?\\s+)+`,
  "i",
);

/** Matching form of a name: "Lt. Gen. Rizwan Akhtar" → "rizwan akhtar", "MQM-Canada" → "mqm canada". */
export function normalizeActorName(name: string): string {
  let value = stripDiacritics(name)
    .toLowerCase()
    .replace(/[’']s$/, "");
  value = value.replace(/\s+/g, " ").trim();
  value = value.replace(/\b(lt|gen|maj|col|capt|dr|mr|mrs|ms|prof|sen|hon|rev)\./g, "$1");
  // "Justice Department", "General Assembly": a title word that opens an institution's name stays.
  if (!endsInstitutionally(value)) value = value.replace(HONORIFIC_PATTERN, "");
  return value
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Drops "Syed" (used inconsistently) and doubled letters ("Aafia"/"Afia"); nothing else, so namesakes stay apart. */
export function canonicalActorKey(name: string): string {
  return normalizeActorName(name)
    .replace(/^the /, "")
    .replace(/^(syed|syeda|sayed|sayyid|sayyed) /, "")
    .replace(/(\p{L})\1+/gu, "$1");
}

/** One alternation per marker list, compiled once: a name is classified for every mention of every speaker. */
const MARKER_PATTERNS = new WeakMap<readonly string[], RegExp>();

function hasMarker(lowerName: string, markers: readonly string[]): boolean {
  let pattern = MARKER_PATTERNS.get(markers);
  if (!pattern) {
    pattern = new RegExp(`(?:^|[^a-z])(?:${markers.join("|")})(?:[^a-z]|$)`);
    MARKER_PATTERNS.set(markers, pattern);
  }
  return pattern.test(lowerName);
}

/** A media word inside a party's or movement's name does not make it an outlet. */
const PARTY_MARKERS = ["party", "movement", "mqm"];

const PERSON_HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sir|gen|general|lt|col|capt|maj|major|justice|judge|senator|sen|begum|sheikh)\b\.?/i;

export function guessActorKind(name: string): ActorKind {
  const lower = stripDiacritics(name).toLowerCase();
  // "Judge Carl Barbier" is a person, "the Justice Department" an institution.
  if (PERSON_HONORIFIC.test(name.trim()) && !endsInstitutionally(lower)) return "person";
  // A country acting ("Saudi Arabia feared …") is its government.
  if (COUNTRIES_AND_REGIONS.has(lower.replace(/^the /, "").replace(/\.$/, ""))) return "government_body";
  // "Moscow denied", "the Kremlin said": a capital or seat of power speaks for its government.
  if (SEATS_OF_GOVERNMENT.has(lower.replace(/\.$/, ""))) return "government_body";
  if (hasMarker(lower, COURT_MARKERS)) return "court";
  if (hasMarker(lower, MEDIA_MARKERS) && !hasMarker(lower, PARTY_MARKERS)) return "media_outlet";
  if (hasMarker(lower, GOVERNMENT_MARKERS)) return "government_body";
  if (hasMarker(lower, ORGANIZATION_MARKERS)) return "organization";
  if (/^[A-Z0-9&-]{2,}(\s*\([A-Z]\))?$/.test(name.trim())) return "organization";
  // "the Rift Valley", "Rakhine State", "Tahrir Square": a place is not a person, whatever its capitals.
  if (isPlaceName(lower)) return "other";
  if (looksLikePersonName(name)) return "person";
  return "other";
}

export function endsInstitutionally(lower: string): boolean {
  const last = lower.trim().split(/\s+/).pop() ?? "";
  return [COURT_MARKERS, GOVERNMENT_MARKERS, ORGANIZATION_MARKERS].some((markers) => markers.includes(last));
}

const PLACE_HEADS =
  /^(valley|river|province|state|district|county|city|town|village|island|islands|mountain|mountains|hills|lake|sea|ocean|gulf|bay|coast|region|street|square|road|avenue|airport|camp|desert|peninsula|plateau|delta|strait)$/;

export function isPlaceName(name: string): boolean {
  return PLACE_HEADS.test(name.toLowerCase().split(/\s+/).pop() ?? "");
}

export function looksLikePersonName(name: string): boolean {
  const tokens = name.trim().split(/\s+/);
  if (tokens.length < 1 || tokens.length > 5) return false;
  return tokens.every((t) => /^\p{Lu}[\p{Ll}’'\-]+\.?$|^\p{Lu}\.?$|^(al|bin|ul|ud|ur|de|van|von|abd)[-]?$/u.test(t) || /^\p{Lu}\p{Ll}+-\p{L}+$/u.test(t));
}

/** "Conservative MP Leon Benoit" → "Leon Benoit". */
export function stripTitles(run: string): string {
  const tokens = run.trim().split(/\s+/);
  let lastTitle = -1;
  for (let i = 0; i < tokens.length - 1; i++) {
    const bare = tokens[i]!.toLowerCase().replace(/[.,]/g, "");
    // "MQM Chairman …" loses its acronym; "B.K. Shukla" keeps its initials.
    if (isPersonInitials(tokens[i]!)) continue;
    if (TITLE_WORDS.has(bare) || /^[A-Z]{2,}$/.test(tokens[i]!.replace(/[.,]/g, ""))) lastTitle = i;
  }
  return tokens.slice(lastTitle + 1).join(" ");
}

const LEADING_NUMBER_WORD = /^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|several|many)$/i;

/** A name as the text wrote it, with every offset it was written at (ascending). */
interface KnownName {
  display: string;
  tokens: string[];
  positions: number[];
  /** The order the name was first seen, for ties. */
  seen: number;
}

/** The last of the ascending `positions` at or before `position`, or -1. */
function lastAtOrBefore(positions: number[], position: number): number {
  let low = 0;
  let high = positions.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! <= position) {
      found = positions[middle]!;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * "Altaf" → "Altaf Hussain"; the nearest preceding match wins, so two Khans in one article stay apart.
 * Names are indexed by their words, so resolving one costs the names that share its first word, not
 * every mention the document has made so far.
 */
export class PersonNameResolver {
  private readonly names = new Map<string, KnownName>();
  private readonly byToken = new Map<string, KnownName[]>();

  /** A name run that starts with a place loses it: "… ambassador to Pakistan Anne Patterson". */
  constructor(private readonly places: ReadonlySet<string> = new Set()) {}

  private withoutLeadingPlaces(name: string): string {
    const tokens = name.split(/\s+/);
    // "Four Chonghaejin employees …": a cardinal that opens the sentence counts the people; it names no one.
    while (tokens.length > 1 && LEADING_NUMBER_WORD.test(tokens[0]!)) tokens.shift();
    // "And Dow says …", "But Singh insisted …": a conjunction that opens the sentence is capitalized, and no part of a name.
    while (tokens.length > 1 && /^(?:And|But|Or|Yet)$/.test(tokens[0]!)) tokens.shift();
    while (tokens.length > 2) {
      const one = tokens[0]!.toLowerCase();
      const two = `${one} ${tokens[1]!.toLowerCase()}`;
      if (tokens.length > 3 && (this.places.has(two) || COUNTRIES_AND_REGIONS.has(two))) tokens.splice(0, 2);
      else if (this.places.has(one) || COUNTRIES_AND_REGIONS.has(one)) tokens.shift();
      else break;
    }
    return tokens.join(" ");
  }

  observe(display: string, position: number): void {
    const clean = this.withoutLeadingPlaces(stripTitles(display.replace(/[’']s$/, "")).trim());
    const tokens = nameTokens(clean);
    if (tokens.length === 0) return;
    const known = this.names.get(clean);
    if (known) {
      const positions = known.positions;
      if (position >= positions[positions.length - 1]!) positions.push(position);
      else
        positions.splice(
          positions.findIndex((p) => p > position),
          0,
          position,
        );
      return;
    }
    const name: KnownName = { display: clean, tokens, positions: [position], seen: this.names.size };
    this.names.set(clean, name);
    for (const token of new Set(tokens)) {
      const list = this.byToken.get(token);
      if (list) list.push(name);
      else this.byToken.set(token, [name]);
    }
  }

  resolve(name: string, position: number): string {
    const clean = this.withoutLeadingPlaces(stripTitles(name).trim());
    const tokens = nameTokens(clean);
    if (tokens.length === 0) return clean;
    const candidates = (this.byToken.get(tokens[0]!) ?? []).filter((p) => p.tokens.length > tokens.length && containsInOrder(p.tokens, tokens));
    if (candidates.length === 0) return clean;
    // The name mentioned nearest before this point; with none before, the first mentioned after it.
    let nearest: KnownName | null = null;
    let nearestAt = -1;
    for (const candidate of candidates) {
      const at = lastAtOrBefore(candidate.positions, position);
      if (at >= 0 && (at > nearestAt || (at === nearestAt && nearest !== null && candidate.seen > nearest.seen))) {
        nearest = candidate;
        nearestAt = at;
      }
    }
    if (!nearest) nearest = candidates.reduce((a, b) => (b.positions[0]! < a.positions[0]! ? b : a));
    const chosen = nearest;
    const fullest = candidates.filter((p) => containsInOrder(p.tokens, chosen.tokens)).reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a), chosen);
    return fullest.display;
  }
}

function nameTokens(name: string): string[] {
  return normalizeActorName(name).split(" ").filter(Boolean);
}

function containsInOrder(haystack: string[], needle: string[]): boolean {
  let at = 0;
  for (const token of haystack) {
    if (token === needle[at]) at++;
    if (at === needle.length) return true;
  }
  return false;
}
