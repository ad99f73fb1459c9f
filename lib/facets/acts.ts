// What a claim does towards a party (accuses, denies, admits) and its main predicate; "was not involved" is a denial.
import { antonymSenses, headSense, synonyms, isWord } from "@/lib/text/wordnet";
import type { ActFacet, Polarity, PredicateFacet } from "@/lib/facets/types";
import type { FacetToken } from "@/lib/facets/tokens";
import { NEGATORS } from "@/lib/text/terms";
import type { PositionedEntity } from "@/lib/facets/entities";

function widen(seeds: string[], depth = 1): Set<string> {
  const words = new Set<string>();
  for (const seed of seeds) for (const word of synonyms(seed, "v", depth)) if (!word.includes(" ")) words.add(word);
  return words;
}

let lexicon: { accuse: Set<string>; deny: Set<string>; admit: Set<string> } | undefined;

export function actLexicon() {
  lexicon ??= {
    accuse: new Set([
      ...widen(["accuse", "blame", "implicate", "incriminate", "convict"]),
      "perpetrate",
      "orchestrate",
      "mastermind",
      "link",
      "tie",
      "involve",
      "connect",
      "hold",
      "charge",
      "allege",
      "sentence",
      "extort",
      "order",
      "fire",
      "shoot",
      "down",
      "attribute",
      "set",
      "torch",
      "plot",
      // Faults of a party's own reporting: asserted they accuse, negated they deny.
      "underestimate",
      "understate",
      "lowball",
      "mislead",
      "conceal",
      "downplay",
      "suppress",
    ]),
    // Only the first senses of the speech acts widen: acquit's synonyms ("discharge", "clear") name other acts too.
    deny: new Set([
      ...widen(["deny", "refute", "rebut", "repudiate"]),
      "disclaim",
      "exonerate",
      "acquit",
      "absolve",
      "exculpate",
      "reject",
      "dismiss",
      "dispute",
      "contest",
      "challenge",
      "renounce",
      "disagree",
    ]),
    admit: new Set([...widen(["admit", "concede", "confess", "acknowledge"]), "apologize", "apologise"]),
  };
  return lexicon;
}

const OBJECT_BOUND = new Set(["dismiss", "challenge", "contest", "renounce", "disagree", "reject"]);
const DENIED_OBJECTS =
  /\b(?:with|claims?|allegations?|accusations?|charges?|reports?|involvement|role|links?|responsibility|part|blame|notion|idea|suggestions?|views?|criticism|account|version|calculations?|figures?|estimates?|findings?|verdict|ruling|judgment|conclusions?|assertions?|suggestions?|statements?|notion|it|this|that|them|these|as)\b/;

/** "challenged this calculation" denies, "challenged the army" does not. */
export function deniesObject(tokens: FacetToken[], at: number): boolean {
  if (!OBJECT_BOUND.has(tokens[at]!.lemma)) return true;
  const object = tokens
    .slice(at + 1, at + 5)
    .map((next) => next.lower)
    .join(" ");
  return DENIED_OBJECTS.test(object);
}

const ACCUSING_WORDS = new Set([
  "responsible",
  "guilty",
  "culprit",
  "culprits",
  "behind",
  "arsonists",
  "ablaze",
  "negligent",
  "negligence",
  "reckless",
  "misconduct",
  "involvement",
  "involved",
  "complicit",
  "liable",
  "linked",
  "accused",
  "suspect",
  "suspects",
  "perpetrator",
  "perpetrators",
  "mastermind",
  "blame",
  "arson",
]);
const DENYING_PHRASES =
  /\b(?:brush(?:ed|es|ing)?\s+aside|shrug(?:ged|s|ging)?\s+off|(?:not|never)\s+accept(?:s|ed)?\s+that|not\s+true|untrue|baseless|unfounded|groundless|fabricated|concocted|false(?:hood)?s?(?!\s+(?!(?:and|or|claims?|reports?|allegations?|accusations?|statements?|charges?|stor(?:y|ies)|news|information|narratives?|rumou?rs?|figures?|numbers?)\b)\p{Ll}+)|lies|propaganda|politically\s+motivated|absurd|nonsense|no\s+(?:evidence|proof|truth)|nothing\s+to\s+do\s+with|played\s+no\s+(?:role|part)|no\s+(?:role|part|hand|link|links|connection|involvement)\s+in|innocent|not\s+guilty|not\s+responsible|not\s+involved|never\s+(?:been\s+)?involved|wrong(?:ly)?|(?:my|his|her|our|their)\s+conscience\s+is\s+clear|overstated|overestimated|exaggerated|inflated|scandalous|a\s+mockery)\b/iu;
const ACCUSING_PHRASES = /\b(?:part\s+of\s+(?:the|this|a|that)\s+(?:plan|plot|conspiracy)|had\s+a\s+hand\s+in|(?:was|were|is|are)\s+behind\s+the\s+\w+)\b/i;
const ADMITTING_PHRASES =
  /\b(?:were|was)\s+(?:\w+\s+)?off\b|\b(?:we|i)\s+(?:\w+\s+)?underestimated\b|\baccepted\s+responsibility\b|\btook\s+responsibility\b|\b(?:were|was)\s+(?:\w+\s+)?wrong\b.*\b(?:we|our)\b/i;

export const REPORTING = new Set([
  "say",
  "tell",
  "state",
  "add",
  "report",
  "claim",
  "note",
  "announce",
  "according",
  "write",
  "explain",
  "insist",
  "argue",
  "suggest",
  "believe",
  "think",
  "quote",
  "cite",
  "warn",
  "stress",
  "describe",
  "call",
  "ask",
  "find",
  "conclude",
  "rule",
  "testify",
  "allege",
]);
/** "the JIT blamed the MQM": the subject accuses, the object is accused. */
const BLAMING = new Set([
  "accuse",
  "blame",
  "implicate",
  "incriminate",
  "impeach",
  "criminate",
  "charge",
  "allege",
  "convict",
  "sentence",
  "hold",
  "attribute",
  "link",
  "tie",
  "connect",
  "involve",
]);
/** Their object, not themselves, is what the claim is about. */
export const SPEECH_ACTS = new Set([
  "deny",
  "reject",
  "refute",
  "dismiss",
  "dispute",
  "rebut",
  "contest",
  "challenge",
  "admit",
  "concede",
  "acknowledge",
  "confess",
  "accuse",
  "allege",
]);
export const LIGHT = new Set([
  "be",
  "have",
  "do",
  "get",
  "make",
  "go",
  "come",
  "take",
  "give",
  "keep",
  "seem",
  "become",
  "let",
  "may",
  "might",
  "can",
  "could",
  "will",
  "would",
  "shall",
  "should",
  "must",
]);

/**
 * "I don't think there has been any X" denies X; so does "X did not appear (seem) to have been behind it": a raising
 * verb's negation belongs to the clause under it.
 */
export const NEG_RAISING = new Set(["think", "believe", "expect", "suppose", "feel", "imagine", "appear", "seem"]);

/** Within three words: wink's scope runs to the clause's end ("had no idea Mr. Baqri had been accused"). */
export function negationBefore(tokens: FacetToken[], at: number): boolean {
  for (let i = Math.max(0, at - 3); i < at; i += 1) if (NEGATORS.has(tokens[i]!.lower) && !/^(?:nothing|none|nobody)$/.test(tokens[i]!.lower)) return true;
  for (let i = at - 1; i >= 0 && i >= at - 10; i -= 1) {
    const token = tokens[i]!;
    if (/^[,;:]$/.test(token.text)) break;
    if (NEG_RAISING.has(token.lemma) && /^(?:not|n't|never)$/.test(tokens[i - 1]?.lower ?? "")) return true;
    // "neither he nor the party had ever been involved": a subject joined by "nor" negates its verb.
    if (token.lower === "nor" && tokens.slice(Math.max(0, i - 6), i).some((before) => before.lower === "neither")) return true;
  }
  return false;
}

/** Shared by synonyms; antonyms share it with `antonym` set ("acquitted" is "not convicted"). */
export function predicateSense(lemma: string, pos: "v" | "a"): { sense: string | null; antonym: boolean } {
  const head = headSense(lemma, pos);
  if (head === null) return { sense: null, antonym: false };
  const opposite = antonymSenses(lemma, pos).sort((x, y) => x - y)[0];
  if (opposite !== undefined && opposite < head) return { sense: `${pos}${opposite}`, antonym: true };
  return { sense: `${pos}${head}`, antonym: false };
}

export function mainPredicate(tokens: FacetToken[], deniedBySpeaker: boolean): PredicateFacet | null {
  let candidate = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.pos === "VERB" && !REPORTING.has(token.lemma) && !LIGHT.has(token.lemma) && !SPEECH_ACTS.has(token.lemma) && !NEG_RAISING.has(token.lemma)) {
      candidate = i;
      break;
    }
  }
  if (candidate === -1) {
    for (let i = 0; i < tokens.length; i += 1)
      if (tokens[i]!.pos === "ADJ" && tokens[i - 1]?.pos === "AUX") {
        candidate = i;
        break;
      }
  }
  if (candidate === -1) return null;
  const token = tokens[candidate]!;
  const pos = token.pos === "ADJ" ? "a" : "v";
  const lemma = isWord(token.lemma, pos) ? token.lemma : token.lower;
  const { sense, antonym } = predicateSense(lemma, pos);
  const negated = negationBefore(tokens, candidate) !== antonym;
  const polarity: Polarity = deniedBySpeaker ? "denied" : negated ? "negated" : "asserted";
  return { lemma, sense, polarity };
}

function phrase(tokens: FacetToken[], at: number, span = 3): string {
  return tokens
    .slice(at, at + span)
    .map((token) => token.text)
    .join(" ")
    .replace(/ (['’]s|n't|[,.;:])/g, "$1");
}

/** Nouns of a wrong done to someone: "Farooq's murder", "the killing of Wali Babar". */
const HARM_NOUNS = new Set(["murder", "killing", "assassination", "death", "abduction", "kidnapping", "disappearance", "torture", "lynching", "downing"]);
/** Verbs of a wrong done to someone, whose object is the one it was done to: "killed Wali Babar", "shot down MH17". */
const HARM_VERBS = new Set(["kill", "murder", "assassinate", "abduct", "kidnap", "torture", "down", "shoot"]);
const TITLES = new Set(["dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "flight", "the", "late"]);

/**
 * Whom a wrong was done to is neither accused nor cleared by the claim: "involved in Dr Imran Farooq's murder", "the
 * killing of Wali Babar", "separatists shot down MH17". Keys named only as such a victim.
 */
function victimKeys(tokens: FacetToken[], entities: PositionedEntity[]): Set<string> {
  const victim = (entity: PositionedEntity) => {
    const after = tokens[entity.end];
    if (after && /^['’]s?$/.test(after.lower) && [1, 2].some((step) => HARM_NOUNS.has(tokens[entity.end + step]?.lemma ?? ""))) return true;
    let before = entity.at - 1;
    while (before >= 0 && TITLES.has(tokens[before]!.lower)) before -= 1;
    if (tokens[before]?.lower === "of" && HARM_NOUNS.has(tokens[before - 1]?.lemma ?? "")) return true;
    const verb = tokens[before];
    return verb !== undefined && verb.pos !== "NOUN" && HARM_VERBS.has(verb.lemma) && !/^(?:be|get)$/.test(tokens[before - 1]?.lemma ?? "");
  };
  const victims = new Set(entities.filter(victim).flatMap((entity) => entity.keys));
  for (const entity of entities) if (!victim(entity)) for (const key of entity.keys) victims.delete(key);
  return victims;
}

/** The caller adds the speaker's own keys to a denial or admission. */
export function extractActs(text: string, tokens: FacetToken[], entities: PositionedEntity[], cue: string | null | undefined): ActFacet[] {
  const { accuse, deny, admit } = actLexicon();
  const acts: ActFacet[] = [];
  const victims = victimKeys(tokens, entities);
  const entityKeys = [...new Set(entities.flatMap((entity) => entity.keys))].filter((key) => !victims.has(key));
  const reportingAt = tokens.findIndex((token) => (token.pos === "VERB" || token.lower === "according") && REPORTING.has(token.lemma));
  // "Khalid Shamim is said to be the mastermind": a passive report describes its subject, it does not quote it.
  const speakerBefore = reportingAt >= 0 && tokens[reportingAt - 1]?.lemma !== "be" ? reportingAt : -1;
  // The subject of "said" or of an active "blamed" accuses; the subject of a wrong done ("BP had understated the flow") is accused.
  const accused = (at: number): string[] => {
    const passive = /^(?:be|get)$/.test(tokens[at - 1]?.lemma ?? "") || /^(?:be|get)$/.test(tokens[at - 2]?.lemma ?? "") || tokens[at]?.pos !== "VERB";
    // "workers convicted of arson": a participle before a preposition is passive.
    const participle = /^(?:of|for|in|by|over|as|with)$/.test(tokens[at + 1]?.lower ?? "");
    const blaming = BLAMING.has(tokens[at]?.lemma ?? "") && !participle;
    const eligible = entities.filter((entity) => !(speakerBefore >= 0 && speakerBefore < at && entity.at < speakerBefore));
    // "X was behind the attack", "X is the mastermind of Y's murder": a fault predicated of a subject accuses the
    // subject, not the victim or the crime named after it.
    if (tokens[at]?.pos !== "VERB") {
      let copula = -1;
      for (let i = at - 1; i >= Math.max(0, at - 4); i -= 1) if (tokens[i]!.lemma === "be") copula = i;
      const subjects = copula > 0 ? eligible.filter((entity) => entity.at < copula) : [];
      if (subjects.length) return [...new Set(subjects.flatMap((entity) => entity.keys))].filter((key) => !victims.has(key));
    }
    const keys = eligible.filter((entity) => passive || !blaming || entity.at >= at).flatMap((entity) => entity.keys);
    return [...new Set(keys)].filter((key) => !victims.has(key));
  };
  const push = (act: ActFacet["act"], words: string, at?: number) => {
    if (act === "accuses" && acts.some((existing) => existing.act === "denies")) return;
    if (!acts.some((existing) => existing.act === act))
      acts.push({ act, cue: words.trim(), targets: act === "accuses" && at !== undefined ? accused(at) : entityKeys });
  };
  const cueLemma = cue
    ? cue
        .toLowerCase()
        .split(/\s+/)
        .pop()!
        .replace(/(?:ied|ies)$/, "y")
        .replace(/(?:ed|s)$/, "")
    : "";
  // "The court rejected petitions from Rana": a cue that takes an object denies only a claim, not a request.
  const cueAt = cue ? tokens.findIndex((token) => token.lemma === cueLemma || token.lower === cue.toLowerCase().split(/\s+/).pop()) : -1;
  const cueDenies = cueAt < 0 || deniesObject(tokens, cueAt);
  if (cue && cueDenies && (deny.has(cueLemma) || /\bden(?:y|ied|ies)\b|\breject/i.test(cue))) push("denies", cue);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const negated = negationBefore(tokens, i);
    if ((token.pos === "VERB" || token.pos === "NOUN") && (deny.has(token.lemma) || /^(?:denial|rejection|refutation)$/.test(token.lower))) {
      if (!deniesObject(tokens, i)) continue;
      if (!negated) push("denies", phrase(tokens, i));
      continue;
    }
    if (token.pos === "VERB" && admit.has(token.lemma) && !negated) {
      push("admits", phrase(tokens, i));
      continue;
    }
    const accusing = (token.pos === "VERB" && accuse.has(token.lemma)) || ACCUSING_WORDS.has(token.lower);
    if (accusing) {
      // "hold … responsible", "set fire", "shot down": the verb alone blames no one.
      if (token.lemma === "hold" && !/\bresponsible\b/i.test(text)) continue;
      if ((token.lemma === "fire" || token.lemma === "order") && !/\b(?:set|opened?)\s+fire\b|\bordered\b/i.test(text)) continue;
      if (token.lemma === "set" && !/\bset\s+(?:\S+\s+){0,4}?(?:on\s+fire|ablaze|alight|afire|deliberately|fire\s+to)\b|\bset\s+fire\b/i.test(text)) continue;
      if ((token.lemma === "shoot" || token.lemma === "down") && !/\bshot\s+down\b|\bdowned\b/i.test(text)) continue;
      if (negated) push("denies", phrase(tokens, Math.max(0, i - 2), 4));
      else push("accuses", phrase(tokens, Math.max(0, i - 1), 3), i);
    }
  }
  const plot = ACCUSING_PHRASES.exec(text);
  if (
    plot &&
    !negationBefore(
      tokens,
      tokens.findIndex((token) => plot[0].toLowerCase().startsWith(token.lower)),
    )
  )
    push(
      "accuses",
      plot[0],
      tokens.findIndex((token) => plot[0].toLowerCase().startsWith(token.lower)),
    );
  const judgement = DENYING_PHRASES.exec(text);
  // "not innocent", "not baseless": a negated judgement of innocence accuses.
  if (
    judgement &&
    /\b(?:not|never|n't|no\s+longer)\s+(?:\w+\s+)?$/i.test(text.slice(Math.max(0, judgement.index - 20), judgement.index)) &&
    !/^(?:not|never|no)\b/i.test(judgement[0])
  ) {
    push("accuses", judgement[0]);
  } else if (judgement) push("denies", judgement[0]);
  const admission = ADMITTING_PHRASES.exec(text);
  if (admission) push("admits", admission[0]);
  // A claim that denies an accusation is a denial, not also an accusation.
  if (acts.some((act) => act.act === "denies")) return acts.filter((act) => act.act !== "accuses");
  return acts;
}
