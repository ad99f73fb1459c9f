import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { around, clamp, facetsOf, features, topics, who, type CueClaim, type CueMatch } from "@/lib/contradictions/features";
import { contentTerms, overlap, surfaceWords } from "@/lib/text/terms";
import { datesDisagree } from "@/lib/text/dates";

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

function nearDate(claim: CueClaim, written: string): Set<string> {
  const near = contentTerms(around(claim.quote, written));
  const event = facetsOf(claim).dates.find((date) => date.text === written)?.event;
  if (event) for (const term of contentTerms(event.join(" "))) near.add(term);
  return near;
}

export const differentDates: ContradictionRule = {
  name: "dates-disagree",
  label: "dates that disagree",
  kind: "date",
  judge: (a, b, { vocabulary }) => {
    const corrected = correction(a, b) ?? correction(b, a);
    if (corrected) return corrected;
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
