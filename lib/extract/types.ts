export type ActorKind = "person" | "organization" | "government_body" | "media_outlet" | "court" | "other";
export type Attribution = "direct_quote" | "paraphrase" | "author_voice" | "reported";
export type SourceStance = "endorses" | "reports" | "disputes";

/** A span of the raw document dropped as page debris (comment forms, share widgets…). */
export interface RemovedSpan {
  reason: string;
  text: string;
}

export interface NormalizedDocument {
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
  prefix: string;
  suffix: string;
  speaker: ExtractedSpeaker | null;
  /** The attributing verb or phrase as written ("said", "according to", "the memo says"). */
  cue: string | null;
  attribution: Attribution;
  citedVia: string | null;
  sourceStance: SourceStance;
}
