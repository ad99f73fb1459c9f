// Raw page text in, attributed claims out; deterministic per EXTRACTOR_VERSION, so stored claims can be re-extracted when it changes.

export type { ActorKind, Attribution, ExtractedClaim, ExtractedSpeaker, NormalizedDocument, RemovedSpan, SourceStance } from "./types";

export { normalizeDocument } from "./normalize";
export { extractClaims, explainClaimSelection, type SentenceVerdict, type SkipReason } from "./claims";
export { segmentSentences, segmentSentencesWithStats, type Sentence, type SegmentationStats } from "./sentences";
export { canonicalActorKey, guessActorKind, normalizeActorName, PersonNameResolver } from "./actors";

/** Bump on any change that can alter extracted claims (segmentation, selection, attribution rules). */
export const EXTRACTOR_VERSION = "1.12.1";
