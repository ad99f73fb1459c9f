// Who said a claim and what it is about, on the review card itself: the decision and stance keys
// are pressed with these in view, not behind the editor.
import Link from "next/link";
import { ATTRIBUTION_LABELS } from "@/lib/claims/labels";
import { DEFAULT_CHECK_WORTHINESS_THRESHOLD } from "@/lib/facets/check-worthiness";
import type { Attribution } from "@/lib/generated/prisma/enums";

export interface ClaimSummaryProps {
  speaker: { id: number; name: string } | null;
  attribution: Attribution;
  citedVia: string | null;
  topic: { id: number; title: string } | null;
  checkWorthiness: number;
}

export function ClaimSummary({ speaker, attribution, citedVia, topic, checkWorthiness }: ClaimSummaryProps) {
  return (
    <dl className="claim-summary" data-testid="claim-summary">
      <div data-field="speaker">
        <dt>Speaker</dt>
        <dd>
          {speaker ? <Link href={`/actors/${speaker.id}`}>{speaker.name}</Link> : <span className="muted">No speaker (author&apos;s voice)</span>}
          <span className="muted"> · {ATTRIBUTION_LABELS[attribution]}</span>
        </dd>
      </div>
      <div data-field="citedVia">
        <dt>Cited via</dt>
        <dd>{citedVia ?? <span className="muted">—</span>}</dd>
      </div>
      <div data-field="topic">
        <dt>Topic</dt>
        <dd>{topic ? <Link href={`/topics/${topic.id}`}>{topic.title}</Link> : <span className="muted">No topic</span>}</dd>
      </div>
      <div data-field="checkWorthiness">
        <dt>Check-worthiness</dt>
        <dd>
          {checkWorthiness} / 100
          {checkWorthiness < DEFAULT_CHECK_WORTHINESS_THRESHOLD && <span className="muted"> (below {DEFAULT_CHECK_WORTHINESS_THRESHOLD})</span>}
        </dd>
      </div>
    </dl>
  );
}
