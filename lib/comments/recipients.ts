// Who a new or edited comment should be told about, as the notifications' NotificationInput shapes
// them (lib/notifications/notify.ts, built separately): the users it mentions, and for a reply the
// thread's earlier participants. Pure; the comment mutations return its answer.
import type { CommentEntityType } from "@/lib/comments/schema";

export interface CommentNotice {
  recipientIds: number[];
  actorId: number | null;
  kind: "mentioned" | "reply";
  entityType: CommentEntityType;
  entityId: number;
  excerpt: string;
}

export interface CommentWritten {
  actorId: number;
  entityType: CommentEntityType;
  entityId: number;
  body: string;
  /** Users the comment names now. */
  mentionedIds: readonly number[];
  /** Users it named before this save (an edit tells only the newly named). */
  previouslyMentionedIds?: readonly number[];
  /** For a reply: authors of the thread's earlier comments; empty for a new thread or an edit. */
  participantIds?: readonly number[];
}

const EXCERPT_LENGTH = 140;

export function commentExcerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** A mention is told once, as a mention, even to a participant; the actor is never told of their own comment. */
export function commentNotices(written: CommentWritten): CommentNotice[] {
  const before = new Set(written.previouslyMentionedIds ?? []);
  const mentioned = [...new Set(written.mentionedIds)].filter((id) => id !== written.actorId && !before.has(id));
  const told = new Set([...written.mentionedIds, written.actorId]);
  const participants = [...new Set(written.participantIds ?? [])].filter((id) => !told.has(id));
  const base = { actorId: written.actorId, entityType: written.entityType, entityId: written.entityId, excerpt: commentExcerpt(written.body) };
  const notices: CommentNotice[] = [];
  if (mentioned.length > 0) notices.push({ ...base, kind: "mentioned", recipientIds: mentioned });
  if (participants.length > 0) notices.push({ ...base, kind: "reply", recipientIds: participants });
  return notices;
}
