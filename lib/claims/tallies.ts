// Corpus-wide claim counts come from claim_tallies, kept by statement triggers on `claims`:
// counting every claim per view was most of the dashboard's SQL (README, npm run bench).
import { db, readDb, type Db } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";

export async function claimStatusTotals(prisma: Db = readDb()): Promise<Partial<Record<ClaimStatus, number>>> {
  const rows = await prisma.$queryRaw<{ status: ClaimStatus; count: number }[]>`
    SELECT status::text AS status, sum(delta)::int AS count FROM claim_tallies GROUP BY status HAVING sum(delta) <> 0`;
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

export async function claimTotal(prisma: Db = readDb()): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT coalesce(sum(delta), 0)::int AS count FROM claim_tallies`;
  return row?.count ?? 0;
}

/** For a WITH clause: speaker_id, claims. */
export const SPEAKER_CLAIM_COUNTS_SQL = `SELECT speaker_id, sum(delta)::int AS claims FROM claim_tallies WHERE speaker_id IS NOT NULL GROUP BY speaker_id`;

/** Bulk writes (an import, the seed) add tally rows per statement: run this after them. */
export async function compactClaimTallies(prisma: Db = db()): Promise<void> {
  await prisma.$executeRaw`SELECT compact_claim_tallies()`;
}

/** An index lookup per source, not a pass over every claim. */
export async function claimCountsBySource(sourceIds: number[], prisma: Db = readDb()): Promise<Map<number, Partial<Record<ClaimStatus, number>>>> {
  const counts = new Map<number, Partial<Record<ClaimStatus, number>>>(sourceIds.map((id) => [id, {}]));
  if (!sourceIds.length) return counts;
  const rows = await prisma.claim.groupBy({ by: ["sourceId", "status"], where: { sourceId: { in: sourceIds }, withdrawnAt: null }, _count: { _all: true } });
  for (const row of rows) counts.get(row.sourceId)![row.status] = row._count._all;
  return counts;
}
