import "server-only";
// "My recent actions": my last undoable actions, newest first, each with whether (and by whom) it was undone.
import { Prisma } from "@/lib/generated/prisma/client";
import { readDb, type Db } from "@/lib/db/client";
import { describeUndoable, undoKind } from "@/lib/undo/describe";

export const RECENT_ACTIONS_LIMIT = 20;

export interface RecentAction {
  actionId: string;
  description: string;
  createdAt: Date;
  /** When it was undone, or null while it can still be tried. */
  undoneAt: Date | null;
}

interface ActionRow {
  actionId: string;
  createdAt: Date;
  count: number;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export async function listRecentActions(userId: number, prisma: Db = readDb()): Promise<RecentAction[]> {
  // One row per action, described by its last event (a merge's "merge" event; otherwise any of its like events).
  // Undo events are actions of their own but not undoable: they name the action they undid.
  const rows = await prisma.$queryRaw<ActionRow[]>(Prisma.sql`
    SELECT e.action_id::text AS "actionId", max(e.created_at) AS "createdAt", count(*)::int AS "count",
      (array_agg(e.action ORDER BY e.id DESC))[1] AS "action",
      (array_agg(e.entity_type ORDER BY e.id DESC))[1] AS "entityType",
      (array_agg(e.entity_id ORDER BY e.id DESC))[1] AS "entityId",
      (array_agg(e.before ORDER BY e.id DESC))[1] AS "before",
      (array_agg(e.after ORDER BY e.id DESC))[1] AS "after"
    FROM audit_events e
    WHERE e.user_id = ${userId} AND e.action_id IS NOT NULL AND e.undoes_action_id IS NULL
    GROUP BY e.action_id
    ORDER BY max(e.id) DESC
    LIMIT ${RECENT_ACTIONS_LIMIT}`);
  const undone = await prisma.auditEvent.groupBy({
    by: ["undoesActionId"],
    where: { undoesActionId: { in: rows.map((row) => row.actionId) } },
    _min: { createdAt: true },
  });
  const undoneAt = new Map(undone.map((group) => [group.undoesActionId, group._min.createdAt]));
  return rows
    .filter((row) => undoKind(row) !== null)
    .map((row) => ({ actionId: row.actionId, description: describeUndoable(row), createdAt: row.createdAt, undoneAt: undoneAt.get(row.actionId) ?? null }));
}
