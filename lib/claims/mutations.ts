// The transactional core of the claim actions; database and user are passed in so tests need no request.
// Every changed record gets exactly one audit event, in the same transaction as the change; a change
// by someone other than the editor who approved or rejected the claim notifies that editor there too.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus, Stance } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditGroup } from "@/lib/audit/record";
import { changedSinceError, sameValue } from "@/lib/undo/changed-since";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { contextAround } from "@/lib/text/context";
import { facetPlace, facetData } from "@/lib/claims/facets";
import { CLAIM_FORM_FIELDS, claimSnapshot } from "@/lib/claims/form";
import type {
  AdjustClaimBoundaryInput,
  BulkStatusInput,
  BulkTopicInput,
  CreateClaimInput,
  ReviewClaimInput,
  UpdateClaimInput,
  WithdrawClaimInput,
} from "@/lib/claims/schema";
import { moveBoundary } from "@/lib/claims/boundary";
import { findOrCreateActor } from "@/lib/actors/mutations";
import { findOrCreateTopic } from "@/lib/topics/mutations";
import { auditView, columnValues, selectColumns } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { changesAny, getForEditOrThrow, versionedUpdate, type VersionedRecord } from "@/lib/forms/versioned-update";
import { releaseClaimLease } from "@/lib/claims/leases";
import { STATUS_LABELS } from "@/lib/claims/labels";
import { describeClaimChange, notifyDecidersOfChange } from "@/lib/notifications/triggers";

type Tx = Prisma.TransactionClient;

export interface Editor {
  id: number;
}

const editableSelect = {
  id: true,
  version: true,
  ...selectColumns(CLAIM_FORM_FIELDS),
  // Who decided the claim, told when someone else changes it (lib/notifications/triggers.ts).
  reviewerId: true,
  quote: true,
  speaker: { select: { name: true } },
  topic: { select: { title: true } },
} satisfies Prisma.ClaimSelect;

type EditableClaim = Prisma.ClaimGetPayload<{ select: typeof editableSelect }>;

const claimRecord: VersionedRecord<EditableClaim, Prisma.ClaimUncheckedUpdateManyInput> = {
  entity: "claim",
  noun: "claim",
  notFound: "That claim no longer exists.",
  model: (tx) => tx.claim,
  load: (tx, id) => tx.claim.findUnique({ where: { id }, select: editableSelect }),
  current: claimSnapshot,
  auditView: (claim) => auditView(CLAIM_FORM_FIELDS, claim),
};

// Where a claim stands in its source and whether it is withdrawn: the same claim, versioned alike, audited by these fields.
const anchorSelect = {
  ...editableSelect,
  sourceId: true,
  quote: true,
  startOffset: true,
  endOffset: true,
  cue: true,
  withdrawnAt: true,
} satisfies Prisma.ClaimSelect;

type AnchoredClaim = Prisma.ClaimGetPayload<{ select: typeof anchorSelect }>;

const claimAnchorRecord: VersionedRecord<AnchoredClaim, Prisma.ClaimUncheckedUpdateManyInput> = {
  ...claimRecord,
  load: (tx, id) => tx.claim.findUnique({ where: { id }, select: anchorSelect }),
  auditView: (claim) => ({ quote: claim.quote, startOffset: claim.startOffset, endOffset: claim.endOffset, withdrawn: claim.withdrawnAt !== null }),
};

/** A versioned change to one claim, told to whoever decided it (when that was someone else). */
async function tellDecider<Row extends EditableClaim>(tx: Tx, record: VersionedRecord<Row, unknown>, before: Row, after: Row, user: Editor): Promise<Row> {
  await notifyDecidersOfChange(tx, user.id, [before], describeClaimChange(record.auditView(before), record.auditView(after)));
  return after;
}

function reviewFields(previous: { status: ClaimStatus }, status: ClaimStatus, user: Editor, now: Date) {
  if (status === previous.status) return {};
  if (status === "approved" || status === "rejected") return { reviewerId: user.id, reviewedAt: now };
  return { reviewerId: null, reviewedAt: null };
}

export interface SaveResult {
  id: number;
  version: number;
  changed: boolean;
  snapshot: FormSnapshot;
  /** Set when the change can be undone (lib/undo): the action's id. */
  actionId?: string;
}

function saveResult(claim: EditableClaim, changed: boolean): SaveResult {
  return { id: claim.id, version: claim.version, changed, snapshot: claimSnapshot(claim) };
}

export async function updateClaim(prisma: Db, input: UpdateClaimInput, user: Editor, now = new Date()): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const claim = await getForEditOrThrow(tx, claimRecord, input.id, input.version);

    let speakerId = input.speakerId;
    if (input.newSpeakerName) speakerId = (await findOrCreateActor(tx, input.newSpeakerName, user)).id;
    else if (speakerId !== null && !(await tx.actor.findUnique({ where: { id: speakerId }, select: { id: true } }))) {
      throw new ValidationError("Some fields need attention.", { speakerId: ["That speaker no longer exists; choose another"] });
    }
    let topicId = input.topicId;
    if (input.newTopicTitle) topicId = (await findOrCreateTopic(tx, input.newTopicTitle, user)).id;
    else if (topicId !== null && !(await tx.topic.findUnique({ where: { id: topicId }, select: { id: true } }))) {
      throw new ValidationError("Some fields need attention.", { topicId: ["That topic no longer exists; choose another"] });
    }

    const next = { ...columnValues(CLAIM_FORM_FIELDS, input), speakerId, topicId };
    if (!changesAny(claim, next)) return saveResult(claim, false);
    // A new speaker changes the claim's facets: the next detection run recomputes them.
    const stale = speakerId !== claim.speakerId ? { facetsVersion: null } : {};
    const data = { ...next, ...reviewFields(claim, input.status, user, now), ...stale };
    const after = await versionedUpdate(tx, claimRecord, { before: claim, version: input.version, data, userId: user.id, action: "update" });
    return saveResult(await tellDecider(tx, claimRecord, claim, after, user), true);
  });
}

export async function reviewClaim(prisma: Db, input: ReviewClaimInput, user: Editor, now = new Date()): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const claim = await getForEditOrThrow(tx, claimRecord, input.id, input.version);
    const status = input.status ?? claim.status;
    const stance = input.stance ?? claim.stance;
    // A decision hands the claim back to the queue's bookkeeping: the editor's lease on it ends.
    if (input.status === "approved" || input.status === "rejected") await releaseClaimLease(tx, claim.id, user.id);
    if (!changesAny(claim, { status, stance })) return saveResult(claim, false);
    const data = { status, stance, ...reviewFields(claim, status, user, now) };
    const group = { actionId: randomUUID() };
    const after = await versionedUpdate(tx, claimRecord, { before: claim, version: input.version, data, userId: user.id, action: "review", group });
    return { ...saveResult(await tellDecider(tx, claimRecord, claim, after, user), true), ...group };
  });
}

export async function createClaim(prisma: Db, input: CreateClaimInput, user: Editor): Promise<{ id: number }> {
  return prisma.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true, text: true } });
    if (!source) throw new NotFoundError("That source no longer exists.");
    if (input.endOffset > source.text.length || source.text.slice(input.startOffset, input.endOffset) !== input.quote) {
      throw new ValidationError("The selection does not match the source text.", {
        quote: ["The selected text is not at those offsets in the source (was the source reloaded?). Reload the page and select it again."],
      });
    }
    const duplicate = await tx.claim.findUnique({
      where: { sourceId_startOffset_endOffset: { sourceId: source.id, startOffset: input.startOffset, endOffset: input.endOffset } },
      select: { id: true },
    });
    if (duplicate) {
      throw new ValidationError("A claim already covers exactly this text.", { quote: [`Claim #${duplicate.id} already covers exactly this text.`] });
    }
    const created = await tx.claim.create({
      data: {
        sourceId: source.id,
        quote: input.quote,
        startOffset: input.startOffset,
        endOffset: input.endOffset,
        ...contextAround(source.text, input.startOffset, input.endOffset),
        origin: "editor",
        stance: input.stance,
        attribution: input.attribution,
        ...facetData({ quote: input.quote, ...facetPlace(source.text, input.startOffset) }),
      },
      select: { id: true, quote: true, startOffset: true, endOffset: true, stance: true, attribution: true },
    });
    await recordAudit(tx, {
      userId: user.id,
      entityType: "claim",
      entityId: created.id,
      action: "create",
      after: { ...created, sourceId: source.id, origin: "editor" },
    });
    return { id: created.id };
  });
}

export interface AnchorResult extends SaveResult {
  quote: string;
  startOffset: number;
  endOffset: number;
  withdrawn: boolean;
}

function anchorResult(claim: AnchoredClaim, changed: boolean): AnchorResult {
  return {
    ...saveResult(claim, changed),
    quote: claim.quote,
    startOffset: claim.startOffset,
    endOffset: claim.endOffset,
    withdrawn: claim.withdrawnAt !== null,
  };
}

/** Moves one end by a word and re-anchors the claim there: quote, offsets, context and facets from the source text. */
export async function adjustClaimBoundary(prisma: Db, input: AdjustClaimBoundaryInput, user: Editor): Promise<AnchorResult> {
  return prisma.$transaction(async (tx) => {
    const claim = await getForEditOrThrow(tx, claimAnchorRecord, input.id, input.version);
    if (claim.withdrawnAt) throw new ValidationError("Restore this claim before adjusting it.", { [input.edge]: ["The claim is withdrawn."] });
    const { text } = await tx.source.findUniqueOrThrow({ where: { id: claim.sourceId }, select: { text: true } });
    if (text.slice(claim.startOffset, claim.endOffset) !== claim.quote) {
      throw new ValidationError("This claim's quote is no longer at its place in the source, so it has no boundary to move.", {
        [input.edge]: ["The quote is not at its offsets in the source text."],
      });
    }
    const moved = moveBoundary(text, { start: claim.startOffset, end: claim.endOffset }, input.edge, input.step);
    if (!moved.ok) throw new ValidationError(moved.reason, { [input.edge]: [moved.reason] });
    const duplicate = await tx.claim.findUnique({
      where: { sourceId_startOffset_endOffset: { sourceId: claim.sourceId, startOffset: moved.start, endOffset: moved.end } },
      select: { id: true },
    });
    if (duplicate) {
      const reason = `Claim #${duplicate.id} already covers exactly that text.`;
      throw new ValidationError(reason, { [input.edge]: [reason] });
    }
    const quote = text.slice(moved.start, moved.end);
    const data = {
      quote,
      startOffset: moved.start,
      endOffset: moved.end,
      ...contextAround(text, moved.start, moved.end),
      anchorStatus: "anchored" as const,
      ...facetData({ quote, cue: claim.cue, speakerName: claim.speaker?.name ?? null, ...facetPlace(text, moved.start) }),
    };
    const after = await versionedUpdate(tx, claimAnchorRecord, { before: claim, version: input.version, data, userId: user.id, action: "adjust_boundary" });
    return anchorResult(await tellDecider(tx, claimAnchorRecord, claim, after, user), true);
  });
}

/** Withdrawn, a claim leaves lists, queue, exports, counts and detection; restored, it comes back as it was. */
export async function setClaimWithdrawn(prisma: Db, input: WithdrawClaimInput, withdrawn: boolean, user: Editor, now = new Date()): Promise<AnchorResult> {
  return prisma.$transaction(async (tx) => {
    const claim = await getForEditOrThrow(tx, claimAnchorRecord, input.id, input.version);
    if ((claim.withdrawnAt !== null) === withdrawn) return anchorResult(claim, false);
    // A withdrawn claim is nobody's to review.
    if (withdrawn) await tx.claimLease.deleteMany({ where: { claimId: claim.id } });
    const data = { withdrawnAt: withdrawn ? now : null };
    // A withdrawal can be undone (lib/undo); a restore is itself the way back.
    const group = withdrawn ? { actionId: randomUUID() } : undefined;
    const after = await versionedUpdate(tx, claimAnchorRecord, {
      before: claim,
      version: input.version,
      data,
      userId: user.id,
      action: withdrawn ? "withdraw" : "restore",
      group,
    });
    return { ...anchorResult(await tellDecider(tx, claimAnchorRecord, claim, after, user), true), ...group };
  });
}

/** Up to 500 claims, one audit insert each: more than Prisma's 5 s default. */
const BULK_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

export interface BulkResult {
  changed: number;
  unchanged: number;
  /** The action's id for undo (lib/undo), when it changed anything. */
  actionId?: string;
}

async function claimsForBulk(tx: Tx, ids: number[]): Promise<EditableClaim[]> {
  const unique = [...new Set(ids)];
  // Row locks keep each audit event's "before" true while concurrent saves wait.
  await tx.$queryRaw`SELECT id FROM claims WHERE id = ANY(${unique}::int[]) ORDER BY id FOR UPDATE`;
  const claims = await tx.claim.findMany({ where: { id: { in: unique } }, select: editableSelect, orderBy: { id: "asc" } });
  if (claims.length !== unique.length) {
    const missing = unique.filter((id) => !claims.some((claim) => claim.id === id));
    throw new ValidationError(`${missing.length} of the selected claims no longer exist (#${missing.slice(0, 5).join(", #")}). Reload the page.`, {
      ids: ["Some selected claims no longer exist"],
    });
  }
  return claims;
}

/** Bulk actions overwrite deliberately, but bump each version so an open editor form sees the change. */
export async function bulkSetStatus(prisma: Db, input: BulkStatusInput, user: Editor, now = new Date()): Promise<BulkResult> {
  return prisma.$transaction(async (tx) => {
    const claims = await claimsForBulk(tx, input.ids);
    const changing = claims.filter((claim) => claim.status !== input.status);
    if (changing.length > 0) {
      await tx.claim.updateMany({
        where: { id: { in: changing.map((claim) => claim.id) } },
        data: { status: input.status, ...reviewFields(changing[0]!, input.status, user, now), version: { increment: 1 } },
      });
    }
    const actionId = randomUUID();
    for (const claim of changing) {
      await recordAudit(tx, {
        userId: user.id,
        entityType: "claim",
        entityId: claim.id,
        action: "bulk_status",
        before: { status: claim.status },
        after: { status: input.status },
        actionId,
      });
    }
    await notifyDecidersOfChange(tx, user.id, changing, `Status set to ${STATUS_LABELS[input.status]}`);
    return { changed: changing.length, unchanged: claims.length - changing.length, ...(changing.length > 0 && { actionId }) };
  }, BULK_TRANSACTION);
}

export async function bulkSetTopic(prisma: Db, input: BulkTopicInput, user: Editor): Promise<BulkResult & { topicId: number | null }> {
  return prisma.$transaction(async (tx) => {
    const claims = await claimsForBulk(tx, input.ids);
    let topicId: number | null;
    if (input.newTopicTitle) topicId = (await findOrCreateTopic(tx, input.newTopicTitle, user)).id;
    else if (input.topicId === "none" || input.topicId === undefined) topicId = null;
    else {
      const topic = await tx.topic.findUnique({ where: { id: input.topicId }, select: { id: true } });
      if (!topic) throw new ValidationError("Some fields need attention.", { topicId: ["That topic no longer exists; choose another"] });
      topicId = topic.id;
    }
    const changing = claims.filter((claim) => claim.topicId !== topicId);
    if (changing.length > 0) {
      await tx.claim.updateMany({ where: { id: { in: changing.map((claim) => claim.id) } }, data: { topicId, version: { increment: 1 } } });
    }
    const title = topicId === null ? null : (await tx.topic.findUniqueOrThrow({ where: { id: topicId }, select: { title: true } })).title;
    const actionId = randomUUID();
    for (const claim of changing) {
      await recordAudit(tx, {
        userId: user.id,
        entityType: "claim",
        entityId: claim.id,
        action: "bulk_topic",
        before: { topicId: claim.topicId, topic: claim.topic?.title ?? null },
        after: { topicId, topic: title },
        actionId,
      });
    }
    await notifyDecidersOfChange(tx, user.id, changing, title === null ? "Topic removed" : `Topic set to “${title}”`);
    return { changed: changing.length, unchanged: claims.length - changing.length, topicId, ...(changing.length > 0 && { actionId }) };
  }, BULK_TRANSACTION);
}

// Undo (lib/undo): the fields an undoable action changes on a claim, audited as one view.
const claimUndoRecord: VersionedRecord<AnchoredClaim, Prisma.ClaimUncheckedUpdateManyInput> = {
  ...claimAnchorRecord,
  auditView: (claim) => ({ ...auditView(CLAIM_FORM_FIELDS, claim), withdrawn: claim.withdrawnAt !== null }),
};

const REVERTIBLE_CLAIM_FIELDS = ["status", "stance", "topicId", "speakerId", "withdrawn"] as const;

export interface RecordedChange {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Puts back what an audited change replaced on a claim (status, stance, topic, speaker, withdrawal), through the
 * versioned update, if the claim still holds what the change left; otherwise refuses naming who changed it since.
 */
export async function revertClaimChange(tx: Tx, claimId: number, change: RecordedChange, user: Editor, group: AuditGroup, now = new Date()): Promise<void> {
  const claim = await getForEditOrThrow(tx, claimUndoRecord, claimId);
  const view = claimUndoRecord.auditView(claim);
  const fields = REVERTIBLE_CLAIM_FIELDS.filter((name) => name in change.after);
  if (fields.some((name) => !sameValue(view[name], change.after[name]))) throw await changedSinceError(tx, "claim", claimId, `claim #${claimId}`);
  const was = (name: (typeof REVERTIBLE_CLAIM_FIELDS)[number]) => change.before[name];
  const data: Prisma.ClaimUncheckedUpdateManyInput = {};
  if (fields.includes("status")) Object.assign(data, { status: was("status"), ...reviewFields(claim, was("status") as ClaimStatus, user, now) });
  if (fields.includes("stance")) data.stance = was("stance") as Stance;
  if (fields.includes("topicId")) {
    const topicId = (was("topicId") as number | null) ?? null;
    if (topicId !== null && !(await tx.topic.findUnique({ where: { id: topicId }, select: { id: true } }))) {
      throw new NotFoundError(`Cannot undo: the topic claim #${claimId} had (#${topicId}) no longer exists. Nothing was undone.`);
    }
    data.topicId = topicId;
  }
  if (fields.includes("speakerId")) {
    const speakerId = (was("speakerId") as number | null) ?? null;
    if (speakerId !== null && !(await tx.actor.findUnique({ where: { id: speakerId }, select: { id: true } }))) {
      throw new NotFoundError(`Cannot undo: the speaker claim #${claimId} had (#${speakerId}) no longer exists. Nothing was undone.`);
    }
    // A new speaker changes the claim's facets: the next detection run recomputes them.
    Object.assign(data, { speakerId, facetsVersion: null });
  }
  if (fields.includes("withdrawn")) data.withdrawnAt = was("withdrawn") === true ? now : null;
  await versionedUpdate(tx, claimUndoRecord, { before: claim, version: claim.version, data, userId: user.id, action: "undo", group });
}
