// Who says each claim, how, via what, and whether the document stands behind it; read in order, as a reader resolves "he said".

import type { Attribution, ExtractedClaim, ExtractedSpeaker, SourceStance } from "./types";
import type { CueMatch } from "./cues";
import { DISTANCING, HEDGES, REBUTTALS } from "./lexicon";
import { buildNameResolver, genderHints, midSentenceCapitals } from "./name-evidence";
import { articleIndexes, leadingLabelLength, referenceScopes, SPEAKER_LABEL } from "./references";
import { copiedFromSentences, pastedStatementSentences, type PastedStatement } from "./pasted-statements";
import { readPhrase } from "./speaker-phrases";
import type { PersonNameResolver } from "./actors";
import { SentenceAttributor, type SentenceAttribution, type SentenceContext, type SentenceReading, type SourceType } from "./sentence-attribution";
import type { Sentence } from "./sentences";
import { tokenize } from "./tokens";

export type ClaimAttribution = Pick<ExtractedClaim, "speaker" | "cue" | "attribution" | "citedVia" | "sourceStance">;

/** The span of a sentence that is offered as a claim (labels such as "KARACHI:" already trimmed). */
export interface ClaimSpan {
  sentenceIndex: number;
  start: number;
  end: number;
}

// Statements and letters are an author's own words; a quote from one is still a direct quote.
const AUTHORED_DOCUMENTS = new Set(["statement", "letter", "letters", "article", "speech", "communique", "release"]);

/** Words in the longest quotation: scare quotes ("“suicidal”") do not make a sentence a direct quote. */
function longestQuotation(value: string): number {
  let open = false;
  let current = 0;
  let longest = 0;
  for (const token of tokenize(value)) {
    if (token.text === "“" || token.text === "«") {
      open = true;
      current = 0;
    } else if (token.text === "”" || token.text === "»") open = false;
    else if (token.text === '"') {
      open = !open;
      current = 0;
    } else if (open && token.isWord) longest = Math.max(longest, ++current);
  }
  return longest;
}

function opensWithQuotation(value: string): boolean {
  return /^["“«]/.test(value);
}

function hasFirstPersonOutsideQuotes(value: string): boolean {
  const unquoted = value.replace(/“[^”]*”|"[^"]*"/g, " ");
  return /\b(I|me|my|mine|myself)\b/.test(unquoted);
}

interface UnitDecision {
  speaker: ExtractedSpeaker | null;
  cue: string | null;
  source: SourceType | "none";
  pattern: CueMatch["pattern"] | null;
  documentNoun: string | null;
  citedVia: string | null;
  inherited: boolean;
}

function attributionKind(decision: UnitDecision, unitText: string, referenced: boolean): Attribution {
  const quoted = longestQuotation(unitText) >= 4 || (decision.inherited && opensWithQuotation(unitText));
  if (decision.source === "none") return referenced ? "reported" : "author_voice";
  if (decision.source === "document") {
    return quoted && decision.speaker && decision.documentNoun && AUTHORED_DOCUMENTS.has(decision.documentNoun) ? "direct_quote" : "reported";
  }
  if (decision.source === "anonymous" || decision.source === "agentless" || !decision.speaker) return "reported";
  if (decision.pattern === "according") return "reported";
  if (decision.speaker.kind === "media_outlet") return "reported";
  if (decision.inherited && !opensWithQuotation(unitText) && longestQuotation(unitText) === 0) return "direct_quote";
  return quoted ? "direct_quote" : "paraphrase";
}

function stanceOf(attribution: Attribution, unitText: string, rebutted: boolean): SourceStance {
  if (DISTANCING.test(unitText) || rebutted) return "disputes";
  if (attribution === "author_voice") return HEDGES.test(unitText) ? "reports" : "endorses";
  return "reports";
}

const EXPLICIT_REBUTTAL =
  /\b(disputes|denies|denied|rejects|rejected|refuted|refutes)\s+(that|this|these|it|the (claim|charge|allegation|report)s?)\b|^(that|this) is (simply )?(not true|false|untrue|incorrect)/i;

// "(Mr. Benoit said he does not recall making the comment.)" disputes what a document attributes to
// him; a speaker's own next sentence calling something else "inaccurate" does not.
function isRebuttal(next: string, nextSpeaker: ExtractedSpeaker | null, decision: UnitDecision): boolean {
  if (!REBUTTALS.test(next)) return false;
  // Only a rebuttal that opens the next sentence ("Mr. Baqri disputes that, …") answers this claim.
  const explicit = EXPLICIT_REBUTTAL.exec(next);
  if (next.startsWith("(") || (explicit && explicit.index <= 40)) return true;
  return decision.source === "document" && !!decision.speaker && nextSpeaker?.name === decision.speaker.name;
}

/** `sentences` must be the full segmentation: antecedents and REFERENCE lines live in the others. */
export function attributeClaims(
  text: string,
  sentences: Sentence[],
  spans: ClaimSpan[],
  // Headings, link lists and captions mention names and documents a reader does not treat as antecedents.
  isLayout: (sentenceIndex: number) => boolean = () => false,
): ClaimAttribution[] {
  const names = buildNameResolver(text, sentences, isLayout);
  const attributor = new SentenceAttributor(names, genderHints(text, names), midSentenceCapitals(text, sentences));
  const references = referenceScopes(text, sentences);
  const articles = articleIndexes(text, sentences);
  const readings: SentenceReading[] = sentences.map((sentence, index) => {
    // Leftover citation markers, a dateline or a glued byline are no part of who speaks.
    const markers = leadingLabelLength(text.slice(sentence.start, sentence.end));
    const context: SentenceContext = {
      sentence: text.slice(sentence.start + markers, sentence.end),
      offset: sentence.start + markers,
      position: { order: index, paragraph: sentence.paragraph, article: articles[index] ?? 0 },
    };
    if (sentence.nonLatin || isLayout(index)) return { attribution: null, subject: null };
    attributor.registerRoleMentions(context);
    return attributor.analyze(context);
  });
  const perSentence = readings.map((r) => r.attribution);
  const labelled = transcriptSpeakers(text, sentences, articles, names);
  const pasted = pastedStatementSentences(text, sentences);
  const copied = copiedFromSentences(text, sentences);

  const decisions: UnitDecision[] = [];
  return spans.map((span) => {
    const unitText = text.slice(span.start, span.end);
    const read = perSentence[span.sentenceIndex] ?? null;
    // A document's writer named anywhere in the article speaks for it.
    const writer = read?.document ? attributor.writers.get(read.document) : undefined;
    const own = read && writer ? { ...read, speaker: writer } : read;
    const label = labelled.get(span.sentenceIndex) ?? pastedDecision(pasted.get(span.sentenceIndex));
    const decision = own
      ? { ...own, inherited: false }
      : (label ?? inheritedDecision(unitText, span, sentences, articles, decisions, spans, readings) ?? noDecision());
    decisions.push(decision);
    const reference = references.get(span.sentenceIndex) ?? null;
    const attribution = attributionKind(decision, unitText, reference !== null);
    const cue = decision.cue ?? (decision.source === "none" && reference ? "REFERENCE" : null);
    // A copied article's own voice came through the source the paste names; a speaker inside it speaks for themself.
    const citedVia = combineCitations(decision.citedVia, reference) ?? (decision.source === "none" ? (copied.get(span.sentenceIndex) ?? null) : null);
    const rebutted = followingRebuttal(text, sentences, span.sentenceIndex, perSentence, decision);
    return {
      speaker: decision.speaker,
      cue,
      attribution,
      citedVia,
      sourceStance: stanceOf(attribution, unitText, rebutted),
    };
  });
}

/**
 * A transcript names who speaks each paragraph ("Wang Wenbin: …"); "A:" is the last named answerer of
 * the article, "Q:" the questioner, who is nobody in particular. Every sentence of such a paragraph
 * without a cue of its own is the labelled speaker's.
 */
function transcriptSpeakers(text: string, sentences: Sentence[], articles: number[], names: PersonNameResolver): Map<number, UnitDecision> {
  const bySentence = new Map<number, UnitDecision>();
  let current: UnitDecision | null = null;
  let answerer: UnitDecision | null = null;
  let article = -1;
  let paragraph = -1;
  sentences.forEach((sentence, index) => {
    if (articles[index] !== article) {
      article = articles[index] ?? 0;
      answerer = null;
    }
    if (sentence.paragraph !== paragraph) {
      paragraph = sentence.paragraph;
      current = null;
      const label = SPEAKER_LABEL.exec(text.slice(sentence.start, sentence.end))?.[1];
      if (label === "A") current = answerer;
      else if (label && label !== "Q") {
        const reading = readPhrase(label, "");
        if (reading?.type === "name" && reading.kind === "person") {
          const speaker = { name: names.resolve(reading.name, sentence.start), kind: "person" as const };
          current = { speaker, cue: `${label}:`, source: "named", pattern: null, documentNoun: null, citedVia: null, inherited: false };
          answerer = current;
        }
      }
    }
    if (current) bySentence.set(index, current);
  });
  return bySentence;
}

// Pasted words are their owner's own, quoted whole: a direct quote of the statement, with no cue in the sentence.
function pastedDecision(block: PastedStatement | undefined): UnitDecision | undefined {
  if (!block) return undefined;
  return { speaker: block.speaker, cue: null, source: "named", pattern: null, documentNoun: block.document, citedVia: block.document, inherited: true };
}

function noDecision(): UnitDecision {
  return { speaker: null, cue: null, source: "none", pattern: null, documentNoun: null, citedVia: null, inherited: false };
}

function combineCitations(own: string | null, reference: string | null): string | null {
  if (own && reference && own !== reference) return `${own} (via ${reference})`;
  return own ?? reference;
}

// A quotation continuing the previous speaker's words, or first-person speech whose quotation marks
// the page lost ("My address in Karachi has not changed …").
function inheritedDecision(
  unitText: string,
  span: ClaimSpan,
  sentences: Sentence[],
  articles: number[],
  decisions: UnitDecision[],
  spans: ClaimSpan[],
  readings: SentenceReading[],
): UnitDecision | null {
  const here = sentences[span.sentenceIndex]!;
  const quoteContinues = opensWithQuotation(unitText);
  const firstPerson = !quoteContinues && hasFirstPersonOutsideQuotes(unitText);
  if (!quoteContinues && !firstPerson) return null;
  for (let i = decisions.length - 1; i >= 0; i--) {
    const previous = decisions[i]!;
    const previousIndex = spans[i]!.sentenceIndex;
    if (articles[previousIndex] !== articles[span.sentenceIndex]) return null;
    if (here.paragraph - sentences[previousIndex]!.paragraph > (quoteContinues ? 1 : 2)) return null;
    if (previous.source === "none") {
      // "Hussain condemned the summoning … “Today, this gathering rejects …”": the quote is the subject's.
      const subject = readings[previousIndex]?.subject ?? null;
      if (quoteContinues && subject && previousIndex === span.sentenceIndex - 1) {
        return { speaker: subject, cue: null, source: "named", pattern: null, documentNoun: null, citedVia: null, inherited: true };
      }
      if (quoteContinues) return null;
      continue;
    }
    if (firstPerson && previous.speaker?.kind !== "person") continue;
    return { ...previous, cue: null, inherited: true };
  }
  return null;
}

function followingRebuttal(
  text: string,
  sentences: Sentence[],
  index: number,
  perSentence: Array<SentenceAttribution | null>,
  decision: UnitDecision,
): boolean {
  const next = sentences[index + 1];
  if (!next || next.paragraph - sentences[index]!.paragraph > 1) return false;
  return isRebuttal(text.slice(next.start, next.end), perSentence[index + 1]?.speaker ?? null, decision);
}
