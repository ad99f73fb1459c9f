// The source form's fields, in form order: read by the server's form snapshot and audit view
// and rendered by app/(admin)/_components/source-form.tsx.
import type { Source } from "@/lib/generated/prisma/browser";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";
import { formSnapshot, type FormField, type FormRow } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";

export const SOURCE_FORM_FIELDS = [
  { name: "title", label: "Title", control: "text" },
  { name: "kind", label: "Kind", control: "select", row: "grading", options: SOURCE_KIND_LABELS },
  {
    name: "reliability",
    label: "Reliability",
    control: "select",
    row: "grading",
    options: RELIABILITY_LABELS,
    hint: "Admiralty scale for the source, separate from each claim's credibility.",
  },
  { name: "publisher", label: "Publisher", control: "text", row: "byline" },
  { name: "author", label: "Author", control: "text", row: "byline" },
  { name: "publishedDate", label: "Publication date", control: "text", row: "edition" },
  { name: "language", label: "Language", control: "text", row: "edition" },
  { name: "url", label: "URL", control: "url" },
  { name: "notes", label: "Notes", control: "textarea", rows: 3 },
] as const satisfies readonly FormField<Source>[];

export type SourceFormRow = FormRow<Source, typeof SOURCE_FORM_FIELDS>;

export function sourceSnapshot(source: SourceFormRow, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  return formSnapshot(SOURCE_FORM_FIELDS, source, saved);
}
