"use client";
import { useState, useTransition } from "react";
import { createTopicAction, updateTopicAction } from "@/lib/topics/actions";
import { TOPIC_FORM_FIELDS } from "@/lib/topics/form";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { Field, FormFields, Outcome, VersionedConflictNotice, describedBy, useVersionedForm } from "./versioned-form";

export function TopicForm({ topicId, snapshot }: { topicId: number; snapshot: FormSnapshot }) {
  const form = useVersionedForm({
    initial: snapshot,
    fields: TOPIC_FORM_FIELDS,
    identity: { id: topicId },
    successMessage: "Topic saved.",
    save: (input) => updateTopicAction(input),
  });
  return (
    <form
      className="form editor-form"
      aria-label="Edit topic"
      onSubmit={(event) => {
        event.preventDefault();
        form.submit();
      }}
    >
      <VersionedConflictNotice form={form} />
      <FormFields form={form} fields={TOPIC_FORM_FIELDS} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save topic"}
        </button>
      </div>
      <Outcome outcome={form.outcome} />
    </form>
  );
}

export function NewTopicForm() {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ kind: "error" | "notice"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="form"
      aria-label="New topic"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await createTopicAction({ title, description });
          if (result.ok) {
            setOutcome({ kind: "notice", text: `Created “${title.trim()}”.` });
            setTitle("");
            setDescription("");
            setErrors({});
          } else {
            setErrors(result.fieldErrors ?? {});
            setOutcome({ kind: "error", text: result.message });
          }
        });
      }}
    >
      <Field label="New topic title" name="title" errors={errors.title}>
        <input
          id="field-title"
          value={title}
          placeholder="Who founded the MQM, and when?"
          aria-describedby={describedBy("title", errors.title)}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      <Field label="Description" name="description" errors={errors.description}>
        <input id="field-description" value={description} onChange={(event) => setDescription(event.target.value)} />
      </Field>
      <div className="button-row">
        <button type="submit" disabled={pending}>
          Create topic
        </button>
      </div>
      <Outcome outcome={outcome} />
    </form>
  );
}
