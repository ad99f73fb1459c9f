// wink-nlp cuts sentences line by line; a repair pass fixes what a statistical splitter cannot know
// about quotations and page layout. Non-Latin lines bypass wink so they can never shift offsets.

import winkNLP from "wink-nlp";
import type { WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { TITLE_ABBREVIATIONS } from "./lexicon";
import { hasTerminalPunctuation, isMostlyLatin, splitParagraphs, trimSpan, wordCount, type Paragraph, type TextSpan } from "./text-spans";

export interface Sentence extends TextSpan {
  /** One clause of a sentence that holds two statements: it ends without a full stop. */
  clause?: boolean;
  paragraph: number;
  /** Urdu captions, bare dates and times: kept whole, never sent to wink. */
  nonLatin: boolean;
}

export type RepairRule =
  "abbreviation" | "continuation" | "ordinal-date" | "list-number" | "number" | "quotation" | "parenthesis" | "hard-wrap" | "dangling-fragment";

export interface SegmentationStats {
  winkSentences: number;
  finalSentences: number;
  merges: Record<RepairRule, number>;
  /** Boundaries wink missed after an ordinary word ("… if they didn't go in. Rana told …"). */
  splits: number;
}

let winkInstance: WinkMethods | null = null;

function wink(): WinkMethods {
  winkInstance ??= winkNLP(model, ["sbd"]);
  return winkInstance;
}

function endsWithAbbreviation(value: string, next: string): boolean {
  const last = /(?:^|[\s(“"'‘-])([A-Za-z]{1,5})\.$/.exec(value);
  if (last?.[1]) {
    const word = last[1].toLowerCase();
    if (word === "no" || word === "nos") return /^\d/.test(next);
    if (TITLE_ABBREVIATIONS.has(word) || ["no", "nos", "vol", "art", "v", "vs"].includes(word)) return true;
    // A single capital is an initial ("S. A. Baqri") when a name continues after it.
    if (/^[A-Z]$/.test(last[1])) return /^[A-Z][a-z]/.test(next) || /^[A-Z]\./.test(next);
  }
  return false;
}

// "on 19th. June 1992" — British-style ordinals with a stray period look like sentence ends to wink.
const ORDINAL_END = /\b\d{1,2}(st|nd|rd|th)\.$/;
const MONTH_START = /^(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
// Cable paragraphs are numbered "3. (C) At age 36, …"; the bare number is not a sentence.
const LIST_NUMBER = /^\(?\d{1,3}[.)]$/;

function startsAsContinuation(next: string): boolean {
  return /^[a-z,;:”’)\]»]/.test(next);
}

type QuoteState = { open: boolean };

// A second opening mark inside an open quotation is the journalistic "new paragraph inside a quotation" and does not nest.
function advanceQuoteState(state: QuoteState, value: string): QuoteState {
  let open = state.open;
  for (const ch of value) {
    if (ch === "“" || ch === "«") open = true;
    else if (ch === "”" || ch === "»") open = false;
    else if (ch === '"') open = !open;
  }
  return { open };
}

function parenthesisDepth(value: string): number {
  let depth = 0;
  for (const ch of value) {
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
  }
  return depth;
}

const LOWERCASE_ABBREVIATIONS = new Set([
  "etc",
  "approx",
  "vs",
  "cf",
  "al",
  "inc",
  "ltd",
  "co",
  "corp",
  "no",
  "nos",
  "vol",
  "pp",
  "fig",
  "ca",
  "ed",
  "eds",
  "est",
  "dept",
  "govt",
  "univ",
  "misc",
  "viz",
]);
const MISSED_BREAK = /\b([a-z]{2,})\.\s+(?=["“]?[A-Z][a-z])/g;

// wink reads "in." as "inches" and misses the break.
function splitMissedBreaks(text: string, span: TextSpan): TextSpan[] {
  const value = text.slice(span.start, span.end);
  const out: TextSpan[] = [];
  let start = 0;
  for (const match of value.matchAll(MISSED_BREAK)) {
    const word = match[1]!;
    if (LOWERCASE_ABBREVIATIONS.has(word) || TITLE_ABBREVIATIONS.has(word)) continue;
    const end = (match.index ?? 0) + word.length + 1;
    out.push({ start: span.start + start, end: span.start + end });
    start = end + (match[0].length - word.length - 1);
  }
  if (out.length === 0) return [span];
  out.push({ start: span.start + start, end: span.end });
  return out;
}

const MAX_QUOTATION_SENTENCES = 12;
const MAX_PARENTHESIS_SENTENCES = 4;

function winkSpans(text: string, line: TextSpan): TextSpan[] {
  const lineText = text.slice(line.start, line.end);
  const spans: TextSpan[] = [];
  let cursor = 0;
  for (const sentence of wink().readDoc(lineText).sentences().out()) {
    const trimmed = sentence.trim();
    if (!trimmed) continue;
    const at = lineText.indexOf(trimmed, cursor);
    // Should wink ever not reproduce its input, keep the rest as one unit rather than wrong offsets.
    if (at === -1) break;
    spans.push({ start: line.start + at, end: line.start + at + trimmed.length });
    cursor = at + trimmed.length;
  }
  const rest = trimSpan(text, line.start + cursor, line.end);
  if (rest.end > rest.start) spans.push(rest);
  return spans;
}

class Merger {
  readonly merges: Record<RepairRule, number> = {
    abbreviation: 0,
    continuation: 0,
    "ordinal-date": 0,
    "list-number": 0,
    number: 0,
    quotation: 0,
    parenthesis: 0,
    "hard-wrap": 0,
    "dangling-fragment": 0,
  };
  constructor(private readonly text: string) {}

  slice(span: TextSpan): string {
    return this.text.slice(span.start, span.end);
  }

  joinFalseBreaks(spans: TextSpan[]): TextSpan[] {
    const out: TextSpan[] = [];
    for (const span of spans) {
      const previous = out[out.length - 1];
      const rule = previous ? this.falseBreakRule(previous, span) : null;
      if (previous && rule) {
        previous.end = span.end;
        this.merges[rule]++;
      } else {
        out.push({ ...span });
      }
    }
    return out;
  }

  private falseBreakRule(previous: TextSpan, span: TextSpan): RepairRule | null {
    const before = this.slice(previous);
    const next = this.slice(span);
    if (endsWithAbbreviation(before, next)) return "abbreviation";
    if (startsAsContinuation(next)) return "continuation";
    if (ORDINAL_END.test(before) && MONTH_START.test(next)) return "ordinal-date";
    if (LIST_NUMBER.test(before)) return "list-number";
    // "until 3.08am", "at 10.30pm": a point between digits with no space after it is inside one number or time.
    if (/\d\.$/.test(before) && /^\d/.test(next) && previous.end === span.start) return "number";
    return null;
  }

  joinOpenQuotations(spans: TextSpan[]): TextSpan[] {
    const out: TextSpan[] = [];
    let state: QuoteState = { open: false };
    for (let i = 0; i < spans.length; i++) {
      const span = { ...spans[i]! };
      const startState = state;
      state = advanceQuoteState(state, this.slice(span));
      if (state.open && !startState.open) {
        const closeAt = this.findQuotationClose(spans, i, state);
        if (closeAt > i) {
          span.end = spans[closeAt]!.end;
          this.merges.quotation += closeAt - i;
          state = advanceQuoteState({ open: false }, this.slice(span));
          i = closeAt;
        }
      } else if (parenthesisDepth(this.slice(span)) > 0) {
        const closeAt = this.findParenthesisClose(spans, i);
        if (closeAt > i) {
          span.end = spans[closeAt]!.end;
          this.merges.parenthesis += closeAt - i;
          state = advanceQuoteState(startState, this.slice(span));
          i = closeAt;
        }
      }
      out.push(span);
    }
    return out;
  }

  private findQuotationClose(spans: TextSpan[], from: number, openState: QuoteState): number {
    let state = openState;
    for (let j = from + 1; j < spans.length && j - from <= MAX_QUOTATION_SENTENCES; j++) {
      state = advanceQuoteState(state, this.slice(spans[j]!));
      if (!state.open) return j;
    }
    return from;
  }

  private findParenthesisClose(spans: TextSpan[], from: number): number {
    let depth = parenthesisDepth(this.slice(spans[from]!));
    for (let j = from + 1; j < spans.length && j - from <= MAX_PARENTHESIS_SENTENCES; j++) {
      depth += parenthesisDepth(this.slice(spans[j]!)) - countClosingExcess(this.slice(spans[j]!));
      if (depth <= 0) return j;
    }
    return from;
  }
}

function countClosingExcess(value: string): number {
  let depth = 0;
  let excess = 0;
  for (const ch of value) {
    if (ch === "(") depth++;
    else if (ch === ")") {
      if (depth > 0) depth--;
      else excess++;
    }
  }
  return excess;
}

interface LineSentences {
  spans: TextSpan[];
  nonLatin: boolean;
}

function segmentLine(merger: Merger, text: string, line: TextSpan, stats: SegmentationStats): LineSentences {
  const lineText = text.slice(line.start, line.end);
  if (!isMostlyLatin(lineText)) return { spans: [{ ...line }], nonLatin: true };
  const wink = winkSpans(text, line);
  stats.winkSentences += wink.length;
  const raw = wink.flatMap((span) => splitMissedBreaks(text, span));
  stats.splits += raw.length - wink.length;
  return { spans: merger.joinOpenQuotations(merger.joinFalseBreaks(raw)), nonLatin: false };
}

// Hard-wrapped text (cables, e-mails) continues a sentence on the next line in lowercase.
function joinHardWraps(merger: Merger, lines: LineSentences[]): LineSentences[] {
  const out: LineSentences[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    const last = previous?.spans[previous.spans.length - 1];
    const first = line.spans[0];
    if (
      previous &&
      last &&
      first &&
      !previous.nonLatin &&
      !line.nonLatin &&
      !hasTerminalPunctuation(merger.slice(last)) &&
      /^[a-z]/.test(merger.slice(first)) &&
      !/^(https?:|www\.)/i.test(merger.slice(first))
    ) {
      last.end = first.end;
      previous.spans.push(...line.spans.slice(1));
      merger.merges["hard-wrap"]++;
      continue;
    }
    out.push({ spans: line.spans.map((s) => ({ ...s })), nonLatin: line.nonLatin });
  }
  return out;
}

// "…the Canadian Security Intelligence" / "Service.": a layout accident, not two paragraphs.
function isDanglingFragmentPair(merger: Merger, previous: Sentence | undefined, next: Sentence): boolean {
  if (!previous || previous.nonLatin || next.nonLatin) return false;
  const before = merger.slice(previous);
  const after = merger.slice(next);
  return (
    !hasTerminalPunctuation(before) &&
    !/[:;,]$/.test(before) &&
    wordCount(before) >= 8 &&
    wordCount(after) <= 3 &&
    hasTerminalPunctuation(after) &&
    /^[A-Z]/.test(after)
  );
}

function segmentParagraph(merger: Merger, text: string, paragraph: Paragraph, stats: SegmentationStats): Sentence[] {
  const lines = joinHardWraps(
    merger,
    paragraph.lines.map((line) => segmentLine(merger, text, line, stats)),
  );
  return lines.flatMap((line) => line.spans.map((span) => ({ ...span, paragraph: paragraph.index, nonLatin: line.nonLatin })));
}

export function segmentSentencesWithStats(text: string): { sentences: Sentence[]; stats: SegmentationStats } {
  const merger = new Merger(text);
  const stats: SegmentationStats = { winkSentences: 0, finalSentences: 0, merges: merger.merges, splits: 0 };
  const sentences: Sentence[] = [];
  for (const paragraph of splitParagraphs(text)) {
    const own = segmentParagraph(merger, text, paragraph, stats);
    const first = own[0];
    const previous = sentences[sentences.length - 1];
    if (first && previous && isDanglingFragmentPair(merger, previous, first)) {
      previous.end = first.end;
      merger.merges["dangling-fragment"]++;
      sentences.push(...own.slice(1));
      continue;
    }
    sentences.push(...own);
  }
  stats.finalSentences = sentences.length;
  return { sentences, stats };
}

export function segmentSentences(text: string): Sentence[] {
  return segmentSentencesWithStats(text).sentences;
}
