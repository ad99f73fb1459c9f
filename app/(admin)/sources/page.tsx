import Link from "next/link";
import { Pager, shownRange } from "@/app/(admin)/_components/pager";
import { requirePageRole } from "@/lib/auth/session";
import { listSourcesWithCounts } from "@/lib/sources/queries";
import { repeatingSourceIds } from "@/lib/reuse/queries";
import { sourceListSchema } from "@/lib/sources/schema";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";
import { reliabilityText, RELIABILITY_LABELS } from "@/lib/claims/labels";
import { parseWithProblems } from "@/lib/claims/schema";
import { IgnoredFilters } from "../_components/ignored-filters";
import { countOf } from "@/lib/format/plural";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sources" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function SourcesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePageRole("viewer");
  const raw = await searchParams;
  const { value: filters, ignored } = parseWithProblems(sourceListSchema, raw);
  const list = await listSourcesWithCounts(filters);
  const sources = list.rows;
  const reposts = await repeatingSourceIds(sources.map((source) => source.id));
  const pageHref = (page: number) => `/sources?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), page: String(page) })}`;
  return (
    <section>
      <h1>Sources</h1>
      <p className="muted" data-testid="sources-summary">
        {filters.q
          ? `${list.total.toLocaleString("en")} of the sources match “${filters.q}”`
          : `${countOf(list.total, "source", "sources")}, ${countOf(list.claimTotal, "claim", "claims")}`}
        {shownRange(list.page, list.total, list.pageSize)}
      </p>
      <form className="filters" method="get" aria-label="Find sources">
        <label>
          Title, publisher or author contains
          <input type="search" name="q" defaultValue={filters.q ?? ""} />
        </label>
        <button type="submit" className="button">
          Find
        </button>
        {filters.q && <Link href="/sources">Clear filters</Link>}
      </form>
      <IgnoredFilters ignored={ignored} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Kind</th>
            <th scope="col">Publisher / author</th>
            <th scope="col">Date</th>
            <th scope="col">Reliability</th>
            <th scope="col" className="num">
              Claims
            </th>
            <th scope="col">Reviewed</th>
            <th scope="col">Assigned to</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => {
            const reviewed = source.claimCount ? source.reviewedCount / source.claimCount : 0;
            return (
              <tr key={source.id}>
                <td>
                  <Link href={`/sources/${source.slug}`}>{source.title}</Link>
                  {reposts.has(source.id) && (
                    <>
                      {" "}
                      <span className="badge reuse-marker" title="Repeats another source (see its page)" data-testid="repost-marker">
                        repost
                      </span>
                    </>
                  )}
                </td>
                <td>{SOURCE_KIND_LABELS[source.kind] ?? source.kind}</td>
                <td>{[source.publisher, source.author].filter(Boolean).join(" · ") || "—"}</td>
                <td>{source.publishedDate ?? "—"}</td>
                <td>
                  <span className={`badge reliability reliability-${source.reliability}`} title={RELIABILITY_LABELS[source.reliability]}>
                    {reliabilityText(source.reliability)}
                  </span>
                </td>
                <td className="num" data-testid="claim-count">
                  <Link href={`/claims?source=${source.slug}`}>{source.claimCount}</Link>
                </td>
                <td>
                  <progress max={source.claimCount || 1} value={source.reviewedCount} aria-label={`${source.reviewedCount} of ${source.claimCount} reviewed`} />{" "}
                  <span className="muted small">{Math.round(reviewed * 100)}%</span>
                </td>
                <td className="small" data-testid="source-assignee">
                  {source.assigneeName ?? <span className="muted">—</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager page={list.page} total={list.total} pageSize={list.pageSize} href={pageHref} />
      {sources.length === 0 &&
        (filters.q || list.page > 1 ? (
          <p>No sources match.</p>
        ) : (
          <p>
            No sources yet. Run <code>npm run seed</code>.
          </p>
        ))}
    </section>
  );
}
