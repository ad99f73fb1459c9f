"use client";
// Assignment for the claims table: the checked rows, or every claim the filters match once the editor
// selected them all and confirmed how many that is (select-all-matching.tsx).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { assignClaimsAction } from "@/lib/assignments/actions";
import type { AssignableEditor } from "@/lib/assignments/schema";
import { boxes, useSelectionCount } from "./claims-bulk-bar";
import { useMounted } from "./use-mounted";
import { Outcome } from "./versioned-form";
import { useMatchingSelection } from "./select-all-matching";

export function AssignClaims({ formId, editors }: { formId: string; editors: AssignableEditor[] }) {
  const router = useRouter();
  const ready = useMounted();
  const matching = useMatchingSelection();
  const checked = useSelectionCount(formId);
  const count = matching?.active ? matching.matching : checked;
  const [assigneeId, setAssigneeId] = useState("");
  const [message, setMessage] = useState<Outcome>(null);
  const [working, startTransition] = useTransition();
  const pending = working || matching?.pending === true;

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

  const assignSelected = () => {
    if (matching?.active) {
      const who = editors.find((editor) => String(editor.id) === assigneeId)?.label;
      return matching.run({ kind: "assign", assigneeId: assigneeId ? Number(assigneeId) : "none" }, (claims) =>
        who ? `Assign ${claims} to ${who}?` : `Unassign ${claims}?`,
      );
    }
    run({
      ids: boxes(formId)
        .filter((box) => box.checked)
        .map((box) => box.value),
    });
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
      <Outcome outcome={message} inline />
    </div>
  );
}
