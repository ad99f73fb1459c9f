import { z } from "zod";
import { ActorKind } from "@/lib/generated/prisma/enums";
import { ACTOR_FORM_FIELDS } from "@/lib/actors/form";
import { inputShape } from "@/lib/forms/fields";
import { formInt, optional, recordId, recordVersion, searchText } from "@/lib/validation/zod";

export const ACTOR_KINDS = Object.values(ActorKind) as [ActorKind, ...ActorKind[]];

export const updateActorSchema = z.object({
  id: recordId("Missing actor id", "Not a valid actor id"),
  version: recordVersion(),
  ...inputShape(ACTOR_FORM_FIELDS),
});
export type UpdateActorInput = z.infer<typeof updateActorSchema>;

/** Merge `mergedId` into `keptId`: its claims move over, its names become aliases, it is deleted. */
export const mergeActorsSchema = z
  .object({
    keptId: recordId("Missing actor id", "Not a valid actor id"),
    keptVersion: recordVersion(),
    mergedId: recordId("Choose the actor to merge into this one"),
  })
  .refine((value) => value.keptId !== value.mergedId, { path: ["mergedId"], message: "An actor cannot be merged into itself" });
export type MergeActorsInput = z.infer<typeof mergeActorsSchema>;

export const actorListSchema = z.object({
  q: searchText(),
  kind: optional(z.enum(ACTOR_KINDS)),
  page: optional(formInt("Not a page number", { min: 1, max: 100_000 })),
});
