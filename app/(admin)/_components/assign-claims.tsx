"use client";
// Assignment for the claims table: the checked rows, or every claim the filters match once the
// editor has confirmed how many that is (the server refuses if the number changed meanwhile).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { assignClaimsAction } from "@/lib/assignments/actions";
import type { AssignableEditor } from "@/lib/assignments/schema";
import type { ClaimFilters } from "@/lib/claims/schema";
import { boxes, useSelectionCount } from "./claims-bulk-bar";
import { useMounted } from "./use-mounted";
import { Outcome } from "./versioned-form";

export function AssignClaims({
  formId,
  editors,
  filters,
  matching,
}: {
  formId: string;
  editors: AssignableEditor[];
  filters: ClaimFilters;
  /** How many claims the filters match, when few enough to assign at once; null otherwise. */
  matching: number | null;
}) {
  const router = useRouter();
  const ready = useMounted();
  const count = useSelectionCount(formId);
  const [assigneeId, setAssigneeId] = useState("");
  const [message, setMessage] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();

  const run = (input: Record<string, unknown>) =>
    startTransition(async () => {
      const result = await assignClaimsAction({ ...input, assigneeId: assigneeId || "none" });
      if (!result.ok) {
        const fields = Object.values(result.fieldErrors ?? {}).flat();
        setMessage({ kind: "error", text: fields.includes(result.message) ? result.message : [result.message, ...fields].join(" ") });
        return;
      }
      const { changed, unchanged, assignee } = result.data;
      for (const box of boxes(formId)) box.checked = false;
      document.getElementById(formId)?.dispatchEvent(new Event("change", { bubbles: true }));
      const noun = changed === 1 ? "claim" : "claims";
      setMessage({
        kind: "notice",
        text: `${changed} ${noun} ${assignee ? `assigned to ${assignee.name}` : "unassigned"}${unchanged ? `, ${unchanged} already were` : ""}.`,
      });
      router.refresh();
    });

  const assignSelected = () =>
    run({
      ids: boxes(formId)
        .filter((box) => box.checked)
        .map((box) => box.value),
    });
  const assignMatching = () => {
    if (matching === null) return;
    // The editor confirms the number; the server assigns only if exactly that many still match.
    const who = editors.find((editor) => String(editor.id) === assigneeId)?.label;
    if (!window.confirm(`${who ? `Assign all ${matching} matching claims to ${who}` : `Unassign all ${matching} matching claims`}?`)) return;
    run({ filters, confirmedCount: matching });
  };

  return (
    <div className="bulk-bar" role="group" aria-label="Assign claims" data-testid="assign-claims" data-ready={ready ? "true" : undefined}>
      <label htmlFor="assign-claims-to">Assign to</label>
      <select id="assign-claims-to" value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}>
        <option value="">Nobody (unassign)</option>
        {editors.map((editor) => (
          <option key={editor.id} value={String(editor.id)}>
            {editor.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={assignSelected} disabled={pending || count === 0}>
        Assign {count} selected
      </button>
      {matching !== null && (
        <button type="button" onClick={assignMatching} disabled={pending}>
          Assign all {matching} matching
        </button>
      )}
      <Outcome outcome={message} inline />
    </div>
  );
}
