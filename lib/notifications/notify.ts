// notify(): the one way a notification is written, inside the transaction of the change that causes
// it. The actor, disabled users and recipients who turned the kind off are skipped (one query decides
// for every recipient); each notification left is handed to every channel (lib/notifications/channel.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { NOTIFICATION_CHANNELS, type OutgoingNotification } from "@/lib/notifications/channel";
import { hasLoneSurrogate } from "@/lib/validation/zod";

export type { NotificationKind } from "@/lib/notifications/kinds";
export type { OutgoingNotification } from "@/lib/notifications/channel";

type Tx = Prisma.TransactionClient;

export interface NotificationInput {
  /** Users to notify; the actor and disabled users are skipped. */
  recipientIds: number[];
  /** Who caused it (null for a system run such as detection). */
  actorId: number | null;
  kind: NotificationKind;
  entityType: "claim" | "contradiction" | "source";
  entityId: number;
  /** Short plain text shown in the inbox (truncated by notify). */
  excerpt: string;
}

/** What the inbox shows of an excerpt, in characters. */
export const EXCERPT_LIMIT = 280;

/** Plain text on one line, NULs and broken characters dropped (Postgres refuses or mangles them), cut at `limit` with an ellipsis. */
export function clipText(text: string, limit: number = EXCERPT_LIMIT): string {
  const characters = Array.from(text.replace(/\s+/g, " ").trim()).filter((character) => character !== "\u0000" && !hasLoneSurrogate(character));
  return characters.length > limit
    ? `${characters
        .slice(0, limit - 1)
        .join("")
        .trimEnd()}…`
    : characters.join("");
}

export async function notify(tx: Tx, input: NotificationInput): Promise<void> {
  const { recipientIds, ...rest } = input;
  await deliverNotifications(
    tx,
    recipientIds.map((recipientId) => ({ ...rest, recipientId })),
  );
}

/** Several notify() calls in one transaction, one after another (a transaction is one connection): a comment's mentions and replies. */
export async function notifyAll(tx: Tx, inputs: readonly NotificationInput[]): Promise<void> {
  for (const input of inputs) await notify(tx, input);
}

/** Notifications addressed one by one (each its own kind, subject and text): the set-based form of notify(). Returns those delivered. */
export async function deliverNotifications(tx: Tx, drafts: OutgoingNotification[]): Promise<OutgoingNotification[]> {
  const addressed = drafts.filter((draft) => Number.isSafeInteger(draft.recipientId) && draft.recipientId > 0 && draft.recipientId !== draft.actorId);
  if (addressed.length === 0) return [];
  const reachable = await tx.$queryRaw<{ recipientId: number; kind: NotificationKind }[]>`
    SELECT DISTINCT u.id AS "recipientId", d.kind
    FROM unnest(${addressed.map((draft) => draft.recipientId)}::int[], ${addressed.map((draft) => draft.kind)}::notification_kind[]) AS d(recipient_id, kind)
    JOIN users u ON u.id = d.recipient_id AND u.active
    WHERE NOT EXISTS (SELECT 1 FROM notification_opt_outs o WHERE o.user_id = u.id AND o.kind = d.kind)`;
  const allowed = new Set(reachable.map((row) => `${row.recipientId}:${row.kind}`));
  const seen = new Set<string>();
  const delivered: OutgoingNotification[] = [];
  for (const draft of addressed) {
    // The same news about the same record once per recipient, however many ways the caller found them.
    const key = `${draft.recipientId}:${draft.kind}:${draft.entityType}:${draft.entityId}`;
    if (!allowed.has(`${draft.recipientId}:${draft.kind}`) || seen.has(key)) continue;
    seen.add(key);
    const notification = { ...draft, excerpt: clipText(draft.excerpt) };
    for (const channel of NOTIFICATION_CHANNELS) await channel.deliver(notification, tx);
    delivered.push(notification);
  }
  return delivered;
}
