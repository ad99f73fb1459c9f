import Link from "next/link";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { dashboardSummary } from "@/lib/claims/queries";
import { STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { CLAIM_STATUSES } from "@/lib/claims/schema";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { listVisibleViews } from "@/lib/saved-views/queries";
import { SavedViewList } from "./_components/saved-views";
import { Quote } from "./_components/quote";
import { countOf } from "@/lib/format/plural";
import { KIND_LABELS } from "@/lib/contradictions/labels";
import { ProgressCharts } from "./_components/progress-charts";
import { propositionTallies } from "@/lib/propositions/queries";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

function StatusBar({ counts, total, label }: { counts: Partial<Record<ClaimStatus, number>>; total: number; label: string }) {
  const summary = CLAIM_STATUSES.map((status) => `${counts[status] ?? 0} ${STATUS_LABELS[status].toLowerCase()}`).join(", ");
  return (
    <div className="status-bar" role="img" aria-label={`${label}: ${summary}`}>
      {CLAIM_STATUSES.map((status) => {
        const count = counts[status] ?? 0;
        return count > 0 ? (
          <span key={status} className={`segment status-${status}`} style={{ flexGrow: count }} title={`${STATUS_LABELS[status]}: ${count}`} />
        ) : null;
      })}
      {total === 0 && <span className="segment empty" style={{ flexGrow: 1 }} />}
    </div>
  );
}

export default async function DashboardPage() {
  const user = await requirePageRole("viewer");
  const [summary, views, propositions] = await Promise.all([dashboardSummary(), listVisibleViews(user.id), propositionTallies()]);
  const unreviewed = summary.statusCounts.unreviewed ?? 0;
  const decided = (summary.statusCounts.approved ?? 0) + (summary.statusCounts.rejected ?? 0);
  return (
    <section className="dashboard">
      <div className="page-title-row">
        <h1>Dashboard</h1>
        {canEdit(user) && unreviewed > 0 && (
          <Link href="/review" className="button primary" data-testid="continue-reviewing">
            Continue reviewing ({unreviewed} left)
          </Link>
        )}
        {canEdit(user) && (
          <Link href="/my-work" className="button" data-testid="my-work-link">
            My work
          </Link>
        )}
      </div>

      <div className="cards">
        <section className="card" aria-labelledby="by-status">
          <h2 id="by-status">Claims by status</h2>
          <p className="big-number">
            {summary.total.toLocaleString("en")}{" "}
            <span className="muted small">claims · {summary.total ? Math.round((decided / summary.total) * 100) : 0}% decided</span>
          </p>
          <StatusBar counts={summary.statusCounts} total={summary.total} label="All claims" />
          <ul className="status-legend">
            {CLAIM_STATUSES.map((status) => (
              <li key={status}>
                <span className={`swatch status-${status}`} aria-hidden="true" />
                <Link href={`/claims?status=${status}`}>{STATUS_LABELS[status]}</Link> <span className="num">{summary.statusCounts[status] ?? 0}</span>
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="candidates">
          <h2 id="candidates">Open contradiction candidates</h2>
          <p className="big-number">{summary.candidateCount.toLocaleString("en")}</p>
          {summary.candidates.length > 0 ? (
            <ul className="plain-list">
              {summary.candidates.map((candidate) => (
                <li key={candidate.id}>
                  <Link href={`/contradictions/${candidate.id}`}>
                    {KIND_LABELS[candidate.kind]} · score {candidate.score.toFixed(2)}
                  </Link>
                  <div className="small muted">
                    #{candidate.claimA.id} <Quote text={candidate.claimA.quote} max={80} /> vs #{candidate.claimB.id}{" "}
                    <Quote text={candidate.claimB.quote} max={80} />
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No open candidates.</p>
          )}
          <p>
            <Link href="/contradictions">All contradictions</Link>
          </p>
        </section>
      </div>

      <section className="card" aria-labelledby="propositions" data-testid="propositions-tile">
        <h2 id="propositions">Propositions</h2>
        <p className="big-number">
          {propositions.total.toLocaleString("en")} <span className="muted small">claims across sources stating the same thing</span>
        </p>
        <ul className="plain-list">
          <li>
            <Link href="/propositions?status=confirmed">Confirmed</Link> <span className="num">{propositions.confirmed}</span>
          </li>
          <li>
            <Link href="/propositions?singleOrigin=1">Single origin</Link> <span className="num">{propositions.singleOrigin}</span>{" "}
            <span className="muted small">(every source rests on one origin)</span>
          </li>
          <li>
            Circular reporting <span className="num">{propositions.circular}</span> <span className="muted small">(several sources rest on one origin)</span>
          </li>
        </ul>
        <p>
          <Link href="/propositions">All propositions</Link>
        </p>
      </section>

      <ProgressCharts />

      <section className="card" aria-labelledby="saved-views">
        <h2 id="saved-views">Saved views</h2>
        <SavedViewList views={views} />
        <p className="small">
          <Link href="/claims">Claims table</Link> — save a view there.
        </p>
      </section>

      <section className="card" aria-labelledby="by-source">
        <h2 id="by-source">{summary.perSource.length < summary.sourceCount ? "Recently active sources" : "Progress by source"}</h2>
        {summary.perSource.length < summary.sourceCount && (
          <p className="muted small" data-testid="sources-shown">
            {summary.perSource.length} of {countOf(summary.sourceCount, "source", "sources")}, latest changes first · <Link href="/sources">All sources</Link>
          </p>
        )}
        <table className="table progress-table">
          <tbody>
            {summary.perSource.map((source) => {
              const sourceDecided = (source.counts.approved ?? 0) + (source.counts.rejected ?? 0);
              return (
                <tr key={source.id}>
                  <th scope="row">
                    <Link href={`/sources/${source.slug}`}>{source.title}</Link>
                  </th>
                  <td className="bar-cell">
                    <StatusBar counts={source.counts} total={source.total} label={source.title} />
                  </td>
                  <td className="num small">
                    {sourceDecided}/{source.total} decided
                  </td>
                  <td>{(source.counts.unreviewed ?? 0) > 0 && <Link href={`/review?source=${source.slug}`}>Review</Link>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="recent">
        <h2 id="recent">Recently changed claims</h2>
        {summary.recent.length === 0 ? (
          <p className="muted">No claim has been edited yet.</p>
        ) : (
          <ul className="plain-list recent-list">
            {summary.recent.map((claim) => (
              <li key={claim.id}>
                <Link href={`/claims/${claim.id}`}>#{claim.id}</Link>{" "}
                <span className={`status-pill status-${claim.status}`}>{STATUS_LABELS[claim.status]}</span>{" "}
                <span className={`stance stance-${claim.stance}`}>{STANCE_LABELS[claim.stance]}</span> <Quote text={claim.quote} max={120} />
                <span className="muted small">
                  {" "}
                  — {claim.speaker?.name ?? "author's voice"}, {claim.source.title}, {claim.updatedAt.toISOString().replace("T", " ").slice(0, 16)} UTC
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
