// Contradiction cues: given two claims (and what the database knows about how they relate),
// which rule says they conflict, how strongly, and a one-line explanation an editor can read.
// Pure functions, no database: candidates.ts proposes the pairs, detect.ts stores the verdicts.
import { contentTerms, negatesWords, NEGATORS, termsOfWords, normalizeTerm, overlap, shorten, surfaceWords, Vocabulary, words, type Overlap } from "@/lib/text/terms";
import { dates, datesDisagree, eventTerms, intervalsDisagree, quantities, type DateMention, type Quantity } from "@/lib/contradictions/figures";

export type CueKind = "negation" | "dispute" | "numeric" | "date" | "attribution" | "other";
export type CueStance = "supports" | "opposes" | "neutral" | "unclear";

export interface CueClaim {
  id: number;
  quote: string;
  /** The attributing verb or phrase ("disputes", "said"). */
  cue?: string | null;
  /** Text just before the quote in its source, where "X disputes that, saying:" often sits. */
  prefix?: string;
  speakerId?: number | null;
  speakerName?: string | null;
  sourceId: number;
  sourceTitle?: string;
  startOffset?: number;
  topicId?: number | null;
  topicTitle?: string | null;
  stance?: CueStance;
}

export interface PairSignals {
  /** Claims between the two when they sit close together in the same source (0 = neighbours). */
  gap?: number;
  /** pg_trgm similarity of the two quotes. */
  similarity?: number;
}

export interface CueMatch {
  kind: CueKind;
  /** Name of the rule that fired, stored as `detectedBy`. */
  rule: string;
  /** 0 … 1, higher is more likely a real conflict. */
  score: number;
  explanation: string;
  /** The claim whose wording fired the rule (the denial, the disowning), when one did. */
  anchorClaimId?: number;
}

// --- Lexicons -------------------------------------------------------------------------

interface Phrase {
  pattern: RegExp;
  /** How surely the phrase rebuts something rather than merely sounding negative. */
  strength: number;
  /** A reported act of rebutting ("denied") rather than a judgement ("baseless"). */
  act?: boolean;
}

/** Denial and dispute language: the speaker says another statement is false. */
const DISPUTE_PHRASES: Phrase[] = [
  { pattern: /\b(?:denied|denies|deny|denying)\b/i, strength: 1, act: true },
  { pattern: /\b(?:denial|denials)\b/i, strength: 0.6 },
  { pattern: /\b(?:disputes?|disputed|disputing)\b/i, strength: 1, act: true },
  { pattern: /\b(?:refuted|refutes?|refuting|rebutted|rebuts?)\b/i, strength: 1, act: true },
  { pattern: /\brefused to (?:accept|believe)\b/i, strength: 0.9, act: true },
  { pattern: /\b(?:baseless|unfounded|groundless|fabricated|concocted|cooked)\b/i, strength: 1 },
  { pattern: /\bnot true\b|\buntrue\b|\b(?:no|devoid of) truth\b/i, strength: 1 },
  { pattern: /\b(?:inaccurate|false|falsehood|lying)\b|\b(?:mere|are|were|all|these|those|such|pack of) lies\b/i, strength: 0.9 },
  { pattern: /\b(?:are|is|was|were|been) wrong\b|\bwrongly\b/i, strength: 0.9 },
  { pattern: /\b(?:ridiculous|absurd|nonsense|misleading|naive|mockery|propaganda|a ruse|malign)\b/i, strength: 0.8 },
  { pattern: /\brejec(?:ts|ted)\s+(?:the|this|that|these|those|such|any|all)\s+(?:\w+\s+)?(?:claims?|allegations?|assertions?|notions?|reports?|charges?|accusations?|suggestions?|statements?)\b/i, strength: 0.8, act: true },
  { pattern: /\b(?:contested|contradicted|contradicts|countered|insisted)\b/i, strength: 0.6, act: true },
  { pattern: /\bno\b[^.;:]{0,80}\bever\b|\bnor has (?:he|she|it|they) ever\b|\bneither\b[^.;]{0,40}\bnor\b[^.;]{0,60}\bever\b/i, strength: 0.8 },
  { pattern: /\bnever\b/i, strength: 0.5 },
];

/** Dispute wording that points back at what was just said ("disputes that", "this notion"). */
const POINTS_BACK = /\b(?:disputes?|disputed|denied|denies|refuted|rejected|rejects)\s+(?:that|this|it|these|those|the claim|the report|the allegation)\b|^\W*(?:that|this|it)\s+(?:is|was)\s+(?:simply\s+|completely\s+|totally\s+)?(?:not true|untrue|false|wrong|ridiculous|baseless)|\b(?:this|that|the) (?:notion|accusation|allegation|claim|charge)s?\b|\bany of that\b/i;

/** A sentence that opens by setting itself against the one before it. */
const CONTRAST_STRONG = /^\W*(?:despite (?:this|that|these|it)|contrary to (?:this|that|these|what)|on the contrary|in contrast|but,? (?:the )?fact is|the fact is)\b/i;
const CONTRAST = /^\W*(?:however|nevertheless|nonetheless|but|yet)\b/i;

/** The speaker disowns a statement attributed to them. */
const DISOWNING = /\b(?:(?:does|did|do)\s*(?:not|n[’']t)\s+recall|no recollection of (?:making|saying|writing)|(?:does|did)\s*(?:not|n[’']t)\s+believe (?:he|she|they) made|never (?:said|made|wrote)|did\s*(?:not|n[’']t)\s+(?:say|make|write) (?:it|that|the)|(?:didn[’']t|did not) know that (?:that )?was being attributed|attributed to (?:me|him|her|them)[^.]{0,40}\b(?:not|never|n[’']t)\b)/i;

/** Words that hold someone responsible for harm. */
const ACCUSING = /\b(?:violen\w*|kill\w*|murder\w*|tortur\w*|terror\w*|criminal\w*|crimes?|extortion|kidnapp?\w*|abduct\w*|atrocit\w*|thug\w*|militan\w*|mafia|riots?|responsible|guilty|blam\w*|accus\w*|attack\w*|instigat\w*|perpetrat\w*|mastermind|links? (?:to|with)|behind the|involve(?:d|ment) in|abus\w*|imprison\w*)\b/i;

/** Words that clear someone or cast them as the wronged party. */
const EXCULPATING = /\b(?:victims?|innocent|no knowledge|no idea|no information|did not sanction|not involved|never (?:been )?(?:involved|linked)|renounced|malign|conspirac\w*|biased|no recollection|fair trial|no affiliation|not (?:a|the) (?:terrorist|criminal)|(?:is|are|was|were) wrong|false|baseless|untrue|not true|propaganda|insisted that they had no)\b/i;

/** A negation right before an accusing word: "never been involved in", "no … violence". */
const NEGATED_ACCUSATION = new RegExp(`\\b(?:not|never|no|neither|nor|without|n[’']t)\\b(?:\\W+\\w+){0,3}?\\W+(?:ever\\W+)?(?:been\\W+)?${ACCUSING.source.slice(2)}`, "i");

/** Word pairs that say opposite things about the same subject. */
const ANTONYMS: [RegExp, RegExp][] = [
  [/\bconvicted\b/i, /\bacquitted\b/i],
  [/\bguilty\b/i, /\binnocent\b/i],
  [/\bconfirmed\b/i, /\b(?:denied|rejected)\b/i],
  [/\b(?:supported|backed|endorsed)\b/i, /\b(?:opposed|rejected|condemned)\b/i],
  [/\baccepted\b/i, /\brejected\b/i],
  [/\blegal(?:ly)?\b/i, /\billegal(?:ly)?\b/i],
  [/\baware\b/i, /\bunaware\b/i],
  [/\bknew\b/i, /\b(?:did not|didn[’']t) know\b/i],
];

// --- Per-claim features, computed once per claim -------------------------------------

interface DisputeMatch {
  phrase: string;
  strength: number;
  act: boolean;
  pointsBack: boolean;
}

interface Features {
  terms: Set<string>;
  events: Set<string>;
  /** Dispute language in the quote, its attribution cue or the lead-in just before it. */
  /** The strongest dispute phrase; `disputes` holds every one found, strongest first. */
  dispute: DisputeMatch | null;
  disputes: DisputeMatch[];
  disowns: string | null;
  contrast: { phrase: string; strong: boolean } | null;
  accuses: boolean;
  exculpates: boolean;
  negated: boolean;
  /** Negated, or turned down ("rejected", "refused"): the polarity a contrast can flip. */
  negative: boolean;
  quantities: Quantity[];
  dates: DateMention[];
  speakerTerms: Set<string>;
  /** What the claim is attributed to besides its speaker ("the memo" in "the memo says"), term → words. */
  attributionTerms: Map<string, string>;
  /** Accusing words, normalized: "riots" → "riot". */
  harms: Set<string>;
  /** Named parties: acronyms and capitalized names other than the speaker's. */
  agents: Set<string>;
}

const featureCache = new WeakMap<CueClaim, Features>();

/** The part of the prefix after the last sentence end: the lead-in of this claim's sentence. */
function leadIn(prefix: string | undefined): string {
  if (!prefix) return "";
  const parts = prefix.split(/[.!?]["”’)]?\s+|\n/);
  return parts[parts.length - 1] ?? "";
}

function features(claim: CueClaim): Features {
  const cached = featureCache.get(claim);
  if (cached) return cached;
  const lead = leadIn(claim.prefix);
  const frame = `${lead} ${claim.cue ?? ""} ${claim.quote}`;
  const pointsBack = POINTS_BACK.test(`${lead} ${claim.quote}`);
  const disputes: DisputeMatch[] = [];
  for (const phrase of DISPUTE_PHRASES) {
    const match = phrase.pattern.exec(frame);
    if (match) disputes.push({ phrase: match[0], strength: phrase.strength, act: phrase.act ?? false, pointsBack });
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
    quantities: quantities(claim.quote),
    dates: dates(claim.quote),
    speakerTerms: claim.speakerName ? contentTerms(claim.speakerName) : new Set(),
    attributionTerms: attributionTerms(claim),
    harms: new Set([...claim.quote.matchAll(new RegExp(ACCUSING.source, "gi"))].map((m) => contentTerms(m[0])).flatMap((t) => [...t])),
    agents: namedParties(claim),
  };
  featureCache.set(claim, result);
  return result;
}

// --- Helpers --------------------------------------------------------------------------

/** An accusing word that no negation takes back: "tortured an innocent woman without committing any crime" accuses. */
function accusesOutsideNegation(text: string): boolean {
  const negated = [...text.matchAll(new RegExp(NEGATED_ACCUSATION.source, "gi"))].map((m) => [m.index!, m.index! + m[0].length] as const);
  for (const match of text.matchAll(new RegExp(ACCUSING.source, "gi"))) {
    if (!negated.some(([start, end]) => match.index! >= start && match.index! < end)) return true;
  }
  return false;
}

/** Document nouns that stand for who says something ("the memo says", "the report adds"). */
const DOCUMENT_NOUN = /\b(?:memo|memorandum|cable|report|assessment|letter|statement|complaint|suit|lawsuit|ruling|judgment|decision|study|paper)\b/gi;
const DOCUMENT_NOUNS = new Set(["memo", "report", "assessment", "letter", "statement", "complaint", "suit", "lawsuit", "ruling", "judgment", "decision", "study", "paper"]);

/** Terms of who a claim is attributed to, each with the words to show for it. */
function attributionTerms(claim: CueClaim): Map<string, string> {
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

/** Up to six words either side of a phrase in a text. */
function around(text: string, phrase: string): string {
  const at = text.indexOf(phrase);
  if (at === -1) return "";
  const before = text.slice(0, at).split(/\s+/).slice(-6).join(" ");
  const after = text.slice(at + phrase.length).split(/\s+/).slice(0, 7).join(" ");
  return `${before} ${after}`;
}

/** Organizations named by acronym ("MQM", "ISI"), minus the speaker's own; countries left out. */
function namedParties(claim: CueClaim): Set<string> {
  const speaker = new Set((claim.speakerName ?? "").toLowerCase().split(/\W+/));
  const parties = new Set<string>();
  for (const match of claim.quote.matchAll(/\b([A-Z]{2,6})\b/g)) {
    const word = match[1]!;
    if (speaker.has(word.toLowerCase()) || /^(?:US|UK|USA|UN|TV)$/.test(word)) continue;
    parties.add(word);
  }
  return parties;
}

function who(claim: CueClaim): string {
  if (claim.speakerName) return claim.speakerName;
  if (claim.sourceTitle) return `the author of “${shorten(claim.sourceTitle, 40)}”`;
  return "the author";
}

function isAuthorVoice(claim: CueClaim): boolean {
  return claim.speakerId == null;
}

/** One voice: the same actor, or the unattributed author of one source. */
function sameSpeaker(a: CueClaim, b: CueClaim): boolean {
  if (isAuthorVoice(a) && isAuthorVoice(b)) return a.sourceId === b.sourceId;
  return a.speakerId != null && a.speakerId === b.speakerId;
}

/** Which of the two comes first in the text, when both are in one source. */
function precedes(first: CueClaim, second: CueClaim): boolean {
  if (first.sourceId !== second.sourceId) return false;
  if (first.startOffset != null && second.startOffset != null) return first.startOffset < second.startOffset;
  return first.id < second.id;
}

function adjacency(signals: PairSignals): number {
  if (signals.gap == null) return 0;
  return [1, 0.7, 0.45][signals.gap] ?? 0;
}

/** How surely two claims are about the same subject, 0 … 1. */
function subjectRelatedness(shared: Overlap, signals: PairSignals): number {
  const textual = Math.min(1, shared.score / 0.35) * (shared.distinctive.length > 0 ? 1 : 0.5);
  const trigram = Math.min(1, (signals.similarity ?? 0) / 0.5);
  return Math.max(textual, trigram);
}

function noisyOr(...values: number[]): number {
  return 1 - values.reduce((rest, value) => rest * (1 - Math.max(0, Math.min(1, value))), 1);
}

/** The shared subject in the claims' own words: "tax, revenue". */
function topics(shared: Overlap, a: CueClaim, b: CueClaim, count = 3): string {
  const terms = (shared.distinctive.length ? shared.distinctive : shared.shared).slice(0, count);
  if (!terms.length) return "the same subject";
  const surfaceA = surfaceWords(a.quote);
  const surfaceB = surfaceWords(b.quote);
  return terms.map((term) => surfaceA.get(term) ?? surfaceB.get(term) ?? term).join(", ");
}

function clamp(score: number): number {
  return Math.round(Math.max(0, Math.min(0.99, score)) * 1000) / 1000;
}

/**
 * The words name who the other claim is attributed to ("the memo … is inaccurate" and "…,
 * the memo says"), other than the naming claim's own speaker (Wasey Jalil is not naming
 * Nasreen Jalil).
 */
function names(words: Set<string>, naming: CueClaim, named: CueClaim, vocabulary: Vocabulary): string | null {
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

/**
 * The negator, when what it negates is something both claims say: in "Durrani could not be
 * contacted" the "not" negates "contacted", which the other claim does not mention.
 */
function negatorOverShared(quote: string, shared: Set<string>): string | null {
  const tokens = words(quote);
  for (let index = 0; index < tokens.length; index += 1) {
    if (!NEGATORS.has(tokens[index]!)) continue;
    for (const next of tokens.slice(index + 1, index + 5)) {
      const term = normalizeTerm(next);
      if (term && shared.has(term)) return tokens[index] === "n't" ? "not" : tokens[index]!;
    }
  }
  return null;
}

/** A shared term within four words of position `at`: the antonym speaks of the shared subject. */
function nearShared(text: string, at: number, shared: Set<string>): boolean {
  const before = words(text.slice(0, at)).slice(-4);
  const after = words(text.slice(at)).slice(1, 6);
  return [...before, ...after].some((word) => {
    const term = normalizeTerm(word);
    return term !== null && shared.has(term);
  });
}

/** A claim's terms without its own speaker's name: "Patterson denied …" is not about Patterson. */
function subjectTerms(claim: CueClaim): Set<string> {
  const f = features(claim);
  if (!f.speakerTerms.size) return f.terms;
  return new Set([...f.terms].filter((term) => !f.speakerTerms.has(term)));
}

// --- Rules ----------------------------------------------------------------------------

type Rule = (a: CueClaim, b: CueClaim, context: RuleContext) => CueMatch | null;

interface RuleContext {
  signals: PairSignals;
  vocabulary: Vocabulary;
  shared: Overlap;
}

/** One claim answers the other with denial or dispute language. */
const disputeLanguage: Rule = (a, b, { signals, vocabulary }) => {
  let best: CueMatch | null = null;
  for (const [disputing, target] of [[a, b], [b, a]] as const) {
    const d = features(disputing);
    const t = features(target);
    for (const dispute of d.disputes) {
      // An author calling something "baseless" in their own narration is not rebutting the
      // sentence before; an author reporting that someone "denied" it is.
      const oneVoice = sameSpeaker(disputing, target);
      if (oneVoice && !(isAuthorVoice(disputing) && dispute.act)) continue;
      const disputed = disputedProposition(disputing, dispute);
      // "disputes that" answers the sentence before; "the memo is inaccurate" names its object;
      // "…, X refuted this notion" answers its own first clause, not the sentence before.
      const previous = precedes(target, disputing) && signals.gap != null ? signals.gap : null;
      // "that" points at the sentence just before, not two sentences up.
      const nearness = disputed.answersPreviousSentence ? [1, 0.15, 0] : dispute.pointsBack ? [0.2, 0.1, 0] : [0.45, 0.3, 0.15];
      // An author's sentence naming someone is usually reporting them, not rebutting them.
      const named = isAuthorVoice(disputing) ? null : names(disputed.terms, disputing, target, vocabulary);
      const namesTarget = named ? 0.7 : 0;
      const about = containment(disputed.terms, subjectTerms(target), vocabulary);
      // A judgement ("false reports …") next to a sentence about something else rebuts nothing.
      // A denial of wrongdoing right after an accusation answers it even in other words.
      const answersAccusation = t.accuses && d.exculpates;
      const sharesSubject = disputed.answersPreviousSentence || answersAccusation || about.distinctive.length > 0 ? 1 : 0.5;
      const answersPrevious = previous === null ? 0 : (nearness[previous] ?? 0) * sharesSubject;
      // Within one author's narration only the sentence just answered counts.
      const subject = oneVoice ? 0 : about.score * (about.distinctive.length ? 1 : 0.5);
      let related = noisyOr(answersPrevious, namesTarget * Math.max(0.5, subject), subject * 0.8);
      // Two denials of the same thing agree with each other.
      const bothDeny = (t.dispute && t.dispute.strength >= 0.8) || t.disowns || (t.exculpates && !t.accuses && d.exculpates && !d.accuses);
      if (bothDeny) related *= 0.5;
      if (related < 0.35) continue;
      const strength = dispute.strength * (isAuthorVoice(disputing) && !dispute.act ? 0.8 : 1);
      const score = clamp(0.3 + 0.55 * related * strength + (dispute.strength >= 1 ? 0.08 : 0));
      if (best && score <= best.score) continue;
      const where = previous === 0 && answersPrevious >= 0.4 ? "right after it" : named ? `naming ${named}` : `about ${topics(about, disputing, target)}`;
      const phrase = dispute.phrase.trim();
      const explanation = isAuthorVoice(disputing)
        ? `A denial is reported (“${phrase}”) ${where === "right after it" ? "right after this claim" : where}.`
        : `${who(disputing)} rejects what ${who(target)} says (“${phrase}”), ${where}.`;
      best = { kind: "dispute", rule: "dispute-language", score, explanation, anchorClaimId: disputing.id };
    }
  }
  return best;
};

const CLAUSE_BREAK = /[,;:—–]\s+|\s+(?:and|but|while|whereas|although|because)\s+/i;

/**
 * What a denial denies, as terms: the clause holding the dispute word, and the clause before
 * it when the word points back inside its own sentence ("To a question whether X, Y refuted
 * this notion"). When it points back from the first clause, it answers the previous sentence.
 */
function disputedProposition(claim: CueClaim, dispute: DisputeMatch): { terms: Set<string>; answersPreviousSentence: boolean } {
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

/** How much of `part` (weighted) the other claim also says, 0 … 1. */
function containment(part: Set<string>, whole: Set<string>, vocabulary: Vocabulary): Overlap {
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

/** A speaker disowns a statement that was attributed to them. */
const disownedStatement: Rule = (a, b, { signals, shared, vocabulary }) => {
  for (const [disowning, target] of [[a, b], [b, a]] as const) {
    const d = features(disowning);
    if (!d.disowns) continue;
    const t = features(target);
    // The statement disowned is an assertion, not another denial.
    if (t.disowns || t.negated || (t.dispute && t.dispute.strength >= 0.8)) continue;
    // "…says a statement attributed to Conservative MP Leon Benoit": the target names the disowner.
    const nameTerms = [...d.speakerTerms];
    const mentionsSpeaker = nameTerms.length > 0 && nameTerms.filter((term) => t.terms.has(term)).length >= Math.min(2, nameTerms.length) &&
      nameTerms.some((term) => t.terms.has(term) && vocabulary.isDistinctive(term));
    if (!sameSpeaker(disowning, target) && !mentionsSpeaker) continue;
    const related = noisyOr(adjacency(signals), subjectRelatedness(shared, signals), mentionsSpeaker ? 0.5 : 0);
    if (related < 0.3) continue;
    return {
      kind: "attribution",
      rule: "disowned-statement",
      score: clamp(0.6 + 0.35 * related),
      explanation: `${who(disowning)} disowns a statement attributed to them (“${d.disowns.trim()}”).`,
      anchorClaimId: disowning.id,
    };
  }
  return null;
};

/** A sentence that sets itself against the one just before it ("Despite this, … claimed …"). */
const contrastingAccount: Rule = (a, b, { signals, shared }) => {
  if (signals.gap == null || signals.gap > 1) return null;
  const [first, second] = precedes(a, b) ? [a, b] : [b, a];
  const s = features(second);
  if (!s.contrast) return null;
  const subject = subjectRelatedness(shared, signals);
  const f = features(first);
  if (!s.contrast.strong) {
    // A speaker going on with "But …" is narrating, not contradicting someone; and a weak
    // connective only sets one account against another when the second is attributed.
    if (sameSpeaker(first, second) || shared.distinctive.length === 0) return null;
    if (second.speakerId == null && !second.cue) return null;
    // A weak connective ("However", "Nevertheless") needs a second account of a shared subject:
    // the polarity flips ("rejected" / "could be induced"), or one accuses and the other denies.
    const flips = f.negative !== s.negative || !!s.dispute || (f.accuses && s.exculpates) || (f.exculpates && s.accuses);
    if (subject < (flips ? 0.15 : 0.4)) return null;
  }
  const closeness = signals.gap === 0 ? 1 : 0.6;
  const score = clamp((s.contrast.strong ? 0.45 : 0.35) + 0.15 * closeness + 0.3 * subject);
  return {
    kind: "other",
    rule: "contrasting-account",
    score,
    explanation: `${who(second)} sets an account against the one just before it (“${s.contrast.phrase}”)${shared.shared.length ? `, about ${topics(shared, first, second)}` : ""}.`,
    anchorClaimId: second.id,
  };
};

/** Nearly the same statement, once affirmed and once negated. */
const negatedStatement: Rule = (a, b, { signals, shared }) => {
  const fa = features(a);
  const fb = features(b);
  const similar = Math.max(shared.score, signals.similarity ?? 0);
  if (shared.shared.length < 2 || shared.distinctive.length < 1) return null;
  let cue: string | null = null;
  for (const [left, right] of ANTONYMS) {
    const leftA = left.exec(a.quote);
    const rightB = right.exec(b.quote);
    const leftB = left.exec(b.quote);
    const rightA = right.exec(a.quote);
    const sharedTerms = new Set(shared.shared);
    if (leftA && rightB && !leftB && !rightA && nearShared(a.quote, leftA.index, sharedTerms) && nearShared(b.quote, rightB.index, sharedTerms)) {
      cue = `${leftA[0]}” vs “${rightB[0]}`;
      break;
    }
    if (leftB && rightA && !leftA && !rightB && nearShared(b.quote, leftB.index, sharedTerms) && nearShared(a.quote, rightA.index, sharedTerms)) {
      cue = `${leftB[0]}” vs “${rightA[0]}`;
      break;
    }
  }
  // An antonym is a specific cue and needs less shared wording than a bare "not".
  if (cue && similar < 0.1) return null;
  let negation = false;
  if (!cue && fa.negated !== fb.negated && similar >= 0.35) {
    const negatedQuote = fa.negated ? a.quote : b.quote;
    cue = negatorOverShared(negatedQuote, new Set(shared.shared));
    negation = cue !== null;
  }
  if (!cue) return null;
  // Negating a long shared sentence is stronger evidence than sharing two words.
  const score = negation
    ? clamp(0.4 + 0.5 * Math.min(1, (similar - 0.3) / 0.4) + (shared.distinctive.length >= 2 ? 0.05 : 0))
    : clamp(0.45 + 0.5 * Math.min(1, similar / 0.6) + (shared.distinctive.length >= 2 ? 0.05 : 0));
  return {
    kind: "negation",
    rule: "negated-statement",
    score,
    explanation: `Both speak of ${topics(shared, a, b)}, but one says the opposite (“${cue}”).`,
  };
};

/** Different figures for the same thing. */
const figuresDisagree: Rule = (a, b, { vocabulary, shared }) => {
  const fa = features(a);
  const fb = features(b);
  if (!fa.quantities.length || !fb.quantities.length) return null;
  let best: CueMatch | null = null;
  for (const qa of fa.quantities) {
    for (const qb of fb.quantities) {
      if (qa.unit !== qb.unit || qa.basis !== qb.basis || !intervalsDisagree(qa, qb)) continue;
      const context = [...qa.context].filter((term) => qb.context.has(term) && !/^(?:per-cent|death|kill|people|year|day|month|week)$/.test(term));
      const contextWeight = context.reduce((sum, term) => sum + vocabulary.weight(term), 0);
      // One shared word ("period", "past") is a coincidence; two say what is being counted.
      if (context.length < 2 || contextWeight < 4) continue;
      if (shared.score < 0.08) continue;
      const score = clamp(0.5 + 0.25 * Math.min(1, contextWeight / 6) + 0.2 * Math.min(1, shared.score / 0.3));
      if (!best || score > best.score) {
        context.sort((x, y) => vocabulary.weight(y) - vocabulary.weight(x));
        best = {
          kind: "numeric",
          rule: "figures-disagree",
          score,
          explanation: `Different figures for ${context.slice(0, 3).map((term) => surfaceWords(a.quote).get(term) ?? surfaceWords(b.quote).get(term) ?? term).join(", ")}: “${qa.text}” vs “${qb.text}”.`,
        };
      }
    }
  }
  return best;
};

/** Different dates for the same event. */
const datesDisagreeRule: Rule = (a, b, { vocabulary }) => {
  const fa = features(a);
  const fb = features(b);
  if (!fa.dates.length || !fb.dates.length) return null;
  const events = overlap(fa.events, fb.events, vocabulary);
  let best: CueMatch | null = null;
  for (const da of fa.dates) {
    for (const db of fb.dates) {
      if (da.precision !== db.precision || !datesDisagree(da, db)) continue;
      // Both claims giving the other's date too means they speak of two events.
      if (fa.dates.some((other) => !datesDisagree(other, db)) || fb.dates.some((other) => !datesDisagree(other, da))) continue;
      const needed = da.precision === "year" ? { score: 0.35, distinctive: 2 } : { score: 0.2, distinctive: 1 };
      if (events.score < needed.score || events.distinctive.length < needed.distinctive) continue;
      // The dates must be attached to the same happening: a word next to both dates is shared.
      const nearA = contentTerms(around(a.quote, da.text));
      if (![...contentTerms(around(b.quote, db.text))].some((term) => nearA.has(term) && events.shared.includes(term))) continue;
      const score = clamp(0.45 + 0.4 * Math.min(1, events.score / 0.5) + (da.precision === "year" ? -0.05 : 0.05));
      if (!best || score > best.score) {
        best = {
          kind: "date",
          rule: "dates-disagree",
          score,
          explanation: `Different dates for ${topics(events, a, b)}: “${da.text}” vs “${db.text}”.`,
        };
      }
    }
  }
  return best;
};

/** Editors marked the two claims as taking opposite stances on one topic. */
const oppositeStances: Rule = (a, b, { signals, shared }) => {
  if (a.topicId == null || a.topicId !== b.topicId) return null;
  const pair = new Set([a.stance, b.stance]);
  if (!(pair.has("supports") && pair.has("opposes"))) return null;
  if (sameSpeaker(a, b) && a.sourceId === b.sourceId) return null;
  const [supporting, opposing] = a.stance === "supports" ? [a, b] : [b, a];
  const score = clamp(0.55 + 0.25 * subjectRelatedness(shared, signals) + (a.sourceId !== b.sourceId ? 0.1 : 0));
  return {
    kind: "other",
    rule: "opposite-stances",
    score,
    explanation: `On “${shorten(a.topicTitle ?? "the same topic", 60)}”, ${who(supporting)} supports it and ${who(opposing)} opposes it.`,
  };
};

/** Two actors on the same subject: one accuses, the other denies or casts the accused as victim. */
const actorsDisagree: Rule = (a, b, { signals, shared, vocabulary }) => {
  if (isAuthorVoice(a) || isAuthorVoice(b) || sameSpeaker(a, b)) return null;
  const fa = features(a);
  const fb = features(b);
  const accuser = fa.accuses && !fa.exculpates && fb.exculpates ? a : fb.accuses && !fb.exculpates && fa.exculpates ? b : null;
  if (!accuser) return null;
  const defender = accuser === a ? b : a;
  // Accused and defended must be the same party, named in both ("the MQM").
  if (![...features(accuser).agents].some((agent) => features(defender).agents.has(agent))) return null;
  // What the defence is about: its own words minus the speaker, measured against the accusation.
  const about = containment(subjectTerms(defender), subjectTerms(accuser), vocabulary);
  // Denying the very harm the other names ("involved in violence" / "involvement in … murder").
  const sameHarm = [...features(accuser).harms].some((term) => features(defender).harms.has(term)) ? 0.15 : 0;
  const subject = Math.max(subjectRelatedness(shared, signals), about.shared.length >= 2 ? about.score : 0) + sameHarm;
  const related = noisyOr(adjacency(signals) * (shared.score >= 0.05 ? 1 : 0.4), subject);
  if (related < 0.4) return null;
  return {
    kind: "attribution",
    rule: "actors-disagree",
    score: clamp(0.3 + 0.5 * related),
    explanation: `${who(accuser)} and ${who(defender)} give opposing accounts of ${topics(about.shared.length ? about : shared, accuser, defender)}: one accuses, the other denies or excuses.`,
    anchorClaimId: defender.id,
  };
};

/** Harms specific enough to be one event ("the riots"), unlike "violence" or "terrorism". */
const HARMS = new Set(["riot", "kill", "murder", "tortur", "kidnapp", "kidnap", "abduct", "attack", "massacr", "carnag", "bomb", "assassinat"]);

/** Same harm, different culprits: "the MQM was the main player in the riots" / "the ISI instigated the riots". */
const competingBlame: Rule = (a, b, { signals, shared, vocabulary }) => {
  if (sameSpeaker(a, b) || (isAuthorVoice(a) && isAuthorVoice(b))) return null;
  const fa = features(a);
  const fb = features(b);
  if (!fa.accuses || !fb.accuses || fa.exculpates || fb.exculpates) return null;
  const harm = [...fa.harms].filter((term) => fb.harms.has(term) && HARMS.has(term) && vocabulary.isDistinctive(term));
  if (!harm.length) return null;
  const onlyA = [...fa.agents].filter((agent) => !fb.agents.has(agent));
  const onlyB = [...fb.agents].filter((agent) => !fa.agents.has(agent));
  if (!onlyA.length || !onlyB.length) return null;
  const related = noisyOr(adjacency(signals), subjectRelatedness(shared, signals));
  if (related < 0.5) return null;
  return {
    kind: "attribution",
    rule: "competing-blame",
    score: clamp(0.35 + 0.35 * related),
    explanation: `${who(a)} and ${who(b)} blame different parties for the ${harm.map((term) => surfaceWords(b.quote).get(term) ?? surfaceWords(a.quote).get(term) ?? term).join(", ")}: ${onlyA[0]} vs ${onlyB[0]}.`,
  };
};

const RULES: Rule[] = [
  disputeLanguage, disownedStatement, contrastingAccount, negatedStatement, figuresDisagree, datesDisagreeRule,
  oppositeStances, actorsDisagree, competingBlame,
];

export const RULE_NAMES = [
  "dispute-language", "disowned-statement", "contrasting-account", "negated-statement", "figures-disagree",
  "dates-disagree", "opposite-stances", "actors-disagree", "competing-blame",
] as const;

/** Every cue that fires for the pair, strongest first. */
export function detectCues(a: CueClaim, b: CueClaim, signals: PairSignals = {}, vocabulary: Vocabulary = new Vocabulary()): CueMatch[] {
  // The same sentence twice (a repeated paragraph) is a duplicate, not a conflict.
  if (a.quote.trim() === b.quote.trim()) return [];
  const context: RuleContext = { signals, vocabulary, shared: overlap(subjectTerms(a), subjectTerms(b), vocabulary) };
  const matches = RULES.map((rule) => rule(a, b, context)).filter((match): match is CueMatch => match !== null);
  return matches.sort((x, y) => y.score - x.score);
}

/** The verdict stored for a pair: the strongest cue, a little stronger when others agree. */
export function strongestCue(a: CueClaim, b: CueClaim, signals: PairSignals = {}, vocabulary?: Vocabulary): CueMatch | null {
  const matches = detectCues(a, b, signals, vocabulary);
  const [best, ...others] = matches;
  if (!best) return null;
  return { ...best, score: clamp(best.score + 0.04 * others.length) };
}
