"use server";
// Discussion: editors start threads, reply, edit their own comments and resolve or reopen threads;
// viewers read them (mutations.ts says who may edit which comment). Whom a comment mentions or
// replies to is notified in its transaction (notifyAll, lib/notifications/notify.ts).
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import { editCommentSchema, replyToThreadSchema, resolveThreadSchema, startThreadSchema } from "@/lib/comments/schema";
import { editComment, replyToThread, resolveThread, startThread, type CommentWriteResult } from "@/lib/comments/mutations";
import { notifyAll } from "@/lib/notifications/notify";

const start = actionWithRole("editor", startThreadSchema, (input, user) => startThread(db(), input, user, notifyAll));
const reply = actionWithRole("editor", replyToThreadSchema, (input, user) => replyToThread(db(), input, user, notifyAll));
const edit = actionWithRole("editor", editCommentSchema, (input, user) => editComment(db(), input, user, notifyAll));
const resolve = actionWithRole("editor", resolveThreadSchema, (input, user) => resolveThread(db(), input, user));

export async function startThreadAction(input: unknown): Promise<ActionResult<CommentWriteResult>> {
  return refreshed(await start(input));
}

export async function replyToThreadAction(input: unknown): Promise<ActionResult<CommentWriteResult>> {
  return refreshed(await reply(input));
}

export async function editCommentAction(input: unknown): Promise<ActionResult<CommentWriteResult & { changed: boolean }>> {
  return refreshed(await edit(input));
}

export async function resolveThreadAction(input: unknown): Promise<ActionResult<{ threadId: number; resolved: boolean }>> {
  return refreshed(await resolve(input));
}
