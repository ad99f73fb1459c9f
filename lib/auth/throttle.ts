// Failed sign-in throttling, per account and address and per address across accounts. Every attempt
// is logged (never the password). An attempt is written as a failure BEFORE its password is checked,
// under a per-address lock, so parallel guesses cannot all read the count before any is written; a
// correct password then marks its own row a success, which starts that account's count afresh.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export const MAX_FAILURES = 5;
/** Across all accounts from one address: guessing many accounts' passwords is throttled too. */
export const MAX_ADDRESS_FAILURES = 20;
export const WINDOW_MINUTES = 15;

type AttemptStore = Pick<PrismaClient, "signInAttempt">;

export interface ThrottleKey {
  email: string;
  address: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Minutes until the oldest of the last `limit` failures leaves the window; 0 below the limit. */
async function waitFor(store: AttemptStore, where: Prisma.SignInAttemptWhereInput, limit: number, now: Date): Promise<number> {
  const failures = await store.signInAttempt.findMany({
    where: { ...where, success: false },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  if (failures.length < limit) return 0;
  const liftsAt = failures[failures.length - 1]!.createdAt.getTime() + WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((liftsAt - now.getTime()) / 60_000));
}

export async function throttleWaitMinutes(store: AttemptStore, key: ThrottleKey, now: Date = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const lastSuccess = await store.signInAttempt.findFirst({
    where: { email: key.email, address: key.address, success: true, createdAt: { gt: windowStart, lte: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess?.createdAt ?? windowStart;
  const account = await waitFor(store, { email: key.email, address: key.address, createdAt: { gt: since, lte: now } }, MAX_FAILURES, now);
  const address = await waitFor(store, { address: key.address, createdAt: { gt: windowStart, lte: now } }, MAX_ADDRESS_FAILURES, now);
  return Math.max(account, address);
}

export type Reservation = { attemptId: number; waitMinutes: 0 } | { attemptId: null; waitMinutes: number };

/**
 * One transaction under a per-address advisory lock: read the throttle, then log this attempt as a
 * failure. Concurrent attempts from one address queue here, each seeing the ones before it.
 */
export async function reserveAttempt(prisma: PrismaClient, key: ThrottleKey, now: Date = new Date()): Promise<Reservation> {
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`sign-in ${key.address}`}))`;
    const waitMinutes = await throttleWaitMinutes(tx, key, now);
    const attempt = await tx.signInAttempt.create({ data: { email: key.email, address: key.address, success: false, createdAt: now }, select: { id: true } });
    return waitMinutes > 0 ? { attemptId: null, waitMinutes } : { attemptId: attempt.id, waitMinutes: 0 };
  });
}

/** The password was right: the reserved attempt becomes a success. */
export async function markAttemptSucceeded(store: AttemptStore, attemptId: number): Promise<void> {
  await store.signInAttempt.update({ where: { id: attemptId }, data: { success: true } });
}

export async function logSignInAttempt(store: AttemptStore, key: ThrottleKey, success: boolean, now?: Date): Promise<void> {
  await store.signInAttempt.create({ data: { email: key.email, address: key.address, success, ...(now && { createdAt: now }) } });
}
