import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, sameSpeaker, subjectRelatedness, who } from "@/lib/contradictions/features";
import { shorten } from "@/lib/text/terms";

/** Editors marked the two claims as taking opposite stances on one topic. */
export const oppositeStances: ContradictionRule = {
  name: "opposite-stances",
  label: "opposite stances on one topic",
  kind: "other",
  judge: (a, b, { signals, shared }) => {
    if (a.topicId == null || a.topicId !== b.topicId) return null;
    const pair = new Set([a.stance, b.stance]);
    if (!(pair.has("supports") && pair.has("opposes"))) return null;
    if (sameSpeaker(a, b) && a.sourceId === b.sourceId) return null;
    const [supporting, opposing] = a.stance === "supports" ? [a, b] : [b, a];
    const score = clamp(0.55 + 0.25 * subjectRelatedness(shared, signals) + (a.sourceId !== b.sourceId ? 0.1 : 0));
    return {
      kind: "other",
      rule: "opposite-stances",
      score,
      explanation: `On “${shorten(a.topicTitle ?? "the same topic", 60)}”, ${who(supporting)} supports it and ${who(opposing)} opposes it.`,
    };
  },
};
