import { describe, expect, test } from "vitest";

import { explainClaimSelection, extractClaims } from "../../lib/extract/claims";
import { CONTEXT_CHARS } from "@/lib/text/context";
import type { ExtractedClaim } from "../../lib/extract/types";
import { seedDocument, seedDocumentIds } from "./extract-seed-corpus";

const claimsCache = new Map<string, ExtractedClaim[]>();
function claimsOf(id: string): ExtractedClaim[] {
  const cached = claimsCache.get(id);
  if (cached) return cached;
  const claims = extractClaims(seedDocument(id).text);
  claimsCache.set(id, claims);
  return claims;
}

function quotes(id: string): string[] {
  return claimsOf(id).map((claim) => claim.quote);
}

describe("whole-corpus invariants", () => {
  test.each(seedDocumentIds())("seed document %s: quote, offsets, prefix and suffix agree with the text", (id) => {
    const { text } = seedDocument(id);
    const claims = claimsOf(id);
    expect(claims.length).toBeGreaterThan(10);
    let previousEnd = 0;
    for (const claim of claims) {
      expect(text.slice(claim.start, claim.end)).toBe(claim.quote);
      expect(claim.prefix).toBe(text.slice(Math.max(0, claim.start - CONTEXT_CHARS), claim.start));
      expect(claim.suffix).toBe(text.slice(claim.end, claim.end + CONTEXT_CHARS));
      expect(claim.quote).toBe(claim.quote.trim());
      expect(claim.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = claim.end;
    }
  });

  test.each(seedDocumentIds())("seed document %s: extraction is deterministic", (id) => {
    const { text } = seedDocument(id);
    expect(extractClaims(text)).toEqual(extractClaims(text));
  });

  test.each(seedDocumentIds())("seed document %s: attribution fields are consistent", (id) => {
    for (const claim of claimsOf(id)) {
      if (claim.attribution === "author_voice") expect(claim.speaker).toBeNull();
      if (claim.attribution === "direct_quote" || claim.attribution === "paraphrase") expect(claim.speaker).not.toBeNull();
      if (claim.speaker) expect(claim.speaker.name.trim()).toBe(claim.speaker.name);
      expect(["endorses", "reports", "disputes"]).toContain(claim.sourceStance);
    }
  });
});

describe("layout is not claims", () => {
  test.each([
    ["000", "MQM declared a terrorist organization by a Canadian Court"],
    ["000", "MQM homepage"],
    ["000", "A Q&A with Syed Safdar Ali Baqri"],
    ["000", "1996 Amnesty International report on the human rights crisis in Pakistan"],
    ["000", "Federal Court decision: Baqri v. Canada (Minister of Citizenship and Immigration)"],
    ["000", "More info. on this terrorist can be found here:"],
    ["000", "The hidden risks of the photo op"],
    ["000", "This is list of MQM Terrorists cases in Canadian courts"],
    ["000", "But what exactly is the MQM?"],
    ["001", "By Sajjad Shaukat"],
    ["002", "Diplomatic Involvement/Immunity in Karachi Killings."],
    ["002", "WikiLeaks on MQM & Karachi Violence."],
    ["002", "5 December 2001"],
    ["002", "House of Commons"],
    ["002", "Who is Dr. Aafia Siddiqui?"],
    ["002", "US Diplomat Mr. Brian D Hunt with MQM Leader Mr. Altaf Hussain"],
    ["002", "Tuesday, August 23, 2011, Ramzan Al Mubarak 22, 1432 A.H"],
    ["002", "Published in The Express Tribune, December 26th, 2010."],
    ["002", "REFERENCE: MQM, PPP take row to diplomats By Amir Wasim | From the Newspaper Yesterday"],
    ["002", "End."],
    ["003", "Background on the MQM"],
    ["003", "2004-06-11"],
    ["004", "History"],
    ["004", "Rise (1978–1992)"],
    ["004", "1992–1994 Operation Clean-up"],
  ])("%s: %j", (id, line) => {
    expect(quotes(id)).not.toContain(line);
    expect(quotes(id).some((quote) => quote.startsWith(line))).toBe(false);
  });

  test("000: the link list, RSS and tag archive never yield claims, the article does", () => {
    const all = quotes("000").join("\n");
    expect(all).not.toMatch(/RSS|Tag Archives|homepage|http|Baqri v\. Canada|Samimifar/);
    expect(quotes("000")).toContain("MQM-Canada has never been linked to violence.");
  });

  test("003: the comment form is gone and the post's first paragraph is the first claim", () => {
    const first = claimsOf("003")[0]!;
    expect(first.quote.startsWith("The MQM was the dream of a few Marxist scholars")).toBe(true);
    expect(quotes("003").join("\n")).not.toMatch(/commented|Your Name|e-mail|Comments have been closed|Bold Italic|Posted by/);
  });
});

describe("claim spans drop labels but keep the sentence", () => {
  test.each([
    ["000", "Mr. Benoit said he does not recall making the comment."],
    [
      "002",
      "“The police are only one of several armed groups and probably not the most numerous or best equipped,” according to a secret assessment of the ‘The Gangs of Karachi’ by then US consul general Stephen Fakan in April 2009.",
    ],
    [
      "002",
      "At age 36, Mustafa Kamal is a young mayor overseeing an ethnically diverse population of over 16 million people in a city with enormous infrastructure challenges (see also Ref B).",
    ],
    [
      "002",
      "Despite some continuing evidence of thuggery, MQM is making progress in emerging as a popular grass-roots political party, and it clearly is improving city life in Karachi.",
    ],
    ["002", "According to press reports, President Musharraf met with Hussain in London this week."],
    [
      "002",
      "The murder case of MQM convener Dr Imran Farooq is nearing its conclusion as the secret agencies nabbed three suspects in Pakistan some days back, while the British police conducted raids in London on Thursday.",
    ],
  ])("%s: %j", (id, expected) => {
    expect(quotes(id)).toContain(expected);
  });
});

describe("a repeated paragraph yields one claim set", () => {
  test("004: the copy under “1992–1994 Operation Clean-up” adds no claims", () => {
    const { text } = seedDocument("004");
    const copyStart = text.indexOf("1992–1994 Operation Clean-up");
    const copyEnd = text.indexOf("1994–2016 Violence");
    expect(copyStart).toBeGreaterThan(0);
    const fromCopy = claimsOf("004").filter((claim) => claim.start >= copyStart && claim.end <= copyEnd);
    expect(fromCopy).toEqual([]);
    expect(quotes("004").filter((quote) => /radicali[sz]ed/.test(quote))).toEqual([
      "APMSO was radicalised when in 1985-86 the first major clashes took place between Karachi's Muhajir and Pushtun communities.",
    ]);
    const verdicts = explainClaimSelection(text).filter((v) => v.skipped === "repeated-paragraph");
    expect(verdicts.map((v) => v.text)).toContain(
      "APMSO was radicalized when in 1985–1986 the first major clashes took place between Karachi's Muhajir and Pashtun communities.",
    );
  });

  test("a paragraph repeated with spelling and dash edits is recognised; different paragraphs are not", () => {
    const paragraph =
      "The party was radicalised when in 1985-86 the first major clashes took place between the two communities of the city, and the violence spread to the campuses within weeks.";
    const edited =
      "The party was radicalized when in 1985–1986 the first major clashes took place between the two communities of the city, and the violence spread to campuses within weeks.";
    const different =
      "Elections were held in 1988 and the party won most seats in the city, defeating the religious parties that had dominated the campuses and the municipal government before.";
    const claims = extractClaims([paragraph, edited, different].join("\n\n"));
    expect(claims.map((c) => c.quote)).toEqual([paragraph, different]);
  });

  test("paragraphs alike but for their figures are different statements, not copies", () => {
    const day = (n: number) => `"The harbour wall will need ${n} more months of repairs," said Jo Marsh, the council leader, on day ${n}.`;
    const claims = extractClaims([day(1), day(2), day(3)].join("\n\n"));
    expect(claims.map((c) => c.quote)).toEqual([day(1), day(2), day(3)]);
  });

  test("a sentence repeated verbatim elsewhere is kept once", () => {
    const sentence =
      "Additionally, MQM was accused of operating as a mafia organization where its heavily armed militants used extortion and coercion to increase their influence.";
    const count = quotes("004").filter((quote) => quote === sentence).length;
    expect(count).toBe(1);
  });
});

describe("non-Latin text", () => {
  test("002: the Urdu lines do not become claims and every offset stays exact", () => {
    const { text } = seedDocument("002");
    const claims = claimsOf("002");
    expect(claims.some((claim) => /[\u0600-\u06FF]/.test(claim.quote))).toBe(false);
    const urduLine = "’عافیہ نے جہاد کرنے پر زور ڈالا‘ احمد رضا";
    const urduAt = text.indexOf(urduLine);
    const after = claims.find((claim) => claim.start > urduAt)!;
    expect(text.slice(after.start, after.end)).toBe(after.quote);
    expect(after.quote.startsWith("Kamal noted that during the difficult 1990’s")).toBe(true);
  });

  test("a document that is only Urdu yields no claims and does not throw", () => {
    expect(extractClaims("بی بی سی اردو ڈاٹ کام، کراچی\n\nعافیہ نے جہاد کرنے پر زور ڈالا")).toEqual([]);
  });

  test("empty and whitespace-only text yield no claims", () => {
    expect(extractClaims("")).toEqual([]);
    expect(extractClaims("   \n\n  ")).toEqual([]);
  });
});

describe("short sentences that state a figure or deny outright", () => {
  const kept = (paragraph: string) => extractClaims(paragraph).map((claim) => claim.quote);
  test("'Only 19 were rescued.' and 'Nobody started any fire.' are claims; 'All rights reserved.' and 'Views are my own.' are not", () => {
    const text =
      "The ferry capsized in the strait with 61 people on board and a storm coming in from the west. Only 19 were rescued. " +
      "The owners said the fire began in the wiring on the second floor of the depot. Nobody started any fire. All rights reserved. Views are my own.";
    expect(kept(text)).toEqual(expect.arrayContaining(["Only 19 were rescued.", "Nobody started any fire."]));
    expect(kept(text)).not.toContain("All rights reserved.");
    expect(kept(text)).not.toContain("Views are my own.");
  });

  test("a short line with a figure and no verb is no claim ('Forty years today.')", () => {
    expect(kept("The gas leaked from tank 610 on the night of 2 December 1984 and spread over the city. Forty years today.")).not.toContain(
      "Forty years today.",
    );
  });
});

test("a page's note on its own corrections is no claim", () => {
  const text =
    "The inquest jury found that the ferry's master had been unlawfully killed in the storm. This article was amended on 3 May 2021: an earlier version gave the wrong date for the inquest.";
  expect(extractClaims(text).map((claim) => claim.quote)).toEqual(["The inquest jury found that the ferry's master had been unlawfully killed in the storm."]);
});
