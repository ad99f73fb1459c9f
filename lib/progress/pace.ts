// The desk's pace, as pure arithmetic (tests/unit/progress-pace.test.ts): days in a window, and the
// time left in the queue at the recent rate of decisions.

export const DAY_MS = 86_400_000;

/** The last `days` UTC days up to and including the one `now` is in, oldest first, as YYYY-MM-DD. */
export function lastDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, index) => new Date(today - (days - 1 - index) * DAY_MS).toISOString().slice(0, 10));
}

/** Midnight UTC at the start of the first of lastDays(now, days). */
export function windowStart(now: Date, days: number): Date {
  return new Date(`${lastDays(now, days)[0]}T00:00:00.000Z`);
}

export interface QueueEstimate {
  unreviewed: number;
  /** Decisions over the window, and per day. */
  decisions: number;
  perDay: number;
  /** Null when there were no decisions: no pace to go by. */
  daysLeft: number | null;
}

export function queueEstimate(unreviewed: number, decisions: number, windowDays: number): QueueEstimate {
  const perDay = decisions / windowDays;
  return { unreviewed, decisions, perDay, daysLeft: perDay > 0 ? unreviewed / perDay : null };
}

/** "about 12 days", "under a day", "nothing left"; null when there is no recent pace. */
export function timeLeftWords(estimate: QueueEstimate): string | null {
  if (estimate.unreviewed === 0) return "nothing left";
  if (estimate.daysLeft === null) return null;
  if (estimate.daysLeft < 1) return "under a day";
  if (estimate.daysLeft < 60) {
    const days = Math.round(estimate.daysLeft);
    return `about ${days} ${days === 1 ? "day" : "days"}`;
  }
  const weeks = Math.round(estimate.daysLeft / 7);
  return `about ${weeks.toLocaleString("en")} weeks`;
}
