import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { parseWithProblems } from "@/lib/claims/schema";
import { listTopicOptions } from "@/lib/claims/queries";
import { listPropositions } from "@/lib/propositions/queries";
import { propositionListParamsSchema, type PropositionListParams } from "@/lib/propositions/schema";
import { PROPOSITION_STATUS_LABELS } from "@/lib/propositions/labels";
import { countOf } from "@/lib/format/plural";
import { ExportButton } from "../_components/export-button";
import { IgnoredFilters } from "../_components/ignored-filters";

export const dynamic = "force-dynamic";
export const metadata = { title: "Propositions" };

function listHref(filters: PropositionListParams, after?: number): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.singleOrigin) params.set("singleOrigin", "1");
  if (filters.q) params.set("q", filters.q);
  if (filters.topic !== undefined) params.set("topic", String(filters.topic));
  if (after !== undefined) params.set("after", String(after));
  const query = params.toString();
  return `/propositions${query ? `?${query}` : ""}`;
}

export default async function PropositionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("viewer");
  const raw = await searchParams;
  const { value: filters, ignored } = parseWithProblems(propositionListParamsSchema, raw);
  const [list, topics] = await Promise.all([listPropositions(filters), listTopicOptions()]);
  return (
    <section>
      <div className="page-title-row">
        <h1>Propositions</h1>
        <ExportButton kind="propositions" searchParams={raw} />
      </div>
      <p className="muted">
        Claims across sources that state the same thing, grouped by the system and confirmed, split or merged by editors. Agreement counts once per independent
        origin: sources that repost or relay one origin count as one.
      </p>
      <form method="get" action="/propositions" className="filters" role="search" aria-label="Filter propositions">
        <label className="grow">
          Label
          <input type="search" name="q" defaultValue={filters.q ?? ""} />
        </label>
        <label>
          Status
          <select name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any</option>
            {Object.entries(PROPOSITION_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic
          <select name="topic" defaultValue={filters.topic === undefined ? "" : String(filters.topic)}>
            <option value="">Any</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.title}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input type="checkbox" name="singleOrigin" value="1" defaultChecked={!!filters.singleOrigin} /> Single origin only
        </label>
        <button type="submit" className="primary">
          Apply
        </button>
      </form>
      <IgnoredFilters ignored={ignored} />
      <p className="muted" data-testid="propositions-summary">
        {countOf(list.total, "proposition", "propositions")}
      </p>
      {list.rows.length === 0 ? (
        <p className="empty-queue">No proposition matches. Propositions are grouped after each detection run and import (npm run propositions).</p>
      ) : (
        <table className="table" data-testid="propositions-table">
          <thead>
            <tr>
              <th scope="col">Proposition</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Claims
              </th>
              <th scope="col" className="num">
                Sources
              </th>
              <th scope="col" className="num">
                Independent origins
              </th>
              <th scope="col" className="num">
                Opposing
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((row) => (
              <tr key={row.id} data-testid="proposition-row" data-proposition-id={row.id}>
                <td>
                  <Link href={`/propositions/${row.id}`}>{row.label}</Link>
                  {row.circular && (
                    <div className="small" data-testid="circular-flag">
                      ⚠ Circular reporting{row.mainOrigin ? `: several sources rest on ${row.mainOrigin}` : ""}
                    </div>
                  )}
                </td>
                <td>
                  <span className={`status-pill status-${row.status === "confirmed" ? "approved" : "unreviewed"}`}>
                    {PROPOSITION_STATUS_LABELS[row.status]}
                  </span>
                </td>
                <td className="num">
                  <Link href={`/claims?proposition=${row.id}`}>{row.members}</Link>
                </td>
                <td className="num">{row.sources}</td>
                <td className="num" data-testid="independent-origins">
                  {row.independentOrigins}
                </td>
                <td className="num">{row.opposing}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Pages">
        {filters.after !== undefined && <Link href={listHref(filters)}>First page</Link>}
        {list.next !== null && (
          <Link href={listHref(filters, list.next)} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </section>
  );
}
