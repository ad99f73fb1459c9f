// Document-wide evidence about names (fullest forms, places, genders), gathered before attribution reads sentence by sentence.

import { PersonNameResolver, guessActorKind } from "./actors";
import { LEADING_CITATION_MARKERS } from "./lexicon";
import type { Sentence } from "./sentences";
import { trailingPersonName, type Gender } from "./speaker-phrases";
import { isCapitalized, tokenize, type Token } from "./tokens";

// Kinship and honorifics fix a person's gender for "he said" / "she said".
const FEMALE_CONTEXT =
  /\b(Ms|Mrs|Miss|Begum|Madam|sister|mother|wife|daughter|aunt|niece|widow|woman|grandmother)\b\.?,?\s+(?:(?:Dr|Prof)\.?\s+)?(\p{Lu}[\p{L}\p{N}’'-]+(?:\s+\p{Lu}[\p{L}\p{N}’'-]+){0,3})/gu;
const MALE_CONTEXT =
  /\b(Mr|Sir|brother|father|husband|son|uncle|nephew|grandfather)\b\.?,?\s+(?:(?:Dr|Prof)\.?\s+)?(\p{Lu}[\p{L}\p{N}’'-]+(?:\s+\p{Lu}[\p{L}\p{N}’'-]+){0,3})/gu;

/** Words the document capitalizes somewhere other than at the start of a sentence or quotation. */
export function midSentenceCapitals(text: string, sentences: Sentence[]): Set<string> {
  const words = new Set<string>();
  for (const sentence of sentences) {
    const body = text.slice(sentence.start, sentence.end);
    const tokens = tokenize(body);
    // "[20] Transcripts of …": a sentence that opens with the last one's citation markers still opens after them.
    const opening = LEADING_CITATION_MARKERS.exec(body)?.[0].length ?? 0;
    tokens.forEach((token, i) => {
      const previous = tokens[i - 1];
      if (i > 0 && token.start > opening && isCapitalized(token) && previous && ![".", "“", '"', ":", "(", "‘"].includes(previous.text))
        words.add(token.text.replace(/[’']s$/, ""));
    });
  }
  return words;
}

// Capitalized words the document puts after "in", "to", "from"…: places, never the start of a person's name.
function placeWords(text: string): Set<string> {
  const places = new Set<string>();
  for (const match of text.matchAll(/\b(?:in|to|from|at|across|near|outside|inside|into|via)\s+(\p{Lu}\p{Ll}+)(?:\s+(\p{Lu}\p{Ll}+))?(?![\p{L}\p{N}])/gu)) {
    places.add(match[1]!.toLowerCase());
    if (match[2]) places.add(`${match[1]!.toLowerCase()} ${match[2].toLowerCase()}`);
  }
  return places;
}

export function buildNameResolver(text: string, sentences: Sentence[], isLayout: (index: number) => boolean): PersonNameResolver {
  const resolver = new PersonNameResolver(placeWords(text));
  for (const [index, sentence] of sentences.entries()) {
    if (sentence.nonLatin || isLayout(index)) continue;
    const tokens = tokenize(text.slice(sentence.start, sentence.end));
    for (const run of capitalizedRuns(tokens)) {
      const name = trailingPersonName(run);
      if (!name || !name.includes(" ")) continue;
      if (guessActorKind(name) !== "person" && guessActorKind(name) !== "other") continue;
      resolver.observe(name, sentence.start + run[0]!.start);
    }
  }
  return resolver;
}

function capitalizedRuns(tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const keeps = isCapitalized(token) || (token.text === "." && /^[A-Z][a-z]?$/.test(tokens[i - 1]?.text ?? "") && current.length > 0);
    if (keeps) current.push(token);
    else {
      if (current.length) runs.push(current);
      current = [];
    }
  }
  if (current.length) runs.push(current);
  return runs;
}

/** From "Ms Jalil", "his aunt Dr Fowzia Siddiqui", "Mr. Baqri" anywhere in the text. */
export function genderHints(text: string, names: PersonNameResolver): Map<string, Gender> {
  const hints = new Map<string, Gender>();
  const record = (pattern: RegExp, gender: Gender): void => {
    for (const match of text.matchAll(pattern)) {
      const run = tokenize(match[2]!);
      const name = trailingPersonName(run) ?? match[2]!;
      const display = names.resolve(name, match.index ?? 0);
      if (!hints.has(display)) hints.set(display, gender);
    }
  };
  record(FEMALE_CONTEXT, "female");
  record(MALE_CONTEXT, "male");
  return hints;
}
