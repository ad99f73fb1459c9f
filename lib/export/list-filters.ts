// Filters of the lists other than claims, as zod schemas over URL search parameters and
// SQL WHERE fragments. The export uses the same parameter names as each list page.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { Reliability, SourceKind } from "@/lib/generated/prisma/enums";
import { actorListSchema } from "@/lib/actors/schema";
import { CONTRADICTION_KINDS, CONTRADICTION_STATUSES } from "@/lib/contradictions/schema";
import type { SqlFragment } from "@/lib/claims/filters";
import { auditFilterSchema, type AuditFilters } from "@/lib/audit/schema";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const values = <T extends Record<string, string>>(enumObject: T) => Object.values(enumObject) as [T[keyof T], ...T[keyof T][]];
const search = optional(z.string().trim().max(200, "Search is limited to 200 characters"));
const slug = optional(z.string().regex(/^[a-z0-9-]{1,120}$/, "Must be a source slug"));
const id = optional(z.coerce.number({ error: "Must be an id" }).int("Must be an id").positive("Must be an id"));

function fragment(conditions: Prisma.Sql[]): SqlFragment {
  if (conditions.length === 0) return { sql: "TRUE", values: [] };
  const joined = Prisma.join(conditions, " AND ", "", "");
  return { sql: joined.text, values: joined.values };
}

/** `%text%` for ILIKE, with the pattern characters in `text` matched literally. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The contradictions list's parameters (lib/contradictions/schema.ts, listContradictionsSchema)
 * with the same names and meanings, but strict: the list shrugs off a bad value, an export
 * refuses it. Unlike the list, no status means every status; the Export button passes the
 * list's default ("candidate") explicitly.
 */
export const contradictionsFilterSchema = z.object({
  kind: optional(z.enum(CONTRADICTION_KINDS)),
  status: optional(z.enum([...CONTRADICTION_STATUSES, "all"])),
  /** Either claim's source (source slug, as in the claims table). */
  source: slug,
  /** Either claim's speaker (actor id). */
  actor: id,
  /** The list's page number: not a filter. */
  page: z.unknown().optional(),
});

/**
 * The contradictions list's filters as SQL (the list, lib/contradictions/queries.ts, and the
 * export share it). "Either claim is in the source / by the speaker" is two IN (sub-select)s
 * on the pair's claim ids: the planner hashes the source's or speaker's claims once, where
 * joining both claims of every pair cost 200 ms at a million claims (npm run bench).
 */
export function contradictionsFilterSql(filters: z.infer<typeof contradictionsFilterSchema>): SqlFragment {
  const conditions: Prisma.Sql[] = [];
  if (filters.kind) conditions.push(Prisma.sql`x.kind = ${filters.kind}::contradiction_kind`);
  if (filters.status && filters.status !== "all") conditions.push(Prisma.sql`x.status = ${filters.status}::contradiction_status`);
  const eitherClaim = (claims: Prisma.Sql) => Prisma.sql`(x.claim_a_id IN (${claims}) OR x.claim_b_id IN (${claims}))`;
  if (filters.source) conditions.push(eitherClaim(Prisma.sql`SELECT id FROM claims WHERE source_id = (SELECT id FROM sources WHERE slug = ${filters.source})`));
  if (filters.actor) conditions.push(eitherClaim(Prisma.sql`SELECT id FROM claims WHERE speaker_id = ${filters.actor}`));
  return fragment(conditions);
}

export const sourcesFilterSchema = z.object({
  /** Title, publisher or author contains. */
  q: search,
  kind: optional(z.enum(values(SourceKind))),
  reliability: optional(z.enum(values(Reliability))),
});

export function sourcesFilterSql(filters: z.infer<typeof sourcesFilterSchema>): SqlFragment {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(s.title ILIKE ${pattern} OR s.publisher ILIKE ${pattern} OR s.author ILIKE ${pattern})`);
  }
  if (filters.kind) conditions.push(Prisma.sql`s.kind = ${filters.kind}::source_kind`);
  if (filters.reliability) conditions.push(Prisma.sql`s.reliability = ${filters.reliability}::reliability`);
  return fragment(conditions);
}

/** The actors list's parameters (lib/actors/schema.ts). */
export const actorsFilterSchema = actorListSchema;

export function actorsFilterSql(filters: z.infer<typeof actorsFilterSchema>): SqlFragment {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(a.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias WHERE alias ILIKE ${pattern}))`);
  }
  if (filters.kind) conditions.push(Prisma.sql`a.kind = ${filters.kind}::actor_kind`);
  return fragment(conditions);
}

export const topicsFilterSchema = z.object({
  /** Title or description contains. */
  q: search,
});

export function topicsFilterSql(filters: z.infer<typeof topicsFilterSchema>): SqlFragment {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(t.title ILIKE ${pattern} OR t.description ILIKE ${pattern})`);
  }
  return fragment(conditions);
}

/** A date the calendar has: "2025-02-30" parses in JavaScript (as 2 March) but not in Postgres. */
function realDay(text: string | undefined): boolean {
  if (text === undefined) return true;
  const date = new Date(`${text}T00:00:00Z`);
  // An unparseable text already has its own message from the page's schema.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) === text;
}

/** The audit page's filters, with impossible dates refused instead of rolled over. */
export const auditExportFilterSchema = auditFilterSchema.superRefine((filters, context) => {
  for (const key of ["from", "to"] as const) {
    if (!realDay(filters[key])) context.addIssue({ code: "custom", path: [key], message: `${filters[key]} is not a date on the calendar.` });
  }
});

/** The audit page's filters (lib/audit/schema.ts) as SQL; `before` is its page cursor, not a filter. */
export function auditFilterSql(filters: AuditFilters): SqlFragment {
  const conditions: Prisma.Sql[] = [];
  if (filters.user) conditions.push(Prisma.sql`e.user_id = ${filters.user}`);
  if (filters.entity) conditions.push(Prisma.sql`e.entity_type = ${filters.entity}`);
  // Dates are UTC days and the end date is inclusive, as on the page.
  if (filters.from) conditions.push(Prisma.sql`e.created_at >= (${filters.from}::date)::timestamp AT TIME ZONE 'UTC'`);
  if (filters.to) conditions.push(Prisma.sql`e.created_at < (${filters.to}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
  return fragment(conditions);
}
