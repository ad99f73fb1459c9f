// Every mutation writes one audit event in the same transaction as the change.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AUDIT_ENTITIES } from "@/lib/audit/schema";

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditInput {
  /** null for the system (seed, detection). */
  userId: number | null;
  entityType: AuditEntity;
  entityId: string | number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  /** The editor action this event is part of (lib/undo): every event of one undoable action shares it. */
  actionId?: string;
  /** On an "undo" event, the action it undid. */
  undoesActionId?: string;
}

/** How an undoable action's events are tagged: one new id per action (lib/undo). */
export interface AuditGroup {
  actionId: string;
  undoesActionId?: string;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditEvent">;

/** JSON-safe copy: dates become ISO strings, bigints strings, undefined dropped. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner))) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: AuditWriter, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      userId: input.userId,
      entityType: input.entityType,
      entityId: input.entityId === null ? null : String(input.entityId),
      action: input.action,
      before: toJson(input.before),
      after: toJson(input.after),
      actionId: input.actionId,
      undoesActionId: input.undoesActionId,
    },
  });
}
