// My work: what has been given to me (issue 18, item 1) — claims to review, sources, contradictions.
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { MY_WORK_LIMIT, myWork } from "@/lib/assignments/queries";
import { CONTRADICTION_STATUS_LABELS, KIND_LABELS } from "@/lib/contradictions/labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "My work" };

function excerpt(quote: string): string {
  return quote.length > 100 ? `${quote.slice(0, 100)}…` : quote;
}

export default async function MyWorkPage() {
  const user = await requirePageRole("editor");
  const work = await myWork(user.id);
  const mine = `assignee=${user.id}`;
  return (
    <section className="dashboard">
      <div className="page-title-row">
        <h1>My work</h1>
        <Link href="/my-work/recent" data-testid="my-recent-actions">
          My recent actions
        </Link>
        {work.claims.unreviewed > 0 && (
          <Link href={`/review?${mine}`} className="button primary" data-testid="review-my-queue">
            Review my queue ({work.claims.unreviewed} left)
          </Link>
        )}
      </div>
      <div className="cards">
        <section className="card" aria-labelledby="my-claims">
          <h2 id="my-claims">Claims assigned to me</h2>
          <p className="big-number" data-testid="my-claims-total">
            {work.claims.total.toLocaleString("en")}
          </p>
          <p>
            {work.claims.unreviewed.toLocaleString("en")} unreviewed · <Link href={`/claims?${mine}`}>Open as table</Link>
          </p>
          <p className="muted small">A claim counts as yours when it is assigned to you, or its source is and the claim itself is assigned to nobody.</p>
        </section>
        <section className="card" aria-labelledby="my-contradictions">
          <h2 id="my-contradictions">Contradictions assigned to me</h2>
          {work.contradictions.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="plain-list" data-testid="my-contradictions-list">
              {work.contradictions.map((pair) => (
                <li key={pair.id}>
                  <Link href={`/contradictions/${pair.id}`}>
                    #{pair.id} {KIND_LABELS[pair.kind]} · {CONTRADICTION_STATUS_LABELS[pair.status]}
                  </Link>
                  <div className="small muted">
                    <q>{excerpt(pair.claimA.quote)}</q> vs <q>{excerpt(pair.claimB.quote)}</q>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="my-sources">
        <h2 id="my-sources">Sources assigned to me</h2>
        {work.sources.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="table progress-table" data-testid="my-sources">
            <tbody>
              {work.sources.map((source) => (
                <tr key={source.id}>
                  <th scope="row">
                    <Link href={`/sources/${source.slug}`}>{source.title}</Link>
                  </th>
                  <td className="num small">{source.unreviewed} unreviewed claims of mine</td>
                  <td>{source.unreviewed > 0 && <Link href={`/review?source=${source.slug}&${mine}`}>Review</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {work.sources.length === MY_WORK_LIMIT && <p className="muted small">The first {MY_WORK_LIMIT} by title.</p>}
      </section>
    </section>
  );
}
