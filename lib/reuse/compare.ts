// Which of two documents repeats the other, how much, where, and whether it names the original.
// Pure: no database. lib/reuse/detect.ts runs it on the candidates the fingerprint lookup finds.
import { publishedDateSpan } from "@/lib/text/published-date";
import { attributedBy, type NamedOriginal } from "@/lib/reuse/attribution";
import { alignPassages, containment, shingles, tokenize, type ReusePassage, type Token } from "@/lib/reuse/shingles";

/** Stored with every row, so a change of technique or thresholds can be told apart. */
export const REUSE_METHOD = "minhash-lsh-5word-v4";

/**
 * A row is proposed when the reused passages hold at least MIN_SHARE of the repeating document's
 * words, or at least LONG_REUSE_WORDS words whatever the share (a long article copied into a longer
 * compilation). Either way at least MIN_REUSED_WORDS: a stock sentence is 15–40 words, so two wire
 * stories sharing one (or a tiny text made of one) stay apart, while a repost of three paragraphs
 * (well over 60 words) is found. A passage whose document names the original it was copied from needs no share: the
 * naming says it is a repost. The README's "Reposts and reuse" gives the reasoning.
 */
export const MIN_SHARE = 0.2;
/**
 * A forum thread is many posts by many hands: a post whose words are mostly another document's passages reposts it,
 * however long the thread around it. The post must hold MIN_REUSED_WORDS of the passages itself.
 */
export const MIN_POST_SHARE = 1 / 3;
export const MIN_REUSED_WORDS = 60;
/**
 * A stock sentence runs to 40 words: a document that names the original and repeats more than that of it (two or three
 * sentences in a row, "From Kingspan's own statement: …") quotes it at length, which is a repost however short.
 */
export const MIN_ATTRIBUTED_WORDS = 41;
export const LONG_REUSE_WORDS = 250;

export interface ComparedDocument extends NamedOriginal {
  id: number;
  text: string;
  publishedDate: string | null;
}

export interface ReuseFinding {
  sourceId: number;
  originalId: number;
  /** Fraction of the repeating document's words inside the passages, 0–1. */
  share: number;
  reusedWords: number;
  passages: ReusePassage[];
  attributed: boolean;
  /** In a forum thread, the largest share of one post's words inside the passages (0 for a document with no posts). */
  postShare: number;
  /** Share of each side's distinct shingles found in the other. */
  containment: { repeating: number; original: number };
}

/** The earlier of two documents: by publication date when both read and do not overlap, else by import order (lower id). */
export function originalOf<T extends { id: number; publishedDate: string | null }>(a: T, b: T): { original: T; repeating: T } {
  const [spanA, spanB] = [publishedDateSpan(a.publishedDate), publishedDateSpan(b.publishedDate)];
  if (spanA && spanB) {
    if (spanA.latest < spanB.earliest) return { original: a, repeating: b };
    if (spanB.latest < spanA.earliest) return { original: b, repeating: a };
  }
  return a.id < b.id ? { original: a, repeating: b } : { original: b, repeating: a };
}

/** A document that names the one it copies ("copied from the article …") reposts it at any share above a stock sentence. */
export function meetsThreshold(finding: Pick<ReuseFinding, "share" | "reusedWords" | "attributed"> & { postShare?: number }): boolean {
  if (finding.attributed) return finding.reusedWords >= MIN_ATTRIBUTED_WORDS;
  return (
    finding.reusedWords >= MIN_REUSED_WORDS &&
    (finding.share >= MIN_SHARE || finding.reusedWords >= LONG_REUSE_WORDS || (finding.postShare ?? 0) >= MIN_POST_SHARE)
  );
}

/**
 * "#1", "#2", "Reply #3", "Post #4" on a line of their own: the numbers a forum puts at the head of each post of a thread.
 */
const POST_HEADER = /^[ \t]*(?:#\d+|(?:reply|post)\s+#\d+\b[^\n]*)[ \t]*$/gim;

/** [start, end) of each post of a forum thread; none for a text with fewer than two post headers (not a thread). */
export function postSpans(text: string): Array<[number, number]> {
  const starts = [...text.matchAll(POST_HEADER)].map((match) => match.index);
  if (starts.length < 2) return [];
  return starts.map((start, index) => [start, starts[index + 1] ?? text.length]);
}

/** The largest share of one post's words inside the passages, counting only posts holding MIN_REUSED_WORDS of them. */
function largestPostShare(text: string, tokens: readonly Token[], passages: readonly ReusePassage[]): number {
  let best = 0;
  for (const [start, end] of postSpans(text)) {
    const words = tokens.filter((token) => token.start >= start && token.start < end);
    const reused = words.filter((token) => passages.some((passage) => token.start >= passage.start && token.end <= passage.end)).length;
    if (words.length && reused >= MIN_REUSED_WORDS) best = Math.max(best, reused / words.length);
  }
  return best;
}

const tokenCache = new WeakMap<ComparedDocument, Token[]>();
function tokensOf(document: ComparedDocument): Token[] {
  let tokens = tokenCache.get(document);
  if (!tokens) tokenCache.set(document, (tokens = tokenize(document.text)));
  return tokens;
}

/** Measures the reuse between two documents, the later one repeating the earlier; null when they share no passage. */
export function compareDocuments(a: ComparedDocument, b: ComparedDocument): ReuseFinding | null {
  const { original, repeating } = originalOf(a, b);
  const [repeatingTokens, originalTokens] = [tokensOf(repeating), tokensOf(original)];
  const alignment = alignPassages(repeatingTokens, originalTokens);
  if (alignment.passages.length === 0 || alignment.totalWords === 0) return null;
  const [repeatingShingles, originalShingles] = [shingles(repeatingTokens), shingles(originalTokens)];
  return {
    sourceId: repeating.id,
    originalId: original.id,
    share: Math.min(1, alignment.reusedWords / alignment.totalWords),
    reusedWords: alignment.reusedWords,
    passages: alignment.passages,
    attributed: attributedBy(repeating.text, original, alignment.passages) !== null,
    postShare: largestPostShare(repeating.text, repeatingTokens, alignment.passages),
    containment: {
      repeating: containment(repeatingShingles, new Set(originalShingles)),
      original: containment(originalShingles, new Set(repeatingShingles)),
    },
  };
}

/**
 * Where characters [start, end) of the repeating document are in the original, when they lie inside
 * one reused passage; null otherwise. Within a passage the copy is near-verbatim, so offsets carry
 * over from the passage's start (scaled when the two sides differ in length), clamped to the passage;
 * given both texts, an exact copy of the span near that place is preferred.
 */
export function originalSpan(
  reuse: { passages: readonly ReusePassage[] },
  start: number,
  end: number,
  texts?: { text: string; originalText: string },
): { start: number; end: number } | null {
  const passage = reuse.passages.find((candidate) => start >= candidate.start && end <= candidate.end && start < end);
  if (!passage) return null;
  if (texts) {
    const wanted = texts.text.slice(start, end);
    const at = texts.originalText.slice(passage.originalStart, passage.originalEnd).indexOf(wanted);
    if (wanted.length > 0 && at >= 0) return { start: passage.originalStart + at, end: passage.originalStart + at + wanted.length };
  }
  const scale = (passage.originalEnd - passage.originalStart) / Math.max(1, passage.end - passage.start);
  const mapped = (offset: number) => Math.min(passage.originalEnd, passage.originalStart + Math.round((offset - passage.start) * scale));
  return { start: mapped(start), end: Math.max(mapped(start), mapped(end)) };
}
