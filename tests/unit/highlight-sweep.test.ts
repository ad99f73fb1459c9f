// textRuns is a sweep over cut points (for sources with thousands of claims); it must give
// exactly what the definition gives: each run lists every claim covering all of it.
import { expect, test } from "vitest";
import { readerRuns, textRuns, type HighlightClaim } from "@/lib/sources/highlight";

function byDefinition(text: string, claims: HighlightClaim[]) {
  const valid = claims.filter((claim) => claim.startOffset >= 0 && claim.endOffset <= text.length && claim.startOffset < claim.endOffset);
  const points = [...new Set([0, text.length, ...valid.flatMap((claim) => [claim.startOffset, claim.endOffset])])].sort((a, b) => a - b);
  return points.slice(0, -1).map((start, index) => {
    const end = points[index + 1]!;
    return {
      start,
      end,
      text: text.slice(start, end),
      claimIds: valid.filter((claim) => claim.startOffset <= start && claim.endOffset >= end).map((claim) => claim.id),
    };
  });
}

function randomClaims(seed: number, count: number, length: number): HighlightClaim[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, (_, index) => {
    const start = Math.floor(next() * (length + 5)) - 2;
    return { id: 100 + index, startOffset: start, endOffset: start + Math.floor(next() * 40) - 3 };
  });
}

test.each([1, 2, 3, 4, 5])("overlapping, nested, touching and invalid claims give the same runs as the definition (seed %i)", (seed) => {
  const text = "The spokesman said the party had never ordered the strike, and the police denied it. ".repeat(4);
  const claims = randomClaims(seed, 60, text.length);
  expect(textRuns(text, claims)).toEqual(byDefinition(text, claims));
});

test("a source with 3,000 claims gets one run per claim and one between each pair", () => {
  const claims = Array.from({ length: 3000 }, (_, index) => ({ id: index + 1, startOffset: index * 200 + 10, endOffset: index * 200 + 170 }));
  const text = "x".repeat(3000 * 200 + 50);
  const runs = readerRuns(text, claims);
  expect(runs).toHaveLength(6001);
  expect(runs.filter((run) => run.startsClaim).map((run) => run.claimId)).toEqual(claims.map((claim) => claim.id));
  expect(runs.map((run) => run.text).join("")).toBe(text);
});
