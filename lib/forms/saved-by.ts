// Who last changed a record, from the audit trail: the conflict message names them.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditEntity } from "@/lib/audit/record";

type Reader = Pick<Prisma.TransactionClient, "auditEvent">;

export async function lastSavedBy(tx: Reader, entityType: AuditEntity, entityId: number): Promise<{ savedBy: string | null; savedAt: string | null }> {
  const event = await tx.auditEvent.findFirst({
    // Assignment changes no field of the record (lib/assignments).
    where: { entityType, entityId: String(entityId), action: { notIn: ["assign", "unassign"] } },
    orderBy: { id: "desc" },
    select: { createdAt: true, user: { select: { name: true, email: true } } },
  });
  if (!event) return { savedBy: null, savedAt: null };
  return { savedBy: event.user ? (event.user.name ?? event.user.email) : "the system", savedAt: event.createdAt.toISOString() };
}
