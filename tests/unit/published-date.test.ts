import { describe, expect, test } from "vitest";
import { checkPublishedDate, dateGuess, publishedDateStart } from "@/lib/text/published-date";
import { documentMetadataSchema } from "@/lib/ingest/schema";

const NOW = new Date("2025-06-01T12:00:00Z");

describe("publication dates", () => {
  test.each([
    ["2004-06-11", "2004-06-11"],
    ["April 15, 2011", "April 15, 2011"],
    ["15 April 2011", "15 April 2011"],
    ["Tuesday, June 11, 2004", "Tuesday, June 11, 2004"],
    ["Sept. 2007", "Sept. 2007"],
    ["2007", "2007"],
    ["2004-02-29", "2004-02-29"],
    ["2019-05-03T10:00:00Z", "2019-05-03"],
  ])("%s is accepted", (input, stored) => {
    expect(checkPublishedDate(input, NOW)).toEqual({ ok: true, value: stored });
  });

  test.each([
    ["2023-02-30", /There is no 30 February 2023/],
    ["2023-02-29", /There is no 29 February 2023/],
    ["2011-13-01", /There is no month 13/],
    ["31 April 2011", /There is no 31 April 2011/],
    ["2030-01-01", /in the future/],
    ["03/04/2011", /can be read two ways/],
    ["last Tuesday", /Use a date like 2004-06-11/],
    ["0999", /not a plausible publication date/],
  ])("%s is refused", (input, message) => {
    const result = checkPublishedDate(input, NOW);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });

  test("dates from document metadata are cut to a form the form accepts", () => {
    expect(dateGuess("D:20240312093000Z")).toBe("2024-03-12");
    expect(dateGuess("2024-05-14T08:30:00+01:00")).toBe("2024-05-14");
    expect(dateGuess("not a date")).toBeUndefined();
  });

  test("the metadata schema refuses an impossible date and a bad URL with field messages", () => {
    const result = documentMetadataSchema.safeParse({
      slug: "x",
      title: "X",
      kind: "news",
      publishedDate: "2023-02-30",
      url: "htp//example",
    });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(fields.publishedDate).toMatch(/There is no 30 February 2023/);
    expect(fields.url).toMatch(/Not a valid URL/);
    expect(documentMetadataSchema.safeParse({ slug: "x", title: "X", kind: "news", url: "javascript:alert(1)" }).error?.issues[0]?.message).toBe(
      "Only http and https URLs",
    );
  });
});

describe("ordering sources by their stated dates (a claim's first appearance)", () => {
  test("each form orders by the first day it can mean", () => {
    const stated = ["April 15, 2011", "2004-06-11", "June 2004", "2004", "Tuesday, June 1, 2004", "15 April 2011"];
    const ordered = [...stated].sort((a, b) => publishedDateStart(a)! - publishedDateStart(b)!);
    expect(ordered).toEqual(["2004", "June 2004", "Tuesday, June 1, 2004", "2004-06-11", "April 15, 2011", "15 April 2011"]);
  });

  test.each(["03/04/2011", "sometime last spring", ""])("%j has no place in the order", (value) => {
    expect(publishedDateStart(value)).toBeUndefined();
  });
});
