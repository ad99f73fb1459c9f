// The shared text toolkit's words and terms (lib/text/terms): what two claims are compared on.
import { describe, expect, test } from "vitest";
import { contentTerms, words } from "@/lib/text/terms";

describe("a place name that stands for its country", () => {
  test.each([
    ["Washington denied any role in the strike.", "united-states"],
    ["Officials in Washington said the talks would resume.", "united-states"],
    ["In America, the toll was disputed for months.", "united-states"],
    ["England's health service counted 40 deaths.", "britain"],
  ])("alone it is the country: %s", (text, country) => {
    expect(contentTerms(text)).toContain(country);
  });

  test.each([
    ["Researchers at George Washington University estimated 2,975 excess deaths.", "george-washington"],
    ["The survey was published in the New England Journal of Medicine.", "new-england"],
    ["The Washington Post reported the memo on Friday.", "washington-post"],
    ["Talks were held across Latin America.", "latin-america"],
  ])("inside a longer name it is part of that name: %s", (text, name) => {
    const terms = contentTerms(text);
    expect(terms).toContain(name);
    expect(terms).not.toContain("united-states");
    expect(terms).not.toContain("britain");
  });

  test("the other words of the sentence are read as before", () => {
    expect(words("Researchers at George Washington University estimated it.")).toEqual([
      "researchers",
      "at",
      "george-washington",
      "university",
      "estimated",
      "it",
    ]);
  });
});
