// Rule "figures-disagree": figures that disagree.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, features, type CueMatch } from "@/lib/contradictions/features";
import { surfaceWords } from "@/lib/text/terms";
import { intervalsDisagree, quantities } from "@/lib/contradictions/figures";

/** Different figures for the same thing. */
export const figuresDisagree: ContradictionRule = {
  name: "figures-disagree",
  label: "figures that disagree",
  kind: "numeric",
  judge: (a, b, { vocabulary, shared }) => {
  const fa = features(a);
  const fb = features(b);
  if (!fa.quantities.length || !fb.quantities.length) return null;
  let best: CueMatch | null = null;
  for (const qa of fa.quantities) {
    for (const qb of fb.quantities) {
      if (qa.unit !== qb.unit || qa.basis !== qb.basis || !intervalsDisagree(qa, qb)) continue;
      const context = [...qa.context].filter((term) => qb.context.has(term) && !/^(?:per-cent|death|kill|people|year|day|month|week)$/.test(term));
      const contextWeight = context.reduce((sum, term) => sum + vocabulary.weight(term), 0);
      // One shared word ("period", "past") is a coincidence; two say what is being counted.
      if (context.length < 2 || contextWeight < 4) continue;
      if (shared.score < 0.08) continue;
      const score = clamp(0.5 + 0.25 * Math.min(1, contextWeight / 6) + 0.2 * Math.min(1, shared.score / 0.3));
      if (!best || score > best.score) {
        context.sort((x, y) => vocabulary.weight(y) - vocabulary.weight(x));
        best = {
          kind: "numeric",
          rule: "figures-disagree",
          score,
          explanation: `Different figures for ${context.slice(0, 3).map((term) => surfaceWords(a.quote).get(term) ?? surfaceWords(b.quote).get(term) ?? term).join(", ")}: “${qa.text}” vs “${qb.text}”.`,
        };
      }
    }
  }
  return best;
},
};
