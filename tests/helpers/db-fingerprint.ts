// A fingerprint of every application table (row count and an md5 of all rows), to prove
// that a refused operation changed nothing.
import type { Db } from "@/lib/db/client";

const TABLES = ["sources", "actors", "topics", "claims", "contradictions", "users", "audit_events", "import_jobs", "bulk_jobs"];

export async function databaseFingerprint(prisma: Db): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await prisma.$queryRawUnsafe<{ count: bigint; digest: string | null }[]>(
      `SELECT count(*) AS count, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
    );
    result[table] = `${row!.count}:${row!.digest}`;
  }
  return result;
}
