// The reader's highlighted text is built as a string (thousands of claims made React
// elements too slow) from a compact layout the server sends; what it builds must be safe,
// the same elements, and the text exactly once.
import { parseHTML } from "linkedom";
import { expect, test } from "vitest";
import { escapeHtml, readerLabelAttributes, readerLayout, readerMarkup } from "@/lib/sources/highlight";

function render(markup: string) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="text">${markup}</div></body></html>`);
  return document.getElementById("text")!;
}

test("text and labels from the database cannot inject markup", () => {
  const text = `He wrote <script>alert("x")</script> & said 'no' <img src=x onerror=alert(1)>.`;
  const markup = readerMarkup(
    readerLayout(text, [
      { id: 7, startOffset: 9, endOffset: 38, status: "unreviewed", stance: "unclear", worth: 50, label: `"><script>alert(2)</script>`, speaker: null },
    ]),
  );
  const root = render(markup);
  expect(root.querySelectorAll("script, img")).toHaveLength(0);
  expect(root.textContent).toBe(text);
  expect(root.querySelector("mark")!.getAttribute("data-claim-id")).toBe("7");
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#x27;&lt;/a&gt;");
});

test("every run is one element carrying its offset; a claim is one tab stop with its stance at the end", () => {
  const text = "Altaf Hussain said the MQM was peaceful. Others disagreed.";
  const layout = readerLayout(text, [
    {
      id: 1,
      startOffset: 0,
      endOffset: 40,
      status: "approved",
      stance: "supports",
      worth: 50,
      label: "Altaf Hussain (direct quote)",
      speaker: "Altaf Hussain",
    },
    { id: 2, startOffset: 19, endOffset: 40, status: "unreviewed", stance: "opposes", worth: 50, label: "author's voice", speaker: null },
  ]);
  const root = render(readerMarkup(layout));
  const elements = [...root.children];
  expect(elements.map((element) => [element.tagName, element.getAttribute("data-start"), element.textContent])).toEqual([
    ["MARK", "0", "Altaf Hussain said "],
    ["MARK", "19", "the MQM was peaceful."],
    ["SPAN", "40", " Others disagreed."],
  ]);
  const [outer, inner] = elements;
  expect(outer!.getAttribute("data-claim-id")).toBe("1");
  expect(outer!.getAttribute("tabindex")).toBe("0");
  expect(readerLabelAttributes(1, "Altaf Hussain (direct quote)", true)).toEqual({
    title: "Altaf Hussain (direct quote)",
    description: "Claim #1: Altaf Hussain (direct quote)",
  });
  expect(readerLabelAttributes(1, "Altaf Hussain (direct quote)", false)).toEqual({ title: "Altaf Hussain (direct quote)", description: null });
  // The overlap shows the innermost claim, flags the overlap, and ends claim 2 with its stance.
  expect(inner!.getAttribute("data-claim-id")).toBe("2");
  expect(inner!.getAttribute("class")).toBe("claim status-unreviewed overlap");
  expect(inner!.getAttribute("data-stance")).toBe("opposes");
  expect(inner!.getAttribute("tabindex")).toBe("0");
  // Claim 1 is shown only on the first run, so its stance mark closes that run.
  expect(outer!.getAttribute("data-stance")).toBe("supports");
});

test("the layout carries the text once, and only the claims that are shown", () => {
  const text = "The police said the strike was ordered. The party denied it.";
  const layout = readerLayout(text, [
    { id: 1, startOffset: 0, endOffset: 39, status: "approved", stance: "opposes", worth: 50, label: "police", speaker: null },
    { id: 2, startOffset: 4, endOffset: 10, status: "unreviewed", stance: "unclear", worth: 50, label: "inner", speaker: null },
    // Covers the whole text: it shows only past claim 1, where nothing shorter covers the text.
    { id: 3, startOffset: 0, endOffset: 60, status: "unreviewed", stance: "supports", worth: 50, label: "whole text", speaker: null },
  ]);
  expect(layout.claims.map((claim) => claim.id)).toEqual([1, 2, 3]);
  const root = render(readerMarkup(layout));
  expect(root.textContent).toBe(text);
  expect(JSON.stringify(layout).split("strike was ordered")).toHaveLength(2);
  expect([...root.querySelectorAll("mark")].map((mark) => [mark.getAttribute("data-start"), mark.getAttribute("data-claim-id")])).toEqual([
    ["0", "1"],
    ["4", "2"],
    ["10", "1"],
    ["39", "3"],
  ]);
});

test("claims below the editor's check-worthiness threshold are marked, the others not", () => {
  const text = "Police said 17 people died. The meeting was held at the community centre.";
  const layout = readerLayout(text, [
    { id: 1, startOffset: 0, endOffset: 27, status: "unreviewed", stance: "unclear", worth: 77, label: "police", speaker: null },
    { id: 2, startOffset: 28, endOffset: 73, status: "unreviewed", stance: "unclear", worth: 22, label: "author's voice", speaker: null },
  ]);
  const marks = (threshold: number) =>
    [...render(readerMarkup(layout, threshold)).querySelectorAll("mark")].map((mark) => mark.classList.contains("below-threshold"));
  expect(marks(35)).toEqual([false, true]);
  expect(marks(80)).toEqual([true, true]);
  expect(marks(0)).toEqual([false, false]);
});
