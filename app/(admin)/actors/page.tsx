import Link from "next/link";
import { Pager, shownRange } from "@/app/(admin)/_components/pager";
import { requirePageRole } from "@/lib/auth/session";
import { listActors } from "@/lib/actors/queries";
import { actorListSchema } from "@/lib/actors/schema";
import { ACTOR_KIND_LABELS } from "@/lib/actors/labels";
import { parseWithProblems } from "@/lib/claims/schema";
import { ExportButton } from "../_components/export-button";
import { IgnoredFilters } from "../_components/ignored-filters";
import { countOf } from "@/lib/format/plural";

export const dynamic = "force-dynamic";
export const metadata = { title: "Actors" };

export default async function ActorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("viewer");
  const raw = await searchParams;
  const { value: filters, ignored } = parseWithProblems(actorListSchema, raw);
  const list = await listActors(filters);
  const actors = list.rows;
  const pageHref = (page: number) =>
    `/actors?${new URLSearchParams(Object.entries({ q: filters.q, kind: filters.kind, page: String(page) }).filter((entry): entry is [string, string] => entry[1] !== undefined))}`;
  return (
    <section>
      <div className="page-title-row">
        <h1>Actors</h1>
        <ExportButton kind="actors" searchParams={raw} />
      </div>
      <form method="get" action="/actors" className="filters" role="search" aria-label="Filter actors">
        <label className="grow">
          Name or alias
          <input type="search" name="q" defaultValue={filters.q ?? ""} />
        </label>
        <label>
          Kind
          <select name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Any</option>
            {Object.entries(ACTOR_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary">
          Apply
        </button>
      </form>
      <IgnoredFilters ignored={ignored} />
      <p className="muted" data-testid="actors-summary">
        {countOf(list.total, "actor", "actors")}, most quoted first
        {shownRange(list.page, list.total, list.pageSize)} · merge duplicates from an actor&apos;s page
      </p>
      <table className="table" data-testid="actors-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Aliases</th>
            <th scope="col" className="num">
              Claims
            </th>
          </tr>
        </thead>
        <tbody>
          {actors.map((actor) => (
            <tr key={actor.id}>
              <td>
                <Link href={`/actors/${actor.id}`}>{actor.name}</Link>
              </td>
              <td>{ACTOR_KIND_LABELS[actor.kind] ?? actor.kind}</td>
              <td className="small">{actor.aliases.join(", ") || <span className="muted">—</span>}</td>
              <td className="num">
                <Link href={`/claims?speaker=${actor.id}`}>{actor.claimCount}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager page={list.page} total={list.total} pageSize={list.pageSize} href={pageHref} />
    </section>
  );
}
