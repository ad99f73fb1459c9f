// The contradictions list's filters as a zod schema and a SQL fragment over `contradictions x`, shared by the list and its export.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { whereAll } from "@/lib/db/sql";
import { optional, recordId } from "@/lib/validation/zod";
import { CONTRADICTION_KINDS, CONTRADICTION_STATUSES } from "@/lib/contradictions/schema";

/** listContradictionsSchema's parameters, but strict; no status means every status. */
export const contradictionsFilterSchema = z.object({
  kind: optional(z.enum(CONTRADICTION_KINDS)),
  status: optional(z.enum([...CONTRADICTION_STATUSES, "all"])),
  source: optional(z.string().regex(/^[a-z0-9-]{1,120}$/, "Must be a source slug")),
  actor: optional(recordId("Must be an id")),
  /** The list's page number: not a filter. */
  page: z.unknown().optional(),
});

/** A pair with a withdrawn claim is out of every list, as a Prisma filter (contradictionsFilterSql says the same in SQL). */
export const BOTH_CLAIMS_PRESENT = { claimA: { withdrawnAt: null }, claimB: { withdrawnAt: null } } satisfies Prisma.ContradictionWhereInput;

/** Two IN (sub-select)s: joining both claims of every pair is slow at a million claims. */
export function contradictionsFilterSql(filters: z.infer<typeof contradictionsFilterSchema>): Prisma.Sql {
  // A pair with a withdrawn claim is in no list or export (claims_withdrawn_idx holds the few withdrawn ones).
  const conditions: Prisma.Sql[] = [Prisma.sql`NOT EXISTS (SELECT 1 FROM claims w WHERE w.id IN (x.claim_a_id, x.claim_b_id) AND w.withdrawn_at IS NOT NULL)`];
  if (filters.kind) conditions.push(Prisma.sql`x.kind = ${filters.kind}::contradiction_kind`);
  if (filters.status && filters.status !== "all") conditions.push(Prisma.sql`x.status = ${filters.status}::contradiction_status`);
  const eitherClaim = (claims: Prisma.Sql) => Prisma.sql`(x.claim_a_id IN (${claims}) OR x.claim_b_id IN (${claims}))`;
  if (filters.source) conditions.push(eitherClaim(Prisma.sql`SELECT id FROM claims WHERE source_id = (SELECT id FROM sources WHERE slug = ${filters.source})`));
  if (filters.actor) conditions.push(eitherClaim(Prisma.sql`SELECT id FROM claims WHERE speaker_id = ${filters.actor}`));
  return whereAll(conditions);
}
