// Parties a claim names, keyed so that "the MQM", "Muttahida Qaumi Movement (MQM)" and "MQM-A" are one target.
import { NEGATORS } from "@/lib/text/terms";
import { countryOfDemonym, countryOfSeat, TITLE_WORDS } from "@/lib/extract/lexicon";
import { MONTH_WORDS, WEEKDAYS } from "@/lib/text/months";
import type { EntityFacet } from "@/lib/facets/types";
import type { FacetToken } from "@/lib/facets/tokens";
import { isDictionaryWord, isWord } from "@/lib/text/wordnet";

const CONNECTORS = new Set(["of", "for", "and", "the", "de", "al", "bin", "ul", "ud"]);
const NOT_NAMES = new Set([
  ...MONTH_WORDS,
  ...WEEKDAYS,
  "i",
  "the",
  "a",
  "an",
  "it",
  "he",
  "she",
  "they",
  "we",
  "this",
  "that",
  "these",
  "those",
  "but",
  "and",
  "mr",
  "mrs",
  "ms",
  "dr",
]);
/** The last word of "the Flow Rate Technical Group" names no one alone. */
const GENERIC_HEADS = new Set([
  "movement",
  "party",
  "group",
  "team",
  "board",
  "court",
  "ministry",
  "company",
  "commission",
  "department",
  "agency",
  "police",
  "council",
  "force",
  "forces",
  "brigade",
  "office",
  "bank",
  "university",
  "government",
  "army",
  "service",
  "services",
  "committee",
  "association",
  "organization",
  "organisation",
  "institute",
  "network",
  "times",
  "post",
  "news",
  "league",
  "front",
  "union",
  "federation",
  "authority",
  "administration",
  "house",
  "state",
  "states",
  "nations",
  "guard",
]);

function isCapitalized(token: FacetToken): boolean {
  return /^\p{Lu}/u.test(token.text);
}

function isAcronym(text: string): boolean {
  return /^\p{Lu}[\p{Lu}\d&]{1,7}$/u.test(text);
}

/** "MQM-A", "MQM-Pakistan" → "mqm"; "BP's" → "bp". */
function acronymKey(text: string): string {
  return text
    .replace(/['’]s$/, "")
    .split("-")[0]!
    .toLowerCase();
}

export function nameKey(words: string[]): string {
  return words
    .join(" ")
    .toLowerCase()
    .replace(/['’]s$/, "")
    .replace(/[^\p{L}\p{N} ]/gu, "")
    .trim();
}

/** The whole name, its initials, a person's surname. */
export function keysOfName(name: string): string[] {
  const words = name
    .replace(/\([^)]*\)/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const stripped = words.filter((word, index) => !(index < words.length - 1 && TITLE_WORDS.has(word.toLowerCase().replace(/\.$/, ""))));
  const keys = new Set<string>();
  const inner = /\(([^)]+)\)/.exec(name);
  if (inner && isAcronym(inner[1]!.trim())) keys.add(acronymKey(inner[1]!.trim()));
  if (stripped.length === 1 && isAcronym(stripped[0]!.replace(/[-'’].*$/, ""))) {
    keys.add(acronymKey(stripped[0]!));
    const country = COUNTRY_ACRONYMS[acronymKey(stripped[0]!)];
    if (country) keys.add(country);
    return [...keys];
  }
  const whole = nameKey(stripped.filter((word, index) => !(index === 0 && /^the$/i.test(word))));
  if (whole) keys.add(whole);
  // "Moscow", "the Kremlin", "the Russian Defence Ministry" speak for Russia: one target with "Russia".
  const country =
    countryOfSeat(stripped.join(" ")) ?? (stripped.length >= 2 && STATE_HEADS.test(stripped[stripped.length - 1]!) ? countryOfDemonym(stripped[0]!) : null);
  if (country) keys.add(country);
  const content = stripped.filter((word) => /^\p{Lu}/u.test(word) && !CONNECTORS.has(word.toLowerCase()));
  if (content.length >= 2) {
    keys.add(content.map((word) => word[0]!.toLowerCase()).join(""));
    const last = content[content.length - 1]!.toLowerCase().replace(/['’]s$/, "");
    if (!GENERIC_HEADS.has(last) && content.length <= 4) keys.add(last);
  }
  return [...keys].filter((key) => key.length >= 2);
}

/** "US", "UK": the country a party's acronym names, so "the US" and "Washington" are one target. */
const COUNTRY_ACRONYMS: Record<string, string> = { us: "united states", usa: "united states", uk: "united kingdom", uae: "united arab emirates" };

/** The last word of a name that makes it a state's organ: "the Russian Defence Ministry", "Ukrainian forces". */
const STATE_HEADS =
  /^(?:government|ministry|army|military|forces|federation|authorities|embassy|navy|air\s*force|presidency|administration|cabinet|parliament)$/i;

/** Token positions tell accuser from accused. */
export interface PositionedEntity extends EntityFacet {
  at: number;
  end: number;
}

/** "Prosecutors said …": a capitalized plural common noun opening a sentence names no one. */
function commonOpening(tokens: FacetToken[], run: FacetToken[]): boolean {
  if (run.length !== 1 || run[0] !== tokens[0] || isAcronym(run[0]!.text)) return false;
  const lower = run[0]!.lower;
  // "Diplomatic immunity is …": capitalized only because it opens the sentence.
  return run[0]!.pos !== "PROPN" || (lower.endsWith("s") && isWord(lower.replace(/e?s$/, ""), "n")) || isWord(lower, "a") || isWord(lower, "v");
}

/** "the owners denied", "blamed the police" */
const PARTY_NOUNS: Record<string, string> = {
  owner: "owners",
  owners: "owners",
  management: "management",
  police: "police",
  policemen: "police",
  army: "army",
  military: "military",
  government: "government",
  separatists: "separatists",
  rebels: "rebels",
  militants: "militants",
  gunmen: "gunmen",
  extortionists: "extortionists",
  operator: "operator",
  employer: "employer",
  employers: "employer",
  company: "company",
  firm: "company",
};

const PLURAL_PARTY = /(?:s|men)$/;
const FUNCTION_POS = new Set(["AUX", "DET", "PART", "ADP", "CCONJ", "SCONJ"]);

export function extractEntities(tokens: FacetToken[]): PositionedEntity[] {
  const entities: PositionedEntity[] = [];
  let run: FacetToken[] = [];
  const flush = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1]!.lower)) run.pop();
    while (run.length && (CONNECTORS.has(run[0]!.lower) || TITLE_WORDS.has(run[0]!.lower.replace(/\.$/, "")) || NOT_NAMES.has(run[0]!.lower))) run.shift();
    if (run.length && !commonOpening(tokens, run)) {
      const text = run
        .map((token) => token.text)
        .join(" ")
        .replace(/ - /g, "-")
        .replace(/ ['’]s$/, "");
      const keys = keysOfName(text);
      if (keys.length) entities.push({ text, keys, at: tokens.indexOf(run[0]!), end: tokens.indexOf(run[run.length - 1]!) + 1 });
    }
    run = [];
  };
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    // A demonym names a party only inside a name ("Russian Defence Ministry").
    const demonym = token.pos === "ADJ" && !run.length && !/^\p{Lu}/u.test(tokens[index + 1]?.text ?? "");
    // "He WAS arrested", "NOT guilty": a function word in capitals is emphasis, not an acronym.
    const emphasis = FUNCTION_POS.has(token.pos) || NEGATORS.has(token.lower);
    const properNoun =
      !demonym &&
      !emphasis &&
      (token.pos === "PROPN" || isAcronym(token.text) || (isCapitalized(token) && index > 0 && token.pos !== "PRON" && !NOT_NAMES.has(token.lower)));
    if (properNoun && !NOT_NAMES.has(token.lower)) {
      run.push(token);
      continue;
    }
    // "Kim Kyung-il", "Lee Joon-seok": a hyphen and a syllable that is no English word (or two letters of one, "il") finish a
    // given name.
    const syllable = tokens[index + 1];
    if (
      token.text === "-" &&
      run.length &&
      isCapitalized(run[run.length - 1]!) &&
      syllable &&
      /^\p{Ll}{1,5}$/u.test(syllable.text) &&
      (syllable.text.length <= 2 ? !/^(?:in|on|up|of|to|by|at|or|an|as|is|it)$/.test(syllable.text) : !isDictionaryWord(syllable.text))
    ) {
      run.push(token, syllable);
      index += 1;
      continue;
    }
    // "MQM-A": the hyphen and the faction letter belong to the name.
    if (token.text === "-" && run.length && isAcronym(run[run.length - 1]!.text) && /^\p{Lu}/u.test(tokens[index + 1]?.text ?? "")) {
      index += 1;
      continue;
    }
    if (CONNECTORS.has(token.lower) && run.length && tokens[index + 1] && /^\p{Lu}/u.test(tokens[index + 1]!.text)) {
      run.push(token);
      continue;
    }
    flush();
    if (token.text === "(" && entities.length && isAcronym(tokens[index + 1]?.text ?? "") && tokens[index + 2]?.text === ")") {
      const previous = entities[entities.length - 1]!;
      const acronym = acronymKey(tokens[index + 1]!.text);
      if (!previous.keys.includes(acronym)) previous.keys.push(acronym);
      index += 2;
    }
  }
  flush();
  for (let index = 0; index < tokens.length; index += 1) {
    const party = PARTY_NOUNS[tokens[index]!.lower];
    // "the owners", "the company"; a bare plural ("extortionists were behind it") names a group as surely.
    const determined =
      index === 0 ||
      /^(?:the|its|their|factory|company|his|her)$/i.test(tokens[index - 1]?.lower ?? "") ||
      (party !== undefined && PLURAL_PARTY.test(tokens[index]!.lower));
    if (party && determined && !entities.some((entity) => entity.keys.includes(party))) {
      entities.push({ text: `the ${tokens[index]!.text}`, keys: [party], at: index, end: index + 1 });
    }
  }
  return entities.sort((x, y) => x.at - y.at);
}
