// Reads for assignment: who can be given work, and an editor's own work ("My work").
import "server-only";
import { cache } from "react";
import { readDb, type Db } from "@/lib/db/client";
import { claimFilterSql } from "@/lib/claims/filters";
import { queueFilters } from "@/lib/claims/queries";
import type { AssignableEditor } from "@/lib/assignments/schema";

/** Active editors and admins: the only users work can go to (lib/assignments/mutations.ts checks again). */
export const listAssignableEditors = cache(async (prisma: Db = readDb()): Promise<AssignableEditor[]> => {
  const users = await prisma.user.findMany({
    where: { active: true, role: { in: ["editor", "admin"] } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
  });
  return users.map((user) => ({ id: user.id, label: user.name ?? user.email }));
});

/** My work lists this many of each kind; the claims table and the queue hold the rest. */
export const MY_WORK_LIMIT = 50;

export async function myWork(userId: number, prisma: Db = readDb()) {
  const assigned = claimFilterSql({ assignee: userId });
  const toReview = claimFilterSql(queueFilters({ assignee: userId }));
  const [[counts], sources, contradictions] = await Promise.all([
    prisma.$queryRaw<{ total: number; unreviewed: number }[]>`
      SELECT (SELECT count(*)::int FROM claims c WHERE ${assigned}) AS total, (SELECT count(*)::int FROM claims c WHERE ${toReview}) AS unreviewed`,
    prisma.$queryRaw<{ id: number; slug: string; title: string; unreviewed: number }[]>`
      SELECT s.id, s.slug, s.title,
        (SELECT count(*)::int FROM claims c WHERE c.source_id = s.id AND c.status = 'unreviewed' AND c.withdrawn_at IS NULL
           AND (c.assignee_id IS NULL OR c.assignee_id = ${userId}::int)) AS unreviewed
      FROM sources s WHERE s.assignee_id = ${userId}::int ORDER BY s.title, s.id LIMIT ${MY_WORK_LIMIT}`,
    prisma.contradiction.findMany({
      where: { assigneeId: userId, claimA: { withdrawnAt: null }, claimB: { withdrawnAt: null } },
      orderBy: [{ status: "asc" }, { score: "desc" }, { id: "asc" }],
      take: MY_WORK_LIMIT,
      select: { id: true, kind: true, status: true, score: true, claimA: { select: { id: true, quote: true } }, claimB: { select: { id: true, quote: true } } },
    }),
  ]);
  return { claims: counts ?? { total: 0, unreviewed: 0 }, sources, contradictions };
}

export type MyWork = Awaited<ReturnType<typeof myWork>>;

/** Who a source is given to, for its pages. */
export async function sourceAssignee(sourceId: number, prisma: Db = readDb()): Promise<{ id: number; name: string } | null> {
  const source = await prisma.source.findUnique({ where: { id: sourceId }, select: { assignee: { select: { id: true, name: true, email: true } } } });
  const user = source?.assignee;
  return user ? { id: user.id, name: user.name ?? user.email } : null;
}

/** The assignee a record names (a contradiction's assigneeId), as its page shows them. */
export async function assignmentOf(assigneeId: number | null, prisma: Db = readDb()): Promise<{ id: number; name: string } | null> {
  if (assigneeId === null) return null;
  const user = await prisma.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true, email: true } });
  return user ? { id: user.id, name: user.name ?? user.email } : null;
}
