// The topic form's fields, in form order: read by the server's form snapshot and audit view
// and rendered by app/(admin)/_components/topic-forms.tsx.
import type { Topic } from "@/lib/generated/prisma/browser";
import { formSnapshot, type FormField, type FormRow } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";

export const TOPIC_FORM_FIELDS = [
  { name: "title", label: "Title", control: "text" },
  { name: "description", label: "Description", control: "textarea", rows: 3 },
] as const satisfies readonly FormField<Topic>[];

export type TopicFormRow = FormRow<Topic, typeof TOPIC_FORM_FIELDS>;

export function topicSnapshot(topic: TopicFormRow, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  return formSnapshot(TOPIC_FORM_FIELDS, topic, saved);
}
