import "server-only";
// The reader's highlighted text as the browser fetches it, with an ETag so that a browser that
// has it gets 304 instead of the text again.
import etag from "etag";
import { ATTRIBUTION_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { readerLayout, type ReaderLayout } from "@/lib/sources/highlight";
import type { getSourceWithClaims } from "@/lib/sources/queries";

type SourceWithClaims = NonNullable<Awaited<ReturnType<typeof getSourceWithClaims>>>;

/** What a highlight's tooltip and accessible name say about its claim. */
export function readerLabel(claim: SourceWithClaims["claims"][number]): string {
  return [
    claim.speakerName !== null ? `${claim.speakerName} (${ATTRIBUTION_LABELS[claim.attribution].toLowerCase()})` : "author's voice",
    claim.citedVia && `via ${claim.citedVia}`,
    `stance ${STANCE_LABELS[claim.stance].toLowerCase()}`,
    `check-worthiness ${claim.worth}`,
    STATUS_LABELS[claim.status].toLowerCase(),
  ]
    .filter(Boolean)
    .join(" · ");
}

/** Orphaned claims are listed by the page instead. */
export function sourceReaderLayout(source: SourceWithClaims): ReaderLayout {
  const anchored = source.claims.filter((claim) => claim.anchorStatus !== "orphaned");
  return readerLayout(
    source.text,
    anchored.map((claim) => ({
      id: claim.id,
      startOffset: claim.startOffset,
      endOffset: claim.endOffset,
      status: claim.status,
      stance: claim.stance,
      worth: claim.worth,
      label: readerLabel(claim),
      speaker: claim.speakerName,
    })),
  );
}

export function readerResponseBody(layout: ReaderLayout): { body: string; etag: string } {
  const body = JSON.stringify(layout);
  return { body, etag: etag(body) };
}
