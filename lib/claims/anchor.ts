// Re-anchoring a claim when its source text changes, as W3C Web Annotation's TextQuoteSelector does:
// where the quote occurs more than once, prefer the occurrence whose context matches.
import { contextAround } from "@/lib/text/context";

export interface Anchor {
  quote: string;
  start: number;
  end: number;
  prefix: string;
  suffix: string;
}

export type ReanchorResult = { status: "anchored" | "reanchored"; start: number; end: number; prefix: string; suffix: string } | { status: "orphaned" };

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function reanchor(text: string, anchor: Anchor): ReanchorResult {
  if (anchor.quote.length === 0) return { status: "orphaned" };
  if (text.slice(anchor.start, anchor.end) === anchor.quote) {
    const context = contextAround(text, anchor.start, anchor.end);
    if (context.prefix === anchor.prefix && context.suffix === anchor.suffix) {
      return { status: "anchored", start: anchor.start, end: anchor.end, ...context };
    }
  }
  let best: { start: number; score: number } | undefined;
  for (let at = text.indexOf(anchor.quote); at !== -1; at = text.indexOf(anchor.quote, at + 1)) {
    const context = contextAround(text, at, at + anchor.quote.length);
    // Matching context outweighs closeness to the old position; closeness breaks ties.
    const score =
      commonSuffixLength(context.prefix, anchor.prefix) + commonPrefixLength(context.suffix, anchor.suffix) - Math.abs(at - anchor.start) / (text.length + 1);
    if (!best || score > best.score) best = { start: at, score };
  }
  if (!best) return { status: "orphaned" };
  const end = best.start + anchor.quote.length;
  return { status: "reanchored", start: best.start, end, ...contextAround(text, best.start, end) };
}
