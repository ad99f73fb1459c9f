// Repost detection's pure part: shingles, containment, aligned passages, the threshold, which text is
// the original, attribution, and the band keys the candidate lookup uses. Documents from the labelled
// sets' forum reposts and articles (tests/helpers/reuse-documents.ts).
import { describe, expect, test } from "vitest";
import { compareDocuments, meetsThreshold, MIN_SHARE, originalOf, originalSpan, postSpans, type ComparedDocument } from "@/lib/reuse/compare";
import { attributedBy } from "@/lib/reuse/attribution";
import { fingerprintKeys } from "@/lib/reuse/signature";
import { alignPassages, containment, shingles, tokenize } from "@/lib/reuse/shingles";
import {
  COPIED_PARAGRAPHS,
  ENCYCLOPEDIA_ORIGINAL,
  FORUM_REPOST,
  PARTIAL_REPOST,
  STOCK_A,
  STOCK_B,
  WIRE_ORIGINAL,
  type ReuseTestDocument,
} from "@/tests/helpers/reuse-documents";

function compared(document: ReuseTestDocument, id: number): ComparedDocument {
  return { id, ...document };
}

/** Words only, so a passage and the text it was copied from compare across line breaks. */
const words = (text: string) =>
  tokenize(text)
    .map((token) => token.word)
    .join(" ");

function sharedKeys(a: string, b: string): number {
  const keys = new Set(fingerprintKeys(tokenize(a)));
  return fingerprintKeys(tokenize(b)).filter((key) => keys.has(key)).length;
}

describe("a whole repost under a changed headline, among forum debris and replies", () => {
  const finding = compareDocuments(compared(WIRE_ORIGINAL, 1), compared(FORUM_REPOST, 2))!;

  test("the forum thread repeats the wire story, and the share is the copied part of the page", () => {
    expect(finding.sourceId).toBe(2);
    expect(finding.originalId).toBe(1);
    expect(meetsThreshold(finding)).toBe(true);
    // The copy is about a quarter of the thread's words; menus, signatures and six replies are the rest.
    expect(finding.share).toBeGreaterThan(MIN_SHARE);
    expect(finding.share).toBeLessThan(0.5);
    // Nearly all of the wire story is in the thread, but the thread is much more than the story.
    expect(finding.containment.original).toBeGreaterThan(0.8);
    expect(finding.containment.repeating).toBeLessThan(0.4);
  });

  test("the passage runs from the first copied sentence to the last, on both texts", () => {
    expect(finding.passages).toHaveLength(1);
    const [passage] = finding.passages;
    const inRepost = FORUM_REPOST.text.slice(passage!.start, passage!.end);
    const inOriginal = WIRE_ORIGINAL.text.slice(passage!.originalStart, passage!.originalEnd);
    expect(inRepost.startsWith("Two men were sentenced")).toBe(true);
    expect(inRepost.endsWith("compensation to the victims' families")).toBe(true);
    expect(words(inOriginal)).toBe(words(inRepost));
    // The replies quoting the story and arguing with it are the forum's own words.
    expect(FORUM_REPOST.text.slice(passage!.end)).toContain("Small fish hang");
  });

  test("the forum credits only 'agencies', so the original is not named", () => {
    expect(finding.attributed).toBe(false);
  });

  test("a claim's span in the repost maps onto the same words in the original", () => {
    const sentence = "The court acquitted MQM-P leader Rauf Siddiqui";
    const start = FORUM_REPOST.text.indexOf(sentence);
    const mapped = originalSpan(finding, start, start + sentence.length)!;
    expect(WIRE_ORIGINAL.text.slice(mapped.start, mapped.end)).toBe(sentence);
    const exact = originalSpan(finding, start, start + sentence.length, { text: FORUM_REPOST.text, originalText: WIRE_ORIGINAL.text })!;
    expect(WIRE_ORIGINAL.text.slice(exact.start, exact.end)).toBe(sentence);
  });

  test("a span in the replies is the forum's own and maps nowhere", () => {
    const reply = "Small fish hang and the big fish walk free";
    const start = FORUM_REPOST.text.indexOf(reply);
    expect(originalSpan(finding, start, start + reply.length)).toBeNull();
  });

  test("the two share band keys, so the candidate lookup finds one from the other", () => {
    expect(sharedKeys(WIRE_ORIGINAL.text, FORUM_REPOST.text)).toBeGreaterThan(0);
  });
});

describe("a partial repost: three paragraphs of a long article inside a blog post", () => {
  // Ids in import order: the blog was loaded first, but it is dated eleven years later.
  const finding = compareDocuments(compared(PARTIAL_REPOST, 1), compared(ENCYCLOPEDIA_ORIGINAL, 2))!;

  test("is found, with the earlier-dated article as the original whatever the import order", () => {
    expect(finding.sourceId).toBe(1);
    expect(finding.originalId).toBe(2);
    expect(meetsThreshold(finding)).toBe(true);
    expect(finding.share).toBeGreaterThan(0.4);
    // The article's other sections are not in the blog.
    expect(finding.containment.original).toBeLessThan(0.3);
  });

  test("its passages are the three copied paragraphs and nothing of the blog's own", () => {
    const reused = finding.passages.map((passage) => words(PARTIAL_REPOST.text.slice(passage.start, passage.end))).join(" ");
    expect(reused).toBe(words(COPIED_PARAGRAPHS.join(" ")));
    for (const passage of finding.passages) {
      expect(words(ENCYCLOPEDIA_ORIGINAL.text.slice(passage.originalStart, passage.originalEnd))).toBe(
        words(PARTIAL_REPOST.text.slice(passage.start, passage.end)),
      );
    }
  });

  test("the two share band keys although the whole documents resemble each other little", () => {
    expect(sharedKeys(ENCYCLOPEDIA_ORIGINAL.text, PARTIAL_REPOST.text)).toBeGreaterThan(0);
  });
});

describe("two wire stories sharing one stock sentence", () => {
  const finding = compareDocuments(compared(STOCK_A, 1), compared(STOCK_B, 2));

  test("the sentence is located, but it is no repost", () => {
    const located = finding!.passages.map((passage) => STOCK_B.text.slice(passage.start, passage.end));
    expect(located.some((passage) => passage.includes("The figures could not be independently verified"))).toBe(true);
    expect(finding!.share).toBeLessThan(MIN_SHARE);
    expect(meetsThreshold(finding!)).toBe(false);
  });

  test("two unrelated stories share no band key", () => {
    expect(sharedKeys(ENCYCLOPEDIA_ORIGINAL.text, WIRE_ORIGINAL.text)).toBe(0);
  });
});

describe("which document is the original", () => {
  const doc = (id: number, publishedDate: string | null) => ({ id, publishedDate });

  test.each([
    ["the earlier publication date", doc(5, "April 24, 2025"), doc(9, "2013-04-25"), 9],
    ["import order when a date is missing", doc(5, null), doc(9, "2013-04-25"), 5],
    ["import order when a date cannot be read", doc(5, "03/04/2011"), doc(9, "2013-04-25"), 5],
    ["import order when the dates overlap (a month and a day in it)", doc(9, "June 2007"), doc(5, "2007-06-11"), 5],
    ["a month before a later day", doc(9, "June 2007"), doc(5, "2007-07-01"), 9],
  ])("by %s", (_label, a, b, originalId) => {
    expect(originalOf(a, b).original.id).toBe(originalId);
    expect(originalOf(b, a).original.id).toBe(originalId);
  });
});

describe("attribution", () => {
  const passagesOf = (repeating: string, original: string) => alignPassages(tokenize(repeating), tokenize(original)).passages;

  test.each([
    ["its URL", `${FORUM_REPOST.text}\nFull story: induswire.example/2020/09/22/baldia-verdict/`, "url"],
    ["its publisher", FORUM_REPOST.text.replace("(Source: agencies)", "(Source: INDUS WIRE SERVICE)"), "publisher"],
    [
      "its headline in the credit line",
      FORUM_REPOST.text.replace("(Source: agencies)", '(From: "Two sentenced to death for 2012 Karachi garment factory blaze")'),
      "title",
    ],
  ])("a repost naming %s names the original", (_label, text, by) => {
    expect(attributedBy(text, WIRE_ORIGINAL, passagesOf(text, WIRE_ORIGINAL.text))).toBe(by);
  });

  test("a headline copied along with the story does not name it", () => {
    const copiedWithHeadline = `Posted by a reader\n\n${WIRE_ORIGINAL.text.replace("KARACHI, Sept 22 (Indus Wire Service) -", "")}`;
    const passages = passagesOf(copiedWithHeadline, WIRE_ORIGINAL.text);
    expect(copiedWithHeadline.slice(passages[0]!.start)).toMatch(/^Two sentenced to death/);
    expect(attributedBy(copiedWithHeadline, WIRE_ORIGINAL, passages)).toBeNull();
  });

  test("a generic byline names no one", () => {
    const text = `${FORUM_REPOST.text}\nBy Staff Reporter`;
    expect(attributedBy(text, WIRE_ORIGINAL, passagesOf(text, WIRE_ORIGINAL.text))).toBeNull();
  });
});

describe("other scripts and symbols", () => {
  const urdu =
    "کراچی کی بلدیہ ٹاؤن فیکٹری میں آگ لگنے سے دو سو ساٹھ سے زائد مزدور جاں بحق ہوئے اور عدالت نے دو ملزمان کو سزائے موت سنائی جبکہ چار چوکیداروں کو عمر قید کی سزا دی گئی 🔥🙏";

  test("Urdu words are words, emoji are not, and offsets stay JavaScript string indices", () => {
    const tokens = tokenize(urdu);
    expect(tokens.length).toBeGreaterThan(30);
    for (const token of tokens) expect(urdu.slice(token.start, token.end)).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(tokenize("🔥🙏 👍")).toEqual([]);
  });

  test("an Urdu repost with emoji around it is found, and an emoji-only text compares with nothing", () => {
    const original = compared({ ...WIRE_ORIGINAL, text: `${urdu}\n${urdu.replace("کراچی", "شہر")}`, publishedDate: "2020-09-22" }, 1);
    const repost = compared({ ...FORUM_REPOST, text: `😡😡 دیکھیں\n${urdu}\n👍 ${"واہ ".repeat(3)}`, publishedDate: "2020-09-23" }, 2);
    const finding = compareDocuments(original, repost)!;
    expect(finding.sourceId).toBe(2);
    expect(finding.share).toBeGreaterThan(0.8);
    expect(compareDocuments(original, compared({ ...FORUM_REPOST, text: "🔥🔥🔥 🙏" }, 3))).toBeNull();
    expect(fingerprintKeys(tokenize("🔥🔥🔥 🙏"))).toEqual([]);
  });
});

describe("containment", () => {
  test("is the share of one side's distinct shingles found in the other", () => {
    const a = shingles(tokenize("one two three four five six seven"));
    const b = new Set(shingles(tokenize("zero one two three four five six")));
    expect(a).toHaveLength(3);
    expect(containment(a, b)).toBeCloseTo(2 / 3);
    expect(containment([], b)).toBe(0);
  });
});

describe("a short paste into a long thread, named as copied", () => {
  // About eighty words of the encyclopedia's body, from its first sentence on.
  const body = ENCYCLOPEDIA_ORIGINAL.text.slice(ENCYCLOPEDIA_ORIGINAL.text.indexOf("The Rana Plaza collapse was"));
  const paste = [body.split(/\s+/).slice(0, 80).join(" ")];
  // Thirty replies in words of their own: no five-word run repeats across them or with the encyclopedia.
  const vocabulary =
    "brand union wage audit shift canteen loom dye thread stitch bonus ledger quota ferry market rickshaw monsoon tea cousin landlord rent clinic pension tribunal hearing lawyer petition ribbon candle mural".split(
      " ",
    );
  const chatter = Array.from({ length: 30 }, (_, index) =>
    Array.from({ length: 16 }, (_, word) => vocabulary[(index * 7 + word * 11) % vocabulary.length]).join(" "),
  ).join(".\n");
  const thread = (lead: string) => ({
    ...PARTIAL_REPOST,
    slug: "forum-anniversary-thread",
    title: "Anniversary thread",
    publisher: "Garment Forum",
    text: `${lead}\n\n${paste.join(" ")}\n\n${chatter}`,
  });

  test("named as copied from the original's publisher, it is a repost at any share", () => {
    const finding = compareDocuments(
      compared(ENCYCLOPEDIA_ORIGINAL, 1),
      compared(thread("For background, here is what WikiBD says (copied from the WikiBD article):"), 2),
    )!;
    expect(finding.share).toBeLessThan(MIN_SHARE);
    expect(finding.attributed).toBe(true);
    expect(meetsThreshold(finding)).toBe(true);
  });

  test("the same paste unnamed stays below the share a repost needs", () => {
    const finding = compareDocuments(compared(ENCYCLOPEDIA_ORIGINAL, 1), compared(thread("For background, here is the story as I remember it:"), 2))!;
    expect(finding.attributed).toBe(false);
    expect(meetsThreshold(finding)).toBe(false);
  });

  // The same thread with its posts numbered as forums number them ("#1", "#2", …): the paste is most of one post.
  const numbered = (lead: string, own = "") => ({
    ...thread(lead),
    text: [
      `#1\nmill_worker_77\nJoin Date: May 2011\n\n${lead}\n\n${paste.join(" ")}\n\n${own}Never forget.`,
      ...chatter.split(".\n").map((reply, index) => `#${index + 2}\nmember_${index}\n\n${reply}.`),
    ].join("\n\n"),
  });

  test("a post that is mostly a paste reposts its original, named or not, however long the thread", () => {
    const finding = compareDocuments(compared(ENCYCLOPEDIA_ORIGINAL, 1), compared(numbered("For background, here is the story as I remember it:"), 2))!;
    expect(finding.attributed).toBe(false);
    expect(finding.share).toBeLessThan(MIN_SHARE);
    expect(finding.postShare).toBeGreaterThan(0.5);
    expect(meetsThreshold(finding)).toBe(true);
  });

  test("a post of the poster's own words quoting the same paragraph within them does not repost it", () => {
    // Three times the paste's length in words of the poster's own (no five-word run of them repeats the encyclopedia's).
    const own = `${chatter.split(".\n").slice(0, 15).join(". ")}.\n\n`;
    const finding = compareDocuments(compared(ENCYCLOPEDIA_ORIGINAL, 1), compared(numbered("For background, here is the story as I remember it:", own), 2))!;
    expect(finding.postShare).toBeLessThan(1 / 3);
    expect(meetsThreshold(finding)).toBe(false);
  });

  test("posts are found by their numbers; a text with none, or one, is no thread", () => {
    const text = "#1\nalice\nFirst post.\n\n#2\nbob\nAs #3 said below, see the wiki.\n\nPost #3 by carol\nThird.";
    expect(postSpans(text).map(([start, end]) => text.slice(start, end).split("\n")[0])).toEqual(["#1", "#2", "Post #3 by carol"]);
    expect(postSpans("Item #1 on the list.\n#1\nOnly one post here.")).toEqual([]);
    expect(postSpans(PARTIAL_REPOST.text)).toEqual([]);
  });
});

describe("a company's statement quoted at length by a blog that names the company", () => {
  const release = {
    id: 1,
    title: "Statement on the harbour bridge review",
    publisher: "Harwell Glass Holdings plc (press office)",
    author: null,
    url: null,
    publishedDate: "March 3, 2023",
    text: [
      "Harwell Glass welcomes the publication of the harbour bridge review and thanks the panel for its work.",
      "Harwell Glass supplied none of the panels fitted to the eastern span of the bridge. Its laminated product made up roughly a tenth of the glazing ordered for the western walkway.",
      "That product was fitted in place of the one the architects specified, without the company being told, in an assembly that failed the wind-load test.",
      "The company will study the review in full and will say more when it has done so. Our thoughts are with everyone who was hurt on the walkway.",
    ].join("\n\n"),
  };
  const pasted = release.text.split("\n\n").slice(1, 3).join(" ");
  const blog = (lead: string, paste = pasted) => ({
    id: 2,
    title: "Who knew what about the walkway glass",
    publisher: "Quayside Notes",
    author: null,
    url: null,
    publishedDate: "March 5, 2023",
    text: [
      "I walked the western walkway every morning for six years, and I never once looked at the glass.",
      lead,
      paste,
      "The panel spent two years on its review and the hearings ran for months. The engineers who gave evidence disagreed about nearly everything except the wind.",
      "The council has promised to publish its own timetable for the repairs, and the ferry will run a longer timetable until then.",
      "Nobody who crossed that walkway in a gale will forget the noise it made, and nobody should have to cross it again until it is fixed.",
      "My neighbour, who fitted windows for thirty years, says the wind-load test is the one every supplier dreads, and that a failed test should have stopped the work on the spot.",
      "The review itself is long, and most of it is about the steelwork rather than the glass. The chapters on the glazing contractor are the ones worth reading first, and the appendix with the test reports is worth reading twice.",
      "When the walkway opened, the council called it the finest crossing on the coast, and for a summer it was. Then the first winter storms came in off the estuary, and people started taking the long way round by the ferry instead.",
      "I will write again when the council answers the letters the residents' association sent in January, if it ever does.",
      "Comments are closed on this post. Share it if you think the council should publish the timetable.",
    ].join("\n\n"),
  });

  test("the company named by its everyday name (a possessive, without 'Holdings plc') names the original", () => {
    const finding = compareDocuments(release, blog("From Harwell Glass's own statement on the day:"))!;
    expect(finding.reusedWords).toBeLessThan(60);
    expect(finding.share).toBeLessThan(MIN_SHARE);
    expect(finding.attributed).toBe(true);
    expect(meetsThreshold(finding)).toBe(true);
  });

  test("the same paste unnamed is no repost", () => {
    const finding = compareDocuments(release, blog("Here is what was said on the day:"))!;
    expect(finding.attributed).toBe(false);
    expect(meetsThreshold(finding)).toBe(false);
  });

  test("one sentence of it, named, is a quotation, not a repost", () => {
    const one = release.text.split("\n\n")[1]!.split(". ")[0]! + ".";
    const finding = compareDocuments(release, blog("Harwell Glass put it like this:", one))!;
    expect(finding.attributed).toBe(true);
    expect(meetsThreshold(finding)).toBe(false);
  });
});
