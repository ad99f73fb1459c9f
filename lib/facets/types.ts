// What a claim says, as facets: who and what it names, what it does towards them, how
// sure it is, and the figures and dates it gives. Computed from the text alone (pure), stored
// with the claim as JSON and read by contradiction detection and the claim panel.

/** People counted (a toll), a volume, money, a share, a span of time, or some other count. */
export type Dimension = "people" | "volume" | "money" | "percent" | "duration" | "count";

/** How a claim holds what it says. */
/** "directive": an imperative or a demand ("Enforce the law in every factory"), true or false of nothing. */
export type Modality = "asserted" | "estimate" | "bound" | "hypothetical" | "prediction" | "directive";

/** The claim's act towards a party: blaming it, clearing it, or owning up. */
export type Act = "accuses" | "denies" | "admits";

export type Polarity = "asserted" | "negated" | "denied";

export interface EntityFacet {
  /** As written: "the Muttahida Qaumi Movement". */
  text: string;
  /** Normalized keys this mention answers to: "muttahida qaumi movement", "mqm". */
  keys: string[];
  /** The actor it was linked to when one matched (set on ingest). */
  actorId?: number;
}

export interface QuantityFacet {
  /** The figure as written: "53,000 to 62,000 barrels per day". */
  text: string;
  /** Stated value or range, in the dimension's base unit (litres for volumes). */
  low: number;
  high: number;
  /** Interval the wording allows once rounding, "about" and bounds are taken into account. */
  allowLow: number;
  allowHigh: number | null;
  dimension: Dimension;
  /** What is counted or measured: "death", "injury", "flow", "spill", a noun's lemma … */
  measure: string;
  /** "day" for "a day", "per day", "daily"; null when the figure is not a rate. */
  rate: string | null;
  unit: string;
  currency?: string;
  modality: Modality;
  bound?: "min" | "max";
  /** Cited to be called wrong ("5,000 barrels per day could not have produced …"): not the claim's own figure. */
  refuted?: boolean;
  /** The word governing the figure, normalized: "demand" in "demanded Rs200 million". */
  head?: string;
  /** "17, not eleven": the figure the claim rejects, in the same unit. */
  rejects?: number;
  /**
   * Whose figure it is: entity keys of the party in the subject of the verb that governs it
   * ("Primark paid $14 million" → primark; "a fire at Tazreen Fashions killed 112" → tazreen fashions).
   */
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
}

export interface PredicateFacet {
  lemma: string;
  /** Sense key shared by synonyms and, with the polarity flipped, by antonyms. */
  sense: string | null;
  polarity: Polarity;
}

/** One predication of the claim: a verb or predicative adjective, its clause's nouns, and whether the claim holds it. */
export interface PropositionFacet {
  lemma: string;
  pos: "v" | "a";
  /** Sense key shared by synonyms and by antonyms; "exist" for "there was no …". */
  sense: string | null;
  /** The sense key is the antonym's: "acquit" keys as "convict" turned over. */
  antonym?: boolean;
  /** True when the claim holds it as written; false when negated or denied (an odd number of times). */
  positive: boolean;
  /** Nouns of its clause, as normalized terms: "exit", "door". */
  args: string[];
  /** The words around it, for explanations. */
  words: string;
  /** What turned it over: "not", "denied", "antonym", "no". */
  flip?: string;
}

export interface ActFacet {
  act: Act;
  /** The words that carry the act: "denied any involvement", "linked to". */
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
  /** Every predication, with its polarity (absent in facets stored before version 3). */
  propositions?: PropositionFacet[];
  /** Content terms (lemmas, WordNet-normalized) that say what event the claim is about. */
  terms: string[];
}

/** What the facets are computed from. */
export interface FacetInput {
  quote: string;
  /** The attributing cue ("said", "denied"), when extraction found one. */
  cue?: string | null;
  speakerName?: string | null;
  /**
   * The text just before the claim in its source (a few hundred characters): what "the
   * figure" or "the count" in the claim refers back to.
   */
  context?: string | null;
}
