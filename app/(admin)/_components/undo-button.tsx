"use client";
// Undo for one of my actions (lib/undo): after it, the sentence saying what was put back, or why it was refused.
import { useState, useTransition } from "react";
import { undoActionAction } from "@/lib/undo/actions";

export function UndoButton({ actionId, label = "Undo" }: { actionId: string; label?: string }) {
  const [result, setResult] = useState<{ kind: "error" | "notice"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (result?.kind === "notice")
    return (
      <span role="status" className="undo-done" data-testid="undo-outcome">
        {result.text}
      </span>
    );
  const undo = () =>
    startTransition(async () => {
      const answer = await undoActionAction({ actionId });
      // The action refreshes the page, so the records show as they are again.
      setResult(answer.ok ? { kind: "notice", text: `Undone: ${answer.data.description}.` } : { kind: "error", text: answer.message });
    });
  return (
    <span className="undo">
      <button type="button" className="link-button" onClick={undo} disabled={pending} data-testid="undo-button">
        {pending ? "Undoing…" : label}
      </button>
      {result && (
        <span role="alert" className="undo-refused" data-testid="undo-outcome">
          {result.text}
        </span>
      )}
    </span>
  );
}
