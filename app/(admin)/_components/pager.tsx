import Link from "next/link";

/** Previous / next links for a paged list; nothing when everything fits on one page. */
export function Pager({ page, total, pageSize, href }: { page: number; total: number; pageSize: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Pages">
      {page > 1 && <Link href={href(Math.min(page - 1, pages))}>← Previous</Link>}
      <span>
        Page {page.toLocaleString("en")} of {pages.toLocaleString("en")}
      </span>
      {page < pages && <Link href={href(page + 1)}>Next →</Link>}
    </nav>
  );
}

/** "· showing 51–100" when the list spans pages. */
export function shownRange(page: number, total: number, pageSize: number): string {
  if (total <= pageSize) return "";
  return ` · showing ${((page - 1) * pageSize + 1).toLocaleString("en")}–${Math.min(page * pageSize, total).toLocaleString("en")}`;
}
