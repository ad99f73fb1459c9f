// The text either side of a quote, stored with every claim so that it can be found again when
// its source changes (W3C Web Annotation's TextQuoteSelector prefix and suffix).

/** Characters of context kept before and after a quote. */
export const CONTEXT_CHARS = 32;

export function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}
