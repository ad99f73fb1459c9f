"use client";
// Who a claim, a source or a contradiction is given to, and (for editors) a choice to give it to
// another editor or take it back. The server refuses a disabled user or a viewer and says so.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { assignClaimsAction, assignContradictionAction, assignSourceAction } from "@/lib/assignments/actions";
import type { AssignableEditor } from "@/lib/assignments/schema";
import { useMounted } from "./use-mounted";
import { Outcome } from "./versioned-form";

export type AssignTarget = { kind: "claim" | "source" | "contradiction"; id: number };

export interface Assignment {
  id: number;
  name: string;
  /** A claim given to no one itself goes with its source. */
  viaSource?: boolean;
}

function assign(target: AssignTarget, assigneeId: string) {
  if (target.kind === "claim") return assignClaimsAction({ ids: [target.id], assigneeId });
  if (target.kind === "source") return assignSourceAction({ sourceId: target.id, assigneeId });
  return assignContradictionAction({ contradictionId: target.id, assigneeId });
}

export function AssignControl({
  target,
  assignment,
  editors,
  canEdit,
}: {
  target: AssignTarget;
  assignment: Assignment | null;
  /** Null for viewers, who only see who has it. */
  editors: AssignableEditor[] | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const ready = useMounted();
  const [choice, setChoice] = useState(assignment && !assignment.viaSource ? String(assignment.id) : "");
  const [message, setMessage] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const id = `assign-${target.kind}-${target.id}`;

  const submit = () =>
    startTransition(async () => {
      const result = await assign(target, choice === "" ? "none" : choice);
      if (!result.ok) {
        setMessage({ kind: "error", text: result.fieldErrors?.assigneeId?.join(" ") ?? result.message });
        return;
      }
      const who = result.data.assignee?.name;
      setMessage({ kind: "notice", text: who ? `Assigned to ${who}.` : "Unassigned." });
      router.refresh();
    });

  return (
    <div className="assign-control" data-testid={`assignment-${target.kind}`} data-ready={ready ? "true" : undefined}>
      <span data-testid="assignee">
        Assigned to{" "}
        {assignment ? (
          <strong>
            {assignment.name}
            {assignment.viaSource && <span className="muted"> (with its source)</span>}
          </strong>
        ) : (
          <span className="muted">nobody</span>
        )}
      </span>
      {canEdit && editors && (
        <>
          {" "}
          <label htmlFor={id} className="visually-hidden">
            Assign to
          </label>
          <select id={id} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Nobody</option>
            {editors.map((editor) => (
              <option key={editor.id} value={String(editor.id)}>
                {editor.label}
              </option>
            ))}
          </select>{" "}
          <button type="button" onClick={submit} disabled={pending}>
            {choice === "" ? "Unassign" : "Assign"}
          </button>
        </>
      )}
      <Outcome outcome={message} inline />
    </div>
  );
}
