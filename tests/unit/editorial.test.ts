// Pure pieces of the editorial UI: reader runs, keyset cursors, search headlines, the
// paragraph around a claim, URL filters and topic slugs.
import { describe, expect, test } from "vitest";
import { readerRuns } from "@/lib/sources/highlight";
import { decodeCursor, encodeCursor, splitHeadline } from "@/lib/claims/keyset";
import type { CursorKey } from "@/lib/validation/zod";
import { paragraphAround } from "@/lib/claims/paragraph";
import { claimFiltersQuery, parseClaimTableParams, updateClaimSchema } from "@/lib/claims/schema";
import { changedFields } from "@/lib/forms/snapshot";
import { claimSnapshot } from "@/lib/claims/form";
import { topicSlug } from "@/lib/topics/mutations";

const TEXT = "Mr. Baqri said the MQM-Canada chapter was independent. The Star reported that, according to police, 14 people died.";

describe("reader runs", () => {
  const outer = { id: 1, startOffset: 56, endOffset: TEXT.length };
  const inner = { id: 2, startOffset: TEXT.indexOf("14 people died"), endOffset: TEXT.indexOf("14 people died") + "14 people died".length };

  test("rejoin to the exact text, and a nested claim wins where it overlaps", () => {
    const runs = readerRuns(TEXT, [outer, inner]);
    expect(runs.map((run) => run.text).join("")).toBe(TEXT);
    for (const run of runs) expect(TEXT.slice(run.start, run.start + run.text.length)).toBe(run.text);
    expect(runs.map((run) => [run.text, run.claimId, run.depth])).toEqual([
      [TEXT.slice(0, 56), null, 0],
      [TEXT.slice(56, inner.startOffset), 1, 1],
      ["14 people died", 2, 2],
      [".", 1, 1],
    ]);
  });

  test("each claim gets one tab stop (its first run) and one stance mark (its last run)", () => {
    const runs = readerRuns(TEXT, [outer, inner]);
    expect(runs.filter((run) => run.startsClaim).map((run) => run.claimId)).toEqual([1, 2]);
    expect(runs.filter((run) => run.endsClaim).map((run) => run.claimId)).toEqual([2, 1]);
  });
});

describe("keyset cursors", () => {
  test.each([
    [[12], ["int"]],
    [
      [3, 1450, 612],
      ["int", "int", "int"],
    ],
    [
      ["2026-11-22T02:22:10.123Z", 77],
      ["timestamptz", "int"],
    ],
  ] as [(string | number)[], CursorKey[]][])("round-trip %j", (keys, types) => {
    expect(decodeCursor(encodeCursor(keys), types)).toEqual(keys);
  });

  test.each([
    ["not base64 json", "%%%", ["int"]],
    ["wrong length for the sort", encodeCursor([1, 2]), ["int", "int", "int"]],
    ["an object", Buffer.from('{"id":1}').toString("base64url"), ["int"]],
    ["a float", encodeCursor([1.5]), ["int"]],
    ["a huge string", encodeCursor(["x".repeat(100)]), ["int"]],
    ["words where the sort has numbers", encodeCursor(["x", "y", "z"]), ["int", "int", "int"]],
    ["a date that is no date", encodeCursor(["not-a-date", 1]), ["timestamptz", "int"]],
    ["a day the calendar lacks", encodeCursor(["2025-02-30T00:00:00.000Z", 1]), ["timestamptz", "int"]],
    ["an id past the int4 column", encodeCursor([2147483648]), ["int"]],
    ["a number where the sort has a time", encodeCursor([1, 1]), ["timestamptz", "int"]],
  ] as [string, string, CursorKey[]][])("ignores %s", (_name, cursor, types) => {
    expect(decodeCursor(cursor, types)).toBeNull();
  });
});

describe("search headlines", () => {
  test("split into matched and plain parts that rejoin to the quote", () => {
    const parts = splitHeadline("The \u0001killings\u0002 in \u0001Karachi\u0002 continued");
    expect(parts).toEqual([
      { text: "The ", match: false },
      { text: "killings", match: true },
      { text: " in ", match: false },
      { text: "Karachi", match: true },
      { text: " continued", match: false },
    ]);
  });
});

describe("the paragraph around a claim", () => {
  const text = "Heading\n\nFirst sentence. Mr. Baqri said the chapter was independent. Last sentence.\n\nNext paragraph.";
  test("runs from line break to line break", () => {
    const start = text.indexOf("Mr. Baqri");
    const end = text.indexOf(" Last");
    const view = paragraphAround(text, start, end);
    expect(view).toEqual({
      before: "First sentence. ",
      quote: "Mr. Baqri said the chapter was independent.",
      after: " Last sentence.",
      clippedStart: false,
      clippedEnd: false,
    });
  });
  test("is clipped around the quote in a very long paragraph", () => {
    const long = `${"a".repeat(2000)} QUOTE ${"b".repeat(2000)}`;
    const view = paragraphAround(long, 2001, 2006);
    expect(view.quote).toBe("QUOTE");
    expect(view.before).toHaveLength(600);
    expect(view.clippedStart && view.clippedEnd).toBe(true);
  });
});

describe("claims-table URL parameters", () => {
  test("round-trip through the query string, leaving defaults out", () => {
    const { value, problems } = parseClaimTableParams(
      new URLSearchParams("q=killings&speaker=12&topic=none&stance=opposes&credibility=2&sort=source&citedVia=Dawn&status="),
    );
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      q: "killings",
      speaker: 12,
      topic: "none",
      stance: "opposes",
      credibility: 2,
      citedVia: "Dawn",
      status: undefined,
      sort: "source",
    });
    expect(claimFiltersQuery(value)).toBe("?q=killings&speaker=12&topic=none&stance=opposes&credibility=2&citedVia=Dawn");
    expect(parseClaimTableParams(new URLSearchParams(claimFiltersQuery(value).slice(1))).value).toEqual(value);
  });

  test("Next's repeated keys use the first value", () => {
    expect(parseClaimTableParams({ stance: ["supports", "opposes"] }).value.stance).toBe("supports");
  });
});

describe("claim form", () => {
  test("an empty speaker and topic mean none; a typed new speaker is trimmed", () => {
    const parsed = updateClaimSchema.parse({
      id: "4",
      version: "2",
      stance: "supports",
      sourceStance: "reports",
      speakerId: "",
      newSpeakerName: "  Farooq Sattar ",
      attribution: "direct_quote",
      citedVia: "  ",
      topicId: "",
      newTopicTitle: "",
      credibility: "2",
      status: "approved",
      notes: "",
    });
    expect(parsed).toMatchObject({
      id: 4,
      version: 2,
      speakerId: null,
      newSpeakerName: "Farooq Sattar",
      citedVia: null,
      topicId: null,
      newTopicTitle: null,
      credibility: 2,
      notes: null,
    });
  });

  test("the snapshot holds every field as the form's string and names ids and enums, from the field table", () => {
    const stored = {
      version: 3,
      stance: "opposes",
      sourceStance: "reports",
      speakerId: 12,
      attribution: "paraphrase",
      citedVia: null,
      topicId: null,
      credibility: 2,
      status: "in_review",
      notes: null,
      speaker: { name: "Altaf Hussain" },
      topic: null,
    } as const;
    expect(claimSnapshot(stored, { savedBy: "Eda Editor" })).toEqual({
      version: 3,
      values: {
        stance: "opposes",
        sourceStance: "reports",
        speakerId: "12",
        newSpeakerName: "",
        attribution: "paraphrase",
        citedVia: "",
        topicId: "",
        newTopicTitle: "",
        credibility: "2",
        status: "in_review",
        notes: "",
      },
      labels: {
        stance: "Opposes",
        sourceStance: "Reports",
        speakerId: "Altaf Hussain",
        attribution: "Paraphrase",
        topicId: "No topic",
        credibility: "2 — Probably true",
        status: "In review",
      },
      savedBy: "Eda Editor",
    });
  });

  test("the conflict view lists only fields that differ", () => {
    expect(changedFields({ stance: "supports", notes: "" }, { stance: "opposes", notes: "" }, ["stance", "notes", "citedVia"])).toEqual(["stance"]);
  });
});

describe("topic slugs", () => {
  test.each([
    ["Who founded the MQM, and when?", "who-founded-the-mqm-and-when"],
    ["Karachi killings — 12 May 2007", "karachi-killings-12-may-2007"],
    ["Muhājir identity", "muhajir-identity"],
    ["???", "topic"],
  ])("%s → %s", (title, slug) => {
    expect(topicSlug(title)).toBe(slug);
  });
});
