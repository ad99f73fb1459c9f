import "server-only";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { sourceSnapshot } from "@/lib/sources/mutations";
import { lastSavedBy } from "@/lib/forms/saved-by";
import type { AnchorStatus, Attribution, ClaimStatus, Stance } from "@/lib/generated/prisma/enums";

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

interface ReaderClaimRow {
  id: number;
  quote: string;
  startOffset: number;
  endOffset: number;
  anchorStatus: AnchorStatus;
  status: ClaimStatus;
  stance: Stance;
  attribution: Attribution;
  citedVia: string | null;
  speakerId: number | null;
  speakerName: string | null;
}

/**
 * The source and what the reader shows of each claim: one query for the claims with their
 * speakers, only the columns shown. A source can hold thousands of claims; through Prisma's
 * relation loading (three queries and all columns) they took 30 ms of the page's budget.
 */
export const getSourceWithClaims = cache(async (slug: string) => {
  const prisma = db();
  const source = await prisma.source.findUnique({ where: { slug } });
  if (!source) return null;
  const rows = await prisma.$queryRaw<ReaderClaimRow[]>`
    SELECT c.id, c.quote, c.start_offset AS "startOffset", c.end_offset AS "endOffset", c.anchor_status::text AS "anchorStatus",
      c.status::text AS status, c.stance::text AS stance, c.attribution::text AS attribution, c.cited_via AS "citedVia",
      a.id AS "speakerId", a.name AS "speakerName"
    FROM claims c LEFT JOIN actors a ON a.id = c.speaker_id
    WHERE c.source_id = ${source.id}
    ORDER BY c.start_offset, c.id`;
  const claims = rows.map(({ speakerId, speakerName, ...claim }) => ({
    ...claim,
    speaker: speakerId === null ? null : { id: speakerId, name: speakerName ?? "" },
  }));
  return { ...source, claims };
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
