// The claims table's sorts: their names in the Sort field, and column headers that sort by a click
// (a second click reverses). A new sort starts at the first page: a cursor belongs to its sort.
import Link from "next/link";
import { claimFiltersQuery, type ClaimSort, type ClaimTableParams } from "@/lib/claims/schema";

export const SORT_LABELS: Record<ClaimSort, string> = {
  source: "Source, in text order",
  newest: "Newest first",
  oldest: "Oldest first",
  credibility: "Credibility, best first",
  updated: "Recently changed",
  worth: "Most check-worthy first",
  status: "Status, unreviewed first",
  "-source": "Source, in reverse text order",
  "-credibility": "Credibility, worst first",
  "-updated": "Least recently changed",
  "-worth": "Least check-worthy first",
  "-status": "Status, rejected first",
};

/** The reversed sorts are offered only while one is in use (a header click chose it). */
export function sortOptions(current: ClaimSort): [ClaimSort, string][] {
  return (Object.entries(SORT_LABELS) as [ClaimSort, string][]).filter(([sort]) => !sort.startsWith("-") || sort === current);
}

/** A header's two sorts, first click first, and which of them shows the column's values ascending. */
export const HEADER_SORTS = {
  id: { sorts: ["oldest", "newest"], ascending: "oldest" },
  source: { sorts: ["source", "-source"], ascending: "source" },
  credibility: { sorts: ["credibility", "-credibility"], ascending: "credibility" },
  worth: { sorts: ["worth", "-worth"], ascending: "-worth" },
  status: { sorts: ["status", "-status"], ascending: "status" },
} as const satisfies Record<string, { sorts: readonly [ClaimSort, ClaimSort]; ascending: ClaimSort }>;

export function SortHeader({
  column,
  params,
  className,
  title,
  children,
}: {
  column: keyof typeof HEADER_SORTS;
  params: Omit<ClaimTableParams, "after" | "before">;
  className?: string;
  title?: string;
  children: React.ReactNode;
}) {
  const { sorts, ascending } = HEADER_SORTS[column];
  const active = (sorts as readonly ClaimSort[]).includes(params.sort);
  const next = active && params.sort === sorts[0] ? sorts[1] : sorts[0];
  const direction = !active ? undefined : params.sort === ascending ? "ascending" : "descending";
  return (
    <th scope="col" className={className} title={title} aria-sort={direction ?? "none"}>
      <Link href={`/claims${claimFiltersQuery({ ...params, sort: next })}`} className="sort-header" data-testid={`sort-${column}`}>
        {children}
        <span aria-hidden="true">{direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : ""}</span>
      </Link>
    </th>
  );
}
