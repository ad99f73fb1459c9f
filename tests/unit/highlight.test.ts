import { expect, test } from "vitest";
import { textRuns } from "@/lib/sources/highlight";

test("runs cover the text exactly and keep overlapping claims visible", () => {
  const text = "Altaf Hussain said the MQM was peaceful. Others disagreed.";
  const runs = textRuns(text, [
    { id: 1, startOffset: 0, endOffset: 40 },
    { id: 2, startOffset: 19, endOffset: 40 },
  ]);
  expect(runs.map((run) => run.text).join("")).toBe(text);
  expect(runs.find((run) => run.text.startsWith("the MQM"))?.claimIds).toEqual([1, 2]);
  expect(runs.find((run) => run.text.startsWith("Altaf"))?.claimIds).toEqual([1]);
  expect(runs.at(-1)?.claimIds).toEqual([]);
});

test("claims with offsets outside the text are ignored rather than breaking the page", () => {
  const runs = textRuns("short", [{ id: 9, startOffset: 2, endOffset: 999 }]);
  expect(runs).toEqual([{ start: 0, end: 5, text: "short", claimIds: [] }]);
});
