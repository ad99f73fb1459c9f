import { z } from "zod";
import { ActorKind } from "@/lib/generated/prisma/enums";
import { formInt, optional, trimmedOrNull } from "@/lib/validation/zod";

export const ACTOR_KINDS = Object.values(ActorKind) as [ActorKind, ...ActorKind[]];

/** Aliases arrive as a textarea, one spelling per line. */
const aliasList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/\r?\n/) : (value ?? [])),
  z
    .array(z.string().trim().max(200, "An alias is limited to 200 characters"))
    .transform((lines) => [...new Set(lines.filter((line) => line.length > 0))])
    .pipe(z.array(z.string()).max(100, "At most 100 aliases")),
);

export const updateActorSchema = z.object({
  id: formInt("Missing actor id").positive(),
  version: formInt("Missing version").positive(),
  name: z.string().trim().min(1, "A name is required").max(200, "A name is limited to 200 characters"),
  kind: z.enum(ACTOR_KINDS, { error: "Choose a kind" }),
  aliases: aliasList,
  notes: z.preprocess(trimmedOrNull, z.string().max(5000, "Notes are limited to 5000 characters").nullable()),
});
export type UpdateActorInput = z.infer<typeof updateActorSchema>;

/** Merge `mergedId` into `keptId`: its claims move over, its names become aliases, it is deleted. */
export const mergeActorsSchema = z
  .object({
    keptId: formInt("Missing actor id").positive(),
    keptVersion: formInt("Missing version").positive(),
    mergedId: z.coerce.number({ error: "Choose the actor to merge into this one" }).int().positive("Choose the actor to merge into this one"),
  })
  .refine((value) => value.keptId !== value.mergedId, { path: ["mergedId"], message: "An actor cannot be merged into itself" });
export type MergeActorsInput = z.infer<typeof mergeActorsSchema>;

export const actorListSchema = z.object({
  q: optional(z.string().trim().max(200)),
  kind: optional(z.enum(ACTOR_KINDS)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
