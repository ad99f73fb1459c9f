// A claim read once by wink-nlp: each token's lemma, part of speech and whether a negation governs it.
import { readWords, type WordReading } from "@/lib/text/nlp";

/** A claim's word as wink-nlp reads it (lib/text/nlp.ts). */
export type FacetToken = WordReading;

const cache = new Map<string, FacetToken[]>();
const CACHE_LIMIT = 5_000;

export function facetTokens(text: string): FacetToken[] {
  const known = cache.get(text);
  if (known) return known;
  const result = readWords(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

/** Where each token starts in the text it was read from. */
export function tokenOffsets(text: string, tokens: FacetToken[]): number[] {
  const offsets: number[] = [];
  let cursor = 0;
  for (const token of tokens) {
    const at = text.indexOf(token.text, cursor);
    offsets.push(at === -1 ? cursor : at);
    if (at !== -1) cursor = at + token.text.length;
  }
  return offsets;
}

const CLAUSE_END = /^[.;:!?]$/;
/** Far enough for "was arrested by the Rapid Action Battalion at Benapole, near the Indian border, on …". */
const EVENT_REACH = 16;

/**
 * The happening a phrase (a date) belongs to: the verb of its clause before it, with the nouns in between
 * ("was arrested … on 28 April" → arrest; "since his arrest on April 29" → arrest, custody). Lemmas.
 */
export function eventBefore(tokens: FacetToken[], offsets: number[], start: number): string[] {
  let at = offsets.findIndex((offset) => offset >= start);
  if (at === -1) at = tokens.length;
  const found: string[] = [];
  for (let index = at - 1; index >= 0 && at - index <= EVENT_REACH; index -= 1) {
    const token = tokens[index]!;
    if (CLAUSE_END.test(token.text)) break;
    if (token.pos === "NOUN") found.push(token.lemma);
    if (token.pos === "VERB") {
      found.push(token.lemma);
      break;
    }
  }
  return found;
}

/**
 * A date that opens its sentence ("On 19 April 1989 The Sun published …") is the date of the verb after it: the nouns up to
 * that verb and the verb, as eventBefore gives them.
 */
export function eventAfter(tokens: FacetToken[], offsets: number[], end: number): string[] {
  const at = offsets.findIndex((offset) => offset >= end);
  if (at === -1) return [];
  const found: string[] = [];
  for (let index = at; index < tokens.length && index - at < EVENT_REACH; index += 1) {
    const token = tokens[index]!;
    if (CLAUSE_END.test(token.text)) break;
    if (token.pos === "NOUN") found.push(token.lemma);
    if (token.pos === "VERB") {
      found.push(token.lemma);
      return found;
    }
  }
  return [];
}
