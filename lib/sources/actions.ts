"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { actionWithRole, type ActionResult } from "@/lib/auth/with-role";
import { updateSourceSchema } from "@/lib/sources/schema";
import { updateSource } from "@/lib/sources/mutations";
import type { FormSnapshot } from "@/lib/forms/snapshot";

const update = actionWithRole("editor", updateSourceSchema, (input, user) => updateSource(db(), input, user));

export async function updateSourceAction(input: unknown): Promise<ActionResult<{ changed: boolean; snapshot: FormSnapshot }>> {
  const result = await update(input);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
