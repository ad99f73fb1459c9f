// Giving work to an editor: checked claims (everything the filters match: lib/bulk), a source or a
// contradiction. Assignment is coordination, not content: it raises no record's version (an open
// edit form stays valid), but each record whose assignee changes gets one audit event, and the new
// assignee one notification per action, in the same transaction. An assignee must be an active editor or admin; a refused assignment changes nothing.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditEntity } from "@/lib/audit/record";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { roleAllows } from "@/lib/auth/roles";
import type { AssignClaimsInput, AssignContradictionInput, AssignSourceInput } from "@/lib/assignments/schema";
import { notifyAssignment } from "@/lib/notifications/triggers";

type Tx = Prisma.TransactionClient;

export interface Assigner {
  id: number;
}

export interface Assignee {
  id: number;
  name: string;
}

/** One audit insert per checked claim: up to 500 of them. */
const ASSIGN_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

function refuse(message: string): never {
  throw new ValidationError(message, { assigneeId: [message] });
}

/** The user who is to get the work, or null to take it back; refused unless an active editor or admin. */
export async function assigneeOrThrow(tx: Tx, assigneeId: number | "none"): Promise<Assignee | null> {
  if (assigneeId === "none") return null;
  const user = await tx.user.findUnique({ where: { id: assigneeId }, select: { id: true, name: true, email: true, role: true, active: true } });
  if (!user) refuse("That user no longer exists; choose another editor.");
  const name = user.name ?? user.email;
  if (!user.active) refuse(`${name}'s account is disabled, so no work can be assigned to them; choose another editor.`);
  if (!roleAllows(user.role, "editor")) refuse(`${name} is a viewer and cannot review; assign the work to an editor.`);
  return { id: user.id, name };
}

interface AssignableRow {
  id: number;
  assigneeId: number | null;
  assigneeName: string | null;
}

export interface AssignResult {
  changed: number;
  unchanged: number;
  assignee: Assignee | null;
}

async function recordAssignments(tx: Tx, entityType: AuditEntity, rows: AssignableRow[], assignee: Assignee | null, userId: number): Promise<AssignResult> {
  const changing = rows.filter((row) => row.assigneeId !== (assignee?.id ?? null));
  for (const row of changing) {
    await recordAudit(tx, {
      userId,
      entityType,
      entityId: row.id,
      // "Who saved last" (lib/forms/saved-by.ts) passes over these two actions.
      action: assignee ? "assign" : "unassign",
      before: { assigneeId: row.assigneeId, assignee: row.assigneeName },
      after: { assigneeId: assignee?.id ?? null, assignee: assignee?.name ?? null },
    });
  }
  return { changed: changing.length, unchanged: rows.length - changing.length, assignee };
}

/** Locked, so that each audit event's "before" stays true while a concurrent assignment waits. */
async function lockedRows(tx: Tx, table: "claims" | "sources" | "contradictions", where: Prisma.Sql): Promise<AssignableRow[]> {
  const name = Prisma.raw(table);
  return tx.$queryRaw<AssignableRow[]>`
    SELECT t.id, t.assignee_id AS "assigneeId", coalesce(u.name, u.email) AS "assigneeName"
    FROM ${name} t LEFT JOIN users u ON u.id = t.assignee_id
    WHERE ${where} ORDER BY t.id FOR UPDATE OF t`;
}

export async function assignClaims(prisma: Db, input: AssignClaimsInput, user: Assigner): Promise<AssignResult> {
  return prisma.$transaction(async (tx) => {
    const assignee = await assigneeOrThrow(tx, input.assigneeId);
    const ids = [...new Set(input.ids)];
    const rows = await lockedRows(tx, "claims", Prisma.sql`t.id = ANY(${ids}::int[])`);
    if (rows.length !== ids.length) {
      const missing = ids.filter((id) => !rows.some((row) => row.id === id));
      throw new ValidationError(`${missing.length} of the selected claims no longer exist (#${missing.slice(0, 5).join(", #")}). Reload the page.`, {
        ids: ["Some selected claims no longer exist"],
      });
    }
    const changing = rows.filter((row) => row.assigneeId !== (assignee?.id ?? null)).map((row) => row.id);
    if (changing.length > 0) await tx.claim.updateMany({ where: { id: { in: changing } }, data: { assigneeId: assignee?.id ?? null } });
    if (assignee) await notifyAssignment(tx, user.id, assignee.id, { kind: "claims", ids: changing });
    return recordAssignments(tx, "claim", rows, assignee, user.id);
  }, ASSIGN_TRANSACTION);
}

async function assignOne(
  prisma: Db,
  table: "sources" | "contradictions",
  entityType: "source" | "contradiction",
  id: number,
  assigneeId: number | "none",
  user: Assigner,
  notFound: string,
): Promise<AssignResult> {
  return prisma.$transaction(async (tx) => {
    const assignee = await assigneeOrThrow(tx, assigneeId);
    const rows = await lockedRows(tx, table, Prisma.sql`t.id = ${id}::int`);
    if (rows.length === 0) throw new NotFoundError(notFound);
    if (rows[0]!.assigneeId !== (assignee?.id ?? null)) {
      await tx.$executeRaw`UPDATE ${Prisma.raw(table)} SET assignee_id = ${assignee?.id ?? null}::int WHERE id = ${id}::int`;
      if (assignee) await notifyAssignment(tx, user.id, assignee.id, { kind: entityType, id });
    }
    return recordAssignments(tx, entityType, rows, assignee, user.id);
  });
}

/** The source's claims without an assignee of their own become the assignee's work too (lib/claims/filters.ts). */
export function assignSource(prisma: Db, input: AssignSourceInput, user: Assigner): Promise<AssignResult> {
  return assignOne(prisma, "sources", "source", input.sourceId, input.assigneeId, user, "That source no longer exists.");
}

export function assignContradiction(prisma: Db, input: AssignContradictionInput, user: Assigner): Promise<AssignResult> {
  return assignOne(prisma, "contradictions", "contradiction", input.contradictionId, input.assigneeId, user, "That contradiction no longer exists.");
}
