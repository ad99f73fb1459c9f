import Link from "next/link";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { listTopics } from "@/lib/topics/queries";
import { topicListSchema } from "@/lib/topics/schema";
import { Pager, shownRange } from "@/app/(admin)/_components/pager";
import { parseWithProblems, STANCES } from "@/lib/claims/schema";
import { STANCE_LABELS } from "@/lib/claims/labels";
import { ExportButton } from "../_components/export-button";
import { NewTopicForm } from "../_components/topic-forms";
import { IgnoredFilters } from "../_components/ignored-filters";
import { countOf } from "@/lib/format/plural";

export const dynamic = "force-dynamic";
export const metadata = { title: "Topics" };

export default async function TopicsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("viewer");
  const raw = await searchParams;
  const { value: filters, ignored } = parseWithProblems(topicListSchema, raw);
  const list = await listTopics(filters);
  const topics = list.rows;
  const pageHref = (page: number) => `/topics?${new URLSearchParams({ ...(filters.q ? { q: filters.q } : {}), page: String(page) })}`;
  return (
    <section>
      <div className="page-title-row">
        <h1>Topics</h1>
        <ExportButton kind="topics" searchParams={raw} />
      </div>
      <form method="get" action="/topics" className="filters" role="search" aria-label="Filter topics">
        <label className="grow">
          Title or description
          <input type="search" name="q" defaultValue={filters.q ?? ""} />
        </label>
        <button type="submit" className="primary">
          Apply
        </button>
      </form>
      <IgnoredFilters ignored={ignored} />
      <p className="muted" data-testid="topics-summary">
        {countOf(list.total, "topic", "topics")}
        {shownRange(list.page, list.total, list.pageSize)}
      </p>
      <table className="table" data-testid="topics-table">
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col" className="num">
              Claims
            </th>
            {STANCES.map((stance) => (
              <th key={stance} scope="col" className="num">
                {STANCE_LABELS[stance]}
              </th>
            ))}
            <th scope="col">Balance</th>
          </tr>
        </thead>
        <tbody>
          {topics.map((topic) => (
            <tr key={topic.id}>
              <td>
                <Link href={`/topics/${topic.id}`}>{topic.title}</Link>
                {topic.description && <div className="muted small">{topic.description}</div>}
              </td>
              <td className="num">
                <Link href={`/claims?topic=${topic.id}`}>{topic.total}</Link>
              </td>
              {STANCES.map((stance) => (
                <td key={stance} className="num">
                  {topic.stances[stance]}
                </td>
              ))}
              <td className="bar-cell">
                <div className="stance-bar" role="img" aria-label={STANCES.map((stance) => `${topic.stances[stance]} ${stance}`).join(", ")}>
                  {STANCES.map(
                    (stance) =>
                      topic.stances[stance] > 0 && <span key={stance} className={`segment stance-bg-${stance}`} style={{ flexGrow: topic.stances[stance] }} />,
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={list.page} total={list.total} pageSize={list.pageSize} href={pageHref} />
      {topics.length === 0 && <p className="muted">No topics yet. Create one here, or from the claim editor.</p>}
      {canEdit(user) && (
        <section className="card narrow" aria-labelledby="new-topic">
          <h2 id="new-topic">New topic</h2>
          <NewTopicForm />
        </section>
      )}
    </section>
  );
}
