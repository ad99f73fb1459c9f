import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { SPEECH_REPORT } from "@/lib/contradictions/lexicon";
import { adjacency, clamp, features, noisyOr, sameSpeaker, subjectRelatedness, who } from "@/lib/contradictions/features";

/** A speaker disowns a statement that was attributed to them. */
export const disownedStatement: ContradictionRule = {
  name: "disowned-statement",
  label: "a speaker disowns an attributed statement",
  kind: "attribution",
  judge: (a, b, { signals, shared, vocabulary }) => {
    for (const [disowning, target] of [
      [a, b],
      [b, a],
    ] as const) {
      const d = features(disowning);
      if (!d.disowns) continue;
      const t = features(target);
      if (t.disowns || t.negated || (t.dispute && t.dispute.strength >= 0.8)) continue;
      // "…says a statement attributed to Conservative MP Leon Benoit": the target names the disowner.
      const nameTerms = [...d.speakerTerms];
      const mentionsSpeaker =
        nameTerms.length > 0 &&
        nameTerms.filter((term) => t.terms.has(term)).length >= Math.min(2, nameTerms.length) &&
        nameTerms.some((term) => t.terms.has(term) && vocabulary.isDistinctive(term));
      // Naming the disowner is not enough: the other claim must report something they said or wrote
      // ("Bhola was arrested in Bangkok" is not a statement he can disown; "Bhola confessed that …" is).
      const reportsTheirWords = mentionsSpeaker && SPEECH_REPORT.test(target.quote);
      if (!sameSpeaker(disowning, target) && !reportsTheirWords) continue;
      const related = noisyOr(adjacency(signals), subjectRelatedness(shared, signals), mentionsSpeaker ? 0.5 : 0);
      if (related < 0.3) continue;
      return {
        kind: "attribution",
        rule: "disowned-statement",
        score: clamp(0.6 + 0.35 * related),
        explanation: `${who(disowning)} disowns a statement attributed to them (“${d.disowns.trim()}”).`,
        anchorClaimId: disowning.id,
      };
    }
    return null;
  },
};
