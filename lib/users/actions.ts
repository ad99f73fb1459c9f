"use server";
// Managing accounts: admins only. The transactional work is in mutations.ts.
import { db } from "@/lib/db/client";
import { actionWithRole, type ActionResult } from "@/lib/auth/with-role";
import { z } from "zod";
import { changeUserRole, createUser, resetUserPassword, setUserActive, signOutEverywhere, type UserSummary } from "@/lib/users/mutations";
import { changeUserRoleSchema, createUserSchema, resetUserPasswordSchema, setUserActiveSchema } from "@/lib/users/schema";

const create = actionWithRole("admin", createUserSchema, (input, actor) => createUser(db(), input, actor.id));
const changeRole = actionWithRole("admin", changeUserRoleSchema, (input, actor) => changeUserRole(db(), input, actor.id));
const setActive = actionWithRole("admin", setUserActiveSchema, (input, actor) => setUserActive(db(), input, actor.id));
const resetPassword = actionWithRole("admin", resetUserPasswordSchema, (input, actor) => resetUserPassword(db(), input, actor.id));

// Anyone signed in may end their own sessions; the id is the session's, never the input's.
const signOutAll = actionWithRole("viewer", z.object({}).strict(), (_input, actor) => signOutEverywhere(db(), actor.id));

// "use server" files export async functions only; the wrappers above do the checking.

export async function createUserAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return create(input);
}

export async function changeUserRoleAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return changeRole(input);
}

export async function setUserActiveAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return setActive(input);
}

export async function resetUserPasswordAction(input: unknown): Promise<ActionResult<UserSummary>> {
  return resetPassword(input);
}

export async function signOutEverywhereAction(input: unknown): Promise<ActionResult<void>> {
  return signOutAll(input);
}
