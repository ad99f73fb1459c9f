// Reading one's own inbox and choosing what it receives. Everything here acts on the caller's own
// notifications only: another user's notification is "not in your inbox", never read or changed.
//
// Marking read is not audited, like review leases (lib/claims/leases.ts): it is the reader's own
// bookkeeping, changes nothing anyone else sees, and happens on every opened item, so the trail would
// fill with it. A change of preferences is audited, as a change to the user's account.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationEntity, NotificationKind } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/errors";
import { NOTIFICATION_KIND_NAMES } from "@/lib/notifications/kinds";
import type { MarkAllNotificationsReadInput, MarkNotificationReadInput, UpdateNotificationPreferencesInput } from "@/lib/notifications/schema";

type Tx = Prisma.TransactionClient;
type Reader = Pick<Db, "notificationOptOut"> | Pick<Tx, "notificationOptOut">;

export interface Recipient {
  id: number;
}

const NOT_YOURS = "That notification is not in your inbox (it may belong to someone else, or no longer exist).";

export type NotificationPreferences = Record<NotificationKind, boolean>;

export async function preferencesOf(prisma: Reader, userId: number): Promise<NotificationPreferences> {
  const off = await prisma.notificationOptOut.findMany({ where: { userId }, select: { kind: true } });
  const disabled = new Set(off.map((row) => row.kind));
  return Object.fromEntries(NOTIFICATION_KIND_NAMES.map((kind) => [kind, !disabled.has(kind)])) as NotificationPreferences;
}

export async function markNotificationRead(prisma: Db, input: MarkNotificationReadInput, user: Recipient, now = new Date()): Promise<{ id: number }> {
  const notification = await prisma.notification.findFirst({ where: { id: input.id, recipientId: user.id }, select: { id: true } });
  if (!notification) throw new NotFoundError(NOT_YOURS);
  await prisma.notification.updateMany({ where: { id: notification.id, readAt: null }, data: { readAt: now } });
  return notification;
}

/** Every unread notification of the caller up to `throughId`; returns how many were unread. */
export async function markAllNotificationsRead(
  prisma: Db,
  input: MarkAllNotificationsReadInput,
  user: Recipient,
  now = new Date(),
): Promise<{ marked: number }> {
  const { count } = await prisma.notification.updateMany({
    where: { recipientId: user.id, readAt: null, id: { lte: input.throughId } },
    data: { readAt: now },
  });
  return { marked: count };
}

/** Where a notification's link leads: the record it is about. */
export function notificationPath(entityType: NotificationEntity, entityId: number, sourceSlug?: string | null): string {
  if (entityType === "claim") return `/claims/${entityId}`;
  if (entityType === "contradiction") return `/contradictions/${entityId}`;
  // A source's pages go by its slug; a source deleted since leaves the list of sources.
  return sourceSlug ? `/sources/${encodeURIComponent(sourceSlug)}` : "/sources";
}

/** Opening a notification from the inbox: it is read from then on, and the caller goes to what it is about. */
export async function openNotification(prisma: Db, id: number, user: Recipient, now = new Date()): Promise<string> {
  const notification = await prisma.notification.findFirst({ where: { id, recipientId: user.id }, select: { id: true, entityType: true, entityId: true } });
  if (!notification) throw new NotFoundError(NOT_YOURS);
  await prisma.notification.updateMany({ where: { id, readAt: null }, data: { readAt: now } });
  const slug =
    notification.entityType === "source" ? (await prisma.source.findUnique({ where: { id: notification.entityId }, select: { slug: true } }))?.slug : undefined;
  return notificationPath(notification.entityType, notification.entityId, slug);
}

export interface PreferencesResult {
  preferences: NotificationPreferences;
  changed: boolean;
}

export async function updateNotificationPreferences(prisma: Db, input: UpdateNotificationPreferencesInput, user: Recipient): Promise<PreferencesResult> {
  return prisma.$transaction(async (tx) => {
    const before = await preferencesOf(tx, user.id);
    const enabled = new Set(input.enabled);
    const after = Object.fromEntries(NOTIFICATION_KIND_NAMES.map((kind) => [kind, enabled.has(kind)])) as NotificationPreferences;
    const changing = NOTIFICATION_KIND_NAMES.filter((kind) => before[kind] !== after[kind]);
    if (changing.length === 0) return { preferences: after, changed: false };
    await tx.notificationOptOut.deleteMany({ where: { userId: user.id } });
    await tx.notificationOptOut.createMany({ data: NOTIFICATION_KIND_NAMES.filter((kind) => !after[kind]).map((kind) => ({ userId: user.id, kind })) });
    const pick = (preferences: NotificationPreferences) => Object.fromEntries(changing.map((kind) => [kind, preferences[kind]]));
    await recordAudit(tx, {
      userId: user.id,
      entityType: "user",
      entityId: user.id,
      action: "notification_preferences",
      before: pick(before),
      after: pick(after),
    });
    return { preferences: after, changed: true };
  });
}
