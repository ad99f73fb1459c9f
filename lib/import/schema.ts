// What the import form and the CLI send, validated before anything is read or written.
import { z } from "zod";
import { slugify } from "@/lib/text/slug";
import { blankToUndefined, recordId, storableText } from "@/lib/validation/zod";
import { documentMetadataSchema, RELIABILITIES, slugSchema, SOURCE_KINDS } from "@/lib/ingest/schema";
import type { IngestTarget } from "@/lib/ingest/ingest-document";

// FNV-1a: a short stable tag for titles with no Latin letters (Urdu, Arabic…), browser-safe.
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export function sourceSlug(title: string): string {
  return slugify(title) || `source-${shortHash(title.trim())}`;
}

/** As the seed's, except that a missing slug is made from the title. */
export const importMetadataSchema = documentMetadataSchema
  .extend({
    slug: z.preprocess(blankToUndefined, slugSchema.optional()),
    kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is" }),
    reliability: z.preprocess(blankToUndefined, z.enum(RELIABILITIES, { error: "Choose a reliability from A to F" }).optional()),
    language: z.preprocess(blankToUndefined, documentMetadataSchema.shape.language),
  })
  .transform((metadata) => ({ ...metadata, slug: metadata.slug ?? sourceSlug(metadata.title) }));

export type ImportMetadata = z.output<typeof importMetadataSchema>;

/** "auto", "new", or the id of the source this document is a new version of. */
export const importTargetSchema = z
  .union([z.literal("auto"), z.literal("new"), recordId("Not a source id")], {
    error: "Choose whether this is a new source or a new version of a stored one",
  })
  .default("auto")
  .transform((value): IngestTarget => (typeof value === "number" ? { sourceId: value } : value));

const actorIdSchema = recordId("No actor has that id");

/** A speaker the editor joined to a stored actor in the preview, sent as "12:Wasay Jalil". */
export const sameAsSchema = storableText()
  .regex(/^\d{1,10}:.{1,200}$/s, "A speaker choice reads “actor id:speaker name”")
  .transform((value, context) => {
    const colon = value.indexOf(":");
    const actorId = actorIdSchema.safeParse(value.slice(0, colon));
    if (!actorId.success) {
      context.addIssue({ code: "custom", message: actorId.error.issues[0]!.message });
      return z.NEVER;
    }
    return { actorId: actorId.data, speaker: value.slice(colon + 1) };
  });

export const importRequestSchema = z.object({
  metadata: importMetadataSchema,
  target: importTargetSchema,
  sameAs: z.array(sameAsSchema).max(500, "At most 500 speaker choices").default([]),
});

export type ImportRequest = z.output<typeof importRequestSchema>;

export const METADATA_FIELDS = ["title", "kind", "publisher", "author", "publishedDate", "url", "language", "reliability", "notes", "slug"] as const;

/** A File or a missing field becomes undefined, so no `as string` casts are needed. */
export function formFields(form: FormData, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(
    names.map((name) => {
      const value = form.get(name);
      return [name, typeof value === "string" ? value : undefined];
    }),
  );
}

/** GET /api/import/jobs/[id]'s route parameter. */
export const importJobParamsSchema = z.object({ id: recordId("Give an import job's id.", "An import job's id is a whole number.") });
