// The dashboard's pace (lib/progress/pace.ts): the days a chart covers, and the time left in the queue
// at the last week's rate of decisions — or none, when nothing was decided.
import { describe, expect, test } from "vitest";
import { lastDays, queueEstimate, timeLeftWords, windowStart } from "@/lib/progress/pace";

describe("progress pace", () => {
  test("a window is whole UTC days ending with today's, across a month's end", () => {
    const now = new Date("2026-12-02T23:59:00Z");
    expect(lastDays(now, 4)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(windowStart(now, 4).toISOString()).toBe("2026-11-29T00:00:00.000Z");
  });

  test.each([
    // unreviewed, decisions in 7 days, days left, in words
    [700, 70, 70, "about 10 weeks"],
    [120, 70, 12, "about 12 days"],
    [10, 70, 1, "about 1 day"],
    [3, 70, 0.3, "under a day"],
    [0, 70, 0, "nothing left"],
  ])("%i unreviewed at %i decisions a week: %f days, %s", (unreviewed, decisions, days, words) => {
    const estimate = queueEstimate(unreviewed, decisions, 7);
    expect(estimate.perDay).toBe(10);
    expect(estimate.daysLeft).toBeCloseTo(days);
    expect(timeLeftWords(estimate)).toBe(words);
  });

  test("no decisions in the window: no pace, so no estimate", () => {
    const estimate = queueEstimate(500, 0, 7);
    expect(estimate.daysLeft).toBeNull();
    expect(timeLeftWords(estimate)).toBeNull();
  });
});
