"use server";
// Repost decisions: editors confirm or dismiss what detection proposed (viewers only read). The work is in mutations.ts.
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import { decideSourceReuseSchema } from "@/lib/reuse/schema";
import { decideSourceReuse } from "@/lib/reuse/mutations";

const decide = actionWithRole("editor", decideSourceReuseSchema, (input, user) => decideSourceReuse(db(), input, user));

export async function decideSourceReuseAction(input: unknown): Promise<ActionResult<{ id: number; status: string; version: number }>> {
  const result = await decide(input);
  return refreshed(result.ok ? { ok: true, data: { id: result.data.id, status: result.data.status, version: result.data.version } } : result);
}
