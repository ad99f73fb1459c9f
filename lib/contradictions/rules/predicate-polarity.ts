// Rule "predicate-polarity": the same act said of the same party, once asserted and once
// negated or denied — or its WordNet antonym asserted ("acquitted" / "convicted"): the
// facets give both the predicate's sense key and its polarity.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { actTargets, clamp, entityKeys, entityText, eventRelatedness, facetsOf, sameSpeaker, who } from "@/lib/contradictions/features";

const MODAL = /\b(?:may|can|cannot|can't|must|should|shall|might|could|would)\b/i;

export const predicatePolarity: ContradictionRule = {
  name: "predicate-polarity",
  label: "the same act asserted and negated",
  kind: "negation",
  judge: (a, b, { signals, vocabulary }) => {
    const pa = facetsOf(a).predicate;
    const pb = facetsOf(b).predicate;
    if (!pa?.sense || pa.sense !== pb?.sense) return null;
    if ((pa.polarity === "asserted") === (pb.polarity === "asserted")) return null;
    if (sameSpeaker(a, b) && a.speakerId != null) return null;
    // Two denials agree however they are worded.
    if (actTargets(a, "denies") && actTargets(b, "denies")) return null;
    if (facetsOf(a).modality === "hypothetical" || facetsOf(b).modality === "hypothetical") return null;
    // "You may not post replies": permissions and obligations assert nothing that could be false.
    if (MODAL.test(a.quote) || MODAL.test(b.quote)) return null;
    const keysB = entityKeys(b);
    const party = [...entityKeys(a)].find((key) => keysB.has(key));
    const related = eventRelatedness(a, b, signals, vocabulary);
    if (related < 0.55) return null;
    const [yes, no] = pa.polarity === "asserted" ? [a, b] : [b, a];
    const about = party ? ` about ${entityText(a, party)}` : "";
    return {
      kind: "negation",
      rule: "predicate-polarity",
      score: clamp(0.45 + 0.4 * related),
      explanation: `${who(yes)} says “${facetsOf(yes).predicate!.lemma}”${about}; ${who(no)} says the opposite (“${facetsOf(no).predicate!.lemma}”, ${facetsOf(no).predicate!.polarity}).`,
    };
  },
};
