// Review-queue leases: the queue hands a claim to one editor at a time. A lease is short, renewed by
// the open card (REVIEW_LEASE_RENEW_MS), released on a decision and void once expired, so a closed
// tab frees its claim within REVIEW_LEASE_MS. Leases are coordination, not content: they change no
// record and are not audited (the decision that ends one is).
import "server-only";
import { db, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/claims/schema";
import { reviewQueuePosition, type QueueOrder, type QueuePosition } from "@/lib/claims/queries";

type Tx = Prisma.TransactionClient;

export const REVIEW_LEASE_MS = 120_000;
export const REVIEW_LEASE_RENEW_MS = 30_000;

/** Another editor's live lease on a claim. */
export interface LeaseHolder {
  userId: number;
  name: string;
  expiresAt: Date;
}

export type LeaseOutcome = { held: true; expiresAt: Date } | { held: false; holder: LeaseHolder | null };

/** What the open card learns when it renews: still its claim, or whose it is now. */
export interface LeaseRenewal {
  held: boolean;
  holder: string | null;
}

export async function renewClaimLease(prisma: Db, claimId: number, userId: number): Promise<LeaseRenewal> {
  const outcome = await takeClaimLease(prisma, claimId, userId);
  return outcome.held ? { held: true, holder: null } : { held: false, holder: outcome.holder?.name ?? null };
}

/**
 * Takes (or renews) the claim for the editor unless another editor holds a live lease on it; one
 * statement, so of two editors taking the same claim at once exactly one gets it. The editor's
 * leases on other claims go: one card open at a time.
 */
export async function takeClaimLease(prisma: Db | Tx, claimId: number, userId: number, leaseMs = REVIEW_LEASE_MS): Promise<LeaseOutcome> {
  const taken = await prisma.$queryRaw<{ expiresAt: Date }[]>`
    INSERT INTO claim_leases (claim_id, user_id, expires_at, taken_at)
    SELECT id, ${userId}::int, now() + make_interval(secs => ${leaseMs / 1000}::float8), now() FROM claims WHERE id = ${claimId}::int
    ON CONFLICT (claim_id) DO UPDATE
      SET user_id = EXCLUDED.user_id, expires_at = EXCLUDED.expires_at,
          taken_at = CASE WHEN claim_leases.user_id = EXCLUDED.user_id THEN claim_leases.taken_at ELSE EXCLUDED.taken_at END
      WHERE claim_leases.user_id = EXCLUDED.user_id OR claim_leases.expires_at <= now()
    RETURNING expires_at AS "expiresAt"`;
  if (taken[0]) {
    await prisma.$executeRaw`DELETE FROM claim_leases WHERE user_id = ${userId}::int AND claim_id <> ${claimId}::int`;
    return { held: true, expiresAt: taken[0].expiresAt };
  }
  return { held: false, holder: await leaseHolder(prisma, claimId, userId) };
}

/** Who else holds a live lease on the claim, if anyone. */
export async function leaseHolder(prisma: Db | Tx, claimId: number, userId: number): Promise<LeaseHolder | null> {
  const [row] = await prisma.$queryRaw<{ userId: number; name: string; expiresAt: Date }[]>`
    SELECT l.user_id AS "userId", coalesce(u.name, u.email) AS name, l.expires_at AS "expiresAt"
    FROM claim_leases l JOIN users u ON u.id = l.user_id
    WHERE l.claim_id = ${claimId}::int AND l.user_id <> ${userId}::int AND l.expires_at > now()`;
  return row ?? null;
}

/** A decision ends the editor's hold on the claim; another editor's lease stays. */
export async function releaseClaimLease(prisma: Db | Tx, claimId: number, userId: number): Promise<void> {
  await prisma.$executeRaw`DELETE FROM claim_leases WHERE claim_id = ${claimId}::int AND user_id = ${userId}::int`;
}

export interface HandedClaim {
  position: QueuePosition;
  /** Another editor's live lease on the claim shown (one asked for by id, as "previous" does). */
  heldBy: LeaseHolder | null;
}

/** Tries so many claims before giving up on a queue other editors take from as fast as it hands out. */
const HAND_OUT_ATTEMPTS = 8;

/**
 * The claim the review queue shows, leased to the editor (no lease without one: viewers only look).
 * `at` is that claim exactly, held by another editor or not; `after` is the first claim after that
 * position nobody else holds; neither is the first such claim of the queue.
 */
export async function handOutQueueClaim(
  filters: ClaimFilters,
  order: QueueOrder,
  from: { at?: number; after?: number },
  editorId?: number,
  prisma: Db = db(),
): Promise<HandedClaim> {
  const queue = (id: number | undefined) => reviewQueuePosition(filters, id, prisma, order, { editorId });
  let position: QueuePosition;
  if (from.at !== undefined) {
    position = await queue(from.at);
    if (position.claimId === null || editorId === undefined) return { position, heldBy: null };
    const outcome = await takeClaimLease(prisma, position.claimId, editorId);
    return { position, heldBy: outcome.held ? null : outcome.holder };
  }
  if (from.after !== undefined) {
    const previous = await queue(from.after);
    // A claim that no longer exists puts the queue back at its start.
    position = previous.claimId !== from.after ? previous : await nextOf(queue, previous);
  } else {
    position = await queue(undefined);
  }
  if (editorId === undefined) return { position, heldBy: null };
  for (let attempt = 0; attempt < HAND_OUT_ATTEMPTS && position.claimId !== null; attempt++) {
    const outcome = await takeClaimLease(prisma, position.claimId, editorId);
    if (outcome.held || !outcome.holder) return { position, heldBy: null };
    // Taken a moment ago by another editor: the next one.
    position = await nextOf(queue, position);
  }
  return { position: emptyPosition(position), heldBy: null };
}

async function nextOf(queue: (id: number | undefined) => Promise<QueuePosition>, position: QueuePosition): Promise<QueuePosition> {
  return position.nextId === null ? emptyPosition(position) : queue(position.nextId);
}

/** Nothing left to hand out; "previous" still leads back. */
function emptyPosition(position: QueuePosition): QueuePosition {
  return { ...position, claimId: null, nextId: null, prevId: position.claimId ?? position.prevId };
}
