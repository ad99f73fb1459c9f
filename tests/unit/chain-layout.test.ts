// The chain graph's layout: one node per hop in chain order, left to right, arrows between neighbours,
// the weakest graded hop marked, long labels cut, and a sentence that says what the graph shows.
import { describe, expect, test } from "vitest";
import { layoutChain, LABEL_CHARACTERS } from "@/lib/propositions/chain-layout";
import { traceOrigins, type OriginMember } from "@/lib/propositions/origins";
import { publishedDateStart } from "@/lib/text/published-date";

const member = (overrides: Partial<OriginMember>): OriginMember => ({
  claimId: 1,
  quote: "The unrest was planned.",
  sourceId: 10,
  sourceTitle: "Karachi Herald",
  sourceReliability: "B",
  publishedDate: "2004-06-11",
  speaker: null,
  citedVia: null,
  copiedFrom: null,
  ...overrides,
});

describe("chain layout", () => {
  test("source → speaker → cited document, left to right, the weakest hop marked and described", () => {
    const [origin] = traceOrigins([
      member({
        speaker: { id: 3, name: "The provincial police chief of Sindh and his deputies", reliability: "D" },
        citedVia: "REFERENCE: Karachi unrest cable",
      }),
    ]).members;
    const layout = layoutChain(origin!);
    expect(layout.nodes.map((node) => [node.hop.kind, node.hop.reliability])).toEqual([
      ["source", "B"],
      ["speaker", "D"],
      ["via", "F"],
    ]);
    const xs = layout.nodes.map((node) => node.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(layout.nodes.map((node) => node.y)).size).toBe(1);
    for (const node of layout.nodes) expect(node.x + node.width).toBeLessThanOrEqual(layout.width + 1);
    expect(layout.edges.map((edge) => [edge.from, edge.to])).toEqual([
      ["hop-0", "hop-1"],
      ["hop-1", "hop-2"],
    ]);
    expect(layout.edges.every((edge) => edge.points.length >= 2)).toBe(true);
    // The speaker (D) is worse than the source (B); F hops are not graded.
    expect(layout.nodes.map((node) => node.weakest)).toEqual([false, true, false]);
    expect(layout.nodes[1]!.text.length).toBe(LABEL_CHARACTERS);
    expect(layout.nodes[1]!.text.endsWith("…")).toBe(true);
    expect(layout.summary).toBe(
      "Provenance chain: source Karachi Herald (B) → speaker The provincial police chief of Sindh and his deputies (D) → cited via REFERENCE: Karachi unrest cable (F); origin: REFERENCE: Karachi unrest cable; weakest hop: speaker The provincial police chief of Sindh and his deputies, graded D.",
    );
  });

  test("a chain with no graded hop marks none and says so", () => {
    const [origin] = traceOrigins([member({ sourceReliability: "F" })]).members;
    const layout = layoutChain(origin!);
    expect(layout.nodes).toHaveLength(1);
    expect(layout.nodes[0]!.weakest).toBe(false);
    expect(layout.edges).toEqual([]);
    expect(layout.summary).toMatch(/no hop is graded yet\.$/);
  });
});

describe("publication dates in order", () => {
  test.each([
    ["2004-06-11", Date.UTC(2004, 5, 11)],
    ["June 2004", Date.UTC(2004, 5, 1)],
    ["11 June 2004", Date.UTC(2004, 5, 11)],
    ["April 15, 2011", Date.UTC(2011, 3, 15)],
    ["2004", Date.UTC(2004, 0, 1)],
  ])("%s", (text, expected) => {
    expect(publishedDateStart(text)).toBe(expected);
  });

  test.each([null, "", "03/04/2011", "sometime last year"])("%s has no place", (text) => {
    expect(publishedDateStart(text)).toBeUndefined();
  });
});
