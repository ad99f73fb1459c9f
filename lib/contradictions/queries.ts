// Reads for the contradictions pages.
import "server-only";
import { cache } from "react";
import { readDb, type Db } from "@/lib/db/client";
import { BOTH_CLAIMS_PRESENT, contradictionsFilterSql } from "@/lib/contradictions/filters";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Stance } from "@/lib/generated/prisma/enums";
import type { ListContradictionsFilters } from "@/lib/contradictions/schema";
import { paragraphAround } from "@/lib/claims/paragraph";
import { recordId } from "@/lib/validation/zod";

export const PAGE_SIZE = 50;

const claimSummarySelect = {
  id: true,
  quote: true,
  sourceId: true,
  speaker: { select: { id: true, name: true } },
  source: { select: { id: true, slug: true, title: true } },
} satisfies Prisma.ClaimSelect;

/** The list's filters as the export reads them: no status means open candidates here. */
function listFilterSql(filters: ListContradictionsFilters) {
  return contradictionsFilterSql({ kind: filters.kind, status: filters.status ?? "candidate", source: filters.source, actor: filters.actor });
}

/** Best first; the export test compares them with the export's. */
export async function listContradictionIds(filters: ListContradictionsFilters, prisma: Db = readDb()): Promise<number[]> {
  const where = listFilterSql(filters);
  const rows = await prisma.$queryRaw<{ id: number }[]>`SELECT x.id FROM contradictions x WHERE ${where} ORDER BY x.score DESC, x.id`;
  return rows.map((row) => row.id);
}

/** Ids and count come from the export's SQL filter (filters.ts), the rows from Prisma. */
export async function listContradictions(filters: ListContradictionsFilters, prisma: Db = readDb()) {
  const where = listFilterSql(filters);
  const page = filters.page ?? 1;
  const [ids, [{ total }], counts] = await Promise.all([
    prisma.$queryRaw<
      { id: number }[]
    >`SELECT x.id FROM contradictions x WHERE ${where} ORDER BY x.score DESC, x.id LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM contradictions x WHERE ${where}`,
    prisma.contradiction.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const found = await prisma.contradiction.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    select: {
      id: true,
      kind: true,
      status: true,
      score: true,
      detectedBy: true,
      explanation: true,
      preferredClaimId: true,
      assignee: { select: { name: true, email: true } },
      claimA: { select: claimSummarySelect },
      claimB: { select: claimSummarySelect },
    },
  });
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap((row) => byId.get(row.id) ?? []);
  const byStatus = Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Record<string, number>;
  return { rows, total, page, pageSize: PAGE_SIZE, byStatus };
}

const claimDetailSelect = {
  id: true,
  quote: true,
  startOffset: true,
  endOffset: true,
  cue: true,
  attribution: true,
  citedVia: true,
  stance: true,
  sourceStance: true,
  credibility: true,
  status: true,
  anchorStatus: true,
  version: true,
  speaker: { select: { id: true, name: true, kind: true } },
  topic: { select: { id: true, title: true } },
  source: {
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      publisher: true,
      author: true,
      publishedDate: true,
      url: true,
      reliability: true,
      text: true,
    },
  },
} satisfies Prisma.ClaimSelect;

type ClaimDetailRow = Prisma.ClaimGetPayload<{ select: typeof claimDetailSelect }>;

/** The full source text stays on the server. */
function toClaimDetail(claim: ClaimDetailRow) {
  const { text, ...source } = claim.source;
  const anchored = text.slice(claim.startOffset, claim.endOffset) === claim.quote;
  return {
    ...claim,
    source,
    paragraph: anchored ? paragraphAround(text, claim.startOffset, claim.endOffset) : null,
  };
}
export type ClaimDetail = ReturnType<typeof toClaimDetail>;

export const getContradiction = cache(async (id: number) => {
  const row = await readDb().contradiction.findUnique({
    where: { id },
    include: { claimA: { select: claimDetailSelect }, claimB: { select: claimDetailSelect } },
  });
  if (!row) return null;
  const { claimA, claimB, ...pair } = row;
  return { ...pair, claimA: toClaimDetail(claimA), claimB: toClaimDetail(claimB) };
});
export type ContradictionDetail = NonNullable<Awaited<ReturnType<typeof getContradiction>>>;

export const getClaimCluster = cache(async (claimId: number) => {
  const claim = await readDb().claim.findUnique({ where: { id: claimId }, select: claimDetailSelect });
  if (!claim) return null;
  const pairs = await readDb().contradiction.findMany({
    // A pair with a withdrawn claim is in no list, the cluster included.
    where: { OR: [{ claimAId: claimId }, { claimBId: claimId }], ...BOTH_CLAIMS_PRESENT },
    include: { claimA: { select: claimDetailSelect }, claimB: { select: claimDetailSelect } },
  });
  const order = { confirmed: 0, candidate: 1, dismissed: 2 } as const;
  pairs.sort((x, y) => order[x.status] - order[y.status] || y.score - x.score);
  return {
    claim: toClaimDetail(claim),
    others: pairs.map(({ claimA, claimB, ...pair }) => ({
      pair,
      claim: toClaimDetail(claimA.id === claimId ? claimB : claimA),
    })),
  };
});

export interface StanceCounts {
  supports: number;
  opposes: number;
  neutral: number;
  unclear: number;
}

function emptyCounts(): StanceCounts {
  return { supports: 0, opposes: 0, neutral: 0, unclear: 0 };
}

export const getTopicComparison = cache(async (topicId: number) => {
  const topic = await readDb().topic.findUnique({ where: { id: topicId }, select: { id: true, slug: true, title: true, description: true } });
  if (!topic) return null;
  const claims = await readDb().claim.findMany({
    where: { topicId, status: { not: "rejected" }, withdrawnAt: null },
    orderBy: [{ sourceId: "asc" }, { startOffset: "asc" }],
    select: {
      id: true,
      quote: true,
      stance: true,
      credibility: true,
      status: true,
      speaker: { select: { id: true, name: true } },
      source: { select: { id: true, slug: true, title: true, kind: true, reliability: true, publishedDate: true } },
    },
  });
  const bySource = new Map<number, { source: (typeof claims)[number]["source"]; counts: StanceCounts }>();
  const byActor = new Map<string, { actor: { id: number; name: string } | null; counts: StanceCounts }>();
  for (const claim of claims) {
    const sourceEntry = bySource.get(claim.source.id) ?? { source: claim.source, counts: emptyCounts() };
    sourceEntry.counts[claim.stance as Stance] += 1;
    bySource.set(claim.source.id, sourceEntry);
    const actorKey = claim.speaker ? String(claim.speaker.id) : "none";
    const actorEntry = byActor.get(actorKey) ?? { actor: claim.speaker, counts: emptyCounts() };
    actorEntry.counts[claim.stance as Stance] += 1;
    byActor.set(actorKey, actorEntry);
  }
  const totals = emptyCounts();
  for (const claim of claims) totals[claim.stance as Stance] += 1;
  const weight = (counts: StanceCounts) => counts.supports + counts.opposes;
  return {
    topic,
    claims,
    totals,
    sources: [...bySource.values()].sort((x, y) => weight(y.counts) - weight(x.counts) || x.source.title.localeCompare(y.source.title)),
    actors: [...byActor.values()].sort((x, y) => weight(y.counts) - weight(x.counts) || (x.actor?.name ?? "~").localeCompare(y.actor?.name ?? "~")),
  };
});

/** Matches quote, speaker or "#id"; digits no claim id can have are searched as text. */
export async function searchClaims(query: string, excludeId?: number, limit = 10) {
  const idMatch = /^#?(\d+)$/.exec(query.trim());
  const id = idMatch ? recordId("Not a claim id").safeParse(idMatch[1]) : undefined;
  const where: Prisma.ClaimWhereInput = id?.success
    ? { id: id.data }
    : {
        OR: [{ quote: { contains: query, mode: "insensitive" } }, { speaker: { name: { contains: query, mode: "insensitive" } } }],
      };
  return readDb().claim.findMany({
    where: { AND: [where, { withdrawnAt: null }, ...(excludeId ? [{ id: { not: excludeId } }] : [])] },
    orderBy: { id: "asc" },
    take: limit,
    select: claimSummarySelect,
  });
}
