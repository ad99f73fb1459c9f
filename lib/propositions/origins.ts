// Where each member of a proposition comes from (issue 21, items 2 and 3), and how many independent
// origins the proposition has. Pure: the caller reads the members, their speakers, cited-via chains and
// the reposts reuse detection found (lib/reuse), and this walks each member back:
//
//   copied from another source that states it too → that member's origin (a repost relays, it does not originate);
//   cited via a document ("the memo says", "according to the FBI report", "REFERENCE: …") → that document;
//   said by a speaker → the speaker (a body's officials and spokesmen speak for the body);
//   otherwise → the source's own reporting.
//
// Each hop (speaker, the document cited, the source, the source it was copied from) carries its own
// Admiralty reliability (A best … E unreliable, F cannot be judged); a claim is as strong as its weakest graded hop.
import type { Reliability } from "@/lib/generated/prisma/enums";
import { normalizeTerm } from "@/lib/text/terms";
import { isDictionaryWord } from "@/lib/text/wordnet";

export type HopKind = "speaker" | "via" | "source" | "repost";

export interface Hop {
  kind: HopKind;
  label: string;
  reliability: Reliability;
  /** The actor or source the hop is, when it is one. */
  actorId?: number;
  sourceId?: number;
}

export interface OriginMember {
  claimId: number;
  quote: string;
  sourceId: number;
  sourceTitle: string;
  sourceReliability: Reliability;
  publishedDate: string | null;
  /** affiliation: the body the speaker's title names in any of their claims ("BP spokesman Toby Odone"), if read. */
  speaker: { id: number; name: string; reliability: Reliability; affiliation?: string | null } | null;
  citedVia: string | null;
  /**
   * The body that issues the source and speaks in it in its own voice (an official document's publisher, by its everyday
   * name: "Kingspan" for "Kingspan Group plc"), if any.
   */
  issuer?: string | null;
  /** The source is a forum thread: many posts by many hands. */
  thread?: boolean;
  /** The source this claim's passage was copied from (reuse detection, not dismissed), if any. */
  copiedFrom: { sourceId: number; sourceTitle: string; reliability: Reliability; share: number } | null;
}

export interface MemberOrigin {
  claimId: number;
  /** Outermost first: the source the editor reads, what it copied, who it quotes, what they cite. */
  chain: Hop[];
  originKey: string;
  originLabel: string;
  /** The worst graded hop, or null when no hop is graded (all F). */
  weakest: Hop | null;
}

export interface Origin {
  key: string;
  label: string;
  claimIds: number[];
  sourceIds: number[];
}

export interface OriginSummary {
  members: MemberOrigin[];
  origins: Origin[];
  independentOrigins: number;
  sources: number;
  /** Several sources resting on one origin: the agreement counts once. */
  circular: boolean;
}

/**
 * "a household survey, published in May in the New England Journal of Medicine", "the report, released on August 28":
 * how and when a document came out describes it without naming it — the name is what comes before.
 */
const PUBLISHED_CLAUSE = /,?\s+(?:published|released|issued|dated|made\s+public|led\s+by|carried\s+out\s+by|conducted\s+by)\b.*$/is;

/** "the FBI's report", "REFERENCE: Karachi unrest …", "a leaked memo" → a key shared by its spellings. */
export function documentKey(citedVia: string): string {
  const words = citedVia
    .replace(/^\s*REFERENCE:\s*/i, "")
    .replace(PUBLISHED_CLAUSE, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !/^(?:the|a|an|its|his|her|their|this|that|of|by|from|to|in|on|leaked|said|says|according)$/.test(word))
    .map(keyWord);
  return words.slice(0, 6).join(" ");
}

/** "the first report" is "the Phase 1 report": an ordinal and its figure are one word of a name. */
const ORDINALS: Record<string, string> = { first: "1", second: "2", third: "3", fourth: "4", fifth: "5", sixth: "6" };

/** A word of a name or sentence as keys spell it: its stem, an ordinal as its figure. */
function keyWord(word: string): string {
  return ORDINALS[word] ?? normalizeTerm(word) ?? word;
}

const SPEAKS_FOR =
  /^(.{2,}?)(?:'s|’s)?\s+(?:officials?|spokes(?:man|woman|person|people)|representatives?|sources?|press office|office|lawyers?|attorneys?|experts?|scientists?|engineers?|staff|teams?|leaders?|executives?)$/i;

/** "BP officials", "the MQM spokesman", "the government's scientists": people who speak for a body are the body's voice. */
export function bodySpokenFor(name: string): string | null {
  return SPEAKS_FOR.exec(name.trim().replace(/^the\s+/i, ""))?.[1] ?? null;
}

/** One key per voice: a body and the people who speak for it share it, as do spellings of one name. */
function speakerKey(speaker: { id: number; name: string }): string {
  const name = speaker.name.trim().replace(/^the\s+/i, "");
  const body = bodySpokenFor(name) ?? name;
  const key = documentKey(body);
  return key ? `voice:${key}` : `actor:${speaker.id}`;
}

const GRADE: Record<Reliability, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 0 };

export function weakestHop(chain: Hop[]): Hop | null {
  let weakest: Hop | null = null;
  for (const hop of chain) if (GRADE[hop.reliability] > (weakest ? GRADE[weakest.reliability] : 0)) weakest = hop;
  return weakest;
}

/**
 * "Benetton said in a statement", "Singh wrote in his autobiography", "she told the committee in a prepared statement":
 * a statement, letter, memoir, article or interview is its speaker speaking, not a document of its own — the speaker is
 * the origin. A report, memo, study or survey the speaker cites is another's work, and is cited as such.
 */
const OWN_UTTERANCE =
  /^(?:(?:the|a|an|his|her|its|their|own|joint|written|prepared|brief|short|formal|official|public|separate|later|earlier|new|open)\s+)*(?:statement|press\s+release|news\s+release|autobiography|memoir|letter|article|column|op-ed|speech|address|interview|testimony|tweet|post|blog\s+post|book|remarks)s?$/i;

function ownUtterance(via: string, speaker: string): boolean {
  const plain = via.replace(PUBLISHED_CLAUSE, "").trim();
  if (OWN_UTTERANCE.test(plain)) return true;
  // "the Energy Department statement", "Benetton's letter": the speaker's own name before it says whose it is.
  const name = speaker.trim().replace(/^the\s+/i, "");
  const own = new RegExp(`^(?:the\\s+)?${escapeRegExp(name)}(?:['’]s)?\\s+(.+)$`, "iu").exec(plain);
  return Boolean(own && OWN_UTTERANCE.test(own[1]!));
}

/** The chain of one member, outermost first, without following a copy into another member. */
function ownChain(member: OriginMember): { chain: Hop[]; key: string; label: string } {
  const chain: Hop[] = [{ kind: "source", label: member.sourceTitle, reliability: member.sourceReliability, sourceId: member.sourceId }];
  if (member.copiedFrom)
    chain.push({ kind: "repost", label: member.copiedFrom.sourceTitle, reliability: member.copiedFrom.reliability, sourceId: member.copiedFrom.sourceId });
  if (member.speaker) chain.push({ kind: "speaker", label: member.speaker.name, reliability: member.speaker.reliability, actorId: member.speaker.id });
  const via = member.citedVia?.trim();
  if (via && documentKey(via) && !(member.speaker && ownUtterance(via, member.speaker.name))) {
    chain.push({ kind: "via", label: via, reliability: "F" });
    return { chain, key: `doc:${documentKey(via)}`, label: via };
  }
  if (member.speaker) return { chain, key: speakerKey(member.speaker), label: member.speaker.name };
  const original = member.copiedFrom ?? { sourceId: member.sourceId, sourceTitle: member.sourceTitle };
  return { chain, key: `source:${original.sourceId}`, label: original.sourceTitle };
}

/** "a report by the Federal Bureau of Investigation" → "FBI": the initials of each run of capitalized words. */
function initialsOf(label: string): string {
  return label
    .split(/\s+/)
    .filter((word) => !/^(?:of|and|for|the|on|de)$/.test(word))
    .map((word) => (/^\p{Lu}/u.test(word) ? word[0] : " "))
    .join("");
}

/**
 * "the FBI report" cited by one member and the FBI speaking in another are one origin: a cited document whose
 * name holds a speaking origin's whole name is that speaker's document.
 */
function mergeDocumentsIntoAuthors(traced: MemberOrigin[]): void {
  const speakers = new Map<string, { key: string; label: string; words: string[] }>();
  for (const origin of traced) {
    if (origin.originKey.startsWith("doc:") || origin.originKey.startsWith("source:")) continue;
    // A body's voice is named by its key; a person by their name.
    const words = documentKey(origin.originLabel).split(" ").filter(Boolean);
    if (words.length) speakers.set(origin.originKey, { key: origin.originKey, label: origin.originLabel, words });
  }
  for (const origin of traced) {
    if (!origin.originKey.startsWith("doc:")) continue;
    const words = new Set(origin.originKey.slice(4).split(" "));
    const initials = initialsOf(origin.originLabel);
    const author = [...speakers.values()]
      .filter((speaker) => speaker.words.every((word) => words.has(word)) || (/^[A-Z]{3,6}$/.test(speaker.label) && initials.includes(speaker.label)))
      .sort((x, y) => y.words.length - x.words.length)[0];
    if (author) [origin.originKey, origin.originLabel] = [author.key, author.label];
  }
}

/**
 * "Sohel Rana" and "Mohammed Sohel Rana": a speaking origin whose name is all inside another's is that one. A name of
 * one word is the person (or body) whose full name begins or ends with it — "Lee" after "Lee Joon-seok", "Wereley"
 * after "Steve Wereley", "the court" after "Gwangju High Court" — when exactly one origin of the proposition does.
 */
function mergeNameVariants(traced: MemberOrigin[]): void {
  const speaking = [...new Map(traced.filter((origin) => origin.originKey.startsWith("voice:")).map((origin) => [origin.originKey, origin.originLabel]))];
  const words = (label: string) => documentKey(label).split(" ").filter(Boolean);
  for (const origin of traced) {
    if (!origin.originKey.startsWith("voice:")) continue;
    const mine = words(origin.originLabel);
    if (!mine.length) continue;
    const longer = speaking.filter(([key, label]) => key !== origin.originKey && words(label).length > mine.length);
    const fuller =
      mine.length >= 2
        ? longer.filter(([, label]) => mine.every((word) => words(label).includes(word))).sort((x, y) => words(y[1]).length - words(x[1]).length)
        : longer.filter(([, label]) => words(label)[0] === mine[0] || words(label).at(-1) === mine[0]);
    if (fuller.length && (mine.length >= 2 || fuller.length === 1)) [origin.originKey, origin.originLabel] = fuller[0]!;
  }
}

/** Titles that tie a person to the body they speak for; also the filter on the claims read for titles (origin-counts.ts). */
export const ROLE_WORDS =
  "spokes(?:man|woman|person)|leaders?|officials?|executives?|chief\\s+executive|chairman|chairwoman|president|director|manager|lawyers?|attorneys?|counsel|representatives?|engineers?|scientists?|minister|secretary|commissioner|chief|head|adviser|advisor";

/** A title written before a name is capitalized ("Energy Secretary Steven Chu"): each title word with either initial. */
const TITLE_BEFORE_NAME = ROLE_WORDS.replace(/(^|\|)([a-z])/g, (_match, bar: string, initial: string) => `${bar}[${initial}${initial.toUpperCase()}]`);

/** Words that make a title grander ("Prime Minister", "Deputy Secretary"), not the body it serves. */
const TITLE_RANK = /^(?:the\s+)?(?:(?:Prime|Deputy|Vice|Acting|Senior|Chief|General|Assistant|Former|Interim|Under)\s*)+$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The body a speaker's title names in the claim's own words: "BP spokesman Toby Odone said", "Toby Odone, a spokesman
 * for BP, said", "Toby Odone, a BP spokesman", "Kim Suk-kyun, commissioner of the coast guard". Null when the text names none.
 */
export function affiliationOf(quote: string, name: string): string | null {
  const surname = name.trim().split(/\s+/).pop();
  if (!surname || surname.length < 2) return null;
  // Every pattern below names the speaker, so their surname (its first letter in either case) is in the text; most
  // claims never name their own speaker.
  if (!quote.includes(surname.slice(1))) return null;
  // Each pattern is tried only where the words it cannot match without are in the text: a pattern naming a speaker is
  // compiled for each name, which costs far more than these checks. Here: a title, and the name somewhere after it.
  const speaker = name.trim();
  const title = TITLE_THEN_SPACE.exec(quote);
  const before = title && quote.lastIndexOf(surname) > title.index ? affiliationPattern(speaker, surname, "before").exec(quote) : null;
  if (before && !TITLE_RANK.test(before[1]!.trim())) return before[1]!.trim();
  const apposable = quote.includes(`${surname},`) && ROLE_WORD.test(quote);
  const after = apposable ? affiliationPattern(speaker, surname, "after").exec(quote) : null;
  // "a senior vice president of the consulting firm Arthur D. Little": an initial's point ends no name, and the common
  // words before the name say what kind of body it is.
  if (after) return after[1]!.trim().replace(/^(?:the\s+)?(?:\p{Ll}[\p{Ll}-]*\s+)+(?=\p{Lu})/u, "");
  // "Scot Wheeler, a Dow spokesman": the body named before the title, in apposition to the name.
  const apposed = apposable ? affiliationPattern(speaker, surname, "apposed").exec(quote) : null;
  if (apposed) return apposed[1]!.trim();
  // "… United Colors of Benetton …, and the company's chief executive Biagio Chiarolanza": "the company" points back to
  // the last body the sentence named before it.
  const anaphor = BODY_POSSESSIVE.test(quote) ? affiliationPattern(speaker, surname, "anaphor").exec(quote) : null;
  if (anaphor) {
    const names = [...quote.slice(0, anaphor.index).matchAll(/\p{Lu}[\p{L}&.'’-]*(?:\s+(?:(?:of|for|and|the)\s+)*\p{Lu}[\p{L}&.'’-]*)*/gu)];
    // A lone capital at the start of the sentence is only its first word.
    const last = names.filter((match) => match.index! > 0 || /\s/.test(match[0])).at(-1);
    if (last) return last[0].replace(/['’]s$/, "");
  }
  // "Satinath Sarangi of the Bhopal Group for Information and Action said", "my friends at the Bhopal Group …": a person
  // of or at a body named in full (two capitalized words or more, or its initials).
  const member = followedBy(quote, surname.slice(1), OF_AT_FROM) ? affiliationPattern(speaker, surname, "member").exec(quote) : null;
  return member ? member[1]!.trim() : null;
}

/** What each pattern of affiliationOf needs besides the name. */
const TITLE_THEN_SPACE = new RegExp(`(?:${TITLE_BEFORE_NAME})\\s`, "u");
const ROLE_WORD = new RegExp(ROLE_WORDS);
const BODY_POSSESSIVE =
  /\bthe\s+(?:company|firm|group|corporation|retailer|brand|party|ministry|agency|organi[sz]ation|association|union|operator|owner)['’]s\s/;
const OF_AT_FROM = /\s+(?:of|at|from)\s/y;

/** Some occurrence of `text` is followed at once by what the sticky `next` matches. */
function followedBy(quote: string, text: string, next: RegExp): boolean {
  for (let at = quote.indexOf(text); at !== -1; at = quote.indexOf(text, at + 1)) {
    next.lastIndex = at + text.length;
    if (next.test(quote)) return true;
  }
  return false;
}

type AffiliationPattern = "before" | "after" | "apposed" | "anaphor" | "member";

/** Each pattern's source, given the name written as the speaker's (`who`) or with either initial (`loose`). */
const AFFILIATION_SOURCES: Record<AffiliationPattern, (who: string, loose: string) => string> = {
  before: (who) => `((?:the\\s+)?(?:\\p{Lu}[\\p{L}&.-]*\\s+){1,4}?)(?:${TITLE_BEFORE_NAME})\\s+(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}${who}\\b`,
  after: (who) =>
    `${who},\\s+(?:an?\\s+|the\\s+)?(?:[\\p{Ll}-]+\\s+){0,2}(?:${ROLE_WORDS})\\s+(?:for|of|at|with)\\s+((?:the\\s+)?(?:[\\p{L}&.'’-]+\\s*){1,5}?)(?:[,;]|(?<!\\b\\p{Lu})\\.|\\s+(?:said|says|told|who|and)\\b)`,
  apposed: (who) => `${who},\\s+(?:an?|the)\\s+((?:\\p{Lu}[\\p{L}&.'’-]*\\s+){1,4}?)(?:${ROLE_WORDS})\\b`,
  anaphor: (who) =>
    `\\bthe\\s+(?:company|firm|group|corporation|retailer|brand|party|ministry|agency|organi[sz]ation|association|union|operator|owner)['’]s\\s+(?:[\\p{Ll}-]+\\s+){0,3}(?:\\p{Lu}[\\p{L}.-]*\\s+){0,3}${who}\\b`,
  member: (_who, loose) =>
    `\\b${loose}\\s+(?:of|at|from)\\s+(?:the\\s+)?(\\p{Lu}{2,6}\\b|\\p{Lu}[\\p{L}&.'’-]*(?:\\s+(?:(?:of|for|and|on|the)\\s+)*\\p{Lu}[\\p{L}&.'’-]*)+)`,
};

/** A corpus names the same speakers in claim after claim: each pattern is compiled once per name, when first needed. */
const affiliationPatternCache = new Map<string, Map<AffiliationPattern, RegExp>>();
const AFFILIATION_PATTERN_CACHE = 10_000;

function affiliationPattern(name: string, surname: string, kind: AffiliationPattern): RegExp {
  let byKind = affiliationPatternCache.get(name);
  if (!byKind) {
    if (affiliationPatternCache.size >= AFFILIATION_PATTERN_CACHE) affiliationPatternCache.clear();
    affiliationPatternCache.set(name, (byKind = new Map()));
  }
  let pattern = byKind.get(kind);
  if (!pattern) {
    const who = `(?:${escapeRegExp(name)}|${escapeRegExp(surname)})`;
    const initial = escapeRegExp(surname[0]!);
    const loose = `(?:${escapeRegExp(name)}|[${initial.toLowerCase()}${initial.toUpperCase()}]${escapeRegExp(surname.slice(1))})`;
    byKind.set(kind, (pattern = new RegExp(AFFILIATION_SOURCES[kind](who, loose), "u")));
  }
  return pattern;
}

/** "MQM" → the one voice named in full whose initials those are ("Muttahida Qaumi Movement"), if exactly one. */
function bodyOfInitials(name: string, voices: Map<string, string>): string | null {
  if (!/^\p{Lu}{2,6}$/u.test(name)) return null;
  const full = [...voices].filter(([, label]) => label !== name && initialsOf(label.replace(/^the\s+/i, "")) === name);
  return full.length === 1 ? full[0]![0] : null;
}

/**
 * "MQM" and "Muttahida Qaumi Movement", "UCC" and "Union Carbide Corporation": a body speaking under its initials and
 * the same body named in full are one voice.
 */
function mergeVoiceInitials(traced: MemberOrigin[]): void {
  const voices = new Map<string, string>();
  for (const origin of traced) if (origin.originKey.startsWith("voice:")) voices.set(origin.originKey, origin.originLabel);
  for (const origin of traced) {
    if (!origin.originKey.startsWith("voice:")) continue;
    const full = bodyOfInitials(origin.originLabel.trim(), voices);
    if (full) [origin.originKey, origin.originLabel] = [full, voices.get(full)!];
  }
}

/** "the Center for Investigative Journalism (CPI)": a name and the short form a writer gives it in brackets. */
const BRACKETED_SHORT_FORM = /((?:\p{Lu}[\p{L}.'’&-]*\s+(?:(?:of|for|and|on|de|del|the)\s+)*){1,7})\((\p{Lu}[\p{Lu}\p{N}&.-]{1,7})\)/gu;

/**
 * "The Center for Investigative Journalism (CPI) reported …" and "CPI said …": a writer who gives a name's short form in
 * brackets declares the two one name, whatever language the initials come from. Any member's sentence may declare it.
 */
function mergeBracketedShortForms(members: OriginMember[], traced: MemberOrigin[]): void {
  const voices = new Map<string, string>();
  for (const origin of traced) if (origin.originKey.startsWith("voice:")) voices.set(origin.originKey, origin.originLabel);
  const fullOf = new Map<string, string>();
  for (const member of members)
    for (const [, full, short] of member.quote.matchAll(BRACKETED_SHORT_FORM)) {
      const fullKey = `voice:${documentKey(full!.trim().replace(/^the\s+/i, ""))}`;
      if (voices.has(fullKey)) fullOf.set(`voice:${documentKey(short!)}`, fullKey);
    }
  for (const origin of traced) {
    const full = fullOf.get(origin.originKey);
    if (full && full !== origin.originKey) [origin.originKey, origin.originLabel] = [full, voices.get(full)!];
  }
}

/**
 * "Energy Secretary Steven Chu" and "the Energy Department": a title names a department by its head word, the rest of
 * the name left unsaid — the one voice whose name begins with the title's body, if exactly one does.
 */
function bodyNamedByItsHead(key: string, voices: Map<string, string>): string | null {
  const head = `${key} `;
  const longer = [...voices.keys()].filter((voice) => voice.startsWith(head));
  return longer.length === 1 ? longer[0]! : null;
}

/** The body a member's speaker speaks for, by their title in this claim or in another of theirs. */
function bodyOf(member: OriginMember): string | null | undefined {
  return member.speaker && (affiliationOf(member.quote, member.speaker.name) ?? member.speaker.affiliation);
}

/**
 * "BP spokesman Toby Odone" speaks for BP: a person whose title in the claim names a body that is itself an origin of
 * the proposition is that body's voice, and one origin with it. A body the proposition does not otherwise hear from
 * leaves the person their own origin.
 */
function mergeAffiliations(members: OriginMember[], traced: MemberOrigin[]): void {
  const voices = new Map<string, string>();
  for (const origin of traced) if (origin.originKey.startsWith("voice:")) voices.set(origin.originKey, origin.originLabel);
  for (const [index, origin] of traced.entries()) {
    const member = members[index]!;
    if (!member.speaker || !origin.originKey.startsWith("voice:")) continue;
    const body = bodyOf(member);
    if (!body) continue;
    const key = `voice:${documentKey(body.replace(/^the\s+/i, ""))}`;
    const found = voices.has(key) ? key : (bodyOfInitials(body.trim(), voices) ?? bodyNamedByItsHead(key, voices));
    if (!found || found === origin.originKey) continue;
    [origin.originKey, origin.originLabel] = [found, voices.get(found)!];
  }
  // "Satinath Sarangi of the Bhopal Group …" and "my friends at the Bhopal Group …": two people who speak for one body
  // are its voice, though the body itself says nothing in the proposition.
  const byBody = new Map<string, { label: string; keys: Set<string>; at: number[] }>();
  for (const [index, origin] of traced.entries()) {
    if (!origin.originKey.startsWith("voice:")) continue;
    const body = bodyOf(members[index]!)
      ?.replace(/^the\s+/i, "")
      .trim();
    const key = body && documentKey(body);
    if (!key) continue;
    const entry = byBody.get(key) ?? { label: body, keys: new Set<string>(), at: [] };
    entry.keys.add(origin.originKey);
    entry.at.push(index);
    byBody.set(key, entry);
  }
  for (const [key, entry] of byBody) {
    if (entry.keys.size < 2) continue;
    for (const index of entry.at) [traced[index]!.originKey, traced[index]!.originLabel] = [`voice:${key}`, entry.label];
  }
}

/** Quoted words, “…” or "…", are another's; what is left is the writer's. */
function outsideQuotes(text: string): string {
  return text.replace(/“[^”]*”|"[^"]*"/g, " ");
}

/**
 * "My cousin was on the sixth floor", "I saw the crack myself", "In my opinion they are right": a writer speaking in the
 * first person singular, outside any quotation, tells what they saw or think — their own testimony, not a relay.
 */
export function firstPersonWitness(quote: string): boolean {
  return /\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b/.test(outsideQuotes(quote).replace(/\bI\.(?=\s*\p{Lu})/gu, ""));
}

/**
 * A document that attributes a statement once and restates it in its own voice relays it: the restatement's origin
 * is the one the document named ("Human Rights Watch put the toll at 218" … "the explosion killed 218 people").
 */
function relayOwnRestatements(members: OriginMember[], traced: MemberOrigin[]): void {
  const named = new Map<number, MemberOrigin>();
  for (const [index, origin] of traced.entries()) {
    // A thread's pasted post names nothing for the replies around it: each reply is its poster's own.
    if (members[index]!.thread && members[index]!.copiedFrom) continue;
    if (!origin.originKey.startsWith("source:") && !named.has(members[index]!.sourceId)) named.set(members[index]!.sourceId, origin);
  }
  for (const [index, origin] of traced.entries()) {
    const member = members[index]!;
    if (origin.originKey !== `source:${member.sourceId}` || firstPersonWitness(member.quote)) continue;
    const relayed = named.get(member.sourceId);
    if (relayed) [origin.originKey, origin.originLabel] = [relayed.originKey, relayed.originLabel];
  }
}

/**
 * A document that copies another relays it, in its own words too: a repost's headline or summary restating what the
 * copied passage says ("OWNERS GET BAIL IN LARKANA" above the pasted report) rests on the original, not on the reposter.
 */
function relayRepostedRestatements(members: OriginMember[], traced: MemberOrigin[]): void {
  const copies = new Map<number, number>();
  for (const member of members) if (member.copiedFrom) copies.set(member.sourceId, member.copiedFrom.sourceId);
  for (const [index, origin] of traced.entries()) {
    const member = members[index]!;
    const original = copies.get(member.sourceId);
    // A reply in a thread is another hand's, not the reposter's restatement of the paste.
    if (original === undefined || member.copiedFrom || member.thread || origin.originKey !== `source:${member.sourceId}`) continue;
    const relayed = members.findIndex((other) => other.sourceId === original);
    if (relayed >= 0) [origin.originKey, origin.originLabel] = [traced[relayed]!.originKey, traced[relayed]!.originLabel];
  }
}

/** The words of a name or a sentence as documentKey spells them, all of them. */
function keyWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/['’]s\b/g, "")
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map(keyWord),
  );
}

/**
 * "Carbide" inside "Union Carbide India Limited" names another body: a one-word name whose every mention in the sentence
 * runs on into capitalized words either side is part of a longer name, not this one.
 */
function insideLongerName(quote: string, label: string): boolean {
  const name = label.trim().replace(/^the\s+/i, "");
  if (/\s/.test(name)) return false;
  const mentions = [...quote.matchAll(new RegExp(`(\\S+\\s+)?\\b${escapeRegExp(name)}\\b(?:['’]s)?(\\s+\\S+)?`, "giu"))];
  const capitalized = (word: string | undefined) => !!word && /^\p{Lu}/u.test(word.trim()) && !/[.!?:;,]$/.test(word.trim());
  return mentions.length > 0 && mentions.every((mention) => (capitalized(mention[1]) && mention.index! > 0) || capitalized(mention[2]));
}

/**
 * "… accusing them of \"utter negligence\"" and "According to the FIR, the owners showed \"utter negligence\"": quotation
 * marks give another's words, and a sentence quoting the words another member attributes rests on the one it names.
 */
function relayQuotedWords(members: OriginMember[], traced: MemberOrigin[]): void {
  const quoted = (text: string) =>
    [...text.matchAll(/[“"]([^”"]{3,80})[”"]/g)].map((match) => match[1]!.trim().toLowerCase()).filter((words) => /\s/.test(words));
  for (const [index, origin] of traced.entries()) {
    if (!origin.originKey.startsWith("source:")) continue;
    const mine = quoted(members[index]!.quote);
    if (!mine.length) continue;
    const sayers = new Map<string, string>();
    for (const [other, otherOrigin] of traced.entries())
      if (other !== index && !otherOrigin.originKey.startsWith("source:") && quoted(members[other]!.quote).some((words) => mine.includes(words)))
        sayers.set(otherOrigin.originKey, otherOrigin.originLabel);
    if (sayers.size === 1) [origin.originKey, origin.originLabel] = [...sayers][0]!;
  }
}

/**
 * "On June 17, Cundy put the number at 58": a person named in full elsewhere ("Stuart Cundy") is named again by their
 * surname alone — a capitalized word of the name that is no English word (so not "Department" or "Watch").
 */
function surnameIn(quote: string, label: string): boolean {
  const words = label.trim().split(/\s+/);
  const surname = words.at(-1)!;
  if (words.length < 2 || words.length > 4 || !words.every((word) => /^\p{Lu}/u.test(word)) || isDictionaryWord(surname)) return false;
  return new RegExp(`(?<![\\p{L}])${escapeRegExp(surname)}(?![\\p{L}])`, "u").test(quote);
}

/**
 * "analyzed a BP video", "the FBI report": a name between an article and a common noun says whose thing the noun is —
 * it names no one who states anything in the sentence. True when every mention of the name is so.
 */
function onlyDescribesAThing(quote: string, label: string): boolean {
  const name = label.trim().replace(/^the\s+/i, "");
  const mentions = [...quote.matchAll(new RegExp(`(\\S+\\s+)?\\b${escapeRegExp(name)}\\b(?!['’])(\\s+\\S+)?`, "giu"))];
  return mentions.length > 0 && mentions.every((mention) => /^(?:a|an|the)\s+$/i.test(mention[1] ?? "") && /^\s+\p{Ll}[\p{Ll}-]*$/u.test(mention[2] ?? ""));
}

/**
 * "The Rapid Damage and Needs Assessment published by the World Bank put the damage at …", "In November CNN surveyed 112
 * funeral homes …": a sentence that names who a statement comes from attributes it, whatever its verb — the origin is
 * the one it names, not the document's own reporting. Only an origin another member of the proposition establishes is
 * recognized, and only when the sentence names exactly one; a first-person witness ("my cousin saw …") stays the writer's.
 */
function relayNamedInPassing(members: OriginMember[], traced: MemberOrigin[]): void {
  const named = new Map<string, { label: string; words: string[] }>();
  for (const origin of traced) {
    if (origin.originKey.startsWith("source:") || named.has(origin.originKey)) continue;
    const words = origin.originKey
      .slice(origin.originKey.indexOf(":") + 1)
      .split(" ")
      .filter(Boolean);
    if (words.length) named.set(origin.originKey, { label: origin.originLabel, words });
  }
  for (const [index, origin] of traced.entries()) {
    const quote = members[index]!.quote;
    if (!origin.originKey.startsWith("source:") || firstPersonWitness(quote)) continue;
    const words = keyWords(quote);
    const found = [...named].filter(
      ([, name]) =>
        (name.words.every((word) => words.has(word)) || surnameIn(quote, name.label)) &&
        !insideLongerName(quote, name.label) &&
        !onlyDescribesAThing(quote, name.label),
    );
    if (found.length === 1) [origin.originKey, origin.originLabel] = [found[0]![0], found[0]![1].label];
  }
}

/** "Its confidence interval ran …", "the figure is their number": a possessive pointing back at what the writer cites; "their radios" is no such reference. */
const POSSESSIVE_BACK_REFERENCE =
  /^\s*(?:Its|Their)\s+[\p{L}\p{N}]|\b(?:its|their)\s+(?:own\s+)?(?:number|figure|estimate|count|tally|finding|findings|data|model|interval)\b/u;

/**
 * A writer's own sentence that opens on a possessive ("Its confidence interval ran from …") or calls a figure "their
 * number" rests on the one origin the proposition names, when it names only one; a first-person witness stays the writer's.
 */
function relayPossessivesToTheDocument(members: OriginMember[], traced: MemberOrigin[]): void {
  const named = new Map(traced.filter((origin) => !origin.originKey.startsWith("source:")).map((origin) => [origin.originKey, origin.originLabel]));
  const [only] = [...named];
  if (named.size !== 1) return;
  for (const [index, origin] of traced.entries()) {
    const quote = outsideQuotes(members[index]!.quote);
    if (origin.originKey.startsWith("source:") && POSSESSIVE_BACK_REFERENCE.test(quote) && !firstPersonWitness(quote))
      [origin.originKey, origin.originLabel] = only!;
  }
}

/**
 * "the anti-terrorism court sentenced …", "The Sindh High Court on Monday upheld …", "ATC sentences …": a court (named,
 * or by initials ending in its C) stating its ruling.
 */
const COURT_RULING =
  /\b((?:[\p{L}-]+\s+){0,3}?(?:[Cc]ourt|[Tt]ribunal|[Bb]ench|[Jj]ury)|\p{Lu}{1,4}C)\s+(?:(?:on|in)\s+[\p{L}\d]+\s+)?(?:(?:had|has)\s+)?(?:sentenced|sentences|convicted|convicts|acquitted|acquits|upheld|upholds|ruled|rules|found|finds|granted|grants|dismissed|dismisses|overturned|overturns|quashed|quashes)\b/u;
const COURT_WORDS = new Set(["court", "tribunal", "bench", "jury"]);

/**
 * "Four gatekeepers were sentenced to life", "received life sentences", "was acquitted": a sentence passed or a verdict
 * given, with no court named, is still a court's ruling — "the court".
 */
const RULING_SUFFERED =
  /\b(?:(?:was|were|is|are|been)\s+(?:\p{Ll}+ly\s+)?(?:sentenced|convicted|acquitted)|(?:received|receive|receives|got|given|handed)\s+(?:(?:a|an|the|their|his|her|life|death|prison|jail|suspended|[\p{L}-]+-year)\s+){0,3}(?:sentences?|terms?))\b/u;

/** "anti-terrorism court" and "ATC", "Sindh High Court" and "SHC": one key, the initials; "the court" alone: "court". */
function courtKey(name: string): string {
  const words = name.split(/[\s-]+/).filter((word) => word && !/^(?:the|an?|of|and)$/i.test(word));
  if (words.length === 1) return words[0]!.toLowerCase();
  return initialsOf(words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(" ")).toLowerCase();
}

/**
 * A ruling is the court's, whoever reports it: a source telling in its own voice that a court sentenced, acquitted or
 * upheld relays the court. "The court" alone is the one court the proposition's other members name, if only one.
 */
function traceRulingsToCourts(members: OriginMember[], traced: MemberOrigin[]): void {
  const rulings = traced.map((origin, index) => {
    // Told in the source's own voice, or passed on from a relay with no speaker of its own ("(Source: agencies)").
    const relayed = members[index]!.speaker === null && members[index]!.citedVia !== null;
    if (!origin.originKey.startsWith("source:") && !relayed) return null;
    const quote = members[index]!.quote;
    const named = COURT_RULING.exec(quote)?.[1] ?? (RULING_SUFFERED.test(quote) ? "the court" : undefined);
    return named ? { key: courtKey(named), label: named.replace(/^(?:the|an?)\s+/i, "") } : null;
  });
  const specific = new Map(rulings.filter((ruling) => ruling && !COURT_WORDS.has(ruling.key)).map((ruling) => [ruling!.key, ruling!.label]));
  for (const [index, ruling] of rulings.entries()) {
    if (!ruling) continue;
    const only = specific.size === 1 ? [...specific][0]! : null;
    const [key, label] = COURT_WORDS.has(ruling.key) && only ? only : [ruling.key, ruling.label];
    [traced[index]!.originKey, traced[index]!.originLabel] = [`voice:court ${key}`, label];
  }
}

/**
 * "the FBI report" and "a report by the United States Federal Bureau of Investigation": one document, named once by its
 * author's initials and once in full — the same kind of document, and the initials of the full name hold the acronym.
 */
function mergeDocumentAcronyms(traced: MemberOrigin[]): void {
  const documents = [...new Map(traced.filter((origin) => origin.originKey.startsWith("doc:")).map((origin) => [origin.originKey, origin.originLabel]))];
  for (const origin of traced) {
    if (!origin.originKey.startsWith("doc:")) continue;
    const acronym = /\b(\p{Lu}{2,6})\b/u.exec(origin.originLabel)?.[1];
    if (!acronym) continue;
    const kinds = new Set(origin.originKey.slice(4).split(" "));
    const full = documents.find(
      ([key, label]) =>
        key !== origin.originKey &&
        !label.includes(acronym) &&
        initialsOf(label).includes(acronym) &&
        key
          .slice(4)
          .split(" ")
          .some((word) => kinds.has(word)),
    );
    if (full) [origin.originKey, origin.originLabel] = full;
  }
}

/**
 * "the first report" and "the Phase 1 report, published on 30 October 2019": a document named in fewer words, all of
 * them inside another document's name, is that document, when exactly one other document's name holds them.
 */
function mergeDocumentVariants(traced: MemberOrigin[]): void {
  const documents = [...new Map(traced.filter((origin) => origin.originKey.startsWith("doc:")).map((origin) => [origin.originKey, origin.originLabel]))];
  const words = (key: string) => key.slice(4).split(" ").filter(Boolean);
  for (const origin of traced) {
    if (!origin.originKey.startsWith("doc:")) continue;
    const mine = words(origin.originKey);
    const fuller = documents.filter(([key]) => words(key).length > mine.length && mine.every((word) => words(key).includes(word)));
    if (mine.length && fuller.length === 1) [origin.originKey, origin.originLabel] = fuller[0]!;
  }
}

/**
 * "the first report of the inquiry" and "the Phase 1 report": one document named two ways — the same kind of
 * document (the word after the number) numbered the same (an ordinal is its figure in the key).
 */
function mergeNumberedDocuments(traced: MemberOrigin[]): void {
  const documents = [...new Map(traced.filter((origin) => origin.originKey.startsWith("doc:")).map((origin) => [origin.originKey, origin.originLabel]))];
  const numbered = (key: string) => {
    const words = key.slice(4).split(" ").filter(Boolean);
    const numbers = words.flatMap((word, index) => (/^[1-9]$/.test(word) ? [index] : []));
    const kind = numbers.length === 1 ? words[numbers[0]! + 1] : undefined;
    return kind ? `${words[numbers[0]!]} ${kind}` : null;
  };
  for (const origin of traced) {
    const mine = numbered(origin.originKey);
    if (!mine) continue;
    const same = documents.filter(([key]) => numbered(key) === mine);
    if (same.length > 1) [origin.originKey, origin.originLabel] = same[0]!;
  }
}

/** "published on August 28", "released on 30 October 2019": the day a document came out, as its description gives it. */
const PUBLISHED_ON =
  /\b(?:published|released|issued|dated|made\s+public)\s+(?:on\s+)?((?:\d{1,2}\s+)?\p{Lu}\p{Ll}+\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+\p{Lu}\p{Ll}+(?:\s+\d{4})?)/u;

/**
 * "their study, published on August 28" and "the George Washington University report, released on August 28": two
 * documents of one proposition said to have come out on the same day are one document, traced as the named one is.
 */
function mergeDocumentsOfOneDay(members: OriginMember[], traced: MemberOrigin[]): void {
  const dayOf = (member: OriginMember) => {
    const day = member.citedVia && PUBLISHED_ON.exec(member.citedVia)?.[1];
    return day ? day.replace(/,/g, "").replace(/\s+/g, " ").toLowerCase() : null;
  };
  for (const [index, origin] of traced.entries()) {
    const day = dayOf(members[index]!);
    if (!day || !origin.originKey.startsWith("doc:")) continue;
    const others = new Map<string, string>();
    for (const [other, otherOrigin] of traced.entries())
      if (other !== index && otherOrigin.originKey !== origin.originKey && dayOf(members[other]!) === day)
        others.set(otherOrigin.originKey, otherOrigin.originLabel);
    if (others.size === 1) [origin.originKey, origin.originLabel] = [...others][0]!;
  }
}

/**
 * "The authors wrote that one third of the deaths …" and "Harvard's own paper found …": the authors of a document are
 * its voice — the one document the proposition cites, if exactly one.
 */
function mergeAuthorsIntoDocuments(members: OriginMember[], traced: MemberOrigin[]): void {
  const documents = [...new Map(traced.filter((origin) => origin.originKey.startsWith("doc:")).map((origin) => [origin.originKey, origin.originLabel]))];
  if (documents.length !== 1) return;
  for (const [index, origin] of traced.entries()) {
    const speaker = members[index]!.speaker?.name.trim();
    if (speaker && /^(?:the\s+)?(?:(?:study|report|paper|survey|article)['’]s\s+)?(?:authors?|co-?authors?)$/i.test(speaker))
      [origin.originKey, origin.originLabel] = documents[0]!;
  }
}

/**
 * "A federal judge ruled …" and "U.S. District Judge Carl Barbier found …": a speaker known only by a role is the one
 * named speaker of the proposition whose own claim gives them that title, when there is exactly one.
 */
function mergeUnnamedRoles(members: OriginMember[], traced: MemberOrigin[]): void {
  const roleWords = new RegExp(`^(?:${ROLE_WORDS}|judges?|prosecutors?)$`, "i");
  for (const [index, origin] of traced.entries()) {
    const speaker = members[index]!.speaker;
    if (!speaker || !origin.originKey.startsWith("voice:")) continue;
    const words = speaker.name.replace(/^(?:the|an?)\s+/i, "").split(/\s+/);
    const role = words.at(-1)!;
    // Only a role, perhaps qualified by common words: "Federal judge", "a senior official"; no proper name after its first word.
    if (!roleWords.test(role) || words.slice(1, -1).some((word) => /^\p{Lu}/u.test(word))) continue;
    const titled = new Map<string, string>();
    for (const [other, otherOrigin] of traced.entries()) {
      const named = members[other]!.speaker;
      if (!named || other === index || named.name === speaker.name || !/\s/.test(named.name)) continue;
      const surname = named.name.split(/\s+/).at(-1)!;
      if (new RegExp(`\\b${escapeRegExp(role)}\\s+(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}${escapeRegExp(surname)}\\b`, "iu").test(members[other]!.quote))
        titled.set(otherOrigin.originKey, otherOrigin.originLabel);
    }
    if (titled.size === 1) [origin.originKey, origin.originLabel] = [...titled][0]!;
  }
}

/** What a reported telling is told with: "said", "reported", "told the committee", then who told it and how. */
const INNER_TELLING = /\b(?:said|says|reported|reports|told\s+[\p{L}\s]{1,40}?|testified|wrote|revealed|disclosed)\s+(?:that\s+)?/u;
const INNER_VERB =
  /^(?:['’]s\s+)?(?:\s*(?:officials?|executives?|engineers?|lawyers?|staff))?\s+(?:had\s+|has\s+)?(?:told|said|believed|believes|argued|argues|claimed|claims|insisted|insists|maintained|maintains|admitted|admits|estimated|estimates|conceded|concedes)\b/u;

/**
 * "Markey said BP officials told members of the House …", "staff of the commission reported that BP believed the
 * government had overestimated …": a speaker reporting what another told or believed relays it — the origin is the
 * inner teller, when that teller is an origin of the proposition in its own right.
 */
function relayInnerTellers(members: OriginMember[], traced: MemberOrigin[]): void {
  const voices = new Map(traced.filter((origin) => origin.originKey.startsWith("voice:")).map((origin) => [origin.originKey, origin.originLabel]));
  for (const [index, origin] of traced.entries()) {
    const member = members[index]!;
    if (!member.speaker || !origin.originKey.startsWith("voice:")) continue;
    const telling = INNER_TELLING.exec(member.quote);
    if (!telling) continue;
    const rest = member.quote.slice(telling.index + telling[0].length).replace(/^the\s+/i, "");
    const inner = [...voices].filter(
      ([key, label]) => key !== origin.originKey && rest.toLowerCase().startsWith(label.toLowerCase()) && INNER_VERB.test(rest.slice(label.length)),
    );
    if (inner.length === 1) [origin.originKey, origin.originLabel] = inner[0]!;
  }
}

/**
 * "The study compared the deaths recorded …", "Researchers compared …": a sentence whose subject is a study, report or
 * survey tells what that document did — its origin is the document (the proposition's one document, if it cites one),
 * and one whose subject is the researchers or authors tells what the proposition's one document's makers did.
 */
function traceDocumentsAsSubjects(members: OriginMember[], traced: MemberOrigin[]): void {
  const subjectOf = (quote: string) =>
    /^(?:(?:the|this|that|their|its|a)\s+)?(study|report|survey|analysis|paper|researchers|authors)\s+\p{Ll}+(?:ed|s)\b/iu
      .exec(quote.trim())?.[1]
      ?.toLowerCase();
  const documents = () => new Map(traced.filter((origin) => origin.originKey.startsWith("doc:")).map((origin) => [origin.originKey, origin.originLabel]));
  for (const [index, origin] of traced.entries()) {
    const subject = subjectOf(members[index]!.quote);
    if (!subject || !origin.originKey.startsWith("source:") || subject === "researchers" || subject === "authors") continue;
    const known = documents();
    [origin.originKey, origin.originLabel] = known.size === 1 ? [...known][0]! : [`doc:${documentKey(subject)}`, subject];
  }
  const known = documents();
  if (known.size !== 1) return;
  for (const [index, origin] of traced.entries()) {
    const subject = subjectOf(members[index]!.quote);
    if (origin.originKey.startsWith("source:") && (subject === "researchers" || subject === "authors")) [origin.originKey, origin.originLabel] = [...known][0]!;
  }
}

/**
 * A company's statement or a ministry's release telling something in its own voice ("Our product made up about 5% of the
 * insulation") is the issuing body speaking — the same voice as "Kingspan said …" in another source — not a separate
 * reporter's own account. Only what no rule above traced further (a restatement of an origin the document names keeps it).
 */
function speakForIssuers(members: OriginMember[], traced: MemberOrigin[]): void {
  for (const [index, origin] of traced.entries()) {
    const member = members[index]!;
    const issuer = member.issuer?.trim();
    if (!issuer || origin.originKey !== `source:${member.sourceId}`) continue;
    [origin.originKey, origin.originLabel] = [speakerKey({ id: -member.sourceId, name: issuer }), issuer];
  }
}

/** The original's member a copied sentence repeats: the one sharing most of its words (the first, when none does). */
function sameSentence(copy: OriginMember, originals: OriginMember[]): OriginMember | undefined {
  const words = keyWords(copy.quote);
  const shared = (other: OriginMember) => [...keyWords(other.quote)].filter((word) => words.has(word)).length;
  return originals.reduce<OriginMember | undefined>((best, other) => (!best || shared(other) > shared(best) ? other : best), undefined);
}

export function traceOrigins(members: OriginMember[]): OriginSummary {
  const bySource = new Map<number, OriginMember[]>();
  for (const member of members) bySource.set(member.sourceId, [...(bySource.get(member.sourceId) ?? []), member]);
  const resolved = new Map<number, MemberOrigin>();
  const relays = new Map<number, number>();

  const resolve = (member: OriginMember, seen: Set<number>): MemberOrigin => {
    const known = resolved.get(member.claimId);
    if (known) return known;
    const own = ownChain(member);
    let result: MemberOrigin = { claimId: member.claimId, chain: own.chain, originKey: own.key, originLabel: own.label, weakest: weakestHop(own.chain) };
    // A copied passage relays the original's member: its origin is that member's, its chain runs on through it.
    const copied = member.copiedFrom;
    const relayed = copied && !seen.has(copied.sourceId) ? sameSentence(member, bySource.get(copied.sourceId) ?? []) : undefined;
    if (relayed) {
      relays.set(member.claimId, relayed.claimId);
      const through = resolve(relayed, new Set([...seen, member.sourceId]));
      const chain = [own.chain[0]!, ...through.chain];
      result = { claimId: member.claimId, chain, originKey: through.originKey, originLabel: through.originLabel, weakest: weakestHop(chain) };
    }
    resolved.set(member.claimId, result);
    return result;
  };

  const traced = members.map((member) => resolve(member, new Set([member.sourceId])));
  mergeDocumentsIntoAuthors(traced);
  mergeNameVariants(traced);
  mergeVoiceInitials(traced);
  mergeBracketedShortForms(members, traced);
  mergeAffiliations(members, traced);
  traceRulingsToCourts(members, traced);
  mergeDocumentAcronyms(traced);
  mergeDocumentVariants(traced);
  mergeNumberedDocuments(traced);
  mergeDocumentsOfOneDay(members, traced);
  mergeAuthorsIntoDocuments(members, traced);
  mergeUnnamedRoles(members, traced);
  relayOwnRestatements(members, traced);
  relayRepostedRestatements(members, traced);
  relayNamedInPassing(members, traced);
  relayPossessivesToTheDocument(members, traced);
  relayQuotedWords(members, traced);
  relayInnerTellers(members, traced);
  traceDocumentsAsSubjects(members, traced);
  speakForIssuers(members, traced);
  // A copy ends where the sentence it copies ends, after everything above has traced that sentence further.
  const byClaim = new Map(traced.map((origin) => [origin.claimId, origin]));
  for (let round = 0; round < members.length; round += 1) {
    let changed = false;
    for (const [copy, original] of relays) {
      const [from, to] = [byClaim.get(original)!, byClaim.get(copy)!];
      if (to.originKey === from.originKey) continue;
      [to.originKey, to.originLabel, changed] = [from.originKey, from.originLabel, true];
    }
    if (!changed) break;
  }
  const origins = new Map<string, Origin>();
  for (const [index, origin] of traced.entries()) {
    const member = members[index]!;
    const entry = origins.get(origin.originKey) ?? { key: origin.originKey, label: origin.originLabel, claimIds: [], sourceIds: [] };
    entry.claimIds.push(member.claimId);
    if (!entry.sourceIds.includes(member.sourceId)) entry.sourceIds.push(member.sourceId);
    origins.set(origin.originKey, entry);
  }
  const sources = new Set(members.map((member) => member.sourceId)).size;
  const list = [...origins.values()].sort((x, y) => y.sourceIds.length - x.sourceIds.length || x.label.localeCompare(y.label));
  return {
    members: traced,
    origins: list,
    independentOrigins: list.length,
    sources,
    circular: list.some((origin) => origin.sourceIds.length >= 2),
  };
}
