// Rules of English reporting that hold in a document's context as well as in a lone sentence, found on the tuned
// conflict sets (grenfell-tower above all). Every sentence here is written for this file, with a case where the rule
// fires and one where it must not.
import { describe, expect, test } from "vitest";

import { claimWith, speakerOf } from "../helpers/extracted-claims";

describe("a role, then its holder's name set off by commas", () => {
  test("'The Director of the Harbour Board, Alma Ruiz, told the hearing that …' is Alma Ruiz, not the board", () => {
    const text = "The quay collapsed in March. The Director of the Harbour Board, Alma Ruiz, told the hearing in May that she had never seen the survey.";
    expect(speakerOf(text, "never seen the survey")).toBe("Alma Ruiz");
  });

  test("after a sentence that names the body, the holder still speaks", () => {
    const text =
      "The Harbour Board should have closed the quay, the review concluded. The Chair of the Harbour Board, Tomas Lindgren, told reporters that the board had acted on the advice it had.";
    expect(speakerOf(text, "acted on the advice")).toBe("Tomas Lindgren");
  });

  test("a list of places set off by commas is no name of an office holder", () => {
    const text = "Ferries from Oslo, Bergen and Stavanger, told to wait, stayed in port for two days after the storm.";
    expect(speakerOf(text, "stayed in port")).toBeNull();
  });
});

describe("'told' after a comma is the subject's verb", () => {
  test("'Ruiz, who ran the yard, told the hearing that …': whoever is before the comma told", () => {
    const text = "Alma Ruiz, who ran the yard for a decade, told the hearing that the cranes were checked every week.";
    expect(speakerOf(text, "cranes were checked")).toBe("Alma Ruiz");
  });
});

describe("'she' goes on with the speaker of the sentence just before", () => {
  test("a new speaker of unmarked gender, then 'She said': the new speaker, not the woman named earlier", () => {
    const text =
      "“We did what we could,” Ms Ruiz said. Helena Marsh, who leads the families' group, said the director's account was false. She said the families had waited three years for an answer.";
    expect(speakerOf(text, "waited three years")).toBe("Helena Marsh");
  });

  test("a speaker the text made a man is not 'she': the earlier woman is", () => {
    const text =
      "“We did what we could,” Ms Ruiz said. Mr Tomas Lindgren, who chairs the board, said the account was fair. She said the families had been told everything.";
    expect(speakerOf(text, "told everything")).toBe("Ruiz");
  });
});

describe("a number in a document's name tells one document of a series from another", () => {
  test("'the Part 2 review' after 'the Part 1 review' is a new document, and a later 'the review' is the latest", () => {
    const text =
      "The Part 1 review, issued in 2020, found that the pumps had failed. The Part 2 review, issued in 2023, ran to 900 pages. The review found that the board had hidden the test results.";
    const claim = claimWith(text, "hidden the test results");
    expect(claim.speaker?.name).toMatch(/Part 2 review/);
    expect(claim.citedVia).not.toMatch(/2020/);
  });

  test("the same number again is the same document", () => {
    const text = "The Part 1 review, issued in 2020, found that the pumps had failed. The Part 1 review also found that the alarms were off.";
    expect(speakerOf(text, "alarms were off")).toMatch(/Part 1 review/);
  });
});

describe("an office of a body is a person, not the body", () => {
  test("'the board said' after 'The Chair of the Harbour Board, …' is the Harbour Board", () => {
    const text = "The Chair of the Harbour Board said the quay was safe. In a statement, the board said it would study the findings with care.";
    expect(speakerOf(text, "study the findings")).toBe("Harbour Board");
  });
});

describe("a police spokesperson speaks for the police", () => {
  test("'a police spokeswoman said' is the force the text named, or the police", () => {
    expect(speakerOf("A police spokeswoman said the count of the missing was final.", "count of the missing")).toBe("Police");
    const text = "Inspector Ana Roos of the Northshire Police said the road was closed. “Nobody is hiding anything,” a police spokesman said.";
    expect(speakerOf(text, "Nobody is hiding")).toBe("Northshire Police");
  });
});

describe("telling someone to do something is an order, not a statement", () => {
  test("'were told by the wardens to remain' and 'told residents to remain' have no speaker", () => {
    expect(speakerOf("As many as 40 of them were told by the wardens to remain in their rooms.", "remain in their rooms")).toBeNull();
    expect(speakerOf("The wardens told the residents to remain in their rooms.", "remain in their rooms")).toBeNull();
  });

  test("'were told by the wardens that …' still reports what the wardens said", () => {
    expect(speakerOf("The residents were told by the wardens that the fire was out.", "fire was out")).toBe("Wardens");
  });
});

describe("whoever puts or revises a figure states it", () => {
  test("'put the number of people dead or missing at 58': a long object before 'at' and the figure", () => {
    const text = "Inspector Lena Okafor briefed reporters on Friday. On Saturday, Okafor put the number of people dead or missing at 58.";
    expect(speakerOf(text, "dead or missing at 58")).toBe("Lena Okafor");
  });

  test("'put' with no count or cost before 'at' states nothing", () => {
    expect(speakerOf("The crew put the spare lifeboat and the rafts at the stern.", "spare lifeboat")).toBeNull();
  });

  test("'Two days later she raised it to 79': a span of time before 'later' opens the sentence, then the subject", () => {
    const text = "Inspector Lena Okafor put the toll at 58 on Saturday. Two days later she raised it to 79, of whom five were named.";
    expect(speakerOf(text, "raised it to 79")).toBe("Lena Okafor");
  });
});

describe("a body's stance on a finding or a claim is its own statement", () => {
  test("'Nordvik agrees with that finding', 'Nordvik does not accept that …', 'Nordvik regrets that …'", () => {
    const text =
      "The review found that the cladding failed first. Nordvik Group agrees with that finding. Nordvik Group does not accept that it misled its customers. Nordvik Group regrets that the changing figures caused confusion.";
    expect(speakerOf(text, "agrees with that finding")).toBe("Nordvik Group");
    expect(speakerOf(text, "misled its customers")).toBe("Nordvik Group");
    expect(speakerOf(text, "caused confusion")).toBe("Nordvik Group");
  });

  test("accepting a thing that is no claim or finding states nothing", () => {
    expect(speakerOf("Nordvik Group accepted the contract for the tower in 2019.", "contract for the tower")).toBeNull();
  });
});

describe("text pasted under a line that names whose statement it is", () => {
  test("a forum post: 'From Nordvik's own statement on the day:' then a Quote box: the pasted lines are Nordvik's", () => {
    const text = [
      "#1",
      "harbour_watcher",
      "",
      "From Nordvik's own statement on the day the review came out:",
      "",
      "Quote:",
      "Nordvik had no part in the design of the quay. Its pumps made up a tenth of the system fitted in 2019.",
      "",
      "Nobody believes that down here.",
      "",
      "#2",
      "dockside_dan",
      "",
      "The review says otherwise and I trust the review.",
    ].join("\n");
    const claim = claimWith(text, "no part in the design");
    expect(claim.speaker?.name).toBe("Nordvik");
    expect(claim.citedVia).toBe("statement");
    expect(speakerOf(text, "a tenth of the system")).toBe("Nordvik");
    // The poster's own line after the paste is no longer the statement.
    expect(speakerOf(text, "Nobody believes that")).toBeNull();
  });

  test("'Here is the press release from Nordvik Group:' without a box", () => {
    const text =
      "Here is the press release from Nordvik Group:\nThe pumps were tested twice before they were fitted to the quay.\n\nMake of that what you will, friends.";
    expect(speakerOf(text, "tested twice")).toBe("Nordvik Group");
  });

  test("a line ending in a colon that names no statement introduces nothing", () => {
    const text = "Here is what I saw on the night of the storm:\nThe pumps were running for an hour before the quay gave way.";
    expect(speakerOf(text, "running for an hour")).toBeNull();
  });
});

describe("when something was said is no part of who said it", () => {
  test("'The Part 1 review in October 2021 found it was the pump': the review, and a clause whose 'that' is left out", () => {
    const text = "The Part 1 review in October 2021 found it was the pump in the east basin that failed first.";
    expect(speakerOf(text, "pump in the east basin")).toMatch(/Part 1 review/);
  });

  test("'found it difficult' is no clause", () => {
    expect(speakerOf("The Part 1 review found it difficult to trace the pump's records.", "trace the pump")).toBeNull();
  });
});

describe("a document numbered in a series is not an unnumbered one named before", () => {
  test("'the Part 1 review' after the thread's 'final review' is a document of its own", () => {
    const text =
      "The final review is out and it is damning. Everyone should read it. The Part 1 review in October 2021 found it was the pump in the east basin.";
    expect(speakerOf(text, "pump in the east basin")).toMatch(/Part 1 review/);
  });
});

describe("an inquiry with no name speaks for itself, and its report is its own", () => {
  test("'…, the public inquiry into the collapse concluded on Friday': the inquiry, framing the words before it", () => {
    const text = "The harbour board should have closed the quay a year earlier, the public inquiry into the collapse concluded on Friday.";
    expect(speakerOf(text, "closed the quay")).toBe("Public inquiry");
  });

  test("'the inquiry' is never the last company named before it", () => {
    const text = "Nordvik Group supplied the pumps for the quay. The inquiry heard evidence from engineers for three weeks before it closed.";
    expect(speakerOf(text, "heard evidence")).toBeNull();
  });

  test("'In the first report of the inquiry, Judge Ana Vidal found …': the report is the inquiry's; 'the report said' is the inquiry", () => {
    const text = [
      "The harbour board should have closed the quay sooner, the public inquiry into the collapse concluded on Friday.",
      "In the first report of the inquiry, Judge Ana Vidal found that the board's planning had been poor.",
      "The report said the cranes should have been moved in March.",
    ].join(" ");
    expect(speakerOf(text, "planning had been poor")).toBe("Ana Vidal");
    expect(speakerOf(text, "cranes should have been moved")).toBe("Public inquiry");
  });

  test("a finding verb after a comma needs nothing but a time after it: '…, the inquiry found the pumps' is no framing", () => {
    const text = "After three weeks of hearings, the inquiry found the pumps in the east basin.";
    expect(speakerOf(text, "pumps in the east basin")).toBeNull();
  });
});

describe("'already' between the auxiliary and the verb", () => {
  test("'A report by the engineer Ana Vidal had already found that …' is her report's finding, and 'she wrote' goes on with her", () => {
    const text =
      "A report by the engineer Ana Vidal had already found that the pumps had failed by 2am. If the pumps had been checked, she wrote, the quay would have held.";
    expect(speakerOf(text, "pumps had failed by 2am")).toBe("Ana Vidal");
    expect(speakerOf(text, "quay would have held")).toBe("Ana Vidal");
  });
});

describe("'…, the company said' closing a sentence that opens with a business", () => {
  test("the business the sentence opened with, not another body named before, and 'It said' goes on with it", () => {
    const text =
      "The Fair Wage Campaign put the shortfall at $2 million. Velloni paid $1 million into the fund in May, twice what its auditors had advised, the company said. It said its total support came to $1.5 million.";
    expect(speakerOf(text, "twice what its auditors")).toBe("Velloni");
    expect(speakerOf(text, "total support came")).toBe("Velloni");
  });

  test("a person opening the sentence is no company", () => {
    const text = "Velloni Group makes shirts in Dhaka. Maria Rossi paid the workers their wages in May, the company said, and she left the firm a year later.";
    expect(speakerOf(text, "paid the workers")).toBe("Velloni Group");
  });
});

describe("'…, while others estimated that …' is a second claim with its own speaker", () => {
  test("the first clause is not the estimators'", () => {
    const text = "The port authority kept its official count at 12 until March, while independent engineers estimated that the losses ran into the hundreds.";
    expect(speakerOf(text, "kept its official count")).toBeNull();
    expect(speakerOf(text, "losses ran into the hundreds")?.toLowerCase()).toContain("engineers");
  });
});

describe("confessions and suspicions are the subject's", () => {
  test("'Baig confessed to killing …' is Baig's statement", () => {
    const text = "Omar Baig, a former dock worker, was arrested in May. Baig confessed to setting the fire in the east warehouse.";
    expect(speakerOf(text, "setting the fire")).toBe("Omar Baig");
  });

  test("'According to a cable, Minister Ana Vidal suspected that …' is the minister's, cited via the cable", () => {
    const claim = claimWith(
      "According to a cable released last year, Interior Minister Ana Vidal suspected that the army was out to get the president.",
      "out to get the president",
    );
    expect(claim.speaker?.name).toBe("Ana Vidal");
    expect(claim.citedVia).toMatch(/cable/);
  });

  test("a suspect is no suspicion: 'police suspected arson' with no clause has no speaker", () => {
    expect(speakerOf("Local police suspected arson in the east warehouse fire.", "east warehouse fire")).toBeNull();
  });
});

describe("a dotted acronym inside a description", () => {
  test("'The U.S. shipping group said …' after the company is named is that company", () => {
    const text = "Nordvik Lines said on Monday that it would stop sailing to the port. The U.S. shipping group said in a statement that it had sold the ferry.";
    expect(speakerOf(text, "sold the ferry")).toBe("Nordvik Lines");
  });
});

describe("a body's full name and the acronym the text gives it are one speaker", () => {
  test("'The Harbour Safety Board (HSB) concluded …. The board said …': both are HSB", () => {
    const text = "The Harbour Safety Board (HSB) concluded in May that the quay had been overloaded. The board said the cranes were never inspected.";
    expect(speakerOf(text, "quay had been overloaded")).toBe("HSB");
    expect(speakerOf(text, "cranes were never inspected")).toBe("HSB");
  });

  test("letters in brackets that are not the name's initials are no acronym of it", () => {
    const text = "The Harbour Safety Board (PDF) was published in May. The board said the cranes were never inspected.";
    expect(speakerOf(text, "cranes were never inspected")).toBe("Harbour Safety Board");
  });
});

describe("a group told apart by a region", () => {
  test("'Residents in southern Norland said …': a compass word before the place belongs to the place", () => {
    expect(speakerOf("Residents in southern Norland said the catch had halved since the spill.", "catch had halved")).toBe("Residents in southern Norland");
  });

  test("a compass word before a common noun is no place: 'Residents in northern villages said …' keeps the group", () => {
    expect(speakerOf("Residents in northern villages said the catch had halved since the spill.", "catch had halved")).toMatch(/^Residents/);
  });
});

describe("'…, and it denies …' means the subject of the first conjunct", () => {
  test("a named body opening the sentence, not a name inside its object clause", () => {
    const text =
      "Nordvik Lines runs the ferry. The Harbour Board has not received any report that Nordvik Lines overloaded the ferry, and it denies the claim that cargo was loaded beyond the limit.";
    expect(speakerOf(text, "cargo was loaded beyond")).toBe("Harbour Board");
  });

  test("a description the text never resolved (a statement's own 'the company') leaves no speaker", () => {
    const text =
      "The Sea Star left port at 9pm. The company has not received any report that the Sea Star was overloaded, and it denies the claim that cargo was loaded beyond the limit.";
    expect(speakerOf(text, "cargo was loaded beyond")).toBeNull();
  });
});

describe("a part of a group speaks as the group", () => {
  test("'Some of the survivors said …', 'Several of the dock workers had suggested since May that …'", () => {
    expect(speakerOf("Some of the survivors said the alarm never sounded that night.", "alarm never sounded")).toBe("Survivors");
    expect(
      speakerOf("Several of the dock workers had suggested since May that the hangar held explosives.", "hangar held explosives")?.toLowerCase(),
    ).toContain("dock workers");
  });

  test("a part of a thing is no speaker: 'Some of the cargo was moved …, officials said' is the officials'", () => {
    expect(speakerOf("Some of the cargo was moved to the north quay, officials said.", "north quay")).toBe("Officials");
  });
});

describe("a post or a tweet is a medium like a letter", () => {
  test("'In a blog post in March it wrote that …' is cited via the blog post", () => {
    const claim = claimWith(
      "The Harbour Tenants Group had warned about the quay for years. In a blog post in March it wrote that only a disaster would move the board.",
      "only a disaster",
    );
    expect(claim.speaker?.name).toBe("Harbour Tenants Group");
    expect(claim.citedVia).toMatch(/blog post/);
  });
});

describe("'(copied from a national daily)' after a paste", () => {
  const text = [
    "#1   quay_watcher   Posted 3 May 2021",
    "Member since: 2012 | Posts: 400",
    "",
    "Repost from the morning paper:",
    "",
    "The quay collapsed on Tuesday and took two cranes with it.",
    "",
    "Harbour master Piet Vos said the cranes had been overloaded.",
    "",
    "(copied from a national daily)",
    "",
    "#2   dockside_dan   Posted 3 May 2021",
    "",
    "The quay was old and everyone in town knew it.",
  ].join("\n");

  test("the paste's own voice is cited via the source the note names", () => {
    expect(claimWith(text, "took two cranes").citedVia).toBe("national daily");
  });

  test("a speaker inside the paste speaks for themself, and the next poster's words are not the paste's", () => {
    expect(claimWith(text, "cranes had been overloaded").citedVia).toBeNull();
    expect(claimWith(text, "everyone in town knew").citedVia).toBeNull();
  });
});
