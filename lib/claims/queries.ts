// Claim reads: the claims table (filters, full-text search with highlighted matches,
// keyset pagination), the review queue, the editor and the dashboard.
import "server-only";
import { cache } from "react";
import { readDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Attribution, ClaimStatus, SourceStance, Stance } from "@/lib/generated/prisma/enums";
import { EFFECTIVE_ASSIGNEE, SEARCH_CONFIG, assigneeCondition, claimFilterSql, searchTsquery } from "@/lib/claims/filters";
import { claimSortKeys, sortParts, type ClaimBaseSort, type ClaimFilters, type ClaimSort, type ClaimTableParams } from "@/lib/claims/schema";
import { claimSnapshot } from "@/lib/claims/form";
import { lastSavedBy } from "@/lib/forms/saved-by";
import { paragraphAround } from "@/lib/claims/paragraph";
import { claimCountsBySource, claimStatusTotals } from "@/lib/claims/tallies";
import { decodeCursor, encodeCursor, splitHeadline, type HeadlinePart } from "@/lib/claims/keyset";
import { BOTH_CLAIMS_PRESENT } from "@/lib/contradictions/filters";
import { prepareClaimFilters } from "@/lib/propositions/origin-counts";

export { claimFilterSql } from "@/lib/claims/filters";

export const PAGE_SIZE = 50;

/** An exact count of a broad filter costs more than the page itself; past this the table says "more than". */
export const COUNT_CAP = 1_000;

async function cappedCount(prisma: Db, where: Prisma.Sql): Promise<{ total: number; capped: boolean }> {
  const [row] = await prisma.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM (SELECT 1 FROM claims c WHERE ${where} LIMIT ${COUNT_CAP + 1}) matching`;
  const total = row?.total ?? 0;
  return { total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
}

interface SortSpec {
  /** SQL expressions of the keyset, last one always the id: constants, never input. Their types are claimSortKeys'. */
  keys: string[];
  descending: boolean;
}

const SORTS: Record<ClaimBaseSort, SortSpec> = {
  source: { keys: ["c.source_id", "c.start_offset", "c.id"], descending: false },
  newest: { keys: ["c.id"], descending: true },
  oldest: { keys: ["c.id"], descending: false },
  credibility: { keys: ["c.credibility", "c.id"], descending: false },
  // Most check-worthy first; keys ascend so the keyset walks claims_check_worthiness_queue_idx.
  worth: { keys: ["(100 - c.check_worthiness)", "c.source_id", "c.start_offset", "c.id"], descending: false },
  updated: { keys: ["c.updated_at", "c.id"], descending: true },
  // Unreviewed, in review, approved, rejected: the enum's order, as an int the cursor can carry.
  status: { keys: ["array_position(enum_range(NULL::claim_status), c.status)", "c.id"], descending: false },
};

/** A header's reversed sort runs every key, the id included, the other way. */
function sortSpec(sort: ClaimSort): SortSpec {
  const { base, reversed } = sortParts(sort);
  const spec = SORTS[base];
  return reversed ? { ...spec, descending: !spec.descending } : spec;
}

export interface ClaimRow {
  id: number;
  quote: string;
  /** The quote split into matched and unmatched parts when a search is active. */
  headline: HeadlinePart[] | null;
  sourceId: number;
  sourceSlug: string;
  sourceTitle: string;
  startOffset: number;
  speakerId: number | null;
  speakerName: string | null;
  attribution: Attribution;
  citedVia: string | null;
  stance: Stance;
  sourceStance: SourceStance;
  credibility: number;
  checkWorthiness: number;
  topicId: number | null;
  topicTitle: string | null;
  status: ClaimStatus;
  origin: string;
  anchorStatus: string;
  version: number;
  updatedAt: Date;
  /** The claim's own assignee, else its source's (lib/assignments). */
  assigneeId: number | null;
  assigneeName: string | null;
  assignedViaSource: boolean;
  /** The proposition the claim is in (lib/propositions), if any. */
  propositionId: number | null;
  propositionLabel: string | null;
}

interface RawClaimRow extends Omit<ClaimRow, "headline"> {
  headline: string | null;
  cursorKeys: unknown[];
}

export interface ClaimPage {
  rows: ClaimRow[];
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  prevCursor: string | null;
  elapsedMs: number;
}

const ROW_COLUMNS = Prisma.raw(`c.id, c.quote, c.source_id AS "sourceId", s.slug AS "sourceSlug", s.title AS "sourceTitle",
  c.start_offset AS "startOffset", c.speaker_id AS "speakerId", a.name AS "speakerName", c.attribution::text AS attribution,
  c.cited_via AS "citedVia", c.stance::text AS stance, c.source_stance::text AS "sourceStance", c.credibility::int AS credibility,
  c.check_worthiness::int AS "checkWorthiness", c.topic_id AS "topicId", t.title AS "topicTitle", c.status::text AS status, c.origin::text AS origin,
  c.anchor_status::text AS "anchorStatus", c.version, c.updated_at AS "updatedAt",
  assignee.id AS "assigneeId", coalesce(assignee.name, assignee.email) AS "assigneeName", (c.assignee_id IS NULL AND s.assignee_id IS NOT NULL) AS "assignedViaSource",
  prop.id AS "propositionId", prop.label AS "propositionLabel"`);

const JOINS = Prisma.raw(`JOIN sources s ON s.id = c.source_id
  LEFT JOIN actors a ON a.id = c.speaker_id
  LEFT JOIN topics t ON t.id = c.topic_id`);

/** Highlights ride in control characters so no HTML is ever built from data. */
const HEADLINE_OPTIONS = "HighlightAll=true, StartSel=\u0001, StopSel=\u0002";

/** Keyset pagination: cost does not grow with depth. */
export async function listClaims(params: ClaimTableParams, options: { pageSize?: number; prisma?: Db } = {}): Promise<ClaimPage> {
  const started = performance.now();
  const prisma = options.prisma ?? readDb();
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const sort = sortSpec(params.sort);
  await prepareClaimFilters(prisma, params);
  const where = claimFilterSql(params);

  const conditions = [where];
  const backwards = !params.after && !!params.before;
  const casts = claimSortKeys(params.sort);
  const cursor = decodeCursor(params.after ?? params.before, casts);
  if (cursor) {
    const forwardOp = sort.descending ? "<" : ">";
    const op = backwards ? (forwardOp === ">" ? "<" : ">") : forwardOp;
    const position = Prisma.join(
      cursor.map((value, i) => Prisma.sql`${value}::${Prisma.raw(casts[i]!)}`),
      ", ",
    );
    conditions.push(Prisma.sql`(${Prisma.raw(sort.keys.join(", "))}) ${Prisma.raw(op)} (${position})`);
  }
  const ascending = sort.descending === backwards;
  const orderBy = Prisma.raw(sort.keys.map((key) => `${key} ${ascending ? "ASC" : "DESC"}`).join(", "));
  const headline = params.q
    ? Prisma.sql`ts_headline(${Prisma.raw(`'${SEARCH_CONFIG}'`)}, c.quote, ${searchTsquery(params.q)}, ${HEADLINE_OPTIONS})`
    : Prisma.sql`NULL`;
  const keyColumns = sort.keys.map((key) => (key === "c.updated_at" ? `to_char(${key} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : key));
  // The page of claims is chosen from claims alone (the filters name no other table), then
  // joined: otherwise the planner may walk sources in id order to merge-join them.
  const pageRows = Prisma.sql`(SELECT c.* FROM claims c WHERE ${Prisma.join(conditions, " AND ")} ORDER BY ${orderBy} LIMIT ${pageSize + 1}) c`;
  const sql = Prisma.sql`SELECT ${ROW_COLUMNS}, ${headline} AS headline, json_build_array(${Prisma.raw(keyColumns.join(", "))}) AS "cursorKeys"
    FROM ${pageRows} ${JOINS} LEFT JOIN users assignee ON assignee.id = ${EFFECTIVE_ASSIGNEE}
      LEFT JOIN proposition_members pm ON pm.claim_id = c.id LEFT JOIN propositions prop ON prop.id = pm.proposition_id
    ORDER BY ${orderBy}`;

  const [raw, counted] = await Promise.all([prisma.$queryRaw<RawClaimRow[]>(sql), cappedCount(prisma, where)]);
  const extra = raw.length > pageSize;
  const page = raw.slice(0, pageSize);
  if (backwards) page.reverse();
  const rows = page.map(({ cursorKeys: _keys, headline: text, ...row }) => ({ ...row, headline: text === null ? null : splitHeadline(text) }));
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = backwards ? true : extra;
  const hasPrev = backwards ? extra : !!cursor;
  return {
    rows,
    total: counted.total,
    totalCapped: counted.capped,
    nextCursor: hasNext && last ? encodeCursor(last.cursorKeys) : null,
    prevCursor: hasPrev && first ? encodeCursor(first.cursorKeys) : null,
    elapsedMs: performance.now() - started,
  };
}

export function queueFilters(filters: ClaimFilters): ClaimFilters {
  return { ...filters, status: filters.status ?? "unreviewed" };
}

export interface QueuePosition {
  claimId: number | null;
  nextId: number | null;
  prevId: number | null;
  remaining: number;
  remainingCapped: boolean;
}

export const QUEUE_ORDERS = ["worth", "source"] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

// Every key ascends, so the keyset walks claims_check_worthiness_queue_idx or claims(source_id, start_offset).
const QUEUE_KEYS: Record<QueueOrder, string[]> = {
  worth: ["(100 - c.check_worthiness)", "c.source_id", "c.start_offset", "c.id"],
  source: ["c.source_id", "c.start_offset", "c.id"],
};

/**
 * The queue in tiers, walked one after another: for an editor, the claims given to them, then those
 * given to nobody, then other editors' (lib/assignments); one tier for everyone while no work is
 * assigned. Each tier is its own keyset query, so the queue's indexes still serve it.
 */
async function queueTiers(prisma: Db, editorId: number | undefined): Promise<Prisma.Sql[]> {
  if (editorId === undefined) return [Prisma.sql`TRUE`];
  const [{ any }] = await prisma.$queryRaw<{ any: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM claims WHERE assignee_id IS NOT NULL) OR EXISTS (SELECT 1 FROM sources WHERE assignee_id IS NOT NULL) AS any`;
  if (!any) return [Prisma.sql`TRUE`];
  return [assigneeCondition(editorId), assigneeCondition("none"), Prisma.sql`${EFFECTIVE_ASSIGNEE} <> ${editorId}::int`];
}

/**
 * A claim just decided may no longer match the filters; its neighbours are found from its position all the same.
 * For an editor, claims another editor holds a live lease on (lib/claims/leases.ts) are neither first nor a neighbour,
 * and the claims assigned to them come first.
 */
export async function reviewQueuePosition(
  filters: ClaimFilters,
  atId?: number,
  prisma: Db = readDb(),
  order: QueueOrder = "worth",
  options: { editorId?: number } = {},
): Promise<QueuePosition> {
  await prepareClaimFilters(prisma, filters);
  const where = claimFilterSql(queueFilters(filters));
  const unleased =
    options.editorId === undefined
      ? Prisma.sql`TRUE`
      : Prisma.sql`NOT EXISTS (SELECT 1 FROM claim_leases l WHERE l.claim_id = c.id AND l.user_id <> ${options.editorId}::int AND l.expires_at > now())`;
  const base = Prisma.sql`SELECT c.id FROM claims c ${JOINS} WHERE ${where} AND ${unleased}`;
  const tiers = await queueTiers(prisma, options.editorId);
  const keys = QUEUE_KEYS[order];
  const ascending = Prisma.raw(keys.join(", "));
  const descending = Prisma.raw(keys.map((key) => `${key} DESC`).join(", "));
  /** The first (or last) claim of tier `index`, past `position` when given. */
  const edge = async (index: number, direction: "next" | "prev", position?: Prisma.Sql): Promise<number | null> => {
    const past = position ? Prisma.sql`AND (${ascending}) ${Prisma.raw(direction === "next" ? ">" : "<")} ${position}` : Prisma.empty;
    const [row] = await prisma.$queryRaw<
      { id: number }[]
    >`${base} AND ${tiers[index]!} ${past} ORDER BY ${direction === "next" ? ascending : descending} LIMIT 1`;
    return row?.id ?? null;
  };
  const { total: remaining, capped: remainingCapped } = await cappedCount(prisma, where);
  let current: { id: number; position: number[]; tier: number } | undefined;
  if (atId !== undefined) {
    const tierOf = Prisma.join(
      tiers.map((tier, index) => Prisma.sql`WHEN ${tier} THEN ${index}::int`),
      " ",
    );
    current = (
      await prisma.$queryRaw<{ id: number; position: number[]; tier: number }[]>`
      SELECT c.id, ARRAY[${ascending}]::int[] AS position, CASE ${tierOf} ELSE 0 END AS tier
      FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id = ${atId}`
    )[0];
  }
  if (!current) {
    for (let index = 0; index < tiers.length; index++) {
      const first = await edge(index, "next");
      if (first !== null) return reviewQueuePosition(filters, first, prisma, order, options);
    }
    return { claimId: null, nextId: null, prevId: null, remaining, remainingCapped };
  }
  const position = Prisma.sql`(${Prisma.join(
    current.position.map((value) => Prisma.sql`${value}::int`),
    ", ",
  )})`;
  let nextId = await edge(current.tier, "next", position);
  for (let index = current.tier + 1; nextId === null && index < tiers.length; index++) nextId = await edge(index, "next");
  let prevId = await edge(current.tier, "prev", position);
  for (let index = current.tier - 1; prevId === null && index >= 0; index--) prevId = await edge(index, "prev");
  return { claimId: current.id, nextId, prevId, remaining, remainingCapped };
}

const ASSIGNEE_COLUMNS = { id: true, name: true, email: true } as const;

export const getClaimDetail = cache(async (id: number) => {
  const prisma = readDb();
  const claim = await prisma.claim.findUnique({
    where: { id },
    include: {
      source: {
        select: { id: true, slug: true, title: true, kind: true, publisher: true, author: true, publishedDate: true, url: true, reliability: true, text: true },
      },
      assignee: { select: ASSIGNEE_COLUMNS },
      speaker: { select: { id: true, name: true, aliases: true } },
      topic: { select: { id: true, title: true, slug: true } },
      reviewer: { select: { id: true, name: true, email: true } },
    },
  });
  if (!claim) return null;
  const [contradictions, saved, withdrawal, sourceAssignment] = await Promise.all([
    claimContradictions(id, prisma),
    lastSavedBy(prisma, "claim", id),
    claim.withdrawnAt ? lastWithdrawal(prisma, id) : null,
    claim.assignee ? null : prisma.source.findUnique({ where: { id: claim.sourceId }, select: { assignee: { select: ASSIGNEE_COLUMNS } } }),
  ]);
  const { text, ...source } = claim.source;
  const assignedTo = claim.assignee ?? sourceAssignment?.assignee;
  // The claim's own assignee, else its source's (lib/assignments).
  const assignment = assignedTo ? { id: assignedTo.id, name: assignedTo.name ?? assignedTo.email, viaSource: !claim.assignee } : null;
  return {
    claim: { ...claim, source, assignment },
    withdrawal,
    paragraph: paragraphAround(text, claim.startOffset, claim.endOffset),
    contradictions,
    snapshot: claimSnapshot(claim, saved),
  };
});

/** Who withdrew the claim, from the audit trail. */
async function lastWithdrawal(prisma: Db, id: number): Promise<{ by: string; at: Date } | null> {
  const event = await prisma.auditEvent.findFirst({
    where: { entityType: "claim", entityId: String(id), action: "withdraw" },
    orderBy: { id: "desc" },
    select: { createdAt: true, user: { select: { name: true, email: true } } },
  });
  return event ? { by: event.user ? (event.user.name ?? event.user.email) : "the system", at: event.createdAt } : null;
}

export type ClaimDetail = NonNullable<Awaited<ReturnType<typeof getClaimDetail>>>;

export async function claimContradictions(id: number, prisma: Db = readDb()) {
  const rows = await prisma.contradiction.findMany({
    where: { OR: [{ claimAId: id }, { claimBId: id }], ...BOTH_CLAIMS_PRESENT },
    orderBy: [{ status: "asc" }, { score: "desc" }],
    include: {
      claimA: { select: { id: true, quote: true, source: { select: { slug: true, title: true } }, speaker: { select: { name: true } } } },
      claimB: { select: { id: true, quote: true, source: { select: { slug: true, title: true } }, speaker: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    score: row.score,
    explanation: row.explanation,
    other: row.claimAId === id ? row.claimB : row.claimA,
  }));
}

export const listTopicOptions = cache(async () => readDb().topic.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }));

/** The dashboard lists every source up to this many; past it, the most recently active ones. */
export const DASHBOARD_SOURCES = 10;
/** Latest changed claims whose sources count as recently active. */
const RECENT_ACTIVITY_WINDOW = 2000;

/** The sources whose claims changed last, read off the updated_at index rather than every claim. */
async function dashboardSources(prisma: Db, sourceCount: number): Promise<{ id: number; slug: string; title: string }[]> {
  const select = { id: true, slug: true, title: true } as const;
  if (sourceCount <= DASHBOARD_SOURCES) return prisma.source.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select });
  const active = await prisma.$queryRaw<{ sourceId: number }[]>`
    SELECT source_id AS "sourceId" FROM (
      SELECT source_id, max(updated_at) AS changed FROM (
        SELECT source_id, updated_at FROM claims ORDER BY updated_at DESC LIMIT ${RECENT_ACTIVITY_WINDOW}
      ) latest GROUP BY source_id
    ) per_source ORDER BY changed DESC, source_id LIMIT ${DASHBOARD_SOURCES}`;
  const ids = active.map((row) => row.sourceId);
  const chosen = await prisma.source.findMany({ where: { id: { in: ids } }, select });
  const byId = new Map(chosen.map((source) => [source.id, source]));
  const sources = ids.flatMap((id) => byId.get(id) ?? []);
  if (sources.length < DASHBOARD_SOURCES) {
    sources.push(
      ...(await prisma.source.findMany({
        where: { id: { notIn: ids } },
        orderBy: [{ title: "asc" }, { id: "asc" }],
        take: DASHBOARD_SOURCES - sources.length,
        select,
      })),
    );
  }
  return sources;
}

export async function dashboardSummary(prisma: Db = readDb()) {
  const [statusCounts, sourceCount, candidates, candidateCount, recent] = await Promise.all([
    claimStatusTotals(prisma),
    prisma.source.count(),
    prisma.contradiction.findMany({
      where: { status: "candidate", ...BOTH_CLAIMS_PRESENT },
      orderBy: [{ score: "desc" }, { id: "asc" }],
      take: 5,
      select: {
        id: true,
        kind: true,
        score: true,
        explanation: true,
        claimA: { select: { id: true, quote: true } },
        claimB: { select: { id: true, quote: true } },
      },
    }),
    prisma.contradiction.count({ where: { status: "candidate", ...BOTH_CLAIMS_PRESENT } }),
    prisma.claim.findMany({
      where: { OR: [{ version: { gt: 1 } }, { origin: "editor" }], withdrawnAt: null },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 10,
      select: {
        id: true,
        quote: true,
        status: true,
        stance: true,
        updatedAt: true,
        speaker: { select: { name: true } },
        source: { select: { slug: true, title: true } },
      },
    }),
  ]);
  const total = Object.values(statusCounts).reduce((sum, count) => sum + (count ?? 0), 0);
  const sources = await dashboardSources(prisma, sourceCount);
  const counts = await claimCountsBySource(
    sources.map((source) => source.id),
    prisma,
  );
  const perSource = sources.map((source) => {
    const sourceCounts = counts.get(source.id) ?? {};
    return { ...source, counts: sourceCounts, total: Object.values(sourceCounts).reduce((sum, count) => sum + (count ?? 0), 0) };
  });
  return { statusCounts, total, perSource, sourceCount, candidates, candidateCount, recent };
}
