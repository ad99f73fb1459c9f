import "server-only";
import { readDb } from "@/lib/db/client";
import type { AuditEntity } from "@/lib/audit/record";
import type { AuditFilters } from "@/lib/audit/schema";

export const AUDIT_PAGE_SIZE = 100;

const eventColumns = {
  id: true,
  entityType: true,
  entityId: true,
  action: true,
  before: true,
  after: true,
  createdAt: true,
  user: { select: { id: true, email: true } },
} as const;

export async function listEntityHistory(entityType: AuditEntity, entityId: string | number) {
  return readDb().auditEvent.findMany({
    where: { entityType, entityId: String(entityId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: eventColumns,
    take: 500,
  });
}

export async function listAuditEvents(filters: AuditFilters) {
  const createdAt = {
    ...(filters.from && { gte: new Date(`${filters.from}T00:00:00Z`) }),
    // The end date is inclusive: up to the end of that day.
    ...(filters.to && { lt: new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) }),
  };
  const events = await readDb().auditEvent.findMany({
    where: {
      ...(filters.user && { userId: filters.user }),
      ...(filters.entity && { entityType: filters.entity }),
      ...((filters.from || filters.to) && { createdAt }),
      ...(filters.before && { id: { lt: BigInt(filters.before) } }),
    },
    orderBy: { id: "desc" },
    select: eventColumns,
    take: AUDIT_PAGE_SIZE + 1,
  });
  return { events: events.slice(0, AUDIT_PAGE_SIZE), hasMore: events.length > AUDIT_PAGE_SIZE };
}
