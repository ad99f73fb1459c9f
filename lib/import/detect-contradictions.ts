// Contradiction detection over an import's claims, inside the import's transaction.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { IngestSummary } from "@/lib/ingest/ingest-document";

/**
 * Runs contradiction detection after an import wrote its claims and returns how many
 * candidate contradictions it stored.
 *
 * TODO(contradictions): lib/contradictions/detect.ts only offers detectContradictions(prisma),
 * which opens its own transaction. Once the body of that transaction is exported as
 * `detectContradictionsIn(tx, options)`, replace the body below with
 *   `return (await detectContradictionsIn(tx, { userId })).created;`
 * so the candidates commit or roll back with the import. Until then imports store none.
 */
export async function detectContradictionsAfterImport(
  _tx: Prisma.TransactionClient,
  _summary: IngestSummary,
  _userId: number | null,
): Promise<number> {
  return 0;
}
