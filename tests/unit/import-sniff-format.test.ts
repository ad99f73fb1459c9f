import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { detectDocument, firstInvalidUtf8, sniffHtml } from "@/lib/import/sniff-format";
import { ImportRefusedError } from "@/lib/import/errors";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/import");
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FIXTURES, name)));
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(run: () => unknown): ImportRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRefusedError) return error;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("format detection by content", () => {
  test.each([
    ["a PDF", "pdf", "article.pdf", "article.pdf"],
    ["a PDF saved without its extension", "pdf", "article", "article.pdf"],
    ["a browser-saved page", "html", "harbour-article.html", "harbour-article.html"],
    ["an HTML page saved as .txt", "html", "story.txt", "harbour-article.html"],
    ["Markdown by extension", "markdown", "election-notes.md", "election-notes.md"],
    ["plain text", "text", "council-report.txt", "council-report.txt"],
  ])("%s is read as %s", (_label, expected, name, source) => {
    expect(detectDocument(name, fixture(source)).format).toBe(expected);
  });

  test("Markdown without an extension is recognised by its syntax", () => {
    const markdown = "# Budget\n\nThe **council** voted, see [the minutes](https://example.org/minutes).\n\n- item one\n";
    expect(detectDocument("notes", utf8(markdown)).format).toBe("markdown");
    expect(detectDocument("notes", utf8("The council voted. Nothing else happened.\n")).format).toBe("text");
  });

  test.each([
    ["empty", bytes(), "empty", /the file is empty/],
    ["only white space", utf8("  \n\n\t "), "empty", /nothing but white space/],
    ["a PNG renamed to .txt", fixture("photo-saved-as.txt"), "binary", /binary, not text \(it looks like a PNG image\)/],
    ["a JPEG", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), "binary", /JPEG image/],
    ["a Word document", new Uint8Array([...utf8("PK\u0003\u0004"), ...utf8("\u0000\u0000[Content_Types].xml word/document.xml")]), "binary", /Word document/],
    ["random control bytes", bytes(0x41, 0x00, 0x02, 0x03, 0x41), "binary", /binary, not text/],
    ["Latin-1 text", fixture("latin1.txt"), "invalid_utf8", /not valid UTF-8 text \(the first bad byte is on line 1\)/],
    ["UTF-16 text", bytes(0xff, 0xfe, 0x41, 0x00, 0x42, 0x00), "invalid_utf8", /UTF-16 text, not UTF-8/],
    ["a JSON data file", utf8('{"claims": [1, 2, 3]}'), "unknown_type", /a JSON data file, not a document/],
    ["an RTF document", utf8("{\\rtf1\\ansi Hello}"), "unknown_type", /RTF document/],
  ])("%s is refused (%s)", (_label, content, reason, message) => {
    const error = refusal(() => detectDocument("upload.txt", content));
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(/^upload\.txt: /);
    expect(error.message).toMatch(message);
  });

  test("a file over the limit is refused before it is decoded, with both sizes", () => {
    const error = refusal(() => detectDocument("big.txt", new Uint8Array(6 * 1024 * 1024).fill(0x61), { maxBytes: 5 * 1024 * 1024 }));
    expect(error.reason).toBe("too_large");
    expect(error.message).toBe("big.txt: the file is 6 MB, over the import limit of 5 MB");
  });

  test("the UTF-8 validator finds the first bad byte and accepts every valid sequence", () => {
    expect(firstInvalidUtf8(utf8("Karachi — کراچی 🚢"))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0xc3))).toBe(2); // truncated sequence
    expect(firstInvalidUtf8(bytes(0x61, 0xc0, 0xaf))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a UTF-16 surrogate
  });

  test("HTML sniffing follows the WHATWG rule and does not fire on prose that mentions a tag", () => {
    expect(sniffHtml("\n  <!doctype html><title>x</title>", "a.txt")).toBe(true);
    expect(sniffHtml("<p>Just a paragraph</p>", "a.txt")).toBe(true);
    expect(sniffHtml("<pre>not a p tag", "a.txt")).toBe(false);
    expect(sniffHtml("The <p> tag starts a paragraph.", "a.txt")).toBe(false);
  });
});
