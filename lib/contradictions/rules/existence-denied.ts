// "there was no CCTV footage" / "footage from six CCTV cameras": speaking of something takes for granted that it exists.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, eventRelatedness, features, propositionsOf, sameVoice, who, type CueClaim } from "@/lib/contradictions/features";
import type { PropositionFacet } from "@/lib/facets";
import { normalizeTerm, words, type Vocabulary } from "@/lib/text/terms";
import { isKindOf } from "@/lib/text/wordnet";

function absent(claim: CueClaim): PropositionFacet[] {
  return propositionsOf(claim).filter((p) => p.sense === "exist" && !p.positive);
}

function spokenOf(thing: PropositionFacet, denier: CueClaim, other: CueClaim, vocabulary: Vocabulary): PropositionFacet | null {
  // A single noun must be rare enough to name one thing ("footage"), not the corpus's theme.
  if (thing.args.length < 2 && !thing.args.every((arg) => vocabulary.isDistinctive(arg))) return null;
  if (absent(other).some((p) => thing.args.every((arg) => p.args.includes(arg)))) return null;
  // "had never received an answer" does not speak of an answer: a negated mention agrees that there was none.
  // Who speaks is not what is spoken of: "no authority over the port" / "Authorities have said …".
  const speaker = features(other).speakerTerms;
  if (thing.args.every((arg) => speaker.has(arg))) return null;
  const spoken = propositionsOf(other).find((p) => p.sense !== "exist" && p.positive && thing.args.every((arg) => p.args.includes(arg)));
  return spoken ?? (thing.args.length === 1 ? spokenOfAKind(thing, denier, other) : null);
}

const singular = (word: string) => [word, word.replace(/ies$/, "y"), word.replace(/es$/, ""), word.replace(/s$/, "")];

/**
 * "no other aircraft was in the area" / "a fighter jet was flying near the airliner": a jet is an aircraft. What the
 * denier itself names ("the airliner broke up") is the thing the "other" sets apart, so it does not count.
 * Only things (WordNet's physical entities) have kinds one can point at.
 */
function spokenOfAKind(thing: PropositionFacet, denier: CueClaim, other: CueClaim): PropositionFacet | null {
  const broad = words(thing.words).find((word) => normalizeTerm(word) === thing.args[0]);
  if (!broad) return null;
  // Only things, not ideas: "no knowledge of" is not denied by naming a kind of knowledge.
  const broader = singular(broad.toLowerCase()).filter((kind) => isKindOf(kind, "physical_entity"));
  if (!broader.length) return null;
  const own = new Set(words(denier.quote.toLowerCase()).flatMap(singular));
  for (const word of words(other.quote.toLowerCase())) {
    if (own.has(word) || singular(word).some((form) => own.has(form))) continue;
    if (!singular(word).some((form) => broader.some((kind) => isKindOf(form, kind)))) continue;
    const term = normalizeTerm(word);
    const spoken = propositionsOf(other).find((p) => p.sense !== "exist" && p.positive && term !== null && p.args.includes(term));
    if (spoken) return spoken;
  }
  return null;
}

export const existenceDenied: ContradictionRule = {
  name: "existence-denied",
  label: "one says a thing was not there, the other speaks of it",
  kind: "negation",
  judge: (a, b, { signals, vocabulary }) => {
    if (sameVoice(a, b)) return null;
    for (const [denier, other] of [
      [a, b],
      [b, a],
    ] as const) {
      for (const thing of absent(denier)) {
        const spoken = spokenOf(thing, denier, other, vocabulary);
        if (!spoken) continue;
        const related = eventRelatedness(a, b, signals, vocabulary);
        if (related < 0.2 && thing.args.length < 2) continue;
        return {
          kind: "negation",
          rule: "existence-denied",
          score: clamp(0.5 + 0.1 * Math.min(2, thing.args.length) + 0.2 * related),
          explanation: `${who(denier)}: “${thing.words}”; ${who(other)}: “${spoken.words}” — one says it was not there, the other speaks of it.`,
          anchorClaimId: denier.id,
        };
      }
    }
    return null;
  },
};
