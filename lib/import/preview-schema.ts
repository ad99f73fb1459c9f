// The import preview and the save's answer as the route handlers send them and the import form
// reads them: the server's types come from these schemas and the form parses with them instead
// of trusting a cast. Client-safe: zod, and types only from the server side.
import { z } from "zod";
import type { MatchedBy } from "@/lib/ingest/ingest-document";
import type { AnchorOutcome } from "@/lib/ingest/plan";
import { DOCUMENT_FORMATS, metadataGuessesSchema } from "@/lib/import/types";

const actorReferenceSchema = z.object({ id: z.number().int(), name: z.string() });

/** A speaker of the previewed document: the stored actor it will join, or near-spellings to choose from. */
export const previewSpeakerSchema = z.object({
  name: z.string(),
  kind: z.string(),
  /** The stored actor the speaker's claims will join (same name, an alias, or the same person: "Markey" = "Ed Markey"). */
  actor: actorReferenceSchema.nullable(),
  /** For a new speaker: stored actors spelled almost alike ("Wasay Jalil" / "Wasey Jalil"), to join with one click. */
  similar: z.array(actorReferenceSchema),
});

export const previewClaimSchema = z.object({
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  speaker: z.string().nullable(),
  speakerKind: z.string().nullable(),
  /** True when a stored actor already has this name: the claim joins that actor. */
  knownSpeaker: z.boolean(),
  cue: z.string().nullable(),
  attribution: z.string(),
  /** Saving will not add it: the matched source holds it already, or the document said it earlier. */
  alreadyStored: z.boolean(),
  /** Check-worthiness 0–100, as it will be stored. */
  checkWorthiness: z.number(),
});

export const previewMatchSchema = z.object({
  sourceId: z.number().int(),
  slug: z.string(),
  title: z.string(),
  matchedBy: z.enum(["text", "chosen", "slug", "url"]) satisfies z.ZodType<MatchedBy>,
  claimCount: z.number().int(),
  /** For a new version: what saving does to the stored claims, as the save will report it. */
  claimsStaying: z.number().int(),
  claimsReanchored: z.number().int(),
  claimsLosingTheirText: z.number().int(),
  /** Each stored claim's outcome (lib/ingest/plan.ts). */
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

/** POST /api/import's answer. */
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
