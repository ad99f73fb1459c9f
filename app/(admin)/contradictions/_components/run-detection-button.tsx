"use client";
// Editors re-run detection on demand (after edits, merges or an import).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { runDetectionAction } from "@/lib/contradictions/actions";

export function RunDetectionButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ kind: "error" | "notice"; text: string } | null>(null);

  const run = () => {
    setOutcome(null);
    startTransition(async () => {
      const result = await runDetectionAction({});
      if (!result.ok) {
        setOutcome({ kind: "error", text: result.message });
        return;
      }
      const { created, updated, removed, keptReviewed } = result.data;
      setOutcome({
        kind: "notice",
        text: `Detection finished: ${created} new, ${updated} updated, ${removed} withdrawn; ${keptReviewed} reviewed pairs left as they were.`,
      });
      router.refresh();
    });
  };

  return (
    <div className="inline-form">
      <button type="button" onClick={run} disabled={pending} data-testid="run-detection">
        {pending ? "Detecting…" : "Run detection"}
      </button>
      {outcome && <span role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind}>{outcome.text}</span>}
    </div>
  );
}
