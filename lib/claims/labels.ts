// Human wording for the claim enums, shared by tables, forms and the review queue.
import type { Attribution, ClaimOrigin, ClaimStatus, SourceStance, Stance } from "@/lib/generated/prisma/enums";

export const STANCE_LABELS: Record<Stance, string> = {
  supports: "Supports",
  opposes: "Opposes",
  neutral: "Neutral",
  unclear: "Unclear",
};

export const SOURCE_STANCE_LABELS: Record<SourceStance, string> = {
  endorses: "Endorses",
  reports: "Reports",
  disputes: "Disputes",
};

export const ATTRIBUTION_LABELS: Record<Attribution, string> = {
  direct_quote: "Direct quote",
  paraphrase: "Paraphrase",
  author_voice: "Author's voice",
  reported: "Reported",
};

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  unreviewed: "Unreviewed",
  in_review: "In review",
  approved: "Approved",
  rejected: "Rejected",
};

export const CLAIM_ORIGIN_LABELS: Record<ClaimOrigin, string> = {
  extracted: "Extracted",
  editor: "Marked by an editor",
};

export const ANCHOR_STATUS_LABELS: Record<string, string> = {
  anchored: "Anchored",
  reanchored: "Re-anchored after a text change",
  orphaned: "Orphaned: no longer in the source",
};

/** Admiralty scale for the credibility of information. */
export const CREDIBILITY_LABELS: Record<number, string> = {
  1: "1 — Confirmed",
  2: "2 — Probably true",
  3: "3 — Possibly true",
  4: "4 — Doubtful",
  5: "5 — Improbable",
  6: "6 — Cannot be judged",
};

/** Admiralty scale for the reliability of a source. */
export const RELIABILITY_LABELS: Record<string, string> = {
  A: "A — Completely reliable",
  B: "B — Usually reliable",
  C: "C — Fairly reliable",
  D: "D — Not usually reliable",
  E: "E — Unreliable",
  F: "F — Cannot be judged",
};

/** A new source's grade (the schema's default): shown as not judged yet rather than as a failing mark. */
export const DEFAULT_RELIABILITY = "F";

/** The grade as a page shows it beside a source: "B", or "F — not yet judged". */
export function reliabilityText(grade: string): string {
  return grade === DEFAULT_RELIABILITY ? "F — not yet judged" : grade;
}

/** Shown on highlights in the reader (colour carries the status). */
export const STANCE_MARKS: Record<Stance, string> = {
  supports: "+",
  opposes: "−",
  neutral: "=",
  unclear: "?",
};
