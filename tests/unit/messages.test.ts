// Messages people read (issue 17, item 11): a filter the address got wrong, a change in the
// history, a count of things. Pure functions, no database.
import { describe, expect, test } from "vitest";
import { parseClaimTableParams } from "@/lib/claims/schema";
import { auditFilterSchema } from "@/lib/audit/schema";
import { parseWithProblems } from "@/lib/claims/schema";
import { describeChanges } from "@/lib/audit/describe";
import { countOf } from "@/lib/format/plural";
import { reliabilityText } from "@/lib/claims/labels";
import { describeDetectionRun } from "@/lib/contradictions/runs";
import { listContradictionsSchema } from "@/lib/contradictions/schema";
import type { DetectionReport } from "@/lib/contradictions/detect";

describe("a filter the list cannot use is a sentence", () => {
  test.each([
    ["status=bogus", 'Status "bogus" is not one of the choices, so that filter was dropped.'],
    ["sourceStance=maybe", 'Source stance "maybe" is not one of the choices, so that filter was dropped.'],
    ["credibility=9", 'Credibility "9" was dropped: Credibility is 1–6.'],
    ["source=UPPER", 'Source "UPPER" was dropped: Must be a source slug.'],
  ])("%s", (query, sentence) => {
    const { value, ignored } = parseClaimTableParams(new URLSearchParams(`${query}&q=denied`));
    expect(ignored.map((filter) => filter.sentence)).toEqual([sentence]);
    expect(ignored.map((filter) => filter.key)).toEqual([query.split("=")[0]]);
    // The rest of the address still applies.
    expect(value.q).toBe("denied");
    expect(ignored[0]!.sentence).not.toMatch(/Invalid option|expected one of/);
  });

  test("the audit log's own messages are kept", () => {
    const { ignored } = parseWithProblems(auditFilterSchema, new URLSearchParams("user=abc&entity=bogus"));
    expect(ignored.map((filter) => filter.sentence)).toEqual([
      'User "abc" was dropped: Choose a user from the list.',
      'Entity "bogus" is not one of the choices, so that filter was dropped.',
    ]);
  });
});

describe("history speaks in labels and titles", () => {
  test("a claim's topic by its title, its status by its label, and no internal field names", () => {
    const changes = describeChanges(
      "claim",
      { topicId: null, topic: null, status: "unreviewed", attribution: "direct_quote" },
      { topicId: 1, topic: "Violence in Karachi", status: "in_review", attribution: "author_voice" },
    );
    expect(changes).toEqual([
      { field: "Topic", before: "—", after: "Violence in Karachi" },
      { field: "Status", before: "Unreviewed", after: "In review" },
      { field: "Attribution", before: "Direct quote", after: "Author's voice" },
    ]);
  });

  test("a field no table names is still readable", () => {
    expect(describeChanges("import", {}, { claimsCreated: 3 })).toEqual([{ field: "Claims created", before: "—", after: "3" }]);
  });
});

test.each([
  [0, "0 claims"],
  [1, "1 claim"],
  [2, "2 claims"],
  [1204, "1,204 claims"],
])("countOf(%i) → %s", (count, text) => {
  expect(countOf(count, "claim", "claims")).toBe(text);
});

test("the default reliability reads as not yet judged, not as a failing grade", () => {
  expect(reliabilityText("F")).toBe("F — not yet judged");
  expect(reliabilityText("B")).toBe("B");
});

describe("the last detection run, counted by plural rules", () => {
  test("'1 reviewed pair left as it was', '3 reviewed pairs left as they were'", () => {
    const run = (keptReviewed: number) =>
      describeDetectionRun({
        id: 1,
        status: "finished",
        waiting: false,
        attempts: 1,
        startedAt: new Date("2026-12-07T10:00:00Z"),
        finishedAt: new Date("2026-12-07T10:01:00Z"),
        startedBy: null,
        error: null,
        report: { created: 2, updated: 1, removed: 0, keptReviewed, seconds: 4.2 } as DetectionReport,
      });
    expect(run(1)).toMatch(/; 1 reviewed pair left as it was \(4\.2 s\)\.$/);
    expect(run(3)).toMatch(/; 3 reviewed pairs left as they were \(4\.2 s\)\.$/);
  });
});

describe("a filter the contradictions list cannot use is a sentence too", () => {
  test("a bad status and a bad page are dropped and said; the good kind stays", () => {
    const { value, ignored } = parseWithProblems(listContradictionsSchema, new URLSearchParams("status=bogus&kind=negation&page=0"));
    expect(value).toMatchObject({ kind: "negation", status: undefined, page: undefined });
    expect(ignored.map((filter) => filter.key).sort()).toEqual(["page", "status"]);
    expect(ignored.find((filter) => filter.key === "status")!.sentence).toBe('Status "bogus" is not one of the choices, so that filter was dropped.');
  });
});
