// Moving a claim's start or end by a word (lib/claims/boundary.ts), on sentences from the seed documents.
import { describe, expect, test } from "vitest";
import { moveBoundary, type BoundaryEdge, type BoundaryStep } from "@/lib/claims/boundary";

const TEXT = "The MQM said the strike was peaceful. We were the victims of the riots of 1986-87, he said.\n\nThe police denied it.";

function span(quote: string) {
  const start = TEXT.indexOf(quote);
  return { start, end: start + quote.length };
}

describe("moveBoundary", () => {
  test.each<[string, BoundaryEdge, BoundaryStep, string]>([
    ["the strike was peaceful", "start", "extend", "said the strike was peaceful"],
    ["the strike was peaceful", "start", "shrink", "strike was peaceful"],
    ["the strike was", "end", "extend", "the strike was peaceful."],
    ["the strike was peaceful", "end", "shrink", "the strike was"],
    // A word carries its punctuation; a space before the next sentence is crossed.
    ["We were the victims", "start", "extend", "peaceful. We were the victims"],
    ["victims of the riots", "end", "extend", "victims of the riots of"],
    ["of the riots of 1986-87,", "end", "shrink", "of the riots of"],
    // A start inside a word extends to the word's beginning.
    ["trike was", "start", "extend", "strike was"],
  ])("%s: %s %s → %s", (quote, edge, step, expected) => {
    const moved = moveBoundary(TEXT, span(quote), edge, step);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(TEXT.slice(moved.start, moved.end)).toBe(expected);
  });

  test.each<[string, BoundaryEdge, BoundaryStep, string]>([
    ["The MQM said", "start", "extend", "The claim already starts at the beginning of the source."],
    ["denied it.", "end", "extend", "The claim already ends at the end of the source."],
    ["he said.", "end", "extend", "The claim already ends at the end of its paragraph."],
    ["The police", "start", "extend", "The claim already starts at the beginning of its paragraph."],
    ["peaceful.", "start", "shrink", "A claim keeps at least one word."],
    ["peaceful.", "end", "shrink", "A claim keeps at least one word."],
  ])("%s: %s %s is refused", (quote, edge, step, reason) => {
    expect(moveBoundary(TEXT, span(quote), edge, step)).toEqual({ ok: false, reason });
  });
});
