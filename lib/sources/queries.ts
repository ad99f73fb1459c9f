import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { sourceSnapshot } from "@/lib/sources/mutations";
import { lastSavedBy } from "@/lib/forms/saved-by";

export async function listSourcesWithCounts() {
  const sources = await db().source.findMany({
    orderBy: { title: "asc" },
    select: {
      id: true, slug: true, title: true, kind: true, publisher: true, author: true, publishedDate: true,
      reliability: true, _count: { select: { claims: true } },
    },
  });
  const byStatus = await db().claim.groupBy({ by: ["sourceId", "status"], _count: { _all: true } });
  return sources.map((source) => ({
    ...source,
    claimCount: source._count.claims,
    approvedCount: byStatus.find((row) => row.sourceId === source.id && row.status === "approved")?._count._all ?? 0,
    /** Decided claims: approved or rejected. */
    reviewedCount: byStatus
      .filter((row) => row.sourceId === source.id && (row.status === "approved" || row.status === "rejected"))
      .reduce((sum, row) => sum + row._count._all, 0),
  }));
}

export const getSourceWithClaims = cache(async (slug: string) => {
  return db().source.findUnique({
    where: { slug },
    include: {
      claims: {
        orderBy: { startOffset: "asc" },
        include: { speaker: { select: { id: true, name: true } }, topic: { select: { id: true, title: true } } },
      },
    },
  });
});

/** Metadata, the editor's form snapshot and claim counts, for /sources/<slug>/details. */
export async function getSourceDetails(slug: string) {
  const source = await db().source.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, version: true, title: true, kind: true, publisher: true, author: true, publishedDate: true, url: true,
      language: true, reliability: true, notes: true, textSha256: true, originFile: true, createdAt: true, updatedAt: true,
      _count: { select: { claims: true } },
    },
  });
  if (!source) return null;
  return { source, snapshot: sourceSnapshot(source, await lastSavedBy(db(), "source", source.id)) };
}
