import Link from "next/link";
import { notFound } from "next/navigation";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { idParamsSchema } from "@/lib/validation/zod";
import { CREDIBILITY_LABELS, RELIABILITY_LABELS, reliabilityText } from "@/lib/claims/labels";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";
import { KIND_LABELS, CONTRADICTION_STATUS_LABELS } from "@/lib/contradictions/labels";
import { getPropositionOrThrow, readerHref, searchPropositions, type PropositionDetail } from "@/lib/propositions/queries";
import { mergeSearchSchema } from "@/lib/propositions/schema";
import { PLACEMENT_LABELS, PROPOSITION_STATUS_LABELS } from "@/lib/propositions/labels";
import { countOf } from "@/lib/format/plural";
import { ChainGraph } from "../../_components/chain-graph";
import { HistoryPanel } from "../../_components/history-panel";
import { ConfirmControl, MemberCheckbox, MergeChoice, RelabelControl, SplitControl } from "../_components/proposition-controls";
import styles from "../../contradictions/_components/contradictions.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idParamsSchema.safeParse(await params);
  return { title: parsed.success ? `Proposition #${parsed.data.id}` : "Proposition" };
}

type Member = PropositionDetail["members"][number];
type ClaimView = Member["claim"];

function ClaimFacts({ claim }: { claim: ClaimView }) {
  return (
    <dl className="facts small">
      <dt>Source</dt>
      <dd>
        <Link href={readerHref(claim)}>{claim.source.title}</Link> · {SOURCE_KIND_LABELS[claim.source.kind] ?? claim.source.kind}
        {claim.source.publishedDate && <> · {claim.source.publishedDate}</>} ·{" "}
        <span title={RELIABILITY_LABELS[claim.source.reliability]}>reliability {reliabilityText(claim.source.reliability)}</span>
      </dd>
      <dt>Speaker</dt>
      <dd>
        {claim.speaker ? (
          <>
            <Link href={`/actors/${claim.speaker.id}`}>{claim.speaker.name}</Link>{" "}
            <span title={RELIABILITY_LABELS[claim.speaker.reliability]}>({reliabilityText(claim.speaker.reliability)})</span>
          </>
        ) : (
          <span className="muted">author&apos;s own voice</span>
        )}
      </dd>
      {claim.citedVia && (
        <>
          <dt>Cited via</dt>
          <dd>{claim.citedVia}</dd>
        </>
      )}
      <dt>Credibility</dt>
      <dd>{CREDIBILITY_LABELS[claim.credibility]}</dd>
    </dl>
  );
}

function MemberCard({ member, editor }: { member: Member; editor: boolean }) {
  const { claim } = member;
  return (
    <li className="card" data-testid="member" data-claim-id={claim.id}>
      <blockquote className="quote-context">{claim.quote}</blockquote>
      <ClaimFacts claim={claim} />
      <p className="small muted">
        {PLACEMENT_LABELS[member.placement]}
        {member.reason && <> — {member.reason}</>}
      </p>
      <ChainGraph origin={member.origin} credibility={claim.credibility} />
      <p className="small">
        <Link href={readerHref(claim)}>Open in the reader</Link> · <Link href={`/claims/${claim.id}`}>Claim #{claim.id}</Link>
        {editor && (
          <>
            {" "}
            · <MemberCheckbox claimId={claim.id} />
          </>
        )}
      </p>
    </li>
  );
}

export default async function PropositionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageRole("viewer");
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  let proposition: PropositionDetail;
  try {
    proposition = await getPropositionOrThrow(parsed.data.id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const editor = canEdit(user);
  const search = mergeSearchSchema.safeParse(await searchParams);
  const mergeQuery = search.success ? search.data.merge : undefined;
  const candidates = editor && mergeQuery ? await searchPropositions(mergeQuery, proposition.id) : [];
  const { origins } = proposition;

  return (
    <section>
      <p className="breadcrumbs">
        <Link href="/propositions">Propositions</Link>
      </p>
      <h1>{proposition.label}</h1>
      <p>
        <span className={`status-pill status-${proposition.status === "confirmed" ? "approved" : "unreviewed"}`} data-testid="proposition-status">
          {PROPOSITION_STATUS_LABELS[proposition.status]}
        </span>{" "}
        <span className="muted">
          Proposition #{proposition.id}
          {proposition.decidedBy && <> · confirmed by {proposition.decidedBy.name ?? proposition.decidedBy.email}</>}
        </span>
      </p>
      <p data-testid="origin-summary">
        {countOf(proposition.members.length, "claim", "claims")} in {countOf(origins.sources, "source", "sources")} ·{" "}
        <strong data-testid="independent-origins">{countOf(origins.independentOrigins, "independent origin", "independent origins")}</strong> ·{" "}
        {countOf(proposition.opposingCount, "opposing claim", "opposing claims")} ·{" "}
        <Link href={`/claims?proposition=${proposition.id}`}>in the claims table</Link>
      </p>
      {origins.circular && (
        <p className="circular-warning" role="note" data-testid="circular-warning">
          <strong>Circular reporting:</strong> several sources rest on {origins.mainOrigin ?? "one origin"}, so their agreement counts once.
        </p>
      )}
      <details>
        <summary>Origins</summary>
        <ul data-testid="origins">
          {origins.origins.map((origin) => (
            <li key={origin.key}>
              {origin.label} — {countOf(origin.sourceIds.length, "source", "sources")}, claims {origin.claimIds.map((id) => `#${id}`).join(", ")}
            </li>
          ))}
        </ul>
      </details>

      {editor ? (
        <section className="card" aria-labelledby="decide">
          <h2 id="decide">Decide</h2>
          <div className="proposition-controls" data-testid="proposition-controls">
            <ConfirmControl id={proposition.id} version={proposition.version} confirmed={proposition.status === "confirmed"} />
            <RelabelControl id={proposition.id} version={proposition.version} label={proposition.label} />
            <SplitControl id={proposition.id} version={proposition.version} />
          </div>
          <form method="get" className="filters" role="search" aria-label="Find a proposition to merge in">
            <label className="grow">
              Merge in another proposition (its id as #12, or words of its label)
              <input type="search" name="merge" defaultValue={mergeQuery ?? ""} />
            </label>
            <button type="submit">Find</button>
          </form>
          {mergeQuery && candidates.length === 0 && <p className="muted">No other proposition matches “{mergeQuery}”.</p>}
          <ul className="plain-list" data-testid="merge-candidates">
            {candidates.map((candidate) => (
              <li key={candidate.id}>
                <Link href={`/propositions/${candidate.id}`}>
                  #{candidate.id} {candidate.label}
                </Link>{" "}
                <span className="muted small">({countOf(candidate._count.members, "claim", "claims")})</span>
                <MergeChoice id={proposition.id} version={proposition.version} other={candidate} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="muted">Viewers can read propositions; editors confirm, split and merge them.</p>
      )}

      <div className={styles.columns}>
        <section className={styles.column} aria-labelledby="supporting" data-testid="supporting-column">
          <h2 id="supporting">Supporting ({proposition.members.length})</h2>
          <ul className="plain-list">
            {proposition.members.map((member) => (
              <MemberCard key={member.claim.id} member={member} editor={editor} />
            ))}
          </ul>
        </section>
        <section className={styles.column} aria-labelledby="opposing" data-testid="opposing-column">
          <h2 id="opposing">Opposing ({proposition.opposingCount})</h2>
          {proposition.opposing.length === 0 && <p className="muted">No claim is held to conflict with these (dismissed pairs left out).</p>}
          {proposition.opposing.map((group) => (
            <div key={group.proposition ? `p${group.proposition.id}` : `c${group.claims[0]!.claim.id}`} data-testid="opposing-group">
              {group.proposition && (
                <h3>
                  <Link href={`/propositions/${group.proposition.id}`}>{group.proposition.label}</Link>
                </h3>
              )}
              <ul className="plain-list">
                {group.claims.map(({ claim, contradictions }) => (
                  <li key={claim.id} className="card" data-testid="opposing-claim" data-claim-id={claim.id}>
                    <blockquote className="quote-context">{claim.quote}</blockquote>
                    <ClaimFacts claim={claim} />
                    <p className="small">
                      {contradictions.map((pair) => (
                        <span key={pair.id}>
                          <Link href={`/contradictions/${pair.id}`}>
                            {KIND_LABELS[pair.kind]} contradiction #{pair.id}
                          </Link>{" "}
                          ({CONTRADICTION_STATUS_LABELS[pair.status].toLowerCase()}) ·{" "}
                        </span>
                      ))}
                      <Link href={readerHref(claim)}>Open in the reader</Link>
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      </div>

      <section aria-labelledby="timeline">
        <h2 id="timeline">First appearances</h2>
        <ol className="proposition-timeline" data-testid="timeline">
          {proposition.timeline.map((entry) => (
            <li key={entry.sourceId}>
              <strong>{entry.dated ? entry.publishedDate : (entry.publishedDate ?? "Undated")}</strong>
              {!entry.dated && entry.publishedDate && <span className="muted small"> (not a date we can place)</span>} —{" "}
              <Link href={`/sources/${entry.sourceSlug}?claim=${entry.claimId}`}>{entry.sourceTitle}</Link>
            </li>
          ))}
        </ol>
      </section>
      <HistoryPanel entityType="proposition" entityId={proposition.id} />
    </section>
  );
}
