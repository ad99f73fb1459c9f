import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { listSourcesWithCounts } from "@/lib/sources/queries";
import { SOURCE_KIND_LABELS } from "@/lib/sources/mutations";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sources" };

export default async function SourcesPage() {
  await requirePageRole("viewer");
  const sources = await listSourcesWithCounts();
  const total = sources.reduce((sum, source) => sum + source.claimCount, 0);
  return (
    <section>
      <h1>Sources</h1>
      <p className="muted">{sources.length} sources, {total} claims</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Publisher / author</th>
            <th scope="col">Date</th>
            <th scope="col">Reliability</th>
            <th scope="col" className="num">Claims</th>
            <th scope="col">Reviewed</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const reviewed = source.claimCount ? source.reviewedCount / source.claimCount : 0;
            return (
              <tr key={source.id}>
                <td><Link href={`/sources/${source.slug}`}>{source.title}</Link></td>
                <td>{SOURCE_KIND_LABELS[source.kind] ?? source.kind}</td>
                <td>{[source.publisher, source.author].filter(Boolean).join(" · ") || "—"}</td>
                <td>{source.publishedDate ?? "—"}</td>
                <td><span className={`badge reliability reliability-${source.reliability}`} title={RELIABILITY_LABELS[source.reliability]}>{source.reliability}</span></td>
                <td className="num" data-testid="claim-count"><Link href={`/claims?source=${source.slug}`}>{source.claimCount}</Link></td>
                <td>
                  <progress max={source.claimCount || 1} value={source.reviewedCount} aria-label={`${source.reviewedCount} of ${source.claimCount} reviewed`} />{" "}
                  <span className="muted small">{Math.round(reviewed * 100)}%</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sources.length === 0 && <p>No sources yet. Run <code>npm run seed</code>.</p>}
    </section>
  );
}
