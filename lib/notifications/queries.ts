// Reads for the inbox: the menu's unread count, the list newest first, and a user's preferences.
import "server-only";
import { cache } from "react";
import { readDb, type Db } from "@/lib/db/client";
import type { NotificationEntity, NotificationKind } from "@/lib/generated/prisma/enums";
import { preferencesOf, type NotificationPreferences } from "@/lib/notifications/mutations";

/** The menu shows up to this many ("99+" past it), so the count never reads more index entries than that. */
export const UNREAD_SHOWN = 99;

/** Unread notifications, counted on the partial index of unread rows (notifications_unread_idx), at most UNREAD_SHOWN + 1. */
export const unreadNotificationCount = cache(async (userId: number, prisma: Db = readDb()): Promise<number> => {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM notifications WHERE recipient_id = ${userId}::int AND read_at IS NULL LIMIT ${UNREAD_SHOWN + 1}
    ) unread`;
  return row?.count ?? 0;
});

/** The count as the menu and the inbox show it: "3", or "99+" past UNREAD_SHOWN. */
export function unreadLabel(count: number): string {
  return count > UNREAD_SHOWN ? `${UNREAD_SHOWN}+` : String(count);
}

export const INBOX_PAGE_SIZE = 50;

export interface InboxItem {
  id: number;
  kind: NotificationKind;
  entityType: NotificationEntity;
  entityId: number;
  excerpt: string;
  actor: string | null;
  createdAt: Date;
  read: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  /** The cursor of the next (older) page, if there is one. */
  olderThan: number | null;
  /** The newest notification of the whole inbox: "Mark all read" goes this far. */
  newestId: number | null;
  unread: number;
}

/** Only ever the caller's own notifications: the recipient is the signed-in user, never a parameter of the page. */
export async function listInbox(userId: number, before?: number, prisma: Db = readDb()): Promise<InboxPage> {
  const [rows, newest, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { recipientId: userId, ...(before ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: INBOX_PAGE_SIZE + 1,
      select: {
        id: true,
        kind: true,
        entityType: true,
        entityId: true,
        excerpt: true,
        createdAt: true,
        readAt: true,
        actor: { select: { name: true, email: true } },
      },
    }),
    prisma.notification.findFirst({ where: { recipientId: userId }, orderBy: { id: "desc" }, select: { id: true } }),
    unreadNotificationCount(userId, prisma),
  ]);
  const items = rows
    .slice(0, INBOX_PAGE_SIZE)
    .map(({ actor, readAt, ...row }) => ({ ...row, actor: actor ? (actor.name ?? actor.email) : null, read: readAt !== null }));
  return { items, olderThan: rows.length > INBOX_PAGE_SIZE ? items[items.length - 1]!.id : null, newestId: newest?.id ?? null, unread };
}

/** Each kind, on unless the user turned it off. */
export function notificationPreferences(userId: number, prisma: Db = readDb()): Promise<NotificationPreferences> {
  return preferencesOf(prisma, userId);
}
