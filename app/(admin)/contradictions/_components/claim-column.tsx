// One claim of a comparison: its quote in its paragraph, provenance, stance, credibility and source.
import Link from "next/link";
import type { ReactNode } from "react";
import type { ClaimDetail } from "@/lib/contradictions/queries";
import { ATTRIBUTION_LABELS, CREDIBILITY_LABELS, SOURCE_STANCE_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { QuoteInContext } from "@/app/(admin)/_components/quote-in-context";
import { SourceMeta } from "@/app/(admin)/_components/source-meta";
import styles from "./contradictions.module.css";
import { ClaimProvenance } from "@/app/(admin)/_components/claim-provenance";

export interface ClaimColumnProps {
  claim: ClaimDetail;
  label: string;
  /** Wikidata-style rank an editor gave this claim within the pair. */
  rank?: "preferred" | "deprecated" | null;
  children?: ReactNode;
}

export function ClaimColumn({ claim, label, rank = null, children }: ClaimColumnProps) {
  const readerHref = `/sources/${claim.source.slug}?claim=${claim.id}`;
  const rankClass = rank === "preferred" ? styles.preferred : rank === "deprecated" ? styles.deprecated : "";
  return (
    <article className={`${styles.column} ${rankClass}`} data-testid="compare-column" data-claim-id={claim.id} aria-label={`${label}: claim #${claim.id}`}>
      <h2>
        <span className={styles.columnLabel}>
          {label}
          {rank === "preferred" && <span className={`${styles.rank} ${styles.rankPreferred}`}>Preferred</span>}
          {rank === "deprecated" && <span className={`${styles.rank} ${styles.rankDeprecated}`}>Deprecated</span>}
        </span>
        <Link href={readerHref}>{claim.source.title}</Link>
      </h2>
      <SourceMeta source={claim.source} />
      {claim.paragraph ? (
        <QuoteInContext paragraph={claim.paragraph} status={claim.status} />
      ) : (
        <blockquote className="quote-context">
          {claim.quote}
          <span className="muted small"> (no longer found in the source text; {claim.anchorStatus})</span>
        </blockquote>
      )}
      <div className={styles.provenance}>
        <strong>Provenance</strong>
        <ol>
          <li>
            {claim.speaker ? <Link href={`/actors/${claim.speaker.id}`}>{claim.speaker.name}</Link> : <span className="muted">author&apos;s own voice</span>}
          </li>
          <li>
            {ATTRIBUTION_LABELS[claim.attribution].toLowerCase()}
            {claim.cue && <> (“{claim.cue}”)</>}
          </li>
          {claim.citedVia && <li>via {claim.citedVia}</li>}
          <li>
            {claim.source.title}
            {(claim.source.publisher || claim.source.author) && (
              <span className="muted"> ({[claim.source.publisher, claim.source.author].filter(Boolean).join(", ")})</span>
            )}
          </li>
        </ol>
      </div>
      <dl className="facts">
        <dt>Stance</dt>
        <dd>
          <span className={`stance stance-${claim.stance}`}>{STANCE_LABELS[claim.stance]}</span>
        </dd>
        <dt>Source stance</dt>
        <dd>{SOURCE_STANCE_LABELS[claim.sourceStance]}</dd>
        <dt>Credibility</dt>
        <dd>{CREDIBILITY_LABELS[claim.credibility]}</dd>
        <dt>Topic</dt>
        <dd>
          {claim.topic ? (
            <>
              <Link href={`/topics/${claim.topic.id}`}>{claim.topic.title}</Link> ·{" "}
              <Link href={`/topics/${claim.topic.id}/compare`}>who supports, who opposes</Link>
            </>
          ) : (
            <span className="muted">No topic</span>
          )}
        </dd>
        <dt>Claim status</dt>
        <dd>
          <span className={`status-pill status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>
        </dd>
      </dl>
      <ClaimProvenance claimId={claim.id} credibility={claim.credibility} />
      <p className={styles.links}>
        <Link href={readerHref}>Open in the source reader</Link>
        <Link href={`/claims/${claim.id}`}>Claim #{claim.id}</Link>
        <Link href={`/contradictions/cluster/${claim.id}`}>Everything it conflicts with</Link>
      </p>
      {children}
    </article>
  );
}
