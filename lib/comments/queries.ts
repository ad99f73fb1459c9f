// Reads for discussion: the threads of one claim, contradiction or source with every comment, its
// earlier wordings and the users it mentions; and the users the @ autocomplete offers.
import "server-only";
import { readDb, type Db } from "@/lib/db/client";
import { mentionableUsers } from "@/lib/comments/mutations";
import { uniqueHandle } from "@/lib/comments/mentions";
import type { CommentEntityType, MentionOption, MentionableUser } from "@/lib/comments/schema";

export interface CommentView {
  id: number;
  version: number;
  body: string;
  authorId: number | null;
  author: string;
  createdAt: Date;
  editedAt: Date | null;
  /** Earlier wordings, oldest first. */
  edits: { body: string; replacedAt: Date }[];
  mentioned: MentionableUser[];
}

export interface ThreadView {
  id: number;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  comments: CommentView[];
}

const userName = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : "a deleted user");

export async function listThreads(entityType: CommentEntityType, entityId: number, prisma: Db = readDb()): Promise<ThreadView[]> {
  const threads = await prisma.commentThread.findMany({
    where: { entityType, entityId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      resolvedAt: true,
      resolvedBy: { select: { name: true, email: true } },
      comments: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          version: true,
          body: true,
          authorId: true,
          author: { select: { name: true, email: true } },
          createdAt: true,
          editedAt: true,
          edits: { orderBy: { id: "asc" }, select: { body: true, replacedAt: true } },
          mentions: { select: { user: { select: { id: true, name: true, email: true } } } },
        },
      },
    },
  });
  return threads.map((thread) => ({
    id: thread.id,
    resolvedAt: thread.resolvedAt,
    resolvedBy: thread.resolvedBy && userName(thread.resolvedBy),
    comments: thread.comments.map(({ author, mentions, ...comment }) => ({
      ...comment,
      author: userName(author),
      mentioned: mentions.map((mention) => mention.user),
    })),
  }));
}

export const MENTION_OPTION_LIMIT = 10;

/** Active users whose name or email contains what was typed after `@`, each with a handle that names only them. */
export async function searchMentionOptions(q: string, prisma: Db = readDb()): Promise<MentionOption[]> {
  const everyone = await mentionableUsers(prisma);
  const matching = await prisma.user.findMany({
    where: { active: true, OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    take: MENTION_OPTION_LIMIT,
    select: { id: true, name: true, email: true },
  });
  return matching.map((user) => ({ id: user.id, handle: uniqueHandle(user, everyone), label: user.name ? `${user.name} (${user.email})` : user.email }));
}
