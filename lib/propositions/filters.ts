// The propositions list's filters as a WHERE fragment, shared with the propositions CSV so the export
// holds what the list shows. The query must alias propositions as `p` and proposition_origins as `o`.
import { Prisma } from "@/lib/generated/prisma/client";
import { containing, whereAll } from "@/lib/db/sql";
import type { PropositionFilters } from "@/lib/propositions/schema";

export function propositionFilterSql(filters: PropositionFilters): Prisma.Sql {
  // A proposition whose members were all withdrawn is in no list.
  const conditions: Prisma.Sql[] = [Prisma.sql`o.members > 0`];
  if (filters.status) conditions.push(Prisma.sql`p.status = ${filters.status}::proposition_status`);
  if (filters.singleOrigin) conditions.push(Prisma.sql`o.independent_origins = 1`);
  if (filters.q) conditions.push(Prisma.sql`p.label ILIKE ${containing(filters.q)}`);
  if (filters.topic !== undefined)
    conditions.push(Prisma.sql`EXISTS (
      SELECT 1 FROM proposition_members tm JOIN claims tc ON tc.id = tm.claim_id
      WHERE tm.proposition_id = p.id AND tc.topic_id = ${filters.topic}::int AND tc.withdrawn_at IS NULL)`);
  return whereAll(conditions);
}

/** Claims not in the proposition `p` that a pair not dismissed sets against one of its members. */
export const OPPOSING_COUNT_SQL = `(
  SELECT count(DISTINCT CASE WHEN x.claim_a_id = om.claim_id THEN x.claim_b_id ELSE x.claim_a_id END)::int
  FROM proposition_members om
  JOIN contradictions x ON (x.claim_a_id = om.claim_id OR x.claim_b_id = om.claim_id) AND x.status <> 'dismissed'
  JOIN claims oc ON oc.id = CASE WHEN x.claim_a_id = om.claim_id THEN x.claim_b_id ELSE x.claim_a_id END AND oc.withdrawn_at IS NULL
  WHERE om.proposition_id = p.id
    AND NOT EXISTS (SELECT 1 FROM proposition_members own WHERE own.proposition_id = p.id AND own.claim_id = oc.id)
)`;

/** The claim `c`'s proposition has one independent origin (kept fresh by refreshPropositionOrigins). */
export const SINGLE_ORIGIN_CLAIM_SQL = Prisma.sql`EXISTS (
  SELECT 1 FROM proposition_members sm JOIN proposition_origins so ON so.proposition_id = sm.proposition_id
  WHERE sm.claim_id = c.id AND so.independent_origins = 1)`;
