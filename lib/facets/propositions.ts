// Every predication in a claim and whether the claim holds it true: "The owners denied that any exit
// had been locked" holds "exit … locked" false. Antonyms are told apart when two claims are compared.
import { actLexicon, deniesObject, negationBefore, predicateSense, LIGHT, NEG_RAISING, REPORTING, SPEECH_ACTS } from "@/lib/facets/acts";
import { derivedVerbs, isWord } from "@/lib/text/wordnet";
import type { FacetToken } from "@/lib/facets/tokens";
import type { PropositionFacet } from "@/lib/facets/types";
import { normalizeTerm } from "@/lib/text/terms";

const CLAUSE_END = /^(?:[,;:()—–]|--|and|but|while|whereas|although|though|because|which|who|when|where|after|before|since|until|if|unless)$/i;
const MODAL = /^(?:may|might|could|would|should|can|must|shall|cannot|will|'ll|wo)$/;
/** "failed to locate", "refused to pay": verbs whose infinitive did not happen. */
const NEGATIVE_IMPLICATIVE = new Set(["fail", "refuse", "decline", "neglect", "forget", "omit"]);
/** "managed to escape": verbs whose infinitive did happen. */
const POSITIVE_IMPLICATIVE = new Set(["manage", "succeed", "begin", "start", "continue", "happen"]);
/** "pretending he had broadcast an order", "feigned that the brakes had failed": the complement did not happen (any tag: the tagger reads "pretending" as a noun). */
const COUNTERFACTIVE = /^(?:pretend(?:s|ed|ing)?|feign(?:s|ed|ing)?|fak(?:ed|ing))$/;
/** "none of", "no one": a subject that negates its clause. */
const NEGATIVE_SUBJECT = /^(?:no|none|nobody|nothing|neither)$/;
/** "no doubt", "no longer": "no" that negates no thing. */
const NOT_A_THING = /^(?:longer|more|less|doubt|matter|way|sooner|one|comment|idea|choice)$/;

/** "had no part in the refurbishment", "played no role in", "no hand in": a denial of taking part, not of a thing. */
const SHARE = /^(?:part|role|hand|say|share|stake)$/;
function noShareIn(tokens: FacetToken[], at: number): boolean {
  return SHARE.test(tokens[at + 1]?.lower ?? "") && /^(?:in|whatsoever)$/.test(tokens[at + 2]?.lower ?? "");
}

function clauseBounds(tokens: FacetToken[], at: number): [number, number] {
  let start = at;
  while (start > 0 && !CLAUSE_END.test(tokens[start - 1]!.text) && tokens[start - 1]!.pos !== "SCONJ") start -= 1;
  let end = at + 1;
  while (end < tokens.length && !CLAUSE_END.test(tokens[end]!.text) && tokens[end]!.pos !== "SCONJ" && tokens[end]!.text !== ".") end += 1;
  return [start, end];
}

function nounTerm(token: FacetToken): string | null {
  if (token.pos !== "NOUN" && token.pos !== "PROPN") return null;
  return normalizeTerm(token.lower);
}

function nounsIn(tokens: FacetToken[], from: number, to: number): string[] {
  const nouns = new Set<string>();
  for (let i = from; i < to; i += 1) {
    const term = nounTerm(tokens[i]!);
    if (term) nouns.add(term);
  }
  return [...nouns];
}

/** "not a single member of his party had been named" */
function negativeSubject(tokens: FacetToken[], clauseStart: number, at: number): boolean {
  for (let i = clauseStart; i < at && i <= clauseStart + 2; i += 1) {
    const word = tokens[i]!.lower;
    if (NEGATIVE_SUBJECT.test(word) && !NOT_A_THING.test(tokens[i + 1]?.lower ?? "")) return true;
    if (word === "not" && /^(?:a|one|any)$/.test(tokens[i + 1]?.lower ?? "") && (tokens[i + 1]!.lower !== "a" || tokens[i + 2]?.lower === "single"))
      return true;
    // "Not all of the oil reached open water": some of it did not.
    if (word === "not" && /^(?:all|every|everyone|everything|everybody)$/.test(tokens[i + 1]?.lower ?? "")) return true;
  }
  return false;
}

function underDenial(tokens: FacetToken[], at: number): string | null {
  const { deny } = actLexicon();
  for (let i = at - 1; i >= 0; i -= 1) {
    const token = tokens[i]!;
    // "disputed since the rig exploded" does not deny the explosion.
    if (/^[;.]$/.test(token.text) || (CLAUSE_END.test(token.text) && token.text !== ",") || (token.pos === "SCONJ" && !/^(?:that|whether)$/.test(token.lower)))
      return null;
    const denies =
      (token.pos === "VERB" && deny.has(token.lemma) && deniesObject(tokens, i)) ||
      COUNTERFACTIVE.test(token.lower) ||
      /^(?:denial|denials|rejection)$/.test(token.lower);
    if (denies && !negationBefore(tokens, i)) {
      // A comma between them ends the denial's object: "X, who denied the charges, was convicted".
      return tokens.slice(i + 1, at).some((between) => between.text === ",") ? null : token.text;
    }
  }
  return null;
}

/** Nouns of saying whose "that"-clause the sentence reports without holding it ("the claim that …"). */
const STATEMENT_NOUNS =
  "statements?|claims?|assertions?|suggestions?|allegations?|accusations?|rumou?rs?|notions?|theory|theories|contention|insistence|charges?|speculation|tweets?|remarks?";
const STATEMENT_NOUN = new RegExp(`^(?:${STATEMENT_NOUNS})$`);
/** "the statement by President X that …", "Trump's claim that …": the same nouns in running text, up to their "that". */
export const REPORTED_STATEMENT = new RegExp(
  `\\b(?:the|a|an|his|her|their|its|this|that|\\p{Lu}[\\p{L}.]*['’]s)\\s+(?:\\p{L}+\\s+)?(?:${STATEMENT_NOUNS})\\s+(?:(?:by|from|of)\\s+[^,;:]{1,60}?\\s+)?that\\b`,
  "giu",
);

/**
 * "answered the statement by President X that 3,000 people did not die": the clause is someone's statement, reported.
 * "a dispute over how many people died", "asked whether the doors were locked": a question asks, it asserts nothing.
 */
function inReportedStatement(tokens: FacetToken[], at: number): boolean {
  for (let i = at - 1; i >= 1; i -= 1) {
    const token = tokens[i]!;
    if (/^[;.]$/.test(token.text)) return false;
    if (token.lower === "whether" || (token.lower === "how" && /^(?:many|much)$/.test(tokens[i + 1]?.lower ?? ""))) return true;
    if (token.lower !== "that") continue;
    // "the statement that", "the claim by X that", "the allegations of Y that"
    for (let j = i - 1; j >= Math.max(0, i - 10); j -= 1) {
      if (STATEMENT_NOUN.test(tokens[j]!.lower) && tokens[j]!.pos === "NOUN") return true;
      if (tokens[j]!.pos === "VERB" || tokens[j]!.text === ",") break;
    }
  }
  return false;
}

/** "locked" → lock, so adjective and verb forms compare. */
function predicateLemma(token: FacetToken): { lemma: string; pos: "v" | "a" } | null {
  if (token.pos === "VERB") return { lemma: isWord(token.lemma, "v") ? token.lemma : token.lower, pos: "v" };
  if (token.pos !== "ADJ") return null;
  if (/ed$/.test(token.lower)) {
    for (const stem of [token.lower.slice(0, -2), token.lower.slice(0, -1)]) if (isWord(stem, "v")) return { lemma: stem, pos: "v" };
  }
  return { lemma: isWord(token.lemma, "a") ? token.lemma : token.lower, pos: "a" };
}

function isPredicate(tokens: FacetToken[], at: number): boolean {
  const token = tokens[at]!;
  if (token.pos === "VERB") return !REPORTING.has(token.lemma) && !LIGHT.has(token.lemma) && !SPEECH_ACTS.has(token.lemma) && !NEG_RAISING.has(token.lemma);
  if (token.pos !== "ADJ") return false;
  // "the doors were locked", "kept unlocked", "locked doors"
  const previous = tokens[at - 1];
  return (
    previous?.pos === "AUX" ||
    /^(?:be|remain|stay|keep|seem|become)$/.test(previous?.lemma ?? "") ||
    (/ed$/.test(token.lower) && tokens[at + 1]?.pos === "NOUN")
  );
}

/**
 * "gave an order to evacuate", "made no evacuation broadcast", "issued a warning": a support verb whose object names an
 * act (WordNet derives a verb from the noun) predicates that act — "never gave an order" did not order.
 */
const SUPPORT = new Set(["give", "make", "issue"]);
function supportedAct(tokens: FacetToken[], at: number): string | null {
  const token = tokens[at]!;
  if (token.pos !== "VERB" || !SUPPORT.has(token.lemma)) return null;
  let j = at + 1;
  if (/^(?:a|an|the|no|any)$/.test(tokens[j]?.lower ?? "")) j += 1;
  let head = -1;
  while (j < tokens.length && j <= at + 4 && /^(?:ADJ|NOUN)$/.test(tokens[j]!.pos)) {
    if (tokens[j]!.pos === "NOUN") head = j;
    j += 1;
  }
  if (head < 0 || head !== j - 1) return null;
  const verb = derivedVerbs(tokens[head]!.lemma)[0];
  return verb && !LIGHT.has(verb) && !REPORTING.has(verb) && !SPEECH_ACTS.has(verb) ? verb : null;
}

/**
 * "Dow took on Carbide's liabilities", "gave up the search": a light verb with its particle is a verb of its own (WordNet
 * lists "take_on" beside "assume"), where the light verb alone names no act.
 */
const PARTICLE = /^(?:on|off|up|out|over|down|back|away)$/;
function phrasalAct(tokens: FacetToken[], at: number): string | null {
  const token = tokens[at]!;
  const particle = tokens[at + 1];
  if (token.pos !== "VERB" || !LIGHT.has(token.lemma) || !particle || !PARTICLE.test(particle.lower)) return null;
  const phrasal = `${token.lemma}_${particle.lower}`;
  return isWord(phrasal, "v") ? phrasal : null;
}

/** "his crew had broadcast an order": a form after "had" that takes an object is the verb, whatever the tagger said. */
function taggedAsNoun(tokens: FacetToken[], at: number): boolean {
  const token = tokens[at]!;
  return (
    token.pos === "NOUN" &&
    tokens[at - 1]?.pos === "AUX" &&
    tokens[at - 1]!.lemma === "have" &&
    /^(?:a|an|the|his|her|its|their|our)$/.test(tokens[at + 1]?.lower ?? "") &&
    isWord(token.lemma, "v")
  );
}

function phrase(tokens: FacetToken[], from: number, to: number): string {
  return tokens
    .slice(Math.max(0, from), to)
    .map((token) => token.text)
    .join(" ")
    .replace(/ (['’]s|n't|[,.;:])/g, "$1");
}

/** A clause opened by "and", "but" or a comma whose verb comes before any noun or pronoun has no subject of its own. */
function subjectless(tokens: FacetToken[], start: number, at: number): boolean {
  if (start === 0 || !/^(?:and|but|,)$/i.test(tokens[start - 1]!.text)) return false;
  for (let i = start; i < at; i += 1) if (/^(?:NOUN|PROPN|PRON|NUM)$/.test(tokens[i]!.pos) || tokens[i]!.pos === "DET") return false;
  return true;
}

export function extractPropositions(tokens: FacetToken[]): PropositionFacet[] {
  const result: PropositionFacet[] = [];
  let sentenceSubject: string[] | undefined;
  let lastPredicate = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    // "There was no CCTV footage": something said not to exist.
    if (token.lower === "no" && token.pos === "DET" && !NOT_A_THING.test(tokens[i + 1]?.lower ?? "") && !noShareIn(tokens, i)) {
      let end = i + 1;
      while (end < tokens.length && end <= i + 4 && /^(?:ADJ|NOUN|PROPN)$/.test(tokens[end]!.pos)) end += 1;
      const nouns = nounsIn(tokens, i + 1, end);
      if (nouns.length && tokens[end - 1]!.pos !== "ADJ") {
        result.push({ lemma: "exist", pos: "v", sense: "exist", positive: false, args: nouns, words: phrase(tokens, i, end), flip: "no" });
      }
      continue;
    }
    const supported = supportedAct(tokens, i) ?? phrasalAct(tokens, i);
    const misTagged = !supported && taggedAsNoun(tokens, i);
    if (!supported && !misTagged && !isPredicate(tokens, i)) continue;
    const predicate = supported || misTagged ? { lemma: supported ?? token.lemma, pos: "v" as const } : predicateLemma(token);
    // "rejected the claim that …" denies the clause (underDenial below); any other statement's clause is only reported.
    if (!predicate || (inReportedStatement(tokens, i) && !underDenial(tokens, i))) continue;
    const [start, end] = clauseBounds(tokens, i);
    // "may be", "will reveal": what might or will be is not said to be.
    if (tokens.slice(Math.max(start, i - 3), i).some((before) => MODAL.test(before.lower))) continue;
    // "plans to build" asserts nothing, unless the verb says whether it happened ("failed to locate").
    let implicative: "negative" | "positive" | null = null;
    const to = tokens[i - 1]?.lower === "to" ? i - 1 : tokens[i - 2]?.lower === "to" && /^(?:not|never)$/.test(tokens[i - 1]!.lower) ? i - 2 : -1;
    if (to >= 0 && tokens[i]!.pos === "VERB") {
      const governing = tokens[to - 1]?.lemma ?? "";
      if (NEGATIVE_IMPLICATIVE.has(governing)) implicative = "negative";
      else if (POSITIVE_IMPLICATIVE.has(governing)) implicative = "positive";
      else continue;
    }
    const { sense, antonym } = predicateSense(predicate.lemma, predicate.pos);
    // A participle before its noun ("armed wing") only describes it; a negative subject negates its clause's first predicate.
    const attributive = token.pos === "ADJ" && tokens[i + 1]?.pos === "NOUN";
    const firstInClause = lastPredicate < start;
    lastPredicate = i;
    const negated = !attributive && (negationBefore(tokens, i) || (firstInClause && negativeSubject(tokens, start, i)));
    const denial = underDenial(tokens, i);
    // "received no answer" did not receive one.
    const noObject = token.pos === "VERB" && tokens[i + 1]?.lower === "no" && !NOT_A_THING.test(tokens[i + 2]?.lower ?? "");
    const flips = [negated ? "not" : null, noObject ? "no" : null, denial, implicative === "negative" ? (tokens[i - 2]?.text ?? "failed") : null].filter(
      Boolean,
    ) as string[];
    const positive = flips.length % 2 === 0;
    // "Warren Anderson flew to Bhopal and was arrested": a verb with no subject of its own after "and", "but" or an
    // appositive's comma shares the subject the sentence opened with.
    sentenceSubject ??= nounsIn(tokens, 0, start);
    const args = subjectless(tokens, start, i) ? [...new Set([...sentenceSubject, ...nounsIn(tokens, start, end)])] : nounsIn(tokens, start, end);
    if (!args.length) continue;
    result.push({
      lemma: predicate.lemma,
      pos: predicate.pos,
      sense,
      ...(antonym ? { antonym: true } : {}),
      positive,
      args,
      words: phrase(tokens, Math.max(start, i - 4), Math.min(end, i + 4)),
      ...(flips.length ? { flip: flips.join(", ") } : {}),
    });
  }
  return result;
}
