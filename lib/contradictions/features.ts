// What the rules read of a claim and a pair, computed once per claim (a claim is in many pairs).
import { isPluralGroupName } from "@/lib/extract/lexicon";
import { isKindOf } from "@/lib/text/wordnet";
import {
  capitalize,
  contentTerms,
  negatesWords,
  NEGATORS,
  termsOfWords,
  normalizeTerm,
  shorten,
  surfaceWords,
  Vocabulary,
  words,
  squaredNorm,
  weightedOverlap,
  type Overlap,
} from "@/lib/text/terms";
import { dates, eventTerms, type DateMention } from "@/lib/text/dates";
import { MONTH_ALTERNATION } from "@/lib/text/months";
import { affiliationOf, bodySpokenFor } from "@/lib/propositions/origins";
import { UNATTRIBUTED_QUOTE } from "@/lib/extract/forum-posts";
import { computeFacets, FACETS_VERSION, keysOfName, type Act, type ClaimFacets, type DateFacet, type PropositionFacet, type QuantityFacet } from "@/lib/facets";
import { ACCUSING, CONTRAST, CONTRAST_STRONG, DISOWNING, DISPUTE_PHRASES, EXCULPATING, NEGATED_ACCUSATION, POINTS_BACK } from "@/lib/contradictions/lexicon";

export type CueKind = "negation" | "dispute" | "numeric" | "date" | "attribution" | "accusation_denial" | "revision" | "other";
export type CueStance = "supports" | "opposes" | "neutral" | "unclear";

export interface CueClaim {
  id: number;
  quote: string;
  cue?: string | null;
  /** Where "X disputes that, saying:" often sits. */
  prefix?: string;
  speakerId?: number | null;
  speakerName?: string | null;
  sourceId: number;
  sourceTitle?: string;
  startOffset?: number;
  topicId?: number | null;
  topicTitle?: string | null;
  stance?: CueStance;
  /** Computed on the spot when absent. */
  facets?: ClaimFacets | null;
}

export interface PairSignals {
  /** Claims between the two in one source (0 = neighbours). */
  gap?: number;
  similarity?: number;
}

export interface CueMatch {
  kind: CueKind;
  rule: string;
  score: number;
  explanation: string;
  /** The claim whose wording fired the rule (the denial). */
  anchorClaimId?: number;
}

export interface DisputeMatch {
  phrase: string;
  strength: number;
  act: boolean;
  pointsBack: boolean;
}

export interface Features {
  terms: Set<string>;
  events: Set<string>;
  /** Found in the quote, its cue or the lead-in just before it; `disputes` strongest first. */
  dispute: DisputeMatch | null;
  disputes: DisputeMatch[];
  disowns: string | null;
  contrast: { phrase: string; strong: boolean } | null;
  accuses: boolean;
  exculpates: boolean;
  negated: boolean;
  /** Negated, or turned down ("rejected"): the polarity a contrast can flip. */
  negative: boolean;
  dates: DateMention[];
  speakerTerms: Set<string>;
  /** "the memo" in "the memo says": term → words. */
  attributionTerms: Map<string, string>;
  harms: Set<string>;
  agents: Set<string>;
}

const featureCache = new WeakMap<CueClaim, Features>();

export function leadIn(prefix: string | undefined): string {
  if (!prefix) return "";
  const parts = prefix.split(/[.!?]["”’)]?\s+|\n/);
  return parts[parts.length - 1] ?? "";
}

/** A wh-clause said to be disputed, with no one named as disputing it. */
const OPEN_QUESTION =
  /^\s*(?:how|who|why|whether|what|when|where|which)\b[^.;]*\b(?:remains?|is|was|are|were|has(?:\s+long)?\s+been|have(?:\s+long)?\s+been)\s+(?:\w+ly\s+)?disputed\b(?!\s+by\b)/i;

/**
 * "a false market", "a false ceiling", "misleading labels": such a word before a noun that names no message describes a
 * thing; it calls something untrue only of a statement, claim, report or other communication ("false claims").
 */
function describesAThing(frame: string, match: RegExpExecArray): boolean {
  if (!/^(?:false|misleading|inaccurate)$/i.test(match[0])) return false;
  const noun = /^\s+([a-z]+)/.exec(frame.slice(match.index + match[0].length))?.[1];
  if (!noun) return false;
  const forms = [...new Set([noun, noun.replace(/ies$/, "y"), noun.replace(/s$/, "")])];
  const known = forms.some((form) => isKindOf(form, "entity"));
  return known && !forms.some((form) => TRUTH_BEARERS.some((kind) => isKindOf(form, kind)));
}

/** What can be true or false: a message, a belief or a figure (WordNet's broad kinds). */
const TRUTH_BEARERS = ["communication", "cognition", "measure", "attribute"];

export function features(claim: CueClaim): Features {
  const cached = featureCache.get(claim);
  if (cached) return cached;
  const lead = leadIn(claim.prefix);
  const frame = `${lead} ${claim.cue ?? ""} ${claim.quote}`;
  const pointsBack = POINTS_BACK.test(`${lead} ${claim.quote}`);
  const disputes: DisputeMatch[] = [];
  // "How the water got into the tank remains disputed": a question said to be open disputes no one's answer.
  const openQuestion = OPEN_QUESTION.test(claim.quote);
  for (const phrase of DISPUTE_PHRASES) {
    const match = phrase.pattern.exec(frame);
    if (match && !(openQuestion && /^disput/i.test(match[0])) && !describesAThing(frame, match))
      disputes.push({ phrase: match[0], strength: phrase.strength, act: phrase.act ?? false, pointsBack });
  }
  disputes.sort((x, y) => y.strength - x.strength);
  const dispute = disputes[0] ?? null;
  const opening = `${lead} ${claim.quote}`.trim();
  const strong = CONTRAST_STRONG.exec(opening);
  const weak = strong ? null : CONTRAST.exec(opening);
  const tokens = words(claim.quote);
  const negated = negatesWords(tokens);
  const accusing = accusesOutsideNegation(claim.quote);
  const exculpates = EXCULPATING.test(claim.quote) || NEGATED_ACCUSATION.test(claim.quote) || ((dispute?.act ?? false) && ACCUSING.test(claim.quote));
  const result: Features = {
    terms: termsOfWords(tokens),
    events: eventTerms(claim.quote),
    dispute,
    disputes,
    disowns: DISOWNING.exec(frame)?.[0] ?? null,
    contrast: strong ? { phrase: strong[0].trim(), strong: true } : weak ? { phrase: weak[0].trim(), strong: false } : null,
    accuses: accusing,
    exculpates,
    negated,
    negative: negated !== /\b(?:rejected|refused|denied|declined|dropped|abandoned)\b/i.test(claim.quote),
    dates: dates(claim.quote),
    speakerTerms: claim.speakerName ? contentTerms(claim.speakerName) : new Set(),
    attributionTerms: attributionTerms(claim),
    harms: new Set([...claim.quote.matchAll(new RegExp(ACCUSING.source, "gi"))].map((m) => contentTerms(m[0])).flatMap((t) => [...t])),
    agents: namedParties(claim),
  };
  featureCache.set(claim, result);
  return result;
}

/** "tortured an innocent woman without committing any crime" still accuses. */
export function accusesOutsideNegation(text: string): boolean {
  const negated = [...text.matchAll(new RegExp(NEGATED_ACCUSATION.source, "gi"))].map((m) => [m.index!, m.index! + m[0].length] as const);
  for (const match of text.matchAll(new RegExp(ACCUSING.source, "gi"))) {
    if (!negated.some(([start, end]) => match.index! >= start && match.index! < end)) return true;
  }
  return false;
}

export const DOCUMENT_NOUN = /\b(?:memo|memorandum|cable|report|assessment|letter|statement|complaint|suit|lawsuit|ruling|judgment|decision|study|paper)\b/gi;
export const DOCUMENT_NOUNS = new Set([
  "memo",
  "report",
  "assessment",
  "letter",
  "statement",
  "complaint",
  "suit",
  "lawsuit",
  "ruling",
  "judgment",
  "decision",
  "study",
  "paper",
]);

export function attributionTerms(claim: CueClaim): Map<string, string> {
  const terms = new Map<string, string>();
  if (!claim.cue) return terms;
  const at = claim.quote.toLowerCase().indexOf(claim.cue.toLowerCase());
  if (at > 0) {
    // "Human rights groups acknowledge …" or "…,” the memo says": the words naming the source.
    const before = claim.quote.slice(0, at).trim();
    const lead = before.split(/\s+/).length <= 5 ? before : (/[,”"]\s*((?:the\s+)?[\w’' -]{1,40})$/i.exec(before)?.[1] ?? "");
    const display = lead.replace(/^\W+|\W+$/g, "");
    for (const term of contentTerms(lead)) terms.set(term, display);
  }
  for (const match of claim.quote.matchAll(DOCUMENT_NOUN)) for (const term of contentTerms(match[0])) terms.set(term, `the ${match[0].toLowerCase()}`);
  return terms;
}

export function around(text: string, phrase: string, reach: { before: number; after: number } = { before: 6, after: 7 }): string {
  const at = text.indexOf(phrase);
  if (at === -1) return "";
  const before = text.slice(0, at).split(/\s+/).slice(-reach.before).join(" ");
  const after = text
    .slice(at + phrase.length)
    .split(/\s+/)
    .slice(0, reach.after)
    .join(" ");
  return `${before} ${after}`;
}

export function namedParties(claim: CueClaim): Set<string> {
  const speaker = new Set((claim.speakerName ?? "").toLowerCase().split(/\W+/));
  const parties = new Set<string>();
  for (const match of claim.quote.matchAll(/\b([A-Z]{2,6})\b/g)) {
    const word = match[1]!;
    if (speaker.has(word.toLowerCase()) || /^(?:US|UK|USA|UN|TV)$/.test(word)) continue;
    parties.add(word);
  }
  return parties;
}

/** "…, police said.": an unnamed source the claim itself names. */
const UNNAMED_SOURCE =
  /(?:,\s*|^)((?:the\s+)?(?:police|officials?|witnesses|residents|doctors|hospital\s+(?:officials|staff)|investigators|prosecutors|rescuers|authorities|sources|scientists|experts|engineers|analysts))\s+(?:said|say|says|told|reported|added)\b/i;

export function who(claim: CueClaim): string {
  if (claim.speakerName) return claim.speakerName;
  const unnamed = UNNAMED_SOURCE.exec(claim.quote);
  if (unnamed) return capitalize(unnamed[1]!);
  const named = voiceInText(claim);
  if (named) return named;
  // In a forum thread, the poster: "kabir_r in “40 years of Bhopal…”".
  const poster = facetsOf(claim).voice;
  if (poster && claim.sourceTitle) return `${poster === UNATTRIBUTED_QUOTE ? "a quoted text" : poster} in “${shorten(claim.sourceTitle, 40)}”`;
  if (claim.sourceTitle) return `the author of “${shorten(claim.sourceTitle, 40)}”`;
  return "the author";
}

export function says(claim: CueClaim): string {
  const name = who(claim);
  const last = name.split(" ").pop() ?? "";
  const unnamedPlural = !claim.speakerName && UNNAMED_SOURCE.test(claim.quote) && /s$|^police$/i.test(last);
  // "Staff say" and "Crew say" too, as collectives.
  return `${name} ${unnamedPlural || isPluralGroupName(name) || /^(staff|crew)$/i.test(last) ? "say" : "says"}`;
}

export function isAuthorVoice(claim: CueClaim): boolean {
  return claim.speakerId == null;
}

// "Chief fire officer Ehtisham Saleem told the commission …" in a claim without a speaker; capitalized, so "the report said" is no name.
const SAYS_IN_TEXT =
  /((?:\p{Lu}[\p{L}'’.-]*\s+){0,3}\p{Lu}[\p{L}'’-]+)(?:,[^,]{2,90},)?\s+(?:then\s+|later\s+|also\s+)?(?:said|says|told|tells|stated|testified|claimed|argued|insisted|added|wrote|alleged|maintained|recalled|acknowledged|conceded)\b/u;
const voiceInTextMemo = memo<string | null>();

export function voiceInText(claim: CueClaim): string | null {
  return voiceInTextMemo(claim, () => {
    const match = SAYS_IN_TEXT.exec(claim.quote);
    if (!match) return null;
    const name = match[1]!.replace(/^(?:The|A|An|But|And|However|Also|Later|Then|In|On)\s+/, "");
    return /^(?:He|She|They|It|We|I|This|That)$/.test(name) ? null : name;
  });
}

/** The same actor, or one source's author — unless the text names two different speakers. */
export function sameSpeaker(a: CueClaim, b: CueClaim): boolean {
  if (isAuthorVoice(a) && isAuthorVoice(b)) {
    if (a.sourceId !== b.sourceId) return false;
    // Two posts of a thread are two people.
    const [pa, pb] = [facetsOf(a).voice, facetsOf(b).voice];
    if (pa && pb && pa !== pb) return false;
    const [va, vb] = [voiceInText(a), voiceInText(b)];
    return va === vb || (va !== null && vb !== null && (va.includes(vb) || vb.includes(va)));
  }
  return a.speakerId != null && a.speakerId === b.speakerId;
}

export function precedes(first: CueClaim, second: CueClaim): boolean {
  if (first.sourceId !== second.sourceId) return false;
  if (first.startOffset != null && second.startOffset != null) return first.startOffset < second.startOffset;
  return first.id < second.id;
}

export function adjacency(signals: PairSignals): number {
  if (signals.gap == null) return 0;
  return [1, 0.7, 0.45][signals.gap] ?? 0;
}

export function subjectRelatedness(shared: Overlap, signals: PairSignals): number {
  const textual = Math.min(1, shared.score / 0.35) * (shared.distinctive.length > 0 ? 1 : 0.5);
  const trigram = Math.min(1, (signals.similarity ?? 0) / 0.5);
  return Math.max(textual, trigram);
}

export function noisyOr(...values: number[]): number {
  return 1 - values.reduce((rest, value) => rest * (1 - Math.max(0, Math.min(1, value))), 1);
}

export function topics(shared: Overlap, a: CueClaim, b: CueClaim, count = 3): string {
  const terms = (shared.distinctive.length ? shared.distinctive : shared.shared).slice(0, count);
  if (!terms.length) return "the same subject";
  const surfaceA = surfaceWords(a.quote);
  const surfaceB = surfaceWords(b.quote);
  return terms.map((term) => surfaceA.get(term) ?? surfaceB.get(term) ?? term).join(", ");
}

export function clamp(score: number): number {
  return Math.round(Math.max(0, Math.min(0.99, score)) * 1000) / 1000;
}

/** "the memo … is inaccurate" names "…, the memo says"; Wasey Jalil is not naming Nasreen Jalil. */
export function names(words: Set<string>, naming: CueClaim, named: CueClaim, vocabulary: Vocabulary): string | null {
  const own = features(naming).speakerTerms;
  const speaker = features(named).speakerTerms;
  // One word of a person's name ("Mr. Khan") fits many people; two or a document noun do not.
  const speakerHits = [...speaker].filter((term) => words.has(term) && !own.has(term));
  if (speakerHits.length >= Math.min(2, speaker.size) && speakerHits.some((term) => vocabulary.isDistinctive(term))) return who(named);
  for (const [term, display] of features(named).attributionTerms) {
    if (speaker.has(term) || own.has(term) || !words.has(term)) continue;
    if (DOCUMENT_NOUNS.has(term) || vocabulary.isDistinctive(term)) return display;
  }
  return null;
}

/** In "Durrani could not be contacted" the "not" negates "contacted", not what both claims say. */
export function negatorOverShared(quote: string, shared: Set<string>): string | null {
  return negationsOver(quote, shared)[0]?.negator ?? null;
}

/** The shared terms a negator governs ("never published … register" → publish, register). */
export function negatedShared(quote: string, shared: Set<string>): Set<string> {
  return new Set(negationsOver(quote, shared).map((negation) => negation.term));
}

function negationsOver(quote: string, shared: Set<string>): { negator: string; term: string }[] {
  const tokens = words(quote);
  const found: { negator: string; term: string }[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (!NEGATORS.has(tokens[index]!)) continue;
    const negator = tokens[index] === "n't" ? "not" : tokens[index]!;
    for (const next of tokens.slice(index + 1, index + 5)) {
      const term = normalizeTerm(next);
      if (term && shared.has(term)) found.push({ negator, term });
    }
  }
  return found;
}

export function nearShared(text: string, at: number, shared: Set<string>): boolean {
  const before = words(text.slice(0, at)).slice(-4);
  const after = words(text.slice(at)).slice(1, 6);
  return [...before, ...after].some((word) => {
    const term = normalizeTerm(word);
    return term !== null && shared.has(term);
  });
}

/** "Patterson denied …" is not about Patterson. */
export function subjectTerms(claim: CueClaim): Set<string> {
  return subjectTermsMemo(claim, () => {
    const f = features(claim);
    if (!f.speakerTerms.size) return f.terms;
    return new Set([...f.terms].filter((term) => !f.speakerTerms.has(term)));
  });
}

export function subjectOverlap(a: CueClaim, b: CueClaim, vocabulary: Vocabulary): Overlap {
  const [na, nb] = [subjectNorm(a, vocabulary), subjectNorm(b, vocabulary)];
  return weightedOverlap(na.terms, nb.terms, vocabulary, na.norm, nb.norm);
}

const normCache = new WeakMap<CueClaim, { vocabulary: Vocabulary; terms: Set<string>; norm: number }>();
function subjectNorm(claim: CueClaim, vocabulary: Vocabulary): { terms: Set<string>; norm: number } {
  const known = normCache.get(claim);
  if (known && known.vocabulary === vocabulary) return known;
  const terms = subjectTerms(claim);
  const computed = { vocabulary, terms, norm: squaredNorm(terms, vocabulary) };
  normCache.set(claim, computed);
  return computed;
}

export const CLAUSE_BREAK = /[,;:—–]\s+|\s+(?:and|but|while|whereas|although|because)\s+/i;

// "To a question whether X, Y refuted this notion": the clause before counts too; from the first clause, the previous sentence.
const disputedMemo = new WeakMap<CueClaim, Map<string, { terms: Set<string>; answersPreviousSentence: boolean }>>();

export function disputedProposition(claim: CueClaim, dispute: DisputeMatch): { terms: Set<string>; answersPreviousSentence: boolean } {
  let byPhrase = disputedMemo.get(claim);
  if (!byPhrase) disputedMemo.set(claim, (byPhrase = new Map()));
  const key = `${dispute.phrase}\u0000${dispute.pointsBack}`;
  let found = byPhrase.get(key);
  if (!found) byPhrase.set(key, (found = computeDisputedProposition(claim, dispute)));
  return found;
}

function computeDisputedProposition(claim: CueClaim, dispute: DisputeMatch): { terms: Set<string>; answersPreviousSentence: boolean } {
  const f = features(claim);
  const text = `${leadIn(claim.prefix)} ${claim.quote}`.trim();
  const at = text.toLowerCase().indexOf(dispute.phrase.toLowerCase());
  if (at === -1) return { terms: f.terms, answersPreviousSentence: dispute.pointsBack };
  const before = text.slice(0, at);
  const clauseStart = Math.max(0, ...[...before.matchAll(new RegExp(CLAUSE_BREAK.source, "gi"))].map((m) => m.index! + m[0].length));
  const afterText = text.slice(at);
  const nextBreak = afterText.search(CLAUSE_BREAK);
  const own = text.slice(clauseStart, nextBreak === -1 ? text.length : at + nextBreak);
  const terms = contentTerms(own);
  const speakerTerms = f.speakerTerms;
  const firstClause = clauseStart === 0 || before.slice(0, clauseStart).trim().split(/\s+/).length <= 2;
  if (dispute.pointsBack && !firstClause) {
    for (const term of contentTerms(before.slice(0, clauseStart))) terms.add(term);
  }
  for (const term of speakerTerms) terms.delete(term);
  return { terms, answersPreviousSentence: dispute.pointsBack && firstClause };
}

export function containment(part: Set<string>, whole: Set<string>, vocabulary: Vocabulary): Overlap {
  let total = 0;
  let sharedWeight = 0;
  const shared: string[] = [];
  for (const term of part) {
    const weight = vocabulary.weight(term);
    total += weight;
    if (whole.has(term)) {
      sharedWeight += weight;
      shared.push(term);
    }
  }
  shared.sort((x, y) => vocabulary.weight(y) - vocabulary.weight(x));
  // Sharing one word of a long clause says little, however rare the word.
  const score = total ? (sharedWeight / total) * Math.min(1, shared.length / 2) : 0;
  return { score, shared, distinctive: shared.filter((term) => vocabulary.isDistinctive(term)) };
}

const facetCache = new WeakMap<CueClaim, ClaimFacets>();

/** Computed now for claims read before a refresh, and in tests. */
export function facetsOf(claim: CueClaim): ClaimFacets {
  if (claim.facets && claim.facets.version === FACETS_VERSION) return claim.facets;
  const cached = facetCache.get(claim);
  if (cached) return cached;
  const computed = computeFacets({ quote: claim.quote, cue: claim.cue, speakerName: claim.speakerName });
  facetCache.set(claim, computed);
  return computed;
}

/** A value computed once per claim object (a claim is judged in many pairs); what it returns is shared, never changed. */
export function memo<T>(): (claim: CueClaim, compute: () => T) => T {
  const cache = new WeakMap<CueClaim, T>();
  return (claim, compute) => {
    const known = cache.get(claim);
    if (known !== undefined) return known;
    const value = compute();
    cache.set(claim, value);
    return value;
  };
}
const speakerKeysMemo = memo<Set<string>>();
const subjectTermsMemo = memo<Set<string>>();
const entityKeysMemo = memo<Set<string>>();
const eventTermsMemo = memo<Set<string>>();

export function speakerKeys(claim: CueClaim): Set<string> {
  return speakerKeysMemo(claim, () => new Set(claim.speakerName ? keysOfName(claim.speakerName) : []));
}

export function entityKeys(claim: CueClaim): Set<string> {
  return entityKeysMemo(claim, () => new Set(facetsOf(claim).entities.flatMap((entity) => entity.keys)));
}

export function entityText(claim: CueClaim, key: string): string {
  return facetsOf(claim).entities.find((entity) => entity.keys.includes(key))?.text ?? key.toUpperCase();
}

/** A denial or admission also speaks for its speaker. */
export function actTargets(claim: CueClaim, act: Act): { targets: Set<string>; cue: string } | null {
  const byAct = actTargetsMemo(claim, () => new Map());
  let known = byAct.get(act);
  if (known === undefined) byAct.set(act, (known = computeActTargets(claim, act)));
  return known;
}
const actTargetsMemo = memo<Map<Act, { targets: Set<string>; cue: string } | null>>();

function computeActTargets(claim: CueClaim, act: Act): { targets: Set<string>; cue: string } | null {
  const found = facetsOf(claim).acts.find((candidate) => candidate.act === act);
  if (!found) return null;
  const targets = new Set(found.targets);
  const speaker = speakerKeys(claim);
  if (act !== "accuses" && ![...targets].some((key) => !speaker.has(key))) for (const key of speaker) targets.add(key);
  return { targets, cue: found.cue };
}

export function propositionsOf(claim: CueClaim): PropositionFacet[] {
  return facetsOf(claim).propositions ?? [];
}

export function statedQuantities(claim: CueClaim): QuantityFacet[] {
  return facetsOf(claim).quantities.filter(
    (quantity) => quantity.modality !== "hypothetical" && quantity.modality !== "prediction" && !quantity.refuted && !quantity.superseded,
  );
}

export function sharedEventTerms(a: CueClaim, b: CueClaim, vocabulary: Vocabulary): string[] {
  const own = new Set([...speakerKeys(a), ...speakerKeys(b)].flatMap((key) => key.split(" ")));
  const termsB = new Set(facetsOf(b).terms);
  return facetsOf(a).terms.filter((term) => termsB.has(term) && !own.has(term) && vocabulary.isDistinctive(term) && !MEASURE_WORDS.has(term));
}

function eventTermSet(claim: CueClaim): Set<string> {
  return eventTermsMemo(claim, () => {
    const own = new Set([...speakerKeys(claim)].flatMap((key) => key.split(" ")));
    const acts = new Set(facetsOf(claim).acts.flatMap((act) => [...contentTerms(act.cue)]));
    return new Set(facetsOf(claim).terms.filter((term) => !own.has(term) && !acts.has(term) && !MEASURE_WORDS.has(term)));
  });
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const SERIAL = new RegExp(
  `\\b(?:(\\p{Lu}\\p{Ll}+)\\s+(\\d{1,3}|[IVX]{1,4})(?![\\d,.:%]\\d|\\s*%|\\s+(?:${MONTH_ALTERNATION})\\b)\\b|(${ORDINALS.join("|")})\\s+(\\p{L}+))`,
  "gu",
);
const NOT_A_SERIES = new RegExp(
  `^(?:${MONTH_ALTERNATION}|Rs|Tk|No|Nos|Mr|Mrs|Ms|Dr|St|At|On|In|By|From|To|Of|For|Since|Until|About|Around|Some|Over|Under|Nearly|Almost|Only|Just|All|The)$`,
  "i",
);

/** "Phase 1", "Flight 17", "the second report": each name in a numbered series, with the numbers given to it. */
const serialsMemo = memo<Map<string, Set<string>>>();

function serials(quote: string): Map<string, Set<string>> {
  const named = new Map<string, Set<string>>();
  for (const match of quote.matchAll(SERIAL)) {
    const [name, number] = match[1] !== undefined ? [match[1], match[2]!] : [match[4]!, match[3]!];
    if (match[1] !== undefined && NOT_A_SERIES.test(name)) continue;
    const key = name.toLowerCase().replace(/s$/, "");
    named.set(key, (named.get(key) ?? new Set()).add(number.toLowerCase()));
  }
  return named;
}

/**
 * "The Phase 1 report, published on 30 October 2019" / "The Phase 2 report, published on 4 September 2024": one name
 * numbered differently in each claim ("Phase 1" / "Phase 2", "the first inquiry" / "the second inquiry") names two
 * members of a series, so what each says of its member is not said of the other.
 */
export function differentMembers(a: CueClaim, b: CueClaim): boolean {
  const sa = serialsMemo(a, () => serials(a.quote));
  if (!sa.size) return false;
  for (const [name, numbers] of serialsMemo(b, () => serials(b.quote))) {
    const other = sa.get(name);
    if (other && ![...numbers].some((number) => other.has(number))) return true;
  }
  return false;
}

/** Two happenings, or a timeline of estimates; a statement's date is never weighed against a happening's. */
export function differentDates(a: CueClaim, b: CueClaim): boolean {
  const kinds = [true, false]
    .map(
      (statement) =>
        [
          facetsOf(a).dates.filter((date) => (date.statement ?? false) === statement),
          facetsOf(b).dates.filter((date) => (date.statement ?? false) === statement),
        ] as const,
    )
    .filter(([da, db]) => da.length && db.length);
  if (!kinds.length) return false;
  return kinds.every(([da, db]) => datesApart(da, db));
}

function datesApart(da: DateFacet[], db: DateFacet[]): boolean {
  const monthDay = (value: number) => value % 10000;
  const overlaps = (x: DateFacet, y: DateFacet) => {
    if (x.yearless || y.yearless) {
      if (x.precision !== "day" || y.precision !== "day") return true;
      return monthDay(x.from) === monthDay(y.from);
    }
    return x.precision === y.precision ? !(x.to < y.from || y.to < x.from) : x.from <= y.to && y.from <= x.to;
  };
  return !da.some((x) => db.some((y) => overlaps(x, y)));
}

export function eventRelatedness(a: CueClaim, b: CueClaim, signals: PairSignals, vocabulary: Vocabulary): number {
  // Every rule asks for the pair it is judging: the last answer is kept for the next rule.
  const last = lastRelatedness;
  if (last && last.vocabulary === vocabulary && last.signals === signals && ((last.a === a && last.b === b) || (last.a === b && last.b === a)))
    return last.value;
  const value = computeRelatedness(a, b, signals, vocabulary);
  lastRelatedness = { a, b, signals, vocabulary, value };
  return value;
}

let lastRelatedness: { a: CueClaim; b: CueClaim; signals: PairSignals; vocabulary: Vocabulary; value: number } | null = null;

const distinctiveCache = new WeakMap<CueClaim, { vocabulary: Vocabulary; weights: Map<string, number>; total: number }>();
function distinctiveTerms(claim: CueClaim, vocabulary: Vocabulary): { weights: Map<string, number>; total: number } {
  const known = distinctiveCache.get(claim);
  if (known && known.vocabulary === vocabulary) return known;
  const weights = new Map<string, number>();
  let total = 0;
  for (const term of eventTermSet(claim)) {
    if (!vocabulary.isDistinctive(term)) continue;
    const weight = vocabulary.weight(term);
    weights.set(term, weight);
    total += weight;
  }
  const computed = { vocabulary, weights, total };
  distinctiveCache.set(claim, computed);
  return computed;
}

function computeRelatedness(a: CueClaim, b: CueClaim, signals: PairSignals, vocabulary: Vocabulary): number {
  // Only words rare enough to name a happening count: the corpus's theme ("Karachi", "MQM") does not.
  const da = distinctiveTerms(a, vocabulary);
  const db = distinctiveTerms(b, vocabulary);
  const weightA = da.total;
  const weightB = db.total;
  let sharedWeight = 0;
  let sharedCount = 0;
  const [small, large] = da.weights.size <= db.weights.size ? [da.weights, db.weights] : [db.weights, da.weights];
  for (const [term, weight] of small) {
    if (large.has(term)) {
      sharedWeight += weight;
      sharedCount += 1;
    }
  }
  const containment = Math.min(weightA, weightB) > 0 ? sharedWeight / Math.min(weightA, weightB) : 0;
  const keysB = entityKeys(b);
  const sharedEntity = [...entityKeys(a)].some((key) => keysB.has(key));
  const score = noisyOr(adjacency(signals), Math.min(1, containment * 1.6) * (sharedCount >= 2 ? 1 : 0.5), sharedEntity ? 0.2 : 0);
  return differentDates(a, b) ? score * 0.3 : score;
}

/** Words that only say what a figure counts: sharing them says nothing about the event. */
const MEASURE_WORDS = new Set([
  "people",
  "barrel",
  "day",
  "per",
  "death",
  "kill",
  "die",
  "dead",
  "worker",
  "killed",
  "estimat",
  "figur",
  "number",
  "total",
  "least",
  "around",
  "about",
  "million",
  "thousand",
  "gallon",
  "oil",
  "flow",
  "rate",
  "toll",
]);

/** Who speaks by name: the claim's speaker, or the one a claim left in the author's voice names ("Trump wrote that …"). */
function voiceName(claim: CueClaim): string | null {
  return claim.speakerName ?? voiceInText(claim);
}

/** A speaker's own keys and, for "BP officials" or "the MQM spokesman", the keys of the body they speak for. */
function voiceKeys(claim: CueClaim): Set<string> {
  return voiceKeysMemo(claim, () => {
    const name = voiceName(claim);
    const keys = new Set(claim.speakerName ? speakerKeys(claim) : name ? keysOfName(name) : []);
    const body = name ? bodySpokenFor(name) : null;
    if (body && !/\band\b/i.test(body)) for (const key of keysOfName(body)) keys.add(key);
    // "said Kim Suk-kyun, commissioner of the coast guard": a title the claim gives its speaker names the body they speak for.
    for (const key of affiliationKeys(claim)) if (key.includes(" ")) keys.add(key);
    return keys;
  });
}
const voiceKeysMemo = memo<Set<string>>();

/** The speaker holds the key, or the body their title names does ("the company's chief executive Biagio Chiarolanza"). */
export function speaksFor(claim: CueClaim, key: string): boolean {
  return speakerKeys(claim).has(key) || affiliationKeys(claim).has(key);
}

/** The keys of the body the speaker's title names in the claim ("BP spokesman Toby Odone"), once per claim. */
function affiliationKeys(claim: CueClaim): Set<string> {
  return affiliationKeysMemo(claim, () => {
    const name = voiceName(claim);
    const affiliation = name ? affiliationOf(claim.quote, name) : null;
    return new Set(affiliation ? keysOfName(affiliation.replace(/^the\s+/i, "")) : []);
  });
}
const affiliationKeysMemo = memo<Set<string>>();

/** Actors that differ only in spelling share a key, and a body shares its officials' voice. */
export function sameVoice(a: CueClaim, b: CueClaim): boolean {
  if (sameSpeaker(a, b)) return true;
  if (!voiceName(a) || !voiceName(b)) return false;
  const keysA = voiceKeys(a);
  const keysB = voiceKeys(b);
  return [...keysB].some(
    (key) => (keysA.has(key) && key.includes(" ")) || (keysA.has(key) && key.length >= 2 && !key.includes(" ") && (keysA.size <= 2 || keysB.size <= 2)),
  );
}
