// The full wink-nlp pipeline, made once on first use; sentence segmentation keeps its own boundary-only instance.
import winkNLP from "wink-nlp";
import type { WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

let instance: WinkMethods | undefined;

export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}

/** A verb, or a form of "be", among the words ("Only 172 were rescued", "Seventy-two people died"). */
export function hasVerb(text: string): boolean {
  const instance = nlp();
  const tokens = instance.readDoc(text).tokens();
  const pos = tokens.out(instance.its.pos) as string[];
  const lemmas = tokens.out(instance.its.lemma as typeof instance.its.value) as string[];
  return pos.some((tag, index) => tag === "VERB" || (tag === "AUX" && lemmas[index]?.toLowerCase() === "be"));
}
