// Claims-table filters as a WHERE fragment, shared with the review queue and the CSV export so the
// export holds exactly what the table shows. The query must alias claims as `c`.
import { Prisma } from "@/lib/generated/prisma/client";
import { containing, whereAll } from "@/lib/db/sql";
import { CLAIM_FILTER_KEYS, type ClaimFilters } from "@/lib/claims/schema";
import { SINGLE_ORIGIN_CLAIM_SQL } from "@/lib/propositions/filters";

export const SEARCH_CONFIG = "english";

export function searchTsquery(q: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery(${Prisma.raw(`'${SEARCH_CONFIG}'`)}, ${q})`;
}

/** Constants, never input. */
const BROAD_COLUMNS = {
  stance: "stance",
  source_stance: "source_stance",
  attribution: "attribution",
  credibility: "int",
  status: "claim_status",
  origin: "claim_origin",
} as const;

export function claimFilterSql(filters: ClaimFilters): Prisma.Sql {
  // Withdrawn claims are in no list, queue or export; their pages and history remain.
  const conditions: Prisma.Sql[] = [Prisma.sql`c.withdrawn_at IS NULL`];

  if (filters.q) {
    // Uses the GIN index on the generated search_vector column (see the init migration).
    conditions.push(Prisma.sql`c.search_vector @@ ${searchTsquery(filters.q)}`);
  }
  // By id rather than through the join, so that counting needs no join and the planner
  // reads the claims(source_id, start_offset) index directly.
  if (filters.source) conditions.push(Prisma.sql`c.source_id = (SELECT id FROM sources WHERE slug = ${filters.source})`);
  if (filters.speaker === "none") conditions.push(Prisma.sql`c.speaker_id IS NULL`);
  else if (filters.speaker !== undefined) conditions.push(Prisma.sql`c.speaker_id = ${filters.speaker}`);
  if (filters.topic === "none") conditions.push(Prisma.sql`c.topic_id IS NULL`);
  else if (filters.topic !== undefined) conditions.push(Prisma.sql`c.topic_id = ${filters.topic}`);
  // Under a search these broad filters are compared as text so no index serves them; otherwise the
  // planner ANDs the search's bitmap with one of, say, every approved claim (README, npm run bench).
  const broad = (column: keyof typeof BROAD_COLUMNS, value: string | number) => {
    const name = Prisma.raw(`c.${column}`);
    return filters.q ? Prisma.sql`${name}::text = ${String(value)}` : Prisma.sql`${name} = ${value}::${Prisma.raw(BROAD_COLUMNS[column])}`;
  };
  if (filters.stance) conditions.push(broad("stance", filters.stance));
  if (filters.sourceStance) conditions.push(broad("source_stance", filters.sourceStance));
  if (filters.attribution) conditions.push(broad("attribution", filters.attribution));
  if (filters.credibility !== undefined) conditions.push(broad("credibility", filters.credibility));
  if (filters.status) conditions.push(broad("status", filters.status));
  if (filters.origin) conditions.push(broad("origin", filters.origin));
  if (filters.citedVia) conditions.push(Prisma.sql`c.cited_via ILIKE ${containing(filters.citedVia)}`);
  if (filters.assignee !== undefined) conditions.push(assigneeCondition(filters.assignee));
  if (filters.proposition !== undefined)
    conditions.push(Prisma.sql`c.id IN (SELECT claim_id FROM proposition_members WHERE proposition_id = ${filters.proposition}::int)`);
  // The counts are traceOrigins' (TypeScript), kept in proposition_origins: callers refresh it first (prepareClaimFilters).
  if (filters.singleOrigin) conditions.push(SINGLE_ORIGIN_CLAIM_SQL);
  return whereAll(conditions);
}

/** A claim without an assignee of its own is its source's assignee's: both read by index (claims_assignee_id_id_idx, sources_assignee_id_idx). */
export function assigneeCondition(assignee: number | "none"): Prisma.Sql {
  if (assignee === "none") {
    return Prisma.sql`(c.assignee_id IS NULL AND c.source_id NOT IN (SELECT id FROM sources WHERE assignee_id IS NOT NULL))`;
  }
  return Prisma.sql`(c.assignee_id = ${assignee}::int OR (c.assignee_id IS NULL AND c.source_id IN (SELECT id FROM sources WHERE assignee_id = ${assignee}::int)))`;
}

/** The effective assignee of the claim aliased `c`, given its source aliased `s`. */
export const EFFECTIVE_ASSIGNEE = Prisma.raw("coalesce(c.assignee_id, s.assignee_id)");

/** Sort order and page cursors are not filters. */
export function hasClaimFilters(filters: Partial<ClaimFilters>): boolean {
  return CLAIM_FILTER_KEYS.some((key) => filters[key] !== undefined && filters[key] !== "");
}
