// Everything about one claim, shown in the reader's side panel and on /claims/<id>.
import Link from "next/link";
import type { ClaimDetail } from "@/lib/claims/queries";
import { HistoryPanel } from "./history-panel";
import { ClaimEditorForm, type Option } from "./claim-editor-form";
import { ClaimFacts } from "./claim-facts";
import { ClaimFacetsPanel } from "./claim-facets";
import { QuoteInContext } from "./quote-in-context";
import { SourceMeta } from "./source-meta";
import { LinkContradiction } from "../contradictions/_components/link-contradiction";
import { ClaimAnchorControls } from "./claim-anchor-controls";
import { formatTime } from "@/lib/format/time";
import type { AssignableEditor } from "@/lib/assignments/schema";
import { AssignControl } from "./assign-control";
import { Quote } from "./quote";
import { CONTRADICTION_STATUS_LABELS, KIND_LABELS } from "@/lib/contradictions/labels";
import { CommentsPanel } from "./comments-panel";
import { ClaimProvenance } from "./claim-provenance";

export function ClaimWorkspace({
  detail,
  canEdit,
  actors,
  topics,
  variant,
  editors = null,
}: {
  detail: ClaimDetail;
  canEdit: boolean;
  actors: Option[] | null;
  topics: Option[] | null;
  variant: "panel" | "page";
  /** Who the claim can be given to (editors only). */
  editors?: AssignableEditor[] | null;
}) {
  const { claim, paragraph, contradictions, snapshot, withdrawal } = detail;
  return (
    <div className={`claim-workspace claim-workspace-${variant}`} data-claim-id={claim.id}>
      {variant === "page" && (
        <header className="page-header">
          <h1>Claim #{claim.id}</h1>
          <p>
            From <Link href={`/sources/${claim.source.slug}?claim=${claim.id}`}>{claim.source.title}</Link>
          </p>
          <SourceMeta source={claim.source} />
        </header>
      )}
      {variant === "panel" && (
        <header className="panel-header">
          <h2>Claim #{claim.id}</h2>
          <span className="button-row">
            <Link href={`/claims/${claim.id}`}>Full page</Link>
            <Link href={`/sources/${claim.source.slug}`} scroll={false} aria-label="Close the claim panel">
              Close
            </Link>
          </span>
        </header>
      )}
      <QuoteInContext paragraph={paragraph} status={claim.status} />
      <p className="muted small">
        {claim.origin === "editor" ? "Marked by an editor" : `Extracted${claim.cue ? ` (cue “${claim.cue}”)` : ""}`}
        {claim.anchorStatus !== "anchored" && (
          <>
            {" "}
            · <strong>{claim.anchorStatus === "orphaned" ? "Orphaned: its quote is no longer in the source" : "Re-anchored after a text change"}</strong>
          </>
        )}
        {claim.reviewer && (
          <>
            {" "}
            · reviewed by {claim.reviewer.name ?? claim.reviewer.email}
            {claim.reviewedAt && ` on ${claim.reviewedAt.toISOString().slice(0, 10)}`}
          </>
        )}
      </p>
      <AssignControl key={`assign-${claim.id}`} target={{ kind: "claim", id: claim.id }} assignment={claim.assignment} editors={editors} canEdit={canEdit} />
      <ClaimAnchorControls
        key={`anchor-${claim.id}`}
        claimId={claim.id}
        version={claim.version}
        // A claim withdrawn before its audit trail said who still reads as withdrawn.
        withdrawal={claim.withdrawnAt ? { by: withdrawal?.by ?? "an editor", at: formatTime(withdrawal?.at ?? claim.withdrawnAt) } : null}
        canEdit={canEdit}
      />
      {canEdit ? (
        <ClaimEditorForm key={claim.id} claimId={claim.id} snapshot={snapshot} actors={actors} topics={topics} idPrefix={`claim-${claim.id}`} />
      ) : (
        <ClaimFacts {...claim} />
      )}
      <ClaimFacetsPanel
        facets={claim.facets}
        claimId={claim.id}
        worth={{ score: claim.checkWorthiness, quote: claim.quote, cue: claim.cue, speakerName: claim.speaker?.name ?? null }}
      />
      <ClaimProvenance key={`provenance-${claim.id}`} claimId={claim.id} credibility={claim.credibility} />
      <section className="contradictions" aria-labelledby={`contradictions-${claim.id}`}>
        <h2 id={`contradictions-${claim.id}`}>Contradictions</h2>
        {contradictions.length === 0 ? (
          <p className="muted">No contradictions recorded for this claim.</p>
        ) : (
          <ul className="plain-list">
            {contradictions.map((row) => (
              <li key={row.id}>
                <Link href={`/contradictions/${row.id}`}>
                  {CONTRADICTION_STATUS_LABELS[row.status]} · {KIND_LABELS[row.kind].toLowerCase()}
                </Link>{" "}
                with <Link href={`/claims/${row.other.id}`}>#{row.other.id}</Link>
                {row.other.speaker && <> ({row.other.speaker.name})</>}: <Quote text={row.other.quote} max={160} />
                <span className="muted"> — {row.other.source.title}</span>
                {row.explanation && <div className="muted small">{row.explanation}</div>}
              </li>
            ))}
          </ul>
        )}
        {contradictions.length > 0 && (
          <p className="small">
            <Link href={`/contradictions/cluster/${claim.id}`}>All claims in conflict with this one</Link>
          </p>
        )}
        {canEdit && <LinkContradiction claimId={claim.id} />}
      </section>
      <CommentsPanel key={`comments-${claim.id}`} entityType="claim" entityId={claim.id} />
      <HistoryPanel entityType="claim" entityId={claim.id} />
    </div>
  );
}
