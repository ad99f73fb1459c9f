"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { actionWithRole, type ActionResult } from "@/lib/auth/with-role";
import { mergeActorsSchema, updateActorSchema } from "@/lib/actors/schema";
import { mergeActors, updateActor, type MergeResult } from "@/lib/actors/mutations";
import type { FormSnapshot } from "@/lib/forms/snapshot";

const update = actionWithRole("editor", updateActorSchema, (input, user) => updateActor(db(), input, user));
const merge = actionWithRole("editor", mergeActorsSchema, (input, user) => mergeActors(db(), input, user));

export async function updateActorAction(input: unknown): Promise<ActionResult<{ changed: boolean; snapshot: FormSnapshot }>> {
  const result = await update(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function mergeActorsAction(input: unknown): Promise<ActionResult<MergeResult>> {
  const result = await merge(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
