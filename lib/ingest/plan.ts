// What ingesting a document will do, decided without the database. The import preview shows
// this plan and the write carries it out, so the two cannot disagree.
import { createHash } from "node:crypto";
import { extractClaims, normalizeDocument } from "@/lib/extract";
import type { ExtractedClaim } from "@/lib/extract/types";
import { reanchor } from "@/lib/claims/anchor";

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface PreparedDocument {
  /** The normalized text every claim offset points into. */
  text: string;
  textSha256: string;
  extracted: ExtractedClaim[];
}

export function prepareDocument(rawText: string, originFile: string): PreparedDocument {
  if (rawText.trim().length === 0) throw new DocumentError(originFile, "the document is empty");
  const { text } = normalizeDocument(rawText);
  if (text.trim().length === 0) throw new DocumentError(originFile, "nothing but page debris is left after cleaning");
  return { text, textSha256: sha256Hex(text), extracted: extractClaims(text) };
}

export interface StoredAnchor {
  id: number;
  quote: string;
  startOffset: number;
  endOffset: number;
  prefix: string;
  suffix: string;
}

export interface StoredSource {
  textSha256: string;
  claims: StoredAnchor[];
  /** The same text is already stored: saving links to it and writes nothing. */
  duplicate: boolean;
}

/** A claim whose text was lost is orphaned: flagged for review, never deleted. */
export type ClaimAnchoring =
  | { claimId: number; outcome: "stays" }
  | { claimId: number; outcome: "reanchored"; start: number; end: number; prefix: string; suffix: string }
  | { claimId: number; outcome: "orphaned" };

export type AnchorOutcome = ClaimAnchoring["outcome"];

/** "stored": a stored claim has its span; "known": the same words are already stored, so not added again. */
export type ExtractedFate = { outcome: "new" } | { outcome: "stored"; claimId: number } | { outcome: "known" };

export interface IngestPlan {
  prepared: PreparedDocument;
  textChanged: boolean;
  anchoring: ClaimAnchoring[];
  /** One per prepared.extracted, in the same order. */
  extracted: ExtractedFate[];
  claimsStaying: number;
  claimsReanchored: number;
  claimsOrphaned: number;
}

function anchoringOf(text: string, claim: StoredAnchor): ClaimAnchoring {
  const result = reanchor(text, {
    quote: claim.quote,
    start: claim.startOffset,
    end: claim.endOffset,
    prefix: claim.prefix,
    suffix: claim.suffix,
  });
  if (result.status === "orphaned") return { claimId: claim.id, outcome: "orphaned" };
  if (result.status === "anchored") return { claimId: claim.id, outcome: "stays" };
  return { claimId: claim.id, outcome: "reanchored", start: result.start, end: result.end, prefix: result.prefix, suffix: result.suffix };
}

/** `stored` null: a new source. */
export function planIngest(prepared: PreparedDocument, stored: StoredSource | null): IngestPlan {
  const textChanged = stored !== null && stored.textSha256 !== prepared.textSha256;
  const anchoring = (stored?.claims ?? []).map((claim): ClaimAnchoring =>
    textChanged ? anchoringOf(prepared.text, claim) : { claimId: claim.id, outcome: "stays" },
  );
  const count = (outcome: AnchorOutcome) => anchoring.filter((claim) => claim.outcome === outcome).length;

  // Where each stored claim will be once re-anchored; an orphaned one keeps its old span.
  const bySpan = new Map<string, number>();
  (stored?.claims ?? []).forEach((claim, index) => {
    const moved = anchoring[index]!;
    const [start, end] = moved.outcome === "reanchored" ? [moved.start, moved.end] : [claim.startOffset, claim.endOffset];
    bySpan.set(`${start}:${end}`, claim.id);
  });
  const quotes = new Set((stored?.claims ?? []).map((claim) => claim.quote));
  const extracted = prepared.extracted.map((claim): ExtractedFate => {
    if (stored?.duplicate) return { outcome: "known" };
    const claimId = bySpan.get(`${claim.start}:${claim.end}`);
    if (claimId !== undefined) return { outcome: "stored", claimId };
    // The same words re-anchored elsewhere, kept by an editor, or said twice: never a second copy.
    if (quotes.has(claim.quote)) return { outcome: "known" };
    quotes.add(claim.quote);
    return { outcome: "new" };
  });

  return {
    prepared,
    textChanged,
    anchoring,
    extracted,
    claimsStaying: count("stays"),
    claimsReanchored: count("reanchored"),
    claimsOrphaned: count("orphaned"),
  };
}
