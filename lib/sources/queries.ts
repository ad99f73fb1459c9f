import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";

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
