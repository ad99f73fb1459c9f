import { describe, expect, test } from "vitest";

import { normalizeDocument } from "../../lib/extract/normalize";
import { seedDocument, seedDocumentIds } from "./extract-seed-corpus";

describe("normalizeDocument whitespace", () => {
  test.each([
    ["CRLF and CR become LF", "One.\r\nTwo.\rThree.", "One.\nTwo.\nThree."],
    ["NBSP and thin spaces become spaces", "Canadian\u00A0Court\u2009today.", "Canadian Court today."],
    ["trailing spaces go", "Line one.   \nLine two. ", "Line one.\nLine two."],
    ["three or more newlines collapse to a paragraph break", "First.\n\n\n\n\nSecond.", "First.\n\nSecond."],
    ["a byte-order mark is dropped", "\uFEFFText starts here.", "Text starts here."],
    ["runs of spaces collapse", "KARACHI:  “The police", "KARACHI: “The police"],
  ])("%s", (_label, raw, expected) => {
    expect(normalizeDocument(raw).text).toBe(expected);
  });
});

describe("normalizeDocument page debris", () => {
  test.each([
    ["You have commented 339 times on Rantburg.", "comment-form"],
    ["Your Name", "comment-form"],
    ["Your e-mail (optional)", "comment-form"],
    ["Website (optional)", "comment-form"],
    ["My Original Nic\u00A0 \u00A0 Pic-a-Nic\u00A0 Sorry. Comments have been closed on this article.", "comment-form"],
    ["Bold Italic Underline Strike Bullet Blockquote Small Big Link Squish Foto Photo", "editor-toolbar"],
    ["Leave a comment", "comment-form"],
    ["Leave a Comment", "comment-form"],
    ["Posted by on April 15, 2011 in Corruption, Terrorist", "posted-by"],
    ["Posted by:Paul Moloney", "posted-by"],
    ["Tags: , , , , , , , , , , , , , , , ,", "tag-list"],
    ["Tag Archives: Naeem", "archive-heading"],
    ["RSS", "navigation"],
    ["Scroll to top", "navigation"],
    ["© 2012 - All Rights are reserved by zameer36.", "copyright"],
    ["Share this: Twitter Facebook", "share-widget"],
    ["Tweet", "share-widget"],
    ["This article is about the 2017 fire. For the building, see Lancaster West Estate.", "page-furniture"],
    ["For other uses, see Kestrel (disambiguation).", "page-furniture"],
    ["Not to be confused with the Lakanal House fire.", "page-furniture"],
    ["Norvik Holdings plc is listed on Euronext Dublin and the London Stock Exchange.", "page-furniture"],
  ])("drops %j as %s", (line, reason) => {
    const result = normalizeDocument(`Real content stays here.\n\n${line}\n\nMore real content.`);
    expect(result.text).toBe("Real content stays here.\n\nMore real content.");
    expect(result.removed.map((r) => r.reason)).toEqual([reason]);
  });

  test.each([
    "The MQM was formed more than two decades ago to represent the interest of Muhajirs.",
    "Mr. Baqri said the human rights groups are wrong.",
    "Posted by the MQM on its Web site, the statement was later removed, according to the party, which said it had never endorsed it and would not comment further on the matter at all.",
    "Share prices fell.",
    "This article is about to be withdrawn, the editor said on Monday after the complaint.",
    "Norvik's shares fell 9 percent on the London Stock Exchange after the report.",
  ])("keeps prose: %j", (line) => {
    expect(normalizeDocument(line).text).toBe(line);
  });

  test("003: the Rantburg comment form and toolbar are gone, the post stays", () => {
    const { text, removed } = normalizeDocument(seedDocument("003").raw);
    expect(text).not.toMatch(/You have commented|Your Name|Your e-mail|Website \(optional\)|Comments have been closed|Bold Italic/);
    expect(text).not.toMatch(/Posted by/);
    expect(text).toMatch(/^Afghanistan\/South Asia\nBackground on the MQM/);
    expect(text).toContain("The MQM was the dream of a few Marxist scholars");
    expect(removed.map((r) => r.reason)).toEqual(expect.arrayContaining(["comment-form", "editor-toolbar", "posted-by"]));
  });

  test("000: RSS, tag archive heading and the blog trailer are removed", () => {
    const { text } = normalizeDocument(seedDocument("000").raw);
    expect(text.startsWith("MQM declared a terrorist organization by a Canadian Court")).toBe(true);
    expect(text).not.toMatch(/^RSS$|Tag Archives|Leave a comment|Posted by|Tags:/m);
  });
});

describe("normalizeDocument is deterministic and idempotent", () => {
  test.each(seedDocumentIds())("seed document %s", (id) => {
    const { raw } = seedDocument(id);
    const once = normalizeDocument(raw);
    expect(normalizeDocument(raw)).toEqual(once);
    const twice = normalizeDocument(once.text);
    expect(twice.text).toBe(once.text);
    expect(twice.removed).toEqual([]);
    expect(once.text).not.toMatch(/\r|\u00A0|[ \t]+\n|\n{3,}/);
  });
});
