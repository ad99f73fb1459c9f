"use client";
// Keyboard review: one key per decision, listed on the `?` overlay. Approve and reject
// move on to the next claim by themselves; stance keys change the claim and stay.
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { renewClaimLeaseAction, reviewClaimAction } from "@/lib/claims/actions";
import { STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { isFormSnapshot } from "@/lib/forms/snapshot";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { useMounted } from "./use-mounted";
import { UndoButton } from "./undo-button";
import { ClaimEditorForm, type Option } from "./claim-editor-form";
import type { ClaimStatus, Stance } from "@/lib/generated/prisma/enums";

const STANCE_KEYS: Record<string, Stance> = { "1": "supports", "2": "opposes", "3": "neutral", "4": "unclear" };

// The last approve or reject of this tab: the card moves on to the next claim, so the sentence and its Undo
// live outside it (LastDecision, rendered by the queue page above the card) and outlast the navigation.
let lastDecision: { text: string; undo?: string } | null = null;
const decisionListeners = new Set<() => void>();

function announceDecision(decision: { text: string; undo?: string }) {
  lastDecision = decision;
  for (const listener of decisionListeners) listener();
}

function subscribeToDecisions(listener: () => void) {
  decisionListeners.add(listener);
  return () => decisionListeners.delete(listener);
}

/** "Claim #12 approved." with an Undo button, after a decision in the queue. */
export function LastDecision() {
  const decision = useSyncExternalStore(
    subscribeToDecisions,
    () => lastDecision,
    () => null,
  );
  if (!decision) return null;
  return (
    <p role="status" className="notice" data-testid="last-decision">
      {decision.text}
      {decision.undo && <UndoButton key={decision.undo} actionId={decision.undo} />}
    </p>
  );
}

export const SHORTCUTS: { keys: string[]; action: string; editorOnly?: boolean }[] = [
  { keys: ["a"], action: "Approve and go to the next claim", editorOnly: true },
  { keys: ["r"], action: "Reject and go to the next claim", editorOnly: true },
  { keys: ["1"], action: "Stance: supports", editorOnly: true },
  { keys: ["2"], action: "Stance: opposes", editorOnly: true },
  { keys: ["3"], action: "Stance: neutral", editorOnly: true },
  { keys: ["4"], action: "Stance: unclear", editorOnly: true },
  { keys: ["j", "→"], action: "Next claim" },
  { keys: ["k", "←"], action: "Previous claim" },
  { keys: ["o"], action: "Open the source at this claim" },
  { keys: ["e"], action: "Edit speaker, cited via, topic and the other fields shown on the card (viewers: open the claim)" },
  { keys: ["Ctrl", "Enter"], action: "Save the claim editor", editorOnly: true },
  { keys: ["Esc"], action: "Leave a form field, so the keys above work again" },
  { keys: ["?"], action: "Show or hide these shortcuts" },
];

function typingIn(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element) return false;
  return element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

export function ReviewControls({
  claimId,
  version,
  status,
  stance,
  topicTitle,
  canEdit,
  nextHref,
  prevHref,
  afterDecisionHref,
  stayHref,
  leaseRenewMs,
  sourceHref,
  editorHref,
  editor,
}: {
  claimId: number;
  version: number;
  status: ClaimStatus;
  stance: Stance;
  /** What the stance is toward. */
  topicTitle: string | null;
  canEdit: boolean;
  nextHref: string | null;
  prevHref: string | null;
  afterDecisionHref: string;
  /** This claim exactly: where a refused decision leaves the editor, with the page brought up to date. */
  stayHref: string;
  /** How often the open card renews its lease on the claim (editors only). */
  leaseRenewMs: number | null;
  sourceHref: string;
  editorHref: string;
  /** The inline editor for speaker, cited via and the rest (editors only). */
  editor?: { snapshot: FormSnapshot; actors: Option[] | null; topics: Option[] | null };
}) {
  const router = useRouter();
  const mounted = useMounted();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState<{ kind: "error" | "notice"; text: string } | null>(null);
  const [saving, setSaving] = useState(0);
  // Keys pressed quickly ("2" then "a") run one after another, each on the version the
  // previous one produced; none is dropped while a save is under way.
  const versionRef = useRef(version);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const decided = useRef(false);

  // A refresh after someone else's save brings a newer version the page now shows.
  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, version);
  }, [version]);

  // The queue keeps this claim for this editor while the card is open.
  useEffect(() => {
    if (!canEdit || !leaseRenewMs) return;
    const timer = window.setInterval(() => {
      void renewClaimLeaseAction({ id: claimId })
        .then((result) => {
          if (result.ok && !result.data.held) {
            setMessage({
              kind: "notice",
              text: `${result.data.holder ?? "Another editor"} has this claim open in the review queue now. Press j for the next claim nobody holds.`,
            });
          }
        })
        .catch(() => {
          // The next renewal tries again; the lease outlives a missed one.
        });
    }, leaseRenewMs);
    return () => window.clearInterval(timer);
  }, [canEdit, claimId, leaseRenewMs]);

  const decide = (change: { status?: ClaimStatus; stance?: Stance }) => {
    if (!canEdit || decided.current) return;
    const isDecision = change.status === "approved" || change.status === "rejected";
    if (isDecision) decided.current = true;
    setSaving((count) => count + 1);
    chain.current = chain.current
      .then(async () => {
        const result = await reviewClaimAction({ id: claimId, version: versionRef.current, ...change });
        if (result.ok) {
          versionRef.current = result.data.version;
          if (isDecision) {
            announceDecision({ text: `Claim #${claimId} ${STATUS_LABELS[change.status!].toLowerCase()}.`, undo: result.data.actionId });
            router.push(afterDecisionHref);
          } else {
            setMessage({ kind: "notice", text: `Stance set to ${STANCE_LABELS[change.stance!].toLowerCase()}.` });
          }
          return;
        }
        decided.current = false;
        if (result.status === 409 && isFormSnapshot(result.current)) {
          const theirs = result.current;
          versionRef.current = theirs.version;
          const mine = change.status === "approved" ? "approval" : change.status === "rejected" ? "rejection" : "stance";
          const key = change.status === "approved" ? "a" : change.status === "rejected" ? "r" : "the stance key";
          setMessage({
            kind: "error",
            text: `${theirs.savedBy ?? "Someone else"} changed this claim meanwhile: it is now ${theirs.labels.status}, stance ${theirs.labels.stance}. Your ${mine} was not saved. Press ${key} again to apply it to their version, or j to move on.`,
          });
          // Stays on this claim (the queue's default would be the next one), showing their version.
          router.replace(stayHref, { scroll: false });
          return;
        }
        setMessage({ kind: "error", text: result.message });
      })
      .catch(() => {
        decided.current = false;
        setMessage({ kind: "error", text: "The server could not be reached; nothing was saved. Try again." });
      })
      .finally(() => setSaving((count) => count - 1));
  };
  const pending = saving > 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && typingIn(event.target)) {
        // Leaves a field so the single-key shortcuts work again.
        (event.target as HTMLElement).blur();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const go = (href: string | null) => href && router.push(href);
      switch (event.key) {
        case "?":
          if (dialog.current?.open) dialog.current.close();
          else dialog.current?.showModal();
          break;
        case "a":
          decide({ status: "approved" });
          break;
        case "r":
          decide({ status: "rejected" });
          break;
        case "j":
        case "ArrowRight":
          go(nextHref);
          break;
        case "k":
        case "ArrowLeft":
          go(prevHref);
          break;
        case "o":
          go(sourceHref);
          break;
        case "e": {
          const inline = document.getElementById("review-editor") as HTMLDetailsElement | null;
          if (!inline) {
            go(editorHref);
            break;
          }
          inline.open = true;
          inline.querySelector<HTMLElement>("input, select, textarea")?.focus();
          break;
        }
        default:
          if (STANCE_KEYS[event.key]) decide({ stance: STANCE_KEYS[event.key] });
          else return;
      }
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="review-controls" data-testid="review-controls" data-ready={mounted ? "true" : undefined}>
      {canEdit && (
        <div className="button-row" role="group" aria-label="Decision" aria-busy={pending}>
          <button type="button" className="approve" onClick={() => decide({ status: "approved" })} aria-keyshortcuts="a">
            Approve <kbd>a</kbd>
          </button>
          <button type="button" className="reject" onClick={() => decide({ status: "rejected" })} aria-keyshortcuts="r">
            Reject <kbd>r</kbd>
          </button>
          <span className="muted small">{topicTitle ? <>Stance toward “{topicTitle}”:</> : "Stance (no topic set):"}</span>
          {Object.entries(STANCE_KEYS).map(([key, value]) => (
            <button
              key={key}
              type="button"
              onClick={() => decide({ stance: value })}
              disabled={pending}
              aria-pressed={stance === value}
              aria-keyshortcuts={key}
            >
              {STANCE_LABELS[value]} <kbd>{key}</kbd>
            </button>
          ))}
        </div>
      )}
      <div className="button-row" role="group" aria-label="Navigation">
        <button type="button" onClick={() => prevHref && router.push(prevHref)} disabled={!prevHref} aria-keyshortcuts="k">
          ‹ Previous <kbd>k</kbd>
        </button>
        <button type="button" onClick={() => nextHref && router.push(nextHref)} disabled={!nextHref} aria-keyshortcuts="j">
          Next › <kbd>j</kbd>
        </button>
        <button type="button" onClick={() => router.push(sourceHref)} aria-keyshortcuts="o">
          Open source <kbd>o</kbd>
        </button>
        <button type="button" onClick={() => dialog.current?.showModal()} aria-keyshortcuts="?">
          Shortcuts <kbd>?</kbd>
        </button>
      </div>
      <p className="muted small" aria-live="polite">
        Currently {STATUS_LABELS[status].toLowerCase()}; stance {STANCE_LABELS[stance].toLowerCase()}
        {topicTitle ? ` toward “${topicTitle}”` : " (no topic set)"}.{pending && " Saving…"}
      </p>
      {message && (
        <p role={message.kind === "error" ? "alert" : "status"} className={message.kind} data-testid="review-message">
          {message.text}
        </p>
      )}
      {canEdit && editor && (
        <details className="review-editor" id="review-editor">
          <summary>
            Speaker, cited via, topic, credibility and notes <kbd>e</kbd>
          </summary>
          <ClaimEditorForm
            claimId={claimId}
            snapshot={editor.snapshot}
            actors={editor.actors}
            topics={editor.topics}
            idPrefix={`review-${claimId}`}
            // The next key decides on the version this save produced.
            onSaved={(saved) => {
              versionRef.current = Math.max(versionRef.current, saved.version);
            }}
          />
        </details>
      )}
      <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" data-testid="shortcuts-overlay">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="table">
          <tbody>
            {SHORTCUTS.filter((shortcut) => canEdit || !shortcut.editorOnly).map((shortcut) => (
              <tr key={shortcut.action}>
                <th scope="row">
                  {shortcut.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </th>
                <td>{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit" autoFocus>
            Close (Esc)
          </button>
        </form>
      </dialog>
    </div>
  );
}
