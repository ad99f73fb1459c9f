"use client";
// Source metadata and reliability (Admiralty A–F), with optimistic concurrency.
import { updateSourceAction } from "@/lib/sources/actions";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { ConflictNotice, Field, Outcome, describedBy, useVersionedForm } from "./versioned-form";

const FIELDS = ["title", "kind", "publisher", "author", "publishedDate", "url", "language", "reliability", "notes"] as const;

export function SourceForm({ sourceId, snapshot, fieldLabels, kindLabels }: {
  sourceId: number; snapshot: FormSnapshot; fieldLabels: Record<string, string>; kindLabels: Record<string, string>;
}) {
  const form = useVersionedForm({
    initial: snapshot,
    fields: FIELDS,
    fieldLabels,
    identity: { id: sourceId },
    successMessage: "Source saved.",
    describe: (field, value) => (field === "kind" ? kindLabels[value] : field === "reliability" ? RELIABILITY_LABELS[value] : undefined),
    save: (input) => updateSourceAction(input),
  });
  const { values, setField, fieldErrors: errors } = form;
  const text = (name: (typeof FIELDS)[number], props: { type?: string } = {}) => (
    <Field label={fieldLabels[name] ?? name} name={name} errors={errors[name]}>
      <input id={`field-${name}`} type={props.type ?? "text"} value={values[name]} aria-invalid={!!errors[name]} aria-describedby={describedBy(name, errors[name])} onChange={(event) => setField(name, event.target.value)} />
    </Field>
  );
  return (
    <form className="form editor-form" aria-label="Edit source" onSubmit={(event) => { event.preventDefault(); form.submit(); }}>
      <ConflictNotice form={form} />
      {text("title")}
      <div className="field-row">
        <Field label="Kind" name="kind" errors={errors.kind}>
          <select id="field-kind" value={values.kind} onChange={(event) => setField("kind", event.target.value)}>
            {Object.entries(kindLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </Field>
        <Field label="Reliability" name="reliability" errors={errors.reliability} hint="Admiralty scale for the source, separate from each claim's credibility.">
          <select id="field-reliability" value={values.reliability} onChange={(event) => setField("reliability", event.target.value)}>
            {Object.entries(RELIABILITY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </Field>
      </div>
      <div className="field-row">
        {text("publisher")}
        {text("author")}
      </div>
      <div className="field-row">
        {text("publishedDate")}
        {text("language")}
      </div>
      {text("url", { type: "url" })}
      <Field label="Notes" name="notes" errors={errors.notes}>
        <textarea id="field-notes" rows={3} value={values.notes} onChange={(event) => setField("notes", event.target.value)} />
      </Field>
      <div className="button-row">
        <button type="submit" className="primary" disabled={form.pending}>{form.pending ? "Saving…" : "Save source"}</button>
        <span className="hint">version {form.base.version}</span>
      </div>
      <Outcome outcome={form.outcome} />
    </form>
  );
}
