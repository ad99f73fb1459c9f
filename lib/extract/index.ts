// Public surface of the extraction core: raw page text in, source-attributed claims out. Pure and
// deterministic — the same input and EXTRACTOR_VERSION always give the same claims, so stored claims
// can be traced to the extractor that produced them and re-extracted when the version changes.

export type { ActorKind, Attribution, ExtractedClaim, ExtractedSpeaker, NormalizedDocument, RemovedSpan, SourceStance } from "./types";

export { normalizeDocument } from "./normalize";
export { extractClaims, explainClaimSelection, type SentenceVerdict, type SkipReason } from "./claims";
export { segmentSentences, segmentSentencesWithStats, type Sentence, type SegmentationStats } from "./sentences";
export { canonicalActorKey, guessActorKind, normalizeActorName, PersonNameResolver } from "./actors";

/** Bump on any change that can alter extracted claims (segmentation, selection, attribution rules). */
export const EXTRACTOR_VERSION = "1.4.1";
