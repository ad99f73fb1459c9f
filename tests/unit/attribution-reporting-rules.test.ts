// General rules of English reporting, each tried on real sentences of the sewol-ferry set
// (tests/fixtures/conflicts/sewol-ferry): who a sentence says stands behind a claim.
import { describe, expect, test } from "vitest";

import { claimWith, speakerOf } from "../helpers/extracted-claims";
import { ActorDirectory, type KnownActor } from "../../lib/actors/identity";
import { canonicalActorKey } from "../../lib/extract/actors";
import { extractClaims } from "../../lib/extract/claims";
import { normalizeDocument } from "../../lib/extract/normalize";
import type { ActorKind } from "../../lib/extract/types";

let nextId = 1;
function actor(name: string, kind: ActorKind = "person"): KnownActor {
  return { id: nextId++, name, normalizedName: canonicalActorKey(name), kind, aliases: [] };
}

describe("names", () => {
  test("a cardinal opening a sentence is no part of a name: 'Four Chonghaejin employees' leaves 'Chonghaejin denied' to Chonghaejin", () => {
    const text =
      "Chonghaejin denied the ship had been overloaded when it left port. " +
      "Four Chonghaejin employees who handled the loading have already been arrested, and all 15 surviving crew members are in custody.";
    expect(speakerOf(text, "overloaded")).toBe("Chonghaejin");
  });

  test("a romanized Korean name puts the family name first: 'Lee' and 'Lee Joon-seok' are one person across documents", () => {
    const lee = actor("Lee");
    expect(new ActorDirectory([lee]).resolve({ name: "Lee Joon-seok", kind: "person" })).toBe(lee);
    const captain = actor("Lee Joon-seok");
    expect(new ActorDirectory([captain]).resolve({ name: "Lee", kind: "person" })).toBe(captain);
    // Two Kims stay apart, and a bare "Kim" between them is no one's.
    const directory = new ActorDirectory([actor("Kim Suk-kyun"), actor("Kim Han-sik")]);
    expect(directory.resolve({ name: "Kim", kind: "person" })).toBeNull();
    expect(directory.resolve({ name: "Kim Kyung-il", kind: "person" })).toBeNull();
  });

  test("a plural possessive belongs to a body's name: 'the Supreme Prosecutors' Office'", () => {
    const text = "On 6 October 2014 the Supreme Prosecutors' Office concluded that overloading, poor stowage and the crew's steering caused the capsizing.";
    expect(speakerOf(text, "poor stowage")).toBe("Supreme Prosecutors' Office");
  });

  test("a sentence opening with the last one's citation markers opens there: 'Transcripts' is no one's name", () => {
    const text =
      "The Sewol was bought by Chonghaejin Marine in 2012.[4] Transcripts of the coast guard's radio traffic show that its officers were told to reach the passengers.[21] " +
      "[27] The operator has said that the refit was approved by the register and that the vessel met every stability requirement.";
    expect(speakerOf(text, "refit was approved")).not.toBe("Transcripts");
  });
});

describe("fronted dates and days", () => {
  test("'At a press conference on 28 April 2014 Kim Kyung-il said': the date ends the fronted phrase", () => {
    const text = "At a press conference on 28 April 2014 Kim Kyung-il said that his crew had broadcast an order to abandon ship over the boat's loudspeaker.";
    expect(speakerOf(text, "broadcast an order")).toBe("Kim Kyung-il");
  });

  test("'On 28 April 2015 the Gwangju High Court convicted Lee …. It found …': the dated clause's subject is what 'it' means", () => {
    const text =
      "On 11 November 2014 the Gwangju District Court acquitted Lee of homicide. " +
      "The court held that there was no evidence that Lee had given no order to abandon ship. " +
      "On 28 April 2015 the Gwangju High Court convicted Lee of homicide and raised his sentence to life imprisonment. " +
      "It found that no evacuation order had been given.";
    expect(speakerOf(text, "no evacuation order had been given")).toBe("Gwangju High Court");
  });

  test("'South Korea's coast guard on Wednesday cut the number … to 172': a wire story's day between subject and verb", () => {
    const text =
      "SEOUL (KWS) - South Korea's coast guard on Wednesday cut the number of people who survived the sinking of the ferry Sewol to 172, three weeks after the disaster.";
    const claim = claimWith(text, "to 172");
    expect(claim.speaker?.name.toLowerCase()).toContain("coast guard");
    expect(claim.cue).toBe("cut");
  });
});

describe("bodies as speakers", () => {
  test("'the coast guard' is a public body that speaks, lower case or not", () => {
    const text = "The ministry blamed the error on conflicting reports from several agencies. By evening the coast guard put the number rescued at 164.";
    const claim = claimWith(text, "164");
    expect(claim.speaker?.name).toBe("Coast guard");
    expect(claim.speaker?.kind).toBe("government_body");
  });

  test("'… by the Gwangju District Court …; the court found …': the court named in the same sentence, not the last one before it", () => {
    const text =
      "The Supreme Court upheld Lee's life sentence on 12 November 2015. " +
      "Kim Kyung-il was sentenced to four years by the Gwangju District Court on 11 February 2015; the court found that he had made no evacuation broadcast and had falsified his reports.";
    expect(speakerOf(text, "no evacuation broadcast")).toBe("Gwangju District Court");
  });
});

describe("reporting verbs and their speakers", () => {
  test("'Its spokesman said …': the body 'its' refers to speaks through its spokesman", () => {
    const text =
      'The main opposition New Politics Alliance for Democracy called the plan "shock therapy" meant to divert attention from the failings of the presidential office. ' +
      "Its spokesman said the government had still not explained what the president did in the first hours after the sinking.";
    expect(speakerOf(text, "still not explained")).toBe("New Politics Alliance for Democracy");
  });

  test("'called the plan \"shock therapy\"': naming something in quotation marks is saying it", () => {
    const text =
      'The main opposition New Politics Alliance for Democracy called the plan "shock therapy" meant to divert attention from the failings of the presidential office.';
    const claim = claimWith(text, "shock therapy");
    expect(claim.speaker?.name).toBe("New Politics Alliance for Democracy");
    expect(claim.cue).toBe("called");
  });

  test("'called for disciplinary action' is a stated demand; 'was called off' is not", () => {
    const text =
      "In October 2014 the Board of Audit and Inspection called for disciplinary action against coast guard commissioner Kim Suk-kyun and 49 other officials. " +
      "The search for bodies was called off on 11 November 2014 with 295 recovered and nine still missing.";
    expect(claimWith(text, "disciplinary action").cue).toBe("called for");
    expect(speakerOf(text, "disciplinary action")).toBe("Board of Audit and Inspection");
    expect(speakerOf(text, "called off")).toBeNull();
  });

  test("'… was 174; on 7 May the coast guard lowered it to 172': a count revised to a figure, after a dated clause opener", () => {
    const text = "For three weeks the official count of survivors was 174; on 7 May the coast guard lowered it to 172 and added two missing Chinese nationals.";
    const claim = claimWith(text, "lowered it to 172");
    expect(claim.speaker?.name).toBe("Coast guard");
    expect(claim.cue).toBe("lowered");
  });

  test("'…,\" said a prosecutor on the joint investigation team, who asked not to be named': someone new, not the person named before", () => {
    const text =
      "A first mate, Kang Won-sik, told investigators he had warned the head of the company's logistics team the day before sailing that the ship could sink under its load. " +
      '"It appears such a practice was not uncommon," said a prosecutor on the joint investigation team, who asked not to be named.';
    expect(speakerOf(text, "not uncommon")).toBe("Prosecutor");
  });
});

describe("offices the text never names", () => {
  test("'The presiding judge said …' then '…, the judge said': the office speaks, and is the same judge again", () => {
    const text =
      "GWANGJU — An appeals court on Tuesday found Lee Joon-seok, the captain of the ferry Sewol, guilty of the murder of 304 people and sentenced him to life in prison. " +
      "The presiding judge said the captain could have saved many lives with a single broadcast. " +
      '"Abandoning the passengers was like a doctor deserting dying patients in a hospital," the judge said. ' +
      "The court found that Lee never gave an order to evacuate.";
    expect(speakerOf(text, "single broadcast")).toBe("Presiding judge");
    expect(speakerOf(text, "deserting dying patients")).toBe("Presiding judge");
    const court = claimWith(text, "never gave an order");
    expect(court.speaker?.name).toBe("Court");
    expect(court.speaker?.kind).toBe("court");
  });

  test("what an unnamed court does is no statement of its own: 'The court rejected petitions …' stays the writer's", () => {
    const text =
      "Rana and 33 others pleaded not guilty on Monday. The court rejected petitions from Rana and 22 others seeking to be discharged from the case.";
    expect(speakerOf(text, "rejected petitions")).toBeNull();
  });
});

describe("who stands behind the subject", () => {
  test("'A first mate, Kang Won-sik, told investigators …': a ship's officer is a role before the name", () => {
    const text =
      "A first mate, Kang Won-sik, told investigators he had warned the head of the company's logistics team the day before sailing that the ship could sink under its load.";
    expect(speakerOf(text, "logistics team")).toBe("Kang Won-sik");
  });

  test("'The joint investigation team of prosecutors and police found …': the team, named by the people it is made of", () => {
    const text =
      "The joint investigation team of prosecutors and police found that the Sewol had carried 3,608 tons of cargo, three times the limit set by the register.";
    expect(speakerOf(text, "3,608 tons")).toBe("Joint investigation team");
  });

  test("'Relatives of the missing who gathered at Jindo said …': the subject stands before a relative clause with no commas", () => {
    const text = "Relatives of the missing who gathered at Jindo said they did not want a new agency.";
    expect(speakerOf(text, "new agency")).toBe("Relatives of the missing");
  });

  test("'The audit report found …' after 'the Board of Audit and Inspection called for …': the body whose name the document's modifier echoes", () => {
    const text =
      "In October 2014 the Board of Audit and Inspection called for disciplinary action against coast guard commissioner Kim Suk-kyun and 49 other officials. " +
      "The audit report found that the Jindo vessel traffic service had failed to watch the ferry as it passed.";
    const claim = claimWith(text, "vessel traffic service");
    expect(claim.speaker?.name).toBe("Board of Audit and Inspection");
    expect(claim.citedVia).toContain("audit report");
  });

  test("a document whose modifier names no body is still its own speaker: 'The final report found …'", () => {
    const text =
      "In October 2014 the Board of Audit and Inspection called for disciplinary action. The final report found that the traffic service had failed.";
    expect(speakerOf(text, "traffic service had failed")).not.toBe("Board of Audit and Inspection");
  });
});

describe("occasions, state documents and page furniture", () => {
  test("'Kim Kyung-il even held a press conference to say …': whoever holds the occasion says it", () => {
    const text = "Kim Kyung-il even held a press conference to say his crew told everyone to jump.";
    expect(speakerOf(text, "told everyone to jump")).toBe("Kim Kyung-il");
  });

  test("'a government report counted 190 dead': a state body's report is that body's, cited as the report", () => {
    const claim = claimWith("By September a government report counted 190 dead and more than 6,000 injured.", "190 dead");
    expect(claim.speaker?.name).toBe("Government");
    expect(claim.citedVia).toBe("government report");
  });

  test("a wiki's licence footer is no claim", () => {
    const raw =
      "The Supreme Court upheld Lee's life sentence on 12 November 2015.\n\nText is available under the Creative Commons Attribution-ShareAlike License; additional terms may apply.\n";
    const { text } = normalizeDocument(raw);
    expect(text).not.toContain("Creative Commons");
    expect(extractClaims(text).map((claim) => claim.quote)).toEqual(["The Supreme Court upheld Lee's life sentence on 12 November 2015."]);
  });
});

describe("a company's documents and people", () => {
  const wire =
    "The ferry's operator, Chonghaejin Marine Co., also changed its count of the people on board several times on April 16. " +
    "Chonghaejin denied the ship had been overloaded when it left port. " +
    '"Our safety officer checks the loading before every departure, and the report we received said the Sewol was within its limits," a company official said in a telephone interview. ' +
    "The company's departure report to the Korea Shipping Association listed 657 tons of cargo.";

  test("'The company's departure report to the Korea Shipping Association listed 657 tons': the company's, not its addressee's, and not its official's", () => {
    const claim = claimWith(wire, "657 tons");
    expect(claim.speaker?.name).toBe("Chonghaejin");
    expect(claim.citedVia).toContain("departure report");
  });

  test("'He listed the company's shifting numbers': listing figures is stating them", () => {
    const text = "Rep. Ed Markey has accused BP of lowballing the spill. He listed the company's shifting numbers at a hearing on Wednesday.";
    expect(speakerOf(text, "shifting numbers")).toBe("Ed Markey");
  });
});

describe("reports that point back", () => {
  const text =
    "A committee formed by the home ministry and headed by additional secretary Main Uddin Khandaker submitted its report in May 2013.[19] " +
    "The inquiry report concluded that the deaths were the result of sheer negligence and recommended putting Sohel Rana and the five factory owners on trial.[19] " +
    "According to the report, a poor mix of cement and sand and low-grade iron rods had weakened the building.[20]";

  test("'A committee … submitted its report. The inquiry report concluded …': the report just submitted, so the committee speaks", () => {
    const concluded = claimWith(text, "sheer negligence");
    expect(concluded.speaker?.name).toBe("Committee");
    expect(concluded.citedVia).toContain("inquiry report");
    expect(speakerOf(text, "poor mix of cement")).toBe("Committee");
  });

  test("'The BGMEA's own probe report stated …': the body in the possessive wrote it", () => {
    const probe = "The BGMEA's own probe report stated that the association had cautioned the building and factory owners that day to shut the premises.";
    const claim = claimWith(probe, "cautioned");
    expect(claim.speaker?.name).toBe("BGMEA");
    expect(claim.citedVia).toContain("probe report");
  });
});

describe("what the relative-clause rule leaves alone", () => {
  test("'The Members … who were already well informed about …': a verb of the relative clause itself is nobody's cue", () => {
    const text = "The Members of the British Parliament who were already well informed about the brutal military operation signed the motion.";
    expect(speakerOf(text, "well informed")).toBeNull();
  });
});
