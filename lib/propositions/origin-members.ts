// Reads what `traceOrigins` needs about claims: their source and its reliability and date, their speaker
// and the speaker's reliability, their cited-via, and — through reuse detection (lib/reuse) — the source
// a claim's passage was copied from, when it lies in a passage another source holds first.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Reliability } from "@/lib/generated/prisma/enums";
import type { OriginMember } from "@/lib/propositions/origins";
import { reuseOf, type ReusePassage } from "@/lib/reuse/origins";

type Tx = Prisma.TransactionClient;

interface Row {
  claimId: number;
  quote: string;
  startOffset: number;
  endOffset: number;
  citedVia: string | null;
  sourceId: number;
  sourceTitle: string;
  sourceReliability: Reliability;
  publishedDate: string | null;
  speakerId: number | null;
  speakerName: string | null;
  speakerReliability: Reliability | null;
}

export async function originMembersOf(tx: Tx, claimIds: number[]): Promise<OriginMember[]> {
  if (!claimIds.length) return [];
  const rows = await tx.$queryRaw<Row[]>`
    SELECT c.id AS "claimId", c.quote, c.start_offset AS "startOffset", c.end_offset AS "endOffset", c.cited_via AS "citedVia",
      s.id AS "sourceId", s.title AS "sourceTitle", s.reliability::text AS "sourceReliability", s.published_date AS "publishedDate",
      a.id AS "speakerId", a.name AS "speakerName", a.reliability::text AS "speakerReliability"
    FROM claims c JOIN sources s ON s.id = c.source_id LEFT JOIN actors a ON a.id = c.speaker_id
    WHERE c.id = ANY(${claimIds}::int[])
    ORDER BY c.id`;
  const reuse = await reuseOf(tx, [...new Set(rows.map((row) => row.sourceId))]);
  const originals = new Map(
    (
      await tx.source.findMany({
        where: { id: { in: [...new Set([...reuse.values()].flatMap((list) => list.map((item) => item.originalId)))] } },
        select: { id: true, title: true, reliability: true },
      })
    ).map((source) => [source.id, source]),
  );
  return rows.map((row) => {
    const copied = (reuse.get(row.sourceId) ?? []).find((original) => mostlyCopied(original.passages, row.startOffset, row.endOffset));
    const original = copied ? originals.get(copied.originalId) : undefined;
    return {
      claimId: row.claimId,
      quote: row.quote,
      sourceId: row.sourceId,
      sourceTitle: row.sourceTitle,
      sourceReliability: row.sourceReliability,
      publishedDate: row.publishedDate,
      speaker: row.speakerId === null ? null : { id: row.speakerId, name: row.speakerName ?? "", reliability: row.speakerReliability ?? "F" },
      citedVia: row.citedVia,
      copiedFrom: copied && original ? { sourceId: original.id, sourceTitle: original.title, reliability: original.reliability, share: copied.share } : null,
    };
  });
}

/** Passage edges fall on shingle boundaries, a few words off the sentence's: most of the claim inside one passage is a copy. */
function mostlyCopied(passages: readonly ReusePassage[], start: number, end: number): boolean {
  const length = Math.max(1, end - start);
  return passages.some((passage) => (Math.min(end, passage.end) - Math.max(start, passage.start)) / length >= 0.6);
}
