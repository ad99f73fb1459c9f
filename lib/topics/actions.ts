"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { actionWithRole, type ActionResult } from "@/lib/auth/with-role";
import { createTopicSchema, updateTopicSchema } from "@/lib/topics/schema";
import { createTopic, updateTopic } from "@/lib/topics/mutations";
import type { FormSnapshot } from "@/lib/forms/snapshot";

const create = actionWithRole("editor", createTopicSchema, (input, user) => createTopic(db(), input, user));
const update = actionWithRole("editor", updateTopicSchema, (input, user) => updateTopic(db(), input, user));

export async function createTopicAction(input: unknown): Promise<ActionResult<{ id: number; slug: string }>> {
  const result = await create(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function updateTopicAction(input: unknown): Promise<ActionResult<{ changed: boolean; snapshot: FormSnapshot }>> {
  const result = await update(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
