// Progress over time for the dashboard (issue 18, item 8): decisions per day per editor from the audit
// trail, contradiction candidates open at the end of each day, and the time left in the queue.
import "server-only";
import { readDb, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { lastDays, queueEstimate, windowStart, type QueueEstimate } from "@/lib/progress/pace";

/** The charts' window, and the window the pace is taken over. */
export const CHART_DAYS = 30;
export const PACE_DAYS = 7;

export interface DailyDecisions {
  day: string;
  editor: string;
  decisions: number;
}

/**
 * A decision is a claim audit event that sets the status to approved or rejected from something else
 * (a review, an edit, a bulk change); an edit that leaves the status alone is none.
 */
const DECISION = Prisma.sql`e.entity_type = 'claim' AND e.after->>'status' IN ('approved', 'rejected')
  AND (e.before->>'status') IS DISTINCT FROM (e.after->>'status')`;

/** Per UTC day and editor, over the last `days` days; days and editors without decisions are absent. */
export async function decisionsPerDay(prisma: Db = readDb(), now = new Date(), days = CHART_DAYS): Promise<DailyDecisions[]> {
  return prisma.$queryRaw<DailyDecisions[]>`
    SELECT to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, coalesce(u.name, u.email, 'the system') AS editor, count(*)::int AS decisions
    FROM audit_events e LEFT JOIN users u ON u.id = e.user_id
    WHERE e.created_at >= ${windowStart(now, days)} AND e.created_at <= ${now} AND ${DECISION}
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

export interface DailyOpen {
  day: string;
  open: number;
}

/**
 * Candidates open at the end of each UTC day: created by then and not yet confirmed or dismissed. A
 * decision's time is its last audit event setting that status (else the row's last change); pairs
 * with a withdrawn claim are left out, as the dashboard's count leaves them out.
 */
export async function openCandidatesPerDay(prisma: Db = readDb(), now = new Date(), days = CHART_DAYS): Promise<DailyOpen[]> {
  const dayList = lastDays(now, days);
  const rows = await prisma.$queryRaw<DailyOpen[]>`
    WITH pairs AS MATERIALIZED (
      SELECT p.created_at,
        CASE WHEN p.status = 'candidate' THEN NULL ELSE coalesce(
          (SELECT max(e.created_at) FROM audit_events e
            WHERE e.entity_type = 'contradiction' AND e.entity_id = p.id::text AND e.after->>'status' = p.status::text),
          p.updated_at) END AS decided_at
      FROM contradictions p
      WHERE p.claim_a_id NOT IN (SELECT id FROM claims WHERE withdrawn_at IS NOT NULL)
        AND p.claim_b_id NOT IN (SELECT id FROM claims WHERE withdrawn_at IS NOT NULL)
    )
    SELECT day, (SELECT count(*)::int FROM pairs WHERE created_at < day_end AND (decided_at IS NULL OR decided_at >= day_end)) AS open
    FROM (SELECT day, (day::date + 1)::timestamp AT TIME ZONE 'UTC' AS day_end FROM unnest(${dayList}::text[]) AS day) days
    ORDER BY day`;
  return rows;
}

/** Unreviewed claims over the decisions of the last PACE_DAYS days. */
export async function queueTimeLeft(prisma: Db = readDb(), now = new Date()): Promise<QueueEstimate> {
  const [row] = await prisma.$queryRaw<{ unreviewed: number; decisions: number }[]>`
    SELECT (SELECT count(*)::int FROM claims WHERE status = 'unreviewed' AND withdrawn_at IS NULL) AS unreviewed,
      (SELECT count(*)::int FROM audit_events e WHERE e.created_at >= ${new Date(now.getTime() - PACE_DAYS * 86_400_000)} AND e.created_at <= ${now} AND ${DECISION}) AS decisions`;
  return queueEstimate(row?.unreviewed ?? 0, row?.decisions ?? 0, PACE_DAYS);
}
