// The import routes' answers: the server's types come from these schemas and the form parses with
// them instead of trusting a cast. Client-safe: zod, and types only from the server side.
import { z } from "zod";
import type { MatchedBy } from "@/lib/ingest/ingest-document";
import type { AnchorOutcome } from "@/lib/ingest/plan";
import { DOCUMENT_FORMATS, metadataGuessesSchema } from "@/lib/import/types";
import { Attribution } from "@/lib/generated/prisma/enums";
import { enumValues } from "@/lib/validation/zod";

const actorReferenceSchema = z.object({ id: z.number().int(), name: z.string() });

export const previewSpeakerSchema = z.object({
  name: z.string(),
  kind: z.string(),
  actor: actorReferenceSchema.nullable(),
  /** For a new speaker: stored actors spelled almost alike, to join with one click. */
  similar: z.array(actorReferenceSchema),
});

export const previewClaimSchema = z.object({
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  speaker: z.string().nullable(),
  speakerKind: z.string().nullable(),
  knownSpeaker: z.boolean(),
  cue: z.string().nullable(),
  attribution: z.enum(enumValues(Attribution)),
  alreadyStored: z.boolean(),
  checkWorthiness: z.number(),
});

export const previewMatchSchema = z.object({
  sourceId: z.number().int(),
  slug: z.string(),
  title: z.string(),
  matchedBy: z.enum(["text", "chosen", "slug", "url"]) satisfies z.ZodType<MatchedBy>,
  claimCount: z.number().int(),
  claimsStaying: z.number().int(),
  claimsReanchored: z.number().int(),
  claimsLosingTheirText: z.number().int(),
  anchoring: z.array(
    z.object({
      claimId: z.number().int(),
      outcome: z.enum(["stays", "reanchored", "orphaned"]) satisfies z.ZodType<AnchorOutcome>,
    }),
  ),
});

export const importPreviewSchema = z.object({
  file: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  formatLabel: z.string(),
  bytes: z.number().int(),
  text: z.string(),
  textSha256: z.string(),
  guesses: metadataGuessesSchema,
  suggestedSlug: z.string(),
  claims: z.array(previewClaimSchema),
  speakers: z.array(previewSpeakerSchema),
  match: previewMatchSchema.nullable(),
});

export type PreviewSpeaker = z.infer<typeof previewSpeakerSchema>;
export type PreviewClaim = z.infer<typeof previewClaimSchema>;
export type PreviewMatch = z.infer<typeof previewMatchSchema>;
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const savedImportSchema = z.object({
  sourceId: z.number().int(),
  slug: z.string(),
  created: z.boolean(),
  duplicate: z.boolean(),
  claimsCreated: z.number().int(),
  claimsTotal: z.number().int(),
  contradictionsFound: z.number().int(),
  description: z.string(),
});

export type SavedImport = z.infer<typeof savedImportSchema>;
