// "The doors were locked" / "the owners rejected the allegations of locked doors", or an antonym ("kept unlocked"), by different voices.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { adjacency, clamp, entityKeys, eventRelatedness, propositionsOf, sameVoice, speakerKeys, who, type CueClaim } from "@/lib/contradictions/features";
import { antonyms, isKindOf, synonyms } from "@/lib/text/wordnet";
import type { PropositionFacet } from "@/lib/facets";
import type { Vocabulary } from "@/lib/text/terms";

type Relation = "same" | "opposite" | null;

const synonymsOf = (p: PropositionFacet) => synonyms(p.lemma, p.pos, 3);
const antonymsOf = (p: PropositionFacet) => antonyms(p.lemma, p.pos, 1);

/** "unlocked"/"locked", "innocent"/"nocent": one word is the other with a negating prefix. */
const NEGATING_PREFIX = /^(?:un|in|im|il|ir|dis|non-?)/;
function prefixed(x: string, y: string): boolean {
  return (NEGATING_PREFIX.test(x) && x.replace(NEGATING_PREFIX, "") === y) || (NEGATING_PREFIX.test(y) && y.replace(NEGATING_PREFIX, "") === x);
}

/** Verbs must be opposite both ways: one-way antonyms are mostly converses ("lead"/"follow"). */
function opposite(x: PropositionFacet, y: PropositionFacet): boolean {
  if (prefixed(x.lemma, y.lemma)) return true;
  const xy = antonymsOf(x).has(y.lemma);
  const yx = antonymsOf(y).has(x.lemma);
  return x.pos === "a" && y.pos === "a" ? xy || yx : xy && yx;
}

// The same few thousand predicates are compared again and again, so relations are cached by id pair.
const signatureIds = new Map<string, number>();
const propositionIds = new WeakMap<PropositionFacet, number>();
const relationCache = new Map<number, Relation>();

function signatureId(p: PropositionFacet): number {
  let id = propositionIds.get(p);
  if (id === undefined) {
    const signature = `${p.lemma}/${p.pos}/${p.sense}/${p.antonym ?? false}`;
    id = signatureIds.get(signature);
    if (id === undefined) signatureIds.set(signature, (id = signatureIds.size));
    propositionIds.set(p, id);
  }
  return id;
}

/** "named" / "nominated" are the same act, "locked" / "unlocked" opposite ones. */
export function relation(x: PropositionFacet, y: PropositionFacet): Relation {
  const key = signatureId(x) * 2 ** 21 + signatureId(y);
  let known = relationCache.get(key);
  if (known === undefined) {
    if (relationCache.size >= 1_000_000) relationCache.clear();
    relationCache.set(key, (known = computeRelation(x, y)));
  }
  return known;
}

function computeRelation(x: PropositionFacet, y: PropositionFacet): Relation {
  if (x.sense === "exist" || y.sense === "exist") return null;
  if (x.lemma === y.lemma) return "same";
  if (x.sense && x.sense === y.sense) return (x.antonym ?? false) === (y.antonym ?? false) ? "same" : opposite(x, y) ? "opposite" : null;
  if (opposite(x, y)) return "opposite";
  if (x.pos === y.pos && (synonymsOf(x).has(y.lemma) || synonymsOf(y).has(x.lemma))) return "same";
  return null;
}

function sharedArgs(a: CueClaim, b: CueClaim, x: PropositionFacet, y: PropositionFacet): string[] {
  const names = new Set([...speakerKeys(a), ...speakerKeys(b)].flatMap((key) => key.split(" ")));
  const other = new Set(y.args);
  return x.args.filter((arg) => other.has(arg) && !names.has(arg));
}

interface Clash {
  yes: { claim: CueClaim; p: PropositionFacet };
  no: { claim: CueClaim; p: PropositionFacet };
  shared: string[];
  strength: number;
}

function partiesInCommon(a: CueClaim, b: CueClaim): { inCommon: boolean; words: Set<string> } {
  const commonKeys = [...entityKeys(a)].filter((key) => entityKeys(b).has(key));
  // A party acts or is acted on; a place ("Puerto Rico") is where, and many acts happen there.
  const words = new Set(commonKeys.filter((key) => !isKindOf(key.replace(/ /g, "_"), "location")).flatMap((key) => key.split(" ")));
  return { inCommon: commonKeys.length > 0, words };
}

function clash(a: CueClaim, b: CueClaim, signals: { gap?: number }, vocabulary: Vocabulary): Clash | null {
  const near = adjacency(signals);
  // Most pairs hold no two related predicates: the parties both name are looked up only for a pair that does.
  let parties: { inCommon: boolean; words: Set<string> } | null = null;
  const common = () => (parties ??= partiesInCommon(a, b));
  let best: Clash | null = null;
  for (const x of propositionsOf(a)) {
    for (const y of propositionsOf(b)) {
      const kind = relation(x, y);
      if (!kind) continue;
      const opposed = kind === "same" ? x.positive !== y.positive : x.positive === y.positive;
      if (!opposed) continue;
      const shared = sharedArgs(a, b, x, y);
      const distinctive = shared.filter((arg) => vocabulary.isDistinctive(arg));
      // The same act done to different things is two acts ("want the ship raised" / "did not want a new agency"),
      // however close the claims sit, unless both claims name one party ("not a single member of his party had been
      // named" / "MQM-P leader Rauf Siddiqui had been nominated", both of the MQM-P).
      if (!shared.length && !common().inCommon) continue;
      // One noun shared by two long clauses is chance — unless it names a party both claims name ("Warren Anderson … was
      // arrested" / "Anderson was never arrested"): a party's name, however often the corpus uses it, is one party.
      const covered = shared.length / Math.max(1, Math.min(x.args.length, y.args.length));
      const party = shared.some((arg) => common().words.has(arg));
      if (near < 0.7 && (!(distinctive.length || party) || covered < 0.5)) continue;
      const strength = Math.min(1, 0.35 * shared.length + 0.25 * (distinctive.length + (party ? 1 : 0))) * 0.6 + near * 0.4;
      if (best && best.strength >= strength) continue;
      // Which side holds it: with antonyms, the one that asserts its word as written.
      const xHolds = kind === "same" ? x.positive : x.positive && !x.antonym;
      best = xHolds
        ? { yes: { claim: a, p: x }, no: { claim: b, p: y }, shared, strength }
        : { yes: { claim: b, p: y }, no: { claim: a, p: x }, shared, strength };
    }
  }
  return best;
}

export const predicatePolarity: ContradictionRule = {
  name: "predicate-polarity",
  label: "the same act asserted and negated",
  kind: "negation",
  judge: (a, b, { signals, vocabulary }) => {
    // One voice rarely says a thing and its opposite: in one text the "not" is about something else.
    if (sameVoice(a, b)) return null;
    const found = clash(a, b, signals, vocabulary);
    if (!found) return null;
    const related = eventRelatedness(a, b, signals, vocabulary);
    // A party both name is relatedness 0.2 (noisyOr's arithmetic may land a hair below it).
    if (related < 0.2 - 1e-9 && found.strength < 0.5) return null;
    const { yes, no } = found;
    const how = no.p.flip ? ` (${no.p.flip})` : "";
    return {
      kind: "negation",
      rule: "predicate-polarity",
      score: clamp(0.45 + 0.25 * found.strength + 0.25 * related),
      explanation: `${who(yes.claim)}: “${yes.p.words}”; ${who(no.claim)}: “${no.p.words}”${how} — the same act asserted and negated.`,
    };
  },
};
