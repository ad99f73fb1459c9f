import "server-only";
import { z } from "zod";
import { readDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { actorsFilterSql } from "@/lib/actors/filters";
import type { actorListSchema } from "@/lib/actors/schema";
import { actorSnapshot } from "@/lib/actors/form";
import { lastSavedBy } from "@/lib/forms/saved-by";
import { editorChoices } from "@/lib/pickers/queries";
import { SPEAKER_CLAIM_COUNTS_SQL } from "@/lib/claims/tallies";
import { similarActors } from "@/lib/actors/similar";

export interface ActorListRow {
  id: number;
  name: string;
  kind: string;
  aliases: string[];
  claimCount: number;
}

export const ACTORS_PAGE_SIZE = 50;

export interface ActorList {
  rows: ActorListRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Counts come from one aggregate, not a count per actor: a corpus can have tens of thousands. */
export async function listActors(filters: z.infer<typeof actorListSchema>, prisma: Db = readDb()): Promise<ActorList> {
  const where = actorsFilterSql(filters);
  const page = filters.page ?? 1;
  const rows = await prisma.$queryRaw<(ActorListRow & { total: number })[]>`
    WITH counts AS (${Prisma.raw(SPEAKER_CLAIM_COUNTS_SQL)})
      SELECT a.id, a.name, a.kind::text AS kind, a.aliases, coalesce(counts.claims, 0) AS "claimCount", (count(*) OVER ())::int AS total
      FROM actors a LEFT JOIN counts ON counts.speaker_id = a.id
      WHERE ${where}
      ORDER BY "claimCount" DESC, a.name ASC, a.id ASC
      LIMIT ${ACTORS_PAGE_SIZE} OFFSET ${(page - 1) * ACTORS_PAGE_SIZE}`;
  const total = rows[0]?.total ?? (page > 1 ? await countActors(prisma, where) : 0);
  return { rows: rows.map(({ total: _total, ...row }) => row), total, page, pageSize: ACTORS_PAGE_SIZE };
}

/** For a page past the end, which has no row to carry the count. */
async function countActors(prisma: Db, where: Prisma.Sql): Promise<number> {
  const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM actors a WHERE ${where}`;
  return count;
}

/** Claims listed on an actor's page; the claims table (?speaker=<id>) pages through the rest. */
export const ACTOR_CLAIMS_SHOWN = 100;

export async function getActorDetail(id: number, prisma: Db = readDb()) {
  const actor = await prisma.actor.findUnique({
    where: { id },
    select: {
      id: true,
      version: true,
      name: true,
      kind: true,
      aliases: true,
      reliability: true,
      notes: true,
      normalizedName: true,
      claims: {
        orderBy: [{ sourceId: "asc" }, { startOffset: "asc" }, { id: "asc" }],
        take: ACTOR_CLAIMS_SHOWN,
        select: {
          id: true,
          quote: true,
          stance: true,
          status: true,
          attribution: true,
          citedVia: true,
          source: { select: { slug: true, title: true } },
          topic: { select: { id: true, title: true } },
        },
      },
    },
  });
  if (!actor) return null;
  const [claimCount, choices, saved, similar] = await Promise.all([
    prisma.claim.count({ where: { speakerId: id, withdrawnAt: null } }),
    editorChoices("actors", prisma),
    lastSavedBy(prisma, "actor", id),
    similarActors(prisma, actor.name, actor.kind, { excludeId: id }),
  ]);
  const similarCounts = await prisma.claim.groupBy({
    by: ["speakerId"],
    where: { speakerId: { in: similar.map((row) => row.id) }, withdrawnAt: null },
    _count: { _all: true },
  });
  const countOf = new Map(similarCounts.map((row) => [row.speakerId, row._count._all]));
  return {
    actor,
    claimCount,
    possibleDuplicates: similar.map((row) => ({ id: row.id, name: row.name, claims: countOf.get(row.id) ?? 0 })),
    snapshot: actorSnapshot(actor, saved),
    mergeCandidates:
      choices &&
      (await mergeCandidateLabels(
        prisma,
        choices.filter((choice) => choice.id !== id),
      )),
  };
}

async function mergeCandidateLabels(prisma: Db, choices: { id: number; label: string }[]): Promise<{ id: number; label: string }[]> {
  const counts = await prisma.claim.groupBy({ by: ["speakerId"], where: { speakerId: { in: choices.map((choice) => choice.id) } }, _count: { _all: true } });
  const byId = new Map(counts.map((row) => [row.speakerId, row._count._all]));
  return choices.map((choice) => ({ id: choice.id, label: `${choice.label} (${byId.get(choice.id) ?? 0} claims)` }));
}
