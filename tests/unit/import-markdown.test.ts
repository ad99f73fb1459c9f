import { describe, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { markdownToText, stripInlineMarkdown } from "@/lib/import/markdown";

describe("Markdown to plain prose", () => {
  test.each([
    ["a link keeps its text", 'See [the minutes](https://example.org/m "Minutes") today.', "See the minutes today."],
    ["an image keeps its alt text", "![Harbour at dawn](dawn.jpg)", "Harbour at dawn"],
    ["emphasis keeps its words", "**Maria Kowalska** said it was *very* _close_.", "Maria Kowalska said it was very close."],
    ["inline code keeps its words", "According to `the commission`, yes.", "According to the commission, yes."],
    ["strike-through keeps its words", "It was ~~three~~ four votes.", "It was three four votes."],
    ["arithmetic is not emphasis", "The ratio was 5 * 3 * 2 in snake_case_names.", "The ratio was 5 * 3 * 2 in snake_case_names."],
    ["escapes are unescaped", "Prices rose by 5\\* in 2023\\_Q1.", "Prices rose by 5* in 2023_Q1."],
    ["inline HTML tags go", 'Line one<br>and <span class="x">two</span>.', "Line one and two."],
  ])("%s", (_label, input, expected) => {
    expect(stripInlineMarkdown(input)).toBe(expected);
  });

  test("the election notes fixture becomes prose with its quotations whole and its front matter as guesses", () => {
    const markdown = readFileSync(path.resolve(import.meta.dirname, "../fixtures/import/election-notes.md"), "utf8");
    const { text, guesses } = markdownToText(markdown);
    expect(guesses).toMatchObject({ title: "Notes on the regional election count", author: "Tomasz Wójcik", publishedDate: "2023-10-16" });
    // Hard-wrapped lines of one paragraph join, so the quotation is one sentence on one line.
    expect(text).toContain('"We have won the trust of the farmers," said Maria Kowalska, the Green League candidate, after the first results came in.');
    expect(text).toContain('"The count was fair and every ballot was checked twice," the electoral commission said in a statement.');
    expect(text).toContain("Turnout: 68 percent\nSpoiled ballots: 1,204");
    expect(text).not.toMatch(/[#*`>]|\]\(|^---|title:|\[ref\]/m);
    expect(text.split("\n")[0]).toBe("Notes on the regional election count");
  });

  test("setext headings, tables and fenced code", () => {
    const { text } = markdownToText("Results\n=======\n\n| Party | Seats |\n|---|---:|\n| Green | 12 |\n\n```\nraw figures 12 / 40\n```\n");
    expect(text).toBe("Results\n\nParty | Seats\nGreen | 12\n\nraw figures 12 / 40");
  });
});
