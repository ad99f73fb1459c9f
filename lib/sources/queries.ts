import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { readDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SourceListFilters } from "@/lib/sources/schema";
import { sourceSnapshot } from "@/lib/sources/form";
import { lastSavedBy } from "@/lib/forms/saved-by";
import { claimCountsBySource, claimTotal as countAllClaims } from "@/lib/claims/tallies";
import type { AnchorStatus, Attribution, ClaimStatus, Stance } from "@/lib/generated/prisma/enums";

export const SOURCES_PAGE_SIZE = 50;

/** Counts only the page's own sources' claims: a corpus can hold tens of thousands of sources. */
export async function listSourcesWithCounts(filters: SourceListFilters, prisma: Db = readDb()) {
  const where: Prisma.SourceWhereInput = filters.q
    ? {
        OR: [
          { title: { contains: filters.q, mode: "insensitive" } },
          { publisher: { contains: filters.q, mode: "insensitive" } },
          { author: { contains: filters.q, mode: "insensitive" } },
        ],
      }
    : {};
  const [total, claimTotal, sources] = await Promise.all([
    prisma.source.count({ where }),
    countAllClaims(prisma),
    prisma.source.findMany({
      where,
      orderBy: [{ title: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * SOURCES_PAGE_SIZE,
      take: SOURCES_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        title: true,
        kind: true,
        publisher: true,
        author: true,
        publishedDate: true,
        reliability: true,
        assignee: { select: { name: true, email: true } },
      },
    }),
  ]);
  const counts = await claimCountsBySource(
    sources.map((source) => source.id),
    prisma,
  );
  const rows = sources.map((source) => {
    const byStatus = counts.get(source.id) ?? {};
    return {
      ...source,
      assigneeName: source.assignee ? (source.assignee.name ?? source.assignee.email) : null,
      claimCount: Object.values(byStatus).reduce((sum, count) => sum + (count ?? 0), 0),
      approvedCount: byStatus.approved ?? 0,
      reviewedCount: (byStatus.approved ?? 0) + (byStatus.rejected ?? 0),
    };
  });
  return { rows, total, claimTotal, page: filters.page, pageSize: SOURCES_PAGE_SIZE };
}

interface ReaderClaimRow {
  id: number;
  startOffset: number;
  endOffset: number;
  anchorStatus: AnchorStatus;
  status: ClaimStatus;
  stance: Stance;
  attribution: Attribution;
  citedVia: string | null;
  speakerName: string | null;
  worth: number;
}

/** Raw SQL: a source can hold thousands of claims, too many for Prisma's relation loading (three queries, all columns). */
export async function getSourceWithClaims(slug: string, prisma: Db = readDb()) {
  const source = await prisma.source.findUnique({ where: { slug }, select: { id: true, slug: true, text: true } });
  if (!source) return null;
  const claims = await prisma.$queryRaw<ReaderClaimRow[]>`
    SELECT c.id, c.start_offset AS "startOffset", c.end_offset AS "endOffset", c.anchor_status::text AS "anchorStatus",
      c.status::text AS status, c.stance::text AS stance, c.attribution::text AS attribution, c.cited_via AS "citedVia",
      a.name AS "speakerName", c.check_worthiness::int AS worth
    FROM claims c LEFT JOIN actors a ON a.id = c.speaker_id
    WHERE c.source_id = ${source.id} AND c.withdrawn_at IS NULL
    ORDER BY c.start_offset, c.id`;
  return { ...source, claims };
}

/** Without the text, which the browser fetches on its own. */
export const getReaderSource = cache(async (slug: string) => readDb().source.findUnique({ where: { slug }, omit: { text: true } }));

/** `revision` hashes everything the highlights show; the browser refetches the text only when it changes. */
export async function getReaderSummary(source: { id: number; textSha256: string }, prisma: Db = readDb()) {
  const [groups, orphaned, withdrawn] = await Promise.all([
    prisma.$queryRaw<{ status: ClaimStatus; count: number; digest: string }[]>`
      SELECT c.status::text AS status, count(*)::int AS count,
        md5(string_agg(c.id || ':' || c.version || ':' || c.anchor_status::text || ':' || coalesce(a.id || '/' || a.version, '-'), ',' ORDER BY c.id)) AS digest
      FROM claims c LEFT JOIN actors a ON a.id = c.speaker_id
      WHERE c.source_id = ${source.id} AND c.withdrawn_at IS NULL
      GROUP BY c.status
      ORDER BY c.status`,
    prisma.claim.findMany({
      where: { sourceId: source.id, anchorStatus: "orphaned", withdrawnAt: null },
      orderBy: [{ startOffset: "asc" }, { id: "asc" }],
      select: { id: true, quote: true },
    }),
    // Not highlighted; listed under the text so an editor can open and restore them.
    prisma.claim.findMany({
      where: { sourceId: source.id, withdrawnAt: { not: null } },
      orderBy: [{ startOffset: "asc" }, { id: "asc" }],
      select: { id: true, quote: true },
    }),
  ]);
  const counts: Partial<Record<ClaimStatus, number>> = Object.fromEntries(groups.map((group) => [group.status, group.count]));
  const revision = createHash("sha1")
    .update([source.id, source.textSha256, ...groups.map((group) => `${group.status}=${group.digest}`)].join("|"))
    .digest("hex")
    .slice(0, 16);
  return { counts, orphaned, withdrawn, revision };
}

export async function getSourceDetails(slug: string) {
  const source = await readDb().source.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      version: true,
      title: true,
      kind: true,
      publisher: true,
      author: true,
      publishedDate: true,
      url: true,
      language: true,
      reliability: true,
      notes: true,
      textSha256: true,
      originFile: true,
      createdAt: true,
      updatedAt: true,
      _count: { select: { claims: true } },
    },
  });
  if (!source) return null;
  return { source, snapshot: sourceSnapshot(source, await lastSavedBy(readDb(), "source", source.id)) };
}
