// The transactional core of the claim actions. Each function takes the database and the
// signed-in user explicitly, so integration tests drive it without a request; the server
// actions in actions.ts add the role check and input parsing. Every changed record gets
// exactly one audit event, written in the same transaction as the change.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { contextAround } from "@/lib/text/context";
import { facetContext, facetData } from "@/lib/claims/facets";
import { ATTRIBUTION_LABELS, CREDIBILITY_LABELS, SOURCE_STANCE_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import type { BulkStatusInput, BulkTopicInput, CreateClaimInput, ReviewClaimInput, UpdateClaimInput } from "@/lib/claims/schema";
import { findOrCreateActor } from "@/lib/actors/mutations";
import { findOrCreateTopic } from "@/lib/topics/mutations";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { lastSavedBy } from "@/lib/forms/saved-by";

type Tx = Prisma.TransactionClient;

export interface Editor {
  id: number;
}

/** The fields the claim editor shows, in form order. */
export const CLAIM_FORM_FIELDS = [
  "stance", "sourceStance", "speakerId", "newSpeakerName", "attribution", "citedVia",
  "topicId", "newTopicTitle", "credibility", "status", "notes",
] as const;

export const CLAIM_FIELD_LABELS: Record<(typeof CLAIM_FORM_FIELDS)[number], string> = {
  stance: "Stance",
  sourceStance: "Source stance",
  speakerId: "Speaker",
  newSpeakerName: "New speaker",
  attribution: "Attribution",
  citedVia: "Cited via",
  topicId: "Topic",
  newTopicTitle: "New topic",
  credibility: "Credibility",
  status: "Status",
  notes: "Editor notes",
};

const editableSelect = {
  id: true, version: true, stance: true, sourceStance: true, speakerId: true, attribution: true, citedVia: true,
  topicId: true, credibility: true, status: true, notes: true, reviewerId: true, reviewedAt: true,
  speaker: { select: { name: true } }, topic: { select: { title: true } },
} satisfies Prisma.ClaimSelect;

type EditableClaim = Prisma.ClaimGetPayload<{ select: typeof editableSelect }>;

/** Plain, JSON-safe view of the editable fields, as stored in audit events. */
function auditView(claim: EditableClaim) {
  return {
    stance: claim.stance,
    sourceStance: claim.sourceStance,
    speaker: claim.speaker?.name ?? null,
    speakerId: claim.speakerId,
    attribution: claim.attribution,
    citedVia: claim.citedVia,
    topic: claim.topic?.title ?? null,
    topicId: claim.topicId,
    credibility: claim.credibility,
    status: claim.status,
    notes: claim.notes,
  };
}

function changedOnly(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])),
    after: Object.fromEntries(keys.map((key) => [key, after[key]])),
    changed: keys.length > 0,
  };
}

export function claimSnapshot(claim: EditableClaim, saved: { savedBy?: string | null; savedAt?: string | null } = {}): FormSnapshot {
  return {
    version: claim.version,
    values: {
      stance: claim.stance,
      sourceStance: claim.sourceStance,
      speakerId: claim.speakerId === null ? "" : String(claim.speakerId),
      newSpeakerName: "",
      attribution: claim.attribution,
      citedVia: claim.citedVia ?? "",
      topicId: claim.topicId === null ? "" : String(claim.topicId),
      newTopicTitle: "",
      credibility: String(claim.credibility),
      status: claim.status,
      notes: claim.notes ?? "",
    },
    labels: {
      stance: STANCE_LABELS[claim.stance],
      sourceStance: SOURCE_STANCE_LABELS[claim.sourceStance],
      speakerId: claim.speaker?.name ?? "No speaker (author's voice)",
      attribution: ATTRIBUTION_LABELS[claim.attribution],
      topicId: claim.topic?.title ?? "No topic",
      credibility: CREDIBILITY_LABELS[claim.credibility] ?? String(claim.credibility),
      status: STATUS_LABELS[claim.status],
    },
    ...saved,
  };
}

async function loadEditable(tx: Tx, id: number): Promise<EditableClaim> {
  const claim = await tx.claim.findUnique({ where: { id }, select: editableSelect });
  if (!claim) throw new NotFoundError("That claim no longer exists.");
  return claim;
}

async function conflict(tx: Tx, id: number, what = "claim"): Promise<ConflictError> {
  const current = await loadEditable(tx, id);
  const saved = await lastSavedBy(tx, "claim", id);
  return new ConflictError(
    `Someone else saved this ${what} while you were editing it. Their changes are shown below; nothing of yours was saved yet.`,
    claimSnapshot(current, saved),
  );
}

/** Reviewer and time are recorded when a claim is approved or rejected, cleared when reopened. */
function reviewFields(previous: EditableClaim, status: ClaimStatus, user: Editor, now: Date) {
  if (status === previous.status) return {};
  if (status === "approved" || status === "rejected") return { reviewerId: user.id, reviewedAt: now };
  return { reviewerId: null, reviewedAt: null };
}

export interface SaveResult {
  id: number;
  version: number;
  changed: boolean;
  snapshot: FormSnapshot;
}

async function writeClaimChange(
  tx: Tx,
  claim: EditableClaim,
  expectedVersion: number,
  data: Prisma.ClaimUncheckedUpdateManyInput,
  user: Editor,
  action: string,
): Promise<SaveResult> {
  const updated = await tx.claim.updateMany({
    where: { id: claim.id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) throw await conflict(tx, claim.id);
  const after = await loadEditable(tx, claim.id);
  const diff = changedOnly(auditView(claim), auditView(after));
  await recordAudit(tx, { userId: user.id, entityType: "claim", entityId: claim.id, action, before: diff.before, after: diff.after });
  return { id: claim.id, version: after.version, changed: true, snapshot: claimSnapshot(after) };
}

export async function updateClaim(prisma: Db, input: UpdateClaimInput, user: Editor, now = new Date()): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const claim = await loadEditable(tx, input.id);
    if (claim.version !== input.version) throw await conflict(tx, claim.id);

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

    const next = {
      stance: input.stance, sourceStance: input.sourceStance, speakerId, attribution: input.attribution,
      citedVia: input.citedVia, topicId, credibility: input.credibility, status: input.status, notes: input.notes,
    };
    const current = {
      stance: claim.stance, sourceStance: claim.sourceStance, speakerId: claim.speakerId, attribution: claim.attribution,
      citedVia: claim.citedVia, topicId: claim.topicId, credibility: claim.credibility, status: claim.status, notes: claim.notes,
    };
    if (!changedOnly(current, next).changed) {
      return { id: claim.id, version: claim.version, changed: false, snapshot: claimSnapshot(claim) };
    }
    // A new speaker changes what the claim's facets say (whose denial it is, its check-worthiness):
    // the next detection run recomputes them.
    const stale = speakerId !== claim.speakerId ? { facetsVersion: null } : {};
    return writeClaimChange(tx, claim, input.version, { ...next, ...reviewFields(claim, input.status, user, now), ...stale }, user, "update");
  });
}

/** A one-key decision in the review queue: a status and/or a stance. */
export async function reviewClaim(prisma: Db, input: ReviewClaimInput, user: Editor, now = new Date()): Promise<SaveResult> {
  return prisma.$transaction(async (tx) => {
    const claim = await loadEditable(tx, input.id);
    if (claim.version !== input.version) throw await conflict(tx, claim.id);
    const status = input.status ?? claim.status;
    const stance = input.stance ?? claim.stance;
    if (status === claim.status && stance === claim.stance) {
      return { id: claim.id, version: claim.version, changed: false, snapshot: claimSnapshot(claim) };
    }
    return writeClaimChange(tx, claim, input.version, { status, stance, ...reviewFields(claim, status, user, now) }, user, "review");
  });
}

/** A claim an editor marked in the reader; the quote must be exactly the text at its offsets. */
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
        ...facetData({ quote: input.quote, context: facetContext(source.text, input.startOffset) }),
      },
      select: { id: true, quote: true, startOffset: true, endOffset: true, stance: true, attribution: true },
    });
    await recordAudit(tx, { userId: user.id, entityType: "claim", entityId: created.id, action: "create", after: { ...created, sourceId: source.id, origin: "editor" } });
    return { id: created.id };
  });
}

/** Up to 500 claims, one audit insert each: more than Prisma's 5 s default. */
const BULK_TRANSACTION = { timeout: 30_000, maxWait: 10_000 };

export interface BulkResult {
  changed: number;
  unchanged: number;
}

async function claimsForBulk(tx: Tx, ids: number[]): Promise<EditableClaim[]> {
  const unique = [...new Set(ids)];
  // Row locks keep each audit event's "before" true while concurrent saves wait.
  await tx.$queryRaw`SELECT id FROM claims WHERE id = ANY(${unique}::int[]) ORDER BY id FOR UPDATE`;
  const claims = await tx.claim.findMany({ where: { id: { in: unique } }, select: editableSelect, orderBy: { id: "asc" } });
  if (claims.length !== unique.length) {
    const missing = unique.filter((id) => !claims.some((claim) => claim.id === id));
    throw new ValidationError(`${missing.length} of the selected claims no longer exist (#${missing.slice(0, 5).join(", #")}). Reload the page.`, { ids: ["Some selected claims no longer exist"] });
  }
  return claims;
}

/**
 * Sets one status on many claims. Bulk actions overwrite deliberately, so they carry no
 * versions; they do bump each claim's version so an open editor form sees the change.
 */
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
    for (const claim of changing) {
      await recordAudit(tx, { userId: user.id, entityType: "claim", entityId: claim.id, action: "bulk_status", before: { status: claim.status }, after: { status: input.status } });
    }
    return { changed: changing.length, unchanged: claims.length - changing.length };
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
    for (const claim of changing) {
      await recordAudit(tx, {
        userId: user.id, entityType: "claim", entityId: claim.id, action: "bulk_topic",
        before: { topicId: claim.topicId, topic: claim.topic?.title ?? null }, after: { topicId, topic: title },
      });
    }
    return { changed: changing.length, unchanged: claims.length - changing.length, topicId };
  }, BULK_TRANSACTION);
}
