// Read-only view of a claim's tags, for viewers (and beside the editor's conflict notice).
import Link from "next/link";
import { ATTRIBUTION_LABELS, CREDIBILITY_LABELS, SOURCE_STANCE_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import type { Attribution, ClaimStatus, SourceStance, Stance } from "@/lib/generated/prisma/enums";

export interface ClaimFactsProps {
  stance: Stance;
  sourceStance: SourceStance;
  speaker: { id: number; name: string } | null;
  attribution: Attribution;
  citedVia: string | null;
  topic: { id: number; title: string } | null;
  credibility: number;
  status: ClaimStatus;
  notes: string | null;
  reviewer?: { name: string | null; email: string } | null;
  reviewedAt?: Date | null;
}

export function ClaimFacts(claim: ClaimFactsProps) {
  return (
    <dl className="facts" data-testid="claim-facts">
      <dt>Status</dt>
      <dd>
        <span className={`status-pill status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
        {claim.reviewer && (
          <span className="muted">
            {" "}
            by {claim.reviewer.name ?? claim.reviewer.email}
            {claim.reviewedAt && ` on ${claim.reviewedAt.toISOString().slice(0, 10)}`}
          </span>
        )}
      </dd>
      <dt>Stance</dt>
      <dd>
        <span className={`stance stance-${claim.stance}`}>{STANCE_LABELS[claim.stance]}</span>
      </dd>
      <dt>Source stance</dt>
      <dd>{SOURCE_STANCE_LABELS[claim.sourceStance]}</dd>
      <dt>Speaker</dt>
      <dd>
        {claim.speaker ? (
          <Link href={`/actors/${claim.speaker.id}`}>{claim.speaker.name}</Link>
        ) : (
          <span className="muted">No speaker (author&apos;s voice)</span>
        )}
      </dd>
      <dt>Attribution</dt>
      <dd>{ATTRIBUTION_LABELS[claim.attribution]}</dd>
      <dt>Cited via</dt>
      <dd>{claim.citedVia ?? <span className="muted">—</span>}</dd>
      <dt>Topic</dt>
      <dd>{claim.topic ? <Link href={`/topics/${claim.topic.id}`}>{claim.topic.title}</Link> : <span className="muted">No topic</span>}</dd>
      <dt>Credibility</dt>
      <dd>{CREDIBILITY_LABELS[claim.credibility]}</dd>
      <dt>Editor notes</dt>
      <dd>{claim.notes ?? <span className="muted">—</span>}</dd>
    </dl>
  );
}
