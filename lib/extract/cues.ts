// Attribution cues and the phrase naming who speaks: "Mr. Baqri said" (subject), "“…,” said Tom Quiggin"
// (inverted), "…, which said" (relative), "termed … and said" (coordinated), "was told by" (passive),
// "according to". Cues inside quotation marks are the quoted speaker's and are ignored.

import {
  ANONYMOUS_SOURCE_HEADS,
  DOCUMENT_NOUNS,
  INQUIRY_HEADS,
  isGroupHead,
  INSTITUTION_HEADS,
  MONTHS,
  PARTITIVE_QUANTIFIERS,
  SPEECH_VERBS,
  WEEKDAYS,
  WHICH_ONE_LINKS,
} from "./lexicon";
import { appositionStart, isRoleWord, phraseEndingAt, phraseStartingAt, phraseText, type PhraseRange } from "./noun-phrases";
import { CLOSING_QUOTES, isCapitalized, isQuoteMark, OPENING_QUOTES, tokenize, type Token } from "./tokens";
import { isWord } from "@/lib/text/wordnet";

export type CuePattern = "subject" | "inverted" | "relative" | "coordinated" | "passive" | "according" | "participle";

export interface CueMatch {
  cue: string;
  pattern: CuePattern;
  /** The speaker phrase as written, or null for an agentless passive ("is said to be"). */
  phrase: string | null;
  following: string;
  cueStart: number;
  phraseStart: number | null;
  phraseEnd: number | null;
  /** The channel that quoted the speaker ("IRNA quoted Vahidi as saying", "was quoted by state television"). */
  via?: string;
}

const SINGLE_WORD_CUES = new Set(SPEECH_VERBS.filter((v) => !v.includes(" ")));
// Only with a "that" clause: "Barbier ruled that …" reports, "police found the body" does not.
const THAT_CUES = new Set([
  // "Malik suspected that the establishment was out to get him": a suspicion is a belief the subject holds.
  "suspected",
  "suspects",
  "found",
  "finds",
  "ruled",
  "rules",
  "calculated",
  "calculates",
  "determined",
  "shows",
  "showed",
  "show",
  "concluded",
  "estimate",
  "conclude",
  "find",
  "establish",
  "established",
  "establishes",
  // A court's reasoning: "The Court held that …", "The Court considers that …".
  "held",
  "holds",
  "considers",
  "considered",
  // A party's case: "The Government submitted that …" (submitting a report reports nothing).
  "submitted",
  "submits",
]);
// "X put the leak at 1,000 barrels a day": estimating a figure.
const NUMBER_WORDS =
  /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|dozens|hundred|hundreds|thousand|thousands|million|millions|billion|half)$/;
const COUNTED_THINGS = /^(?:dead|deaths|cost|costs|damage|damages|losses|casualties|victims|missing|injured)$/;
const ESTIMATE_OBJECTS = /^(estimate|estimates|range|figure|figures|toll|tally|count|number|numbers|rate|total|forecast|projection)$/;
const PROGRESSIVE_CUES = new Set([
  "arguing",
  "saying",
  "claiming",
  "insisting",
  "warning",
  "maintaining",
  "suggesting",
  "alleging",
  "contending",
  "denying",
  "estimating",
  "predicting",
  "asserting",
  "demanding",
  "accusing",
  "blaming",
]);
const PARTICIPLE_CUES = new Set([
  "telling",
  "saying",
  "claiming",
  "adding",
  "insisting",
  "arguing",
  "noting",
  "warning",
  "stating",
  "explaining",
  "maintaining",
  "contending",
  "asserting",
  // "ordered the release of the files, ruling that the records were public": a court's holding.
  "ruling",
]);
const TWO_WORD_CUES = new Set(SPEECH_VERBS.filter((v) => v.includes(" ")));
const EXTRA_CUES = new Set(["learnt", "learned", "written"]);

const INVERTIBLE = new Set([
  "said",
  "says",
  "added",
  "adds",
  "wrote",
  "writes",
  "claimed",
  "claims",
  "commented",
  "disclosed",
  "recalled",
  "recalls",
  "noted",
  "asked",
  "explained",
  "insisted",
  "revealed",
  "stated",
  "believes",
  "told",
  "argued",
  "continued",
  "alleged",
  "warned",
  "confirmed",
]);

const SKIPPABLE_BEFORE_VERB = new Set([
  // "A report by the engineer had already found that …".
  "already",
  "even",
  "has",
  "have",
  "had",
  "also",
  "further",
  "then",
  "routinely",
  "strongly",
  "repeatedly",
  "later",
  "again",
  "once",
  "all",
  "both",
  "previously",
  "publicly",
  "privately",
  "however",
  "flatly",
  "firmly",
  "earlier",
  "now",
  "often",
  "still",
  "always",
  "never",
  "recently",
  "openly",
  "categorically",
  "initially",
  "first",
  "originally",
  "subsequently",
  "since",
  "reportedly",
  "separately",
  "jointly",
  "independently",
  "quickly",
  // "Human Rights Watch today condemned …": a press release's day between subject and verb.
  "today",
  "yesterday",
  "tonight",
  // "The government itself later said …", "The minister herself insisted …": an intensive pronoun only stresses the subject.
  "itself",
  "himself",
  "herself",
  "themselves",
]);

// "being told" opens a participle clause ("after being told that …"), not a report, so it is left out.
const PASSIVE_AUXILIARIES = new Set(["is", "was", "were", "are", "been", "be"]);
// Only these verbs report speech when passive ("is said to be", "was told by"); "was rejected" does not.
const PASSIVE_SPEECH = new Set([
  "said",
  "told",
  "alleged",
  "reported",
  "believed",
  "accused",
  "described",
  "claimed",
  "rumoured",
  "rumored",
  "quoted",
  "blamed",
  "suspected",
  "thought",
  "understood",
  "speculated",
]);
const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they"]);

const CLAUSE_JOINERS = new Set(["but", "and", "so", "yet", "then", "however", "while", "although", "though"]);
const SUBORDINATORS = new Set(["that", "which", "who", "whom", "whose", "what", "why", "how", "where", "because", "if", "whether", "than", "as"]);
const PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "from",
  "with",
  "to",
  "by",
  "for",
  "through",
  "upon",
  "since",
  "within",
  "throughout",
]);
const SENTENCE_ADVERBS = new Set([
  "now",
  "today",
  "later",
  "meanwhile",
  "however",
  "also",
  "still",
  "earlier",
  "previously",
  "separately",
  "yesterday",
  "instead",
  "then",
]);
const BOUNDARY_PUNCTUATION = new Set([",", ";", ":", "”", '"', "(", "—", "–", "-", "“", "»", "«"]);

function quotedMask(tokens: Token[]): boolean[] {
  let open = false;
  return tokens.map((token) => {
    if (OPENING_QUOTES.has(token.text)) {
      open = true;
      return true;
    }
    if (CLOSING_QUOTES.has(token.text)) {
      open = false;
      return true;
    }
    if (token.text === '"') {
      open = !open;
      return true;
    }
    return open;
  });
}

export function findCues(sentence: string): CueMatch[] {
  const tokens = tokenize(sentence);
  const quoted = quotedMask(tokens);
  const matches: CueMatch[] = [];
  for (let v = 0; v < tokens.length; v++) {
    if (quoted[v]) continue;
    const match = matchAt(sentence, tokens, v);
    if (match) matches.push(match);
  }
  return matches;
}

function matchAt(sentence: string, tokens: Token[], v: number): CueMatch | null {
  const token = tokens[v]!;
  if (token.lower === "according" && tokens[v + 1]?.lower === "to") return accordingTo(sentence, tokens, v);
  if (token.lower === "in" && VIEW_NOUNS.test(tokens[v + 2]?.lower ?? "")) return inTheirView(sentence, tokens, v);
  if (token.lower === "as" && tokens.slice(0, v).every((t) => !t.isWord)) return asTheyPutIt(sentence, tokens, v);
  // "…, not a count of victims, as Secretary Hanna Berg explained at the time.": the closing "as X said" frames the sentence.
  if (token.lower === "as" && tokens[v - 1]?.text === ",") {
    const closing = asTheyPutIt(sentence, tokens, v, true);
    if (closing) return closing;
  }
  if (/^(quoted|quotes|cited|cites)$/.test(token.lower)) {
    const quoting = quotedAsSaying(sentence, tokens, v);
    if (quoting) return quoting;
  }
  // Verbs are lowercase mid-sentence; "the United States identified …" has no cue "states".
  if (!/^[a-z]/.test(token.text)) return null;
  if (PARTICIPLE_CUES.has(token.lower) || PROGRESSIVE_CUES.has(token.lower)) return participle(sentence, tokens, v);
  // "The investigation found no wrongdoing": a finding of absence needs no "that".
  const findsNothing = /^(found|finds)$/.test(token.lower) && /^(no|nothing|little|insufficient)$/.test(tokens[v + 1]?.lower ?? "");
  // "The court found all eight accused guilty", "the jury found the company liable": a verdict is the finder's finding.
  if (/^(found|finds)$/.test(token.lower) && findsVerdict(tokens, v)) return beforeVerb(sentence, tokens, v, v, token.text);
  // "An analysis by the Herald found 1,052 more deaths than usual": a study's finding is a figure; "police found 12 bodies"
  // is an act, so only a document or a body of researchers finds a figure this way.
  if (/^(found|finds)$/.test(token.lower) && quantityFollows(tokens, v)) {
    const finding = beforeVerb(sentence, tokens, v, v, token.text);
    if (finding?.phrase && findsFigures(finding.phrase)) return finding;
  }
  if (THAT_CUES.has(token.lower) && !findsNothing) {
    if (thatFollows(tokens, v) || clauseFollows(tokens, v)) return beforeVerb(sentence, tokens, v, v, token.text);
    // "The brigade should have acted sooner, the inquiry concluded on Wednesday.": the finding comes first, its finder after
    // a comma, and nothing but when it was found closes the sentence.
    const framing = closesSentence(tokens, v) ? beforeVerb(sentence, tokens, v, v, token.text) : null;
    return framing && framing.phraseStart !== null && /,\s*$/.test(sentence.slice(0, framing.phraseStart)) ? framing : null;
  }
  if (findsNothing) return beforeVerb(sentence, tokens, v, v, token.text);
  if (
    /^(put|puts|gave|gives|give|adopted|issued|released|published|revised|raised|lowered|cut|called|calls|offered|set|counts|counted|listed|lists)$/.test(
      token.lower,
    )
  )
    return estimating(sentence, tokens, v);
  // "… estimated the number at more than 24,000": an estimate with its figure, no "that".
  if (/^(estimated|estimates|estimate|put)$/.test(token.lower) && !thatFollows(tokens, v) && figureAt(tokens, v + 1, 8))
    return beforeVerb(sentence, tokens, v, v, token.text);
  // "The survey estimated 4,645 deaths", "researchers estimate about 900": the figure is the verb's object.
  // "an estimated 2,975" is an adjective, not a verb.
  if (
    /^(estimated|estimates|estimate|calculated|calculates)$/.test(token.lower) &&
    quantityFollows(tokens, v) &&
    !PASSIVE_AUXILIARIES.has(tokens[v - 1]?.lower ?? "") &&
    !/^(a|an|the)$/.test(tokens[v - 1]?.lower ?? "")
  )
    return beforeVerb(sentence, tokens, v, v, token.text);
  // "Violence … has claimed more than 800 lives": a toll taken, not a claim made.
  if (/^(claimed|claims|claim)$/.test(token.lower) && tokens.slice(v + 1, v + 7).some((t) => /^(lives|life|victims)$/.test(t.lower))) return null;
  // "Kingspan agrees with that finding", "Kingspan does not accept that …", "The company regrets that …": a body's stance on
  // a finding or a claim, in its own statement or reported, is its to state.
  if (STANCE_VERBS.test(token.lower) && stanceObjectFollows(tokens, v)) return beforeVerb(sentence, tokens, v, v, token.text);
  // "BP agreed to let the public watch": agreeing to do something is an act, not a statement.
  if (/^(agreed|agree|agrees|vowed|pledged|threatened|proposed|demanded|urged)$/.test(token.lower) && infinitiveFollows(tokens, v)) return null;
  // "told residents to stay put", "were told by the brigade to remain": telling someone to do something is an order, and
  // whoever gave it states nothing.
  if (/^(told|tell|tells|telling)$/.test(token.lower) && infinitiveFollows(tokens, v)) return null;
  // "asked anyone to take its word": asking someone to do something is a request too, unless what is asked is a finding
  // ("asked the court to find that 4.2 million barrels …": the asker holds the finding).
  if (/^(asked|asks)$/.test(token.lower) && infinitiveFollows(tokens, v) && !tokens.slice(v + 1, v + 9).some((t) => t.lower === "that")) return null;
  // "…, who asked not to be named, said": a request for anonymity reports nothing.
  if (/^(asked|requested)$/.test(token.lower) && tokens[v + 1]?.lower === "not" && tokens[v + 2]?.lower === "to") return null;
  // "had asked the company for $5 million": asking someone for something requests it and reports nothing.
  if (/^(asked|asks|ask)$/.test(token.lower) && asksFor(tokens, v)) return null;
  const twoWord = `${token.lower} ${tokens[v + 1]?.lower ?? ""}`;
  const isTwoWord = TWO_WORD_CUES.has(twoWord);
  if (!isTwoWord && !SINGLE_WORD_CUES.has(token.lower) && !EXTRA_CUES.has(token.lower)) return null;
  if (EXTRA_CUES.has(token.lower) && !["has", "have", "had"].includes(tokens[v - 1]?.lower ?? "")) return null;
  const lastCueToken = isTwoWord ? v + 1 : v;
  const cue = sentence.slice(token.start, tokens[lastCueToken]!.end);
  return inverted(sentence, tokens, v, lastCueToken, cue) ?? beforeVerb(sentence, tokens, v, lastCueToken, cue);
}

const VERDICTS = /^(?:guilty|liable|responsible|innocent|negligent|culpable)$/;

/** "asked Benetton for $5 million", "asked the council for a hearing": the object, then "for". */
function asksFor(tokens: Token[], v: number): boolean {
  for (let i = v + 1; i < tokens.length && i <= v + 5; i++) {
    if (tokens[i]!.lower === "for") return i > v + 1;
    if (!tokens[i]!.isWord || /^(that|whether|if|why|how|what|about|to)$/.test(tokens[i]!.lower)) return false;
  }
  return false;
}

// Words that may stand between a verb and the figure it takes: "an estimated", "about", "more than", "at least", "up to".
const BEFORE_FIGURE =
  /^(?:a|an|estimated|about|some|nearly|roughly|around|approximately|almost|over|more|fewer|less|than|at|least|most|up|to|only|just|as|many|well)$/;

const FRACTIONS = /^(?:third|thirds|quarter|quarters|fifth|fifths|tenth|tenths|two-thirds|three-quarters|majority)$/;

/** "estimated 4,645 deaths", "found an estimated 2,975", "found more than 1,000": a figure right after the verb. */
function quantityFollows(tokens: Token[], v: number): boolean {
  for (let i = v + 1; i < tokens.length && i <= v + 4; i++) {
    const token = tokens[i]!;
    // "a third of those deaths", "two-thirds of the homes": a fraction is a figure too.
    if (/^\d/.test(token.text) || NUMBER_WORDS.test(token.lower) || FRACTIONS.test(token.lower)) return true;
    if (!BEFORE_FIGURE.test(token.lower)) return false;
  }
  return false;
}

// Who finds figures rather than objects: a document ("study", "analysis", "survey", "report") or researchers.
const FINDERS_OF_FIGURES = /^(?:researchers|scientists|analysts|statisticians|demographers|epidemiologists|economists|auditors|investigators|experts)$/;
function findsFigures(phrase: string): boolean {
  return phrase
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((word) => DOCUMENT_NOUNS.includes(word) || FINDERS_OF_FIGURES.test(word));
}

/** "… found all eight accused guilty": the words after a verb of finding, at `text`, give a verdict. */
export function verdictFollows(text: string): boolean {
  const tokens = tokenize(`found ${text}`);
  return findsVerdict(tokens, 0);
}

/** "found all eight accused guilty": a verdict adjective after the object, within a short run of words. */
function findsVerdict(tokens: Token[], v: number): boolean {
  for (let i = v + 1; i < tokens.length && i <= v + 7; i++) {
    if (!tokens[i]!.isWord) return false;
    if (VERDICTS.test(tokens[i]!.lower)) return i > v + 1;
  }
  return false;
}

function infinitiveFollows(tokens: Token[], v: number): boolean {
  for (let i = v + 1; i < tokens.length && i <= v + 5; i++) {
    if (tokens[i]!.lower === "that" || !tokens[i]!.isWord) return false;
    if (tokens[i]!.lower === "to") return /^[a-z]+$/.test(tokens[i + 1]?.text ?? "") && !DETERMINERS_AFTER_TO.has(tokens[i + 1]!.lower);
  }
  return false;
}
// "agreed to the terms", "urged to the court": "to" before a noun phrase is not an infinitive.
const DETERMINERS_AFTER_TO = new Set(["the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my", "your"]);

// "the MQM has officially denied", "BP flatly rejected": an adverb between subject and verb.
function isLyAdverb(token: Token): boolean {
  return (
    /^[a-z]{4,}ly$/.test(token.text) &&
    !/^(family|early|only|reply|supply|italy|july|rally|belly|ally|fly|assembly|daily|weekly|monthly|holy|ugly)$/.test(token.lower)
  );
}

const WHEN_WORDS_AFTER = /^(?:on|in|last|this|yesterday|today|earlier|later|week|month|year|\d{1,4})$/;
/** After the verb only when it happened ("on Wednesday", "last week", "in 2019"), then the sentence ends. */
function closesSentence(tokens: Token[], v: number): boolean {
  let i = v + 1;
  while (i < tokens.length && i <= v + 4 && (WHEN_WORDS_AFTER.test(tokens[i]!.lower) || WHEN_WORDS.has(tokens[i]!.lower))) i++;
  return i === tokens.length || (/^[.!]$/.test(tokens[i]!.text) && i === tokens.length - 1);
}

/** "found it was the fridge-freezer", "concluded they were to blame": a clause whose "that" is left out, a pronoun and a finite verb. */
function clauseFollows(tokens: Token[], v: number): boolean {
  return /^(?:it|they|he|she|there)$/.test(tokens[v + 1]?.lower ?? "") && /^(?:was|were|is|are|had|has|have|would|could|did)$/.test(tokens[v + 2]?.lower ?? "");
}

function thatFollows(tokens: Token[], v: number): boolean {
  // "found, by eleven votes to six, that …": a set-off phrase may stand between the verb and "that".
  const reach = tokens[v + 1]?.text === "," ? 9 : 5;
  for (let i = v + 1; i < tokens.length && i <= v + reach; i++) {
    if (tokens[i]!.lower === "that") return true;
    if (!tokens[i]!.isWord && tokens[i]!.text !== ",") return false;
  }
  // "told Ann Cole, then head of the union, that …": the hearer's apposition, set off by two commas, ends right before "that".
  const commas: number[] = [];
  for (let i = v + 1; i < tokens.length && i <= v + 18 && commas.length < 2; i++) {
    if (tokens[i]!.text === ",") commas.push(i);
    else if (!tokens[i]!.isWord) return false;
  }
  return commas.length === 2 && commas[0]! <= v + 5 && tokens[commas[1]! + 1]?.lower === "that";
}

/** "at more than 24,000", "at 400", "above 25,000": within `reach` tokens from `from`, an "at" or a bound before a figure. */
// "put the toll at 3,787", "estimated the total above 25,000": the figure itself, or a bound on it.
const FIGURE_PREPOSITIONS = /^(?:at|above|below|under|near|around)$/;
function figureAt(tokens: Token[], from: number, reach: number): boolean {
  for (let i = from; i < tokens.length && i < from + reach; i++) {
    if (!FIGURE_PREPOSITIONS.test(tokens[i]!.lower)) continue;
    return tokens.slice(i + 1, i + 7).some((t) => /^\d/.test(t.text) || NUMBER_WORDS.test(t.lower));
  }
  return false;
}

const DEFINITE = /^(?:the|this|that|these|those|his|her|its|their|our)$/;
const SPANS_OF_TIME = /^(?:day|week|month|year|minute|hour|moment|few|while|second|decade|couple)$/;

/** "called the study an attempt …": after the verb a definite noun phrase, then "a"/"an" and what it is called. */
function namesAsSomething(tokens: Token[], v: number): boolean {
  // "called it the greatest miscarriage of justice", "called him a liar": a pronoun named as something ("called it a day"
  // is an idiom of time, not a judgement).
  if (/^(?:it|him|her|them)$/.test(tokens[v + 1]?.lower ?? "") && /^(?:a|an|the)$/.test(tokens[v + 2]?.lower ?? ""))
    return !!tokens[v + 3]?.isWord && !tokens.slice(v + 3, v + 6).some((t) => SPANS_OF_TIME.test(t.lower));
  if (!DEFINITE.test(tokens[v + 1]?.lower ?? "")) return false;
  for (let i = v + 2; i < tokens.length && i <= v + 6; i++) {
    const token = tokens[i]!;
    if (!token.isWord) return false;
    // "called the company a week later" rang it; "called the plan a disgrace" named it.
    if (/^(?:a|an)$/.test(token.lower)) return i > v + 2 && !!tokens[i + 1]?.isWord && !SPANS_OF_TIME.test(tokens[i + 1]!.lower);
  }
  return false;
}

// Adjectives by their endings ("reckless", "delusional", "irresponsible", "ridiculous", "incompetent", "arrogant"), and a
// few short ones without a telling ending; adverbs in -ly, and nouns such as "hospital", "festival", "capital", are left out.
const ADJECTIVE_ENDING = /^[a-z]{3,}(?:less|ous|ive|ful|ible|able|ent|ant|ional|ical|ic)$/;
const PLAIN_ADJECTIVES =
  /^(?:wrong|false|right|true|absurd|unfair|unjust|illegal|racist|corrupt|naive|stupid|cruel|weak|late|mad|insane|dishonest|unhinged|paranoid)$/;
const NOT_ADJECTIVES =
  /^(?:hospital|festival|capital|arrival|approval|rival|event|student|agent|parent|patient|tenant|client|president|resident|accident|moment|comment|statement|government|department|parliament|agreement|assistant|servant|merchant|consultant|accountant|attendant|applicant|defendant|giant|plant|ambulance|clinic|republic|public|music|logic|panic|traffic|topic|critic|archive|detective|executive|representative|relative|motive|olive)$/;
function isAdjective(token: Token | undefined): boolean {
  if (!token || !/^[a-z]+$/.test(token.text) || NOT_ADJECTIVES.test(token.lower)) return false;
  return PLAIN_ADJECTIVES.test(token.lower) || ADJECTIVE_ENDING.test(token.lower);
}

/**
 * A judgement after the object: an adjective ("unacceptable"), a participle negated by its prefix ("unfounded"), or an
 * adverb of degree or manner before either or before a participle ("politically motivated", "deeply flawed").
 */
function isJudgement(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (!token || !/^[a-z]+$/.test(token.text)) return false;
  if (isAdjective(token) || /^un[a-z]{3,}ed$/.test(token.text)) return true;
  const next = tokens[i + 1];
  return /^[a-z]{3,}ly$/.test(token.text) && !!next && /^[a-z]+$/.test(next.text) && (isAdjective(next) || /^[a-z]{3,}ed$/.test(next.text));
}

/** "called him delusional", "called the decision unacceptable": an object (pronoun, name or short definite phrase), then an adjective. */
function callsItSomething(tokens: Token[], v: number): boolean {
  const first = tokens[v + 1];
  if (!first) return false;
  let i = v + 1;
  if (/^(him|her|them|it|us|me|you)$/.test(first.lower)) i = v + 2;
  else if (DEFINITE.test(first.lower)) {
    i = v + 2;
    while (i <= v + 4 && tokens[i]?.isWord && !isJudgement(tokens, i)) i++;
    if (i === v + 2) return false;
  } else if (isCapitalized(first)) {
    while (isCapitalized(tokens[i])) i++;
  } else return false;
  return isJudgement(tokens, i);
}

function estimating(sentence: string, tokens: Token[], v: number): CueMatch | null {
  const verb = tokens[v]!.lower;
  if (verb === "called" || verb === "calls") {
    // "the Board … called for disciplinary action": a demand is a stated position.
    if (tokens[v + 1]?.lower === "for") return beforeVerb(sentence, tokens, v, v + 1, sentence.slice(tokens[v]!.start, tokens[v + 1]!.end));
    // "called the plan “shock therapy”": naming something in quotation marks is saying it.
    const quote = tokens.findIndex((t, i) => i > v && i <= v + 5 && (OPENING_QUOTES.has(t.text) || t.text === '"'));
    if (quote !== -1 && tokens.slice(v + 1, quote).every((t) => t.isWord)) return beforeVerb(sentence, tokens, v, v, tokens[v]!.text);
    // "called the study an attempt to shift the blame", "called the verdict an insult": naming a thing as something.
    if (namesAsSomething(tokens, v)) return beforeVerb(sentence, tokens, v, v, tokens[v]!.text);
    // "called him reckless", "called the plan unworkable": calling someone or something by an adjective judges it.
    if (callsItSomething(tokens, v)) return beforeVerb(sentence, tokens, v, v, tokens[v]!.text);
  }
  // "the coast guard lowered it to 172": the count the text just gave, revised to a figure.
  if (
    /^(revised|raised|lowered|cut)$/.test(verb) &&
    /^(it|them)$/.test(tokens[v + 1]?.lower ?? "") &&
    /^(to|at)$/.test(tokens[v + 2]?.lower ?? "") &&
    /^\d/.test(tokens[v + 3]?.text ?? "")
  )
    return beforeVerb(sentence, tokens, v, v, tokens[v]!.text);
  // "called 5,000 barrels per day its best estimate": "5,000" alone is three tokens.
  // "put the number of people dead or missing at 58": the figure comes after "at", however long the object before it.
  if (verb.startsWith("put") && figureAfterAt(tokens, v)) return beforeVerb(sentence, tokens, v, v, tokens[v]!.text);
  const reach = verb === "called" || verb === "calls" ? 10 : verb.startsWith("put") ? 8 : 4;
  for (let i = v + 1; i < tokens.length && i <= v + reach; i++) {
    const token = tokens[i]!;
    if (!token.isWord && !(token.text === "," && /^\d/.test(tokens[i - 1]?.text ?? "") && /^\d/.test(tokens[i + 1]?.text ?? ""))) return null;
    if (verb.startsWith("put") && figureAt(tokens, i, 1)) break;
    if (!verb.startsWith("put") && ESTIMATE_OBJECTS.test(token.lower)) break;
    // "The government counts 1,135 dead", "the departure report listed 657 tons": a count right after the verb.
    if ((verb.startsWith("count") || verb.startsWith("list")) && i === v + 1 && /^\d/.test(token.text)) break;
    if (i === v + reach || i === tokens.length - 1) return null;
  }
  return beforeVerb(sentence, tokens, v, v, tokens[v]!.text);
}

/** "put the toll of the dead and the missing at 58": an object of plain words that counts or costs something, "at", a figure. */
function figureAfterAt(tokens: Token[], v: number): boolean {
  for (let i = v + 1; i < tokens.length && i <= v + 16; i++) {
    const counted = () => tokens.slice(v + 1, i).some((t) => ESTIMATE_OBJECTS.test(t.lower) || COUNTED_THINGS.test(t.lower));
    if (tokens[i]!.lower === "at") return counted() && figureAt(tokens, i, 1);
    if (!tokens[i]!.isWord) return false;
  }
  return false;
}

// "BP is arguing that …", "Chu defended the figure, saying …": the clause's subject speaks.
function participle(sentence: string, tokens: Token[], v: number): CueMatch | null {
  let i = v - 1;
  while (i >= 0 && SKIPPABLE_BEFORE_VERB.has(tokens[i]!.lower)) i--;
  const previous = tokens[i];
  if (!previous) return null;
  if (PROGRESSIVE_CUES.has(tokens[v]!.lower) && PASSIVE_AUXILIARIES.has(previous.lower)) {
    return beforeVerb(sentence, tokens, i, v, sentence.slice(tokens[i]!.start, tokens[v]!.end));
  }
  if (tokens[v]!.lower === "saying" && previous.lower === "as" && tokens[i - 1]?.lower === "quoted" && PASSIVE_AUXILIARIES.has(tokens[i - 2]?.lower ?? "")) {
    return beforeVerb(sentence, tokens, i - 2, v, sentence.slice(tokens[i - 2]!.start, tokens[v]!.end));
  }
  // "… Home Minister Alamgir telling the BBC that …": a gerund right after its subject's name.
  if (/^(telling|saying|claiming|insisting|arguing|warning)$/.test(tokens[v]!.lower) && isCapitalized(previous)) {
    const named = phraseEndingAt(tokens, v - 1);
    if (named) return makeMatch(sentence, tokens, tokens[v]!.text, "participle", tokens[v]!.start, named);
  }
  if (!PARTICIPLE_CUES.has(tokens[v]!.lower)) return null;
  const afterComma = previous.text === ",";
  if (!afterComma && !(previous.isWord && tokens[v + 1]?.lower === "that")) return null;
  for (const first of clauseSubjectStarts(tokens, v)) {
    const range = participleSubject(tokens, first, v);
    if (range) return makeMatch(sentence, tokens, tokens[v]!.text, "participle", tokens[v]!.start, range);
  }
  return null;
}

function participleSubject(tokens: Token[], first: number, v: number): PhraseRange | null {
  const range = SUBJECT_PRONOUNS.has(tokens[first]!.lower) ? { first, last: first } : phraseStartingAt(tokens, first);
  if (!range || range.last >= v - 1) return null;
  let next = range.last + 1;
  // "Arjun Singh on Wednesday broke his silence …, telling …": the day or an adverb between subject and verb.
  while (next < v - 1 && (SKIPPABLE_BEFORE_VERB.has(tokens[next]!.lower) || (tokens[next]!.lower === "on" && WEEKDAYS.includes(tokens[next + 1]?.lower ?? ""))))
    next += tokens[next]!.lower === "on" ? 2 : 1;
  let verb = tokens[next];
  // "Roshan Shaikh, the city's top administrator, then revised …, saying": skip the apposition.
  if (verb?.text === ",") {
    const close = tokens.findIndex((t, k) => k > range.last + 1 && k < v && t.text === ",");
    const opener = tokens[range.last + 2];
    if (close > 0 && close - range.last <= 15 && opener && /^(the|a|an|his|her|its|their|who|which|[a-z]+ing)$/.test(opener.lower)) verb = tokens[close + 1];
  }
  if (!verb || !/^[a-z]/.test(verb.text) || SUBORDINATORS.has(verb.lower) || PREPOSITIONS.has(verb.lower)) return null;
  return range;
}

// Past an introductory phrase, with or without its comma: "On Friday the MQM's Rauf Siddiqui resigned …, saying".
function clauseSubjectStarts(tokens: Token[], v: number): number[] {
  let first = 0;
  while (first < v && !tokens[first]!.isWord) first++;
  if (first >= v) return [];
  // "Today the team set up under the ministry reported …": a time adverb before the subject is no part of it.
  if (/^(?:today|yesterday|tonight|now|recently|separately)$/i.test(tokens[first]!.text) && first + 1 < v) return [first + 1];
  if (
    !PREPOSITIONS.has(tokens[first]!.lower) &&
    !/^(on|in|at|after|before|during|later|earlier|meanwhile|outside|inside|near|across|behind|speaking|appearing|addressing)$/i.test(tokens[first]!.text)
  )
    return [first];
  const starts: number[] = [];
  let next = first + 1;
  while (next < v && next - first <= 4 && (isCapitalized(tokens[next]) || /^\d/.test(tokens[next]!.text)) && !/^(The|A|An)$/.test(tokens[next]!.text)) next++;
  if (next > first + 1 && next < v && tokens[next]!.isWord) starts.push(next);
  const comma = tokens.findIndex((t, i) => i > first && i < v && t.text === ",");
  if (comma !== -1 && comma - first <= 12 && comma + 1 < v) starts.push(comma + 1);
  return starts;
}

function makeMatch(sentence: string, tokens: Token[], cue: string, pattern: CuePattern, cueStart: number, range: PhraseRange | null): CueMatch {
  if (!range) return { cue, pattern, phrase: null, following: "", cueStart, phraseStart: null, phraseEnd: null };
  const phraseStart = tokens[range.first]!.start;
  const phraseEnd = tokens[range.last]!.end;
  return {
    cue,
    pattern,
    phrase: phraseText(sentence, tokens, range),
    following: sentence.slice(phraseEnd),
    cueStart,
    phraseStart,
    phraseEnd,
  };
}

const VIEW_NOUNS = /^(?:view|opinion|words|estimation|judgment|judgement|assessment)$/;
const POSSESSIVE_PRONOUNS: Record<string, string> = { his: "he", her: "she", their: "they", its: "it" };

/** "In his view, the company knew …": whoever "his" is holds the view, as "according to him" would say. */
function inTheirView(sentence: string, tokens: Token[], v: number): CueMatch | null {
  const owner = tokens[v + 1]!;
  const pronoun = POSSESSIVE_PRONOUNS[owner.lower];
  if (!pronoun || tokens[v + 3]?.text !== ",") return null;
  const cue = sentence.slice(tokens[v]!.start, tokens[v + 2]!.end);
  return {
    cue,
    pattern: "according",
    phrase: pronoun,
    following: sentence.slice(owner.end),
    cueStart: tokens[v]!.start,
    phraseStart: owner.start,
    phraseEnd: owner.end,
  };
}

const AS_SAYING = /^(saying|telling|stating|describing|calling|warning|adding)$/;

/**
 * "The official IRNA news agency quoted Interior Minister Ahmad Vahidi as saying that …": the person
 * quoted speaks, the agency is the channel; "Vahidi was quoted by state television as saying …" too.
 */
function quotedAsSaying(sentence: string, tokens: Token[], v: number): CueMatch | null {
  const passive = PASSIVE_AUXILIARIES.has(tokens[v - 1]?.lower ?? "") && tokens[v + 1]?.lower === "by";
  // A channel after "by" is any run of words up to "as" ("by state television", "by the official news agency").
  const asAt = passive ? tokens.findIndex((t, k) => k > v + 2 && k <= v + 9 && t.lower === "as") : -1;
  const channelRun = asAt > 0 && tokens.slice(v + 2, asAt).every((t) => t.isWord) ? { first: v + 2, last: asAt - 1 } : null;
  const other = passive ? channelRun : phraseStartingAt(tokens, v + 1);
  if (!other || tokens[other.last + 1]?.lower !== "as" || !AS_SAYING.test(tokens[other.last + 2]?.lower ?? "")) return null;
  const subject = phraseEndingAt(tokens, passive ? v - 2 : v - 1);
  const [speaker, channel] = passive ? [subject, other] : [other, subject];
  if (!speaker || (subject && !opensMainClause(tokens, subject.first))) return null;
  const cue = sentence.slice(tokens[passive ? v - 1 : v]!.start, tokens[other.last + 2]!.end);
  const match = makeMatch(sentence, tokens, cue, "according", tokens[v]!.start, speaker);
  return channel ? { ...match, via: phraseText(sentence, tokens, channel) } : match;
}

const AS_THEY_PUT_IT = /^(?:said|says|noted|notes|wrote|writes|explained|explains|observed|observes|remarked|remarks|argued|argues)$/;

/** "As one engineer put it, the design was …", "As the report notes, …": the phrase speaks the main clause. */
function asTheyPutIt(sentence: string, tokens: Token[], v: number, closing = false): CueMatch | null {
  const range = SUBJECT_PRONOUNS.has(tokens[v + 1]?.lower ?? "") ? { first: v + 1, last: v + 1 } : phraseStartingAt(tokens, v + 1);
  if (!range) return null;
  const verb = tokens[range.last + 1];
  const putIt = /^(?:put|puts)$/.test(verb?.lower ?? "") && tokens[range.last + 2]?.lower === "it";
  const last = putIt ? range.last + 2 : range.last + 1;
  if (!verb || !(putIt || AS_THEY_PUT_IT.test(verb.lower))) return null;
  // Opening the sentence, a comma follows ("As the report notes, …"); closing it, at most a few words of time or place
  // ("…, as the secretary explained at the time.").
  const rest = tokens.slice(last + 1);
  const ends = closing ? rest.length <= 7 && rest.every((t, k) => t.isWord || (k === rest.length - 1 && /^[.!?]$/.test(t.text))) : rest[0]?.text === ",";
  if (!ends) return null;
  return makeMatch(sentence, tokens, sentence.slice(tokens[v]!.start, tokens[last]!.end), "according", tokens[v]!.start, range);
}

/** Heads that speak whatever follows them says of them: groups, roles, unnamed sources ("residents", "an official"). */
function isSpeakerHead(token: Token | undefined): boolean {
  const lower = token?.lower ?? "";
  return isGroupHead(lower) || ANONYMOUS_SOURCE_HEADS.has(lower) || isRoleWord(lower) || isRoleWord(lower.replace(/s$/, ""));
}

const PLAIN_DETERMINERS = /^(?:the|a|an|his|her|its|their|our)$/;
const CLAUSE_WORDS = /^(?:who|which|that|and|or|but|of|for|with|by|to|in|on|at|from|about|not)$/;

/** "the search", "the flames", "their homes": a determiner and one to three lower-case words, ending at `last`. */
function plainNounEndingAt(tokens: Token[], last: number): PhraseRange | null {
  let first = last;
  while (
    first > last - 3 &&
    /^[a-z][a-z-]*$/.test(tokens[first]?.text ?? "") &&
    !PLAIN_DETERMINERS.test(tokens[first]!.lower) &&
    !CLAUSE_WORDS.test(tokens[first]!.lower)
  )
    first--;
  if (first === last || !PLAIN_DETERMINERS.test(tokens[first]?.lower ?? "")) return null;
  return { first, last };
}

/**
 * What follows a head only says which one: "an official familiar with the talks", "a source close to the
 * family", "experts interviewed by the newspaper", "survivors who fled the flames", "critics of the plan".
 * The whole phrase is the subject, and the head before the modifier is who speaks. Past the fixed links
 * ("familiar with"), the head must be one that speaks for itself (a group, a role, a source).
 */
function postModifiedHead(tokens: Token[], range: PhraseRange, plain: boolean): PhraseRange | null {
  const link = tokens[range.first - 1]?.lower ?? "";
  let headLast: number | null = null;
  let anyHead = false;
  if (WHICH_ONE_LINKS.includes(`${tokens[range.first - 2]?.lower ?? ""} ${link}`)) {
    headLast = range.first - 3;
    anyHead = true;
  } else if (link === "by" && /^[a-z]{3,}ed$/.test(tokens[range.first - 2]?.text ?? "")) {
    headLast = range.first - 3; // "interviewed by", "employed by"
  } else if (plain && /^(?:of|for|from|at|in|with|on|about)$/.test(link)) {
    headLast = range.first - 2; // "critics of the plan": a plain complement; a named one is prepositionalChain's
  } else if (plain && link === "into" && INQUIRY_HEADS.has(tokens[range.first - 2]?.lower ?? "")) {
    // "the public inquiry into the fire said": what an inquiry looks into only says which inquiry.
    headLast = range.first - 2;
    anyHead = true;
  } else {
    // "survivors who fled the flames", "residents who lost their homes": a restrictive relative clause.
    for (let k = range.first - 1; k >= range.first - 3 && k > 0; k--) {
      if (tokens[k]!.lower === "who") {
        headLast = k - 1;
        break;
      }
      if (!/^[a-z]+$/.test(tokens[k]!.text) || CLAUSE_WORDS.test(tokens[k]!.lower)) break;
    }
  }
  if (headLast === null || headLast < 0) return null;
  const head = phraseEndingAt(tokens, headLast);
  if (!head || (!anyHead && !isSpeakerHead(tokens[head.last]))) return null;
  return { first: head.first, last: range.last };
}

// "according to him", "according to her": an object pronoun names whom "he" or "she" would.
const OBJECT_PRONOUNS: Readonly<Record<string, string>> = { him: "he", her: "she", them: "they" };

function accordingTo(sentence: string, tokens: Token[], v: number): CueMatch | null {
  const pronoun = tokens[v + 2];
  const subjectForm = pronoun ? OBJECT_PRONOUNS[pronoun.lower] : undefined;
  // "according to her report" is the report's: "her" before a word is a possessive; "him" and "them" never are.
  if (pronoun && subjectForm && (pronoun.lower !== "her" || !tokens[v + 3]?.isWord)) {
    const match = makeMatch(sentence, tokens, sentence.slice(tokens[v]!.start, tokens[v + 1]!.end), "according", tokens[v]!.start, {
      first: v + 2,
      last: v + 2,
    });
    return { ...match, phrase: subjectForm };
  }
  let range = phraseStartingAt(tokens, v + 2);
  if (!range) return null;
  // "according to a source familiar with the first official findings": the source is told apart by what follows.
  const link = `${tokens[range.last + 1]?.lower ?? ""} ${tokens[range.last + 2]?.lower ?? ""}`;
  if (WHICH_ONE_LINKS.includes(link)) {
    const what = phraseStartingAt(tokens, range.last + 3) ?? plainNounAfter(tokens, range.last + 3);
    if (what) range = { first: range.first, last: what.last };
  }
  return makeMatch(sentence, tokens, sentence.slice(tokens[v]!.start, tokens[v + 1]!.end), "according", tokens[v]!.start, range);
}

// "“…,” said Tom Quiggin" / "…, claimed Amjad sharing a copy" / "…really are.claimed Amjad."
function inverted(sentence: string, tokens: Token[], v: number, lastCueToken: number, cue: string): CueMatch | null {
  const before = tokens[v - 1];
  if (!before || !INVERTIBLE.has(tokens[v]!.lower)) return null;
  const afterQuote =
    CLOSING_QUOTES.has(before.text) ||
    before.text === '"' ||
    (before.text === "," && (CLOSING_QUOTES.has(tokens[v - 2]?.text ?? "") || tokens[v - 2]?.text === '"'));
  const afterComma = before.text === "," || before.text === ".";
  if (!afterQuote && !afterComma) return null;
  // "Dany Cotton, told the inquiry …": "told" takes whom it told as its object, so after a plain comma it is the
  // subject's verb; only a closing quote can stand before an inverted "told".
  if (!afterQuote && tokens[v]!.lower === "told") return null;
  // "Aung San Suu Kyi, the country's leader, told the court …": the comma closes the subject's apposition.
  if (!afterQuote && before.text === "," && appositionStart(tokens, v - 1) !== null) return null;
  let range = phraseStartingAt(tokens, lastCueToken + 1);
  if (!range) return null;
  // "said a spokesman for the investigation team": the body speaks through its spokesman.
  const body = spokesmanFor(tokens, range);
  if (body) range = body;
  // "said the mother of a firefighter": the "of" phrase says whose mother.
  if (!body && tokens[range.last + 1]?.lower === "of" && !isCapitalized(tokens[range.last])) {
    const whose = phraseStartingAt(tokens, range.last + 2) ?? plainNounAfter(tokens, range.last + 2);
    if (whose) range = { first: range.first, last: whose.last };
  }
  const next = tokens[range.last + 1];
  // The phrase must close the clause, though a participle may follow ("says a statement attributed to …").
  // "…, said the preliminary report showed …" is an apposition's subject and its own verb, not an inverted cue.
  const participleFollows =
    /^[a-z]+ing$/.test(next?.text ?? "") || (/^[a-z]+ed$/.test(next?.text ?? "") && PREPOSITIONS.has(tokens[range.last + 2]?.lower ?? ""));
  if (next && ![",", ".", ";", "(", "!", "?"].includes(next.text) && !participleFollows && next.lower !== "in" && !placedBy(tokens, range.last + 1))
    return null;
  return makeMatch(sentence, tokens, cue, "inverted", tokens[v]!.start, range);
}

/** "said a prosecutor on the joint investigation team, who …": a prepositional phrase that only says which one, then the clause ends. */
function placedBy(tokens: Token[], at: number): boolean {
  if (!/^(on|at|with|from|for)$/.test(tokens[at]?.lower ?? "")) return false;
  const place = phraseStartingAt(tokens, at + 1) ?? plainNounAfter(tokens, at + 1);
  return !!place && [",", ".", ";"].includes(tokens[place.last + 1]?.text ?? "");
}

/** "a firefighter", "the victims": a determiner and up to three plain nouns, no verb forms. */
function plainNounAfter(tokens: Token[], first: number): PhraseRange | null {
  let i = /^(a|an|the|one|two|three)$/.test(tokens[first]?.lower ?? "") ? first + 1 : first;
  const start = i;
  while (
    i < tokens.length &&
    i < start + 3 &&
    /^[a-z][a-z-]+$/.test(tokens[i]!.text) &&
    !/(?:ed|ing|ly)$/.test(tokens[i]!.text) &&
    !/^(who|which|that|and|or|but|in|on|at|of|for|with|by|to)$/.test(tokens[i]!.lower)
  )
    i++;
  return i > start ? { first, last: i - 1 } : null;
}

// "He went on to say that …", "She continued to insist …", "BP was quick to point out …": the chain's subject speaks.
function skipVerbChain(tokens: Token[], i: number): number {
  if (tokens[i]?.lower !== "to") return i;
  if (tokens[i - 1]?.lower === "on" && /^(went|goes|go|going|gone)$/.test(tokens[i - 2]?.lower ?? "")) return i - 3;
  if (/^(continued|continues|continue|proceeded|hastened)$/.test(tokens[i - 1]?.lower ?? "")) return i - 2;
  if (/^(quick|keen|careful|eager|anxious)$/.test(tokens[i - 1]?.lower ?? "") && PASSIVE_AUXILIARIES.has(tokens[i - 2]?.lower ?? "")) return i - 3;
  // "Kim Kyung-il even held a press conference to say …", "BP issued a statement to deny …": the occasion's host says it.
  if (/^(conference|briefing|statement|interview)$/.test(tokens[i - 1]?.lower ?? "")) {
    for (let k = i - 2; k >= 0 && i - k <= 5; k--) {
      if (/^(held|holds|hold|called|calls|gave|gives|issued|issues|convened|convenes)$/.test(tokens[k]!.lower)) return k - 1;
      if (!tokens[k]!.isWord) break;
    }
  }
  return i;
}

const STANCE_VERBS =
  /^(?:agree|agrees|agreed|accept|accepts|accepted|regret|regrets|regretted|reject|rejects|dispute|recognise|recognises|recognize|recognizes)$/;
const POSITION_NOUNS =
  /^(?:finding|findings|conclusion|conclusions|view|views|assessment|claim|claims|allegation|allegations|criticism|criticisms|characterisation|characterization|recommendation|recommendations|ruling|verdict|account)$/;

/** "accepts that …", "agrees with that finding", "rejects the report's conclusions": a clause or a position as object. */
function stanceObjectFollows(tokens: Token[], v: number): boolean {
  const next = tokens[v + 1];
  if (!next) return false;
  if (next.lower === "that" && !POSITION_NOUNS.test(tokens[v + 2]?.lower ?? "")) return true;
  for (let i = v + 1; i < tokens.length && i <= v + 5; i++) {
    if (POSITION_NOUNS.test(tokens[i]!.lower)) return true;
    if (!tokens[i]!.isWord && !/^[’']s?$/.test(tokens[i]!.text)) return false;
  }
  return false;
}

function beforeVerb(sentence: string, tokens: Token[], v: number, lastCueToken: number, cue: string): CueMatch | null {
  let i = skipVerbChain(tokens, v - 1);
  // "Kingspan does not accept that …": a stance held in the negative is still the subject's.
  if (STANCE_VERBS.test(tokens[v]!.lower) && tokens[i]?.lower === "not" && /^(?:does|do|did)$/.test(tokens[i - 1]?.lower ?? "")) i -= 2;
  while (
    i >= 0 &&
    (SKIPPABLE_BEFORE_VERB.has(tokens[i]!.lower) ||
      isLyAdverb(tokens[i]!) ||
      // "UCC has long held that …": "long" after a perfect's auxiliary says how long the position has been held.
      (tokens[i]!.lower === "long" && /^(has|have|had)$/.test(tokens[i - 1]?.lower ?? "")) ||
      (tokens[i]!.lower === "first" && tokens[i - 1]?.lower === "at") ||
      dayBeforeVerb(tokens, i))
  ) {
    i -= (tokens[i]!.lower === "first" && tokens[i - 1]?.lower === "at") || dayBeforeVerb(tokens, i) ? 2 : 1;
  }
  const previous = tokens[i];
  if (!previous) return null;
  if (PASSIVE_AUXILIARIES.has(previous.lower)) {
    if (!PASSIVE_SPEECH.has(tokens[v]!.lower)) return null;
    // "…terrorists were killed who were believed to be affiliated with MQM" hedges one detail only.
    if (["who", "which", "that"].includes(tokens[i - 1]?.lower ?? "")) return null;
    // "… more oil than the public had been told": a comparison, not a report.
    let aux = i;
    while (aux > 0 && /^(had|has|have|been|be|being|was|were|is|are|would|will|could|might|may)$/.test(tokens[aux - 1]!.lower)) aux--;
    const subject = phraseEndingAt(tokens, aux - 1);
    if (subject && /^(than|as)$/.test(tokens[subject.first - 1]?.lower ?? "")) return null;
    return passive(sentence, tokens, v, lastCueToken, cue);
  }
  if ((previous.lower === "which" || previous.lower === "who") && tokens[i - 1]?.text === ",") {
    const range = phraseEndingAt(tokens, i - 2);
    return range ? makeMatch(sentence, tokens, cue, "relative", tokens[v]!.start, range) : null;
  }
  // "… and said", "declined to comment but said", "…, but insisted that": one subject for both verbs.
  if (previous.lower === "and" || previous.lower === "but") return coordinated(sentence, tokens, v, i, cue);
  if (SUBJECT_PRONOUNS.has(previous.lower)) {
    return opensMainClause(tokens, i) ? makeMatch(sentence, tokens, cue, "subject", tokens[v]!.start, { first: i, last: i }) : null;
  }
  if (
    isGroupHead(previous.lower) &&
    /^(his|her|their)$/.test(tokens[i - 1]?.lower ?? "") &&
    tokens[i - 2]?.lower === "and" &&
    SUBJECT_PRONOUNS.has(tokens[i - 3]?.lower ?? "") &&
    opensMainClause(tokens, i - 3)
  ) {
    return makeMatch(sentence, tokens, cue, "subject", tokens[v]!.start, { first: i - 3, last: i - 3 });
  }
  const named = tokens[i]?.text === "," ? (nameInRoleApposition(tokens, i) ?? subjectOfRelativeClause(tokens, i)) : null;
  if (named) return makeMatch(sentence, tokens, cue, "subject", tokens[v]!.start, named);
  const carrier = participleModifiedSubject(tokens, i);
  // The participle phrase tells who wrote the document ("led by researchers at …") but ends at the verb.
  if (carrier)
    return { ...makeMatch(sentence, tokens, cue, "subject", tokens[v]!.start, carrier), following: sentence.slice(tokens[carrier.last]!.end, tokens[i]!.end) };
  while (tokens[i]?.text === ",") {
    const opening = appositionStart(tokens, i);
    if (opening === null) break;
    // "Ruth Oakes, the former head of the union, whose son was injured, said": appositions in a row, the name before the first.
    if (appositionStart(tokens, opening) !== null) {
      i = opening;
      continue;
    }
    i = opening - 1;
    // "LeeAnne Walters, 37, a mother of four, said": the age is an apposition of its own.
    if (/^\d{1,3}$/.test(tokens[i]?.text ?? "") && tokens[i - 1]?.text === ",") i -= 2;
  }
  // "Relatives of the missing who gathered at Jindo said": the subject stands before a relative clause with no commas.
  const who = restrictiveRelativeStart(tokens, i);
  if (who !== null) {
    const subject = beforeVerb(sentence, tokens, who, who, cue);
    if (subject) return { ...subject, cue, cueStart: tokens[v]!.start };
  }
  const found = withoutFrontedDate(tokens, phraseEndingAt(tokens, i));
  let range = found ? (nameBeforeOpenApposition(tokens, found) ?? found) : null;
  // "A senior official familiar with the report said": the report only says which official; a plain
  // complement ("… familiar with the search said") is no speaker's phrase of its own.
  const plain = range ? null : plainNounEndingAt(tokens, i);
  const complement = range ?? plain;
  const modified = complement ? postModifiedHead(tokens, complement, complement === plain) : null;
  if (modified) range = modified;
  // "Survivors and local people estimated …": both conjuncts are the subject.
  if (range && /^(and|or)$/.test(tokens[range.first - 1]?.lower ?? "") && tokens[range.first - 2]?.text !== ",") {
    const conjunct = phraseEndingAt(tokens, range.first - 2);
    // "The joint investigation team of prosecutors and police found": both conjuncts say whose team it is.
    if (conjunct && (opensMainClause(tokens, conjunct.first) || tokens[conjunct.first - 1]?.lower === "of"))
      range = { first: conjunct.first, last: range.last };
  }
  const reduced = documentBeforeReducedRelative(tokens, range?.first ?? i + 1);
  if (reduced) return makeMatch(sentence, tokens, cue, "subject", tokens[v]!.start, reduced);
  // "the ministry of defence said": a body's name runs through its "of".
  const body = range ? holderOf(tokens, range, /^of$/, (head) => INSTITUTION_HEADS.has(head)) : null;
  if (body && range) range = { first: body.first, last: range.last };
  // "A statement from the governor's office said", "a study by Purdue University found": the document speaks.
  const sent = range && !body ? holderOf(tokens, range, /^(from|by)$/, (head) => DOCUMENT_NOUNS.includes(head)) : null;
  if (sent && range) range = { first: sent.first, last: range.last };
  // "researchers from Purdue University said": the group is the subject.
  const group = range ? groupOfInstitution(tokens, range) : null;
  if (group) return makeMatch(sentence, tokens, cue, "subject", tokens[v]!.start, group);
  // "The investigative website Bellingcat found", "the state broadcaster NOS reported": a name after "the" and the common
  // nouns that say what it is.
  const described = range ? describedName(tokens, range) : null;
  if (described) range = described;
  // "Several of the group's political opponents had suggested …": a quantifier and "of" before the group open the clause.
  if (
    range &&
    tokens[range.first - 1]?.lower === "of" &&
    PARTITIVE_QUANTIFIERS.test(tokens[range.first - 2]?.lower ?? "") &&
    opensMainClause(tokens, range.first - 2)
  )
    range = { first: range.first - 2, last: range.last };
  if (range && !opensMainClause(tokens, range.first)) range = prepositionalChain(tokens, range);
  range ??= indefiniteSubject(tokens, i);
  if (!range) return null;
  return makeMatch(sentence, tokens, cue, "subject", tokens[v]!.start, range);
}

/**
 * "the investigative website Bellingcat": up to three lower-case words between a clause-opening "the" and a name, the last a
 * noun and none a verb's past form, describe the name; the phrase runs from "the".
 */
function describedName(tokens: Token[], range: PhraseRange): PhraseRange | null {
  if (!isCapitalized(tokens[range.first]) || opensMainClause(tokens, range.first)) return null;
  let j = range.first - 1;
  while (j >= 0 && range.first - j <= 3 && /^[a-z][a-z-]+$/.test(tokens[j]!.text) && tokens[j]!.lower !== "the") j--;
  const words = tokens.slice(j + 1, range.first);
  if (words.length === 0 || tokens[j]?.lower !== "the" || !opensMainClause(tokens, j)) return null;
  const descriptive = (token: Token) => !/ed$/.test(token.lower) && (isWord(token.lower, "n") || isWord(token.lower, "a"));
  if (!words.every(descriptive) || !isWord(words[words.length - 1]!.lower, "n")) return null;
  return { first: j, last: range.last };
}

// "Everybody I know in Bhopal says …", "No one at the plant said …": an indefinite pronoun opens the clause, and what
// follows it up to the verb (a contact clause, a place) only says whose.
const INDEFINITE_PRONOUNS = /^(?:everybody|everyone|nobody|somebody|someone|anybody|anyone)$/;
function indefiniteSubject(tokens: Token[], end: number): PhraseRange | null {
  let first = 0;
  while (first < end && !tokens[first]!.isWord) first++;
  if (!INDEFINITE_PRONOUNS.test(tokens[first]?.lower ?? "") || end - first > 8) return null;
  return tokens.slice(first, end + 1).every((t) => t.isWord && !CLAUSE_OPENERS.test(t.lower)) ? { first, last: first } : null;
}

// Past participles: regular ones end in -ed; these are the irregular ones that head a modifier ("led by", "paid for by").
const IRREGULAR_PARTICIPLES =
  /^(?:led|paid|run|done|written|held|made|given|taken|seen|known|drawn|built|sent|brought|put|set|read|begun|kept|shown|sold|bought|won|spent|left|cut|spread|struck|caught|taught|undertaken|overseen|carried)$/;
const AFTER_MODIFYING_PARTICIPLE = /^(?:by|in|on|at|for|from|with|under|over|between|across|after|before|during|out|last|this|earlier)$/;
// Words that open a clause of their own: past one, the participle phrase has ended and a new clause has begun.
const CLAUSE_OPENERS = /^(?:that|which|who|whom|whose|because|if|when|while|whereas|although|though|said|says|say|told|but)$/;

function isPastParticiple(token: Token | undefined): boolean {
  return !!token && /^[a-z]+$/.test(token.text) && (/^[a-z]{2,}ed$/.test(token.lower) || IRREGULAR_PARTICIPLES.test(token.lower));
}

/**
 * "A household survey led by researchers at Lindqvist University, published in May, estimated …", "Their study, paid for by
 * the council, found …": a clause's subject may carry a participle phrase (with or without commas, two joined by "and")
 * before its verb, which ends at `end`; the subject is the noun phrase before the participle.
 */
function participleModifiedSubject(tokens: Token[], end: number): PhraseRange | null {
  for (const start of clauseSubjectStarts(tokens, end + 1)) {
    const subject = phraseStartingAt(tokens, start);
    if (!subject || subject.last >= end) continue;
    let k = subject.last + 1;
    if (tokens[k]?.text === ",") k++;
    // "A CNN survey of 112 funeral homes, about half of those on the island, found …": what a document is about follows
    // it in "of", "on" or "into" and never says who wrote it.
    const topic = DOCUMENT_NOUNS.includes(tokens[subject.last]!.lower) && /^(of|on|into)$/.test(tokens[k]?.lower ?? "") && k === subject.last + 1;
    // "The team set up under the ministry", "a list drawn up by the police": a phrasal verb's particle may come first.
    const particle = /^(?:up|down|off|together)$/.test(tokens[k + 1]?.lower ?? "") ? 1 : 0;
    if (!topic && (!isPastParticiple(tokens[k]) || !AFTER_MODIFYING_PARTICIPLE.test(tokens[k + 1 + particle]?.lower ?? ""))) continue;
    if (end - k > 35) continue;
    let commas = 0;
    let fits = true;
    for (let j = k; j <= end && fits; j++) {
      const token = tokens[j]!;
      if (token.text === ",") commas++;
      // "the Harvard T.H. Chan School": the full stop of an abbreviation or initials is part of a name.
      else if (token.text === "." && isCapitalized(tokens[j + 1]) && /^\p{Lu}/u.test(tokens[j - 1]?.text ?? "") && (tokens[j - 1]?.text.length ?? 9) <= 4)
        continue;
      else if (!token.isWord || CLAUSE_OPENERS.test(token.lower)) fits = false;
      // "… led by X and published in Y": only a second participle may follow "and".
      else if (token.lower === "and" && !isPastParticiple(tokens[j + 1]) && !isCapitalized(tokens[j + 1])) fits = false;
    }
    if (fits && commas <= 3) return subject;
  }
  return null;
}

// "South Korea's coast guard on Wednesday cut …": a wire story's day between subject and verb.
function dayBeforeVerb(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.lower === "on" && WEEKDAYS.includes(tokens[i]!.lower);
}

const RELATIVE_AUXILIARIES = /^(is|are|was|were|be|been|being|has|have|had|already|well|also|not|never|still|long|often|widely|better)$/;

/** The index of "who" opening a relative clause that ends at `last` (words only, a few of them), or null. */
function restrictiveRelativeStart(tokens: Token[], last: number): number | null {
  for (let j = last; j > 0 && last - j <= 8; j--) {
    const token = tokens[j]!;
    if (!token.isWord || /^(that|which|said|says)$/.test(token.lower)) return null;
    if (token.lower !== "who") continue;
    // "Members … who were already well informed": the verb itself is the relative clause's, and nobody's cue.
    const clause = tokens.slice(j + 1, last + 1);
    if (clause.every((t) => RELATIVE_AUXILIARIES.test(t.lower) || isLyAdverb(t))) return null;
    return tokens[j - 1]!.isWord && j < last ? j : null;
  }
  return null;
}

/** A run of date words that holds a month or a year ("28 April 2014", "October 2014"), not a bare day. */
export function namesADate(run: Token[]): boolean {
  return run.some((t) => MONTHS.includes(t.lower) || /^(1[89]|20)\d\d$/.test(t.text));
}

/** A day, a year or a month's name: a word of a written date ("28 April 2014"). */
export function isDateWord(token: Token | undefined): boolean {
  return !!token && (/^\d{1,2}$/.test(token.text) || /^(1[89]|20)\d\d$/.test(token.text) || MONTHS.includes(token.lower));
}

/** The index where a date that ends right before `end` and follows a preposition starts ("on 28 April 2014"), or -1. */
function frontedDateStart(tokens: Token[], end: number): number {
  let k = end - 1;
  while (k >= 0 && isDateWord(tokens[k])) k--;
  return k + 1 < end && namesADate(tokens.slice(k + 1, end)) && PREPOSITIONS.has(tokens[k]?.lower ?? "") ? k + 1 : -1;
}

function frontedDateEnding(tokens: Token[], first: number): boolean {
  return frontedDateStart(tokens, first) !== -1;
}

// "On 6 October 2014 Kim said": the date closes the fronted phrase; it is no part of the speaker's name.
function withoutFrontedDate(tokens: Token[], range: PhraseRange | null): PhraseRange | null {
  if (!range) return null;
  let k = range.first;
  while (k < range.last && isDateWord(tokens[k])) k++;
  // "In December officials raised …": a plural of people after the date is the subject too.
  if (k === range.first || !(isCapitalized(tokens[k]) || /^(the|a|an)$/.test(tokens[k]!.lower) || isGroupHead(tokens[k]!.lower))) return range;
  return frontedDateStart(tokens, k) === range.first ? { first: k, last: range.last } : range;
}

// "A 2018 study by researchers at the University of Toronto estimated …": the subject is the whole chain of
// prepositional phrases, back to the noun phrase that opens the clause (at most three links).
function prepositionalChain(tokens: Token[], range: PhraseRange): PhraseRange | null {
  let first = range.first;
  for (let hop = 0; hop < 3; hop++) {
    // "a survey of 112 funeral homes": a count before the noun is part of its phrase.
    if (/^\d/.test(tokens[first - 1]?.text ?? "") && tokens[first - 1]!.isWord) first--;
    if (!/^(of|for|on|at|by|from|in|with|to|across|throughout)$/.test(tokens[first - 1]?.lower ?? "")) return null;
    const head = phraseEndingAt(tokens, first - 2);
    if (!head) return null;
    first = head.first;
    if (opensMainClause(tokens, first)) return { first, last: range.last };
  }
  return null;
}

/** "Rizvi, who was flanked by Sattar, Sabzwari and Siddiqui, said": the subject stands before the relative clause. */
function subjectOfRelativeClause(tokens: Token[], closing: number): PhraseRange | null {
  for (let j = closing - 1; j > 0 && closing - j <= 40; j--) {
    const token = tokens[j]!;
    if (token.text === ";" || token.text === "." || isQuoteMark(token)) return null;
    if (!/^(who|which|whose)$/.test(token.lower) || tokens[j - 1]?.text !== ",") continue;
    const subject = phraseEndingAt(tokens, j - 2);
    if (subject && opensMainClause(tokens, subject.first)) return subject;
    // "An engineer with the Savar municipality, who asked not to be named, said": one member of a body.
    const member = subject ? groupOfInstitution(tokens, subject) : null;
    if (member) return member;
    // "A police officer at the scene, who spoke on condition of anonymity, said": the sentence opens with the
    // subject and its place; the subject is the noun phrase before the first preposition.
    const opening = tokens.slice(0, j - 1);
    if (opening.length > 10 || !opening.every((t) => t.isWord) || !/^(a|an|the|one|two|three|several|some)$/i.test(opening[0]?.text ?? "")) return null;
    const preposition = opening.findIndex((t, k) => k > 0 && PREPOSITIONS.has(t.lower));
    return preposition > 1 ? { first: 0, last: preposition - 1 } : null;
  }
  return null;
}

/** "The head" of "The head of Rosaviatsia": the phrase before the preposition that governs `range`, if its head fits. */
function holderOf(tokens: Token[], range: PhraseRange, prepositions: RegExp, fits: (head: string) => boolean): PhraseRange | null {
  if (!prepositions.test(tokens[range.first - 1]?.lower ?? "")) return null;
  const holder = phraseEndingAt(tokens, range.first - 2);
  return holder && fits(tokens[holder.last]!.lower) ? holder : null;
}

// "BP's cement expert, Andreas Momber, concluded …": the name after the role speaks.
function nameInRoleApposition(tokens: Token[], closing: number): PhraseRange | null {
  const name = phraseEndingAt(tokens, closing - 1);
  if (!name || tokens[name.first - 1]?.text !== "," || !isCapitalized(tokens[name.last])) return null;
  let role = phraseEndingAt(tokens, name.first - 2);
  // "The head of Rosaviatsia, Alexander Neradko, said …", "A spokesman for the manufacturer, John Smith, told …"
  role = (role && holderOf(tokens, role, /^(?:of|for|at|with)$/, isRoleWord)) ?? role;
  const head = role ? tokens[role.last]!.lower : "";
  // "The company, Meghna Launch Services, said …"
  if (!role || !(isRoleWord(head) || INSTITUTION_HEADS.has(head)) || !opensMainClause(tokens, role.first))
    return roleBeforePreposition(tokens, name.first - 2) ? name : null;
  return name;
}

/** "The judge at the first trial": a role opening the clause, then where or whose it is, whatever noun ends that. */
function roleBeforePreposition(tokens: Token[], end: number): PhraseRange | null {
  for (let p = end; p > 0 && end - p <= 6; p--) {
    if (!tokens[p]!.isWord) return null;
    if (!/^(?:of|for|at|with|in)$/.test(tokens[p]!.lower)) continue;
    const role = phraseEndingAt(tokens, p - 1);
    return role && isRoleWord(tokens[role.last]!.lower) && opensMainClause(tokens, role.first) ? role : null;
  }
  return null;
}

// "The initial report submitted to the Sindh government said …"
const REDUCED_PARTICIPLES =
  /^(dated|submitted|sent|released|published|prepared|presented|filed|issued|made|obtained|seen|leaked|shared|handed|given|written|drawn|compiled|commissioned|ordered|sealed|circulated|delivered)$/;
function documentBeforeReducedRelative(tokens: Token[], end: number): PhraseRange | null {
  for (let p = end - 1; p > 0 && end - p <= 12; p--) {
    const token = tokens[p]!;
    if (!token.isWord && !/^[’']$/.test(token.text)) return null;
    // "The internal BP document that Markey's staff obtained shows …": an object relative clause.
    if (!REDUCED_PARTICIPLES.test(token.lower) && !/^(that|which)$/.test(token.lower)) continue;
    const head = tokens[p - 1]!;
    if (!DOCUMENT_NOUNS.includes(head.lower)) continue;
    const range = phraseEndingAt(tokens, p - 1);
    return range && opensMainClause(tokens, range.first) ? range : null;
  }
  return null;
}

const SPOKESPEOPLE = /^(spokesman|spokeswoman|spokesperson|spokesmen|spokeswomen|spokespeople|representative|representatives)$/;

/** "a spokesman for X": the phrase naming X. */
function spokesmanFor(tokens: Token[], range: PhraseRange): PhraseRange | null {
  if (!SPOKESPEOPLE.test(tokens[range.last]!.lower) || !/^(for|of)$/.test(tokens[range.last + 1]?.lower ?? "")) return null;
  return phraseStartingAt(tokens, range.last + 2);
}

// "rebels in eastern Ukraine", "villagers of northern Sindh": a compass word before a place is part of the place.
const REGION_WORDS = /^(?:eastern|western|northern|southern|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern|rural|coastal)$/;

function groupOfInstitution(tokens: Token[], placeRange: PhraseRange): PhraseRange | null {
  const range =
    REGION_WORDS.test(tokens[placeRange.first - 1]?.lower ?? "") && isCapitalized(tokens[placeRange.first])
      ? { first: placeRange.first - 1, last: placeRange.last }
      : placeRange;
  // "A spokeswoman for the Dutch public prosecutor's office said": the office speaks.
  if (/^(for|of)$/.test(tokens[range.first - 1]?.lower ?? "") && SPOKESPEOPLE.test(tokens[range.first - 2]?.lower ?? "")) {
    const role = phraseEndingAt(tokens, range.first - 2);
    return role && opensMainClause(tokens, role.first) ? range : null;
  }
  if (!/^(from|at|of|with|in|for)$/.test(tokens[range.first - 1]?.lower ?? "")) return null;
  // "An engineer with the Savar municipality, who asked not to be named, said": one unnamed member speaks.
  const role = tokens[range.first - 2]?.lower ?? "";
  if (!isGroupHead(role) && !(isRoleWord(role) && /^(with|at|of|from)$/.test(tokens[range.first - 1]!.lower))) return null;
  if (!isGroupHead(role)) {
    const person = phraseEndingAt(tokens, range.first - 2);
    return person && opensMainClause(tokens, person.first) && /^(a|an|one)$/i.test(tokens[person.first]!.text)
      ? { first: person.first, last: range.last }
      : null;
  }
  const group = phraseEndingAt(tokens, range.first - 2);
  if (!group || !opensMainClause(tokens, group.first)) return null;
  // "officials of the claims administration" are named with their body; "officials in Kiev" stay the group.
  // "lawyers for the families" act for them: the client names the group.
  const preposition = tokens[range.first - 1]!.lower;
  // "newspapers in Karachi", "residents of Gemmayzeh": a group told apart by its place keeps it.
  const placed = (preposition === "in" || preposition === "of") && isCapitalized(tokens[placeRange.first]) && range.last - range.first <= 3;
  const belongs = (preposition === "of" && INSTITUTION_HEADS.has(tokens[range.last]!.lower)) || preposition === "for" || placed;
  return belongs ? { first: group.first, last: range.last } : group;
}

// "…a party that human rights groups … say has a violent past" is the writer's sentence, not the groups'.
function opensMainClause(tokens: Token[], first: number): boolean {
  const before = tokens[first - 1];
  if (!before) return true;
  if (frontedTimePhrase(tokens, first)) return true;
  // "At a press conference on 28 April 2014 Kim Kyung-il said": a fronted adverbial that ends in a date ends there.
  if (frontedDateEnding(tokens, first)) {
    let start = first - 1;
    while (start > 0 && !BOUNDARY_PUNCTUATION.has(tokens[start - 1]!.text) && tokens[start - 1]!.text !== ";") start--;
    if (first - start <= 14 && PREPOSITIONS.has(tokens[start]?.lower ?? "") && tokens.slice(start, first).every((t) => t.isWord)) return true;
  }
  // "1. The Court held …", "6. (C) The ambassador said …", "(b) The applicants alleged …": a numbered paragraph.
  if (isListMarker(tokens, first)) return true;
  if (BOUNDARY_PUNCTUATION.has(before.text)) return true;
  // "…in the rubble,[25] and the company's chief executive … acknowledged": a citation marker ends a clause.
  if ((before.lower === "and" || before.lower === "or") && tokens[first - 2]?.text === "]") return true;
  // "And Dow says …", "But the families insist …": a conjunction opening the sentence opens its main clause too.
  if (first - 1 === 0 && CLAUSE_JOINERS.has(before.lower)) return true;
  // "rights groups and officials say": without a comma, the clause starts before the first subject.
  if ((before.lower === "and" || before.lower === "or") && tokens[first - 2]?.text !== ",") {
    const conjunct = phraseEndingAt(tokens, first - 2);
    return conjunct ? opensMainClause(tokens, conjunct.first) : false;
  }
  if (CLAUSE_JOINERS.has(before.lower)) return true;
  if (before.lower === "that" && isTransparentFrame(tokens, first - 1)) return true;
  if (SUBORDINATORS.has(before.lower)) return false;
  if (PREPOSITIONS.has(before.lower) && first - 1 === 0) return true;
  if (first - 1 === 0 && SENTENCE_ADVERBS.has(before.lower)) return true;
  // "In a press conference MQM leader Farooq Sattar said"; but in "In October 2021 sources in Hezbollah … told", the
  // phrase after "in" is the end of the subject, not its start.
  return PREPOSITIONS.has(tokens[0]?.lower ?? "") && first <= 7 && !PREPOSITIONS.has(before.lower) && tokens.slice(0, first).every((t) => t.isWord);
}

// "The following day Trump wrote …", "That evening the mayor said …", "Last week officials said …": a noun phrase of time
// that opens the sentence is an adverbial, comma or not, and the subject comes after it.
const TIME_NOUNS = /^(?:day|days|week|weeks|month|months|year|years|morning|evening|night|afternoon|weekend|time)$/;
const TIME_OPENERS = /^(?:the|that|this|last|next|one|a|earlier|later)$/;
// "Two days later he raised it …", "A week earlier the council said …": a span of time before "later", "earlier", "ago".
const TIME_COUNTS = /^(?:two|three|four|five|six|seven|eight|nine|ten|few|several|\d{1,3})$/;
function frontedTimePhrase(tokens: Token[], first: number): boolean {
  const relative = /^(?:later|earlier|ago)$/.test(tokens[first - 1]?.lower ?? "");
  const end = relative ? first - 1 : first;
  if (end < 2 || end > 5 || !TIME_NOUNS.test(tokens[end - 1]!.lower)) return false;
  const opening = tokens.slice(0, end);
  return (
    opening.every((t) => t.isWord) &&
    (TIME_OPENERS.test(opening[0]!.lower) || (relative && TIME_COUNTS.test(opening[0]!.lower))) &&
    opening.slice(1, -1).every((t) => /^(?:following|next|previous|same|day|whole|few|two|three)$/.test(t.lower))
  );
}

/** The tokens before `first` are only a paragraph's number or marking ("1.", "(b)", "6. (C)"). */
function isListMarker(tokens: Token[], first: number): boolean {
  if (first === 0 || first > 6) return false;
  const marker = tokens
    .slice(0, first)
    .map((t) => t.text)
    .join("");
  return /^(?:\d{1,3}[.)]|\(\w{1,3}\)|[a-z][.)])(?:\([A-Z]{1,2}\))?$/.test(marker);
}

// "It is mentionable that X claimed …": the writer's frame adds nothing, the claim is X's.
function isTransparentFrame(tokens: Token[], thatIndex: number): boolean {
  const frame = tokens
    .slice(0, thatIndex)
    .filter((t) => t.isWord)
    .map((t) => t.lower);
  return frame.length >= 3 && frame.length <= 5 && frame[0] === "it" && ["is", "was"].includes(frame[1] ?? "");
}

// "Zulfiqar Mirza, the then Home Minister … of the then ruling party—Pakistan Peoples Party claimed": Mirza speaks.
function nameBeforeOpenApposition(tokens: Token[], range: PhraseRange): PhraseRange | null {
  const dash = tokens[range.first - 1];
  if (!dash || !["—", "–"].includes(dash.text)) return null;
  for (let j = range.first - 2; j > 0 && range.first - j <= 30; j--) {
    if (tokens[j]!.text !== ",") continue;
    if (!["the", "a", "an", "his", "her"].includes(tokens[j + 1]?.lower ?? "")) continue;
    const name = phraseEndingAt(tokens, j - 1);
    return name && opensMainClause(tokens, name.first) ? name : null;
  }
  return null;
}

function passive(sentence: string, tokens: Token[], v: number, lastCueToken: number, cue: string): CueMatch {
  if (tokens[lastCueToken + 1]?.lower === "by") {
    const range = phraseStartingAt(tokens, lastCueToken + 2);
    if (range) return makeMatch(sentence, tokens, cue, "passive", tokens[v]!.start, range);
  }
  return makeMatch(sentence, tokens, cue, "passive", tokens[v]!.start, null);
}

// "MQM leader Farooq Sattar termed … “suicidal” and said …": the subject opens the clause.
const WHEN_WORDS: ReadonlySet<string> = new Set(
  [...MONTHS, ...WEEKDAYS]
    .map((word) => word.toLowerCase())
    .concat(["the", "early", "late", "mid", "last", "next", "this", "morning", "evening", "night", "afternoon", "week", "month", "year"]),
);

function coordinated(sentence: string, tokens: Token[], v: number, andIndex: number, cue: string): CueMatch | null {
  let start = andIndex - 1;
  // "declined to comment, but said": the comma belongs to the conjunction, not to an apposition.
  if (tokens[start]?.text === "," && tokens[andIndex]!.lower === "but") start--;
  while (start >= 0 && ![",", ";", ":", "(", "—"].includes(tokens[start]!.text)) start--;
  let first = start + 1;
  while (first < andIndex && OPENING_QUOTES.has(tokens[first]!.text)) first++;
  // "And Hasina stood in parliament and said …": a sentence-opening conjunction is no part of the subject.
  if (/^(and|but|so|yet|or)$/i.test(tokens[first]?.text ?? "") && first + 1 < andIndex) first++;
  // "In December Diab stood … and said", "On Friday the minister went … and said": a fronted time is no part of it either.
  if (start < 0 && /^(in|on|at|by|during|after|before|since|until|last|early|late)$/i.test(tokens[first]?.text ?? "")) {
    let past = first + 1;
    while (past < andIndex && (WHEN_WORDS.has(tokens[past]!.lower) || /^\d{1,4}(?:st|nd|rd|th)?$/.test(tokens[past]!.text))) past++;
    if (past > first + 1 && past < andIndex) first = past;
  }
  // "Markey, a Massachusetts Democrat who chairs …, released … and said": the subject precedes the apposition.
  if (
    start >= 0 &&
    tokens[start]!.text === "," &&
    /^[a-z]/.test(tokens[first]?.text ?? "") &&
    !SUBJECT_PRONOUNS.has(tokens[first]!.lower) &&
    !phraseStartingAt(tokens, first)
  ) {
    const opening = appositionStart(tokens, start);
    const subject = opening === null ? null : phraseEndingAt(tokens, opening - 1);
    if (subject && opensMainClause(tokens, subject.first)) return makeMatch(sentence, tokens, cue, "coordinated", tokens[v]!.start, subject);
    return null;
  }
  const range = SUBJECT_PRONOUNS.has(tokens[first]?.lower ?? "") ? { first, last: first } : phraseStartingAt(tokens, first);
  if (!range || range.last >= andIndex - 1) return null;
  const verb = tokens[range.last + 1];
  if (!verb || !/^[a-z]/.test(verb.text)) return null;
  if (start >= 0 && !opensMainClause(tokens, range.first)) return null;
  return makeMatch(sentence, tokens, cue, "coordinated", tokens[v]!.start, range);
}
