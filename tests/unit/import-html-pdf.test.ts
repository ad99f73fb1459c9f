import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { htmlToText } from "@/lib/import/html";
import { pdfToText, linesToParagraphs } from "@/lib/import/pdf";
import { ImportRefusedError } from "@/lib/import/errors";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");
const read = (name: string) => readFileSync(path.join(FIXTURES, name));

describe("HTML pages", () => {
  const { text, guesses } = htmlToText(read("harbour-article.html").toString("utf8"), "harbour-article.html");

  test("only the article's prose comes through: no navigation, scripts, styles or handlers", () => {
    expect(text).toContain('"Our members have won a fair deal and the boats will sail again tomorrow," said Gordon Baird');
    expect(text).toContain('Transport minister Eilidh Grant denied that the government had delayed the talks. "We met the union every week," Grant said.');
    for (const leak of ["SCRIPT-LEAK", "STYLE-LEAK", "__import", "window.", "alert(", "onclick", "We use cookies", "Log in", "All rights reserved"]) {
      expect(text).not.toContain(leak);
    }
    expect(text).not.toMatch(/<[a-z]/i);
  });

  test("paragraphs stay paragraphs", () => {
    expect(text.split("\n\n").length).toBeGreaterThanOrEqual(4);
  });

  test("title, author, site, date, address, language and kind are guessed from the head", () => {
    expect(guesses).toEqual({
      title: "Ferry strike ends after three weeks",
      author: "Fiona MacLeod",
      publisher: "Coastal Herald",
      publishedDate: "2024-05-14",
      url: "https://news.example.com/2024/05/harbour-ferry-strike-ends",
      language: "en-GB",
      kind: "news",
    });
  });

  test.each([
    ['<script type="application/ld+json">{"@type": "OpinionNewsArticle"}</script>', "opinion"],
    ['<script type="application/ld+json">[{"@type": ["BlogPosting"]}]</script>', "blog"],
    ['<meta property="og:type" content="article"><meta property="article:section" content="Opinion">', "opinion"],
    ['<meta property="og:type" content="article">', "news"],
    ['<meta property="og:type" content="website">', undefined],
    ["", undefined],
  ])("the kind is read from the page's markup: %s", (head, kind) => {
    const html = `<html><head><title>Port fees rise again</title>${head}</head>
      <body><article><p>${"The harbour board raised fees for the third year running, the board's chair said on Monday. ".repeat(4)}</p></article></body></html>`;
    expect(htmlToText(html, "fees.html").guesses.kind).toBe(kind);
  });

  test("a page whose content is built by scripts has no readable main content", () => {
    expect(() => htmlToText(read("no-content.html").toString("utf8"), "no-content.html")).toThrow(/no-content\.html: the page has no readable main content/);
  });

  test("the site name is cut from a <title> when no og:title is given", () => {
    const html = `<html><head><title>Port fees rise again | Coastal Herald</title><meta property="og:site_name" content="Coastal Herald"></head>
      <body><article><p>${"The harbour board raised fees for the third year running, the board's chair said on Monday. ".repeat(4)}</p></article></body></html>`;
    expect(htmlToText(html, "fees.html").guesses.title).toBe("Port fees rise again");
  });
});

describe("PDF", () => {
  test("the text layer is read, hard-wrapped lines joined into paragraphs, and the Info dictionary guessed", async () => {
    const result = await pdfToText(new Uint8Array(read("article.pdf")), "article.pdf");
    expect(result.text).toBe(
      "City council approves new flood barrier\n\n" +
        'The council voted on Tuesday to build a flood barrier along the river. "The barrier will protect four thousand homes," Mayor Helen Okafor said after the vote.\n\n' +
        'Opposition councillor Marcus Webb disagreed. "The barrier will not be finished before 2030," Webb said.\n\n' +
        "According to the Environment Agency, the river rose by two metres last winter.",
    );
    expect(result.guesses).toMatchObject({ title: "Council approves flood barrier", author: "Priya Natarajan", publishedDate: "2024-03-12" });
  });

  test("a scan without a text layer is refused: it needs OCR", async () => {
    const error = await pdfToText(new Uint8Array(read("scanned.pdf")), "scanned.pdf").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect((error as ImportRefusedError).reason).toBe("needs_ocr");
    expect((error as Error).message).toMatch(/scanned\.pdf: the PDF has no text layer .* needs OCR, which this tool does not do/);
  });

  test("a damaged PDF is refused as unreadable", async () => {
    const error = await pdfToText(new TextEncoder().encode("%PDF-1.4\nthis is not really a pdf"), "broken.pdf").catch((caught: unknown) => caught);
    expect((error as ImportRefusedError).reason).toBe("unreadable_pdf");
  });

  test("a hyphen at a line end is mended only before a lower-case continuation", () => {
    const line = (text: string, y: number) => ({ text, y, size: 12 });
    expect(linesToParagraphs([line("the govern-", 700), line("ment said", 686), line("North-", 672), line("East region", 658)])).toEqual([
      "the government said North- East region",
    ]);
  });
});
