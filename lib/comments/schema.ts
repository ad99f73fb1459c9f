// What crosses into discussion: the subject of a new thread, a comment's text, a reply, an edit of
// one's own comment (with the version the form was given) and resolving or reopening a thread.
import { z } from "zod";
import { recordId, recordVersion, storableText } from "@/lib/validation/zod";

export const COMMENT_ENTITIES = ["claim", "contradiction", "source"] as const;
export type CommentEntityType = (typeof COMMENT_ENTITIES)[number];

export const COMMENT_MAX_LENGTH = 5000;

const commentBody = storableText("Write a comment first")
  .trim()
  .min(1, "Write a comment first")
  .max(COMMENT_MAX_LENGTH, `A comment is limited to ${COMMENT_MAX_LENGTH} characters`);

export const startThreadSchema = z.object({
  entityType: z.enum(COMMENT_ENTITIES, { error: "Comments go on a claim, a contradiction or a source" }),
  entityId: recordId("Missing what the comment is about", "Not a valid id"),
  body: commentBody,
});
export type StartThreadInput = z.infer<typeof startThreadSchema>;

export const replyToThreadSchema = z.object({ threadId: recordId("Missing thread", "Not a valid thread id"), body: commentBody });
export type ReplyToThreadInput = z.infer<typeof replyToThreadSchema>;

export const editCommentSchema = z.object({ id: recordId("Missing comment", "Not a valid comment id"), version: recordVersion(), body: commentBody });
export type EditCommentInput = z.infer<typeof editCommentSchema>;

const resolvedField = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")], {
  error: "Say whether the thread is resolved (true) or reopened (false)",
});

export const resolveThreadSchema = z.object({ threadId: recordId("Missing thread", "Not a valid thread id"), resolved: resolvedField });
export type ResolveThreadInput = z.infer<typeof resolveThreadSchema>;

export const mentionSearchSchema = z.object({ q: storableText().trim().max(100, "Search is limited to 100 characters").default("") });

/** A user a comment can name: `@` + their name, the local part of their email, or their whole email. */
export interface MentionableUser {
  id: number;
  name: string | null;
  email: string;
}

/** What the autocomplete offers: `handle` is what goes after the `@`. */
export interface MentionOption {
  id: number;
  handle: string;
  label: string;
}
