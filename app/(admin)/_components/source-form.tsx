"use client";
// Source metadata and reliability (Admiralty A–F), with optimistic concurrency.
import { updateSourceAction } from "@/lib/sources/actions";
import { SOURCE_FORM_FIELDS } from "@/lib/sources/form";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { FormFields, Outcome, VersionedConflictNotice, useVersionedForm } from "./versioned-form";

export function SourceForm({ sourceId, snapshot }: { sourceId: number; snapshot: FormSnapshot }) {
  const form = useVersionedForm({
    initial: snapshot,
    fields: SOURCE_FORM_FIELDS,
    identity: { id: sourceId },
    successMessage: "Source saved.",
    save: (input) => updateSourceAction(input),
  });
  return (
    <form
      className="form editor-form"
      aria-label="Edit source"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit();
      }}
    >
      <VersionedConflictNotice form={form} />
      <FormFields form={form} fields={SOURCE_FORM_FIELDS} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save source"}
        </button>
        <span className="hint">version {form.base.version}</span>
      </div>
      <Outcome outcome={form.outcome} />
    </form>
  );
}
