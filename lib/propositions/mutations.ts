// Editors' decisions on propositions. Each is one transaction, checked against the version of the
// proposition the page was given, and audited. Whatever an editor places is placed "editor": a later
// grouping run never moves it (lib/propositions/group.ts), and a confirmed proposition keeps its members.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getForEditOrThrow, versionedUpdate, type VersionedRecord } from "@/lib/forms/versioned-update";
import { labelOf } from "@/lib/propositions/group";
import type {
  ConfirmPropositionInput,
  MergePropositionsInput,
  PlaceClaimInput,
  RelabelPropositionInput,
  SplitPropositionInput,
} from "@/lib/propositions/schema";

type Tx = Prisma.TransactionClient;

interface PropositionRow {
  id: number;
  label: string;
  status: "proposed" | "confirmed";
  version: number;
  members: { claimId: number; placement: "system" | "editor" }[];
}

const propositionRecord: VersionedRecord<PropositionRow, Prisma.PropositionUncheckedUpdateManyInput> = {
  entity: "proposition",
  noun: "proposition",
  notFound: "That proposition no longer exists: another editor merged it away or a grouping run found its claims no longer agree.",
  model: (tx) => tx.proposition,
  load: (tx, id) =>
    tx.proposition.findUnique({
      where: { id },
      select: { id: true, label: true, status: true, version: true, members: { select: { claimId: true, placement: true }, orderBy: { claimId: "asc" } } },
    }),
  current: (row, saved) => ({ label: row.label, status: row.status, members: row.members.map((member) => member.claimId), ...saved }),
  auditView: (row) => ({ label: row.label, status: row.status, members: row.members.map((member) => member.claimId) }),
  conflictMessage:
    "Someone else changed this proposition (or a grouping run moved its claims) while you were looking at it. Reload to see it as it is now; nothing of yours was saved.",
};

export interface PropositionWriteResult {
  id: number;
  version: number;
}

/** Every member becomes the editor's: a later run keeps them where they are. */
export async function confirmProposition(prisma: Db, input: ConfirmPropositionInput, user: { id: number }): Promise<PropositionWriteResult> {
  return prisma.$transaction(async (tx) => {
    const before = await getForEditOrThrow(tx, propositionRecord, input.id, input.version);
    await tx.propositionMember.updateMany({ where: { propositionId: before.id }, data: { placement: "editor", placedById: user.id } });
    const after = await versionedUpdate(tx, propositionRecord, {
      before,
      version: input.version,
      data: { status: "confirmed", decidedById: user.id, decidedAt: new Date() },
      userId: user.id,
      action: "confirm",
    });
    return { id: after.id, version: after.version };
  });
}

export async function relabelProposition(prisma: Db, input: RelabelPropositionInput, user: { id: number }): Promise<PropositionWriteResult> {
  return prisma.$transaction(async (tx) => {
    const before = await getForEditOrThrow(tx, propositionRecord, input.id, input.version);
    const after = await versionedUpdate(tx, propositionRecord, {
      before,
      version: input.version,
      data: { label: input.label },
      userId: user.id,
      action: "relabel",
    });
    return { id: after.id, version: after.version };
  });
}

/** The ticked claims leave for a new proposition of their own, placed by the editor. */
export async function splitProposition(prisma: Db, input: SplitPropositionInput, user: { id: number }): Promise<PropositionWriteResult & { newId: number }> {
  return prisma.$transaction(async (tx) => {
    const before = await getForEditOrThrow(tx, propositionRecord, input.id, input.version);
    const memberIds = new Set(before.members.map((member) => member.claimId));
    const outside = input.claimIds.filter((id) => !memberIds.has(id));
    if (outside.length)
      throw new ValidationError("Some fields need attention.", { claimIds: [`Not in this proposition: ${outside.map((id) => `#${id}`).join(", ")}`] });
    const moving = [...new Set(input.claimIds)];
    if (moving.length === memberIds.size)
      throw new ValidationError("Some fields need attention.", { claimIds: ["Splitting off every claim leaves this proposition empty: leave at least one"] });
    const quotes = await tx.claim.findMany({ where: { id: { in: moving } }, select: { quote: true } });
    const created = await tx.proposition.create({ data: { label: labelOf(quotes.map((claim) => claim.quote)) }, select: { id: true, label: true } });
    await tx.propositionMember.updateMany({
      where: { claimId: { in: moving } },
      data: { propositionId: created.id, placement: "editor", placedById: user.id, reason: `Split off #${before.id} by an editor` },
    });
    await recordAudit(tx, {
      userId: user.id,
      entityType: "proposition",
      entityId: created.id,
      action: "create",
      after: { label: created.label, members: moving, splitFrom: before.id },
    });
    const after = await versionedUpdate(tx, propositionRecord, { before, version: input.version, data: {}, userId: user.id, action: "split" });
    return { id: after.id, version: after.version, newId: created.id };
  });
}

/** The other proposition's members move in, placed by the editor; the other goes. */
export async function mergePropositions(prisma: Db, input: MergePropositionsInput, user: { id: number }): Promise<PropositionWriteResult> {
  return prisma.$transaction(async (tx) => {
    const before = await getForEditOrThrow(tx, propositionRecord, input.id, input.version);
    const other = await getForEditOrThrow(tx, propositionRecord, input.otherId, input.otherVersion);
    await tx.propositionMember.updateMany({
      where: { propositionId: other.id },
      data: { propositionId: before.id, placement: "editor", placedById: user.id, reason: `Merged in from #${other.id} by an editor` },
    });
    await tx.proposition.delete({ where: { id: other.id } });
    await recordAudit(tx, {
      userId: user.id,
      entityType: "proposition",
      entityId: other.id,
      action: "merge_into",
      before: { label: other.label, status: other.status, members: other.members.map((member) => member.claimId) },
      after: { mergedInto: before.id },
    });
    const after = await versionedUpdate(tx, propositionRecord, { before, version: input.version, data: {}, userId: user.id, action: "merge" });
    return { id: after.id, version: after.version };
  });
}

/** One claim into this proposition, out of any other it was in (which is told by its version rising). */
export async function placeClaim(prisma: Db, input: PlaceClaimInput, user: { id: number }): Promise<PropositionWriteResult> {
  return prisma.$transaction(async (tx) => {
    const before = await getForEditOrThrow(tx, propositionRecord, input.id, input.version);
    const claim = await tx.claim.findUnique({
      where: { id: input.claimId },
      select: { id: true, withdrawnAt: true, proposition: { select: { propositionId: true } } },
    });
    if (!claim) throw new NotFoundError("That claim no longer exists.");
    if (claim.withdrawnAt) throw new ValidationError("Some fields need attention.", { claimId: ["This claim is withdrawn; restore it first"] });
    const from = claim.proposition?.propositionId ?? null;
    if (from === before.id) throw new ValidationError("Some fields need attention.", { claimId: ["This claim is already in this proposition"] });
    await tx.propositionMember.upsert({
      where: { claimId: claim.id },
      create: { claimId: claim.id, propositionId: before.id, placement: "editor", placedById: user.id, reason: "Placed by an editor" },
      update: { propositionId: before.id, placement: "editor", placedById: user.id, reason: "Placed by an editor" },
    });
    if (from !== null) await leaveBehind(tx, from, claim.id, before.id, user.id);
    const after = await versionedUpdate(tx, propositionRecord, { before, version: input.version, data: {}, userId: user.id, action: "place_claim" });
    return { id: after.id, version: after.version };
  });
}

async function leaveBehind(tx: Tx, propositionId: number, claimId: number, to: number, userId: number): Promise<void> {
  const left = await tx.propositionMember.count({ where: { propositionId } });
  if (left === 0) await tx.proposition.delete({ where: { id: propositionId } });
  else await tx.proposition.update({ where: { id: propositionId }, data: { version: { increment: 1 } } });
  await recordAudit(tx, { userId, entityType: "proposition", entityId: propositionId, action: "claim_moved_out", after: { claimId, to, emptied: left === 0 } });
}
