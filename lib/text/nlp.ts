// The full wink-nlp pipeline (English lite model: part of speech, negation, entities), made
// once on first use. Sentence segmentation keeps its own sentence-boundary-only instance.
import winkNLP from "wink-nlp";
import type { WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

let instance: WinkMethods | undefined;

export function nlp(): WinkMethods {
  instance ??= winkNLP(model);
  return instance;
}
