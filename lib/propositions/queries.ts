// Reads for the proposition pages (issue 21, item 4): the list, one proposition with its supporting and
// opposing claims, origins and timeline, each claim's provenance chain, and the tallies the dashboard shows.
import "server-only";
import { readDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ContradictionKind, ContradictionStatus } from "@/lib/generated/prisma/enums";
import { NotFoundError } from "@/lib/errors";
import { publishedDateStart } from "@/lib/text/published-date";
import { traceOrigins, type MemberOrigin, type OriginSummary } from "@/lib/propositions/origins";
import { mainOrigin, refreshPropositionOrigins, toOriginMembers } from "@/lib/propositions/origin-counts";

// copiedFromOf (reposts, from lib/reuse) lives beside the counts, which the export command reads too.
export { copiedFromOf, refreshPropositionOrigins } from "@/lib/propositions/origin-counts";
import { OPPOSING_COUNT_SQL, propositionFilterSql } from "@/lib/propositions/filters";
import type { PropositionListParams } from "@/lib/propositions/schema";

type Reader = Db | Prisma.TransactionClient;

export const PAGE_SIZE = 50;

export interface PropositionListRow {
  id: number;
  label: string;
  status: "proposed" | "confirmed";
  members: number;
  sources: number;
  independentOrigins: number;
  circular: boolean;
  mainOrigin: string | null;
  opposing: number;
}

/** Oldest first, a page at a time after the id the last page ended on. */
export async function listPropositions(
  params: PropositionListParams,
  options: { pageSize?: number; prisma?: Db } = {},
): Promise<{ rows: PropositionListRow[]; next: number | null; total: number }> {
  const prisma = options.prisma ?? readDb();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  await refreshPropositionOrigins(prisma);
  const where = propositionFilterSql(params);
  const after = params.after === undefined ? Prisma.empty : Prisma.sql`AND p.id > ${params.after}::int`;
  const [rows, [counted]] = await Promise.all([
    prisma.$queryRaw<PropositionListRow[]>`
      SELECT p.id, p.label, p.status::text AS status, o.members, o.sources, o.independent_origins AS "independentOrigins", o.circular,
        o.main_origin AS "mainOrigin", ${Prisma.raw(OPPOSING_COUNT_SQL)} AS opposing
      FROM propositions p JOIN proposition_origins o ON o.proposition_id = p.id
      WHERE ${where} ${after}
      ORDER BY p.id LIMIT ${pageSize + 1}`,
    prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM propositions p JOIN proposition_origins o ON o.proposition_id = p.id WHERE ${where}`,
  ]);
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  return { rows: page, next: more ? page[page.length - 1]!.id : null, total: counted?.total ?? 0 };
}

/** "#12" or words of a label: the merge picker's candidates, this proposition left out. */
export async function searchPropositions(query: string, excludeId: number, prisma: Db = readDb(), limit = 10) {
  const id = /^#?(\d{1,9})$/.exec(query.trim());
  return prisma.proposition.findMany({
    where: id ? { id: Number(id[1]) === excludeId ? -1 : Number(id[1]) } : { id: { not: excludeId }, label: { contains: query, mode: "insensitive" } },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, label: true, version: true, status: true, _count: { select: { members: true } } },
  });
}

const detailClaimSelect = {
  id: true,
  quote: true,
  sourceId: true,
  citedVia: true,
  cue: true,
  stance: true,
  status: true,
  credibility: true,
  topic: { select: { id: true, title: true } },
  source: { select: { id: true, slug: true, title: true, kind: true, publisher: true, reliability: true, publishedDate: true } },
  speaker: { select: { id: true, name: true, reliability: true } },
} satisfies Prisma.ClaimSelect;

type DetailClaim = Prisma.ClaimGetPayload<{ select: typeof detailClaimSelect }>;

/** The reader opened at the claim, highlighted. */
export function readerHref(claim: { id: number; source: { slug: string } }): string {
  return `/sources/${claim.source.slug}?claim=${claim.id}`;
}

export interface TimelineEntry {
  sourceId: number;
  sourceTitle: string;
  sourceSlug: string;
  publishedDate: string | null;
  /** The first of this source's member claims, linked into the reader. */
  claimId: number;
  dated: boolean;
}

/** Each source's first appearance, earliest publication first; sources without a readable date last. */
export function firstAppearances(members: readonly DetailClaim[]): TimelineEntry[] {
  const bySource = new Map<number, TimelineEntry & { order: number }>();
  for (const claim of members) {
    if (bySource.has(claim.source.id)) continue;
    const order = publishedDateStart(claim.source.publishedDate);
    bySource.set(claim.source.id, {
      sourceId: claim.source.id,
      sourceTitle: claim.source.title,
      sourceSlug: claim.source.slug,
      publishedDate: claim.source.publishedDate,
      claimId: claim.id,
      dated: order !== undefined,
      order: order ?? Number.POSITIVE_INFINITY,
    });
  }
  return [...bySource.values()].sort((x, y) => x.order - y.order || x.sourceTitle.localeCompare(y.sourceTitle)).map(({ order: _order, ...entry }) => entry);
}

async function traceClaims(prisma: Reader, claims: DetailClaim[]): Promise<OriginSummary> {
  return traceOrigins(await toOriginMembers(prisma, claims));
}

export interface OpposingClaim {
  claim: DetailClaim;
  contradictions: { id: number; kind: ContradictionKind; status: ContradictionStatus }[];
}

export interface OpposingGroup {
  /** The proposition the opposing claims state, when they are in one. */
  proposition: { id: number; label: string; status: string } | null;
  claims: OpposingClaim[];
}

export async function getPropositionOrThrow(id: number, prisma: Db = readDb()) {
  const proposition = await prisma.proposition.findUnique({
    where: { id },
    select: {
      id: true,
      label: true,
      status: true,
      version: true,
      decidedAt: true,
      decidedBy: { select: { name: true, email: true } },
      members: {
        where: { claim: { withdrawnAt: null } },
        orderBy: { claimId: "asc" },
        select: { placement: true, reason: true, placedBy: { select: { name: true, email: true } }, claim: { select: detailClaimSelect } },
      },
    },
  });
  if (!proposition) throw new NotFoundError("That proposition does not exist: it may have been merged into another.");
  const memberClaims = proposition.members.map((member) => member.claim);
  const memberIds = memberClaims.map((claim) => claim.id);
  const summary = await traceClaims(prisma, memberClaims);
  const chains = new Map(summary.members.map((origin) => [origin.claimId, origin]));

  const pairs = await prisma.contradiction.findMany({
    where: {
      status: { not: "dismissed" },
      OR: [
        { claimAId: { in: memberIds }, claimBId: { notIn: memberIds } },
        { claimBId: { in: memberIds }, claimAId: { notIn: memberIds } },
      ],
    },
    orderBy: { id: "asc" },
    select: { id: true, kind: true, status: true, claimAId: true, claimBId: true },
  });
  const members = new Set(memberIds);
  const opposingIds = [...new Set(pairs.map((pair) => (members.has(pair.claimAId) ? pair.claimBId : pair.claimAId)))];
  const opposingClaims = await prisma.claim.findMany({
    where: { id: { in: opposingIds }, withdrawnAt: null },
    orderBy: { id: "asc" },
    select: { ...detailClaimSelect, proposition: { select: { proposition: { select: { id: true, label: true, status: true } } } } },
  });
  const groups = new Map<string, OpposingGroup>();
  for (const { proposition: placed, ...claim } of opposingClaims) {
    const key = placed ? `p${placed.proposition.id}` : `c${claim.id}`;
    const group = groups.get(key) ?? { proposition: placed?.proposition ?? null, claims: [] };
    group.claims.push({
      claim,
      contradictions: pairs
        .filter((pair) => pair.claimAId === claim.id || pair.claimBId === claim.id)
        .map((pair) => ({ id: pair.id, kind: pair.kind, status: pair.status })),
    });
    groups.set(key, group);
  }
  // Opposing propositions first (largest first), then lone claims.
  const opposing = [...groups.values()].sort((x, y) => Number(!x.proposition) - Number(!y.proposition) || y.claims.length - x.claims.length);

  return {
    id: proposition.id,
    label: proposition.label,
    status: proposition.status,
    version: proposition.version,
    decidedAt: proposition.decidedAt,
    decidedBy: proposition.decidedBy,
    members: proposition.members.map((member) => ({
      placement: member.placement,
      reason: member.reason,
      placedBy: member.placedBy,
      claim: member.claim,
      origin: chains.get(member.claim.id)!,
    })),
    origins: { ...summary, mainOrigin: mainOrigin(summary) },
    opposing,
    opposingCount: opposingClaims.length,
    timeline: firstAppearances(memberClaims),
  };
}
export type PropositionDetail = Awaited<ReturnType<typeof getPropositionOrThrow>>;

export interface ClaimChain {
  claimId: number;
  proposition: { id: number; label: string; status: string } | null;
  origin: MemberOrigin;
}

/**
 * Each claim's provenance chain and weakest hop. A claim in a proposition is traced with its fellow members
 * (a repost relays through the member it copied); one in none, alone.
 */
export async function claimChains(claimIds: readonly number[], prisma: Db = readDb()): Promise<Map<number, ClaimChain>> {
  const claims = await prisma.claim.findMany({
    where: { id: { in: [...claimIds] } },
    select: { ...detailClaimSelect, proposition: { select: { proposition: { select: { id: true, label: true, status: true } } } } },
  });
  const propositionIds = [...new Set(claims.flatMap((claim) => (claim.proposition ? [claim.proposition.proposition.id] : [])))];
  const fellows = propositionIds.length
    ? await prisma.propositionMember.findMany({
        where: { propositionId: { in: propositionIds }, claim: { withdrawnAt: null } },
        orderBy: { claimId: "asc" },
        select: { propositionId: true, claim: { select: detailClaimSelect } },
      })
    : [];
  const result = new Map<number, ClaimChain>();
  for (const { proposition: placed, ...claim } of claims) {
    const group = placed ? fellows.filter((row) => row.propositionId === placed.proposition.id).map((row) => row.claim) : [];
    const traced = await traceClaims(prisma, group.some((member) => member.id === claim.id) ? group : [claim]);
    const origin = traced.members.find((member) => member.claimId === claim.id)!;
    result.set(claim.id, { claimId: claim.id, proposition: placed?.proposition ?? null, origin });
  }
  return result;
}

/** The claims' propositions, for lists that show a claim's proposition beside it. */
export async function propositionsOfClaims(claimIds: readonly number[], prisma: Db = readDb()): Promise<Map<number, { id: number; label: string }>> {
  if (!claimIds.length) return new Map();
  const rows = await prisma.propositionMember.findMany({
    where: { claimId: { in: [...claimIds] } },
    select: { claimId: true, proposition: { select: { id: true, label: true } } },
  });
  return new Map(rows.map((row) => [row.claimId, row.proposition]));
}

export interface PropositionTallies {
  total: number;
  confirmed: number;
  singleOrigin: number;
  circular: number;
}

export async function propositionTallies(prisma: Db = readDb()): Promise<PropositionTallies> {
  await refreshPropositionOrigins(prisma);
  const [row] = await prisma.$queryRaw<PropositionTallies[]>`
    SELECT count(*)::int AS total,
      (count(*) FILTER (WHERE p.status = 'confirmed'))::int AS confirmed,
      (count(*) FILTER (WHERE o.independent_origins = 1))::int AS "singleOrigin",
      (count(*) FILTER (WHERE o.circular))::int AS circular
    FROM propositions p JOIN proposition_origins o ON o.proposition_id = p.id WHERE o.members > 0`;
  return row ?? { total: 0, confirmed: 0, singleOrigin: 0, circular: 0 };
}
