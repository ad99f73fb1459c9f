// Attribution labels beside the conflict sets (tests/fixtures/conflicts/<subject>/attributions.json)
// and for the seed (tests/fixtures/seed-attributions.json): who says each labelled claim, via what,
// which lines are page debris and which claims are worth checking. The format is described in
// tests/fixtures/conflicts/ATTRIBUTION-LABELS.md.
import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { readJsonFile } from "@/seed/run-seed";

const speakerKind = z.enum(["person", "organization", "government_body", "court", "media_outlet", "group", "other"]);

const located = z.object({ file: z.string().min(1), claim: z.string().min(4) });

export const attributionLabelsSchema = z
  .object({
    subject: z.string().min(1),
    speakers: z.array(z.object({ id: z.string().min(1), kind: speakerKind, names: z.array(z.string().min(1)).min(1) })),
    claims: z.array(located.extend({ speaker: z.string().min(1).nullable(), citedVia: z.string().min(1).nullable().optional() })),
    debris: z.array(z.object({ file: z.string().min(1), text: z.string().min(4) })).default([]),
    checkWorthy: z.array(located).default([]),
    notCheckWorthy: z.array(located).default([]),
  })
  .superRefine((labels, context) => {
    const ids = new Set(labels.speakers.map((speaker) => speaker.id));
    labels.claims.forEach((claim, index) => {
      if (claim.speaker !== null && !ids.has(claim.speaker)) {
        context.addIssue({ code: "custom", path: ["claims", index, "speaker"], message: `unknown speaker id "${claim.speaker}"` });
      }
    });
  });
export type AttributionLabels = z.infer<typeof attributionLabelsSchema>;

export const SEED_ATTRIBUTIONS = path.resolve(import.meta.dirname, "../../tests/fixtures/seed-attributions.json");

/** The subject's attribution labels, or null when it has none. */
export async function readAttributionLabels(file: string): Promise<AttributionLabels | null> {
  if (!existsSync(file)) return null;
  return readJsonFile(file, attributionLabelsSchema, "cannot be read");
}
