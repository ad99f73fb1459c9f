// The reader's highlight filters and next/previous unreviewed claim (lib/sources/reader-filters.ts).
import { describe, expect, test } from "vitest";
import type { ReaderMarkClaim } from "@/lib/sources/highlight";
import { AUTHOR_VOICE, claimShown, nextUnreviewed, readerSpeakers } from "@/lib/sources/reader-filters";

const claim = (id: number, status: string, speaker: string | null): ReaderMarkClaim => ({ id, status, speaker, stance: "unclear", worth: 50, label: "" });
// In text order, as the reader's layout lists them.
const claims = [
  claim(10, "approved", "Altaf Hussain"),
  claim(11, "unreviewed", null),
  claim(12, "unreviewed", "Kevin Lynch"),
  claim(13, "rejected", "Kevin Lynch"),
  claim(14, "unreviewed", "Altaf Hussain"),
];

describe("reader filters", () => {
  test.each([
    [{ status: "", speaker: "" }, [10, 11, 12, 13, 14]],
    [{ status: "unreviewed", speaker: "" }, [11, 12, 14]],
    [{ status: "", speaker: "Kevin Lynch" }, [12, 13]],
    [{ status: "unreviewed", speaker: "Kevin Lynch" }, [12]],
    [{ status: "", speaker: AUTHOR_VOICE }, [11]],
  ])("%o shows %o", (filters, ids) => {
    expect(claims.filter((entry) => claimShown(entry, filters)).map((entry) => entry.id)).toEqual(ids);
  });

  test("speakers are listed most claims first, the author's voice among them", () => {
    expect(readerSpeakers(claims)).toEqual([
      { name: "Altaf Hussain", count: 2 },
      { name: "Kevin Lynch", count: 2 },
      { name: AUTHOR_VOICE, count: 1 },
    ]);
  });
});

describe("next and previous unreviewed claim", () => {
  test.each([
    [null, 1, 11],
    [null, -1, 14],
    [10, 1, 11],
    [11, 1, 12],
    [12, 1, 14],
    [14, 1, null],
    [14, -1, 12],
    [11, -1, null],
    [13, -1, 12],
    [999, 1, 11],
  ] as const)("from %s going %s: %s", (from, direction, expected) => {
    expect(nextUnreviewed(claims, from, direction)).toBe(expected);
  });

  test("only among the claims the filters show", () => {
    expect(nextUnreviewed(claims, 11, 1, (entry) => entry.speaker === "Altaf Hussain")).toBe(14);
  });
});
