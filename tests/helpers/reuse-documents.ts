// Documents for the repost tests, built from the labelled sets' forum reposts and articles (not mh17):
// the original wire copy a forum thread reposts, a blog repeating three paragraphs of an encyclopedia
// article, and two unrelated wire stories that end on the same stock sentence.
import { readFileSync } from "node:fs";
import path from "node:path";

const SETS = path.resolve(import.meta.dirname, "../fixtures/conflicts");

export function setDocument(set: string, file: string): string {
  return readFileSync(path.join(SETS, set, file), "utf8");
}

export interface ReuseTestDocument {
  slug: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  publishedDate: string | null;
  text: string;
}

/** The Baldia forum thread: a wire story copied whole, with the board's menus, signatures and replies around it. */
export const FORUM_REPOST: ReuseTestDocument = {
  slug: "karachitalk-baldia-verdict-thread",
  title: "Baldia factory case: ATC sentences Bhola, Charya to death; Rauf Siddiqui acquitted",
  publisher: "KarachiTalk Forums",
  author: "sindhi_engineer",
  url: null,
  publishedDate: "September 22, 2020",
  text: setDocument("baldia-fire", "04-forum-verdict-repost.txt"),
};

const copied = FORUM_REPOST.text.slice(FORUM_REPOST.text.indexOf("Two men were sentenced"), FORUM_REPOST.text.indexOf("(Source: agencies)")).trim();

/** The wire story the thread reposts, under its own (different) headline, with a paragraph the forum left out. */
export const WIRE_ORIGINAL: ReuseTestDocument = {
  slug: "wire-baldia-arsonists-sentenced",
  title: "Two sentenced to death for 2012 Karachi garment factory blaze",
  publisher: "Indus Wire Service",
  author: "Staff Reporter",
  url: "https://induswire.example/2020/09/22/baldia-verdict",
  publishedDate: "2020-09-22",
  text: [
    "Two sentenced to death for 2012 Karachi garment factory blaze",
    "KARACHI, Sept 22 (Indus Wire Service) -",
    copied,
    "Relatives of the dead waited outside the court from early morning; several said they would appeal against the acquittals.",
  ].join("\n\n"),
};

const encyclopedia = setDocument("rana-plaza", "03-encyclopedia-rana-plaza-collapse.txt");
const paragraphs = encyclopedia.split(/\n\n+/);
/** Three paragraphs of the encyclopedia's "Collapse and rescue" section, as the blog copies them. */
export const COPIED_PARAGRAPHS = paragraphs
  .map((paragraph) => paragraph.replace(/^[^\n]*\[edit\]\n/, ""))
  .filter((paragraph) => /^(After a power cut|When the search ended|On 1 May the army)/.test(paragraph));
if (COPIED_PARAGRAPHS.length !== 3) throw new Error("tests/helpers/reuse-documents.ts: the three encyclopedia paragraphs were not found");

export const ENCYCLOPEDIA_ORIGINAL: ReuseTestDocument = {
  slug: "wikibd-rana-plaza-collapse",
  title: "Rana Plaza collapse",
  publisher: "WikiBD",
  author: null,
  url: null,
  publishedDate: "February 14, 2025",
  text: encyclopedia,
};

/** A blog post of its own words around three paragraphs lifted from the encyclopedia, not naming it. */
export const PARTIAL_REPOST: ReuseTestDocument = {
  slug: "garment-worker-notes-savar-remembered",
  title: "Savar, remembered",
  publisher: "Garment Worker Notes",
  author: "Farhana Akter",
  url: null,
  publishedDate: "April 24, 2025",
  text: [
    "Savar, remembered",
    "Twelve years on, I went back to the empty plot in Savar where the building stood. The fence is rusting, and a tea seller who lost his sister there still sets up his stall by the gate every morning. I wanted to write down what happened in those weeks, for the students in my evening class who were not yet born.",
    ...COPIED_PARAGRAPHS,
    "The families I met that day did not talk about figures. They talked about wages that were never paid, and about the factory owners who were back in business within a year. Next month I will write about the compensation fund and who was left out of it.",
  ].join("\n\n"),
};

const STOCK_SENTENCE =
  "The figures could not be independently verified, and officials did not respond to requests for comment on the casualty count before this story was published.";

/** Two unrelated wire stories, each ending on the same stock sentence. */
export const STOCK_A: ReuseTestDocument = {
  slug: "gulf-wire-bp-rejects-markey",
  title: "BP rejects Markey estimate",
  publisher: "Gulf Coast Wire",
  author: "Dana Whitcomb",
  url: null,
  publishedDate: "June 20, 2010",
  text: `${setDocument("deepwater-flow", "01-wire-bp-rejects-markey.txt")}\n\n${STOCK_SENTENCE}\n`,
};

export const STOCK_B: ReuseTestDocument = {
  slug: "levant-wire-hezbollah-denies",
  title: "Hezbollah denies arms at port as toll rises",
  publisher: "Levant Wire",
  author: "Rania Haddad",
  url: null,
  publishedDate: "August 7, 2020",
  text: `${setDocument("beirut-port", "01-wire-hezbollah-denies-toll-rises.txt")}\n\n${STOCK_SENTENCE}\n`,
};
