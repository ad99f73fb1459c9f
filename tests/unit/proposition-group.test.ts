// How the grouping run joins matched pairs into propositions (lib/propositions/group.ts, planGroups): pure, on ids.
import { describe, expect, test } from "vitest";
import { planGroups } from "@/lib/propositions/group";

function match(a: number, b: number, score: number) {
  return { a, b, score, reason: "test" };
}

describe("planGroups", () => {
  test("two groups join only when at least half of each matches the other, not through a few bridging members", () => {
    // Six claims telling one thing, two telling another; two of the six also share a word or a figure with the two.
    const six = [1, 2, 3, 4, 5, 6];
    const within = six.flatMap((a) => six.filter((b) => b > a).map((b) => match(a, b, 0.9)));
    const bridges = [match(7, 1, 0.6), match(8, 1, 0.6), match(7, 2, 0.6)];
    const plan = planGroups([...within, match(7, 8, 0.9), ...bridges], new Map(), new Set());
    expect(new Set(six.map((id) => plan.placements.get(id))).size).toBe(1);
    expect(plan.placements.get(7)).toBe(plan.placements.get(8));
    expect(plan.placements.get(7)).not.toBe(plan.placements.get(1));
    // When half of the six match the two as well, the two groups are one.
    const joined = planGroups([...within, match(7, 8, 0.9), ...bridges, match(8, 3, 0.6)], new Map(), new Set());
    expect(joined.placements.get(7)).toBe(joined.placements.get(1));
  });
});
