// The same voice revising its figure ("12,000 to 19,000", then "35,000 to 60,000") is its own kind, never a conflict.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { clamp, eventRelatedness, noisyOr, sameVoice, who } from "@/lib/contradictions/features";
import { disagreeingFigures, figureAffinity, measureLabel, revises, REVISION_WORDS } from "@/lib/contradictions/rules/figures-conflict";
import type { CueClaim, CueMatch } from "@/lib/contradictions/features";

/** "258, down from the 289" against "the toll was given as 289", whoever tells either: a revision the text names. */
function namedRevision(a: CueClaim, b: CueClaim): CueMatch | null {
  const figures = disagreeingFigures(a, b);
  if (!figures) return null;
  const [qa, qb] = figures;
  const [later, earlier] = revises(qa, qb) ? [qa, qb] : revises(qb, qa) ? [qb, qa] : [null, null];
  if (!later || !earlier) return null;
  return {
    kind: "revision",
    rule: "figure-revision",
    score: 0.6,
    explanation: `A revision the text names (${measureLabel(later).replace(/^the /, "")}): ${earlier.text}, then ${later.text}.`,
  };
}

export const figureRevision: ContradictionRule = {
  name: "figure-revision",
  label: "the same voice revises its figure",
  kind: "revision",
  judge: (a, b, { signals, vocabulary }) => {
    const named = namedRevision(a, b);
    if (named) return named;
    if (!sameVoice(a, b) || (a.speakerId == null && a.sourceId !== b.sourceId)) return null;
    // An author's own figures are a revision only when the text says the figure moved.
    if (a.speakerId == null && !REVISION_WORDS.test(a.quote) && !REVISION_WORDS.test(b.quote)) return null;
    const figures = disagreeingFigures(a, b);
    if (!figures) return null;
    const related = noisyOr(eventRelatedness(a, b, signals, vocabulary), figureAffinity(figures[0], figures[1]));
    if (related < 0.45) return null;
    const [earlier, later] = (a.startOffset ?? a.id) <= (b.startOffset ?? b.id) || a.sourceId !== b.sourceId ? figures : [figures[1], figures[0]];
    return {
      kind: "revision",
      rule: "figure-revision",
      score: clamp(0.4 + 0.3 * related),
      explanation: `${who(a)} revises ${measureLabel(earlier)}: ${earlier.text}, then ${later.text}.`,
    };
  },
};
