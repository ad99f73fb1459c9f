import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { adjacency, clamp, features, isAuthorVoice, noisyOr, sameSpeaker, subjectRelatedness, who } from "@/lib/contradictions/features";
import { surfaceWords } from "@/lib/text/terms";

/** Harms specific enough to be one event ("the riots"), unlike "violence" or "terrorism". */
const HARMS = new Set(["riot", "kill", "murder", "tortur", "kidnapp", "kidnap", "abduct", "attack", "massacr", "carnag", "bomb", "assassinat"]);

/** Same harm, different culprits: "the MQM was the main player in the riots" / "the ISI instigated the riots". */
export const competingBlame: ContradictionRule = {
  name: "competing-blame",
  label: "different culprits for the same harm",
  kind: "attribution",
  judge: (a, b, { signals, shared, vocabulary }) => {
    if (sameSpeaker(a, b) || (isAuthorVoice(a) && isAuthorVoice(b))) return null;
    const fa = features(a);
    const fb = features(b);
    if (!fa.accuses || !fb.accuses || fa.exculpates || fb.exculpates) return null;
    const harm = [...fa.harms].filter((term) => fb.harms.has(term) && HARMS.has(term) && vocabulary.isDistinctive(term));
    if (!harm.length) return null;
    const onlyA = [...fa.agents].filter((agent) => !fb.agents.has(agent));
    const onlyB = [...fb.agents].filter((agent) => !fa.agents.has(agent));
    if (!onlyA.length || !onlyB.length) return null;
    const related = noisyOr(adjacency(signals), subjectRelatedness(shared, signals));
    if (related < 0.5) return null;
    return {
      kind: "attribution",
      rule: "competing-blame",
      score: clamp(0.35 + 0.35 * related),
      explanation: `${who(a)} and ${who(b)} blame different parties for the ${harm.map((term) => surfaceWords(b.quote).get(term) ?? surfaceWords(a.quote).get(term) ?? term).join(", ")}: ${onlyA[0]} vs ${onlyB[0]}.`,
    };
  },
};
