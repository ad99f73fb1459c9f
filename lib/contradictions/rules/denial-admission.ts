// "I don't think there's been any underestimating" / "our original estimates were significantly off": one party denies and admits.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import {
  actTargets,
  adjacency,
  clamp,
  entityText,
  noisyOr,
  sameVoice,
  sharedEventTerms,
  speaksFor,
  subjectRelatedness,
  who,
} from "@/lib/contradictions/features";
import { contentTerms } from "@/lib/text/terms";

/** "underestimating" and "estimates" are about estimates: the prefix says which way they erred. */
function stems(text: string): Set<string> {
  return new Set([...contentTerms(text)].map((term) => term.replace(/^(?:under|over|mis|re)(?=\w{4})/, "")));
}

export const denialAdmission: ContradictionRule = {
  name: "denial-admission",
  label: "one denies what another admits",
  kind: "dispute",
  judge: (a, b, { signals, shared, vocabulary }) => {
    for (const [denier, admitter] of [
      [a, b],
      [b, a],
    ] as const) {
      const denial = actTargets(denier, "denies");
      const admission = actTargets(admitter, "admits");
      if (!denial || !admission || actTargets(admitter, "denies")) continue;
      const target = [...denial.targets].find((key) => admission.targets.has(key));
      if (!target) continue;
      // A third party "acknowledging" something admits nothing for the party.
      const admitterSpeaks = speaksFor(admitter, target) || sameVoice(denier, admitter);
      if (!admitterSpeaks) continue;
      const stemsA = stems(denier.quote);
      const sameThing = [...stems(admitter.quote)].filter((term) => stemsA.has(term)).length;
      if (sameThing === 0) continue;
      const related = noisyOr(
        adjacency(signals),
        subjectRelatedness(shared, signals),
        Math.min(1, sameThing / 2) * 0.8,
        Math.min(1, sharedEventTerms(denier, admitter, vocabulary).length / 3) * 0.6,
      );
      if (related < 0.5) continue;
      return {
        kind: "dispute",
        rule: "denial-admission",
        score: clamp(0.5 + 0.4 * related),
        explanation: `${who(denier)} denies it (“${denial.cue}”); ${who(admitter)} admits it (“${admission.cue}”) — ${entityText(admitter, target)} both denies and concedes.`,
        anchorClaimId: denier.id,
      };
    }
    return null;
  },
};
