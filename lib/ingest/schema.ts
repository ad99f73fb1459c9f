import { z } from "zod";

export const SOURCE_KINDS = [
  "news", "blog", "opinion", "encyclopedia", "compilation", "forum", "official_document", "court_record", "other",
] as const;
export const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;

const nullableText = z
  .string()
  .trim()
  .max(2000)
  .nullish()
  .transform((value) => (value ? value : null));

/** Metadata of a document as its text states it (seed manifest, import form). */
export const documentMetadataSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1, "A slug is required")
    .max(120)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens"),
  title: z.string().trim().min(1, "A title is required").max(500),
  kind: z.enum(SOURCE_KINDS),
  publisher: nullableText,
  author: nullableText,
  publishedDate: nullableText,
  url: z
    .string()
    .trim()
    .url("Not a valid URL")
    .refine((value) => /^https?:\/\//i.test(value), "Only http and https URLs")
    .nullish()
    .or(z.literal("").transform(() => null))
    .transform((value) => value ?? null),
  language: z.string().trim().min(2).max(16).default("en"),
  reliability: z.enum(RELIABILITIES).optional(),
  notes: nullableText,
});

export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

export const seedManifestSchema = z
  .array(documentMetadataSchema.extend({ file: z.string().min(1) }))
  .min(1, "The manifest lists no documents");

export type SeedManifestEntry = z.infer<typeof seedManifestSchema>[number];
