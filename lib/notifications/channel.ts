// How a written notification reaches its recipient. The in-database inbox is the only channel; the
// rows it writes are what the menu counts and the /inbox page lists.
//
// E-mail plugs in as a second channel in NOTIFICATION_CHANNELS. Its deliver() runs inside the
// transaction of the write that caused the notification, so it must not send anything itself (a
// rolled-back change would still have mailed): it enqueues a job in that same transaction — the app
// already runs pg-boss for imports (lib/jobs), whose `send` takes the transaction's connection — and
// a worker sends the mail after commit, honouring a per-user "e-mail me" setting of its own.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationEntity, NotificationKind } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** One notification for one recipient, as notify() hands it to each channel (the excerpt already cut to size). */
export interface OutgoingNotification {
  recipientId: number;
  actorId: number | null;
  kind: NotificationKind;
  entityType: NotificationEntity;
  entityId: number;
  excerpt: string;
}

export interface NotificationChannel {
  name: string;
  /** Called inside the causing write's transaction: whatever it writes commits or rolls back with it. */
  deliver(notification: OutgoingNotification, tx: Tx): Promise<void>;
}

/** The inbox: one row per notification (prisma/schema.prisma, model Notification). */
export const inboxChannel: NotificationChannel = {
  name: "inbox",
  async deliver(notification, tx) {
    await tx.notification.create({ data: notification, select: { id: true } });
  },
};

export const NOTIFICATION_CHANNELS: readonly NotificationChannel[] = [inboxChannel];
