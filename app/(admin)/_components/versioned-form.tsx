"use client";
// Edit forms with optimistic concurrency: after a refused save the form holds what is stored now
// (theirs), and "Reapply my changes" rebases the editor's own edits onto it.
import { Fragment, useEffect, useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/auth/with-role";
import { describeValue, type FormFieldSpec } from "@/lib/forms/fields";
import { changedFields, isFormSnapshot, type FormSnapshot } from "@/lib/forms/snapshot";
import { ConflictNotice } from "./conflict-notice";
import { UndoButton } from "./undo-button";

export interface VersionedFormOptions {
  initial: FormSnapshot;
  fields: readonly FormFieldSpec[];
  /** Human text for a value the table cannot name (an id chosen from a list loaded by the page). */
  describe?: (field: string, value: string) => string | undefined;
  save: (input: Record<string, string | number>) => Promise<ActionResult<{ changed: boolean; snapshot: FormSnapshot }>>;
  /** Extra fields sent with every save (the record id). */
  identity: Record<string, string | number>;
  successMessage?: string;
  onSaved?: (snapshot: FormSnapshot) => void;
}

/** `undo`: the id of the action just done, when it can be undone (lib/undo); an Undo button follows the sentence. */
export type Outcome = { kind: "error" | "notice"; text: string; undo?: string } | null;

export function useVersionedForm(options: VersionedFormOptions) {
  const names = options.fields.map((field) => field.name);
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
    if (changedFields(base.values, values, names).length > 0) return;
    setBase(incoming);
    setValues(incoming.values);
  }, [incoming.version]);

  const setField = (field: string, value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
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

  const reapply = () => {
    if (!theirs) return;
    const mine = changedFields(base.values, values, names);
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

  const label = (snapshot: FormSnapshot | null, field: FormFieldSpec, value: string) =>
    (snapshot && snapshot.values[field.name] === value ? snapshot.labels[field.name] : undefined) ??
    options.describe?.(field.name, value) ??
    describeValue(field, value) ??
    (value === "" ? "—" : value);

  const conflictRows = theirs
    ? options.fields
        .filter((field) => (base.values[field.name] ?? "") !== (theirs.values[field.name] ?? ""))
        .map((field) => ({
          field: field.name,
          label: field.label,
          theirs: label(theirs, field, theirs.values[field.name] ?? ""),
          yours: label(base, field, values[field.name] ?? ""),
          youChangedIt: (values[field.name] ?? "") !== (base.values[field.name] ?? ""),
        }))
    : [];

  return { values, setField, submit, pending, fieldErrors, outcome, theirs, conflictRows, reapply, discardMine, base };
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {errors.join(" ")}
    </span>
  );
}

/** A refused action as a sentence: its field messages, or its message when it names no field. */
export function refusalOutcome(result: { message: string; fieldErrors?: Record<string, string[]> }): Outcome {
  return {
    kind: "error",
    text:
      Object.values(result.fieldErrors ?? {})
        .flat()
        .join(" ") || result.message,
  };
}

/** What an action did, as a sentence: an alert when refused. `inline` sits in a toolbar row beside its buttons. */
export function Outcome({ outcome, inline = false }: { outcome: Outcome; inline?: boolean }) {
  if (!outcome) return null;
  const role = outcome.kind === "error" ? "alert" : "status";
  const undo = outcome.undo && <UndoButton key={outcome.undo} actionId={outcome.undo} />;
  if (inline)
    return (
      <span role={role} className={outcome.kind}>
        {outcome.text}
        {undo}
      </span>
    );
  return (
    <p role={role} className={outcome.kind} data-testid="form-outcome">
      {outcome.text}
      {undo}
    </p>
  );
}

export type VersionedForm = ReturnType<typeof useVersionedForm>;

export function VersionedConflictNotice({ form }: { form: VersionedForm }) {
  if (!form.theirs) return null;
  return (
    <ConflictNotice
      heading="Someone else changed this while you were editing"
      savedBy={form.theirs.savedBy}
      savedAt={form.theirs.savedAt}
      note="Nothing you typed is lost; your version is still in the form."
      rows={form.conflictRows}
      actions={
        <>
          <button type="button" className="primary" onClick={form.reapply}>
            Reapply my changes on top of theirs
          </button>
          <button type="button" onClick={form.discardMine}>
            Discard mine, load theirs
          </button>
        </>
      }
    />
  );
}

export function Field({ label, name, errors, hint, children }: { label: string; name: string; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className={`field${errors?.length ? " has-error" : ""}`} data-field={name}>
      <label htmlFor={`field-${name}`}>{label}</label>
      {children}
      {hint && (
        <span className="hint" id={`hint-${name}`}>
          {hint}
        </span>
      )}
      <FieldError id={`error-${name}`} errors={errors} />
    </div>
  );
}

export function describedBy(name: string, errors?: string[]): string | undefined {
  return errors?.length ? `error-${name}` : undefined;
}

export function FieldControl({
  field,
  form,
  radioName = field.name,
  autoFocus,
}: {
  field: FormFieldSpec;
  form: VersionedForm;
  radioName?: string;
  autoFocus?: boolean;
}) {
  const { name, label, hint } = field;
  const errors = form.fieldErrors[name];
  const options = Object.entries(field.options ?? {});
  if (field.control === "radio") {
    return (
      <fieldset className="choice-group" data-field={name} aria-describedby={describedBy(name, errors)}>
        <legend>
          {label}
          {hint && (
            <>
              {" "}
              <span className="hint">{hint}</span>
            </>
          )}
        </legend>
        {options.map(([value, text]) => (
          <label key={value} className={`choice ${name}-${value}`}>
            <input type="radio" name={radioName} value={value} checked={form.values[name] === value} onChange={() => form.setField(name, value)} />
            {text}
          </label>
        ))}
        <FieldError id={`error-${name}`} errors={errors} />
      </fieldset>
    );
  }
  const control = {
    id: `field-${name}`,
    value: form.values[name] ?? "",
    autoFocus,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": [describedBy(name, errors), hint && `hint-${name}`].filter(Boolean).join(" ") || undefined,
    onChange: (event: { target: { value: string } }) => form.setField(name, event.target.value),
  };
  return (
    <Field label={label} name={name} errors={errors} hint={hint}>
      {field.control === "select" ? (
        <select {...control}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      ) : field.control === "textarea" ? (
        <textarea rows={field.rows} {...control} />
      ) : (
        <input type={field.control === "url" ? "url" : "text"} {...control} />
      )}
    </Field>
  );
}

/** Fields marked "custom" are drawn by `custom` (null hides one). */
export function FormFields({
  form,
  fields,
  custom = {},
  radioName,
}: {
  form: VersionedForm;
  fields: readonly FormFieldSpec[];
  custom?: Record<string, (field: FormFieldSpec) => ReactNode>;
  radioName?: (name: string) => string;
}) {
  const rows: FormFieldSpec[][] = [];
  for (const field of fields) {
    const last = rows.at(-1);
    if (field.row && last?.[0]?.row === field.row) last.push(field);
    else rows.push([field]);
  }
  const draw = (field: FormFieldSpec) => (
    <Fragment key={field.name}>
      {field.control === "custom" ? custom[field.name]?.(field) : <FieldControl field={field} form={form} radioName={radioName?.(field.name)} />}
    </Fragment>
  );
  return (
    <>
      {rows.map((row) =>
        row[0]!.row ? (
          <div key={row[0]!.name} className="field-row">
            {row.map(draw)}
          </div>
        ) : (
          draw(row[0]!)
        ),
      )}
    </>
  );
}
