"use client";
// Where a claim stands in its source: move its start or end by a word, withdraw it, restore it.
// Each change is versioned like any save; a refused one says who changed the claim first.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { adjustClaimBoundaryAction, restoreClaimAction, withdrawClaimAction } from "@/lib/claims/actions";
import { isFormSnapshot } from "@/lib/forms/snapshot";
import { UndoButton } from "./undo-button";
import type { Outcome } from "./versioned-form";

type AnchorSave = Awaited<ReturnType<typeof adjustClaimBoundaryAction>>;
type Saved = Extract<AnchorSave, { ok: true }>["data"];
type Edge = "start" | "end";
type Step = "extend" | "shrink";

// The accessible name begins with the visible words (WCAG "label in name"); the arrows are decoration.
const MOVES: { edge: Edge; step: Step; label: string; arrow: "before" | "after"; name: string }[] = [
  { edge: "start", step: "extend", label: "Extend start", arrow: "before", name: "Extend start by a word" },
  { edge: "start", step: "shrink", label: "Shrink start", arrow: "after", name: "Shrink start by a word" },
  { edge: "end", step: "shrink", label: "Shrink end", arrow: "before", name: "Shrink end by a word" },
  { edge: "end", step: "extend", label: "Extend end", arrow: "after", name: "Extend end by a word" },
];

export function ClaimAnchorControls({
  claimId,
  version,
  withdrawal,
  canEdit,
}: {
  claimId: number;
  version: number;
  /** Set while the claim is withdrawn: who withdrew it and when (formatted). */
  withdrawal: { by: string; at: string } | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const headingId = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<Outcome>(null);
  // Clicks in quick succession each build on the version the previous one produced.
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, version);
  }, [version]);

  const run = (call: (version: number) => Promise<AnchorSave>, done: (saved: Saved) => string) => {
    startTransition(async () => {
      const result = await call(versionRef.current);
      if (result.ok) {
        versionRef.current = result.data.version;
        setOutcome({ kind: "notice", text: done(result.data), undo: result.data.actionId });
        return;
      }
      if (result.status === 409 && isFormSnapshot(result.current)) {
        versionRef.current = result.current.version;
        setOutcome({
          kind: "error",
          text: `${result.current.savedBy ?? "Someone else"} changed this claim meanwhile; the page now shows their version. Nothing of yours was saved; try again.`,
        });
        router.refresh();
        return;
      }
      setOutcome({ kind: "error", text: result.message });
    });
  };

  const withdrawn = withdrawal !== null;
  const toggle = withdrawn
    ? { label: "Restore claim", call: restoreClaimAction, done: "Claim restored." }
    : { label: "Withdraw claim", call: withdrawClaimAction, done: "Claim withdrawn. Restore it here at any time." };
  return (
    <section className="claim-anchor" aria-labelledby={headingId} data-testid="claim-anchor">
      <h2 id={headingId} className="visually-hidden">
        Boundaries and withdrawal
      </h2>
      {withdrawn && (
        <p className="withdrawn-notice" role="status" data-testid="withdrawn-notice">
          <strong>Withdrawn</strong> by {withdrawal.by} on {withdrawal.at}: left out of lists, the review queue, exports and contradiction detection.
        </p>
      )}
      {canEdit && (
        <div className="button-row" aria-busy={pending}>
          {!withdrawn &&
            MOVES.map((move) => (
              <button
                key={`${move.edge}-${move.step}`}
                type="button"
                aria-label={move.name}
                title={move.name}
                disabled={pending}
                onClick={() =>
                  run(
                    (current) => adjustClaimBoundaryAction({ id: claimId, version: current, edge: move.edge, step: move.step }),
                    (saved) => `Now “${saved.quote}” (${saved.startOffset}–${saved.endOffset}).`,
                  )
                }
              >
                {move.arrow === "before" && <span aria-hidden="true">◂ </span>}
                {move.label}
                {move.arrow === "after" && <span aria-hidden="true"> ▸</span>}
              </button>
            ))}
          <button
            type="button"
            className={withdrawn ? undefined : "reject"}
            disabled={pending}
            onClick={() =>
              run(
                (current) => toggle.call({ id: claimId, version: current }),
                () => toggle.done,
              )
            }
          >
            {toggle.label}
          </button>
        </div>
      )}
      {outcome && (
        <p role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind} data-testid="anchor-outcome">
          {outcome.text}
          {outcome.undo && <UndoButton key={outcome.undo} actionId={outcome.undo} />}
        </p>
      )}
    </section>
  );
}
