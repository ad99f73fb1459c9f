// The paragraph a claim sits in, for the editor and the review queue.

export interface ParagraphView {
  before: string;
  quote: string;
  after: string;
  /** True when the paragraph was cut to keep the view short. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const MAX_CONTEXT = 600;

/** From the line break before `start` to the one after `end`, clipped on each side. */
export function paragraphAround(text: string, start: number, end: number): ParagraphView {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const nextBreak = text.indexOf("\n", end);
  const lineEnd = nextBreak === -1 ? text.length : nextBreak;
  const from = Math.max(lineStart, start - MAX_CONTEXT);
  const to = Math.min(lineEnd, end + MAX_CONTEXT);
  return {
    before: text.slice(from, start),
    quote: text.slice(start, end),
    after: text.slice(end, to),
    clippedStart: from > lineStart,
    clippedEnd: to < lineEnd,
  };
}
