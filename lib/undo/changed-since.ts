// Undo's refusal when a record no longer holds what the undone action left: names who changed it since, and when.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntity } from "@/lib/audit/record";
import { ConflictError } from "@/lib/errors";
import { formatTime } from "@/lib/format/time";
import { lastSavedBy } from "@/lib/forms/saved-by";

type Reader = Pick<Prisma.TransactionClient, "auditEvent">;

export function changedSinceMessage(record: string, who: string | null, when: Date | string | null): string {
  const by = who ? ` by ${who}` : "";
  const at = when ? ` at ${formatTime(new Date(when))}` : "";
  return `Cannot undo: ${record} was changed since${by}${at}. Nothing was undone.`;
}

/** For a record whose stored state differs from what the action left: the last person the audit trail shows saving it. */
export async function changedSinceError(tx: Reader, entity: AuditEntity, id: number, record: string): Promise<ConflictError> {
  const saved = await lastSavedBy(tx, entity, id);
  return new ConflictError(changedSinceMessage(record, saved.savedBy, saved.savedAt), saved);
}

/** JSON equality, as the audit trail stores values. */
export function sameValue(left: unknown, right: unknown): boolean {
  return JSON.stringify(left ?? null) === JSON.stringify(right ?? null);
}
