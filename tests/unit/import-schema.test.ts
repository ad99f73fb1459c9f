import { describe, expect, test } from "vitest";
import { importRequestSchema, sourceSlug } from "@/lib/import/schema";
import { slugify } from "@/lib/text/slug";

describe("import metadata", () => {
  test.each([
    ["Council approves £2m flood barrier!", "council-approves-2m-flood-barrier"],
    ["Café owners’ protest", "cafe-owners-protest"],
    ["MQM declared a terrorist organization by a Canadian Court", "mqm-declared-a-terrorist-organization-by-a-canadian-court"],
  ])("the slug of %s is %s", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  test("a title without Latin letters still gets a stable slug", () => {
    expect(sourceSlug("کراچی میں ہڑتال")).toMatch(/^source-[0-9a-f]{8}$/);
    expect(sourceSlug("کراچی میں ہڑتال")).toBe(sourceSlug("کراچی میں ہڑتال"));
    expect(sourceSlug("کراچی میں ہڑتال")).not.toBe(sourceSlug("لاہور"));
  });

  test("a long title is cut at a word boundary", () => {
    const slug = slugify("The council voted on Tuesday to build a flood barrier along the river after years of arguing about money");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect("the-council-voted-on-tuesday-to-build-a-flood-barrier-along-the-river-after-years-of".startsWith(slug)).toBe(true);
  });

  test("empty form fields are absent values, and the slug comes from the title", () => {
    const parsed = importRequestSchema.parse({
      metadata: {
        title: " Ferry strike ends ",
        kind: "news",
        publisher: "",
        author: "",
        publishedDate: "",
        url: "",
        language: "",
        reliability: "",
        notes: "",
        slug: "",
      },
      target: "new",
    });
    expect(parsed).toEqual({
      metadata: {
        slug: "ferry-strike-ends",
        title: "Ferry strike ends",
        kind: "news",
        publisher: null,
        author: null,
        publishedDate: null,
        url: null,
        language: "en",
        notes: null,
      },
      target: "new",
      sameAs: [],
    });
  });

  test("a speaker joined in the preview reads 'actor id:speaker name'; anything else is refused", () => {
    const parsed = importRequestSchema.parse({ metadata: { title: "T", kind: "news" }, sameAs: ["12:Wasay Jalil", "3:Mr. A: the spokesman"] });
    expect(parsed.sameAs).toEqual([
      { actorId: 12, speaker: "Wasay Jalil" },
      { actorId: 3, speaker: "Mr. A: the spokesman" },
    ]);
    expect(importRequestSchema.safeParse({ metadata: { title: "T", kind: "news" }, sameAs: ["Wasay Jalil"] }).error?.issues[0]?.message).toBe(
      "A speaker choice reads “actor id:speaker name”",
    );
  });

  test("the target is auto, new, or a source id", () => {
    expect(importRequestSchema.parse({ metadata: { title: "T", kind: "news" } }).target).toBe("auto");
    expect(importRequestSchema.parse({ metadata: { title: "T", kind: "news" }, target: "12" }).target).toEqual({ sourceId: 12 });
    expect(importRequestSchema.safeParse({ metadata: { title: "T", kind: "news" }, target: "latest" }).error?.issues[0]?.message).toBe(
      "Choose whether this is a new source or a new version of a stored one",
    );
  });
});
