// "Primark paid $14 million" and "Benetton paid $1.1 million" are two payers' sums, not rival figures.
// A figure under a verb of saying or estimating has no holder: its speaker may be wrong like anyone.
import { REPORTING } from "@/lib/facets/acts";
import type { PositionedEntity } from "@/lib/facets/entities";
import { tokenOffsets, type FacetToken } from "@/lib/facets/tokens";

/** "put the rate at": someone's figure for a thing, not a party's own act. */
const ESTIMATING = new Set([
  "put",
  "estimate",
  "count",
  "calculate",
  "place",
  "reckon",
  "measure",
  "record",
  "tally",
  "assess",
  "project",
  "forecast",
  "raise",
  "revise",
  "lower",
  "set",
  "peg",
  "fix",
  "give",
  "show",
  "list",
  "register",
  "report",
  "number",
  "total",
  "reach",
  "rise",
]);
const BETWEEN =
  /^(?:about|around|some|nearly|almost|roughly|approximately|an|a|estimated|over|more|than|at|least|up|to|only|just|another|further|as|much|many|\$|us\$|rs|rs\.|€|£|a\s+total)$/;
const SUBJECT_END = /^(?:[;:(]|that|which|who|whom|but|while|whereas|although|though|because|if|when|after|before|since)$/;

function namedIn(entities: PositionedEntity[], from: number, to: number): string[] {
  return entities.filter((entity) => entity.at >= from && entity.end <= to).flatMap((entity) => entity.keys);
}

function holderAt(tokens: FacetToken[], offsets: number[], entities: PositionedEntity[], start: number): string[] {
  let at = offsets.findIndex((offset) => offset >= start);
  if (at <= 0) return [];
  at -= 1;
  while (at > 0 && BETWEEN.test(tokens[at]!.lower)) at -= 1;
  const governing = tokens[at]!;
  // "Primark's payments of about $7 million": the noun's owner.
  if (governing.lower === "of" && tokens[at - 1]?.pos === "NOUN" && /^['’]s$/.test(tokens[at - 2]?.text ?? "")) {
    const owner = entities.find((entity) => entity.end === at - 2);
    return owner ? owner.keys : [];
  }
  if (governing.pos !== "VERB" || REPORTING.has(governing.lemma) || ESTIMATING.has(governing.lemma)) return [];
  let from = at;
  while (from > 0) {
    const previous = tokens[from - 1]!;
    if (SUBJECT_END.test(previous.lower) || previous.pos === "SCONJ" || (previous.pos === "VERB" && REPORTING.has(previous.lemma))) break;
    from -= 1;
  }
  return [...new Set(namedIn(entities, from, at))];
}

/** "paid about $14 million in total, $11 million of it as …" */
function continuesPrevious(tokens: FacetToken[], offsets: number[], start: number): boolean {
  const at = offsets.findIndex((offset) => offset >= start);
  let before = at - 1;
  while (before > 0 && BETWEEN.test(tokens[before]!.lower)) before -= 1;
  return before > 0 && tokens[before]!.text === ",";
}

export function figureHolders(text: string, tokens: FacetToken[], entities: PositionedEntity[], starts: number[]): string[][] {
  if (!starts.length || !entities.length) return starts.map(() => []);
  const offsets = tokenOffsets(text, tokens);
  const holders: string[][] = [];
  for (const [index, start] of starts.entries()) {
    const own = holderAt(tokens, offsets, entities, start);
    const previous = holders[index - 1];
    holders.push(!own.length && previous?.length && continuesPrevious(tokens, offsets, start) ? previous : own);
  }
  return holders;
}

/** Figures held by two different named parties: two slots, never rival figures for one. */
export function differentHolders(a: { holder?: string[] }, b: { holder?: string[] }): boolean {
  if (!a.holder?.length || !b.holder?.length) return false;
  const keys = new Set(a.holder);
  return !b.holder.some((key) => keys.has(key));
}
