// The noun phrase next to an attribution verb, without a parser: a verb, a preposition or a subordinator ends it.

import { ANONYMOUS_SOURCE_HEADS, DOCUMENT_NOUNS, IRREGULAR_PAST_VERBS, isGroupHead, INSTITUTION_HEADS, SPEECH_VERBS, TITLE_WORDS } from "./lexicon";

// Speech verbs that are never nouns, and past tenses that are never a noun's modifier: "The FBI sent investigators …" is a
// subject and its verb, not one phrase.
const VERB_ONLY: ReadonlySet<string> = new Set([
  ...SPEECH_VERBS.filter((verb) => /(ed|told|said|wrote|says|tells)$/.test(verb) && !verb.includes(" ")),
  ...IRREGULAR_PAST_VERBS,
]);
import { isAbbreviation, isAcronym, isCapitalized, isQuoteMark, type Token } from "./tokens";

export interface PhraseRange {
  /** Inclusive token indices. */
  first: number;
  last: number;
}

export const DETERMINERS: ReadonlySet<string> = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "its",
  "their",
  "our",
  "my",
  "your",
  "this",
  "these",
  "those",
  "one",
  "some",
  "each",
  "both",
  "several",
  "many",
  "two",
  "three",
  "another",
  "other",
  "six",
  "most",
]);

const ROLE_NOUNS: ReadonlySet<string> = new Set([
  // A ship's officers and crew: "A first mate, Kang Won-sik, told investigators …".
  "mate",
  "helmsman",
  "navigator",
  "crewman",
  "sailor",
  "doctor",
  "lawyer",
  "sister",
  "brother",
  "wife",
  "husband",
  "father",
  "mother",
  "son",
  "daughter",
  "expert",
  "correspondent",
  "journalist",
  "analyst",
  "official",
  "aide",
  "adviser",
  "advisor",
  "activist",
  "worker",
  "candidate",
  "politician",
  "inmate",
  "chief",
  "leader",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "minister",
  "ambassador",
  "governor",
  "judge",
  "court",
  // The bodies that hear evidence: "The jury said …", "the panel concluded …".
  "jury",
  "tribunal",
  "panel",
  "group",
  "party",
  "committee",
  "source",
  "sources",
  "officials",
  "prosecutors",
  "agencies",
  "authorities",
  "police",
  "government",
  "family",
  "members",
  "man",
  "woman",
  "ex-husband",
  "chairman",
  "convener",
  "senator",
  "mayor",
  "interpreter",
  "officer",
  "commander",
  // Occupations that stand before a name as its title: "Purdue University engineer Steve Wereley".
  "engineer",
  "scientist",
  "oceanographer",
  "geologist",
  "economist",
  "researcher",
  "professor",
  "historian",
  "reporter",
  "editor",
  "surgeon",
  "physician",
  "investigator",
  "prosecutor",
  "commissioner",
  "inspector",
  "master",
  "manager",
  "head",
  "owner",
  "operator",
  "survivor",
  "resident",
  "driver",
  "pilot",
  "teacher",
  "student",
  "farmer",
  "shopkeeper",
  "trader",
  "chairwoman",
  "coordinator",
  "administrator",
  "superintendent",
  "researcher",
  "witness",
  "relative",
  "neighbour",
  "neighbor",
  "lecturer",
  "consultant",
  "counsel",
  "attorney",
  // The law's and the church's offices: "His barrister, Ann Lee QC, argued …", "The coroner, Dr Ray Hill, held …".
  "barrister",
  "solicitor",
  "coroner",
  "magistrate",
  "bishop",
  "archbishop",
  // Parties to a case: "The third-party intervener, Human Rights Centre, stated …".
  "intervener",
  "applicant",
  "respondent",
  "claimant",
  "plaintiff",
  "defendant",
  "petitioner",
  "appellant",
]);

// "demographer", "epidemiologist", "statistician", "pathologist": nouns of these endings name people by their profession.
const OCCUPATION_ENDINGS = /^[a-z]{3,}(?:ologist|ographer|ician|iatrist)$/;

function isRoleNoun(lower: string): boolean {
  return ROLE_NOUNS.has(lower) || OCCUPATION_ENDINGS.test(lower);
}

export function isRoleWord(lower: string): boolean {
  return isRoleNoun(lower) || TITLE_WORDS.has(lower);
}

const NP_MODIFIERS: ReadonlySet<string> = new Set([
  "former",
  "then",
  "senior",
  "online",
  "new",
  "local",
  "secret",
  "leaked",
  "younger",
  "older",
  "elder",
  "executive",
  "exiled",
  "rights",
  "human",
  "research",
  "top",
  "official",
  "diplomatic",
  "presidential",
  "interior",
  "foreign",
  "immigration",
  "legal",
  "criminal",
  "ethnographic",
  "intelligence",
  "security",
  "co-ordination",
  "coordination",
  "press",
  "media",
  "news",
  "party",
  "provincial",
  "federal",
  "army",
  "military",
  "public",
  "private",
  "investigative",
  "independent",
  "anonymous",
  "unnamed",
  "deputy",
  "assistant",
  "general",
  "state",
  "government",
  "family",
  "key",
  "main",
  "opposition",
  "ruling",
  "rival",
  "own",
]);

// Capitalized words that open a sentence or clause but never belong to a name.
export const STOP_WORDS: ReadonlySet<string> = new Set([
  "in",
  "on",
  "at",
  "to",
  "from",
  "with",
  "by",
  "into",
  "onto",
  "over",
  "under",
  "about",
  "against",
  "after",
  "before",
  "during",
  "since",
  "until",
  "upon",
  "through",
  "among",
  "amongst",
  "within",
  "without",
  "despite",
  "that",
  "which",
  "who",
  "whom",
  "whose",
  "what",
  "why",
  "how",
  "where",
  "when",
  "while",
  "whereas",
  "because",
  "if",
  "whether",
  "than",
  "as",
  "like",
  "but",
  "or",
  "nor",
  "so",
  "yet",
  "however",
  "meanwhile",
  "earlier",
  "later",
  "therefore",
  "still",
  "also",
  "furthermore",
  "moreover",
  "nevertheless",
  "nonetheless",
  "although",
  "though",
  "today",
  "yesterday",
  "tomorrow",
  "next",
  "is",
  "was",
  "were",
  "are",
  "be",
  "been",
  "being",
  "has",
  "have",
  "had",
  "do",
  "does",
  "did",
  "will",
  "would",
  "can",
  "could",
  "may",
  "might",
  "must",
  "should",
  "shall",
  "not",
  "no",
  "it",
  "he",
  "she",
  "they",
  "we",
  "i",
  "you",
  "him",
  "them",
  "us",
  "me",
  "there",
  "here",
  "asked",
  "talking",
  "addressing",
  "elaborating",
  "providing",
  "sharing",
  "saying",
  "based",
  "according",
  "regarding",
  "following",
  "even",
  "just",
  "only",
  "very",
  "all",
  "now",
  "again",
  "once",
  "notably",
  "particularly",
  "especially",
  "additionally",
  "subsequently",
  "latterly",
  "thus",
  "hence",
  "indeed",
  "instead",
  "rather",
  "too",
  "not",
  "never",
  "always",
  "often",
  "recently",
  "finally",
]);

// "Office of the United Nations": connectors inside a name.
const NAME_CONNECTORS: ReadonlySet<string> = new Set(["of", "for", "and", "&", "the", "al", "bin", "ul", "ud", "ur", "de"]);

function looksAdjectival(lower: string): boolean {
  return lower.length >= 5 && /(ian|ican|ese|ish|ic|al|ani|ist)$/.test(lower) && !STOP_WORDS.has(lower);
}

function isPhraseWord(token: Token): boolean {
  const lower = token.lower;
  // "US", "IT", "WHO" are acronyms, not the pronoun or stop word they spell.
  if (isAcronym(token)) return true;
  if (STOP_WORDS.has(lower)) return false;
  if (isCapitalized(token) || /^\d/.test(token.text)) return true;
  return (
    DETERMINERS.has(lower) ||
    TITLE_WORDS.has(lower) ||
    isRoleNoun(lower) ||
    NP_MODIFIERS.has(lower) ||
    INSTITUTION_HEADS.has(lower) ||
    DOCUMENT_NOUNS.includes(lower) ||
    ANONYMOUS_SOURCE_HEADS.has(lower) ||
    isGroupHead(lower) ||
    looksAdjectival(lower) ||
    /^[a-z]+-[a-z]+$/.test(lower)
  );
}

function acceptsConnector(tokens: Token[], index: number): boolean {
  const token = tokens[index]!;
  if (!NAME_CONNECTORS.has(token.lower)) return false;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  if (token.lower === "the") return isCapitalized(after);
  return isCapitalized(before) && (isCapitalized(after) || (after?.lower === "the" && isCapitalized(tokens[index + 2])));
}

// "Pakistan Tehreek-i-Insaf (PTI) Chairman Imran Khan": a bracketed acronym stays inside the name.
function isBracketedAcronym(tokens: Token[], index: number): boolean {
  const token = tokens[index]!;
  if (token.text === "(") return isAcronym(tokens[index + 1]) && tokens[index + 2]?.text === ")";
  if (token.text === ")") return isAcronym(tokens[index - 1]) && tokens[index - 2]?.text === "(";
  return false;
}

function acceptsToken(tokens: Token[], index: number): boolean {
  const token = tokens[index]!;
  // "Workers' relatives": a plural possessive mark inside the phrase.
  if (
    (token.text === "'" || token.text === "’") &&
    /s$/.test(tokens[index - 1]?.text ?? "") &&
    tokens[index - 1]!.end === token.start &&
    tokens[index + 1] &&
    isPhraseWord(tokens[index + 1]!)
  )
    return true;
  // "the government's experts", "the company's engineers": a possessive noun inside the phrase.
  // "the company's departure report": the possessed noun may be a modifier of the head.
  if (/^[a-z]+[’']s$/.test(token.text) && tokens[index + 1] && (isPhraseWord(tokens[index + 1]!) || compoundModifier(tokens, index + 1))) return true;
  // "a pilots' union spokesman": the plural possessor before its mark belongs to the phrase too.
  if (
    /^[a-z]{3,}s$/.test(token.text) &&
    !STOP_WORDS.has(token.lower) &&
    tokens[index + 1] &&
    /^['’]$/.test(tokens[index + 1]!.text) &&
    acceptsToken(tokens, index + 1)
  )
    return true;
  if (isBracketedAcronym(tokens, index)) return true;
  // "The U.S. aluminium group said": a dotted acronym's last full stop stays inside the phrase whatever follows.
  if (token.text === "." && /^(?:\p{Lu}\.)+\p{Lu}$/u.test(tokens[index - 1]?.text ?? "") && tokens[index + 1]?.isWord) return true;
  if (token.text === ".") return isAbbreviation(tokens[index - 1]) && index + 1 < tokens.length && isCapitalized(tokens[index + 1]);
  if (token.text === "&") return acceptsConnector(tokens, index);
  if (!token.isWord) return false;
  if (NAME_CONNECTORS.has(token.lower) && !DETERMINERS.has(token.lower)) return acceptsConnector(tokens, index);
  return isPhraseWord(token) || compoundModifier(tokens, index);
}

// "Chief fire officer": a lower-case noun before a role word belongs to the title.
function compoundModifier(tokens: Token[], index: number, depth = 0): boolean {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  if (!/^[a-z]{3,}$/.test(token.text) || STOP_WORDS.has(token.lower) || DETERMINERS.has(token.lower) || !next) return false;
  if (isRoleNoun(next.lower) || TITLE_WORDS.has(next.lower)) return true;
  // "said police", "told officials": a verb before a group is not its modifier ("claims administration" is).
  if (VERB_ONLY.has(token.lower)) return false;
  if (DOCUMENT_NOUNS.includes(next.lower)) return true;
  if (isCapitalized(next)) {
    let k = index + 1;
    while (isCapitalized(tokens[k]) && k - index <= 4) k++;
    if (tokens[k] && DOCUMENT_NOUNS.includes(tokens[k]!.lower)) return true;
  }
  // "the fire department" yes; participles ("killed police") are verbs, not modifiers.
  if (/(ed|ing)$/.test(token.lower)) return false;
  return INSTITUTION_HEADS.has(next.lower) || isGroupHead(next.lower) || (depth < 2 && compoundModifier(tokens, index + 1, depth + 1));
}

/** A company's legal form written short before its full stop: "Corp.", "Inc.", "Ltd.", "Co.". */
const COMPANY_SUFFIXES = /^(?:Corp|Inc|Ltd|Co|Cos|Bros|Pvt|Pty|Ltda)$/;

export function phraseEndingAt(tokens: Token[], last: number): PhraseRange | null {
  // "Union Carbide Corp. said …", "John Smith Jr. said …": an abbreviation's full stop ends the phrase, not the sentence.
  const abbreviated = tokens[last]?.text === "." && (isAbbreviation(tokens[last - 1]) || COMPANY_SUFFIXES.test(tokens[last - 1]?.text ?? ""));
  let first = abbreviated ? last - 1 : last;
  while (first >= 0 && acceptsToken(tokens, first)) {
    // "On June 15 the government announced": a determiner opens the phrase unless a connector holds it.
    if (first < last && /^(the|a|an)$/.test(tokens[first]!.lower) && !NAME_CONNECTORS.has(tokens[first - 1]?.lower ?? "")) {
      first--;
      break;
    }
    first--;
  }
  first++;
  return trimConnectors(tokens, { first, last });
}

/** Stops at punctuation, so appositions are left out. */
export function phraseStartingAt(tokens: Token[], first: number): PhraseRange | null {
  let last = first;
  while (last < tokens.length && acceptsToken(tokens, last)) last++;
  last--;
  return trimConnectors(tokens, { first, last });
}

function trimConnectors(tokens: Token[], range: PhraseRange): PhraseRange | null {
  let { first, last } = range;
  while (first <= last && ((NAME_CONNECTORS.has(tokens[first]!.lower) && tokens[first]!.lower !== "the") || tokens[first]!.text === ".")) first++;
  while (last >= first && (NAME_CONNECTORS.has(tokens[last]!.lower) || DETERMINERS.has(tokens[last]!.lower))) last--;
  return first <= last ? { first, last } : null;
}

export function phraseText(sentence: string, tokens: Token[], range: PhraseRange): string {
  return sentence.slice(tokens[range.first]!.start, tokens[range.last]!.end);
}

const APPOSITION_OPENERS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "the",
  "his",
  "her",
  "its",
  "their",
  "who",
  "which",
  "whose",
  "released",
  "published",
  // "A report by the FBI, dated October 2020, concluded …": a participle that only says which one.
  "dated",
  "signed",
  "issued",
  "leaked",
  "obtained",
  "seen",
  "written",
  "prepared",
  "commissioned",
  "submitted",
  "now",
  "then",
  "once",
  "also",
  "himself",
  "herself",
  "currently",
  "based",
  "speaking",
  "writing",
  "however",
]);

/** The comma opening the apposition that `commaIndex` closes (", Mr. Day’s spokeswoman,"), or null. */
export function appositionStart(tokens: Token[], commaIndex: number): number | null {
  for (let j = commaIndex - 1; j >= 0 && commaIndex - j <= 25; j--) {
    const token = tokens[j]!;
    if (isQuoteMark(token) || token.text === ";" || token.text === ":") return null;
    if (token.text !== ",") continue;
    const chunk = tokens.slice(j + 1, commaIndex);
    if (chunk.length === 0) return null;
    return (isApposition(chunk) || namesTheOfficeHolder(tokens.slice(0, j), chunk)) && endsAPhrase(tokens[j - 1], tokens[j - 2]) ? j : null;
  }
  return null;
}

// "The Commissioner of the London Fire Brigade, Dany Cotton, told …": a role phrase opening the sentence, then the name of
// who holds it, set off by commas; a name is two to four capitalized words.
function namesTheOfficeHolder(before: Token[], chunk: Token[]): boolean {
  if (chunk.length < 2 || chunk.length > 4 || !chunk.every((t) => t.isWord && isCapitalized(t))) return false;
  const words = before.filter((t) => t.isWord);
  const head = words[0]?.lower === "the" ? words[1] : words[0];
  return words.length <= 10 && !!head && isRoleWord(head.lower);
}

function isApposition(chunk: Token[]): boolean {
  const first = chunk[0]!;
  const lastWord = [...chunk].reverse().find((t) => t.isWord);
  if (APPOSITION_OPENERS.has(first.lower)) return true;
  // ", many of whom travelled to The Hague,": a relative clause on a group.
  if (
    /^(many|most|some|all|both|none|several|one|two|three|few)$/.test(first.lower) &&
    chunk[1]?.lower === "of" &&
    /^(whom|which)$/.test(chunk[2]?.lower ?? "")
  )
    return true;
  // ", about half of those on the island,", ", roughly a third of the total,": a share of the whole just named.
  if (
    /^(about|roughly|nearly|almost|around|approximately|some|just|only|over|half)$/.test(first.lower) &&
    chunk.some((t) => /^(half|third|quarter|fifth|tenth|percent|per)$/.test(t.lower) || /^\d/.test(t.text))
  )
    return true;
  // ", executive commissioner of the Rana Plaza Claims Administration,": a role opens it.
  if (TITLE_WORDS.has(first.lower) || isRoleNoun(first.lower)) return true;
  // ", quoting eyewitnesses,", ", citing an analysis by NOAA,": a participle clause.
  if (/^[a-z]{3,}ing$/.test(first.text)) return true;
  if (chunk.length === 1 && /^\d+$/.test(first.text)) return true;
  // ", quoted by the Detroit Free Press,", ", reached by telephone,": a participle with its agent or means.
  if (/^[a-z]{3,}ed$/.test(first.text) && /^(by|on|at|in|from)$/.test(chunk[1]?.lower ?? "")) return true;
  // ", for his part,", ", in turn,", ", in a statement,": a short adverbial set off by commas.
  if (/^(for|in|on|at|after|too|meanwhile|though|however|instead)$/.test(first.lower) && chunk.length <= 5 && chunk.every((t) => t.isWord)) return true;
  return !!lastWord && (isRoleNoun(lastWord.lower) || TITLE_WORDS.has(lastWord.lower));
}

function endsAPhrase(token: Token | undefined, before?: Token): boolean {
  // "LeeAnne Walters, 37, a mother of four,": an age set off by commas closes the name's first apposition.
  if (token && /^\d{1,3}$/.test(token.text) && before?.text === ",") return true;
  return (
    !!token &&
    token.isWord &&
    (isCapitalized(token) || DOCUMENT_NOUNS.includes(token.lower) || isRoleNoun(token.lower) || INSTITUTION_HEADS.has(token.lower) || isGroupHead(token.lower))
  );
}
