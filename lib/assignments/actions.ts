"use server";
// Assignment actions: editors give work to editors (viewers may not assign). The work is in mutations.ts.
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import { assignClaimsSchema, assignContradictionSchema, assignSourceSchema } from "@/lib/assignments/schema";
import { assignClaims, assignContradiction, assignSource, type AssignResult } from "@/lib/assignments/mutations";

const claims = actionWithRole("editor", assignClaimsSchema, (input, user) => assignClaims(db(), input, user));
const source = actionWithRole("editor", assignSourceSchema, (input, user) => assignSource(db(), input, user));
const contradiction = actionWithRole("editor", assignContradictionSchema, (input, user) => assignContradiction(db(), input, user));

export async function assignClaimsAction(input: unknown): Promise<ActionResult<AssignResult>> {
  return refreshed(await claims(input));
}

export async function assignSourceAction(input: unknown): Promise<ActionResult<AssignResult>> {
  return refreshed(await source(input));
}

export async function assignContradictionAction(input: unknown): Promise<ActionResult<AssignResult>> {
  return refreshed(await contradiction(input));
}
