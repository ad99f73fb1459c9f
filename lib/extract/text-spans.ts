// Paragraph and line geometry of normalized text, plus small character-class helpers.

export interface TextSpan {
  start: number;
  end: number;
}

export interface Paragraph extends TextSpan {
  index: number;
  lines: TextSpan[];
}

/** Paragraphs are blank-line separated (normalizeDocument guarantees exactly "\n\n" between them). */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\n\s*\n/g;
  let cursor = 0;
  const pushParagraph = (start: number, end: number): void => {
    const span = trimSpan(text, start, end);
    if (span.end <= span.start) return;
    paragraphs.push({ ...span, index: paragraphs.length, lines: splitLines(text, span) });
  };
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    pushParagraph(cursor, match.index);
    cursor = match.index + match[0].length;
  }
  pushParagraph(cursor, text.length);
  return paragraphs;
}

function splitLines(text: string, paragraph: TextSpan): TextSpan[] {
  const lines: TextSpan[] = [];
  let cursor = paragraph.start;
  while (cursor <= paragraph.end) {
    const newline = text.indexOf("\n", cursor);
    const lineEnd = newline === -1 || newline > paragraph.end ? paragraph.end : newline;
    const span = trimSpan(text, cursor, lineEnd);
    if (span.end > span.start) lines.push(span);
    cursor = lineEnd + 1;
  }
  return lines;
}

/** Every line of the text, blank ones too, with its offsets and its trimmed text. */
export interface TextLine extends TextSpan {
  text: string;
}

export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const raw of text.split("\n")) {
    lines.push({ start, end: start + raw.length, text: raw.trim() });
    start += raw.length + 1;
  }
  return lines;
}

export function trimSpan(text: string, start: number, end: number): TextSpan {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? "")) s++;
  while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
  return { start: s, end: e };
}

const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;
const ANY_LETTER = /\p{L}/gu;

/** True when most letters are Latin; Urdu/Arabic lines are handed around untouched rather than tokenized. */
export function isMostlyLatin(value: string): boolean {
  const letters = value.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return false;
  const latin = value.match(LATIN_LETTER)?.length ?? 0;
  return latin / letters >= 0.6;
}

/** Ends like a finished sentence: terminal mark, optionally followed by closing quotes/brackets. */
export function hasTerminalPunctuation(value: string): boolean {
  return /[.!?…]["”’'»)\]]*$/.test(value.trimEnd());
}

export function wordCount(value: string): number {
  return value.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
