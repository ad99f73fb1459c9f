"use client";
// Edit forms with optimistic concurrency. The form keeps three snapshots: what it loaded
// (base), what the editor typed (values) and, after a refused save, what is stored now
// (theirs). The conflict notice lists the fields the other editor changed, theirs against
// yours, and "Reapply my changes" rebases the editor's own edits onto the stored version.
import { useEffect, useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/with-role";
import { changedFields, isFormSnapshot, type FormSnapshot } from "@/lib/forms/snapshot";

export interface VersionedFormOptions {
  initial: FormSnapshot;
  /** Editable fields in form order. */
  fields: readonly string[];
  fieldLabels: Record<string, string>;
  /** Human text for a field's value as this form shows it (option labels). */
  describe?: (field: string, value: string) => string | undefined;
  save: (input: Record<string, string | number>) => Promise<ActionResult<{ changed: boolean; snapshot: FormSnapshot }>>;
  /** Extra fields sent with every save (the record id). */
  identity: Record<string, string | number>;
  successMessage?: string;
  onSaved?: (snapshot: FormSnapshot) => void;
}

type Outcome = { kind: "error" | "notice"; text: string } | null;

export function useVersionedForm(options: VersionedFormOptions) {
  const [base, setBase] = useState(options.initial);
  const [values, setValues] = useState(options.initial.values);
  const [theirs, setTheirs] = useState<FormSnapshot | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();

  // A newer version from the server (a refresh after another save) replaces an untouched
  // form; a form with the editor's changes keeps them and meets the conflict on save.
  const incoming = options.initial;
  useEffect(() => {
    if (incoming.version <= base.version) return;
    if (changedFields(base.values, values, options.fields).length > 0) return;
    setBase(incoming);
    setValues(incoming.values);
  }, [incoming.version]);

  const setField = (field: string, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    // A fixed field loses its message; the others keep theirs until the next save.
    setFieldErrors((previous) => {
      if (!previous[field]) return previous;
      const { [field]: _removed, ...rest } = previous;
      return rest;
    });
  };

  const submit = () => {
    startTransition(async () => {
      const result = await options.save({ ...values, ...options.identity, version: base.version });
      if (result.ok) {
        // The action revalidates, so the page re-renders with the saved data in this same round trip.
        setBase(result.data.snapshot);
        setValues(result.data.snapshot.values);
        setTheirs(null);
        setFieldErrors({});
        setOutcome({ kind: "notice", text: result.data.changed ? (options.successMessage ?? "Saved.") : "Nothing changed." });
        options.onSaved?.(result.data.snapshot);
        return;
      }
      setFieldErrors(result.fieldErrors ?? {});
      setOutcome({ kind: "error", text: result.message });
      if (result.status === 409 && isFormSnapshot(result.current)) setTheirs(result.current);
    });
  };

  /** Start from what is stored now and apply the editor's own changes on top of it. */
  const reapply = () => {
    if (!theirs) return;
    const mine = changedFields(base.values, values, options.fields);
    setValues({ ...theirs.values, ...Object.fromEntries(mine.map((field) => [field, values[field] ?? ""])) });
    setBase(theirs);
    setTheirs(null);
    setOutcome({ kind: "notice", text: "Your changes are applied on top of the current version. Check them and save again." });
  };

  const discardMine = () => {
    if (!theirs) return;
    setValues(theirs.values);
    setBase(theirs);
    setTheirs(null);
    setOutcome({ kind: "notice", text: "Loaded the current version; your changes were discarded." });
  };

  const label = (snapshot: FormSnapshot | null, field: string, value: string) =>
    (snapshot && snapshot.values[field] === value ? snapshot.labels[field] : undefined) ?? options.describe?.(field, value) ?? (value === "" ? "—" : value);

  const conflictRows = theirs
    ? changedFields(base.values, theirs.values, options.fields).map((field) => ({
        field,
        label: options.fieldLabels[field] ?? field,
        theirs: label(theirs, field, theirs.values[field] ?? ""),
        yours: label(base, field, values[field] ?? ""),
        youChangedIt: (values[field] ?? "") !== (base.values[field] ?? ""),
      }))
    : [];

  return { values, setField, submit, pending, fieldErrors, outcome, theirs, conflictRows, reapply, discardMine, base };
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return <span className="field-error" id={id} role="alert">{errors.join(" ")}</span>;
}

export function Outcome({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return <p role={outcome.kind === "error" ? "alert" : "status"} className={outcome.kind} data-testid="form-outcome">{outcome.text}</p>;
}

export function ConflictNotice({ form }: { form: ReturnType<typeof useVersionedForm> }) {
  if (!form.theirs) return null;
  const { theirs } = form;
  return (
    <section className="conflict" aria-labelledby="conflict-heading" data-testid="conflict-notice">
      <h3 id="conflict-heading">Someone else changed this while you were editing</h3>
      <p>
        {theirs.savedBy ? <>Saved by <strong>{theirs.savedBy}</strong>{theirs.savedAt && <> at {theirs.savedAt.replace("T", " ").slice(0, 16)} UTC</>}. </> : null}
        Nothing you typed is lost; your version is still in the form.
      </p>
      {form.conflictRows.length > 0 ? (
        <table className="diff conflict-table">
          <thead>
            <tr><th scope="col">Field</th><th scope="col">Theirs (saved)</th><th scope="col">Yours (not saved)</th></tr>
          </thead>
          <tbody>
            {form.conflictRows.map((row) => (
              <tr key={row.field} data-field={row.field}>
                <th scope="row">{row.label}</th>
                <td><ins>{row.theirs}</ins></td>
                <td>{row.youChangedIt ? <strong>{row.yours}</strong> : <span className="muted">{row.yours} (unchanged by you)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">They saved without changing any field shown here.</p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={form.reapply}>Reapply my changes on top of theirs</button>
        <button type="button" onClick={form.discardMine}>Discard mine, load theirs</button>
      </div>
    </section>
  );
}

/** A labelled control with its error message wired to it for screen readers. */
export function Field({ label, name, errors, hint, children }: { label: string; name: string; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`field${errors?.length ? " has-error" : ""}`} data-field={name}>
      <label htmlFor={`field-${name}`}>{label}</label>
      {children}
      {hint && <span className="hint" id={`hint-${name}`}>{hint}</span>}
      <FieldError id={`error-${name}`} errors={errors} />
    </div>
  );
}

export function describedBy(name: string, errors?: string[]): string | undefined {
  return errors?.length ? `error-${name}` : undefined;
}
