"use client";
// An editor's decisions on a proposition: confirm, relabel, split off the ticked members, merge another
// proposition in. Each sends the version the page was given; a refusal (someone else saved first, bad
// input) is shown as the server words it, and nothing changed.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/with-role";
import { confirmPropositionAction, mergePropositionsAction, relabelPropositionAction, splitPropositionAction } from "@/lib/propositions/actions";
import { LABEL_MAX_LENGTH } from "@/lib/propositions/schema";

type Outcome = { kind: "error"; text: string; fields: string[] } | { kind: "notice"; text: ReactNode } | null;

function useDecision() {
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const run = <R,>(send: () => Promise<ActionResult<R>>, done: (data: R) => ReactNode) =>
    startTransition(async () => {
      const result = await send();
      if (result.ok) {
        setOutcome({ kind: "notice", text: done(result.data) });
        router.refresh();
        return;
      }
      setOutcome({ kind: "error", text: result.message, fields: Object.values(result.fieldErrors ?? {}).flat() });
    });
  return { outcome, pending, run };
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  if (outcome.kind === "notice")
    return (
      <p className="notice" role="status" data-testid="proposition-notice">
        {outcome.text}
      </p>
    );
  return (
    <div className="error" role="alert" data-testid="proposition-error">
      <p>{outcome.text}</p>
      {outcome.fields.length > 0 && (
        <ul>
          {outcome.fields.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ConfirmControl({ id, version, confirmed }: { id: number; version: number; confirmed: boolean }) {
  const { outcome, pending, run } = useDecision();
  return (
    <div>
      <button
        type="button"
        className="primary"
        disabled={pending}
        onClick={() =>
          run(
            () => confirmPropositionAction({ id, version }),
            () => "Confirmed: a later grouping run keeps these claims together.",
          )
        }
      >
        {confirmed ? "Confirm again (keep every member)" : "Confirm"}
      </button>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}

export function RelabelControl({ id, version, label }: { id: number; version: number; label: string }) {
  const { outcome, pending, run } = useDecision();
  const [value, setValue] = useState(label);
  return (
    <div>
      <form
        aria-label="Relabel"
        onSubmit={(event) => {
          event.preventDefault();
          run(
            () => relabelPropositionAction({ id, version, label: value }),
            () => "Relabelled.",
          );
        }}
      >
        <label>
          Label <input name="label" className="relabel-input" value={value} maxLength={LABEL_MAX_LENGTH} onChange={(event) => setValue(event.target.value)} />
        </label>
        <button type="submit" disabled={pending}>
          Relabel
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}

/** The member checkboxes sit beside each claim and belong to this form through their `form` attribute. */
export const SPLIT_FORM_ID = "split-form";

export function SplitControl({ id, version }: { id: number; version: number }) {
  const { outcome, pending, run } = useDecision();
  return (
    <div>
      <form
        id={SPLIT_FORM_ID}
        aria-label="Split"
        onSubmit={(event) => {
          event.preventDefault();
          const claimIds = new FormData(event.currentTarget).getAll("claimIds").map(String);
          run(
            () => splitPropositionAction({ id, version, claimIds }),
            (data) => (
              <>
                Split off into <Link href={`/propositions/${data.newId}`}>proposition #{data.newId}</Link>.
              </>
            ),
          );
        }}
      >
        <button type="submit" disabled={pending}>
          Split ticked claims off
        </button>
      </form>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}

export function MemberCheckbox({ claimId }: { claimId: number }) {
  return (
    <label className="member-pick">
      <input type="checkbox" name="claimIds" value={claimId} form={SPLIT_FORM_ID} /> Split off #{claimId}
    </label>
  );
}

export function MergeChoice({ id, version, other }: { id: number; version: number; other: { id: number; label: string; version: number } }) {
  const { outcome, pending, run } = useDecision();
  return (
    <div>
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          run(
            () => mergePropositionsAction({ id, version, otherId: other.id, otherVersion: other.version }),
            () => `Merged #${other.id} in.`,
          )
        }
      >
        Merge #{other.id} into this one
      </button>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}
