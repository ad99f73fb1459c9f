// How much a claim gives an editor to check, 0–100: ClaimBuster's idea, built from the facets rather than a trained model.
import type { ClaimFacets } from "./types";

export interface CheckWorthinessInput {
  quote: string;
  cue?: string | null;
  speakerName?: string | null;
  facets: ClaimFacets;
}

export interface CheckWorthiness {
  score: number;
  /** What raised or lowered the score, as an editor would say it ("figures", "a denial", "a wish"). */
  reasons: string[];
}

export const DEFAULT_CHECK_WORTHINESS_THRESHOLD = 35;

const BASE = 30;

const ACT_REASONS: Record<string, string> = { accuses: "an accusation", denies: "a denial", admits: "an admission" };

const OPINION =
  /\b(I|we) (think|believe|feel|guess|reckon|suspect|hope|wish)\b|\bin my (opinion|view|experience)\b|\b(IMHO|IMO|imho)\b|^(funny|sad|typical|amazing|shame) (how|that)\b/i;
const META_TALK =
  /\b(re-?post(ing|ed)?|this thread|in this thread|the thread|bump(ing)?|for anyone (still )?following|full story below|for the folks|on the wire last night|last warning|keep it civil|on-topic)\b/i;
const CAPTION = /\b(in an? (image|photo|photograph|picture|still|screenshot|handout)|photo(graph)? (by|courtesy)|file photo)\b|^(photo|image|picture)\b/i;
const BYLINE =
  /^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,2} (covers|writes about|reports on|is (a|the) (correspondent|reporter|writer|editor))\b|\bcontributed (reporting )?to this (report|story|article)\b/;
const NO_COMMENT =
  /\b(could not be (reached|contacted)|was not available|were not available|did not (respond|reply) to (a )?requests?|declined to comment|had no (immediate )?comment|no one was available)\b/i;
const COURTESY = /\b(expressed|extended|conveyed|offered) (their|his|her|its|our|my) (gratitude|thanks|condolences|sympathies|congratulations|best wishes)\b/i;
const WISH = /^(may (god|allah|the lord)|god (bless|help)|rip\b|rest in peace|allah (give|grant|bless)|inshallah|thank(s| you))/i;

export function checkWorthiness(input: CheckWorthinessInput): CheckWorthiness {
  const { quote, facets } = input;
  let score = BASE;
  const reasons: string[] = [];
  const add = (points: number, reason: string) => {
    score += points;
    reasons.push(reason);
  };

  const figures = facets.quantities.filter((quantity) => !quantity.refuted);
  if (figures.length) add(25, figures.length > 1 ? "figures" : "a figure");
  if (facets.dates.length) add(8, "a date");
  const acts = [...new Set(facets.acts.map((act) => act.act))];
  if (acts.length) add(20, acts.map((act) => ACT_REASONS[act] ?? act).join(" and "));
  if (facets.entities.length >= 2) add(12, "named people or bodies");
  else if (facets.entities.length === 1) add(8, "a named person or body");
  const attributed = !!input.speakerName || !!input.cue;
  if (attributed) add(12, input.speakerName ? `said by ${input.speakerName}` : "attributed");
  if (facets.propositions?.some((proposition) => !proposition.positive)) add(5, "a negation");

  const trimmed = quote.trim();
  if (/\?["”’»)]*$/.test(trimmed)) add(-30, "a question");
  if (facets.modality === "directive" || WISH.test(trimmed)) add(-35, "an instruction or a wish");
  if (!attributed && OPINION.test(trimmed)) add(-20, "the writer's opinion");
  if (META_TALK.test(trimmed)) add(-30, "talk about the page or thread");
  if (NO_COMMENT.test(trimmed)) add(-30, "a note that someone could not be reached");
  if (COURTESY.test(trimmed)) add(-25, "a courtesy");
  if (CAPTION.test(trimmed)) add(-30, "a caption");
  if (BYLINE.test(trimmed)) add(-40, "a byline");
  const words = trimmed.split(/\s+/).length;
  if (words < 8 && !figures.length && !acts.length && facets.entities.length === 0) add(-10, "short, nothing named");

  return { score: Math.max(0, Math.min(100, score)), reasons };
}
