import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, features, precedes, sameSpeaker, subjectRelatedness, topics, who } from "@/lib/contradictions/features";

/** A sentence that sets itself against the one just before it ("Despite this, … claimed …"). */
export const contrastingAccount: ContradictionRule = {
  name: "contrasting-account",
  label: "a sentence set against the one before",
  kind: "other",
  judge: (a, b, { signals, shared }) => {
    if (signals.gap == null || signals.gap > 1) return null;
    const [first, second] = precedes(a, b) ? [a, b] : [b, a];
    const s = features(second);
    if (!s.contrast) return null;
    const subject = subjectRelatedness(shared, signals);
    const f = features(first);
    if (!s.contrast.strong) {
      // A speaker going on with "But …" is narrating, not contradicting someone.
      if (sameSpeaker(first, second) || shared.distinctive.length === 0) return null;
      if (second.speakerId == null && !second.cue) return null;
      // A weak connective ("However") needs the polarity to flip, or one to accuse and the other deny.
      const flips = f.negative !== s.negative || !!s.dispute || (f.accuses && s.exculpates) || (f.exculpates && s.accuses);
      if (subject < (flips ? 0.15 : 0.4)) return null;
    }
    const closeness = signals.gap === 0 ? 1 : 0.6;
    const score = clamp((s.contrast.strong ? 0.45 : 0.35) + 0.15 * closeness + 0.3 * subject);
    return {
      kind: "other",
      rule: "contrasting-account",
      score,
      explanation: `${who(second)} sets an account against the one just before it (“${s.contrast.phrase}”)${shared.shared.length ? `, about ${topics(shared, first, second)}` : ""}.`,
      anchorClaimId: second.id,
    };
  },
};
