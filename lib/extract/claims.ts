// Conservative about layout, generous about content: any finished sentence of five or more words (or a shorter one
// that states a figure or denies outright) stays, because deciding what is worth checking is the editor's job, not the parser's.

import type { ExtractedClaim } from "./types";
import { attributeClaims, type ClaimSpan } from "./attribution";
import { LEADING_LABELS, REFERENCE_LINE } from "./references";
import { segmentSentences, type Sentence } from "./sentences";
import { splitCompoundSentences } from "./clauses";
import { contextAround } from "@/lib/text/context";
import { hasVerb } from "@/lib/text/nlp";
import { hasTerminalPunctuation, splitParagraphs, wordCount, type Paragraph, type TextSpan } from "./text-spans";

export type SkipReason =
  | "non-latin"
  | "link-list"
  | "repeated-paragraph"
  | "repeated-sentence"
  | "citation"
  | "url"
  | "heading"
  | "unfinished"
  | "question"
  | "too-short"
  | "date"
  | "publication-note"
  | "navigation";

export interface SentenceVerdict {
  sentenceIndex: number;
  text: string;
  /** The claim span (labels trimmed) when kept. */
  span: TextSpan | null;
  skipped: SkipReason | null;
}

const MIN_WORDS = 5;
// Skipped sentences that are page furniture rather than prose; they take no part in attribution.
const LAYOUT_REASONS: ReadonlySet<SkipReason> = new Set(["non-latin", "link-list", "citation", "url", "heading", "date", "publication-note", "navigation"]);
const MINOR_WORDS = new Set(["of", "the", "and", "in", "on", "for", "to", "a", "an", "with", "by", "at", "&", "under", "vs", "v", "or", "from", "as"]);

function isTitleCase(value: string): boolean {
  const words = value
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w.length > 1);
  const content = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  if (content.length === 0 || words.length > 14) return false;
  const capitalized = content.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return capitalized / content.length >= 0.75;
}

function isLinkish(line: string): boolean {
  return (!hasTerminalPunctuation(line) && wordCount(line) <= 16) || /https?:\/\//.test(line);
}

/** Lines of link lists and menus; prose lines inside such a paragraph (a glued forum post) are not. */
function linkListLines(text: string, paragraph: Paragraph): TextSpan[] {
  if (paragraph.lines.length < 3) return [];
  const linkish = paragraph.lines.filter((line) => isLinkish(text.slice(line.start, line.end)));
  return linkish.length / paragraph.lines.length >= 2 / 3 ? linkish : [];
}

function comparisonTokens(value: string): string[] {
  return (
    value
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[\u2010-\u2015-]/g, " ")
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter(Boolean)
      // British and American spellings of the same word ("radicalised"/"radicalized") count as one.
      .map((w) => w.replace(/is(e|ed|es|ing|ation|ations)$/, "iz$1"))
  );
}

function diceSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let shared = 0;
  for (const token of b) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(token, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

const REPEAT_SIMILARITY = 0.8;
const REPEAT_MIN_WORDS = 15;

// Words too common to say which paragraphs may repeat one another.
const COMMON_WORDS = new Set([
  "said",
  "that",
  "with",
  "from",
  "have",
  "were",
  "this",
  "they",
  "their",
  "which",
  "would",
  "been",
  "about",
  "there",
  "also",
  "after",
  "when",
  "more",
  "than",
  "into",
  "other",
  "some",
  "what",
  "will",
  "could",
  "them",
]);

/** FNV-1a, for choosing the same sample of words in every paragraph. */
function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The words a paragraph is looked up by: a fixed quarter of its longer words (the same words in every
 * paragraph, by hash), so two paragraphs sharing 80 % of their words share some of these. With too few,
 * all its longer words.
 */
function lookupWords(tokens: string[]): string[] {
  const distinct = [...new Set(tokens.filter((token) => token.length >= 4 && !COMMON_WORDS.has(token)))];
  const sampled = distinct.filter((token) => wordHash(token) % 4 === 0);
  return sampled.length >= 3 ? sampled : distinct;
}

/** The figures a paragraph gives, "1985-86" read as 1985 and 1986. */
function figuresOf(tokens: string[]): Set<string> {
  const figures = new Set<string>();
  tokens.forEach((token, index) => {
    if (!/^\d+$/.test(token)) return;
    const previous = tokens[index - 1] ?? "";
    figures.add(token.length === 2 && /^\d{4}$/.test(previous) ? `${previous.slice(0, 2)}${token}` : token);
  });
  return figures;
}

/** A copy may drop or add a heading's dates, but does not change a figure: one's figures are all the other's. */
function sameFigures(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  return [...small].every((figure) => large.has(figure));
}

/** A word in more earlier paragraphs than this tells too little to be worth walking its list. */
const CROWDED_WORD = 500;

/**
 * Paragraphs that restate an earlier one almost word for word (copy-paste with small edits). Each is
 * compared only with the earlier paragraphs that share one of its lookup words and could reach the
 * similarity at their lengths, so the work grows with the document, not with its square.
 */
export function repeatedParagraphs(text: string, paragraphs: Paragraph[]): Set<number> {
  const repeated = new Set<number>();
  const seen: string[][] = [];
  const byWord = new Map<string, number[]>();
  for (const paragraph of paragraphs) {
    const tokens = comparisonTokens(text.slice(paragraph.start, paragraph.end));
    if (tokens.length < REPEAT_MIN_WORDS) continue;
    const words = lookupWords(tokens);
    const lists = words.map((word) => byWord.get(word) ?? []);
    const usable = lists.filter((list) => list.length <= CROWDED_WORD);
    const candidates = new Set<number>();
    for (const list of usable.length > 0 ? usable : lists) for (const index of list) candidates.add(index);
    // Dice ≥ 0.8 needs the shorter paragraph to hold at least two thirds of the longer one's words.
    // "… need 1 more month …" and "… need 2 more months …" say different things: a copy keeps its figures.
    const figures = figuresOf(tokens);
    const isRepeat = [...candidates].some((index) => {
      const earlier = seen[index]!;
      const ratio = Math.min(earlier.length, tokens.length) / Math.max(earlier.length, tokens.length);
      return (
        ratio >= REPEAT_SIMILARITY / (2 - REPEAT_SIMILARITY) && sameFigures(figuresOf(earlier), figures) && diceSimilarity(earlier, tokens) >= REPEAT_SIMILARITY
      );
    });
    if (isRepeat) {
      repeated.add(paragraph.index);
      continue;
    }
    for (const word of words) {
      const list = byWord.get(word);
      if (list) list.push(seen.length);
      else byWord.set(word, [seen.length]);
    }
    seen.push(tokens);
  }
  return repeated;
}

function stripLabels(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  for (let changed = true; changed;) {
    changed = false;
    const value = text.slice(start, end);
    if (value.startsWith("(") && /\)$/.test(value) && balancedOuterParentheses(value)) {
      start++;
      end--;
      changed = true;
      continue;
    }
    for (const label of LEADING_LABELS) {
      const match = label.exec(value);
      if (match && match[0].length < value.length) {
        start += match[0].length;
        changed = true;
        break;
      }
    }
  }
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

function balancedOuterParentheses(value: string): boolean {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === "(") depth++;
    else if (value[i] === ")") depth--;
    if (depth === 0 && i < value.length - 1) return false;
  }
  return depth === 0;
}

function isDateOnly(value: string): boolean {
  const stripped = value
    .replace(
      /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|gmt|pst|bst|utc|a\.h|date|updated|at)\b\.?/gi,
      "",
    )
    .replace(/[\d\s,./:()-]/g, "");
  return stripped.length === 0;
}

function normalizedForRepeat(value: string): string {
  return comparisonTokens(value).join(" ");
}

function skipReason(text: string, sentence: Sentence, paragraph: Paragraph, span: TextSpan): SkipReason | null {
  const whole = text.slice(sentence.start, sentence.end);
  const value = text.slice(span.start, span.end);
  if (sentence.nonLatin) return "non-latin";
  if (REFERENCE_LINE.test(whole)) return "citation";
  if (/https?:\/\/|www\.\w/.test(value)) return "url";
  if (isDateOnly(value)) return "date";
  if (/^(Published|Posted|Updated|Last updated|Filed|Date|Classified By|E\.O\.)\b/i.test(value)) return "publication-note";
  // "This article was amended on 29 July 2021: …": the page's note on its own corrections.
  if (/^(?:this|the)\s+(?:article|story|report|piece|page|post)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated|changed)\b/i.test(value))
    return "publication-note";
  if (/\b(can be found here|click here|read more|continue reading)\b/i.test(value)) return "navigation";
  const isWholeLine = paragraph.lines.some((line) => line.start === sentence.start && line.end === sentence.end);
  if (isWholeLine && isTitleCase(value)) return "heading";
  if (/^[^a-z]*$/.test(value) && /[A-Z]{3}/.test(value)) return "heading";
  if (/\?["”’»)]*$/.test(value)) return "question";
  if (!hasTerminalPunctuation(value) && !sentence.clause) return isWholeLine ? "heading" : "unfinished";
  if (wordCount(value) < MIN_WORDS && !shortStatement(value)) return "too-short";
  return null;
}

/**
 * "Only 172 were rescued.", "Seventy-two people died.", "Nobody shook anything.": three or four words with a verb that
 * state a figure or deny outright are as checkable as a long sentence; "All rights reserved." and "Views are my own." are not.
 */
const FIGURE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)\b/i;
const NEGATIVE_OPENING = /^(?:nobody|no\s+one|nothing|none|neither)\b/i;
function shortStatement(value: string): boolean {
  if (wordCount(value) < 3 || /©|\(c\)/i.test(value) || !(FIGURE.test(value) || NEGATIVE_OPENING.test(value.trim()))) return false;
  return hasVerb(value);
}

export function explainClaimSelection(text: string, sentences: Sentence[] = claimUnits(text)): SentenceVerdict[] {
  const paragraphs = splitParagraphs(text);
  const linkLines = paragraphs.flatMap((p) => linkListLines(text, p));
  const inLinkList = (sentence: Sentence): boolean => linkLines.some((line) => sentence.start >= line.start && sentence.end <= line.end);
  const repeated = repeatedParagraphs(text, paragraphs);
  const seenSentences = new Set<string>();
  return sentences.map((sentence, sentenceIndex) => {
    const paragraph = paragraphs[sentence.paragraph]!;
    const sentenceText = text.slice(sentence.start, sentence.end);
    const verdict = (skipped: SkipReason): SentenceVerdict => ({ sentenceIndex, text: sentenceText, span: null, skipped });
    if (inLinkList(sentence)) return verdict("link-list");
    if (repeated.has(paragraph.index)) return verdict("repeated-paragraph");
    const span = stripLabels(text, sentence);
    const reason = skipReason(text, sentence, paragraph, span);
    if (reason) return verdict(reason);
    const key = normalizedForRepeat(text.slice(span.start, span.end));
    if (wordCount(key) >= 8 && seenSentences.has(key)) return verdict("repeated-sentence");
    seenSentences.add(key);
    return { sentenceIndex, text: sentenceText, span, skipped: null };
  });
}

function claimUnits(text: string): Sentence[] {
  return splitCompoundSentences(text, segmentSentences(text));
}

function toClaim(text: string, span: TextSpan, attribution: ReturnType<typeof attributeClaims>[number]): ExtractedClaim {
  return {
    quote: text.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    ...contextAround(text, span.start, span.end),
    ...attribution,
  };
}

/** Claims of normalizeDocument's `text`, in order; text.slice(start, end) === quote. */
export function extractClaims(text: string): ExtractedClaim[] {
  const sentences = claimUnits(text);
  const verdicts = explainClaimSelection(text, sentences);
  const spans: ClaimSpan[] = verdicts
    .filter((verdict) => verdict.span !== null)
    .map((verdict) => ({ sentenceIndex: verdict.sentenceIndex, start: verdict.span!.start, end: verdict.span!.end }));
  const isLayout = (index: number): boolean => LAYOUT_REASONS.has(verdicts[index]?.skipped ?? "too-short");
  const attributions = attributeClaims(text, sentences, spans, isLayout);
  return spans.map((span, i) => toClaim(text, span, attributions[i]!));
}
