"use client";
// The claim editor, used in the reader's side panel and on the claim's own page.
import { updateClaimAction } from "@/lib/claims/actions";
import { CLAIM_FORM_FIELDS } from "@/lib/claims/form";
import { fieldNamed } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { useState } from "react";
import { useMounted } from "./use-mounted";
import { SearchCombobox } from "./search-select";
import { Field, FieldControl, FormFields, Outcome, VersionedConflictNotice, describedBy, useVersionedForm } from "./versioned-form";

const NEW = "__new";
const NO_SPEAKER = fieldNamed(CLAIM_FORM_FIELDS, "speakerId").relation.none;
const NO_TOPIC = fieldNamed(CLAIM_FORM_FIELDS, "topicId").relation.none;
const SPEAKER_CHOICES = [
  { value: "", label: NO_SPEAKER },
  { value: NEW, label: "+ New speaker…" },
];
const TOPIC_CHOICES = [
  { value: "", label: NO_TOPIC },
  { value: NEW, label: "+ New topic…" },
];

export interface Option {
  id: number;
  label: string;
}

/** `actors` and `topics` are null when there are too many to list: they are then searched for as one types. */
export function ClaimEditorForm({
  claimId,
  snapshot,
  actors,
  topics,
  idPrefix = "claim",
  onSaved,
}: {
  claimId: number;
  snapshot: FormSnapshot;
  actors: Option[] | null;
  topics: Option[] | null;
  idPrefix?: string;
  onSaved?: (snapshot: FormSnapshot) => void;
}) {
  // Speakers chosen by search are remembered here, so conflicts and changes can name them.
  const [searchedActors, setSearchedActors] = useState<Map<string, string>>(
    () => new Map(snapshot.values.speakerId ? [[snapshot.values.speakerId, snapshot.labels.speakerId ?? snapshot.values.speakerId]] : []),
  );
  const actorNames = actors ? new Map(actors.map((actor) => [String(actor.id), actor.label])) : searchedActors;
  const [searchedTopics, setSearchedTopics] = useState<Map<string, string>>(
    () => new Map(snapshot.values.topicId ? [[snapshot.values.topicId, snapshot.labels.topicId ?? snapshot.values.topicId]] : []),
  );
  const topicTitles = topics ? new Map(topics.map((topic) => [String(topic.id), topic.label])) : searchedTopics;
  const form = useVersionedForm({
    initial: snapshot,
    fields: CLAIM_FORM_FIELDS,
    identity: { id: claimId },
    successMessage: "Claim saved.",
    onSaved,
    describe: (field, value) => {
      switch (field) {
        case "speakerId":
          return value === NEW ? `New: ${form.values.newSpeakerName}` : value === "" ? NO_SPEAKER : actorNames.get(value);
        case "topicId":
          return value === NEW ? `New: ${form.values.newTopicTitle}` : value === "" ? NO_TOPIC : topicTitles.get(value);
        default:
          return undefined;
      }
    },
    save: (input) =>
      updateClaimAction({
        ...input,
        speakerId: input.speakerId === NEW ? "" : input.speakerId,
        newSpeakerName: input.speakerId === NEW ? input.newSpeakerName : "",
        topicId: input.topicId === NEW ? "" : input.topicId,
        newTopicTitle: input.topicId === NEW ? input.newTopicTitle : "",
      }),
  });
  const { values, setField, fieldErrors: errors } = form;
  const mounted = useMounted();
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form
      className="form editor-form"
      aria-label="Edit claim"
      data-testid="claim-editor"
      data-ready={mounted ? "true" : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        form.submit();
      }}
      onKeyDown={(event) => {
        // Ctrl/Cmd+Enter saves from any field, the textarea included.
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          form.submit();
        }
      }}
    >
      <VersionedConflictNotice form={form} />
      <FormFields
        form={form}
        fields={CLAIM_FORM_FIELDS}
        radioName={id}
        custom={{
          speakerId: (field) => (
            <Field label={field.label} name="speakerId" errors={errors.speakerId}>
              <ChoiceControl
                name="speakerId"
                kind="actors"
                label="Speakers"
                options={actors}
                fixed={SPEAKER_CHOICES}
                value={values.speakerId}
                names={actorNames}
                describedBy={describedBy("speakerId", errors.speakerId)}
                onChange={(value) => setField("speakerId", value)}
                onSearched={(option) => setSearchedActors((known) => new Map(known).set(option.value, option.label))}
              />
            </Field>
          ),
          newSpeakerName: (field) => values.speakerId === NEW && <FieldControl field={field} form={form} autoFocus />,
          topicId: (field) => (
            <Field label={field.label} name="topicId" errors={errors.topicId}>
              <ChoiceControl
                name="topicId"
                kind="topics"
                label="Topics"
                options={topics}
                fixed={TOPIC_CHOICES}
                value={values.topicId}
                names={topicTitles}
                describedBy={describedBy("topicId", errors.topicId)}
                onChange={(value) => setField("topicId", value)}
                onSearched={(option) => setSearchedTopics((known) => new Map(known).set(option.value, option.label))}
              />
            </Field>
          ),
          newTopicTitle: (field) => values.topicId === NEW && <FieldControl field={field} form={form} autoFocus />,
        }}
      />

      <div className="button-row">
        <button type="submit" className="primary" disabled={form.pending}>
          {form.pending ? "Saving…" : "Save claim"}
        </button>
        <span className="hint">Ctrl+Enter saves · version {form.base.version}</span>
      </div>
      <Outcome outcome={form.outcome} />
    </form>
  );
}

/** A speaker or topic: a list when it is short enough to send, else searched for as one types. */
function ChoiceControl(props: {
  name: string;
  kind: "actors" | "topics";
  label: string;
  options: Option[] | null;
  fixed: { value: string; label: string }[];
  value: string;
  names: Map<string, string>;
  describedBy: string | undefined;
  onChange: (value: string) => void;
  onSearched: (option: { value: string; label: string }) => void;
}) {
  const { name, kind, label, options, fixed, value, names, describedBy, onChange, onSearched } = props;
  if (options)
    return (
      <select id={`field-${name}`} value={value} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)}>
        {fixed.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
        {options.map((option) => (
          <option key={option.id} value={String(option.id)}>
            {option.label}
          </option>
        ))}
      </select>
    );
  return (
    <SearchCombobox
      id={`field-${name}`}
      kind={kind}
      label={label}
      describedBy={describedBy}
      value={{ value, label: fixed.find((choice) => choice.value === value)?.label ?? names.get(value) ?? value }}
      fixedOptions={fixed}
      onChoose={(option) => {
        if (option.value !== "" && option.value !== NEW) onSearched(option);
        onChange(option.value);
      }}
    />
  );
}
