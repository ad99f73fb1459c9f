// Claim counts across the whole corpus come from claim_tallies, which statement triggers on
// `claims` keep (migration 20261130100000_claim_tallies): counting a million claims took
// 130–190 ms of the dashboard's and the actors list's SQL per view (npm run bench).
import { db, type Db } from "@/lib/db/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";

/** Claims by status, over every claim. */
export async function claimStatusTotals(prisma: Db = db()): Promise<Partial<Record<ClaimStatus, number>>> {
  const rows = await prisma.$queryRaw<{ status: ClaimStatus; count: number }[]>`
    SELECT status::text AS status, sum(delta)::int AS count FROM claim_tallies GROUP BY status HAVING sum(delta) <> 0`;
  return Object.fromEntries(rows.map((row) => [row.status, row.count]));
}

/** Every claim, whatever its status. */
export async function claimTotal(prisma: Db = db()): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT coalesce(sum(delta), 0)::int AS count FROM claim_tallies`;
  return row?.count ?? 0;
}

/** The claims per speaker, as SQL for a WITH clause: speaker_id, claims. */
export const SPEAKER_CLAIM_COUNTS_SQL = `SELECT speaker_id, sum(delta)::int AS claims FROM claim_tallies WHERE speaker_id IS NOT NULL GROUP BY speaker_id`;

/**
 * Folds the tallies into one row per speaker and status. Saves add a row or two each; bulk
 * writes (an import, the seed) add a row per speaker and status per statement. Runs after them.
 */
export async function compactClaimTallies(prisma: Db = db()): Promise<void> {
  await prisma.$executeRaw`SELECT compact_claim_tallies()`;
}
