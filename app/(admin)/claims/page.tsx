import Link from "next/link";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { listClaims } from "@/lib/claims/queries";
import { pickerFor } from "@/lib/pickers/queries";
import { ATTRIBUTIONS, CLAIM_ORIGINS, CLAIM_STATUSES, SOURCE_STANCES, STANCES, claimFiltersQuery, parseClaimTableParams } from "@/lib/claims/schema";
import { ATTRIBUTION_LABELS, CLAIM_ORIGIN_LABELS, CREDIBILITY_LABELS, SOURCE_STANCE_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { hasClaimFilters } from "@/lib/claims/filters";
import { ExportButton } from "../_components/export-button";
import { BulkBar, SelectAllRows } from "../_components/claims-bulk-bar";
import { FilterSelect as Select, PickerField } from "../_components/filter-fields";
import { SortHeader, sortOptions } from "../_components/claims-sort";
import { listAssignableEditors } from "@/lib/assignments/queries";
import { AssignClaims } from "../_components/assign-claims";
import { MatchingSelectionProvider } from "../_components/select-all-matching";
import { listVisibleViews } from "@/lib/saved-views/queries";
import { SaveViewForm, SavedViewList } from "../_components/saved-views";
import { IgnoredFilters } from "../_components/ignored-filters";
import { ClaimRows } from "../_components/claim-rows";
import { claimTableRow } from "@/lib/claims/table-row";

export const dynamic = "force-dynamic";
export const metadata = { title: "Claims" };

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("viewer");
  const editor = canEdit(user);
  const rawParams = await searchParams;
  const { value: params, ignored } = parseClaimTableParams(rawParams);
  const [page, sources, actors, topics, editors, views] = await Promise.all([
    listClaims(params),
    pickerFor("sources", params.source),
    pickerFor("actors", params.speaker),
    pickerFor("topics", params.topic),
    listAssignableEditors(),
    listVisibleViews(user.id),
  ]);
  const { after: _after, before: _before, ...filtersAndSort } = params;
  const { sort: _sort, ...filters } = filtersAndSort;
  const bulk = editor && page.rows.length > 0;

  return (
    <section>
      <div className="page-title-row">
        <h1>Claims</h1>
        <ExportButton kind="claims" searchParams={rawParams} />
      </div>
      {/* Keyed by the query, so a header click or a saved view's link refills the fields (they are uncontrolled). */}
      <form key={claimFiltersQuery(filtersAndSort)} method="get" action="/claims" className="filters" role="search" aria-label="Filter claims">
        <div className="filter-field grow">
          <label htmlFor="filter-q">Search the quotes</label>
          <input id="filter-q" type="search" name="q" defaultValue={params.q ?? ""} placeholder={'words, "a phrase", -excluded'} />
        </div>
        <PickerField name="source" label="Source" kind="sources" picker={sources} value={params.source} />
        <PickerField name="speaker" label="Speaker" kind="actors" picker={actors} value={params.speaker} fixed={[["none", "No speaker"]]} />
        <div className="filter-field">
          <label htmlFor="filter-citedVia">Cited via</label>
          <input id="filter-citedVia" type="text" name="citedVia" defaultValue={params.citedVia ?? ""} size={14} />
        </div>
        <PickerField name="topic" label="Topic" kind="topics" picker={topics} value={params.topic} fixed={[["none", "No topic"]]} />
        <Select name="stance" label="Stance" value={params.stance} options={STANCES.map((stance) => [stance, STANCE_LABELS[stance]])} />
        <Select
          name="sourceStance"
          label="Source stance"
          value={params.sourceStance}
          options={SOURCE_STANCES.map((stance) => [stance, SOURCE_STANCE_LABELS[stance]])}
        />
        <Select
          name="attribution"
          label="Attribution"
          value={params.attribution}
          options={ATTRIBUTIONS.map((attribution) => [attribution, ATTRIBUTION_LABELS[attribution]])}
        />
        <Select
          name="credibility"
          label="Credibility"
          value={params.credibility}
          options={[1, 2, 3, 4, 5, 6].map((grade) => [String(grade), CREDIBILITY_LABELS[grade]!])}
        />
        <Select name="status" label="Status" value={params.status} options={CLAIM_STATUSES.map((status) => [status, STATUS_LABELS[status]])} />
        <Select name="origin" label="Origin" value={params.origin} options={CLAIM_ORIGINS.map((origin) => [origin, CLAIM_ORIGIN_LABELS[origin]])} />
        <Select
          name="assignee"
          label="Assigned to"
          value={params.assignee}
          options={[["none", "Nobody"], ...editors.map((editor): [string, string] => [String(editor.id), editor.label])]}
        />
        <div className="filter-field">
          <label htmlFor="filter-proposition">Proposition</label>
          <input id="filter-proposition" type="text" inputMode="numeric" name="proposition" defaultValue={params.proposition ?? ""} size={6} />
        </div>
        <div className="filter-field">
          <label htmlFor="filter-singleOrigin">
            <input id="filter-singleOrigin" type="checkbox" name="singleOrigin" value="1" defaultChecked={!!params.singleOrigin} /> Single origin
          </label>
        </div>
        <div className="filter-field">
          <label htmlFor="filter-sort">Sort</label>
          <select id="filter-sort" name="sort" defaultValue={params.sort} data-default="source">
            {sortOptions(params.sort).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="primary">
            Apply
          </button>
          {hasClaimFilters(params) && <Link href={params.sort === "source" ? "/claims" : `/claims?sort=${params.sort}`}>Clear filters</Link>}
        </div>
      </form>
      <IgnoredFilters ignored={ignored} />
      <details className="saved-views" open={views.length > 0}>
        <summary>Saved views ({views.length})</summary>
        <SavedViewList views={views} deletable />
        <SaveViewForm query={claimFiltersQuery(filtersAndSort)} canShare={editor} />
      </details>
      <p className="muted" data-testid="claims-summary" aria-live="polite">
        {page.totalCapped && "More than "}
        <span data-testid="claims-total">{page.totalCapped ? page.total.toLocaleString("en") : page.total}</span>{" "}
        {page.total === 1 ? "claim matches" : "claims match"}
        {page.total > 0 && `; showing ${page.rows.length}`} · answered in {page.elapsedMs.toFixed(0)} ms
        {page.total > 0 && (
          <>
            {" "}
            · <Link href={`/review${claimFiltersQuery({ ...filtersAndSort, sort: "source" })}`}>Review these</Link>
          </>
        )}
      </p>

      <form id="claims-selection" aria-label="Selected claims">
        <MatchingSelectionProvider formId="claims-selection" filters={filters} counted={bulk && !page.totalCapped ? page.total : null}>
          {bulk && (
            <BulkBar
              formId="claims-selection"
              topics={topics.mode === "list" ? topics.options.map((topic) => ({ id: Number(topic.value), label: topic.label })) : null}
            />
          )}
          {bulk && <AssignClaims formId="claims-selection" editors={editors} />}
          <div className="table-scroll">
            <table className="table claims-table" data-testid="claims-table">
              <thead>
                <tr>
                  {editor && (
                    <th scope="col">
                      <SelectAllRows formId="claims-selection" />
                    </th>
                  )}
                  <SortHeader column="id" params={filtersAndSort} className="num">
                    #
                  </SortHeader>
                  <th scope="col">Quote</th>
                  <SortHeader column="source" params={filtersAndSort}>
                    Source
                  </SortHeader>
                  <th scope="col">Speaker</th>
                  <th scope="col">Cited via</th>
                  <th scope="col">
                    Stance <span className="muted">/ source</span>
                  </th>
                  <SortHeader column="credibility" params={filtersAndSort} className="num" title="Credibility 1–6">
                    Cred.
                  </SortHeader>
                  <SortHeader
                    column="worth"
                    params={filtersAndSort}
                    className="num"
                    title="Check-worthiness 0–100: figures, named people, accusations and denials, a source"
                  >
                    Worth
                  </SortHeader>
                  <th scope="col">Topic</th>
                  <th scope="col">Proposition</th>
                  <th scope="col">Assigned</th>
                  <SortHeader column="status" params={filtersAndSort}>
                    Status
                  </SortHeader>
                </tr>
              </thead>
              <ClaimRows rows={page.rows.map(claimTableRow)} selectable={editor} />
            </table>
          </div>
        </MatchingSelectionProvider>
      </form>
      {page.rows.length === 0 && <p>No claims match these filters.</p>}
      <nav className="pager" aria-label="Pages">
        {page.prevCursor ? (
          <>
            <Link href={`/claims${claimFiltersQuery(filtersAndSort)}`}>« First</Link>
            <Link href={`/claims${claimFiltersQuery(filtersAndSort, { before: page.prevCursor })}`} rel="prev">
              ‹ Previous
            </Link>
          </>
        ) : (
          <span className="muted">First page</span>
        )}
        {page.nextCursor && (
          <Link href={`/claims${claimFiltersQuery(filtersAndSort, { after: page.nextCursor })}`} rel="next">
            Next ›
          </Link>
        )}
      </nav>
    </section>
  );
}
