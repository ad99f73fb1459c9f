// The claim editor's fields, in form order, read by server and client. A new text or select field is
// a column in prisma/schema.prisma, its migration and one entry here.
import { z } from "zod";
import type { Claim } from "@/lib/generated/prisma/browser";
import { Attribution, ClaimStatus, SourceStance, Stance } from "@/lib/generated/prisma/enums";
import { ATTRIBUTION_LABELS, CREDIBILITY_LABELS, SOURCE_STANCE_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { formSnapshot, type FormField, type FormRow } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { blankToUndefined, enumValues, formInt, nullableText, recordId } from "@/lib/validation/zod";

const CREDIBILITY_RANGE = "Credibility is 1 (confirmed) to 6 (cannot be judged)";

export const CLAIM_FORM_FIELDS = [
  {
    name: "stance",
    label: "Stance",
    control: "radio",
    hint: "toward the topic",
    options: STANCE_LABELS,
    input: z.enum(enumValues(Stance), { error: "Choose a stance" }),
  },
  {
    name: "sourceStance",
    label: "Source stance",
    control: "radio",
    hint: "how the source treats it",
    options: SOURCE_STANCE_LABELS,
    input: z.enum(enumValues(SourceStance), { error: "Choose how the source treats the claim" }),
  },
  {
    name: "speakerId",
    label: "Speaker",
    control: "custom",
    row: "speaker",
    relation: { key: "speaker", field: "name", none: "No speaker (author's voice)" },
    input: z.preprocess(blankToUndefined, recordId("Choose a speaker from the list").nullable().default(null)),
  },
  {
    name: "newSpeakerName",
    virtual: true,
    label: "New speaker name",
    control: "custom",
    row: "speaker",
    hint: "An actor with this name or alias is reused.",
    input: nullableText(200, "Speaker name"),
  },
  {
    name: "attribution",
    label: "Attribution",
    control: "select",
    row: "provenance",
    options: ATTRIBUTION_LABELS,
    input: z.enum(enumValues(Attribution), { error: "Choose an attribution" }),
  },
  {
    name: "citedVia",
    label: "Cited via",
    control: "text",
    row: "provenance",
    hint: "The outlet or document the speaker is quoted through.",
    input: nullableText(300, "Cited via"),
  },
  {
    name: "topicId",
    label: "Topic",
    control: "custom",
    row: "topic",
    relation: { key: "topic", field: "title", none: "No topic" },
    input: z.preprocess(blankToUndefined, recordId("Choose a topic from the list").nullable().default(null)),
  },
  { name: "newTopicTitle", virtual: true, label: "New topic title", control: "custom", row: "topic", input: nullableText(300, "Topic title") },
  {
    name: "credibility",
    label: "Credibility",
    control: "select",
    row: "grading",
    options: CREDIBILITY_LABELS,
    input: formInt("Credibility is a number from 1 to 6", { min: 1, max: 6, tooSmall: CREDIBILITY_RANGE, tooLarge: CREDIBILITY_RANGE }),
  },
  {
    name: "status",
    label: "Status",
    control: "select",
    row: "grading",
    options: STATUS_LABELS,
    input: z.enum(enumValues(ClaimStatus), { error: "Choose a status" }),
  },
  { name: "notes", label: "Editor notes", control: "textarea", rows: 3, input: nullableText(5000, "Notes") },
] as const satisfies readonly FormField<Claim>[];

export type ClaimFormRow = FormRow<Claim, typeof CLAIM_FORM_FIELDS> & { speaker: { name: string } | null; topic: { title: string } | null };

export function claimSnapshot(claim: ClaimFormRow, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  return formSnapshot(CLAIM_FORM_FIELDS, claim, saved);
}
