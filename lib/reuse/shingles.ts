// Word shingles of normalized text, their containment in another text, and the reused passages
// (aligned runs of shared shingles, merged into character ranges on both texts). Pure: no database.
import { stripDiacritics } from "@/lib/text/diacritics";

/** Words per shingle: five words rarely repeat by chance, and a changed word breaks only five shingles. */
export const SHINGLE_WORDS = 5;
/** A passage holds at least this many shared shingles (12 words in a row); fewer is a common phrase, not reuse. */
export const MIN_PASSAGE_SHINGLES = 8;
/** Shorter runs (one shingle: five common words) are coincidence and join no passage. */
const MIN_PIECE_SHINGLES = 2;
/** Runs this close on both sides are one passage: a changed word, a dropped dateline, a headline above the copy. */
export const MAX_GAP_SHINGLES = SHINGLE_WORDS + 10;

export interface Token {
  /** Lowercased, accents folded. */
  word: string;
  start: number;
  end: number;
}

/** Words (letters and digits of any script, with an inner apostrophe) at their JavaScript string offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    const word = stripDiacritics(match[0].toLowerCase()).replace(/’/g, "'");
    tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** The shingle starting at each word (none for a text shorter than one shingle). */
export function shingles(tokens: readonly Token[]): string[] {
  const result: string[] = [];
  for (let index = 0; index + SHINGLE_WORDS <= tokens.length; index++) {
    let shingle = tokens[index]!.word;
    for (let offset = 1; offset < SHINGLE_WORDS; offset++) shingle += " " + tokens[index + offset]!.word;
    result.push(shingle);
  }
  return result;
}

/** Share of `of`'s distinct shingles found in `in` (0 when `of` has none). */
export function containment(of: readonly string[], within: ReadonlySet<string>): number {
  const distinct = new Set(of);
  if (distinct.size === 0) return 0;
  let found = 0;
  for (const shingle of distinct) if (within.has(shingle)) found++;
  return found / distinct.size;
}

/** A reused passage: characters [start, end) of the repeating text are [originalStart, originalEnd) of the original. */
export interface ReusePassage {
  start: number;
  end: number;
  originalStart: number;
  originalEnd: number;
}

interface Run {
  /** Shingle indexes, end exclusive, in the repeating text (a) and the original (b). */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Where a shingle occurs at most this often in the original, each place is tried for the longest run. */
const MAX_PLACES_TRIED = 16;

/** Greedy alignment: from each shared shingle, the longest run of shingles equal on both sides. */
function alignedRuns(a: readonly string[], b: readonly string[]): Run[] {
  const places = new Map<string, number[]>();
  b.forEach((shingle, index) => {
    const list = places.get(shingle);
    if (list) list.push(index);
    else places.set(shingle, [index]);
  });
  const runs: Run[] = [];
  let index = 0;
  while (index < a.length) {
    const candidates = places.get(a[index]!);
    if (!candidates) {
      index++;
      continue;
    }
    let bestStart = -1;
    let bestLength = 0;
    for (const place of candidates.slice(0, MAX_PLACES_TRIED)) {
      let length = 0;
      while (index + length < a.length && place + length < b.length && a[index + length] === b[place + length]) length++;
      if (length > bestLength) [bestStart, bestLength] = [place, length];
    }
    runs.push({ aStart: index, aEnd: index + bestLength, bStart: bestStart, bEnd: bestStart + bestLength });
    index += bestLength;
  }
  return runs;
}

function mergedRuns(runs: readonly Run[]): Run[] {
  const merged: Array<Run & { shared: number }> = [];
  for (const run of runs.filter((candidate) => candidate.aEnd - candidate.aStart >= MIN_PIECE_SHINGLES)) {
    const last = merged.at(-1);
    const aGap = last ? run.aStart - last.aEnd : Infinity;
    const bGap = last ? run.bStart - last.bEnd : Infinity;
    if (last && aGap <= MAX_GAP_SHINGLES && bGap >= 0 && bGap <= MAX_GAP_SHINGLES) {
      last.aEnd = run.aEnd;
      last.bEnd = run.bEnd;
      last.shared += run.aEnd - run.aStart;
    } else merged.push({ ...run, shared: run.aEnd - run.aStart });
  }
  return merged.filter((group) => group.shared >= MIN_PASSAGE_SHINGLES);
}

export interface Alignment {
  passages: ReusePassage[];
  /** Words of the repeating text inside the passages. */
  reusedWords: number;
  /** Words of the repeating text. */
  totalWords: number;
}

/** The passages of `repeating` found in `original`, in the repeating text's order. */
export function alignPassages(repeating: readonly Token[], original: readonly Token[]): Alignment {
  const runs = mergedRuns(alignedRuns(shingles(repeating), shingles(original)));
  let reusedWords = 0;
  const passages = runs.map((run) => {
    // Shingle i covers words i … i + SHINGLE_WORDS - 1.
    const aLast = run.aEnd - 1 + SHINGLE_WORDS - 1;
    const bLast = run.bEnd - 1 + SHINGLE_WORDS - 1;
    reusedWords += aLast - run.aStart + 1;
    return {
      start: repeating[run.aStart]!.start,
      end: repeating[aLast]!.end,
      originalStart: original[run.bStart]!.start,
      originalEnd: original[bLast]!.end,
    };
  });
  return { passages, reusedWords, totalWords: repeating.length };
}
