"use client";
// "Select all N matching" for the claims table: once every row on the page is checked, the editor may
// widen the selection to every claim the filters match (counted on the click when the table stopped
// counting at COUNT_CAP, so the page itself never counts a million claims). The bulk bar and the assign bar then send
// their change with the filters and the exact count, which the editor confirms first; the server
// finds the claims again and refuses if the count has changed. A large change runs as a job whose
// progress this polls (GET /api/bulk/jobs/[id]).
import { createContext, useContext, useEffect, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { bulkMatchingAction, countMatchingAction } from "@/lib/bulk/actions";
import { bulkJobSchema, type BulkChange, type BulkMatchingResult } from "@/lib/bulk/schema";
import type { ClaimFilters } from "@/lib/claims/schema";
import { countOf } from "@/lib/format/plural";
import { boxes, useSelectionCount } from "./claims-bulk-bar";
import { Outcome } from "./versioned-form";

interface MatchingSelection {
  /** Every matching claim is selected, not just the checked rows. */
  active: boolean;
  matching: number;
  pending: boolean;
  /** Confirms the count with the editor (`question` words it: "all 1,234 matching claims" → a question), then applies the change. */
  run(change: BulkChange, question: (claims: string) => string): void;
}

const MatchingContext = createContext<MatchingSelection | null>(null);

/** The matching selection, when the table offers one (editors, rows on the page). */
export function useMatchingSelection(): MatchingSelection | null {
  return useContext(MatchingContext);
}

const POLL_MS = 1_000;

function resultSentence(change: BulkChange, result: BulkMatchingResult): string {
  const changed = countOf(result.changed, "claim", "claims");
  const skipped = result.skipped ? `; ${result.skipped.toLocaleString("en")} skipped, as they already ${change.kind === "topic" ? "had it" : "were"}` : "";
  if (change.kind === "status") {
    const decided = result.decided ? `; ${result.decided.toLocaleString("en")} of the changed claims had been approved or rejected before` : "";
    return `${changed} set to ${result.label.toLowerCase()}${skipped}${decided}.`;
  }
  if (change.kind === "topic") return `Topic set to ${result.label} on ${changed}${skipped}.`;
  return `${changed} ${change.assigneeId === "none" ? "unassigned" : `assigned to ${result.label}`}${skipped}.`;
}

export function MatchingSelectionProvider({
  formId,
  filters,
  counted,
  children,
}: {
  formId: string;
  filters: ClaimFilters;
  /** How many claims the filters match, when the table counted them all; null past COUNT_CAP. */
  counted: number | null;
  children: ReactNode;
}) {
  const router = useRouter();
  const checked = useSelectionCount(formId);
  const [rows, setRows] = useState(0);
  const [active, setActive] = useState(false);
  const [matching, setMatching] = useState(counted);
  const [message, setMessage] = useState<Outcome>(null);
  const [job, setJob] = useState<{ statusUrl: string; change: BulkChange; total: number; processed: number } | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => setRows(boxes(formId).length), [formId]);
  // New filters or a refreshed page: the table's count, or none to ask for on the next click.
  useEffect(() => setMatching(counted), [counted, filters]);
  // Unchecking a row narrows the selection back to the checked rows.
  useEffect(() => {
    if (checked < rows) setActive(false);
  }, [checked, rows]);

  const finish = (change: BulkChange, result: BulkMatchingResult) => {
    for (const box of boxes(formId)) box.checked = false;
    document.getElementById(formId)?.dispatchEvent(new Event("change", { bubbles: true }));
    setActive(false);
    setMatching(counted);
    setMessage({ kind: "notice", text: resultSentence(change, result), undo: result.actionId });
    router.refresh();
  };

  useEffect(() => {
    if (!job) return;
    const timer = setInterval(async () => {
      const response = await fetch(job.statusUrl, { cache: "no-store" });
      const parsed = bulkJobSchema.safeParse(await response.json().catch(() => null));
      if (!response.ok || !parsed.success) {
        setJob(null);
        setMessage({ kind: "error", text: "The change's progress could not be read; reload the page to see what changed." });
        return;
      }
      const status = parsed.data;
      if (status.status === "finished" && status.result) {
        setJob(null);
        finish(job.change, status.result);
      } else if (status.status === "failed") {
        setJob(null);
        setMessage({ kind: "error", text: status.error ?? "The change failed; nothing was changed." });
      } else setJob({ ...job, processed: status.processed });
    }, POLL_MS);
    return () => clearInterval(timer);
  });

  const selectAll = () => {
    if (matching !== null) return setActive(true);
    startTransition(async () => {
      const result = await countMatchingAction({ filters });
      if (!result.ok) return setMessage({ kind: "error", text: result.message });
      setMatching(result.data);
      setActive(true);
    });
  };

  const run = (change: BulkChange, question: (claims: string) => string) => {
    if (matching === null) return;
    // The editor confirms the number; the server changes the claims only if exactly that many still match.
    if (!window.confirm(question(`all ${matching.toLocaleString("en")} matching claims`))) return;
    setMessage(null);
    startTransition(async () => {
      const result = await bulkMatchingAction({ filters, confirmedCount: matching, change });
      if (!result.ok) {
        const fields = Object.values(result.fieldErrors ?? {}).flat();
        setMessage({ kind: "error", text: [...new Set([result.message, ...fields])].join(" ") });
      } else if (result.data.kind === "done") finish(change, result.data.result);
      else setJob({ statusUrl: result.data.statusUrl, change, total: result.data.total, processed: 0 });
    });
  };

  const offer = rows > 0 && checked === rows && (matching === null || matching > rows);
  return (
    <MatchingContext.Provider value={{ active: active && matching !== null, matching: matching ?? 0, pending: pending || job !== null, run }}>
      <div className="select-all-matching" data-testid="select-all-matching" aria-live="polite">
        {active && matching !== null ? (
          <p>
            All <strong>{matching.toLocaleString("en")}</strong> matching claims are selected.{" "}
            <button type="button" className="link-button" onClick={() => setActive(false)}>
              Select only this page
            </button>
          </p>
        ) : (
          offer && (
            <p>
              All {countOf(rows, "claim", "claims")} on this page are selected.{" "}
              <button type="button" className="link-button" onClick={selectAll} disabled={pending}>
                {matching === null ? "Select every claim that matches" : `Select all ${matching.toLocaleString("en")} matching claims`}
              </button>
            </p>
          )
        )}
        {job && (
          <p>
            <label htmlFor="bulk-progress">Changing the matching claims</label> <progress id="bulk-progress" max={job.total} value={job.processed} />{" "}
            <span data-testid="bulk-progress-text">
              {job.processed.toLocaleString("en")} of {job.total.toLocaleString("en")}
            </span>
          </p>
        )}
        <Outcome outcome={message} inline />
      </div>
      {children}
    </MatchingContext.Provider>
  );
}
