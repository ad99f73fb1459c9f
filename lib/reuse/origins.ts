// Reuse for the origins code (issue 21: a claim in a repost traces back to the claim of the original).
//
//   reuseOf(tx, sourceIds) → Map<sourceId, SourceOriginal[]>
//     For each source asked about, the originals it repeats (rows not dismissed: proposed or
//     confirmed), largest share first: { reuseId, originalId, share (0–1 of the repeating
//     document's words), attributed (the repeating text names the original), status, passages }.
//     A source repeating nothing maps to []. One query, whatever the number of sources.
//
//   originalSpan(reuse, start, end, texts?) → { start, end } | null
//     Maps characters [start, end) of the repeating document (claims' offsets: JavaScript string
//     indices, end exclusive) into the original when they lie inside one reused passage; null when
//     they do not (the repost's own words). With both texts, an exact copy is located.
//
// Rows are written by detection (detect.ts: import job, seed, `npm run reuse`) and decided by editors
// (mutations.ts); passages are {start, end, originalStart, originalEnd}.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReuseStatus } from "@/lib/generated/prisma/enums";
import { readPassages } from "@/lib/reuse/passages";
import type { ReusePassage } from "@/lib/reuse/shingles";

export { originalSpan } from "@/lib/reuse/compare";
export type { ReusePassage } from "@/lib/reuse/shingles";

export interface SourceOriginal {
  reuseId: number;
  originalId: number;
  share: number;
  attributed: boolean;
  status: Exclude<ReuseStatus, "dismissed">;
  passages: ReusePassage[];
}

type Reader = Pick<Prisma.TransactionClient, "sourceReuse">;

export async function reuseOf(tx: Reader, sourceIds: readonly number[]): Promise<Map<number, SourceOriginal[]>> {
  const result = new Map<number, SourceOriginal[]>(sourceIds.map((id) => [id, []]));
  if (sourceIds.length === 0) return result;
  const rows = await tx.sourceReuse.findMany({
    where: { sourceId: { in: [...new Set(sourceIds)] }, status: { not: "dismissed" } },
    orderBy: [{ share: "desc" }, { id: "asc" }],
  });
  for (const row of rows) {
    result.get(row.sourceId)!.push({
      reuseId: row.id,
      originalId: row.originalId,
      share: row.share,
      attributed: row.attributed,
      status: row.status as SourceOriginal["status"],
      passages: readPassages(row.passages),
    });
  }
  return result;
}
