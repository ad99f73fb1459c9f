"use server";
// Saved views of the claims table: anyone signed in saves and deletes their own (mutations.ts says who may share).
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import { deleteViewSchema, saveViewSchema } from "@/lib/saved-views/schema";
import { deleteView, saveView, type SavedViewSummary } from "@/lib/saved-views/mutations";

const save = actionWithRole("viewer", saveViewSchema, (input, user) => saveView(db(), input, user));
const remove = actionWithRole("viewer", deleteViewSchema, (input, user) => deleteView(db(), input, user));

export async function saveViewAction(input: unknown): Promise<ActionResult<SavedViewSummary>> {
  return refreshed(await save(input));
}

export async function deleteViewAction(input: unknown): Promise<ActionResult<void>> {
  return refreshed(await remove(input));
}
