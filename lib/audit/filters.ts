// The audit page's filters for its export: the page's schema and a SQL WHERE fragment over `audit_events e`.
import { Prisma } from "@/lib/generated/prisma/client";
import { whereAll } from "@/lib/db/sql";
import { auditFilterSchema, type AuditFilters } from "@/lib/audit/schema";

/** The page's schema: its dates are checked against the calendar (lib/validation/zod.ts calendarDate). */
export const auditExportFilterSchema = auditFilterSchema;

/** `before` is the page cursor, not a filter. */
export function auditFilterSql(filters: AuditFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.user) conditions.push(Prisma.sql`e.user_id = ${filters.user}`);
  if (filters.entity) conditions.push(Prisma.sql`e.entity_type = ${filters.entity}`);
  // Dates are UTC days and the end date is inclusive, as on the page.
  if (filters.from) conditions.push(Prisma.sql`e.created_at >= (${filters.from}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (filters.to) conditions.push(Prisma.sql`e.created_at < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return whereAll(conditions);
}
