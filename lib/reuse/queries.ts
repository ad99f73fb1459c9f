import "server-only";
// What the source pages show of reuse: the originals a source repeats and the sources repeating it.
import { cache } from "react";
import { readDb } from "@/lib/db/client";
import type { ReuseStatus } from "@/lib/generated/prisma/enums";
import { readPassages } from "@/lib/reuse/passages";

const EXCERPT_CHARACTERS = 240;

export interface ReuseLine {
  id: number;
  version: number;
  status: ReuseStatus;
  share: number;
  attributed: boolean;
  /** The other source: the original on the repeating page, the repeating source on the original's. */
  other: { slug: string; title: string };
  /** The reused passages as they read in this page's text. */
  excerpts: Array<{ start: number; end: number; text: string }>;
}

function excerpt(text: string, start: number, end: number): string {
  const passage = text.slice(start, end).replace(/\s+/g, " ").trim();
  return passage.length > EXCERPT_CHARACTERS ? `${passage.slice(0, EXCERPT_CHARACTERS - 1)}…` : passage;
}

/** Reuse rows on both sides of a source, dismissed ones included (the page says they were dismissed). */
export const getSourceReuse = cache(async (sourceId: number): Promise<{ repeats: ReuseLine[]; repeatedBy: ReuseLine[] }> => {
  const other = { select: { slug: true, title: true } } as const;
  const [source, repeats, repeatedBy] = await Promise.all([
    readDb().source.findUnique({ where: { id: sourceId }, select: { text: true } }),
    readDb().sourceReuse.findMany({ where: { sourceId }, include: { original: other }, orderBy: [{ share: "desc" }, { id: "asc" }] }),
    readDb().sourceReuse.findMany({ where: { originalId: sourceId }, include: { source: other }, orderBy: [{ share: "desc" }, { id: "asc" }] }),
  ]);
  const text = source?.text ?? "";
  const line = (
    row: (typeof repeats)[number] | (typeof repeatedBy)[number],
    slugTitle: { slug: string; title: string },
    side: "repeating" | "original",
  ): ReuseLine => ({
    id: row.id,
    version: row.version,
    status: row.status,
    share: row.share,
    attributed: row.attributed,
    other: slugTitle,
    excerpts: readPassages(row.passages).map((passage) => {
      const [start, end] = side === "repeating" ? [passage.start, passage.end] : [passage.originalStart, passage.originalEnd];
      return { start, end, text: excerpt(text, start, end) };
    }),
  });
  return {
    repeats: repeats.map((row) => line(row, row.original, "repeating")),
    repeatedBy: repeatedBy.map((row) => line(row, row.source, "original")),
  };
});

/** Of these sources, the ones repeating another (a repost not dismissed), for the sources list's marker. */
export async function repeatingSourceIds(sourceIds: readonly number[]): Promise<Set<number>> {
  if (sourceIds.length === 0) return new Set();
  const rows = await readDb().sourceReuse.findMany({
    where: { sourceId: { in: [...sourceIds] }, status: { not: "dismissed" } },
    select: { sourceId: true },
    distinct: ["sourceId"],
  });
  return new Set(rows.map((row) => row.sourceId));
}
