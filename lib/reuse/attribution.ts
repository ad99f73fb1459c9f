// Does the repeating text name the original: its title, publisher, author or URL? A title inside the
// copied passages does not count (a copied headline does not tell the reader where the text came
// from); a publisher or URL does (a copied dateline or credit line does). Pure: no database.
import { tokenize, type ReusePassage } from "@/lib/reuse/shingles";

export interface NamedOriginal {
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
}

export type AttributedBy = "title" | "publisher" | "author" | "url";

/** Bylines that name no one: they cannot tell a reader which source was repeated. */
const GENERIC_BYLINES = new Set([
  "staff",
  "staff reporter",
  "staff writer",
  "our correspondent",
  "our court reporter",
  "our reporter",
  "our staff reporter",
  "correspondent",
  "news desk",
  "web desk",
  "agencies",
  "editorial",
  "editor",
  "admin",
  "anonymous",
]);

interface Found {
  start: number;
  end: number;
}

/** Every place the words of `needle` occur in a row in `text` (case, accents and punctuation ignored). */
function occurrences(text: string, needle: string): Found[] {
  const wanted = tokenize(needle).map((token) => token.word);
  if (wanted.length === 0) return [];
  const tokens = tokenize(text);
  const found: Found[] = [];
  for (let index = 0; index + wanted.length <= tokens.length; index++) {
    // "Kingspan's statement" names Kingspan: a possessive is the name it is made from.
    if (wanted.every((word, offset) => tokens[index + offset]!.word.replace(/'s$/, "") === word.replace(/'s$/, ""))) {
      found.push({ start: tokens[index]!.start, end: tokens[index + wanted.length - 1]!.end });
    }
  }
  return found;
}

function urlCore(url: string): string {
  return url
    .trim()
    .replace(/^[a-z]+:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/[/#?]+$/, "");
}

/** Words a company's registered name carries that nobody says when naming it ("Kingspan Group plc" is "Kingspan"). */
const CORPORATE_DESIGNATORS =
  /(?:[\s,]+(?:plc|p\.l\.c\.|ltd\.?|limited|inc\.?|incorporated|corp\.?|corporation|co\.?|company|llc|llp|ag|sa|s\.a\.|nv|n\.v\.|se|gmbh|group|holdings?))+\s*$/i;

/**
 * The names a publisher goes by: as registered, and without a bracketed aside or its company designators ("Kingspan
 * Group plc (as styled …)" is also "Kingspan"; "Chonghaejin Marine Co., Ltd." is "Chonghaejin Marine").
 */
export function publisherNames(publisher: string): string[] {
  const plain = publisher
    .replace(/\s*\([^)]*\)/g, "")
    .replace(/^the\s+/i, "")
    .trim();
  const short = plain.replace(CORPORATE_DESIGNATORS, "").trim();
  return [...new Set([publisher.trim(), plain, short])].filter((name, index) => index === 0 || tokenize(name).length > 0);
}

/** What of the original the repeating text names, or null. */
export function attributedBy(repeatingText: string, original: NamedOriginal, passages: readonly ReusePassage[]): AttributedBy | null {
  if (original.url && urlCore(original.url).length >= 4 && repeatingText.toLowerCase().includes(urlCore(original.url).toLowerCase())) return "url";
  if (original.publisher) {
    const [registered, ...everyday] = publisherNames(original.publisher);
    if (registered && occurrences(repeatingText, registered).length > 0) return "publisher";
    // A company says its own everyday name in its own text: copied along, it names nothing.
    if (everyday.some((name) => outsidePassages(occurrences(repeatingText, name), passages))) return "publisher";
  }
  const author = original.author?.trim();
  if (
    author &&
    !GENERIC_BYLINES.has(
      tokenize(author)
        .map((token) => token.word)
        .join(" "),
    ) &&
    occurrences(repeatingText, author).length > 0
  )
    return "author";
  // A title of one or two words ("Update", "Baldia") says too little to name a document.
  if (tokenize(original.title).length >= 3 && outsidePassages(occurrences(repeatingText, original.title), passages)) return "title";
  return null;
}

/** Some occurrence lies outside every copied passage: the repeating text's own words name it. */
function outsidePassages(found: readonly Found[], passages: readonly ReusePassage[]): boolean {
  return found.some((place) => !passages.some((passage) => place.start >= passage.start && place.end <= passage.end));
}
