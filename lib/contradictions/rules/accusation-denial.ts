// "Mr. Mahmood said the gunmen were linked to the MQM" / "The MQM denied any involvement".
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { keysOfName } from "@/lib/facets";
import { contentTerms, type Vocabulary } from "@/lib/text/terms";
import {
  actTargets,
  around,
  clamp,
  entityText,
  eventRelatedness,
  facetsOf,
  memo,
  sameSpeaker,
  speakerKeys,
  who,
  type CueClaim,
} from "@/lib/contradictions/features";

/** "he was wrong", "lies": these deny a statement, not a party's part in a wrong. */
const STATEMENT_JUDGEMENT =
  /^(?:wrong(?:ly)?|false(?:hood)?s?|untrue|not\s+true|baseless|unfounded|groundless|fabricated|concocted|lies|propaganda|absurd|nonsense|a\s+mockery|scandalous|politically\s+motivated|overstated|overestimated|exaggerated|inflated|no\s+(?:evidence|proof|truth))$/i;
/**
 * "The brothers were innocent", "pleaded not guilty": said of a party, this clears it of every charge, not of one
 * deed, so it answers any accusation of it. "The innocent people of the city" says nothing of anyone's guilt.
 */
const CLEARS_OF_ALL =
  /\b(?:(?:is|are|was|were|be|been|remain(?:s|ed)?|all)\s+(?:\w+\s+)?(?:innocent|blameless|guiltless)|(?:pleaded|pleads|found)\s+not\s+guilty|did\s+nothing\s+wrong|(?:his|her|their|my|our|its)\s+conscience\s+(?:is|was|remains|remained)\s+clear|(?:has|have|had)\s+nothing\s+to\s+hide)\b/i;
const ABOUT_BLAME = /\b(?:allegations?|accusations?|charges?|involvement|blame|responsib\w+|guilt\w*|verdict|conviction|role)\b/i;

function namedOthers(claim: CueClaim, targets: Set<string>, shared: string): string[] {
  return facetsOf(claim)
    .entities.filter((entity) => !entity.keys.includes(shared) && entity.keys.some((key) => targets.has(key)))
    .map((entity) => entity.keys[0]!)
    .filter((key) => key.includes(" "));
}

function accusedBy(accuser: CueClaim, denier: CueClaim) {
  const accusation = actTargets(accuser, "accuses");
  const denial = actTargets(denier, "denies");
  if (!accusation || !denial) return null;
  if (STATEMENT_JUDGEMENT.test(denial.cue) && !ABOUT_BLAME.test(denier.quote)) return null;
  // Two denials of the same thing agree: an accuser who also denies is no accuser.
  if (actTargets(accuser, "denies")) return null;
  // A party does not accuse itself: "Hezbollah sources said the judge was inclined to accuse Hezbollah" reports another's charge.
  const own = ownKeys(accuser);
  const target = [...accusation.targets].find((key) => denial.targets.has(key) && !own.has(key));
  if (!target) return null;
  // "The court acquitted Rauf Siddiqui" / "Bhola and Charya, MQM workers convicted of …": other people.
  const accused = namedOthers(accuser, accusation.targets, target);
  const cleared = namedOthers(denier, denial.targets, target).filter((key) => !speakerKeys(denier).has(key));
  if (accused.length && cleared.length && !accused.some((key) => denial.targets.has(key))) return null;
  return { target, accusation, denial };
}

/** The speaker's keys, and each of several speakers' ("X and Y"). */
function ownKeys(claim: CueClaim): Set<string> {
  return ownKeysMemo(
    claim,
    () => new Set([...speakerKeys(claim), ...(claim.speakerName ?? "").split(/\s+and\s+(?:the\s+)?|,\s*/i).flatMap((part) => keysOfName(part))]),
  );
}
const ownKeysMemo = memo<Set<string>>();

/**
 * The words around each act's cue name the wrong it is about ("the mastermind of Dr Imran's murder" / "involved in Dr
 * Imran Farooq's murder …, refuted this notion"): two of them in common, besides the party's own name, say the denial
 * answers that charge, however much else either sentence holds.
 */
function sameCharge(accuser: CueClaim, accusationCue: string, denier: CueClaim, denialCue: string, target: string, vocabulary: Vocabulary): boolean {
  const party = contentTerms(target);
  const near = termsAroundCue(denier, denialCue);
  const shared = [...termsAroundCue(accuser, accusationCue)].filter((term) => near.has(term) && !party.has(term));
  // One of them rare in the corpus: the subject's own words ("deaths", "Puerto Rico") are around every act.
  return shared.length >= 2 && shared.some((term) => vocabulary.isDistinctive(term));
}

/** The words within ten of a cue, once per claim and cue. */
function termsAroundCue(claim: CueClaim, cue: string): Set<string> {
  const byCue = termsAroundCueMemo(claim, () => new Map());
  let terms = byCue.get(cue);
  if (!terms) byCue.set(cue, (terms = contentTerms(around(claim.quote, cue, { before: 10, after: 10 }))));
  return terms;
}
const termsAroundCueMemo = memo<Map<string, Set<string>>>();

export const accusationDenial: ContradictionRule = {
  name: "accusation-denial",
  label: "an accusation and a denial of the same party",
  kind: "accusation_denial",
  judge: (a, b, { signals, vocabulary }) => {
    if (sameSpeaker(a, b) && a.speakerId != null) return null;
    const found = [
      [a, b],
      [b, a],
    ]
      .map(([accuser, denier]) => ({ accuser: accuser!, denier: denier!, match: accusedBy(accuser!, denier!) }))
      .find((entry) => entry.match);
    if (!found || !found.match) return null;
    const { accuser, denier, match } = found;
    // A bare "denied any involvement" answers only what stands right before it; "innocent" answers every charge.
    let related = eventRelatedness(accuser, denier, signals, vocabulary);
    // A party clearing itself of everything ("my conscience is clear") answers whatever it is charged with.
    const clears = CLEARS_OF_ALL.test(denier.quote);
    if (clears && speakerKeys(denier).has(match.target)) related = Math.max(related, 0.15);
    const answers = clears || sameCharge(accuser, match.accusation.cue, denier, match.denial.cue, match.target, vocabulary);
    if (related < (answers ? 0.15 : 0.45)) return null;
    const party = entityText(accuser, match.target);
    return {
      kind: "accusation_denial",
      rule: "accusation-denial",
      score: clamp(0.5 + 0.45 * related),
      explanation: `${who(accuser)} blames ${party} (“${match.accusation.cue}”); ${who(denier)} denies it (“${match.denial.cue}”) — an accusation and a denial of the same party.`,
      anchorClaimId: denier.id,
    };
  },
};
