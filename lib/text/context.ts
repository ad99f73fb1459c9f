// The text either side of a quote (W3C TextQuoteSelector prefix and suffix), so it can be found again when its source changes.

export const CONTEXT_CHARS = 32;

export function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}
