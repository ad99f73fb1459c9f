// A claim read once by wink-nlp: each token's lemma, part of speech and whether a negation governs it.
import { nlp } from "@/lib/text/nlp";

export interface FacetToken {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  negated: boolean;
}

const cache = new Map<string, FacetToken[]>();
const CACHE_LIMIT = 5_000;

export function facetTokens(text: string): FacetToken[] {
  const known = cache.get(text);
  if (known) return known;
  const instance = nlp();
  const its = instance.its;
  const tokens = instance.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const lemmas = tokens.out(its.lemma as typeof its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const negation = tokens.out(its.negationFlag as unknown as typeof its.value) as unknown as boolean[];
  const result = values.map((value, index) => ({
    text: value,
    lower: value.toLowerCase(),
    lemma: (lemmas[index] ?? value).toLowerCase(),
    pos: pos[index] ?? "X",
    negated: negation[index] === true,
  }));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}
