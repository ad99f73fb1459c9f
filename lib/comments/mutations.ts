// Discussion writes: start a thread on a claim, contradiction or source, reply, edit one's own
// comment (the earlier wording kept) and resolve or reopen a thread. Each is one transaction with
// one audit event. Each returns who should be told (commentNotices, lib/comments/recipients.ts) for
// the notifications to send; an @name that fits no active user stays plain text and tells no one.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import type { SessionUser } from "@/lib/auth/session";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { getForEditOrThrow, versionedUpdate, type VersionedRecord } from "@/lib/forms/versioned-update";
import { mentionedUserIds } from "@/lib/comments/mentions";
import { commentNotices, type CommentNotice } from "@/lib/comments/recipients";
import type { CommentEntityType, EditCommentInput, MentionableUser, ReplyToThreadInput, ResolveThreadInput, StartThreadInput } from "@/lib/comments/schema";

type Tx = Prisma.TransactionClient;
type Actor = Pick<SessionUser, "id">;

/**
 * Hands a write's notices to the notifications inside its transaction, so a rolled-back comment tells
 * no one: `(tx, notices) => Promise.all(notices.map((notice) => notify(tx, notice)))`.
 */
export type NoticeSink = (tx: Tx, notices: CommentNotice[]) => Promise<unknown>;

export interface CommentWriteResult {
  threadId: number;
  commentId: number;
  /** Who to tell, shaped as lib/notifications' NotificationInput: pass each to notify(tx, …) inside the transaction. */
  notices: CommentNotice[];
}

const ENTITY_NOUNS: Record<CommentEntityType, string> = { claim: "claim", contradiction: "contradiction", source: "source" };

/** Active users: a disabled account is not named (its @name stays plain text). */
export async function mentionableUsers(tx: Pick<Tx, "user">): Promise<MentionableUser[]> {
  return tx.user.findMany({ where: { active: true }, select: { id: true, name: true, email: true }, orderBy: { id: "asc" } });
}

async function assertEntityExists(tx: Tx, entityType: CommentEntityType, entityId: number): Promise<void> {
  const where = { where: { id: entityId }, select: { id: true } } as const;
  const found =
    entityType === "claim"
      ? await tx.claim.findUnique(where)
      : entityType === "source"
        ? await tx.source.findUnique(where)
        : await tx.contradiction.findUnique(where);
  if (!found) throw new NotFoundError(`No ${ENTITY_NOUNS[entityType]} #${entityId}: it may have been deleted; reload the page.`);
}

interface ThreadSubject {
  id: number;
  entityType: CommentEntityType;
  entityId: number;
}

/** Adds a comment to a thread with the users it names, audits it and tells whom `commentNotices` says. */
async function writeComment(
  tx: Tx,
  thread: ThreadSubject,
  body: string,
  user: Actor,
  action: "create" | "reply",
  participantIds: number[],
  tell?: NoticeSink,
): Promise<CommentWriteResult> {
  const mentioned = mentionedUserIds(body, await mentionableUsers(tx));
  const comment = await tx.comment.create({
    data: { threadId: thread.id, authorId: user.id, body, mentions: { create: mentioned.map((userId) => ({ userId })) } },
    select: { id: true },
  });
  const on = { entityType: thread.entityType, entityId: thread.entityId };
  await recordAudit(tx, {
    userId: user.id,
    entityType: "comment",
    entityId: comment.id,
    action,
    after: { threadId: thread.id, on: `${on.entityType} #${on.entityId}`, body, mentions: mentioned },
  });
  const notices = commentNotices({ actorId: user.id, ...on, body, mentionedIds: mentioned, participantIds });
  await tell?.(tx, notices);
  return { threadId: thread.id, commentId: comment.id, notices };
}

export async function startThread(prisma: Db, input: StartThreadInput, user: Actor, tell?: NoticeSink): Promise<CommentWriteResult> {
  return prisma.$transaction(async (tx) => {
    await assertEntityExists(tx, input.entityType, input.entityId);
    const thread = await tx.commentThread.create({
      data: { entityType: input.entityType, entityId: input.entityId, createdById: user.id },
      select: { id: true },
    });
    return writeComment(tx, { id: thread.id, ...input }, input.body, user, "create", [], tell);
  });
}

async function threadOrThrow(tx: Tx, threadId: number) {
  const thread = await tx.commentThread.findUnique({
    where: { id: threadId },
    select: { id: true, entityType: true, entityId: true, createdById: true, resolvedAt: true, resolvedBy: { select: { name: true, email: true } } },
  });
  if (!thread) throw new NotFoundError("That thread no longer exists; reload the page.");
  return thread;
}

export async function replyToThread(prisma: Db, input: ReplyToThreadInput, user: Actor, tell?: NoticeSink): Promise<CommentWriteResult> {
  return prisma.$transaction(async (tx) => {
    const thread = await threadOrThrow(tx, input.threadId);
    if (thread.resolvedAt) throw new ConflictError("This thread is resolved; reopen it to reply.");
    const earlier = await tx.comment.findMany({ where: { threadId: thread.id, authorId: { not: null } }, select: { authorId: true }, distinct: ["authorId"] });
    const participantIds = [thread.createdById, ...earlier.map((row) => row.authorId)].filter((id): id is number => id !== null);
    return writeComment(tx, thread, input.body, user, "reply", participantIds, tell);
  });
}

const commentSelect = {
  id: true,
  version: true,
  body: true,
  authorId: true,
  threadId: true,
  thread: { select: { entityType: true, entityId: true } },
  mentions: { select: { userId: true } },
} satisfies Prisma.CommentSelect;
type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;
type CommentData = Pick<Prisma.CommentUpdateManyMutationInput, "body" | "editedAt">;

const commentRecord: VersionedRecord<CommentRow, CommentData> = {
  entity: "comment",
  noun: "comment",
  notFound: "That comment no longer exists; reload the page.",
  conflictMessage: "This comment was changed since you opened it (in another tab or window). Its current text is shown below; nothing of yours was saved yet.",
  model: (tx) => tx.comment,
  load: (tx, id) => tx.comment.findUnique({ where: { id }, select: commentSelect }),
  current: (row, saved) => ({ body: row.body, version: row.version, ...saved }),
  auditView: (row) => ({ body: row.body }),
};

export async function editComment(prisma: Db, input: EditCommentInput, user: Actor, tell?: NoticeSink): Promise<CommentWriteResult & { changed: boolean }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await commentRecord.load(tx, input.id);
    if (loaded && loaded.authorId !== user.id) throw new ForbiddenError("Only a comment's author can edit it.");
    const before = await getForEditOrThrow(tx, commentRecord, input.id, input.version);
    const unchanged = { threadId: before.threadId, commentId: before.id, notices: [] };
    if (before.body === input.body) return { ...unchanged, changed: false };
    await tx.commentEdit.create({ data: { commentId: before.id, body: before.body } });
    await versionedUpdate(tx, commentRecord, {
      before,
      version: input.version,
      data: { body: input.body, editedAt: new Date() },
      userId: user.id,
      action: "edit",
    });
    const mentioned = mentionedUserIds(input.body, await mentionableUsers(tx));
    await tx.commentMention.deleteMany({ where: { commentId: before.id } });
    await tx.commentMention.createMany({ data: mentioned.map((userId) => ({ commentId: before.id, userId })) });
    const notices = commentNotices({
      actorId: user.id,
      entityType: before.thread.entityType,
      entityId: before.thread.entityId,
      body: input.body,
      mentionedIds: mentioned,
      previouslyMentionedIds: before.mentions.map((mention) => mention.userId),
    });
    await tell?.(tx, notices);
    return { ...unchanged, notices, changed: true };
  });
}

export async function resolveThread(prisma: Db, input: ResolveThreadInput, user: Actor): Promise<{ threadId: number; resolved: boolean }> {
  return prisma.$transaction(async (tx) => {
    const thread = await threadOrThrow(tx, input.threadId);
    if (input.resolved && thread.resolvedAt) {
      throw new ConflictError(`${thread.resolvedBy?.name ?? thread.resolvedBy?.email ?? "Someone"} already resolved this thread; reload the page.`);
    }
    if (!input.resolved && !thread.resolvedAt) throw new ConflictError("This thread is already open; reload the page.");
    // Guarded on the state just read, so two editors resolving at once do not both succeed.
    const { count } = await tx.commentThread.updateMany({
      where: { id: thread.id, resolvedAt: thread.resolvedAt },
      data: input.resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
    });
    if (count === 0) throw new ConflictError("Someone else resolved or reopened this thread a moment ago; reload the page.");
    await recordAudit(tx, {
      userId: user.id,
      entityType: "comment_thread",
      entityId: thread.id,
      action: input.resolved ? "resolve" : "reopen",
      before: { resolved: thread.resolvedAt !== null },
      after: { resolved: input.resolved, on: `${thread.entityType} #${thread.entityId}` },
    });
    return { threadId: thread.id, resolved: input.resolved };
  });
}
