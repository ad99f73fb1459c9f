// General rules of English reporting found by running the extractor on a subject it was never tuned on
// (tests/fixtures/conflicts/bhopal-gas). Each rule is tried on sentences written for this file, not taken from the sets,
// with a case where it fires and one where it must not.
import { describe, expect, test } from "vitest";

import { claimWith, speakerOf } from "../helpers/extracted-claims";
import { normalizeActorName } from "../../lib/extract/actors";
import { isGroupHead } from "../../lib/extract/lexicon";
import { normalizeDocument } from "../../lib/extract/normalize";

describe("group speakers", () => {
  test("a plural noun for people or bodies heads a group, listed or not: 'the tenants' associations said', 'the referees said'", () => {
    expect(isGroupHead("associations")).toBe(true);
    expect(isGroupHead("organisations")).toBe(true);
    expect(isGroupHead("referees")).toBe(true);
    expect(isGroupHead("parties")).toBe(true);
    const text = "Tenants' organisations said the rent rise broke the agreement signed in March.";
    expect(speakerOf(text, "rent rise")?.toLowerCase()).toContain("organisations");
  });

  test("a plural of things heads no group: 'reports', 'figures', 'tonnes'", () => {
    expect(isGroupHead("reports")).toBe(false);
    expect(isGroupHead("figures")).toBe(false);
    expect(isGroupHead("tonnes")).toBe(false);
    expect(isGroupHead("glass")).toBe(false);
    // A plural of polities names their land as often as their governments: "some countries have called for …".
    expect(isGroupHead("countries")).toBe(false);
  });
});

describe("what may stand between a subject and its verb", () => {
  test("'The council itself later said …': an intensive pronoun only stresses the subject", () => {
    const text = "The Harbour Council approved the new quay in 2019. The council itself later said the survey had been rushed.";
    expect(speakerOf(text, "survey had been rushed")).toBe("Harbour Council");
  });

  test("a reflexive that is the verb's object is no subject: 'the mayor blamed himself'", () => {
    const text = "The mayor blamed himself for the delay in the repairs.";
    expect(speakerOf(text, "delay in the repairs")).toBeNull();
  });

  test("'Meridian has long held that …': 'long' after the perfect's auxiliary, before a verb of position", () => {
    const text = "Meridian Foods has long held that the recall was voluntary.";
    const claim = claimWith(text, "recall was voluntary");
    expect(claim.speaker?.name).toBe("Meridian Foods");
    expect(claim.cue).toBe("held");
  });

  test("'long' that is no adverb of the verb leaves it alone: 'the long-held view'", () => {
    const text = "The long-held view of the harbour board was that the quay was safe.";
    expect(speakerOf(text, "quay was safe")).toBeNull();
  });
});

describe("sentence-opening conjunctions", () => {
  test("'And Halvorsen says …': the conjunction opens the main clause and is no part of the name", () => {
    const text = "Greta Halvorsen chaired the inquiry for two years. And Halvorsen says the final report was never sent to the ministry.";
    expect(speakerOf(text, "never sent to the ministry")).toBe("Greta Halvorsen");
  });

  test("'But the union insists …' and 'Yet officials maintain …'", () => {
    const text =
      "The Nautical Workers Union called a strike after the ferry company cut the night sailings in May. " +
      "But the union insists that no jobs were lost. Yet officials maintain that the sailings will return.";
    expect(speakerOf(text, "no jobs were lost")).toBe("Nautical Workers Union");
    expect(speakerOf(text, "sailings will return")?.toLowerCase()).toContain("officials");
  });

  test("a conjunction joining two subjects mid-sentence still needs both: 'engineers and residents say'", () => {
    const text = "Engineers and residents say the dam was leaking for weeks.";
    expect(speakerOf(text, "leaking for weeks")).not.toBeNull();
  });
});

describe("estimates given as bounds", () => {
  test("'put the total above 25,000': a bound on the figure is an estimate like 'at'", () => {
    const text = "Relief agencies have put the number of homeless above 40,000.";
    const claim = claimWith(text, "40,000");
    expect(claim.cue).toBe("put");
    expect(claim.speaker?.name.toLowerCase()).toContain("agencies");
  });

  test("'put the boxes above the shelf' with no figure is no estimate", () => {
    const text = "The volunteers put the boxes above the shelf in the school hall.";
    expect(claimWith(text, "boxes above the shelf").cue).toBeNull();
  });
});

describe("descriptions of bodies", () => {
  test("'the union' is no body the text named by another head: 'the ferry company' is not it", () => {
    const text = "The ferry company cut the night sailings in May. But the union insists that no jobs were lost.";
    expect(speakerOf(text, "no jobs were lost")).not.toBe("ferry company");
  });

  test("'the company' may still be a business named by another commercial head: 'the airline'", () => {
    const text = "Nordvik Airlines said on Friday that forty flights had been cancelled. The company said the strike had cost it two million crowns.";
    expect(speakerOf(text, "two million crowns")).toBe("Nordvik Airlines");
  });
});

describe("initials written together", () => {
  test("'R.K. Mehta, a retired judge, told …': the initials are part of the name, and no company of their own", () => {
    const text =
      "R.K. Mehta, a retired judge who sat on the panel, told reporters that the hearings had been cut short. " +
      "The report ran to 900 pages. The company maintains that the panel never asked for its records.";
    expect(speakerOf(text, "hearings had been cut short")).toBe("R.K. Mehta");
    expect(speakerOf(text, "never asked for its records")).not.toBe("R.K");
  });

  test("dotted letters that spell a country are no initials: 'The U.K. Treasury said' names no person 'U.K. …'", () => {
    const text = "The U.K. Treasury said the loan would be repaid by March.";
    expect(speakerOf(text, "repaid by March")).not.toMatch(/^U\.K/);
  });
});

describe("who a pronoun or a description means", () => {
  test("'\"…,\" he said' goes on with the speaker of the sentence before, not a man that sentence only named", () => {
    const text =
      "Mayor Tomas Lindqvist said he had phoned Governor Erik Sandberg the morning the bridge closed. " +
      '"He never once asked what the engineers had found," he said.';
    expect(speakerOf(text, "never once asked")).toBe("Tomas Lindqvist");
  });

  test("with no speaker in the sentence before, 'he' is still the man last named", () => {
    const text =
      "The bridge was closed in March after a crack was found in the main span. " +
      "Paul Okafor, an engineer, inspected it twice. He said the crack had been growing for years.";
    expect(speakerOf(text, "growing for years")).toBe("Paul Okafor");
  });

  test("'the Labour leader said' in the next paragraph is the minister who spoke in the last one", () => {
    const text =
      "Former Energy Minister Helen Ashworth told the committee on Tuesday that she had warned of the shortfall in 2019.\n\n" +
      "The Labour leader said her letters to the Treasury had gone unanswered.";
    expect(speakerOf(text, "gone unanswered")).toBe("Helen Ashworth");
  });

  test("a description two paragraphs on is no longer the last speaker", () => {
    const text =
      "Former Energy Minister Helen Ashworth told the committee on Tuesday that she had warned of the shortfall in 2019.\n\n" +
      "The hearing resumes next week.\n\n" +
      "Prices rose by a third over the winter.\n\n" +
      "The Labour leader said her letters to the Treasury had gone unanswered.";
    expect(speakerOf(text, "gone unanswered")).not.toBe("Helen Ashworth");
  });

  test("a proper name right before the role only says whose it is: 'the Labour leader'; a place further back names a body", () => {
    const text = "Opposition leader Priya Raman said on Monday that the bill would be blocked. The Labour leader said the vote would come in May.";
    expect(speakerOf(text, "vote would come in May")).toBe("Priya Raman");
  });
});

describe("participles and verdicts", () => {
  test("'X on Monday resigned …, telling reporters that …': the day between subject and verb leaves X the speaker", () => {
    const text = "Harbour master Olav Brekke on Monday resigned from the port board, telling reporters that the dredging contract had been rigged.";
    const claim = claimWith(text, "dredging contract");
    expect(claim.speaker?.name).toBe("Olav Brekke");
    expect(claim.cue).toBe("telling");
  });

  test("a participle of no speech after a dated clause reports nothing: 'on Monday resigned, leaving the board short'", () => {
    const text = "Harbour master Olav Brekke on Monday resigned from the port board, leaving it without a quorum.";
    expect(speakerOf(text, "without a quorum")).toBeNull();
  });

  test("'The court found all three directors guilty': a court's verdict is its finding, named or not", () => {
    const text = "The court found all three directors guilty of falsifying the safety logs.";
    const claim = claimWith(text, "falsifying the safety logs");
    expect(claim.cue).toBe("found");
    expect(claim.speaker?.kind).toBe("court");
  });

  test("'were found guilty' names no finder, and 'found the logbook' is no verdict", () => {
    const text = "Three directors were found guilty in March. The court found the logbook in a locked drawer.";
    expect(speakerOf(text, "found guilty in March")).toBeNull();
    expect(claimWith(text, "locked drawer").cue).toBeNull();
  });
});

describe("the medium a speaker used", () => {
  test("'wrote in his memoir that …' and 'said, reading from a prepared statement' cite the document", () => {
    const text =
      "Former governor Anil Batra wrote in his memoir that the order had come from the capital. " +
      '"I was told to sign it that night," Batra said, reading from a prepared statement.';
    expect(claimWith(text, "order had come from the capital").citedVia).toContain("memoir");
    expect(claimWith(text, "sign it that night").citedVia).toContain("statement");
  });

  test("'reading from' a thing that is no document cites nothing", () => {
    const text = '"I was told to sign it that night," Batra said, reading from a teleprompter.';
    expect(claimWith(text, "sign it that night").citedVia).toBeNull();
  });
});

describe("page debris at the foot of an article or a release", () => {
  test("a correction notice and instructions to the reader are removed", () => {
    const page = [
      "The council voted to close the pool by seven votes to four.",
      "An earlier version of this article gave the wrong date for the vote.",
      "Correction: the pool's operator is Fjord Leisure, not Fjord Sports.",
      "For media enquiries please contact the press office on 020 7946 0000.",
      "Please do not call the pool directly, as staff cannot comment.",
    ].join("\n");
    const { text, removed } = normalizeDocument(page);
    expect(text).toBe("The council voted to close the pool by seven votes to four.");
    expect(removed.map((span) => span.reason)).toEqual(["correction-notice", "correction-notice", "reader-instruction", "reader-instruction"]);
  });

  test("prose that only mentions a version, a correction or a request stays", () => {
    const page = [
      "An earlier version of the plan had kept the pool open on Sundays, the council said.",
      "The correction of the budget figures took three weeks.",
      "Residents have asked the council to please reconsider, the petition says.",
    ].join("\n");
    expect(normalizeDocument(page).removed).toEqual([]);
  });
});

describe("a company's abbreviated legal form", () => {
  test("'Fjord Leisure Ltd. said …': the full stop of 'Ltd.' ends the subject, not the sentence", () => {
    const text = "Fjord Leisure Ltd. said the pool had passed every inspection since 2015.";
    expect(speakerOf(text, "passed every inspection")).toBe("Fjord Leisure Ltd");
  });
});

describe("naming a thing as something", () => {
  test("'called the offer an insult to its members': a characterization, with or without quotation marks", () => {
    const text = "The Nautical Workers Union called the offer an insult to its members.";
    const claim = claimWith(text, "insult to its members");
    expect(claim.cue).toBe("called");
    expect(claim.speaker?.name).toBe("Nautical Workers Union");
  });

  test("'called the company a week later' and 'called the police a few minutes after' are telephone calls", () => {
    const text = "The mayor called the company a week later. She called the police a few minutes after midnight.";
    expect(claimWith(text, "a week later").cue).toBeNull();
    expect(claimWith(text, "after midnight").cue).toBeNull();
  });

  test("'Tenants' groups in Oslo said …': a group placed somewhere, its owner before it, is the group, not the place", () => {
    const text = "Tenants' groups in Oslo said the rent rise broke the agreement.";
    expect(speakerOf(text, "rent rise")).not.toBe("Oslo");
    expect(speakerOf(text, "rent rise")?.toLowerCase()).toContain("groups");
  });
});

// Rules found by running the extractor on a second unseen subject (tests/fixtures/conflicts/maria-deaths), again tried on
// sentences written for this file.
describe("names in any alphabet's letters", () => {
  test("'Gov. Tomás Ibáñez … The governor said …': accented letters are part of the name, in a title and in a later reference", () => {
    const text = "Gov. Tomás Ibáñez spoke to reporters in the capital. The governor said the bridge would reopen in May.";
    expect(speakerOf(text, "bridge would reopen")).toBe("Tomás Ibáñez");
  });

  test("'Mayor Lucía Peña …, she said': an accented surname keeps its gender and its letters", () => {
    const text = 'Mayor Lucía Peña visited the shelter on Friday. "Every family will have a roof by winter," she said.';
    expect(speakerOf(text, "roof by winter")).toBe("Lucía Peña");
  });
});

describe("an office given after a name", () => {
  test("'Hanna Berg, the secretary of transport, … the secretary acknowledged …': the apposition gives her the office", () => {
    const text =
      "Hanna Berg, the secretary of transport, issued a statement on Monday. In an interview, the secretary acknowledged that the bridge had been closed too late.";
    expect(speakerOf(text, "closed too late")).toBe("Hanna Berg");
  });

  test("an apposition that names no office gives none: 'Hanna Berg, a woman of sixty'", () => {
    const text = "Hanna Berg, a woman of sixty, crossed the bridge daily. In an interview, the secretary acknowledged that it had been closed too late.";
    expect(speakerOf(text, "closed too late")).not.toBe("Hanna Berg");
  });
});

describe("'according to' a pronoun", () => {
  test("'According to him …', 'According to her, …': the pronoun is resolved like a subject pronoun", () => {
    expect(speakerOf("Olaf Brandt spoke at noon. According to him there were only two inspectors on duty.", "two inspectors")).toBe("Olaf Brandt");
    expect(speakerOf("Ingrid Sol spoke at noon. According to her, the inspectors were never paid.", "never paid")).toBe("Ingrid Sol");
  });

  test("'according to her report' is the report's, not a pronoun's", () => {
    const claim = claimWith("Ingrid Sol spoke at noon. According to her report, the inspectors were never paid.", "never paid");
    expect(claim.citedVia ?? "").toContain("report");
  });
});

describe("calling someone something", () => {
  test("'She also called him reckless', 'called the plan unworkable': an adjective after the object is a judgement spoken", () => {
    const text = "Mayor Ingrid Sol answered the minister on Friday. She also called him reckless and arrogant.";
    expect(claimWith(text, "reckless").cue).toBe("called");
    expect(speakerOf(text, "reckless")).toBe("Ingrid Sol");
    expect(claimWith("The union called the plan unworkable from the start.", "unworkable").cue).toBe("called");
  });

  test("'called him back an hour later', 'called the hospital twice' are telephone calls", () => {
    const text = "The mayor called the hospital twice that night. She called him back an hour later.";
    expect(claimWith(text, "hospital twice").cue).toBeNull();
    expect(claimWith(text, "back an hour").cue).toBeNull();
  });
});

describe("estimating and finding a figure", () => {
  test("'The survey estimated 1,200 deaths': a figure right after the verb is an estimate, with no 'that'", () => {
    const claim = claimWith("The Lindqvist survey estimated 1,200 deaths in the first winter.", "1,200 deaths");
    expect(claim.cue).toContain("estimated");
    expect(claim.speaker).not.toBeNull();
  });

  test("'an estimated 2,100' is an adjective: 'The harbour lost an estimated 2,100 jobs' reports nobody's estimate", () => {
    expect(claimWith("The harbour lost an estimated 2,100 jobs in the year after the fire.", "2,100 jobs").speaker).toBeNull();
  });

  test("'An analysis by The Coastal Herald found 300 more deaths than usual': a study finds a figure", () => {
    expect(speakerOf("An analysis by The Coastal Herald found 300 more deaths than usual in the month after the flood.", "300 more deaths")).toBe(
      "Coastal Herald",
    );
  });

  test("'Police found 12 bodies in the river': finding things is an act, not a finding reported", () => {
    expect(speakerOf("Police found 12 bodies in the river on Sunday morning.", "12 bodies")).toBeNull();
  });
});

describe("a subject that carries a participle phrase", () => {
  test("'A survey led by researchers at X, published in Y, estimated …': the survey is the subject and X its author", () => {
    const text = "A household survey led by researchers at Lindqvist University, published in The Lancet on May 3, estimated 1,200 deaths in the region.";
    expect(speakerOf(text, "1,200 deaths")).toBe("Lindqvist University");
  });

  test("'… led by researchers at X and published in Y …': the second participle says where it appeared, not who wrote it", () => {
    const text = "A survey led by researchers at Lindqvist University and published in May in The Lancet estimated 1,200 deaths through the winter.";
    expect(speakerOf(text, "1,200 deaths")).toBe("Lindqvist University");
  });

  test("'Their study, published on Tuesday, found …': where a document appeared is no part of its name as a speaker", () => {
    const text = "The researchers had full access to the records. Their study, published on Tuesday, found an estimated 2,100 excess deaths.";
    expect(speakerOf(text, "2,100 excess deaths")).not.toMatch(/published/);
  });

  test("a participle that is the verb of its own clause is no modifier: 'The board published its figures on Monday'", () => {
    expect(claimWith("The board published its figures on Monday and the mayor resigned.", "its figures").speaker).toBeNull();
  });
});

describe("fronted dates and possessive owners", () => {
  test("'In December officials raised it to 64': the month closes the fronted phrase; the officials are the subject", () => {
    const text = "The count stood at 55 in November. In December officials raised it to 64.";
    expect(speakerOf(text, "raised it to 64")?.toLowerCase()).toBe("officials");
  });

  test("'Lindqvist's own paper says …': the owner of a document in the possessive wrote it", () => {
    const claim = claimWith("Lindqvist's own paper says between 700 and 9,000 people died.", "9,000 people");
    expect(claim.speaker?.name).toBe("Lindqvist");
    expect(claim.citedVia ?? "").toContain("paper");
  });
});

describe("asking for something", () => {
  test("'had asked the council for a new roof' requests; the clause after it keeps its own speaker", () => {
    const text = "Mayor Ingrid Sol met the tenants on Monday. The tenants had asked the council for a new roof, and Sol said the repairs would cost too much.";
    expect(claimWith(text, "cost too much").cue).toBe("said");
    expect(speakerOf(text, "cost too much")).toBe("Ingrid Sol");
  });

  test("'asked the council whether the roof was safe' is a question put, still a report of what was said", () => {
    expect(claimWith("The tenants asked the council whether the roof was safe.", "roof was safe").cue).toBe("asked");
  });
});

describe("more frames of reporting", () => {
  test("'The following day Lars Olsen wrote that …': a fronted phrase of time, without a comma, comes before the subject", () => {
    const text = "The following day Lars Olsen wrote that he had first been told of 16 deaths.";
    const claim = claimWith(text, "16 deaths");
    expect(claim.speaker?.name).toBe("Lars Olsen");
    expect(claim.cue).toBe("wrote");
  });

  test("'The following day the bridge reopened' has no report in it", () => {
    expect(claimWith("The following day the bridge reopened to traffic in both directions.", "reopened").speaker).toBeNull();
  });

  test("'…, ruling that the records were public': a court's participle of holding", () => {
    const text = "Judge Ana Moreno ordered the city to release the files, ruling that the records were public.";
    expect(speakerOf(text, "records were public")).toBe("Ana Moreno");
  });

  test("'…, as Transport Secretary Hanna Berg explained at the time.': a closing 'as X explained' frames the sentence", () => {
    const text = "The estimate was a preliminary calculation, not a count, as Transport Secretary Hanna Berg explained at the time.";
    expect(speakerOf(text, "preliminary calculation")).toBe("Hanna Berg");
  });

  test("'as' that compares frames nothing: 'The bridge is as old as the harbour, as long as anyone remembers'", () => {
    expect(claimWith("The bridge is as old as the harbour wall, as long as anyone here remembers.", "harbour wall").speaker).toBeNull();
  });

  test("'has never asked anyone to take its word' requests; 'asked the court to find that …' holds the finding", () => {
    expect(claimWith("The ministry has never asked anyone to take its word on the figures.", "take its word").cue).toBeNull();
    const text = "Federal lawyers asked the court to find that 900 tonnes of grain had rotted in the silos.";
    expect(claimWith(text, "900 tonnes").cue).toBe("asked");
  });

  test("'A demographer at Ohio State University, Maria Lindgren, estimated that …': nouns in -ographer, -ologist, -ician are occupations", () => {
    const text = "A demographer at Ohio State University, Maria Lindgren, estimated that 90 people died in the first week.";
    expect(speakerOf(text, "90 people")).toBe("Maria Lindgren");
    expect(speakerOf("The statistician, Paul Ek, said that the count was too low.", "too low")).toBe("Paul Ek");
  });

  test("'The study found a third of those deaths …': a fraction is a figure a study finds", () => {
    const claim = claimWith("The study found a third of those deaths came from people without care.", "a third");
    expect(claim.cue).toContain("found");
  });
});

describe("a person's government", () => {
  test("'Governor Ana Berg's government raised …' and a later 'the government': the government the text named", () => {
    const text =
      "The Government of Norland kept the count at 12. Hours later, Governor Ana Berg's government raised the count to 34. The government announced that it had hired auditors.";
    expect(speakerOf(text, "hired auditors")).toBe("Government of Norland");
    expect(speakerOf(text, "raised the count")).not.toMatch(/Berg/);
  });
});

describe("groups placed somewhere", () => {
  test("'Funeral directors across Norland say …': a group told apart by its modifier keeps no place in its name", () => {
    expect(speakerOf("Funeral directors across Norland say they have buried dozens of people.", "buried dozens")).toBe("Funeral directors");
    expect(speakerOf("Funeral directors in Norland say they have buried dozens of people.", "buried dozens")).toBe("Funeral directors");
  });

  test("'Newspapers in Oslo reported …': a bare plural is told apart only by its place, which it keeps", () => {
    expect(speakerOf("Newspapers in Oslo reported that the mayor had resigned.", "mayor had resigned")).toBe("Newspapers in Oslo");
  });
});

describe("page debris: captions and moderators", () => {
  test("a caption that ends with its photo credit is debris: '… Ledger photo / Iván Rosado', '(AP Photo/Jane Doe)'", () => {
    expect(normalizeDocument("A hearse waits outside a funeral home in Lund, Nov. 18, 2017. Ledger photo / Iván Rosado").removed.map((r) => r.reason)).toEqual([
      "caption",
    ]);
    expect(normalizeDocument("Rescuers search the rubble in the old town (AP Photo/Jane Doe)").removed.map((r) => r.reason)).toEqual(["caption"]);
  });

  test("a sentence about a photo is no caption: 'The minister said the photo was genuine.'", () => {
    expect(normalizeDocument("The minister said the photo was genuine.").removed).toEqual([]);
  });

  test("a forum moderator's note is forum chrome: 'Moderator note: two posts removed …'", () => {
    expect(normalizeDocument("Moderator note: two posts removed for personal attacks.").removed.map((r) => r.reason)).toEqual(["forum-chrome"]);
  });
});

describe("schools and hospitals are bodies, not businesses", () => {
  test("'researchers at the Lund T.K. Berg School of Public Health': a school's full name, initials and all, is its author", () => {
    const text = "A survey led by researchers at the Lund T.K. Berg School of Public Health estimated 1,200 deaths in the region.";
    expect(speakerOf(text, "1,200 deaths")).toBe("Lund T.K. Berg School of Public Health");
  });

  test("'the company' after a school and a ferry operator is the operator", () => {
    const text =
      "Harbour Lines Ltd. ran the ferry. Many of the passengers were pupils of Danby High School. The company maintains that the ferry was never overloaded.";
    expect(speakerOf(text, "never overloaded")).toBe("Harbour Lines Ltd");
  });
});

describe("documents: plurals, topics and shares", () => {
  test("'Later reports said …', 'Studies show …': documents in the plural speak", () => {
    expect(speakerOf("Later reports said the minister had ordered the release.", "ordered the release")).toBe("Reports");
    expect(speakerOf("Studies show that the bridge was built too low.", "built too low")).toBe("Studies");
  });

  test("'Later reporters said …' is a group of people, not documents", () => {
    expect(speakerOf("Later reporters said the minister had ordered the release.", "ordered the release")?.toLowerCase()).toContain("reporters");
  });

  test("'A Herald survey of 112 shops, about half of those in the town, found that …': the topic and a share of it stand between", () => {
    const text = "A Herald survey of 112 shops, about half of those in the town, found that owners had lost 40 days of trade.";
    const claim = claimWith(text, "40 days of trade");
    expect(claim.cue).toBe("found");
    expect(claim.speaker?.name).toBe("Herald");
  });

  test("'A study of death records by the Lund Institute found …': the topic never names the author; 'by' does", () => {
    expect(speakerOf("A study of death records by the Lund Institute found that 300 more people died.", "300 more people")).toBe("Lund Institute");
  });
});

describe("indefinite pronouns", () => {
  test("'Everybody I know in Lund says …': an indefinite pronoun is the subject, and it names no one", () => {
    const text = "The council confirmed 312 deaths. Everybody I know in Lund says the 312 figure is a joke.";
    const claim = claimWith(text, "is a joke");
    expect(claim.cue).toBe("says");
    expect(claim.speaker).toBeNull();
  });

  test("a named subject is still read as itself: 'Mayor Ingrid Sol said …'", () => {
    expect(speakerOf("The council met. Mayor Ingrid Sol said the figure was a joke.", "figure was a joke")).toBe("Ingrid Sol");
  });
});

describe("companies named by their trade", () => {
  test("'Harbour Marine ran the ferry … The operator has said …': a name ending in a trade of carriers is a company", () => {
    const text = "Harbour Marine ran the ferry for ten years. The operator has said that the refit was approved by the register.";
    expect(speakerOf(text, "refit was approved")).toBe("Harbour Marine");
  });

  test("a person's name is not a trade: 'Ana Marin ran the ferry … The operator has said …' finds no company", () => {
    const text = "Ana Marin ran the ferry for ten years. The operator has said that the refit was approved by the register.";
    expect(speakerOf(text, "refit was approved")).not.toBe("Ana Marin");
  });

  test("a bench of judges is a body: 'A five-judge bench of the Supreme Court said …' is the court's", () => {
    const text = "Appeal dismissed\n\nA five-judge bench of the Supreme Court said the award paid out was fair to every claimant.";
    expect(speakerOf(text, "award paid out")).toBe("Supreme Court");
  });

  test("a body that is part of a named one acts for it: '… a full bench of the Harbour High Court dismissed … It found …'", () => {
    const text =
      "Appeal dismissed\n\nThe ministry had asked for a review. A full bench of the Harbour High Court dismissed the petition on 14 March. It found that the owners had paid the award in full.";
    expect(speakerOf(text, "owners had paid")).toBe("Harbour High Court");
  });
});

// Rules found on tests/fixtures/conflicts/hillsborough, measured before any rule was changed for it; tried here on sentences
// written for this file.
describe("offices of the law, the church and the state", () => {
  test("a barrister, solicitor or coroner named in apposition speaks: 'His barrister, Ann Lee QC, argued …'", () => {
    expect(speakerOf("His barrister, Ann Lee QC, argued that the delay was caused by the contractor.", "delay was caused")).toBe("Ann Lee");
    expect(speakerOf("The family's solicitor, Owen Price, said the council had ignored the warnings.", "ignored the warnings")).toBe("Owen Price");
    expect(speakerOf("The coroner, Dr Ray Hill, held that the driver had died instantly.", "died instantly")).toBe("Ray Hill");
  });

  test("a clergy style or a judge's title before a name is no part of it: 'the Right Reverend Anne Hale'", () => {
    expect(normalizeActorName("Right Reverend Anne Hale")).toBe("anne hale");
    expect(normalizeActorName("The Most Reverend Paul Ito")).toBe("paul ito");
    expect(normalizeActorName("Lord Justice Marsh")).toBe("marsh");
  });

  test("'The Prime Minister told MPs …' with no one given the office is the office, not the last person quoted", () => {
    const text = "Ruth Oakes said the inquiry had been a whitewash. The Prime Minister told MPs that the force had misled the public.";
    expect(speakerOf(text, "misled the public")).toBe("Prime Minister");
  });

  test("the office is whoever the text gave it: 'Prime Minister Jane Doyle … The Prime Minister told …'", () => {
    const text =
      "Prime Minister Jane Doyle visited the site on Monday. Ruth Oakes said the inquiry had been a whitewash. The Prime Minister told MPs that the force had misled the public.";
    expect(speakerOf(text, "misled the public")).toBe("Jane Doyle");
  });

  test("a lower-case office with no holder named stays unattributed: 'the president said'", () => {
    expect(speakerOf("The president said the embassy would stay open.", "embassy would stay open")).toBeNull();
  });
});

describe("appositions in a row", () => {
  test("'Ruth Oakes, the former head of the union, whose son was injured, said …': the name before both", () => {
    const text = "Ruth Oakes, the former head of the Tenants Association, whose daughter was among the injured, said the inquiry had been a whitewash.";
    expect(speakerOf(text, "whitewash")).toBe("Ruth Oakes");
  });

  test("an age then a description: 'Tom Reyes, 41, a teacher from Leeds, said …'", () => {
    expect(speakerOf("Tom Reyes, 41, a teacher from Leeds, said the gate was shut.", "gate was shut")).toBe("Tom Reyes");
  });

  test("a single apposition naming a body still leaves the body out: 'Ann Cole, head of the Ferry Union, said …'", () => {
    expect(speakerOf("Ann Cole, head of the Ferry Union, said the crossings would resume.", "crossings would resume")).toBe("Ann Cole");
  });
});

describe("bodies that hear evidence and offices with where they sit", () => {
  test("'The jury said …', 'the panel found that …': a jury, tribunal or panel speaks by its kind", () => {
    expect(speakerOf("The jury said the landlord had acted negligently.", "acted negligently")).toBe("Jury");
    expect(speakerOf("The tenants were evicted unlawfully, the tribunal concluded on Friday.", "evicted unlawfully")).toBe("Tribunal");
    expect(speakerOf("The panel found that the records had been altered.", "records had been altered")).toBe("Panel");
  });

  test("a role, then where it sits, then the name: 'The judge at the first trial, Mary Lowe, held …'", () => {
    expect(speakerOf("The judge at the first trial, Mary Lowe, held that the contract was void.", "contract was void")).toBe("Mary Lowe");
    expect(speakerOf("The pathologist in the original case, Dr Ian Moss, said the injuries were old.", "injuries were old")).toBe("Ian Moss");
  });

  test("a place before a name is no role: 'Rain fell on the town of Hull, Mary Lowe said.'", () => {
    expect(speakerOf("Rain fell on the town of Hull, Mary Lowe said.", "Rain fell")).toBe("Mary Lowe");
  });
});

describe("naming something is saying it; a named person's family speaks as one", () => {
  test("'called it a scandal', 'called it the worst decision of the decade': a pronoun named as something", () => {
    expect(speakerOf("Ann Cole called it a scandal.", "scandal")).toBe("Ann Cole");
    expect(speakerOf("Ann Cole, the MP who chaired the committee, called it the worst decision of the decade.", "worst decision")).toBe("Ann Cole");
  });

  test("'called it a day' is an idiom of time and 'called him at home' rang him: neither is a claim of the caller", () => {
    expect(speakerOf("Ann Cole called it a day at noon.", "called it a day")).toBeNull();
    expect(speakerOf("Ann Cole called him at home.", "called him at home")).toBeNull();
  });

  test("'Ortiz's family said in a statement …': the family speaks, through its statement", () => {
    const claim = claimWith("Ortiz's family said in a statement that they welcomed the ruling.", "welcomed the ruling");
    expect(claim.speaker?.name).toBe("Ortiz family");
    expect(claim.citedVia).toContain("statement");
  });
});

describe("what stands between a pronoun and its report", () => {
  const lead = "Mark Holloway visited the site on Sunday. ";

  test("a fronted 'within …' phrase opens the clause: 'Within hours he told Ann Cole that …'", () => {
    expect(speakerOf(`${lead}Within hours he told Ann Cole that the gate was shut.`, "gate was shut")).toBe("Mark Holloway");
  });

  test("the hearer's apposition before 'that': 'he told Ann Cole, then head of the union, that …'", () => {
    const text = `${lead}Within hours of the crash he told Ann Cole, then chief executive of the Ferry Union, that the gate had been forced.`;
    expect(speakerOf(text, "gate had been forced")).toBe("Mark Holloway");
  });
});
