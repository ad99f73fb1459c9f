// Adding a rule is one file in this folder and one line in rules/index.ts.
import type { CueClaim, CueKind, CueMatch, PairSignals } from "@/lib/contradictions/features";
import type { Overlap, Vocabulary } from "@/lib/text/terms";

export interface RuleContext {
  signals: PairSignals;
  vocabulary: Vocabulary;
  /** Weighted overlap of the two claims' terms, speakers' names left out. */
  shared: Overlap;
}

export interface ContradictionRule {
  name: string;
  label: string;
  kind: CueKind;
  judge: (a: CueClaim, b: CueClaim, context: RuleContext) => CueMatch | null;
}
