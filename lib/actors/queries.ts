import "server-only";
import { z } from "zod";
import { db, type Db } from "@/lib/db/client";
import { actorsFilterSql } from "@/lib/export/list-filters";
import type { actorListSchema } from "@/lib/actors/schema";
import { actorSnapshot } from "@/lib/actors/mutations";
import { lastSavedBy } from "@/lib/forms/saved-by";

export interface ActorListRow {
  id: number;
  name: string;
  kind: string;
  aliases: string[];
  claimCount: number;
}

/** The actors list, filtered exactly as its CSV export is (lib/export/list-filters.ts). */
export async function listActors(filters: z.infer<typeof actorListSchema>, prisma: Db = db()): Promise<ActorListRow[]> {
  const where = actorsFilterSql(filters);
  return prisma.$queryRawUnsafe<ActorListRow[]>(
    `SELECT a.id, a.name, a.kind::text AS kind, a.aliases,
        (SELECT count(*)::int FROM claims c WHERE c.speaker_id = a.id) AS "claimCount"
      FROM actors a WHERE ${where.sql}
      ORDER BY "claimCount" DESC, a.name ASC`,
    ...where.values,
  );
}

export async function getActorDetail(id: number, prisma: Db = db()) {
  const actor = await prisma.actor.findUnique({
    where: { id },
    select: {
      id: true, version: true, name: true, kind: true, aliases: true, notes: true, normalizedName: true,
      claims: {
        orderBy: [{ sourceId: "asc" }, { startOffset: "asc" }],
        select: {
          id: true, quote: true, stance: true, status: true, attribution: true, citedVia: true,
          source: { select: { slug: true, title: true } }, topic: { select: { id: true, title: true } },
        },
      },
    },
  });
  if (!actor) return null;
  const [others, saved] = await Promise.all([
    prisma.actor.findMany({
      where: { id: { not: id } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { claims: true } } },
    }),
    lastSavedBy(prisma, "actor", id),
  ]);
  return {
    actor,
    snapshot: actorSnapshot(actor, saved),
    mergeCandidates: others.map((other) => ({ id: other.id, label: `${other.name} (${other._count.claims} claims)` })),
  };
}
