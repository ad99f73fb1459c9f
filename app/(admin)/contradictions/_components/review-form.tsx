"use client";
// Confirm or dismiss a candidate pair, optionally marking one claim preferred (Wikidata's rank).
// When someone else reviewed the pair first, their decision is shown instead.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { reviewContradictionAction } from "@/lib/contradictions/actions";
import { CONTRADICTION_STATUS_LABELS } from "@/lib/contradictions/labels";
import type { ContradictionStatus } from "@/lib/generated/prisma/enums";
import { ConflictNotice } from "../../_components/conflict-notice";
import { Outcome, type Outcome as OutcomeMessage } from "../../_components/versioned-form";
import styles from "./contradictions.module.css";

export interface ReviewFormProps {
  id: number;
  version: number;
  status: ContradictionStatus;
  rationale: string | null;
  preferredClaimId: number | null;
  preferredReason: string | null;
  claims: { id: number; label: string }[];
}

interface Theirs {
  status: ContradictionStatus;
  rationale: string | null;
  preferredClaimId: number | null;
  savedBy?: string | null;
  savedAt?: string | null;
}

function isTheirs(value: unknown): value is Theirs {
  return !!value && typeof value === "object" && "status" in value;
}

export function ReviewForm(props: ReviewFormProps) {
  const router = useRouter();
  const id = useId();
  // An undecided pair starts as "Leave as a candidate": confirming or dismissing is always the editor's own choice.
  const [status, setStatus] = useState<ContradictionStatus>(props.status);
  const [rationale, setRationale] = useState(props.rationale ?? "");
  const [preferred, setPreferred] = useState(props.preferredClaimId ? String(props.preferredClaimId) : "");
  const [preferredReason, setPreferredReason] = useState(props.preferredReason ?? "");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<OutcomeMessage>(null);
  const [theirs, setTheirs] = useState<Theirs | null>(null);
  const [pending, startTransition] = useTransition();
  const savedVersion = useRef<number | null>(null);

  // A new version arrived (someone else's, after "Load their version"): start from it.
  useEffect(() => {
    if (props.version === savedVersion.current) return;
    setStatus(props.status);
    setRationale(props.rationale ?? "");
    setPreferred(props.preferredClaimId ? String(props.preferredClaimId) : "");
    setPreferredReason(props.preferredReason ?? "");
    setTheirs(null);
  }, [props.version, props.status, props.rationale, props.preferredClaimId, props.preferredReason]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await reviewContradictionAction({
        id: props.id,
        version: props.version,
        status,
        rationale,
        preferredClaimId: status === "dismissed" ? "" : preferred,
        preferredReason,
      });
      if (result.ok) {
        savedVersion.current = result.data.version;
        setErrors({});
        setTheirs(null);
        setOutcome({ kind: "notice", text: `Saved: ${CONTRADICTION_STATUS_LABELS[result.data.status].toLowerCase()}.`, undo: result.data.actionId });
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setOutcome({ kind: "error", text: result.message });
      if (result.status === 409 && isTheirs(result.current)) setTheirs(result.current);
    });
  };

  const claimLabel = (claimId: number | null) => props.claims.find((claim) => claim.id === claimId)?.label ?? "neither";
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <span className="field-error" id={`${id}-${name}-error`} role="alert">
        {errors[name]!.join(" ")}
      </span>
    ) : null;

  return (
    <form className={`form card ${styles.review}`} onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="review-form">
      <h2 id={`${id}-title`}>Review this pair</h2>
      <fieldset className="choice-group">
        <legend>Decision</legend>
        {(["confirmed", "dismissed", "candidate"] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="status" value={value} checked={status === value} onChange={() => setStatus(value)} />
            {value === "confirmed" ? "Confirm: they conflict" : value === "dismissed" ? "Dismiss: not a contradiction" : "Leave as a candidate"}
          </label>
        ))}
      </fieldset>
      <div className={`field${errors.rationale ? " has-error" : ""}`}>
        <label htmlFor={`${id}-rationale`}>Rationale</label>
        <textarea
          id={`${id}-rationale`}
          name="rationale"
          rows={3}
          value={rationale}
          onChange={(event) => setRationale(event.target.value)}
          aria-describedby={errors.rationale ? `${id}-rationale-error` : undefined}
          aria-invalid={!!errors.rationale}
        />
        {fieldError("rationale")}
      </div>
      <fieldset className="choice-group" disabled={status === "dismissed"}>
        <legend>Preferred claim</legend>
        <label className="choice">
          <input type="radio" name="preferredClaimId" value="" checked={preferred === ""} onChange={() => setPreferred("")} />
          Leave open
        </label>
        {props.claims.map((claim) => (
          <label key={claim.id} className="choice">
            <input
              type="radio"
              name="preferredClaimId"
              value={claim.id}
              checked={preferred === String(claim.id)}
              onChange={() => setPreferred(String(claim.id))}
            />
            {claim.label} is preferred
          </label>
        ))}
      </fieldset>
      {fieldError("preferredClaimId")}
      {preferred !== "" && status !== "dismissed" && (
        <div className={`field${errors.preferredReason ? " has-error" : ""}`}>
          <label htmlFor={`${id}-preferred-reason`}>Why is it preferred?</label>
          <textarea
            id={`${id}-preferred-reason`}
            name="preferredReason"
            rows={2}
            value={preferredReason}
            onChange={(event) => setPreferredReason(event.target.value)}
            aria-describedby={errors.preferredReason ? `${id}-preferredReason-error` : undefined}
            aria-invalid={!!errors.preferredReason}
          />
          {fieldError("preferredReason")}
        </div>
      )}
      {theirs && (
        <ConflictNotice
          heading="Someone else reviewed this pair first"
          savedBy={theirs.savedBy}
          savedAt={theirs.savedAt}
          theirs={
            <>
              {CONTRADICTION_STATUS_LABELS[theirs.status]}
              {theirs.rationale && <> — “{theirs.rationale}”</>}; preferred: {claimLabel(theirs.preferredClaimId)}.
            </>
          }
          note={
            <>
              Your decision is still in the form.{" "}
              <button type="button" className="link-button" onClick={() => router.refresh()}>
                Load their version
              </button>{" "}
              to review again.
            </>
          }
        />
      )}
      <Outcome outcome={outcome} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? "Saving…" : "Save review"}
        </button>
      </div>
    </form>
  );
}
