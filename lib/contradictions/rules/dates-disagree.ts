// Rule "dates-disagree": dates that disagree.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { around, clamp, features, topics, type CueMatch } from "@/lib/contradictions/features";
import { contentTerms, overlap } from "@/lib/text/terms";
import { datesDisagree } from "@/lib/text/dates";

/** Different dates for the same event. */
export const differentDates: ContradictionRule = {
  name: "dates-disagree",
  label: "dates that disagree",
  kind: "date",
  judge: (a, b, { vocabulary }) => {
  const fa = features(a);
  const fb = features(b);
  if (!fa.dates.length || !fb.dates.length) return null;
  const events = overlap(fa.events, fb.events, vocabulary);
  let best: CueMatch | null = null;
  for (const da of fa.dates) {
    for (const db of fb.dates) {
      if (da.precision !== db.precision || !datesDisagree(da, db)) continue;
      // Both claims giving the other's date too means they speak of two events.
      if (fa.dates.some((other) => !datesDisagree(other, db)) || fb.dates.some((other) => !datesDisagree(other, da))) continue;
      const needed = da.precision === "year" ? { score: 0.35, distinctive: 2 } : { score: 0.2, distinctive: 1 };
      if (events.score < needed.score || events.distinctive.length < needed.distinctive) continue;
      // The dates must be attached to the same happening: a word next to both dates is shared.
      const nearA = contentTerms(around(a.quote, da.text));
      if (![...contentTerms(around(b.quote, db.text))].some((term) => nearA.has(term) && events.shared.includes(term))) continue;
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
