// The topic form's fields in form order, each with its validation: the update schema, the
// server's snapshot and audit view and app/(admin)/_components/topic-forms.tsx all read this table.
import { z } from "zod";
import type { Topic } from "@/lib/generated/prisma/browser";
import { formSnapshot, type FormField, type FormRow } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { storableText, trimmedOrNull } from "@/lib/validation/zod";

export const TOPIC_FORM_FIELDS = [
  {
    name: "title",
    label: "Title",
    control: "text",
    input: storableText().trim().min(1, "A title is required").max(300, "A title is limited to 300 characters"),
  },
  {
    name: "description",
    label: "Description",
    control: "textarea",
    rows: 3,
    input: z.preprocess(trimmedOrNull, storableText().max(5000, "A description is limited to 5000 characters").nullable()),
  },
] as const satisfies readonly FormField<Topic>[];

export type TopicFormRow = FormRow<Topic, typeof TOPIC_FORM_FIELDS>;

export function topicSnapshot(topic: TopicFormRow, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  return formSnapshot(TOPIC_FORM_FIELDS, topic, saved);
}
