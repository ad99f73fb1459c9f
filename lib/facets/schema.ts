// Stored facets, checked on read: rows of an older FACETS_VERSION may lack fields; anything unreadable shows as "not computed yet".
import { z } from "zod";
import type { ClaimFacets } from "@/lib/facets/types";

const entity = z.object({ text: z.string(), keys: z.array(z.string()), actorId: z.number().int().optional() });
const quantity = z
  .object({
    text: z.string(),
    dimension: z.string(),
    measure: z.string(),
    rate: z.string().nullable(),
    modality: z.string(),
    bound: z.enum(["min", "max"]).optional(),
    rejects: z.number().optional(),
    currency: z.string().optional(),
  })
  .passthrough();

export const storedFacetsSchema = z
  .object({
    version: z.string(),
    entities: z.array(entity),
    predicate: z.object({ lemma: z.string(), sense: z.string().nullable(), polarity: z.enum(["asserted", "negated", "denied"]) }).nullable(),
    modality: z.enum(["asserted", "estimate", "bound", "hypothetical", "prediction", "directive"]),
    quantities: z.array(quantity),
    dates: z.array(z.object({ text: z.string(), precision: z.enum(["day", "month", "year"]), from: z.number(), to: z.number() })),
    acts: z.array(z.object({ act: z.enum(["accuses", "denies", "admits"]), cue: z.string(), targets: z.array(z.string()) })),
    terms: z.array(z.string()),
    propositions: z
      .array(z.object({ lemma: z.string(), positive: z.boolean(), args: z.array(z.string()), words: z.string(), flip: z.string().optional() }).passthrough())
      .optional(),
  })
  .passthrough();

export function readStoredFacets(value: unknown): ClaimFacets | null {
  const parsed = storedFacetsSchema.safeParse(value);
  return parsed.success ? (parsed.data as unknown as ClaimFacets) : null;
}
