"use client";
// The claim editor, used in the reader's side panel and on the claim's own page.
import { updateClaimAction } from "@/lib/claims/actions";
import { ATTRIBUTION_LABELS, CREDIBILITY_LABELS, SOURCE_STANCE_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { ATTRIBUTIONS, CLAIM_STATUSES, SOURCE_STANCES, STANCES } from "@/lib/claims/schema";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { useState } from "react";
import { useMounted } from "./use-mounted";
import { SearchCombobox } from "./search-select";
import { ConflictNotice, Field, FieldError, Outcome, describedBy, useVersionedForm } from "./versioned-form";

const NEW = "__new";
/** The speaker choices that are not actors. */
const SPEAKER_CHOICES = [
  { value: "", label: "No speaker (author's voice)" },
  { value: NEW, label: "+ New speaker…" },
];

const FIELDS = ["stance", "sourceStance", "speakerId", "attribution", "citedVia", "topicId", "credibility", "status", "notes"] as const;
const FIELD_LABELS: Record<string, string> = {
  stance: "Stance", sourceStance: "Source stance", speakerId: "Speaker", attribution: "Attribution", citedVia: "Cited via",
  topicId: "Topic", credibility: "Credibility", status: "Status", notes: "Editor notes",
};

export interface Option {
  id: number;
  label: string;
}

/**
 * `actors` is null when there are too many to list (lib/pickers): the speaker is then
 * chosen by typing, from /api/options/actors.
 */
export function ClaimEditorForm({
  claimId, snapshot, actors, topics, idPrefix = "claim", onSaved,
}: { claimId: number; snapshot: FormSnapshot; actors: Option[] | null; topics: Option[]; idPrefix?: string; onSaved?: (snapshot: FormSnapshot) => void }) {
  // Speakers chosen by search are remembered here, so conflicts and changes can name them.
  const [searchedActors, setSearchedActors] = useState<Map<string, string>>(
    () => new Map(snapshot.values.speakerId ? [[snapshot.values.speakerId, snapshot.labels.speakerId ?? snapshot.values.speakerId]] : []),
  );
  const actorNames = actors ? new Map(actors.map((actor) => [String(actor.id), actor.label])) : searchedActors;
  const topicTitles = new Map(topics.map((topic) => [String(topic.id), topic.label]));
  const form = useVersionedForm({
    initial: snapshot,
    fields: FIELDS,
    fieldLabels: FIELD_LABELS,
    identity: { id: claimId },
    successMessage: "Claim saved.",
    onSaved,
    describe: (field, value) => {
      switch (field) {
        case "stance": return STANCE_LABELS[value as keyof typeof STANCE_LABELS];
        case "sourceStance": return SOURCE_STANCE_LABELS[value as keyof typeof SOURCE_STANCE_LABELS];
        case "attribution": return ATTRIBUTION_LABELS[value as keyof typeof ATTRIBUTION_LABELS];
        case "status": return STATUS_LABELS[value as keyof typeof STATUS_LABELS];
        case "credibility": return CREDIBILITY_LABELS[Number(value)];
        case "speakerId": return value === NEW ? `New: ${form.values.newSpeakerName}` : value === "" ? "No speaker (author's voice)" : actorNames.get(value);
        case "topicId": return value === NEW ? `New: ${form.values.newTopicTitle}` : value === "" ? "No topic" : topicTitles.get(value);
        default: return undefined;
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
      <ConflictNotice form={form} />

      <fieldset className="choice-group" data-field="stance" aria-describedby={describedBy("stance", errors.stance)}>
        <legend>Stance <span className="hint">toward the topic</span></legend>
        {STANCES.map((stance) => (
          <label key={stance} className={`choice stance-${stance}`}>
            <input type="radio" name={id("stance")} value={stance} checked={values.stance === stance} onChange={() => setField("stance", stance)} />
            {STANCE_LABELS[stance]}
          </label>
        ))}
        <FieldError id="error-stance" errors={errors.stance} />
      </fieldset>

      <fieldset className="choice-group" data-field="sourceStance" aria-describedby={describedBy("sourceStance", errors.sourceStance)}>
        <legend>Source stance <span className="hint">how the source treats it</span></legend>
        {SOURCE_STANCES.map((stance) => (
          <label key={stance} className="choice">
            <input type="radio" name={id("sourceStance")} value={stance} checked={values.sourceStance === stance} onChange={() => setField("sourceStance", stance)} />
            {SOURCE_STANCE_LABELS[stance]}
          </label>
        ))}
        <FieldError id="error-sourceStance" errors={errors.sourceStance} />
      </fieldset>

      <div className="field-row">
        <Field label="Speaker" name="speakerId" errors={errors.speakerId}>
          {actors ? (
            <select id="field-speakerId" value={values.speakerId} aria-describedby={describedBy("speakerId", errors.speakerId)} onChange={(event) => setField("speakerId", event.target.value)}>
              <option value="">No speaker (author&apos;s voice)</option>
              <option value={NEW}>+ New speaker…</option>
              {actors.map((actor) => <option key={actor.id} value={String(actor.id)}>{actor.label}</option>)}
            </select>
          ) : (
            <SearchCombobox
              id="field-speakerId"
              kind="actors"
              label="Speakers"
              describedBy={describedBy("speakerId", errors.speakerId)}
              value={{ value: values.speakerId, label: SPEAKER_CHOICES.find((choice) => choice.value === values.speakerId)?.label ?? actorNames.get(values.speakerId) ?? values.speakerId }}
              fixedOptions={SPEAKER_CHOICES}
              onChoose={(option) => {
                if (option.value !== "" && option.value !== NEW) setSearchedActors((known) => new Map(known).set(option.value, option.label));
                setField("speakerId", option.value);
              }}
            />
          )}
        </Field>
        {values.speakerId === NEW && (
          <Field label="New speaker name" name="newSpeakerName" errors={errors.newSpeakerName} hint="An actor with this name or alias is reused.">
            <input id="field-newSpeakerName" value={values.newSpeakerName} autoFocus aria-describedby={describedBy("newSpeakerName", errors.newSpeakerName)} onChange={(event) => setField("newSpeakerName", event.target.value)} />
          </Field>
        )}
      </div>

      <div className="field-row">
        <Field label="Attribution" name="attribution" errors={errors.attribution}>
          <select id="field-attribution" value={values.attribution} onChange={(event) => setField("attribution", event.target.value)}>
            {ATTRIBUTIONS.map((attribution) => <option key={attribution} value={attribution}>{ATTRIBUTION_LABELS[attribution]}</option>)}
          </select>
        </Field>
        <Field label="Cited via" name="citedVia" errors={errors.citedVia} hint="The outlet or document the speaker is quoted through.">
          <input id="field-citedVia" value={values.citedVia} aria-describedby={describedBy("citedVia", errors.citedVia)} onChange={(event) => setField("citedVia", event.target.value)} />
        </Field>
      </div>

      <div className="field-row">
        <Field label="Topic" name="topicId" errors={errors.topicId}>
          <select id="field-topicId" value={values.topicId} onChange={(event) => setField("topicId", event.target.value)}>
            <option value="">No topic</option>
            <option value={NEW}>+ New topic…</option>
            {topics.map((topic) => <option key={topic.id} value={String(topic.id)}>{topic.label}</option>)}
          </select>
        </Field>
        {values.topicId === NEW && (
          <Field label="New topic title" name="newTopicTitle" errors={errors.newTopicTitle}>
            <input id="field-newTopicTitle" value={values.newTopicTitle} autoFocus aria-describedby={describedBy("newTopicTitle", errors.newTopicTitle)} onChange={(event) => setField("newTopicTitle", event.target.value)} />
          </Field>
        )}
      </div>

      <div className="field-row">
        <Field label="Credibility" name="credibility" errors={errors.credibility}>
          <select id="field-credibility" value={values.credibility} aria-describedby={describedBy("credibility", errors.credibility)} onChange={(event) => setField("credibility", event.target.value)}>
            {[1, 2, 3, 4, 5, 6].map((grade) => <option key={grade} value={String(grade)}>{CREDIBILITY_LABELS[grade]}</option>)}
          </select>
        </Field>
        <Field label="Status" name="status" errors={errors.status}>
          <select id="field-status" value={values.status} onChange={(event) => setField("status", event.target.value)}>
            {CLAIM_STATUSES.map((status) => <option key={status} value={status}>{STATUS_LABELS[status]}</option>)}
          </select>
        </Field>
      </div>

      <Field label="Editor notes" name="notes" errors={errors.notes}>
        <textarea id="field-notes" rows={3} value={values.notes} aria-describedby={describedBy("notes", errors.notes)} onChange={(event) => setField("notes", event.target.value)} />
      </Field>

      <div className="button-row">
        <button type="submit" className="primary" disabled={form.pending}>{form.pending ? "Saving…" : "Save claim"}</button>
        <span className="hint">Ctrl+Enter saves · version {form.base.version}</span>
      </div>
      <Outcome outcome={form.outcome} />
    </form>
  );
}
