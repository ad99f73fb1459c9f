// The ingest plan: what becomes of each stored claim when its source's text changes, and whether
// each extracted claim is new. The import preview shows this plan and the write carries it out.
import { describe, expect, test } from "vitest";
import { planIngest, prepareDocument, type StoredAnchor } from "@/lib/ingest/plan";

const QUOTE = '"The depot will double the number of trams we can service," said Nadia Kerr, the transport director.';
const FIRST = `Tram depot plan approved\n\nUpdated Monday 09:40\n\n${QUOTE}`;

function storedFrom(text: string): StoredAnchor[] {
  return prepareDocument(text, "first.txt").extracted.map((claim, index) => ({
    id: index + 1,
    quote: claim.quote,
    startOffset: claim.start,
    endOffset: claim.end,
    prefix: claim.prefix,
    suffix: claim.suffix,
  }));
}

describe("ingest plan", () => {
  const first = prepareDocument(FIRST, "first.txt");
  const stored = { textSha256: first.textSha256, claims: storedFrom(FIRST), duplicate: false };

  test("the document's own claims are found in it", () => {
    expect(stored.claims.map((claim) => claim.quote)).toEqual([QUOTE]);
  });

  test.each([
    ["the same text: the claim stays", FIRST, "stays"],
    ["the words before the claim change, its place does not", FIRST.replace("Monday", "Friday"), "reanchored"],
    ["a paragraph added above: the claim moves", FIRST.replace("Updated", "Correction appended.\n\nUpdated"), "reanchored"],
    ["the claim's words are gone", FIRST.replace(QUOTE, "The director declined to comment."), "orphaned"],
  ] as const)("%s", (_label, text, outcome) => {
    const plan = planIngest(prepareDocument(text, "second.txt"), stored);
    expect(plan.anchoring.map((claim) => claim.outcome)).toEqual([outcome]);
    expect([plan.claimsStaying, plan.claimsReanchored, plan.claimsOrphaned]).toEqual([
      Number(outcome === "stays"),
      Number(outcome === "reanchored"),
      Number(outcome === "orphaned"),
    ]);
    const anchoring = plan.anchoring[0]!;
    if (anchoring.outcome === "reanchored") expect(plan.prepared.text.slice(anchoring.start, anchoring.end)).toBe(QUOTE);
  });

  test("a claim whose context changed but not its place keeps its offsets and takes the new context", () => {
    const plan = planIngest(prepareDocument(FIRST.replace("Monday", "Friday"), "second.txt"), stored);
    const [claim] = stored.claims;
    expect(plan.anchoring[0]).toMatchObject({ outcome: "reanchored", start: claim!.startOffset, end: claim!.endOffset });
    expect(plan.anchoring[0]).toHaveProperty("prefix", expect.stringContaining("Friday"));
  });

  test("an extracted claim at a stored claim's place (after re-anchoring) is that claim, not a new one", () => {
    const plan = planIngest(prepareDocument(FIRST.replace("Updated", "Correction appended.\n\nUpdated"), "second.txt"), stored);
    expect(plan.extracted).toEqual([{ outcome: "stored", claimId: 1 }]);
  });

  test("a new source: every claim is new", () => {
    const plan = planIngest(first, null);
    expect(plan).toMatchObject({ textChanged: false, anchoring: [], extracted: [{ outcome: "new" }] });
  });

  test("the same text already stored: nothing is new", () => {
    const plan = planIngest(first, { ...stored, duplicate: true });
    expect(plan.extracted.every((fate) => fate.outcome === "known")).toBe(true);
    expect(plan.claimsStaying).toBe(1);
  });
});
