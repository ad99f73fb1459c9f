"use server";
// Undo of one of my recent actions (mutations.ts says what and when); viewers have nothing to undo.
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import { undoActionSchema } from "@/lib/undo/schema";
import { undoAction, type UndoResult } from "@/lib/undo/mutations";

const undo = actionWithRole("editor", undoActionSchema, (input, user) => undoAction(db(), input, user));

export async function undoActionAction(input: unknown): Promise<ActionResult<UndoResult>> {
  return refreshed(await undo(input));
}
