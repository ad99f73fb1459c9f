// A status, topic or assignee for every claim the claims-table filters match. The claims are found
// again from the filters and locked; if more or fewer match than the editor confirmed, nothing
// changes. Then set-based SQL in one transaction: per chunk of claims, one statement updates those
// that differ and inserts one audit event for each (INSERT ... SELECT), so a failure anywhere leaves
// every claim as it was. The rules are the checked-rows bulk actions' (lib/claims/mutations.ts): a
// status or topic change overwrites deliberately, decided claims included, and raises each version
// so an open edit form sees it; an assignment raises none (lib/assignments). Claims that already
// have the value are skipped and counted.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors";
import { claimFilterSql } from "@/lib/claims/filters";
import { prepareClaimFilters } from "@/lib/propositions/origin-counts";
import { STATUS_LABELS } from "@/lib/claims/labels";
import { findOrCreateTopic } from "@/lib/topics/mutations";
import { assigneeOrThrow } from "@/lib/assignments/mutations";
import { notifyDecidersOfChange, type DecidedClaim } from "@/lib/notifications/triggers";
import type { BulkChange, BulkMatchingInput, BulkMatchingResult } from "@/lib/bulk/schema";
import type { ClaimFilters } from "@/lib/claims/schema";

type Tx = Prisma.TransactionClient;

/** Claims per statement: each statement's progress is reported, and no array parameter grows without bound. */
export const BULK_CHUNK = 1_000;

/** Long enough for a hundred thousand claims; the job path holds no request open meanwhile. */
const MATCHING_TRANSACTION = { timeout: 15 * 60_000, maxWait: 10_000 };

export interface BulkOptions {
  /** Called after each chunk with how many claims have been gone through. */
  onProgress?: (processed: number) => Promise<void> | void;
  chunkSize?: number;
  now?: Date;
}

/** One change as SQL: what the old row says, whether a claim differs, how it is set, and its audit event. */
interface ChangePlan {
  label: string;
  /** What the change did, as a notification to a claim's decider says it; null for an assignment, which changes no claim's content. */
  notice: string | null;
  /** The past participle a refusal uses: "nothing was changed". */
  done: string;
  action: string;
  /** Columns of the claim aliased `c` (and joins) that the audit event's "before" reads, as prior.<name>. */
  priorColumns: Prisma.Sql;
  joins: Prisma.Sql;
  differs: Prisma.Sql;
  set: Prisma.Sql;
  before: Prisma.Sql;
  after: Prisma.Sql;
}

async function existingTopicOrThrow(tx: Tx, id: number): Promise<number> {
  const topic = await tx.topic.findUnique({ where: { id }, select: { id: true } });
  if (!topic) throw new ValidationError("Some fields need attention.", { topicId: ["That topic no longer exists; choose another"] });
  return topic.id;
}

/** The refusals a change can meet before any claim is read (a topic or an assignee that is gone), for a job to meet at once. */
export async function checkChange(tx: Tx, change: BulkChange): Promise<void> {
  if (change.kind === "topic" && typeof change.topicId === "number") await existingTopicOrThrow(tx, change.topicId);
  if (change.kind === "assign") await assigneeOrThrow(tx, change.assigneeId);
}

async function planChange(tx: Tx, change: BulkChange, user: { id: number }, now: Date): Promise<ChangePlan> {
  const none = Prisma.empty;
  if (change.kind === "status") {
    const decision = change.status === "approved" || change.status === "rejected";
    return {
      label: STATUS_LABELS[change.status],
      notice: `Status set to ${STATUS_LABELS[change.status]}`,
      done: "changed",
      action: "bulk_status",
      priorColumns: none,
      joins: none,
      differs: Prisma.sql`c.status <> ${change.status}::claim_status`,
      // As reviewFields in lib/claims/mutations.ts: a decision names its reviewer, anything else clears it.
      set: Prisma.sql`status = ${change.status}::claim_status, reviewer_id = ${decision ? user.id : null}::int,
        reviewed_at = ${decision ? now : null}::timestamptz, version = c.version + 1`,
      before: Prisma.sql`jsonb_build_object('status', prior.status)`,
      after: Prisma.sql`jsonb_build_object('status', ${change.status}::text)`,
    };
  }
  if (change.kind === "topic") {
    let topicId: number | null = null;
    if (change.newTopicTitle) topicId = (await findOrCreateTopic(tx, change.newTopicTitle, user)).id;
    else if (typeof change.topicId === "number") topicId = await existingTopicOrThrow(tx, change.topicId);
    const title = topicId === null ? null : (await tx.topic.findUniqueOrThrow({ where: { id: topicId }, select: { title: true } })).title;
    return {
      label: title ?? "no topic",
      notice: title === null ? "Topic removed" : `Topic set to “${title}”`,
      done: "changed",
      action: "bulk_topic",
      priorColumns: Prisma.sql`, t.title AS topic_title`,
      joins: Prisma.sql`LEFT JOIN topics t ON t.id = c.topic_id`,
      differs: Prisma.sql`c.topic_id IS DISTINCT FROM ${topicId}::int`,
      set: Prisma.sql`topic_id = ${topicId}::int, version = c.version + 1`,
      before: Prisma.sql`jsonb_build_object('topicId', prior.topic_id, 'topic', prior.topic_title)`,
      after: Prisma.sql`jsonb_build_object('topicId', ${topicId}::int, 'topic', ${title}::text)`,
    };
  }
  const assignee = await assigneeOrThrow(tx, change.assigneeId);
  return {
    label: assignee?.name ?? "nobody",
    notice: null,
    done: "assigned",
    // "Who saved last" (lib/forms/saved-by.ts) passes over these two actions.
    action: assignee ? "assign" : "unassign",
    priorColumns: Prisma.sql`, coalesce(u.name, u.email) AS assignee_name`,
    joins: Prisma.sql`LEFT JOIN users u ON u.id = c.assignee_id`,
    differs: Prisma.sql`c.assignee_id IS DISTINCT FROM ${assignee?.id ?? null}::int`,
    set: Prisma.sql`assignee_id = ${assignee?.id ?? null}::int`,
    before: Prisma.sql`jsonb_build_object('assigneeId', prior.assignee_id, 'assignee', prior.assignee_name)`,
    after: Prisma.sql`jsonb_build_object('assigneeId', ${assignee?.id ?? null}::int, 'assignee', ${assignee?.name ?? null}::text)`,
  };
}

/** The matching claims' ids, locked so that each audit event's "before" stays true while concurrent saves wait. */
async function lockMatching(tx: Tx, filters: ClaimFilters): Promise<number[]> {
  await prepareClaimFilters(tx, filters);
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT c.id FROM claims c WHERE ${claimFilterSql(filters)} ORDER BY c.id FOR UPDATE OF c`;
  return rows.map((row) => row.id);
}

export function countChangedRefusal(matching: number, confirmed: number, done: string): ValidationError {
  const message = `${matching.toLocaleString("en")} ${matching === 1 ? "claim matches" : "claims match"} these filters now, not the ${confirmed.toLocaleString("en")} you confirmed; nothing was ${done}. Reload the page and confirm again.`;
  return new ValidationError(message, { confirmedCount: [message] });
}

interface ChunkOutcome {
  changed: number;
  decided: number;
  /** Changed claims someone else had approved or rejected: their deciders are told (lib/notifications). */
  othersDecided: DecidedClaim[];
}

async function applyChunk(tx: Tx, plan: ChangePlan, ids: number[], userId: number, now: Date, actionId: string): Promise<ChunkOutcome> {
  const [row] = await tx.$queryRaw<ChunkOutcome[]>`
    WITH prior AS (
      SELECT c.id, c.status, c.topic_id, c.assignee_id, c.reviewer_id, left(c.quote, 300) AS quote ${plan.priorColumns}
      FROM claims c ${plan.joins}
      WHERE c.id = ANY(${ids}::int[]) AND ${plan.differs}
    ), changed AS (
      UPDATE claims c SET ${plan.set}, updated_at = ${now}::timestamptz FROM prior WHERE c.id = prior.id RETURNING c.id
    ), audited AS (
      INSERT INTO audit_events (user_id, entity_type, entity_id, action, before, after, action_id)
      SELECT ${userId}::int, 'claim', prior.id::text, ${plan.action}, ${plan.before}, ${plan.after}, ${actionId}::uuid
      FROM prior JOIN changed ON changed.id = prior.id ORDER BY prior.id
      RETURNING 1
    )
    SELECT count(*)::int AS changed, (count(*) FILTER (WHERE prior.status IN ('approved', 'rejected')))::int AS decided,
      coalesce(jsonb_agg(jsonb_build_object('id', prior.id, 'status', prior.status, 'reviewerId', prior.reviewer_id, 'quote', prior.quote) ORDER BY prior.id)
        FILTER (WHERE prior.status IN ('approved', 'rejected') AND prior.reviewer_id IS DISTINCT FROM ${userId}::int AND prior.reviewer_id IS NOT NULL), '[]'::jsonb) AS "othersDecided"
    FROM prior JOIN changed ON changed.id = prior.id`;
  return row ?? { changed: 0, decided: 0, othersDecided: [] };
}

/** The whole change inside a transaction the caller holds. */
export async function changeMatchingInTransaction(
  tx: Tx,
  input: BulkMatchingInput,
  user: { id: number },
  options: BulkOptions = {},
): Promise<BulkMatchingResult> {
  const now = options.now ?? new Date();
  const plan = await planChange(tx, input.change, user, now);
  const ids = await lockMatching(tx, input.filters);
  if (ids.length !== input.confirmedCount) throw countChangedRefusal(ids.length, input.confirmedCount, plan.done);
  const size = options.chunkSize ?? BULK_CHUNK;
  // The events of one change share an action id, so that it can be undone as one (lib/undo).
  const actionId = randomUUID();
  let changed = 0;
  let decided = 0;
  const othersDecided: DecidedClaim[] = [];
  for (let start = 0; start < ids.length; start += size) {
    const chunk = await applyChunk(tx, plan, ids.slice(start, start + size), user.id, now, actionId);
    changed += chunk.changed;
    decided += chunk.decided;
    othersDecided.push(...chunk.othersDecided);
    await options.onProgress?.(Math.min(start + size, ids.length));
  }
  // As the checked-rows bulk actions do: whoever approved or rejected a claim hears it was changed.
  if (plan.notice !== null) await notifyDecidersOfChange(tx, user.id, othersDecided, plan.notice);
  return {
    total: ids.length,
    changed,
    skipped: ids.length - changed,
    decided: input.change.kind === "status" ? decided : 0,
    label: plan.label,
    ...(changed > 0 && plan.notice !== null ? { actionId } : {}),
  };
}

export function changeMatching(prisma: Db, input: BulkMatchingInput, user: { id: number }, options: BulkOptions = {}): Promise<BulkMatchingResult> {
  return prisma.$transaction((tx) => changeMatchingInTransaction(tx, input, user, options), MATCHING_TRANSACTION);
}
