// The source form's fields in form order, each with its validation: the update schema, the
// server's snapshot and audit view and app/(admin)/_components/source-form.tsx all read this table.
import { z } from "zod";
import type { Source } from "@/lib/generated/prisma/browser";
import { Reliability, SourceKind } from "@/lib/generated/prisma/enums";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";
import { formSnapshot, type FormField, type FormRow } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { enumValues, nullableText, publishedDate, storableText, trimmedOrNull } from "@/lib/validation/zod";

const httpUrl = z.preprocess(
  trimmedOrNull,
  storableText()
    .max(2000, "A URL is limited to 2000 characters")
    .url("Not a valid URL")
    .refine((value) => /^https?:\/\//i.test(value), "Only http and https URLs")
    .nullable(),
);

/** Source metadata as the editor changes it; the text itself only changes by re-import. */
export const SOURCE_FORM_FIELDS = [
  {
    name: "title",
    label: "Title",
    control: "text",
    input: storableText().trim().min(1, "A title is required").max(500, "A title is limited to 500 characters"),
  },
  {
    name: "kind",
    label: "Kind",
    control: "select",
    row: "grading",
    options: SOURCE_KIND_LABELS,
    input: z.enum(enumValues(SourceKind), { error: "Choose a kind" }),
  },
  {
    name: "reliability",
    label: "Reliability",
    control: "select",
    row: "grading",
    options: RELIABILITY_LABELS,
    hint: "Admiralty scale for the source, separate from each claim's credibility.",
    input: z.enum(enumValues(Reliability), { error: "Choose a reliability grade A–F" }),
  },
  { name: "publisher", label: "Publisher", control: "text", row: "byline", input: nullableText(300, "Publisher") },
  { name: "author", label: "Author", control: "text", row: "byline", input: nullableText(300, "Author") },
  {
    name: "publishedDate",
    label: "Publication date",
    control: "text",
    row: "edition",
    hint: "As the import reads it: 2004-06-11, 11 June 2004, June 2004 or 2004.",
    input: z.preprocess(trimmedOrNull, publishedDate()),
  },
  {
    name: "language",
    label: "Language",
    control: "text",
    row: "edition",
    input: storableText().trim().min(2, "A language code such as en or ur").max(16, "A language code such as en or ur"),
  },
  { name: "url", label: "URL", control: "url", input: httpUrl },
  { name: "notes", label: "Notes", control: "textarea", rows: 3, input: nullableText(5000, "Notes") },
] as const satisfies readonly FormField<Source>[];

export type SourceFormRow = FormRow<Source, typeof SOURCE_FORM_FIELDS>;

export function sourceSnapshot(source: SourceFormRow, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  return formSnapshot(SOURCE_FORM_FIELDS, source, saved);
}
