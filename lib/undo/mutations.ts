// Undo (issue 18, item 4): one of my recent actions — a queue decision, a bulk change, an actor merge, a
// contradiction decision or a claim withdrawal — is put back by new, audited compensating changes made through
// each record's versioned update, in one transaction. The audit trail only grows: the undo's events carry
// action "undo" and name the undone action (undoesActionId). Refused, with nothing changed, when a record was
// changed since (naming who and when), when the action was undone already, or when it is someone else's.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import type { AuditGroup } from "@/lib/audit/record";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { formatTime } from "@/lib/format/time";
import { revertClaimChange, type RecordedChange } from "@/lib/claims/mutations";
import { revertContradictionReview } from "@/lib/contradictions/mutations";
import { revertActorMerge } from "@/lib/actors/mutations";
import { describeUndoable, undoKind, type UndoKind } from "@/lib/undo/describe";
import { changedSinceMessage } from "@/lib/undo/changed-since";
import type { UndoActionInput } from "@/lib/undo/schema";

type Tx = Prisma.TransactionClient;

export interface Undoer {
  id: number;
}

export interface UndoResult {
  actionId: string;
  kind: UndoKind;
  /** What was undone, as a sentence ("Status of 3 claims set to approved"). */
  description: string;
}

const eventSelect = { id: true, userId: true, entityType: true, entityId: true, action: true, before: true, after: true } as const;
type ActionEvent = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** Assignment changes no field of a record (lib/forms/saved-by.ts reads the trail the same way). */
const NOT_A_CHANGE = ["assign", "unassign"];

function who(user: { name: string | null; email: string } | null): string {
  return user ? (user.name ?? user.email) : "the system";
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function change(event: ActionEvent): RecordedChange {
  return { before: asRecord(event.before), after: asRecord(event.after) };
}

/** Any later audited change to a record the action touched refuses the undo, naming its author. */
async function refuseIfChangedSince(tx: Tx, actionId: string, events: ActionEvent[]): Promise<void> {
  const byType = new Map<string, string[]>();
  for (const event of events) if (event.entityId !== null) byType.set(event.entityType, [...(byType.get(event.entityType) ?? []), event.entityId]);
  for (const [entityType, entityIds] of byType) {
    const later = await tx.auditEvent.findFirst({
      where: {
        id: { gt: events[0]!.id },
        entityType,
        entityId: { in: entityIds },
        action: { notIn: NOT_A_CHANGE },
        OR: [{ actionId: null }, { actionId: { not: actionId } }],
      },
      orderBy: { id: "asc" },
      select: { entityType: true, entityId: true, createdAt: true, user: { select: { name: true, email: true } } },
    });
    if (later) throw new ConflictError(changedSinceMessage(`${later.entityType} #${later.entityId}`, who(later.user), later.createdAt));
  }
}

async function applyUndo(tx: Tx, kind: UndoKind, events: ActionEvent[], user: Undoer, group: AuditGroup): Promise<void> {
  const id = (event: ActionEvent) => Number(event.entityId);
  switch (kind) {
    case "claim_review":
    case "claim_withdrawal":
    case "bulk_status":
    case "bulk_topic":
      for (const event of events) await revertClaimChange(tx, id(event), change(event), user, group);
      return;
    case "contradiction_review":
      for (const event of events) await revertContradictionReview(tx, id(event), event, user, group);
      return;
    case "actor_merge": {
      const kept = events.find((event) => event.action === "merge")!;
      const merged = events.find((event) => event.action === "merged_into");
      if (!merged) throw new NotFoundError("This merge's record is incomplete, so it cannot be undone.");
      const before = change(kept).before as { aliases: string[]; notes: string | null };
      const after = change(kept).after as { aliases: string[]; notes: string | null };
      const actor = change(merged).before as { name: string; kind: ActorKind; aliases: string[]; notes: string | null };
      await revertActorMerge(
        tx,
        {
          keptId: id(kept),
          kept: { before: { aliases: before.aliases, notes: before.notes }, after: { aliases: after.aliases, notes: after.notes } },
          mergedId: id(merged),
          merged: { name: actor.name, kind: actor.kind, aliases: actor.aliases, notes: actor.notes },
        },
        user,
        group,
      );
      for (const event of events.filter((each) => each.action === "speaker_merged")) await revertClaimChange(tx, id(event), change(event), user, group);
      return;
    }
  }
}

/** Up to 500 claims of a bulk change, one versioned update and audit event each. */
const UNDO_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

export async function undoAction(prisma: Db, input: UndoActionInput, user: Undoer): Promise<UndoResult> {
  const { actionId } = input;
  return prisma.$transaction(async (tx) => {
    // Two undos of one action at once: the second waits here, then finds the first one's events.
    await tx.$queryRaw`SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(hashtext(${actionId}))) AS lock`;
    const events = await tx.auditEvent.findMany({ where: { actionId }, orderBy: { id: "asc" }, select: eventSelect });
    const last = events.at(-1);
    const kind = last && undoKind(last);
    if (!last || !kind) throw new NotFoundError("There is no action of yours with that id to undo.");
    // Only the editor who did it: an undo puts back their judgement, and nobody else sees the action offered.
    if (events.some((event) => event.userId !== user.id)) throw new ForbiddenError("Only the editor who did this can undo it.");
    const undone = await tx.auditEvent.findFirst({
      where: { undoesActionId: actionId },
      orderBy: { id: "asc" },
      select: { createdAt: true, user: { select: { name: true, email: true } } },
    });
    if (undone) throw new ConflictError(`This was already undone by ${who(undone.user)} at ${formatTime(undone.createdAt)}; it cannot be undone twice.`);
    await refuseIfChangedSince(tx, actionId, events);
    await applyUndo(tx, kind, events, user, { actionId: randomUUID(), undoesActionId: actionId });
    return { actionId, kind, description: describeUndoable({ ...last, count: events.length }) };
  }, UNDO_TRANSACTION);
}
