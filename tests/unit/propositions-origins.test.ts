// Origins of a proposition's members: reposts relay, cited documents and speakers originate, and the
// chain's weakest graded hop is the member's. Sentences of a subject no labelled set covers (the 2015
// Tianjin port explosions).
import { describe, expect, test } from "vitest";
import { affiliationOf, documentKey, firstPersonWitness, traceOrigins, weakestHop, type OriginMember } from "@/lib/propositions/origins";

function member(overrides: Partial<OriginMember> & Pick<OriginMember, "claimId" | "sourceId">): OriginMember {
  return {
    quote: "",
    sourceTitle: `Source ${overrides.sourceId}`,
    sourceReliability: "F",
    publishedDate: null,
    speaker: null,
    citedVia: null,
    copiedFrom: null,
    ...overrides,
  };
}

describe("traceOrigins", () => {
  test("three outlets quoting one ministry rest on one origin, and that is circular", () => {
    const ministry = { id: 7, name: "Tianjin health bureau", reliability: "B" as const };
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: ministry, quote: "The death toll rose to 173, the health bureau said." }),
      member({ claimId: 2, sourceId: 2, speaker: ministry, quote: "173 people died, according to the bureau." }),
      member({ claimId: 3, sourceId: 3, speaker: ministry }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.sources).toBe(3);
    expect(summary.circular).toBe(true);
    expect(summary.origins[0]).toMatchObject({ label: "Tianjin health bureau", sourceIds: [1, 2, 3] });
  });

  test("a repost of a passage takes the original member's origin, and its chain runs through the original", () => {
    const reporter = { id: 3, name: "Caixin", reliability: "C" as const };
    const summary = traceOrigins([
      member({ claimId: 10, sourceId: 1, sourceTitle: "Caixin report", sourceReliability: "B", speaker: reporter }),
      member({
        claimId: 11,
        sourceId: 2,
        sourceTitle: "Forum thread",
        sourceReliability: "E",
        copiedFrom: { sourceId: 1, sourceTitle: "Caixin report", reliability: "B", share: 0.82 },
      }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    const repost = summary.members.find((traced) => traced.claimId === 11)!;
    expect(repost.originLabel).toBe("Caixin");
    expect(repost.chain.map((hop) => hop.kind)).toEqual(["source", "source", "speaker"]);
    // The forum (E) is the weakest hop of the reposted claim, not the newspaper it copied.
    expect(repost.weakest).toMatchObject({ label: "Forum thread", reliability: "E" });
  });

  test("independent speakers and a document cited by two speakers count as they should", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Greenpeace East Asia", reliability: "F" } }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Li Keqiang", reliability: "F" }, citedVia: "the State Council's investigation report" }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 4, name: "Xinhua", reliability: "F" }, citedVia: "State Council investigation report" }),
      member({ claimId: 4, sourceId: 4 }),
    ]);
    // Greenpeace, the State Council report (via two speakers) and source 4's own reporting.
    expect(summary.independentOrigins).toBe(3);
    expect(summary.origins.find((origin) => origin.key.startsWith("doc:"))?.sourceIds).toEqual([2, 3]);
  });

  test("a body's officials and spokesman speak with the body's one voice", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Ruihai officials", reliability: "F" } }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Ruihai spokesman", reliability: "F" } }),
    ]);
    expect(summary.independentOrigins).toBe(1);
  });

  test("a loop of reposts (each says it copied the other) still ends", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, copiedFrom: { sourceId: 2, sourceTitle: "B", reliability: "F", share: 0.9 } }),
      member({ claimId: 2, sourceId: 2, copiedFrom: { sourceId: 1, sourceTitle: "A", reliability: "F", share: 0.9 } }),
    ]);
    expect(summary.members).toHaveLength(2);
    expect(summary.independentOrigins).toBeGreaterThanOrEqual(1);
  });
});

describe("documentKey and weakestHop", () => {
  test("spellings of one cited document share a key; REFERENCE lines drop their label", () => {
    expect(documentKey("the FBI's report")).toBe(documentKey("FBI report"));
    expect(documentKey("REFERENCE: Tianjin blasts toll rises")).toBe(documentKey("Tianjin blasts toll rises"));
    expect(documentKey("the memo")).not.toBe(documentKey("the report"));
  });

  test("how and when a document came out describes it without naming it", () => {
    expect(documentKey("a safety audit, published in March in the journal Process Safety")).toBe(documentKey("safety audit"));
    expect(documentKey("the safety audit led by Nankai University chemists")).toBe(documentKey("the safety audit"));
    expect(documentKey("the State Council report, released on February 5")).toBe(documentKey("State Council report"));
    expect(documentKey("the safety audit")).not.toBe(documentKey("the State Council report"));
  });

  test("ungraded hops (F) never count as the weakest; E is worse than B", () => {
    expect(weakestHop([{ kind: "source", label: "x", reliability: "F" }])).toBeNull();
    expect(
      weakestHop([
        { kind: "source", label: "paper", reliability: "B" },
        { kind: "speaker", label: "anonymous poster", reliability: "E" },
        { kind: "via", label: "a memo", reliability: "F" },
      ])?.label,
    ).toBe("anonymous poster");
  });
});

describe("a cited document and its author", () => {
  test("the FBI speaking and 'the FBI report' cited by a prime minister are one origin", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "FBI", reliability: "F" } }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Hassan Diab", reliability: "F" }, citedVia: "the FBI report" }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.origins[0]!.label).toBe("FBI");
  });
});

describe("names of one origin", () => {
  test("a report by the Federal Bureau of Investigation is the FBI's; Sohel Rana is Mohammed Sohel Rana", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "FBI", reliability: "F" } }),
      member({ claimId: 2, sourceId: 2, citedVia: "a report by the United States Federal Bureau of Investigation" }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 3, name: "Sohel Rana", reliability: "F" } }),
      member({ claimId: 4, sourceId: 4, speaker: { id: 4, name: "Mohammed Sohel Rana", reliability: "F" } }),
    ]);
    expect(summary.origins.map((origin) => origin.label).sort()).toEqual(["FBI", "Mohammed Sohel Rana"]);
  });

  test("a one-word name is the one origin whose full name begins or ends with it: 'Lee' is Lee Joon-seok, 'Vance' is Ruth Vance", () => {
    const speaker = (id: number, name: string) => member({ claimId: id, sourceId: id, speaker: { id, name, reliability: "F" } });
    expect(traceOrigins([speaker(1, "Lee"), speaker(2, "Lee Joon-seok")]).origins.map((origin) => origin.label)).toEqual(["Lee Joon-seok"]);
    expect(traceOrigins([speaker(1, "Vance"), speaker(2, "Ruth Vance")]).independentOrigins).toBe(1);
    // Two people it could be: neither.
    expect(traceOrigins([speaker(1, "Vance"), speaker(2, "Ruth Vance"), speaker(3, "Vance Oduya")]).independentOrigins).toBe(3);
    // A word inside a name, neither its first nor its last, names someone else.
    expect(traceOrigins([speaker(1, "Paul"), speaker(2, "Jean Paul Okafor")]).independentOrigins).toBe(2);
  });

  test("a body under its initials is the body named in full: 'TPA' is the Tianjin Port Authority, and its leader speaks for it", () => {
    const full = member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Tianjin Port Authority", reliability: "F" } });
    const initials = member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "TPA", reliability: "F" } });
    expect(traceOrigins([full, initials]).independentOrigins).toBe(1);
    const leader = member({
      claimId: 3,
      sourceId: 3,
      speaker: { id: 3, name: "Zhao Ming", reliability: "F" },
      quote: "TPA leader Zhao Ming said the warehouse had been inspected in May.",
    });
    expect(traceOrigins([full, leader]).independentOrigins).toBe(1);
    // Other initials are another body.
    expect(traceOrigins([full, member({ claimId: 4, sourceId: 4, speaker: { id: 4, name: "TFB", reliability: "F" } })]).independentOrigins).toBe(2);
  });

  test("a document restating in its own voice what it attributed once relays that origin", () => {
    const hrw = { id: 9, name: "Human Rights Watch", reliability: "B" as const };
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: hrw, quote: "Human Rights Watch put the final toll at 218 dead." }),
      member({ claimId: 2, sourceId: 1, quote: "The explosion killed 218 people." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
  });
});

describe("a speaker's title names the body they speak for", () => {
  test("'BP spokesman Toby Odone', 'Toby Odone, a spokesman for BP', 'Kim Suk-kyun, commissioner of the coast guard'", () => {
    expect(affiliationOf("BP spokesman Toby Odone said the company did not believe it had underestimated the flow at any point.", "Toby Odone")).toBe("BP");
    expect(affiliationOf("Toby Odone, a spokesman for BP, said the estimate was wrong.", "Toby Odone")).toBe("BP");
    expect(affiliationOf('"Only 172 people were rescued, not 174," said Kim Suk-kyun, commissioner of the coast guard, at a briefing.', "Kim Suk-kyun")).toBe(
      "the coast guard",
    );
    expect(affiliationOf("Odone said the paper looked genuine.", "Toby Odone")).toBeNull();
    // The body before the title, in apposition: "Li Liang, a Ruihai spokesman".
    expect(affiliationOf('"We never stored cyanide there," said Li Liang, a Ruihai Logistics spokesman.', "Li Liang")).toBe("Ruihai Logistics");
    expect(affiliationOf("The permits were in order, said Li Liang, a senior engineer.", "Li Liang")).toBeNull();
  });

  test("each pattern is tried only where the name and its own words are: the same bodies found, none invented", () => {
    // A title before the name, the surname also said earlier in the sentence.
    expect(affiliationOf("Mensah repeated what Harbour Authority spokesman Kofi Mensah had told reporters.", "Kofi Mensah")).toBe("Harbour Authority");
    // The title only after the name names no body of theirs.
    expect(affiliationOf("Kofi Mensah later met the Harbour Authority spokesman.", "Kofi Mensah")).toBeNull();
    // Of a body, the surname written in lower case.
    expect(affiliationOf("The families trusted mensah of the Tema Dockworkers Union more than anyone.", "Kofi Mensah")).toBe("Tema Dockworkers Union");
    // The surname followed by "of" but no body's name.
    expect(affiliationOf("The report of Mensah of all people was the first.", "Kofi Mensah")).toBeNull();
    // A title word and the name, but not in the order a title names a body.
    expect(affiliationOf("Kofi Mensah, who once was a minister, said the cranes were checked.", "Kofi Mensah")).toBeNull();
    // The name absent: nothing.
    expect(affiliationOf("Harbour Authority spokesman Ama Owusu said the cranes were checked.", "Kofi Mensah")).toBeNull();
  });

  test("'the company's chief executive X' points back to the last body the sentence named", () => {
    expect(
      affiliationOf(
        "Containers marked Ruihai International Logistics were found at the site, and the company's chairman Yu Xuewei admitted the permits lapsed.",
        "Yu Xuewei",
      ),
    ).toBe("Ruihai International Logistics");
    // No body named before it: nothing to point back to.
    expect(affiliationOf("The company's chairman Yu Xuewei admitted the permits lapsed.", "Yu Xuewei")).toBeNull();
  });

  test("a spokesman whose title names a body the proposition hears from is that body's voice; another body leaves him his own", () => {
    const bp = member({ claimId: 1, sourceId: 1, speaker: { id: 10, name: "BP", reliability: "F" }, quote: "BP said outside estimates were wrong." });
    const odone = member({
      claimId: 2,
      sourceId: 2,
      speaker: { id: 11, name: "Toby Odone", reliability: "F" },
      quote: "BP spokesman Toby Odone said the company did not believe it had underestimated the flow at any point.",
    });
    expect(traceOrigins([bp, odone]).independentOrigins).toBe(1);
    const other = member({ claimId: 3, sourceId: 3, speaker: { id: 12, name: "Transocean", reliability: "F" }, quote: "Transocean said the flow was larger." });
    expect(traceOrigins([other, odone]).independentOrigins).toBe(2);
  });
});

describe("rulings and reposts told in a source's own words", () => {
  test("a ruling reported by two outlets is the court's, named in full or by its initials, or as 'the court'", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, quote: "In March 2019 the Tianjin Maritime Court sentenced the company's chairman to death with reprieve." }),
      member({ claimId: 2, sourceId: 2, quote: "TMC sentences Ruihai chairman Yu Xuewei, suspended death sentence." }),
      member({ claimId: 3, sourceId: 3, quote: "The court sentenced Yu Xuewei to death, suspended for two years." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.origins[0]!.sourceIds).toEqual([1, 2, 3]);
  });

  test("two different courts' rulings stay two origins; a ruling no one names a court for stays the source's", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, quote: "The Tianjin Maritime Court sentenced the chairman." }),
      member({ claimId: 2, sourceId: 2, quote: "The Supreme People's Court upheld the sentence." }),
      member({ claimId: 3, sourceId: 3, quote: "Yu Xuewei was sentenced to death, suspended for two years." }),
    ]);
    expect(summary.independentOrigins).toBe(3);
  });

  test("a repost's own headline restating the copied report relays the report", () => {
    const summary = traceOrigins([
      member({ claimId: 10, sourceId: 1, sourceTitle: "Caixin report", quote: "Ruihai stored 800 tonnes of nitrate in the yard." }),
      member({
        claimId: 11,
        sourceId: 2,
        sourceTitle: "Forum thread",
        quote: "Ruihai stored 800 tonnes of nitrate in the yard.",
        copiedFrom: { sourceId: 1, sourceTitle: "Caixin report", reliability: "C", share: 0.6 },
      }),
      member({ claimId: 12, sourceId: 2, sourceTitle: "Forum thread", quote: "RUIHAI HAD 800 TONNES OF NITRATE ON SITE" }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.members.find((traced) => traced.claimId === 12)!.originLabel).toBe("Caixin report");
  });
});

describe("one origin named two ways", () => {
  const reportBy = (citedVia: string) =>
    traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Xinhua", reliability: "F" }, citedVia: "the CAAC report" }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Caixin", reliability: "F" }, citedVia }),
    ]).independentOrigins;

  test("'the CAAC report' and 'a report by the Civil Aviation Administration of China' are one document", () => {
    expect(reportBy("a report by the Civil Aviation Administration of China")).toBe(1);
  });

  test("a report by another body with other initials stays its own", () => {
    expect(reportBy("a report by the National Transportation Safety Board")).toBe(2);
  });

  test("'a maritime judge' is the one named speaker the proposition titles Judge; with two such judges, neither", () => {
    const judge = { id: 5, name: "Maritime judge", reliability: "F" as const };
    const zhang = { id: 6, name: "Zhang Wei", reliability: "F" as const };
    const one = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: zhang, quote: "Maritime Court Judge Zhang Wei found that 800 tonnes had been stored." }),
      member({ claimId: 2, sourceId: 2, speaker: judge, quote: "A maritime judge ruled that 800 tonnes had been stored." }),
    ]);
    expect(one.independentOrigins).toBe(1);
    const two = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: zhang, quote: "Maritime Court Judge Zhang Wei found that 800 tonnes had been stored." }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 7, name: "Li Na", reliability: "F" }, quote: "Judge Li Na agreed that 800 tonnes had been stored." }),
      member({ claimId: 2, sourceId: 2, speaker: judge, quote: "A maritime judge ruled that 800 tonnes had been stored." }),
    ]);
    expect(two.independentOrigins).toBe(3);
  });
});

describe("the writer's own words: named sources, witnesses and copies", () => {
  test("a writer speaking in the first person, outside quotation marks, is a witness", () => {
    expect(firstPersonWitness("My brother worked at the depot and saw the second blast.")).toBe(true);
    expect(firstPersonWitness("I counted eleven fire engines on Yuejin Road.")).toBe(true);
    expect(firstPersonWitness('"I did not know what was stored there," the manager said.')).toBe(false);
    expect(firstPersonWitness("The warehouse held 700 tonnes of sodium cyanide.")).toBe(false);
  });

  test("a sentence naming an origin of the proposition in passing rests on it; one naming none stays the document's", () => {
    const greenpeace = { id: 1, name: "Greenpeace", reliability: "F" as const };
    const named = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: greenpeace, quote: "Greenpeace said the water samples held cyanide." }),
      member({ claimId: 2, sourceId: 2, quote: "Samples collected by Greenpeace on August 20 held cyanide." }),
    ]);
    expect(named.independentOrigins).toBe(1);
    const unnamed = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: greenpeace, quote: "Greenpeace said the water samples held cyanide." }),
      member({ claimId: 2, sourceId: 2, quote: "The water near the port held cyanide." }),
    ]);
    expect(unnamed.independentOrigins).toBe(2);
  });

  test("a one-word name inside a longer proper name names another body", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Sinochem", reliability: "F" }, quote: "Sinochem said it never ran the warehouse." }),
      member({ claimId: 2, sourceId: 2, quote: "The warehouse was leased from Sinochem Tianjin Logistics by Ruihai." }),
    ]);
    expect(summary.independentOrigins).toBe(2);
  });

  test("a first-person witness in a document that also quotes a speaker stays the writer's own", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Tianjin fire brigade", reliability: "F" },
        quote: "The brigade said windows broke two kilometres away.",
      }),
      member({ claimId: 2, sourceId: 1, quote: "My uncle lives two kilometres away and every window in his flat broke." }),
    ]);
    expect(summary.independentOrigins).toBe(2);
  });

  test("a copied sentence ends where the sentence it copies ends, after that one is traced further", () => {
    const copy = { sourceId: 1, sourceTitle: "Port blasts: what we know", reliability: "C" as const, share: 0.7 };
    const summary = traceOrigins([
      member({ claimId: 10, sourceId: 1, quote: "Some 700 tonnes of sodium cyanide sat in the warehouse." }),
      member({
        claimId: 11,
        sourceId: 1,
        speaker: { id: 1, name: "Port authority", reliability: "F" },
        quote: "The port authority said 700 tonnes of cyanide were stored.",
      }),
      member({ claimId: 20, sourceId: 2, copiedFrom: copy, quote: "Some 700 tonnes of sodium cyanide sat in the warehouse." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.members.find((traced) => traced.claimId === 20)!.originLabel).toBe("Port authority");
  });

  test("a statement, letter or memoir is its speaker speaking; a report the speaker cites is another's", () => {
    const mayor = { id: 1, name: "Huang Xingguo", reliability: "F" as const };
    const own = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: mayor, citedVia: "a statement", quote: "Huang said in a statement that the city would pay." }),
      member({ claimId: 2, sourceId: 2, speaker: mayor, citedVia: "his memoir", quote: "Huang wrote in his memoir that the city paid." }),
      member({ claimId: 3, sourceId: 3, speaker: mayor, quote: "Huang said the city would pay." }),
    ]);
    expect(own.independentOrigins).toBe(1);
    const cited = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: mayor,
        citedVia: "the safety bureau's report",
        quote: "Huang said the safety bureau's report put the loss at 7 billion yuan.",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Caixin", reliability: "F" }, quote: "Caixin put the loss at 7 billion yuan." }),
    ]);
    expect(cited.origins.map((origin) => origin.label)).toContain("the safety bureau's report");
  });

  test("a name and the short form a writer gives it in brackets are one voice", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Tianjin Environmental Protection Bureau", reliability: "F" },
        quote: "The Tianjin Environmental Protection Bureau (EPB) said the permits were forged.",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "EPB", reliability: "F" }, quote: "The EPB said the permits had been forged." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    const unrelated = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Tianjin Environmental Protection Bureau", reliability: "F" },
        quote: "The association said the permits were forged.",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "EPB", reliability: "F" }, quote: "The EPB said the permits had been forged." }),
    ]);
    expect(unrelated.independentOrigins).toBe(2);
  });
  test("a company's own statement in its own voice is the company speaking, as is a forum's paste of it", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        sourceTitle: "Statement on the warehouse fire",
        issuer: "Ruihai Logistics",
        quote: "Our sodium cyanide made up less than a tenth of the chemicals stored on the site.",
      }),
      member({
        claimId: 2,
        sourceId: 2,
        speaker: { id: 5, name: "Ruihai Logistics", reliability: "F" },
        quote: "Ruihai Logistics said its sodium cyanide was less than a tenth of what was stored.",
      }),
      member({
        claimId: 3,
        sourceId: 3,
        sourceTitle: "Port thread",
        quote: "Our sodium cyanide made up less than a tenth of the chemicals stored on the site.",
        copiedFrom: { sourceId: 1, sourceTitle: "Statement on the warehouse fire", reliability: "F", share: 0.1 },
      }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.origins[0]).toMatchObject({ label: "Ruihai Logistics", sourceIds: [1, 2, 3] });
    // A newspaper has no issuer: its own reporting is its own origin.
    const reported = traceOrigins([
      member({ claimId: 1, sourceId: 1, quote: "Sodium cyanide was less than a tenth of the chemicals on the site." }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 5, name: "Ruihai Logistics", reliability: "F" } }),
    ]);
    expect(reported.independentOrigins).toBe(2);
  });

  test("a statement's restatement of an origin it names keeps that origin, not the issuer's", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, issuer: "Ruihai Logistics", speaker: { id: 8, name: "Tianjin fire brigade", reliability: "F" } }),
      member({ claimId: 2, sourceId: 1, issuer: "Ruihai Logistics", quote: "The fire began in a container of nitrocellulose." }),
      member({ claimId: 3, sourceId: 2, speaker: { id: 8, name: "Tianjin fire brigade", reliability: "F" } }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.origins[0]!.label).toBe("Tianjin fire brigade");
  });
  test("'the Energy Bureau statement' read as the Energy Bureau's cited document is the Bureau speaking", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Energy Bureau", reliability: "F" },
        citedVia: "Energy Bureau statement",
        quote: "The Energy Bureau said in a statement that its readings were sound.",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 1, name: "Energy Bureau", reliability: "F" }, quote: "The Energy Bureau stood by its readings." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.origins[0]!.label).toBe("Energy Bureau");
    // Another body's statement the speaker cites is still a document of its own.
    const cited = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Energy Bureau", reliability: "F" }, citedVia: "Harbour Authority statement" }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 1, name: "Energy Bureau", reliability: "F" } }),
    ]);
    expect(cited.independentOrigins).toBe(2);
  });

  test("a capitalized title before a name names the department by its head word", () => {
    expect(affiliationOf("Transport Secretary Wen Jia said the cranes were checked.", "Wen Jia")).toBe("Transport");
    expect(affiliationOf("Prime Minister Li Keqiang said the cranes were checked.", "Li Keqiang")).toBeNull();
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Wen Jia", reliability: "F" },
        quote: "Transport Secretary Wen Jia said the cranes were checked.",
      }),
      member({
        claimId: 2,
        sourceId: 2,
        speaker: { id: 2, name: "Transport Department", reliability: "F" },
        quote: "The Transport Department said the cranes were checked.",
      }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    // Two departments whose names begin alike leave the title's holder on their own.
    const ambiguous = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Wen Jia", reliability: "F" },
        quote: "Transport Secretary Wen Jia said the cranes were checked.",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Transport Department", reliability: "F" } }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 3, name: "Transport Police", reliability: "F" } }),
    ]);
    expect(ambiguous.independentOrigins).toBe(3);
  });
  test("a sentence passed with no court named is the court's ruling, one with the court that is named", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, quote: "Two warehouse managers received suspended sentences for falsifying the stock records." }),
      member({ claimId: 2, sourceId: 2, quote: "The warehouse managers were sentenced for falsifying the records, the paper said." }),
      member({ claimId: 3, sourceId: 3, quote: "The Binhai People's Court sentenced two warehouse managers for falsifying records." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    // A sentence that mentions sentences without any being passed stays the writer's own.
    const untold = traceOrigins([
      member({ claimId: 1, sourceId: 1, quote: "The managers falsified the stock records for two years." }),
      member({ claimId: 2, sourceId: 2, quote: "The managers were sentenced for falsifying the stock records." }),
    ]);
    expect(untold.independentOrigins).toBe(2);
  });

  test("a ruling passed on by a relay with no speaker ('(Source: agencies)') is still the court's", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, citedVia: "agencies", quote: "Two warehouse managers were sentenced to life for the fire." }),
      member({ claimId: 2, sourceId: 2, quote: "The Binhai People's Court sentenced two warehouse managers to life for the fire." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
  });

  test("a name between an article and a noun ('a Sinochem video') names whose thing it is, not who states it", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Zhou Min", reliability: "F" }, quote: "Zhou Min put the blast at 21 tonnes of TNT." }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Sinochem", reliability: "F" }, quote: "Sinochem said the blast was smaller." }),
      member({ claimId: 3, sourceId: 3, quote: "Seismologist Zhou Min studied a Sinochem video and arrived at 21 tonnes of TNT." }),
    ]);
    expect(summary.members.find((traced) => traced.claimId === 3)!.originLabel).toBe("Zhou Min");
  });
  test("two people of one body speak with its voice, though the body itself says nothing", () => {
    expect(affiliationOf("Gao Lin of the Tianjin Residents Alliance said the count had passed 200.", "Gao Lin")).toBe("Tianjin Residents Alliance");
    expect(affiliationOf("My neighbours at the Tianjin Residents Alliance counted 200 dead.", "Neighbours")).toBe("Tianjin Residents Alliance");
    // A place is no body: "Gao Lin of Binhai" names one word only.
    expect(affiliationOf("Gao Lin of Binhai said the count had passed 200.", "Gao Lin")).toBeNull();
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Gao Lin", reliability: "F" },
        quote: "Gao Lin of the Tianjin Residents Alliance said the count had passed 200.",
      }),
      member({
        claimId: 2,
        sourceId: 2,
        speaker: { id: 2, name: "Neighbours", reliability: "F" },
        quote: "My neighbours at the Tianjin Residents Alliance counted 200 dead.",
      }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 3, name: "Activists", reliability: "F" }, quote: "Activists put the toll above 200." }),
    ]);
    expect(summary.independentOrigins).toBe(2);
    expect(summary.origins.map((origin) => origin.label)).toContain("Tianjin Residents Alliance");
  });
  test("'the first report' and 'the Stage 1 report' are one document; a sentence naming it in passing rests on it", () => {
    expect(documentKey("the first report")).toBe(documentKey("1 report"));
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Wu Dan", reliability: "F" }, citedVia: "first report" }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Stage 1 report", reliability: "F" }, citedVia: "Stage 1 report, published on 3 May 2016" }),
      member({ claimId: 3, sourceId: 3, quote: "The Stage 1 report in 2016 found the fire began in a container of nitrocellulose." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    // Two fuller names that both hold the short one leave it apart.
    const two = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Wu Dan", reliability: "F" }, citedVia: "the report" }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Li Na", reliability: "F" }, citedVia: "the safety report" }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 3, name: "Zhao Lei", reliability: "F" }, citedVia: "the police report" }),
    ]);
    expect(two.independentOrigins).toBe(3);
  });

  test.each([
    ["the second report of the inquiry", 1],
    ["the first report of the inquiry", 2],
  ])("'%s' and 'the Stage 2 report': one document when numbered the same", (name, origins) => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Inquiry", reliability: "F" }, citedVia: name }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Stage 2 report", reliability: "F" }, citedVia: "Stage 2 report" }),
    ]);
    expect(summary.independentOrigins).toBe(origins);
  });

  test("a writer's sentence pointing back by 'its'/'their' at the one document cited rests on it; one without stays the writer's", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Survey", reliability: "F" }, citedVia: "the hospital survey" }),
      member({ claimId: 2, sourceId: 2, quote: "Its margin of error was four points either way." }),
      member({ claimId: 3, sourceId: 3, quote: "Its 4-point margin of error was wide." }),
      member({ claimId: 4, sourceId: 4, quote: "Four points either way was their own estimate of the error." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    const own = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Survey", reliability: "F" }, citedVia: "the hospital survey" }),
      member({ claimId: 2, sourceId: 2, quote: "The margin of error was four points either way." }),
      member({ claimId: 3, sourceId: 3, quote: "Nurses heard of the margin of error over their radios." }),
    ]);
    expect(own.independentOrigins).toBe(3);
    // With two documents cited, the possessive could point at either: the sentence stays the writer's.
    const two = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Survey", reliability: "F" }, citedVia: "the hospital survey" }),
      member({ claimId: 2, sourceId: 3, speaker: { id: 2, name: "Audit", reliability: "F" }, citedVia: "the port audit" }),
      member({ claimId: 3, sourceId: 2, quote: "Its margin of error was four points either way." }),
    ]);
    expect(two.independentOrigins).toBe(3);
  });

  test("a person named in full elsewhere is named again by their surname; a body's last common word is no surname", () => {
    const summary = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Martin Okafor", reliability: "F" }, quote: "Martin Okafor said 104 firefighters had died." }),
      member({ claimId: 2, sourceId: 2, quote: "On Friday, Okafor put the number of firefighters dead at 104." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    const body = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Tianjin Fire Department", reliability: "F" },
        quote: "The fire department said 104 had died.",
      }),
      member({ claimId: 2, sourceId: 2, quote: "The Harbour Department counted 104 firefighters dead." }),
    ]);
    expect(body.independentOrigins).toBe(2);
  });
  test("a reply in a thread is its poster's own, not a restatement of the post another hand pasted", () => {
    const wiki = { sourceId: 1, sourceTitle: "Tianjin explosions", reliability: "F" as const, share: 0.2 };
    const pasted = "Hours later the city government raised the toll to 50.";
    const members = (thread: boolean) => [
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "City government", reliability: "F" }, quote: pasted }),
      member({ claimId: 2, sourceId: 2, thread, speaker: { id: 1, name: "City government", reliability: "F" }, quote: pasted, copiedFrom: wiki }),
      member({ claimId: 3, sourceId: 2, thread, quote: "Funny how it was 17 at noon and 50 by the evening." }),
    ];
    expect(traceOrigins(members(true)).independentOrigins).toBe(2);
    // A blog that pastes a story and restates it in its own words relays it.
    expect(traceOrigins(members(false)).independentOrigins).toBe(1);
  });

  test("the authors of a document are its voice, the one document the proposition cites", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Authors", reliability: "F" },
        quote: "The authors wrote that a third of the deaths came later.",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Nankai University", reliability: "F" }, citedVia: "Nankai University's own paper" }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    const two = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Authors", reliability: "F" } }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Nankai University", reliability: "F" }, citedVia: "Nankai University's own paper" }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 3, name: "Xinhua", reliability: "F" }, citedVia: "the safety bureau's report" }),
    ]);
    expect(two.independentOrigins).toBe(3);
  });
  test("a sentence quoting the words another member attributes rests on the one it names", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Safety bureau", reliability: "F" },
        quote: 'The safety bureau found "gross negligence" in the storage of the chemicals.',
      }),
      member({ claimId: 2, sourceId: 2, quote: 'Prosecutors charged eleven officials, citing "gross negligence" in the storage rules.' }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    // One quoted word is anyone's word.
    const word = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Safety bureau", reliability: "F" },
        quote: 'The safety bureau called the storage "negligent".',
      }),
      member({ claimId: 2, sourceId: 2, quote: 'Residents called the company "negligent".' }),
    ]);
    expect(word.independentOrigins).toBe(2);
  });

  test("an initial's point ends no name, and a body's kind before its name is no part of it", () => {
    expect(affiliationOf("Wu Dan, a managing director of the engineering firm Ove J. Arup, said the cranes were sound.", "Wu Dan")).toBe("Ove J. Arup");
  });
  test("two documents said to have come out on the same day are one document", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Nankai University", reliability: "F" },
        citedVia: "Nankai University report, released on March 12",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Study", reliability: "F" }, citedVia: "their study, published on March 12" }),
      member({ claimId: 3, sourceId: 3, speaker: { id: 1, name: "Nankai University", reliability: "F" } }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    const otherDay = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Nankai University", reliability: "F" },
        citedVia: "Nankai University report, released on March 12",
      }),
      member({ claimId: 2, sourceId: 2, speaker: { id: 2, name: "Study", reliability: "F" }, citedVia: "their study, published on April 2" }),
    ]);
    expect(otherDay.independentOrigins).toBe(2);
  });
  test("a sentence whose subject is a study tells what the study did, and one about its researchers what its makers did", () => {
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        issuer: "Tianjin municipal government",
        quote: "The study compared the admissions recorded after the blast with those of earlier years.",
      }),
      member({ claimId: 2, sourceId: 2, quote: "Researchers compared hospital admissions after the blast with the three years before it." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.origins[0]!.key).toMatch(/^doc:/);
    // A sentence about a study that is no subject doing something stays the writer's.
    const about = traceOrigins([
      member({ claimId: 1, sourceId: 1, quote: "Admissions rose after the blast, according to hospital records." }),
      member({ claimId: 2, sourceId: 2, quote: "Researchers compared hospital admissions after the blast with the three years before it." }),
    ]);
    expect(about.independentOrigins).toBe(2);
  });
  test("a speaker reporting what another told or believed relays that other, when it speaks in the proposition too", () => {
    const sinochem = { id: 2, name: "Sinochem", reliability: "F" as const };
    const summary = traceOrigins([
      member({
        claimId: 1,
        sourceId: 1,
        speaker: { id: 1, name: "Li Wei", reliability: "F" },
        quote: "Li Wei said Sinochem officials told the inquiry that 700 tonnes were stored.",
      }),
      member({ claimId: 2, sourceId: 2, speaker: sinochem, quote: "Sinochem told the inquiry in May that 700 tonnes were stored." }),
    ]);
    expect(summary.independentOrigins).toBe(1);
    // Naming the other as the one spoken about is no relay of them.
    const about = traceOrigins([
      member({ claimId: 1, sourceId: 1, speaker: { id: 1, name: "Li Wei", reliability: "F" }, quote: "Li Wei said Sinochem stored 700 tonnes." }),
      member({ claimId: 2, sourceId: 2, speaker: sinochem, quote: "Sinochem told the inquiry in May that 700 tonnes were stored." }),
    ]);
    expect(about.independentOrigins).toBe(2);
  });
});
