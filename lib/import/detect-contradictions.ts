// Contradiction detection over an import's claims, inside the import's transaction, so the
// candidates commit or roll back with the import. Scoped to the imported source: only pairs
// with one of its claims are proposed or withdrawn, so an import into a corpus of a million
// claims takes seconds, not the quarter of an hour a full run takes (npm run bench).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IngestSummary } from "@/lib/ingest/ingest-document";
import { detectContradictionsIn } from "@/lib/contradictions/detect";

/** Returns how many new candidate contradictions the import produced. */
export async function detectContradictionsAfterImport(
  tx: Prisma.TransactionClient,
  summary: IngestSummary,
  userId: number | null,
): Promise<number> {
  return (await detectContradictionsIn(tx, { userId, sourceId: summary.sourceId })).created;
}
