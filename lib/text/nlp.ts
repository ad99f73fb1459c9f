// The full wink-nlp pipeline, made once on first use; sentence segmentation keeps its own boundary-only instance.
import winkNLP from "wink-nlp";
import type { WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

let instance: WinkMethods | undefined;

export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

/** One word as wink-nlp reads it: its lemma, part of speech and whether a negation governs it. */
export interface WordReading {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  negated: boolean;
}

/** Every word of the text, read once by the full pipeline (facets cache this per claim; see lib/facets/tokens.ts). */
export function readWords(text: string): WordReading[] {
  const instance = nlp();
  const its = instance.its;
  const tokens = instance.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const lemmas = tokens.out(its.lemma as typeof its.value) as string[];
  const pos = tokens.out(its.pos) as string[];
  const negation = tokens.out(its.negationFlag as unknown as typeof its.value) as unknown as boolean[];
  return values.map((value, index) => ({
    text: value,
    lower: value.toLowerCase(),
    lemma: (lemmas[index] ?? value).toLowerCase(),
    pos: pos[index] ?? "X",
    negated: negation[index] === true,
  }));
}

/** A verb, or a form of "be", among the words ("Only 172 were rescued", "Seventy-two people died"). */
export function hasVerb(text: string): boolean {
  return readWords(text).some((word) => word.pos === "VERB" || (word.pos === "AUX" && word.lemma === "be"));
}
