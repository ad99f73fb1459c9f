import { z } from "zod";
import { RELIABILITIES, SOURCE_KINDS } from "@/lib/ingest/schema";
import { formInt, nullableText, trimmedOrNull } from "@/lib/validation/zod";

/** Source metadata as the editor changes it; the text itself only changes by re-import. */
export const updateSourceSchema = z.object({
  id: formInt("Missing source id").positive(),
  version: formInt("Missing version").positive(),
  title: z.string().trim().min(1, "A title is required").max(500, "A title is limited to 500 characters"),
  kind: z.enum(SOURCE_KINDS, { error: "Choose a kind" }),
  publisher: nullableText(300, "Publisher"),
  author: nullableText(300, "Author"),
  publishedDate: nullableText(100, "Publication date"),
  url: z.preprocess(
    trimmedOrNull,
    z
      .string()
      .max(2000, "A URL is limited to 2000 characters")
      .url("Not a valid URL")
      .refine((value) => /^https?:\/\//i.test(value), "Only http and https URLs")
      .nullable(),
  ),
  language: z.string().trim().min(2, "A language code such as en or ur").max(16, "A language code such as en or ur"),
  reliability: z.enum(RELIABILITIES, { error: "Choose a reliability grade A–F" }),
  notes: nullableText(5000, "Notes"),
});
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

export const sourceSlugSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/, "Not a source address") });

/** Search params of the sources list; anything unparseable falls back to the first page, no filter. */
export const sourceListSchema = z.object({
  q: z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : undefined), z.string().max(200).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type SourceListFilters = z.infer<typeof sourceListSchema>;
