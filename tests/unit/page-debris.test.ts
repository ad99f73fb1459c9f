// Page debris that is never a claim nor a title: forum footers, encyclopedia furniture, wire
// footers, captions, timestamp lines — and the headline chosen past a page's chrome.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { extractClaims } from "@/lib/extract/claims";
import { normalizeDocument } from "@/lib/extract/normalize";
import { headlineTitle, readPastedText } from "@/lib/import/read-document";
import { isTimestampLine } from "@/lib/text/dates";

const SETS = path.resolve(import.meta.dirname, "../fixtures/conflicts");
const read = (file: string) => readFileSync(path.join(SETS, file), "utf8");

describe("timestamp lines", () => {
  test.each([
    "June 20, 2010 / 7:25 PM / in 8 years",
    "WORLD NEWS    MAY 24, 2018 / 1:42 PM / UPDATED MAY 25, 2018 / in 7 years",
    "Kashif R. · Sep 14, 2012 - 8:02PM",
    "14 September 2012 21:17 GMT",
  ])("%s", (line) => expect(isTimestampLine(line)).toBe(true));

  test.each(["On June 20, 2010 at 7:25 PM the company said the well was still leaking oil into the Gulf.", "June 20, 2010", "The meeting began at 7:25 PM."])(
    "not: %s",
    (line) => expect(isTimestampLine(line)).toBe(false),
  );
});

describe("debris lines are removed from the text before claims are drawn", () => {
  const cases: Array<[string, string]> = [
    ["deepwater-flow/04-forum-bp-says-too-high.txt", "You may not post new threads"],
    ["deepwater-flow/04-forum-bp-says-too-high.txt", "All times are GMT -6"],
    ["deepwater-flow/04-forum-bp-says-too-high.txt", "The time now is 04:11 PM"],
    ["deepwater-flow/03-encyclopedia-flow-rate.txt", "This page was last edited on 3 March 2015"],
    ["deepwater-flow/03-encyclopedia-flow-rate.txt", '^ "4.9M barrels spewed from gulf well"'],
    ["deepwater-flow/01-wire-bp-rejects-markey.txt", "All quotes delayed a minimum of 15 minutes"],
    ["deepwater-flow/06-news-spillcam-markey.txt", "Reporting by Lena Abernathy; Editing by Marc Delaunay"],
    ["deepwater-flow/06-news-spillcam-markey.txt", "PHOTO: A frame from BP's live feed"],
    ["baldia-fire/06-news-owners-shopkeepers.txt", "Comments are moderated and generally will be posted"],
    ["baldia-fire/06-news-owners-shopkeepers.txt", "Our correspondent in Larkana contributed to this report."],
    ["baldia-fire/06-news-owners-shopkeepers.txt", "[Photo] Relatives of missing workers wait outside"],
  ];
  test.each(cases)("%s: %s", (file, line) => {
    const { text, removed } = normalizeDocument(read(file));
    expect(text).not.toContain(line);
    expect(removed.some((span) => span.text.includes(line))).toBe(true);
    expect(extractClaims(text).some((claim) => claim.quote.includes(line))).toBe(false);
  });

  test("prose that merely mentions a photo or a forum rule stays", () => {
    const text = normalizeDocument("The photo shows oil escaping from the riser, the Coast Guard said on Friday.\nYou may not post new threads.").text;
    expect(text).toContain("The photo shows oil escaping");
    expect(text).not.toContain("You may not post");
  });
});

describe("the title of a text page is its headline, never its timestamp or menus", () => {
  test.each([
    ["mh17/01-wire-jit-russia-denies.txt", "Investigators trace Buk that downed MH17 to Russian army brigade in Kursk"],
    ["deepwater-flow/06-news-spillcam-markey.txt", "Markey puts BP's live spill video online as scientists question the 5,000-barrel figure"],
    ["baldia-fire/06-news-owners-shopkeepers.txt", "Baldia factory owners get protective bail as families search the morgues"],
    ["deepwater-flow/03-encyclopedia-flow-rate.txt", "Deepwater Horizon oil spill flow rate"],
  ])("%s", (file, title) => {
    expect(headlineTitle(read(file))).toBe(title);
  });

  test("a pasted Reuters-style page is titled from its headline, not 'June 20, 2010 / 7:25 PM / in 8 years'", () => {
    const pasted =
      "Skip to main content\nWorld | Business | Markets\nJune 20, 2010 / 7:25 PM / in 8 years\nBP rejects Markey charge that it lowballed the Gulf spill\nBy Staff\n\nBP on Sunday rejected the charge.";
    expect(readPastedText(pasted).guesses.title).toBe("BP rejects Markey charge that it lowballed the Gulf spill");
  });
});

describe("bylines glued to the first sentence are not part of the claim", () => {
  test.each([
    ["ASSOCIATED PRESS The ferry operator said the boat had been carrying 120 passengers.", "The ferry operator said"],
    ["OUR CORRESPONDENT KARACHI: The three owners of the factory were granted protective bail on Friday.", "The three owners"],
  ])("%s", (sentence, opening) => {
    const [claim] = extractClaims(normalizeDocument(sentence).text);
    expect(claim?.quote.startsWith(opening)).toBe(true);
  });

  test("'The ferry operator said' names the operator as the speaker", () => {
    const [claim] = extractClaims(normalizeDocument("ASSOCIATED PRESS The ferry operator said the boat had been carrying 120 passengers.").text);
    expect(claim?.speaker?.name).toBe("Ferry operator");
  });
});
