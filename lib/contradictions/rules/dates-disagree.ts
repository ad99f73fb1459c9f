import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import {
  around,
  clamp,
  differentMembers,
  entityKeys,
  facetsOf,
  features,
  propositionsOf,
  topics,
  who,
  type CueClaim,
  type CueMatch,
} from "@/lib/contradictions/features";
import type { DateFacet } from "@/lib/facets";
import { contentTerms, overlap, surfaceWords } from "@/lib/text/terms";
import { datesDisagree } from "@/lib/text/dates";
import { antonyms, isVerbKindOf, synonyms } from "@/lib/text/wordnet";

/** "The fire was on 12 September 2012, not the 11th" conflicts with a claim giving the 11th. */
function correction(corrector: CueClaim, other: CueClaim): CueMatch | null {
  for (const date of facetsOf(corrector).dates) {
    if (date.rejects === undefined && date.rejectsMonth === undefined) continue;
    // "not the 11th" names a day; "not September" a month, given by the other as a month or a day in it.
    const given = facetsOf(other).dates.find((candidate) =>
      date.rejects !== undefined
        ? candidate.precision === "day" && candidate.from === date.rejects
        : !candidate.yearless && candidate.precision !== "year" && Math.floor(candidate.from / 100) === date.rejectsMonth,
    );
    if (!given) continue;
    const near = contentTerms(around(corrector.quote, date.text));
    const shared = [...contentTerms(around(other.quote, given.text))].filter((term) => near.has(term));
    if (!shared.length) continue;
    const surface = surfaceWords(corrector.quote);
    return {
      kind: "date",
      rule: "dates-disagree",
      score: 0.85,
      explanation: `${who(corrector)} corrects the date of the ${surface.get(shared[0]!) ?? shared[0]} to “${date.text}”; ${who(other)} gives “${given.text}”.`,
    };
  }
  return null;
}

function facetOf(claim: CueClaim, written: string): DateFacet | undefined {
  return facetsOf(claim).dates.find((date) => date.text === written);
}

/** The act a date is the date of: the verb nearest before it (the last word of its event). */
function datedAct(claim: CueClaim, written: string): string | undefined {
  return facetOf(claim, written)?.event?.at(-1);
}

function nearDate(claim: CueClaim, written: string): Set<string> {
  const near = contentTerms(around(claim.quote, written));
  const event = facetOf(claim, written)?.event;
  if (event) for (const term of contentTerms(event.join(" "))) near.add(term);
  return near;
}

/**
 * "Dow acquired the shares of UCC in February 2001" / "Dow bought Carbide in 1999": the act each date is the date of —
 * the verb nearest before it — is one act (the same verb, a synonym, or a manner of the other: buying is a way of
 * acquiring), and the claims name a party in common, so the dates are two accounts of when one party did one thing.
 */
function sameDatedAct(a: CueClaim, written: string, b: CueClaim, writtenB: string): string | null {
  // Two dates of telling ("said on 1 June" / "said on 3 June") date two statements; one date of telling against the same
  // act dated ("published on 19 April" / "printed on 18 April") dates one publication twice.
  if (facetOf(a, written)?.statement && facetOf(b, writtenB)?.statement) return null;
  const x = datedAct(a, written);
  const y = datedAct(b, writtenB);
  if (!x || !y) return null;
  const same = x === y || isVerbKindOf(x, y) || isVerbKindOf(y, x) || synonyms(x, "v", 1).has(y) || synonyms(y, "v", 1).has(x);
  if (!same) return null;
  // The party is one the act itself takes (its doer or what it was done to), not a name elsewhere in the sentence.
  const argsA = new Set(propositionsOf(a).flatMap((p) => (p.lemma === x ? p.args : [])));
  // A party both claims name, one name holding the other ("The Dow Chemical Company" / "Dow"); "Kim Han-sik" and "Kim
  // Kyung-il" share a family name, not a party.
  const namesWith = (claim: CueClaim, arg: string) => [...entityKeys(claim)].map((key) => key.split(" ")).filter((words) => words.includes(arg));
  const holds = (x: string[], y: string[]) => y.every((word) => x.includes(word));
  const sameParty = (arg: string) => namesWith(a, arg).some((x) => namesWith(b, arg).some((y) => holds(x, y) || holds(y, x)));
  const party = propositionsOf(b).some((p) => p.lemma === y && p.args.some((arg) => argsA.has(arg) && sameParty(arg)));
  return party ? (x.length <= y.length ? x : y) : null;
}

/** "bought its stake in 2017" / "sold its stake in 2019": dates of opposite acts (WordNet antonyms) are two events. */
function oppositeActs(a: CueClaim, written: string, b: CueClaim, writtenB: string): boolean {
  const x = datedAct(a, written);
  const y = datedAct(b, writtenB);
  return !!x && !!y && (antonyms(x, "v", 2).has(y) || antonyms(y, "v", 2).has(x));
}

export const differentDates: ContradictionRule = {
  name: "dates-disagree",
  label: "dates that disagree",
  kind: "date",
  judge: (a, b, { vocabulary }) => {
    const corrected = correction(a, b) ?? correction(b, a);
    if (corrected) return corrected;
    if (differentMembers(a, b)) return null;
    const fa = features(a);
    const fb = features(b);
    if (!fa.dates.length || !fb.dates.length) return null;
    const events = overlap(fa.events, fb.events, vocabulary);
    let best: CueMatch | null = null;
    for (const da of fa.dates) {
      for (const db of fb.dates) {
        // A month and a year are compared as spans ("February 2001" is not in 1999).
        if (!datesDisagree(da, db)) continue;
        // Both claims giving the other's date too means they speak of two events.
        if (fa.dates.some((other) => !datesDisagree(other, db)) || fb.dates.some((other) => !datesDisagree(other, da))) continue;
        const act = sameDatedAct(a, da.text, b, db.text);
        if (act) {
          const score = 0.7 + (da.precision === "year" || db.precision === "year" ? -0.05 : 0.05);
          if (!best || score > best.score)
            best = { kind: "date", rule: "dates-disagree", score, explanation: `Different dates for the same act (${act}): “${da.text}” vs “${db.text}”.` };
          continue;
        }
        if (da.precision !== db.precision || oppositeActs(a, da.text, b, db.text)) continue;
        const needed = da.precision === "year" ? { score: 0.35, distinctive: 2 } : { score: 0.2, distinctive: 1 };
        if (events.score < needed.score || events.distinctive.length < needed.distinctive) continue;
        // A word next to both dates, or the happening both dates belong to, ties them together.
        const nearA = nearDate(a, da.text);
        if (![...nearDate(b, db.text)].some((term) => nearA.has(term) && events.shared.includes(term))) continue;
        const score = clamp(0.45 + 0.4 * Math.min(1, events.score / 0.5) + (da.precision === "year" ? -0.05 : 0.05));
        if (!best || score > best.score) {
          best = {
            kind: "date",
            rule: "dates-disagree",
            score,
            explanation: `Different dates for ${topics(events, a, b)}: “${da.text}” vs “${db.text}”.`,
          };
        }
      }
    }
    return best;
  },
};
