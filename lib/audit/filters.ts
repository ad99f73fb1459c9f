// The audit page's filters for its export: the page's schema, stricter about dates, and a
// SQL WHERE fragment over `audit_events e`.
import { Prisma } from "@/lib/generated/prisma/client";
import { whereAll } from "@/lib/db/sql";
import { auditFilterSchema, type AuditFilters } from "@/lib/audit/schema";

/** A date the calendar has: "2025-02-30" parses in JavaScript (as 2 March) but not in Postgres. */
function realDay(text: string | undefined): boolean {
  if (text === undefined) return true;
  const date = new Date(`${text}T00:00:00Z`);
  // An unparseable text already has its own message from the page's schema.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) === text;
}

export const auditExportFilterSchema = auditFilterSchema.superRefine((filters, context) => {
  for (const key of ["from", "to"] as const) {
    if (!realDay(filters[key])) context.addIssue({ code: "custom", path: [key], message: `${filters[key]} is not a date on the calendar.` });
  }
});

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
