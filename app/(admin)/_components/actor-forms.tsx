"use client";
// Actor editing (name, kind, aliases, notes) and merging another actor into this one.
import { useState, useTransition } from "react";
import { mergeActorsAction, updateActorAction } from "@/lib/actors/actions";
import { ACTOR_FORM_FIELDS } from "@/lib/actors/form";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import type { Option } from "./claim-editor-form";
import type { PickerOption } from "@/lib/pickers/schema";
import { SearchCombobox } from "./search-select";
import { FieldError, FormFields, Outcome, VersionedConflictNotice, describedBy, useVersionedForm, type Outcome as OutcomeMessage } from "./versioned-form";
import { countOf } from "@/lib/format/plural";

export function ActorForm({ actorId, snapshot }: { actorId: number; snapshot: FormSnapshot }) {
  const form = useVersionedForm({
    initial: snapshot,
    fields: ACTOR_FORM_FIELDS,
    identity: { id: actorId },
    successMessage: "Actor saved.",
    save: (input) => updateActorAction(input),
  });
  return (
    <form
      className="form editor-form"
      aria-label="Edit actor"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit();
      }}
    >
      <VersionedConflictNotice form={form} />
      <FormFields form={form} fields={ACTOR_FORM_FIELDS} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save actor"}
        </button>
        <span className="hint">version {form.base.version}</span>
      </div>
      <Outcome outcome={form.outcome} />
    </form>
  );
}

/** `candidates` is null when there are too many actors to list: the field then searches as one types. */
export function MergeActorForm({
  keptId,
  keptName,
  keptVersion,
  candidates,
}: {
  keptId: number;
  keptName: string;
  keptVersion: number;
  candidates: Option[] | null;
}) {
  const [mergedId, setMergedId] = useState("");
  const [searched, setSearched] = useState<PickerOption | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<OutcomeMessage>(null);
  const [pending, startTransition] = useTransition();
  const chosen = candidates
    ? candidates.find((candidate) => String(candidate.id) === mergedId)
    : searched && searched.value === mergedId
      ? { id: Number(searched.value), label: searched.label }
      : undefined;
  return (
    <form
      className="form merge-form"
      aria-label="Merge another actor into this one"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await mergeActorsAction({ keptId, keptVersion, mergedId });
          if (result.ok) {
            setOutcome({
              kind: "notice",
              text: `Merged: ${countOf(result.data.claimsMoved, "claim", "claims")} moved to ${keptName}.`,
              undo: result.data.actionId,
            });
            setErrors({});
            setMergedId("");
            setSearched(null);
          } else {
            setErrors(result.fieldErrors ?? {});
            setOutcome({
              kind: "error",
              text: result.status === 409 ? `${result.message} Reload the page to merge into the current version.` : result.message,
            });
          }
        });
      }}
    >
      <div className="field" data-field="mergedId">
        <label htmlFor="field-mergedId">Actor to merge into {keptName}</label>
        {candidates ? (
          <select
            id="field-mergedId"
            value={mergedId}
            aria-describedby={describedBy("mergedId", errors.mergedId)}
            onChange={(event) => setMergedId(event.target.value)}
          >
            <option value="">Choose an actor…</option>
            {candidates.map((candidate) => (
              <option key={candidate.id} value={String(candidate.id)}>
                {candidate.label}
              </option>
            ))}
          </select>
        ) : (
          <SearchCombobox
            id="field-mergedId"
            kind="actors"
            label={`Actor to merge into ${keptName}`}
            value={searched}
            placeholder="Type a name to search…"
            describedBy={describedBy("mergedId", errors.mergedId)}
            onChoose={(option) => {
              setSearched(option);
              setMergedId(option.value === String(keptId) ? "" : option.value);
            }}
            onType={() => setMergedId("")}
          />
        )}
        <FieldError id="error-mergedId" errors={errors.mergedId} />
      </div>
      {chosen && (
        <p className="hint">
          All claims of <strong>{chosen.label}</strong> will be attributed to {keptName}; its name and aliases become aliases here, and it is deleted. The audit
          trail keeps the record.
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={pending || !mergedId}>
          {pending ? "Merging…" : "Merge into this actor"}
        </button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}

/** One-click merges of near-spellings; a stale page is told (409), not obeyed. */
export function SuggestedMerges({
  keptId,
  keptName,
  keptVersion,
  suggestions,
}: {
  keptId: number;
  keptName: string;
  keptVersion: number;
  suggestions: { id: number; name: string; claims: number }[];
}) {
  const [done, setDone] = useState<Record<number, string>>({});
  const [outcome, setOutcome] = useState<OutcomeMessage>(null);
  const [pending, startTransition] = useTransition();
  const merged = Object.keys(done).length;
  return (
    <div data-testid="possible-duplicates">
      <ul className="plain-list">
        {suggestions.map((suggestion) => (
          <li key={suggestion.id}>
            Possibly the same as <a href={`/actors/${suggestion.id}`}>{suggestion.name}</a>{" "}
            <span className="muted">({countOf(suggestion.claims, "claim", "claims")})</span>{" "}
            {done[suggestion.id] ? (
              <span className="muted">{done[suggestion.id]}</span>
            ) : (
              <button
                type="button"
                disabled={pending || merged > 0}
                onClick={() =>
                  startTransition(async () => {
                    const result = await mergeActorsAction({ keptId, keptVersion, mergedId: suggestion.id });
                    if (result.ok) {
                      setDone({ ...done, [suggestion.id]: `merged: ${countOf(result.data.claimsMoved, "claim", "claims")} moved to ${keptName}` });
                      setOutcome({
                        kind: "notice",
                        text: "Merged. Reload the page to merge another suggestion into the new version.",
                        undo: result.data.actionId,
                      });
                    } else {
                      setOutcome({
                        kind: "error",
                        text: result.status === 409 ? `${result.message} Reload the page to merge into the current version.` : result.message,
                      });
                    }
                  })
                }
              >
                Merge {suggestion.name} into {keptName}
              </button>
            )}
          </li>
        ))}
      </ul>
      <Outcome outcome={outcome} />
    </div>
  );
}
