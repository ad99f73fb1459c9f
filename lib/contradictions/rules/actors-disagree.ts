import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import {
  adjacency,
  clamp,
  containment,
  features,
  isAuthorVoice,
  noisyOr,
  sameSpeaker,
  subjectRelatedness,
  subjectTerms,
  topics,
  who,
} from "@/lib/contradictions/features";

/** Two actors on the same subject: one accuses, the other denies or casts the accused as victim. */
export const actorsDisagree: ContradictionRule = {
  name: "actors-disagree",
  label: "one actor accuses, another denies",
  kind: "attribution",
  judge: (a, b, { signals, shared, vocabulary }) => {
    if (isAuthorVoice(a) || isAuthorVoice(b) || sameSpeaker(a, b)) return null;
    const fa = features(a);
    const fb = features(b);
    const accuser = fa.accuses && !fa.exculpates && fb.exculpates ? a : fb.accuses && !fb.exculpates && fa.exculpates ? b : null;
    if (!accuser) return null;
    const defender = accuser === a ? b : a;
    // Accused and defended must be the same party, named in both ("the MQM").
    if (![...features(accuser).agents].some((agent) => features(defender).agents.has(agent))) return null;
    const about = containment(subjectTerms(defender), subjectTerms(accuser), vocabulary);
    // Denying the very harm the other names ("involved in violence" / "involvement in … murder").
    const sameHarm = [...features(accuser).harms].some((term) => features(defender).harms.has(term)) ? 0.15 : 0;
    const subject = Math.max(subjectRelatedness(shared, signals), about.shared.length >= 2 ? about.score : 0) + sameHarm;
    const related = noisyOr(adjacency(signals) * (shared.score >= 0.05 ? 1 : 0.4), subject);
    if (related < 0.4) return null;
    return {
      kind: "attribution",
      rule: "actors-disagree",
      score: clamp(0.3 + 0.5 * related),
      explanation: `${who(accuser)} and ${who(defender)} give opposing accounts of ${topics(about.shared.length ? about : shared, accuser, defender)}: one accuses, the other denies or excuses.`,
      anchorClaimId: defender.id,
    };
  },
};
