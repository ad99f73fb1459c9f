// Reads for bulk on everything that matches. Not server-only: the job worker (scripts/serve.ts) reads them too.
import { readDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimFilterSql } from "@/lib/claims/filters";
import type { ClaimFilters } from "@/lib/claims/schema";
import { prepareClaimFilters } from "@/lib/propositions/origin-counts";

/**
 * The exact number of claims the filters match (the claims table stops counting at COUNT_CAP): what
 * the editor confirms, and what a job is checked against before it is queued.
 */
export async function countMatching(filters: ClaimFilters, prisma: Db | Prisma.TransactionClient = readDb()): Promise<number> {
  await prepareClaimFilters(prisma, filters);
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM claims c WHERE ${claimFilterSql(filters)}`;
  return row?.count ?? 0;
}
