import { z } from "zod";
import { publishedDate, storableText } from "@/lib/validation/zod";

export const SOURCE_KINDS = ["news", "blog", "opinion", "encyclopedia", "compilation", "forum", "official_document", "court_record", "other"] as const;
export const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;

const nullableText = storableText()
  .trim()
  .max(2000)
  .nullish()
  .transform((value) => (value ? value : null));

export const slugSchema = z
  .string()
  .trim()
  .min(1, "A slug is required")
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens");

/** A stated publication date that a calendar has and that is not in the future; the source form uses the same validator. */
export const publishedDateSchema = publishedDate();

export const sourceUrlSchema = storableText()
  .trim()
  .max(2000)
  .nullish()
  .transform((value, context) => {
    if (!value) return null;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      context.addIssue({ code: "custom", message: "Not a valid URL: write the full address, starting with https://" });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      context.addIssue({ code: "custom", message: "Only http and https URLs" });
      return z.NEVER;
    }
    if (!url.hostname.includes(".") && url.hostname !== "localhost") {
      context.addIssue({ code: "custom", message: `Not a valid URL: "${url.hostname}" is not a web address` });
      return z.NEVER;
    }
    return value;
  });

/** Metadata of a document as its text states it (seed manifest, import form). */
export const documentMetadataSchema = z.object({
  slug: slugSchema,
  title: storableText().trim().min(1, "A title is required").max(500),
  kind: z.enum(SOURCE_KINDS),
  publisher: nullableText,
  author: nullableText,
  publishedDate: publishedDateSchema,
  url: sourceUrlSchema,
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "Use a language code such as en, ur or en-GB")
    .max(16)
    .default("en"),
  reliability: z.enum(RELIABILITIES).optional(),
  notes: nullableText,
});

export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

export const seedManifestSchema = z.array(documentMetadataSchema.extend({ file: z.string().min(1) })).min(1, "The manifest lists no documents");

export type SeedManifestEntry = z.infer<typeof seedManifestSchema>[number];
