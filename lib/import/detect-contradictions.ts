// Contradiction detection over an import's claims, inside the import's transaction, so the
// candidates commit or roll back with the import.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IngestSummary } from "@/lib/ingest/ingest-document";
import { detectContradictionsIn } from "@/lib/contradictions/detect";

/** Returns how many new candidate contradictions the import produced. */
export async function detectContradictionsAfterImport(
  tx: Prisma.TransactionClient,
  _summary: IngestSummary,
  userId: number | null,
): Promise<number> {
  return (await detectContradictionsIn(tx, { userId })).created;
}
