// Shapes shared by the extraction pipeline (pure text → claims, no database).

export type ActorKind = "person" | "organization" | "government_body" | "media_outlet" | "court" | "other";
export type Attribution = "direct_quote" | "paraphrase" | "author_voice" | "reported";
export type SourceStance = "endorses" | "reports" | "disputes";

/** A span of the raw document dropped as page debris (comment forms, share widgets…). */
export interface RemovedSpan {
  reason: string;
  text: string;
}

export interface NormalizedDocument {
  /** The normalized text every claim offset points into. */
  text: string;
  removed: RemovedSpan[];
}

export interface ExtractedSpeaker {
  /** Display name, the fullest form seen in the document ("Syed Safdar Ali Baqri"). */
  name: string;
  kind: ActorKind;
}

export interface ExtractedClaim {
  quote: string;
  /** JavaScript string indices into the normalized text, end exclusive. */
  start: number;
  end: number;
  /** Up to 32 characters of context before and after (W3C TextQuoteSelector). */
  prefix: string;
  suffix: string;
  speaker: ExtractedSpeaker | null;
  /** The attributing verb or phrase as written ("said", "according to", "the memo says"). */
  cue: string | null;
  attribution: Attribution;
  citedVia: string | null;
  sourceStance: SourceStance;
}
