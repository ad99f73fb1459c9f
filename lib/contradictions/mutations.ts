// Database and user are passed in, so integration tests drive this without a request; each change writes its audit event in the same transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditGroup } from "@/lib/audit/record";
import { changedSinceError } from "@/lib/undo/changed-since";
import { getForEditOrThrow, versionedUpdate, type VersionedRecord } from "@/lib/forms/versioned-update";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { LinkContradictionInput, ReviewContradictionInput } from "@/lib/contradictions/schema";
import { EDITOR_RULE } from "@/lib/contradictions/detect";

export interface Reviewer {
  id: number;
  name?: string | null;
  email?: string;
}

const reviewFields = {
  id: true,
  claimAId: true,
  claimBId: true,
  status: true,
  rationale: true,
  preferredClaimId: true,
  preferredReason: true,
  version: true,
} satisfies Prisma.ContradictionSelect;
type ReviewedPair = Prisma.ContradictionGetPayload<{ select: typeof reviewFields }>;

// A review is a decision on the whole pair, so a stale one is refused with the other editor's decision.
const contradictionReview: VersionedRecord<ReviewedPair, Prisma.ContradictionUncheckedUpdateManyInput> = {
  entity: "contradiction",
  noun: "pair",
  notFound: "That contradiction no longer exists.",
  conflictMessage: "Someone else reviewed this pair after you opened it. Their decision is shown; yours was not saved.",
  model: (tx) => tx.contradiction,
  load: (tx, id) => tx.contradiction.findUnique({ where: { id }, select: reviewFields }),
  current: (pair, saved) => ({ ...pair, ...saved }),
  auditView: (pair) => pair,
  auditWholeRecord: true,
};

function reviewAction(before: ReviewedPair, after: ReviewedPair): string {
  if (before.status === after.status) return "review";
  return after.status === "candidate" ? "reopen" : after.status === "confirmed" ? "confirm" : "dismiss";
}

export async function reviewContradiction(prisma: Db, input: ReviewContradictionInput, user: Reviewer) {
  return prisma.$transaction(async (tx) => {
    // The version is checked when writing, so a malformed choice is reported even on a stale form.
    const before = await getForEditOrThrow(tx, contradictionReview, input.id);
    const preferredClaimId = input.preferredClaimId ?? null;
    if (preferredClaimId !== null && preferredClaimId !== before.claimAId && preferredClaimId !== before.claimBId) {
      throw new ValidationError("The preferred claim must be one of the two claims.", {
        preferredClaimId: ["Choose one of the two claims, or neither."],
      });
    }
    const data = {
      status: input.status,
      rationale: input.rationale || null,
      preferredClaimId,
      preferredReason: preferredClaimId === null ? null : input.preferredReason,
    };
    const group = { actionId: randomUUID() };
    const after = await versionedUpdate(tx, contradictionReview, { before, version: input.version, data, userId: user.id, action: reviewAction, group });
    return { ...after, ...group };
  });
}

export async function linkContradiction(prisma: Db, input: LinkContradictionInput, user: Reviewer) {
  const [claimAId, claimBId] = input.claimId < input.otherClaimId ? [input.claimId, input.otherClaimId] : [input.otherClaimId, input.claimId];
  return prisma.$transaction(async (tx) => {
    const claims = await tx.claim.findMany({ where: { id: { in: [claimAId, claimBId] } }, select: { id: true } });
    if (claims.length !== 2) throw new NotFoundError("One of the two claims no longer exists.");
    const existing = await tx.contradiction.findUnique({
      where: { claimAId_claimBId: { claimAId, claimBId } },
      select: { id: true, status: true },
    });
    if (existing) {
      throw new ConflictError(`These claims are already paired as contradiction #${existing.id} (${existing.status}); review it there.`, existing);
    }
    const row = await tx.contradiction.create({
      data: {
        claimAId,
        claimBId,
        kind: input.kind,
        status: "confirmed",
        score: 1,
        detectedBy: EDITOR_RULE,
        explanation: `Linked by hand by ${user.name ?? user.email ?? `user #${user.id}`}.`,
        rationale: input.rationale,
      },
    });
    await recordAudit(tx, { userId: user.id, entityType: "contradiction", entityId: row.id, action: "link", after: row });
    return row;
  });
}

/** Undo (lib/undo) of a review: the decision recorded before it comes back, if the pair is still at the version the review left. */
export async function revertContradictionReview(
  tx: Prisma.TransactionClient,
  id: number,
  change: { before: unknown; after: unknown },
  user: Reviewer,
  group: AuditGroup,
) {
  const pair = await getForEditOrThrow(tx, contradictionReview, id);
  const [before, after] = [change.before as ReviewedPair, change.after as ReviewedPair];
  if (pair.version !== after.version) throw await changedSinceError(tx, "contradiction", id, `contradiction #${id}`);
  const data = { status: before.status, rationale: before.rationale, preferredClaimId: before.preferredClaimId, preferredReason: before.preferredReason };
  return versionedUpdate(tx, contradictionReview, { before: pair, version: pair.version, data, userId: user.id, action: "undo", group });
}
