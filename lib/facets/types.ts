// What a claim says: who it names, what it does towards them, how sure it is, its figures and dates.

export type Dimension = "people" | "volume" | "mass" | "money" | "percent" | "duration" | "count";

/** "directive": an imperative ("Enforce the law in every factory"), true or false of nothing. */
export type Modality = "asserted" | "estimate" | "bound" | "hypothetical" | "prediction" | "directive";

export type Act = "accuses" | "denies" | "admits";

export type Polarity = "asserted" | "negated" | "denied";

export interface EntityFacet {
  text: string;
  keys: string[];
  actorId?: number;
}

export interface QuantityFacet {
  text: string;
  /** In the dimension's base unit (litres for volumes). */
  low: number;
  high: number;
  /** Interval the wording allows once rounding, "about" and bounds are taken into account. */
  allowLow: number;
  allowHigh: number | null;
  /** "hundreds", "triple figures": a span the words name, not a figure. */
  vague?: boolean;
  dimension: Dimension;
  measure: string;
  rate: string | null;
  unit: string;
  currency?: string;
  modality: Modality;
  bound?: "min" | "max";
  /** Cited to be called wrong ("5,000 barrels per day could not have produced …"): not the claim's own figure. */
  refuted?: boolean;
  /** "the official count stood at 64": the count an authority stands behind. */
  official?: boolean;
  /** A percentage that is a change or a gap ("rose 12 percent", "a risk 60 percent higher"), not a share of a whole. */
  change?: boolean;
  /** Named only to be denied ("3,000 people did not die"): refuted, and the very figure another claim may state. */
  denied?: boolean;
  head?: string;
  /** "17, not eleven": the figure the claim rejects, in the same unit. */
  rejects?: number;
  /** What a sum is to its holder: "goal", "gap", "damage", "earnings" or "paid"; sums in different roles are not rivals. */
  role?: string;
  /** "tonnes of ammonium nitrate" → "ammonium nitrate": what a mass or volume is of. */
  substance?: string;
  /** "among them 25 bodies": a part of a larger count, compared only with parts. */
  part?: boolean;
  /** "62,000 barrels a day at the start of the spill", "53,000 just before the well was capped": the phase a changing rate was at. */
  phase?: "start" | "end";
  /** "a total of 3,787 deaths", "1,134 in all": the whole count of its measure, not a part or a count as it stood. */
  total?: boolean;
  /** "258, down from the 289", "announced 368, then corrected the figure to 164": the earlier figure this one replaces. */
  revisedFrom?: number;
  /** The earlier figure a claim says was replaced ("368, then corrected … to 164"): not the claim's own figure. */
  superseded?: boolean;
  /** Whose figure it is: "Primark paid $14 million" → primark. */
  holder?: string[];
}

export interface DateFacet {
  text: string;
  precision: "day" | "month" | "year";
  /** yyyymmdd, inclusive. */
  from: number;
  to: number;
  /** When something was said ("testified in September 2019 that …"), not when it happened. */
  statement?: boolean;
  /** "On June 10": a day without its year; `from` and `to` hold mmdd. */
  yearless?: boolean;
  /** "12 September 2012, not the 11th": the day (yyyymmdd) the claim says is wrong. */
  rejects?: number;
  /** "21 November 2013, … not September": the month (yyyymm) the claim says is wrong. */
  rejectsMonth?: number;
  /** What happened then: the lemmas of the clause's verb and the nouns up to the date ("arrest"). */
  event?: string[];
}

export interface PredicateFacet {
  lemma: string;
  /** Sense key shared by synonyms and, with the polarity flipped, by antonyms. */
  sense: string | null;
  polarity: Polarity;
}

export interface PropositionFacet {
  lemma: string;
  pos: "v" | "a";
  /** Sense key shared by synonyms and by antonyms; "exist" for "there was no …". */
  sense: string | null;
  /** The sense key is the antonym's: "acquit" keys as "convict" turned over. */
  antonym?: boolean;
  /** False when negated or denied an odd number of times. */
  positive: boolean;
  args: string[];
  words: string;
  flip?: string;
}

export interface ActFacet {
  act: Act;
  cue: string;
  /** Entity keys the act is about (the speaker's own party counts for a denial). */
  targets: string[];
}

export interface ClaimFacets {
  version: string;
  entities: EntityFacet[];
  predicate: PredicateFacet | null;
  modality: Modality;
  quantities: QuantityFacet[];
  dates: DateFacet[];
  acts: ActFacet[];
  /** Absent in facets stored before version 3. */
  propositions?: PropositionFacet[];
  terms: string[];
  /** In a forum thread, whose post the claim sits in (a quoted post is its poster's): posts are different voices. */
  voice?: string;
}

export interface FacetInput {
  quote: string;
  cue?: string | null;
  speakerName?: string | null;
  /** The text just before the claim: what "the figure" in the claim refers back to. */
  context?: string | null;
  /** The forum post's author, when the claim sits in a thread (lib/extract/forum-posts). */
  voice?: string | null;
}
