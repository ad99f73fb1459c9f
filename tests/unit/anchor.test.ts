import { describe, expect, test } from "vitest";
import { reanchor } from "@/lib/claims/anchor";
import { contextAround } from "@/lib/text/context";

const original =
  "The four-page memorandum, released under the Access to Information Act, says the MQM is a Pakistani political party. " +
  "Mr. Baqri denied the party was violent. Mr. Baqri denied the party was violent.";
const quote = "Mr. Baqri denied the party was violent.";

function anchorAt(text: string, start: number) {
  return { quote, start, end: start + quote.length, ...contextAround(text, start, start + quote.length) };
}

describe("reanchor", () => {
  test("a claim whose text did not move stays anchored", () => {
    const start = original.indexOf(quote);
    expect(reanchor(original, anchorAt(original, start))).toMatchObject({ status: "anchored", start });
  });

  test("text inserted before the claim moves it, keeping the exact quote", () => {
    const start = original.indexOf(quote);
    const changed = `Editor's preface. ${original}`;
    const result = reanchor(changed, anchorAt(original, start));
    expect(result.status).toBe("reanchored");
    if (result.status === "orphaned") throw new Error("unreachable");
    expect(changed.slice(result.start, result.end)).toBe(quote);
    expect(result.start).toBe(start + "Editor's preface. ".length);
  });

  test("of two identical quotes, the one whose context matches wins", () => {
    const second = original.lastIndexOf(quote);
    const changed = `Preface. ${original}`;
    const result = reanchor(changed, anchorAt(original, second));
    if (result.status === "orphaned") throw new Error("expected an anchor");
    expect(result.start).toBe(changed.lastIndexOf(quote));
  });

  test("a quote that is gone is orphaned", () => {
    const start = original.indexOf(quote);
    expect(reanchor(original.replaceAll(quote, ""), anchorAt(original, start))).toEqual({ status: "orphaned" });
  });
});
