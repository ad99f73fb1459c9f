import Link from "next/link";
import { Pager } from "@/app/(admin)/_components/pager";
import { canEdit } from "@/lib/auth/roles";
import { requirePageRole } from "@/lib/auth/session";
import { listContradictions } from "@/lib/contradictions/queries";
import { describeDetectionRun, latestDetectionRun } from "@/lib/contradictions/runs";
import { pickerFor } from "@/lib/pickers/queries";
import { PickerField } from "@/app/(admin)/_components/filter-fields";
import { CONTRADICTION_KINDS, CONTRADICTION_STATUSES, listContradictionsSchema } from "@/lib/contradictions/schema";
import { CONTRADICTION_STATUS_LABELS, KIND_LABELS } from "@/lib/contradictions/labels";
import { RULE_LABELS } from "@/lib/contradictions/rule-labels";
import { ExportButton } from "@/app/(admin)/_components/export-button";
import { IgnoredFilters } from "@/app/(admin)/_components/ignored-filters";
import { parseWithProblems } from "@/lib/claims/schema";
import { RunDetectionButton } from "./_components/run-detection-button";
import styles from "./_components/contradictions.module.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Contradictions" };

type SearchParams = Record<string, string | string[] | undefined>;

function shorten(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, "")}…` : text;
}

export default async function ContradictionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePageRole("viewer");
  const raw = await searchParams;
  // A bad value in the address is dropped and said in a sentence, as on the claims table.
  const { value: filters, ignored } = parseWithProblems(listContradictionsSchema, raw);
  const [list, sources, actors, run] = await Promise.all([
    listContradictions(filters),
    pickerFor("sources", filters.source),
    pickerFor("actors", filters.actor),
    latestDetectionRun(),
  ]);
  const status = filters.status ?? "candidate";
  const pageHref = (page: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...filters, page })
        .filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, String(value)]),
    );
    return `/contradictions?${params}`;
  };

  return (
    <section>
      <div className="page-title-row">
        <h1>Contradictions</h1>
        <ExportButton kind="contradictions" searchParams={raw} defaults={{ status: "candidate" }} />
      </div>
      <IgnoredFilters ignored={ignored} />
      <p className="muted">
        Pairs of claims that conflict, best first. Candidates come from detection (denials, negations, figures and dates that disagree, opposite stances, actors
        contradicting each other); editors confirm or dismiss them.
      </p>
      <ul className={styles.counts} aria-label="Pairs by status">
        {CONTRADICTION_STATUSES.map((value) => (
          <li key={value}>
            <Link href={`/contradictions?status=${value}`}>
              {CONTRADICTION_STATUS_LABELS[value]}: {list.byStatus[value] ?? 0}
            </Link>
          </li>
        ))}
      </ul>
      <div className={styles.toolbar}>
        <form className="filters" method="get" aria-label="Filter contradictions">
          <label>
            Kind
            <select name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">Any kind</option>
              {CONTRADICTION_KINDS.map((value) => (
                <option key={value} value={value}>
                  {KIND_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Status
            <select name="status" defaultValue={status} data-default="candidate">
              {CONTRADICTION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {CONTRADICTION_STATUS_LABELS[value]}
                </option>
              ))}
              <option value="all">Any status</option>
            </select>
          </label>
          <PickerField name="source" label="Source" kind="sources" picker={sources} value={filters.source} />
          <PickerField name="actor" label="Actor" kind="actors" picker={actors} value={filters.actor} />
          <button type="submit">Filter</button>
          {(filters.kind || filters.source || filters.actor || status !== "candidate") && <Link href="/contradictions">Clear filters</Link>}
        </form>
        {(canEdit(user) || run) && <RunDetectionButton canRun={canEdit(user)} run={run && { status: run.status, text: describeDetectionRun(run) }} />}
      </div>

      <p className="muted" data-testid="contradictions-total">
        {list.total} {list.total === 1 ? "pair" : "pairs"}
      </p>
      {list.rows.length === 0 ? (
        <p className="empty-queue">No pairs match. {canEdit(user) ? "Run detection to propose candidates, or change the filters." : "Change the filters."}</p>
      ) : (
        <div className="table-scroll">
          <table className={`table ${styles.list}`}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Score
                </th>
                <th scope="col">Kind</th>
                <th scope="col">Claims and why they conflict</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id} data-contradiction-id={row.id}>
                  <td className={`num ${styles.score}`}>{row.score.toFixed(2)}</td>
                  <td className={styles.kind}>
                    <span className="badge">{KIND_LABELS[row.kind]}</span>
                    <div className={styles.who} title={row.detectedBy}>
                      {RULE_LABELS[row.detectedBy] ?? row.detectedBy}
                    </div>
                  </td>
                  <td className={styles.pairCell}>
                    {[row.claimA, row.claimB].map((claim) => (
                      <p key={claim.id} className={styles.pairQuote}>
                        {shorten(claim.quote)}
                        <br />
                        <span className={styles.who}>
                          {claim.speaker?.name ?? "author"} · <Link href={`/sources/${claim.source.slug}?claim=${claim.id}`}>{claim.source.title}</Link>
                          {row.preferredClaimId === claim.id && <strong> · preferred</strong>}
                        </span>
                      </p>
                    ))}
                    <p className={styles.explanation} data-testid="explanation">
                      {row.explanation}
                    </p>
                  </td>
                  <td className={styles.status}>
                    <span className={`status-pill ${styles[`status-${row.status}`]}`}>{CONTRADICTION_STATUS_LABELS[row.status]}</span>
                    {row.assignee && (
                      <div className={styles.who} data-testid="contradiction-assignee">
                        Assigned to {row.assignee.name ?? row.assignee.email}
                      </div>
                    )}
                  </td>
                  <td>
                    <Link href={`/contradictions/${row.id}`} className="button">
                      Compare
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={list.page} total={list.total} pageSize={list.pageSize} href={pageHref} />
    </section>
  );
}
