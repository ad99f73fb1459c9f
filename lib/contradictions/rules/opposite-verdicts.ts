// "The building is safe" / "engineers had declared the building unsafe"; "our work met every regulation" / "the walls did
// not comply with the regulations": two voices judging one thing on one scale — safe or dangerous, within the rules or
// in breach of them — in opposite ways. The words differ, so no shared predicate or antonym finds the pair.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { adjacency, clamp, eventRelatedness, memo, sameVoice, who, type CueClaim } from "@/lib/contradictions/features";

interface Scale {
  name: string;
  /** Words that place a thing at one end of the scale ("safe"), and what that end is called. */
  good: RegExp;
  goodEnd: string;
  /** Words that place it at the other end ("dangerous"). */
  bad: RegExp;
  badEnd: string;
}

/** A negator close before a verdict turns it over ("not safe", "did not comply", "never complied"). */
const NEGATOR = /\b(?:not|never|no|nothing|n['’]t|neither|nor|without)\b(?:\s+[^\s,;:]+){0,5}\s*$/i;

const SCALES: Scale[] = [
  {
    name: "safety",
    goodEnd: "safe",
    badEnd: "dangerous",
    good: /\b(?:safe|harmless|structurally\s+sound)\b|\bnothing\s+serious\b/i,
    bad: /\b(?:unsafe|dangerous|danger|hazardous|deadly|lethal|unfit\s+for\s+use)\b|\bat\s+risk\s+of\s+collaps\w*/i,
  },
  {
    name: "compliance with the rules",
    goodEnd: "within the rules",
    badEnd: "in breach of them",
    good: /\b(?:compl(?:ied|ies|y)|complying|met|meets?|conform(?:ed|s)?)\s+(?:with\s+)?(?:[\w-]+[\s,]+){0,7}?(?:regulations?|standards?|requirements?|codes?|rules)\b|\b(?:fully\s+)?compliant\b/i,
    bad: /\b(?:breach(?:ed|es)?|violat(?:ed|es|ing|ions?)|non-?compliant|illegal(?:ly)?|unlawful(?:ly)?|unauthori[sz]ed)\b|\bfail(?:ed|s)?\s+to\s+(?:meet|comply)\b/i,
  },
  {
    name: "how well it was done",
    goodEnd: "well done",
    badEnd: "badly done",
    good: /\b(?:success(?:ful)?|adequate|effective|listened\s+to)\b|\b(?:would|will)\s+(?:not\s+change\s+anything|change\s+nothing)\b/i,
    bad: /\b(?:inadequate|ineffective|failings?|failures?\s+of|neglect(?:ed|ful)?|(?:on|to)\s+deaf\s+ears|incompeten(?:t|ce)|botched|gravely\s+wrong)\b/i,
  },
  {
    name: "what was known",
    goodEnd: "known",
    badEnd: "not known",
    good: /\b(?:knew|(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:warned|told|informed|aware))\b/i,
    bad: /\b(?:unaware|no\s+knowledge|(?:not|never)\s+(?:been\s+)?(?:told|informed|warned|aware)|(?:nobody|no\s+one)\s+(?:had\s+)?(?:told|informed|warned)|(?:did\s+not|didn['’]t|never)\s+know)\b/i,
  },
  {
    name: "what caused it",
    goodEnd: "a cause",
    badEnd: "no cause",
    good: /\b(?:contributed\s+to)\b/i,
    bad: /\b(?:(?:made|make|makes)\s+no\s+(?:\w+\s+)?difference|(?:played|plays)\s+no\s+(?:\w+\s+)?(?:part|role)|(?:did|does)\s+not\s+(?:cause|contribute))\b/i,
  },
];

type Verdict = { scale: Scale; good: boolean; words: string };

/** The claim's verdict on each scale it speaks to; a claim judging both ways on one scale gives none on it. */
function verdicts(claim: CueClaim): Verdict[] {
  return verdictsMemo(claim, () => computeVerdicts(claim));
}
const verdictsMemo = memo<Verdict[]>();

function computeVerdicts(claim: CueClaim): Verdict[] {
  const found: Verdict[] = [];
  for (const scale of SCALES) {
    const seen: Verdict[] = [];
    for (const [pattern, good] of [
      [scale.good, true],
      [scale.bad, false],
    ] as const) {
      const match = pattern.exec(claim.quote);
      if (!match) continue;
      const negated = NEGATOR.test(claim.quote.slice(Math.max(0, match.index - 40), match.index));
      seen.push({ scale, good: negated ? !good : good, words: match[0] });
    }
    if (seen.length && seen.every((verdict) => verdict.good === seen[0]!.good)) found.push(seen[0]!);
  }
  return found;
}

export const oppositeVerdicts: ContradictionRule = {
  name: "opposite-verdicts",
  label: "one thing judged in opposite ways",
  kind: "negation",
  judge: (a, b, { signals, vocabulary, shared }) => {
    if (sameVoice(a, b)) return null;
    const va = verdicts(a);
    if (!va.length) return null;
    const vb = verdicts(b);
    for (const x of va) {
      const y = vb.find((verdict) => verdict.scale === x.scale && verdict.good !== x.good);
      if (!y) continue;
      // The thing judged must be one: a word both name (the brigade, the building regulations), or a reply in the next
      // sentence.
      const related = eventRelatedness(a, b, signals, vocabulary);
      if (adjacency(signals) < 0.7 && shared.shared.length < 2 && !(shared.distinctive.length && related >= 0.35)) return null;
      const [good, bad] = x.good ? [a, b] : [b, a];
      const [gw, bw] = x.good ? [x.words, y.words] : [y.words, x.words];
      return {
        kind: "negation",
        rule: "opposite-verdicts",
        score: clamp(0.45 + 0.35 * related),
        explanation: `On ${x.scale.name}: ${who(good)} says ${x.scale.goodEnd} (“${gw}”), ${who(bad)} says ${x.scale.badEnd} (“${bw}”).`,
      };
    }
    return null;
  },
};
