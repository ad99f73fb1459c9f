// What a claim says, from its text alone; stored with the claim and recomputed when FACETS_VERSION changes.
import { dates, isStatementDate, rejectedDay, rejectedMonth, yearlessDays } from "@/lib/text/dates";
import { contentTerms } from "@/lib/text/terms";
import { extractActs, mainPredicate } from "@/lib/facets/acts";
import { extractPropositions } from "@/lib/facets/propositions";
import { extractEntities, keysOfName } from "@/lib/facets/entities";
import { quantityMentions, quantityKeys } from "@/lib/facets/quantities";
import { figureHolders } from "@/lib/facets/holders";
import { eventAfter, eventBefore, facetTokens, tokenOffsets, type FacetToken } from "@/lib/facets/tokens";
import { entailments } from "@/lib/text/wordnet";
import type { ClaimFacets, DateFacet, FacetInput, Modality } from "@/lib/facets/types";

export type * from "@/lib/facets/types";
export { keysOfName } from "@/lib/facets/entities";
export { checkWorthiness, DEFAULT_CHECK_WORTHINESS_THRESHOLD, type CheckWorthiness } from "@/lib/facets/check-worthiness";
export { comparableQuantities, quantitiesDisagree, quantityKey } from "@/lib/facets/quantities";

/** Bump on any change that can alter a claim's facets. */
export const FACETS_VERSION = "57";

const HYPOTHETICAL = /\b(?:if|could|might|unless|hypothetical(?:ly)?|in\s+theory|scenario)\b/i;
const PREDICTION = /\b(?:will|is\s+expected\s+to|are\s+expected\s+to|forecasts?|projected\s+to)\b/i;
const BOUND = /\b(?:at\s+least|up\s+to|maximum|minimum|at\s+most|worst[- ]case|no\s+more\s+than|more\s+than|as\s+(?:much|many)\s+as)\b/i;
const ESTIMATE = /\b(?:estimat\w*|about|around|approximately|roughly|nearly|some)\b/i;
const DENIAL_CUE = /\b(?:den(?:y|ied|ies|ying)|reject(?:ed|s)?|refut(?:ed|es)|dismiss(?:ed|es))\b/i;

/** "2. Enforce the law …": opens with a verb in its base form. */
function isDirective(tokens: FacetToken[]): boolean {
  let at = 0;
  while (at < tokens.length && (tokens[at]!.pos === "PUNCT" || tokens[at]!.pos === "NUM" || tokens[at]!.pos === "SYM")) at += 1;
  const first = tokens[at];
  return !!first && first.pos === "VERB" && first.lower === first.lemma && !/^(?:according|given)$/.test(first.lower);
}

function modalityOf(text: string, tokens: FacetToken[]): Modality {
  if (isDirective(tokens)) return "directive";
  if (HYPOTHETICAL.test(text)) return "hypothetical";
  if (PREDICTION.test(text)) return "prediction";
  if (BOUND.test(text)) return "bound";
  if (ESTIMATE.test(text)) return "estimate";
  return "asserted";
}

/** Content terms, with each verb's entailments added (killed → die), for "about the same event". */
function eventTerms(text: string, lemmas: string[]): string[] {
  const terms = contentTerms(text);
  for (const lemma of lemmas) for (const entailed of entailments(lemma)) for (const term of contentTerms(entailed)) terms.add(term);
  return [...terms].sort();
}

/** Nothing but an opening preposition between the start of the sentence and the date. */
const FRONTED = /(?:^|[.!?;]\s+)(?:(?:on|in|by|since|from|until|as\s+of|early|late)\s+)?$/i;

function dateFacets(text: string, tokens: FacetToken[]): DateFacet[] {
  const found = dates(text);
  const offsets = tokenOffsets(text, tokens);
  const eventOf = (start: number, end: number) => {
    // "On 19 April 1989 The Sun published …": a date that opens its sentence dates the verb after it.
    const fronted = FRONTED.test(text.slice(0, start));
    const event = fronted ? eventAfter(tokens, offsets, end) : eventBefore(tokens, offsets, start);
    return event.length ? { event } : {};
  };
  const facets: DateFacet[] = found.map((date) => {
    const rejects = rejectedDay(text, date);
    const rejectsMonth = rejects === null ? rejectedMonth(text, date) : null;
    return {
      text: date.text,
      precision: date.precision,
      from: date.from,
      to: date.to,
      ...(isStatementDate(text, date) ? { statement: true } : {}),
      ...(rejects !== null ? { rejects } : {}),
      ...(rejectsMonth !== null ? { rejectsMonth } : {}),
      ...eventOf(date.start, date.end),
    };
  });
  for (const day of yearlessDays(text, found)) {
    facets.push({
      text: day.text,
      precision: "day",
      from: day.monthDay,
      to: day.monthDay,
      yearless: true,
      ...(isStatementDate(text, day) ? { statement: true } : {}),
      ...eventOf(day.start, day.end),
    });
  }
  return facets;
}

export function computeFacets(input: FacetInput): ClaimFacets {
  const text = input.quote;
  const tokens = facetTokens(text);
  const entities = extractEntities(tokens);
  const deniedBySpeaker = !!input.cue && DENIAL_CUE.test(input.cue);
  const acts = extractActs(text, tokens, entities, input.cue);
  // "The MQM denied any involvement": a denial or admission naming no one else speaks for its speaker.
  if (input.speakerName) {
    const speaker = keysOfName(input.speakerName);
    for (const act of acts)
      if (act.act !== "accuses" && !act.targets.some((key) => !speaker.includes(key))) act.targets = [...new Set([...act.targets, ...speaker])];
  }
  const mentions = quantityMentions(text, input.context ?? "");
  const holders = figureHolders(
    text,
    tokens,
    entities,
    mentions.map((mention) => mention.start),
  );
  const quantities = mentions.map(({ facet }, index) => (holders[index]!.length ? { ...facet, holder: holders[index] } : facet));
  return {
    version: FACETS_VERSION,
    entities: entities.map(({ text: written, keys: entityKeys }) => ({ text: written, keys: entityKeys })),
    predicate: mainPredicate(tokens, deniedBySpeaker),
    modality: modalityOf(text, tokens),
    quantities,
    dates: dateFacets(text, tokens),
    acts,
    propositions: extractPropositions(tokens),
    terms: eventTerms(
      text,
      tokens.filter((token) => token.pos === "VERB").map((token) => token.lemma),
    ),
    ...(input.voice ? { voice: input.voice } : {}),
  };
}

/** Lookup keys for candidate generation (GIN-indexed text[]): `e:`, `acc:`/`den:`/`adm:`, `q:`, `p+:`/`p-:`. */
export function facetKeys(facets: ClaimFacets): string[] {
  const keys = new Set<string>();
  for (const entity of facets.entities) for (const key of entity.keys) keys.add(`e:${key}`);
  for (const act of facets.acts) {
    const prefix = act.act === "accuses" ? "acc" : act.act === "denies" ? "den" : "adm";
    for (const target of act.targets) keys.add(`${prefix}:${target}`);
    if (!act.targets.length) keys.add(`${prefix}:`);
  }
  for (const quantity of facets.quantities)
    if (quantity.modality !== "hypothetical" && quantity.modality !== "prediction") for (const key of quantityKeys(quantity)) keys.add(`q:${key}`);
  if (facets.predicate?.sense) keys.add(`${facets.predicate.polarity === "asserted" ? "p+" : "p-"}:${facets.predicate.sense}`);
  for (const proposition of facets.propositions ?? [])
    if (proposition.sense && proposition.sense !== "exist")
      keys.add(`${proposition.positive !== (proposition.antonym ?? false) ? "p+" : "p-"}:${proposition.sense}`);
  return [...keys].sort();
}
