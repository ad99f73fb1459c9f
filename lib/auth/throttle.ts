// Failed sign-in throttling per account and address. Every attempt is logged (never the
// password); a successful sign-in starts the count afresh.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;

type AttemptStore = Pick<PrismaClient, "signInAttempt">;

export interface ThrottleKey {
  email: string;
  address: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function throttleWaitMinutes(store: AttemptStore, key: ThrottleKey, now: Date = new Date()): Promise<number> {
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const lastSuccess = await store.signInAttempt.findFirst({
    where: { email: key.email, address: key.address, success: true, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const since = lastSuccess && lastSuccess.createdAt > windowStart ? lastSuccess.createdAt : windowStart;
  const failures = await store.signInAttempt.findMany({
    where: { email: key.email, address: key.address, success: false, createdAt: { gt: since, lte: now } },
    orderBy: { createdAt: "desc" },
    take: MAX_FAILURES,
    select: { createdAt: true },
  });
  if (failures.length < MAX_FAILURES) return 0;
  // The lock lifts when the oldest of the last MAX_FAILURES failures leaves the window.
  const oldest = failures[failures.length - 1]!.createdAt;
  const liftsAt = oldest.getTime() + WINDOW_MINUTES * 60_000;
  return Math.max(1, Math.ceil((liftsAt - now.getTime()) / 60_000));
}

export function throttleMessage(minutes: number): string {
  return `Too many failed sign-ins for this account from your address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export async function logSignInAttempt(store: AttemptStore, key: ThrottleKey, success: boolean, now?: Date): Promise<void> {
  await store.signInAttempt.create({ data: { email: key.email, address: key.address, success, ...(now && { createdAt: now }) } });
}
