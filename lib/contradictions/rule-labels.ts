// What each rule looks for, shown next to `detectedBy`: read from the rules' own records.
// Apart from labels.ts, which client components import: the rules pull in WordNet (node:fs).
import "server-only";
import { RULES } from "@/lib/contradictions/rules";
import { EDITOR_RULE } from "@/lib/contradictions/detect";

export const RULE_LABELS: Record<string, string> = {
  ...Object.fromEntries(RULES.map((rule) => [rule.name, rule.label])),
  [EDITOR_RULE]: "linked by an editor",
};
