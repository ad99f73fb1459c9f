// The facet rules on sentence pairs from the labelled sets of other subjects (Baldia factory
// fire, Deepwater Horizon flow, the Karachi import fixture): each rule fires on the conflicts
// an editor would confirm, with an explanation naming the facet, and stays silent on the
// look-alikes — agreements, revisions, hypotheticals, compatible figures, two denials.
import { describe, expect, test } from "vitest";
import { detectCues, strongestCue, type CueClaim, type PairSignals } from "@/lib/contradictions/judge";
import { RULES } from "@/lib/contradictions/rules";
import { RULE_LABELS } from "@/lib/contradictions/rule-labels";
import { Vocabulary } from "@/lib/text/terms";
import { sameVoice } from "@/lib/contradictions/features";

let nextId = 1;
const speakers = new Map<string, number>();
function claim(quote: string, options: { speaker?: string; source?: number; at?: number; cue?: string } = {}): CueClaim {
  const id = nextId++;
  const speakerId = options.speaker ? (speakers.get(options.speaker) ?? speakers.set(options.speaker, speakers.size + 1).get(options.speaker)!) : null;
  return {
    id,
    quote,
    cue: options.cue ?? null,
    sourceId: options.source ?? 1,
    sourceTitle: "Karachi market shooting",
    startOffset: options.at ?? id * 100,
    speakerId,
    speakerName: options.speaker ?? null,
    stance: "unclear",
  };
}

// A vocabulary like a corpus of many subjects: the words of these pairs are rare in it.
const vocabulary = Vocabulary.from(Array.from({ length: 200 }, (_, index) => `filler sentence number ${index} about nothing in particular`));

interface Case {
  name: string;
  a: CueClaim;
  b: CueClaim;
  signals?: PairSignals;
}

function ruleFor(rule: string, { a, b, signals }: Case) {
  return detectCues(a, b, signals, vocabulary).find((match) => match.rule === rule);
}

describe("the registry", () => {
  test("every rule is one record with a unique name, a label editors read and a kind", () => {
    const names = RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of RULES) {
      expect(rule.label.length).toBeGreaterThan(5);
      expect(RULE_LABELS[rule.name]).toBe(rule.label);
    }
  });
});

describe("accusation-denial", () => {
  test.each<Case>([
    {
      name: "Karachi: the police link the gunmen to the MQM; the MQM denies it in the next sentence",
      a: claim("Mr. Mahmood said the gunmen were linked to the MQM.", { speaker: "Rashid Mahmood", cue: "said" }),
      b: claim("The MQM denied any involvement.", { speaker: "MQM", cue: "denied" }),
      signals: { gap: 0 },
    },
    {
      name: "Baldia: the MQM was not involved / the JIT held the Muttahida Qaumi Movement responsible",
      a: claim("Senior deputy convener Mustafa Kamal said the MQM had not been involved in the Baldia factory fire.", { speaker: "Mustafa Kamal", source: 2 }),
      b: claim("The JIT held the Muttahida Qaumi Movement (MQM) responsible for the Baldia factory fire.", { source: 3 }),
    },
    {
      name: "Baldia: “the Bhaila brothers were innocent” answers the murder case against the owners, in another source",
      a: claim("The Bhaila brothers were innocent, they were victims of the bhatta mafia just like their workers.", { source: 4 }),
      b: claim("Police initially registered a murder case against the owners, Abdul Aziz Bhaila and his sons Arshad and Shahid, for negligence.", {
        source: 1,
      }),
    },
  ])("$name", (example) => {
    const match = ruleFor("accusation-denial", example);
    expect(match).toMatchObject({ kind: "accusation_denial" });
    expect(match!.explanation).toMatch(/blames .*(?:MQM|Muttahida|Bhaila)/);
    expect(match!.explanation).toMatch(/denies/);
  });

  test.each<Case>([
    {
      name: "two denials of the same thing agree",
      a: claim("The MQM denied any involvement.", { speaker: "MQM", cue: "denied" }),
      b: claim("The MQM-A routinely denied any involvement in the violence.", { speaker: "MQM-A", cue: "denied" }),
      signals: { gap: 0 },
    },
    {
      name: "a denial of one party does not answer an accusation of another",
      a: claim("Mr. Mahmood said the gunmen were linked to the MQM.", { speaker: "Rashid Mahmood" }),
      b: claim("BP denied that it had misled Congress.", { speaker: "BP", source: 9 }),
    },
    {
      name: "“the innocent people of the city” clears no one of a charge made elsewhere",
      a: claim("In the recent past, the paramilitary force proved that the MQM was behind the Baldia Town factory fire.", { source: 2 }),
      b: claim("A majority of the innocent people of the city and followers of the MQM do not know what the leaders did.", { source: 4 }),
    },
    {
      name: "calling a figure wrong is no denial of blame",
      a: claim("Markey said BP had understated the size of the spill.", { speaker: "Ed Markey", source: 4 }),
      b: claim("BP told everybody Wereley was wrong.", { speaker: "BP", source: 5 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("accusation-denial", example)).toBeUndefined();
  });
});

describe("figures-conflict", () => {
  test.each<Case & { says: RegExp }>([
    {
      name: "at least 11 killed, police say / at least 17 died, not eleven, says Zohra Yusuf",
      a: claim("At least eleven people were killed when gunmen opened fire on a crowded vegetable market, police said."),
      b: claim("Zohra Yusuf said that at least 17 people had died, not eleven.", { speaker: "Zohra Yusuf", at: 1000 }),
      says: /Police say at least eleven people; Zohra Yusuf says at least 17 people — the death tolls differ/,
    },
    {
      name: "262 people burned alive / around 259 workers burnt alive",
      a: claim("262 people were burned alive because of one family's greed.", { source: 2 }),
      b: claim("Around 259 workers were burnt alive.", { source: 3 }),
      says: /262 people.*around 259 workers — the death tolls differ/,
    },
    {
      name: "BP's 5,000 barrels a day / the government's 53,000 to 62,000",
      a: claim("BP called 5,000 barrels per day its best estimate.", { speaker: "BP", source: 4 }),
      b: claim("Government scientists said 53,000 to 62,000 barrels per day flowed from the well.", { speaker: "Flow Rate Technical Group", source: 5 }),
      says: /the flow rates differ/,
    },
  ])("$name", (example) => {
    const match = ruleFor("figures-conflict", example);
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(example.says);
  });

  test.each<Case>([
    {
      name: "a maximum against a measured flow",
      a: claim("BP told Congress that its maximum estimated flow would be 60,000 barrels a day.", { speaker: "BP", source: 4 }),
      b: claim("About 53,000 barrels of oil per day were flowing from the well before the cap.", { speaker: "Flow Rate Technical Group", source: 5 }),
    },
    {
      name: "a bound the figure satisfies",
      a: claim("More than 250 workers died in the blaze.", { source: 2 }),
      b: claim("The fire killed 259 workers.", { source: 3 }),
    },
    {
      name: "a hypothetical",
      a: claim("If the cap failed, the flow could reach 80,000 barrels a day.", { speaker: "Thad Allen", source: 4 }),
      b: claim("About 53,000 barrels of oil per day were flowing from the well.", { speaker: "Flow Rate Technical Group", source: 5 }),
    },
    {
      name: "claims that share the figure (62,000 at first, 53,000 at the end / about 53,000 before the cap)",
      a: claim("The final estimate was 62,000 barrels per day at the start and 53,000 barrels per day at the end.", { source: 4 }),
      b: claim("About 53,000 barrels of oil per day were flowing from the well before the cap.", { source: 5 }),
    },
    {
      name: "different counts: the dead and the injured",
      a: claim("At least eleven people were killed, police said."),
      b: claim("At least 23 people had been taken to hospital with gunshot wounds.", { at: 400 }),
      signals: { gap: 1 },
    },
    {
      name: "dated figures tell a timeline",
      a: claim("On June 10, 2010, the group put the flow at 25,000 to 30,000 barrels per day.", { source: 4 }),
      b: claim("On June 15, 2010, the government announced a range of 35,000 to 60,000 barrels per day.", { source: 5 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("figures-conflict", example)).toBeUndefined();
  });
});

describe("figure-revision", () => {
  test("the same body raising its own figure is a revision, not a conflict", () => {
    const a = claim("The Flow Rate Technical Group gave a preliminary range of 12,000 to 19,000 barrels per day.", {
      speaker: "Flow Rate Technical Group",
      source: 4,
    });
    const b = claim("The Flow Rate Technical Group later raised its estimate to 35,000 to 60,000 barrels per day.", {
      speaker: "Flow Rate Technical Group",
      source: 5,
    });
    const verdict = strongestCue(a, b, {}, vocabulary);
    expect(verdict).toMatchObject({ kind: "revision", rule: "figure-revision" });
    expect(verdict!.explanation).toMatch(/revises the flow rates: 12,000 to 19,000 barrels, then 35,000 to 60,000 barrels/);
    expect(ruleFor("figures-conflict", { name: "", a, b })).toBeUndefined();
  });

  test("silent: two voices with different figures are rivals, not a revision", () => {
    const a = claim("BP called 5,000 barrels per day its best estimate.", { speaker: "BP", source: 4 });
    const b = claim("Government scientists said 53,000 to 62,000 barrels per day flowed from the well.", { speaker: "Flow Rate Technical Group", source: 5 });
    expect(ruleFor("figure-revision", { name: "", a, b })).toBeUndefined();
  });
});

describe("a denial that answers the charge named beside it", () => {
  test("'the mastermind of Dr Lind's murder' and 'involved in Dr Petra Lind's murder, … rejected this notion', in long sentences", () => {
    const example: Case = {
      name: "",
      a: claim(
        "Leon Varga, who also belongs to the Union Party, is said to be the mastermind of Dr Lind's murder, and two other youths were reportedly arrested in Ostrava a few days back.",
        { source: 1 },
      ),
      b: claim(
        "Asked whether Union Party activists were involved in Dr Petra Lind's murder, Union Party leader Tomas Hrad rejected this notion and said they were waiting for details of the case.",
        { speaker: "Tomas Hrad", source: 2, cue: "rejected" },
      ),
    };
    // A corpus about the party's feud: its words ("Union Party", "arrested", "activists", "case") are everywhere.
    const themed = Vocabulary.from(
      Array.from({ length: 200 }, (_, index) =>
        index % 2 ? `filler sentence number ${index}` : `union party activists leader arrested youths ostrava case details waiting days ${index}`,
      ),
    );
    expect(detectCues(example.a, example.b, {}, themed).find((match) => match.rule === "accusation-denial")).toMatchObject({ kind: "accusation_denial" });
    // The same denial beside another charge does not answer this one.
    const other = claim(
      "Asked whether Union Party activists were involved in the bombing of the Ostrava rail depot, Union Party leader Tomas Hrad rejected this notion and said they were waiting for details of the case.",
      { speaker: "Tomas Hrad", source: 2, cue: "rejected" },
    );
    expect(detectCues(example.a, other, {}, themed).find((match) => match.rule === "accusation-denial")).toBeUndefined();
  });
});

describe("one publication dated twice", () => {
  test("'On 12 March 2011 the Courier published a front page …' against 'the lie the Courier printed on 11 March 2011'", () => {
    const published = claim("On 12 March 2011 the Courier published a front page blaming the fans for the crush.", { source: 1 });
    const printed = claim("That is the lie the Courier printed on 11 March 2011 about the crush.", { source: 2 });
    expect(ruleFor("dates-disagree", { name: "", a: published, b: printed })).toMatchObject({ kind: "date" });
  });
});

describe("a party clearing itself of everything", () => {
  test("'Judge Ilves charged Mayor Tamm with negligence' against the mayor's 'my conscience is clear', which names no charge", () => {
    const charge = claim("On 4 March Judge Kaia Ilves charged Tamm and two port officials with negligence causing death.", {
      speaker: "Kaia Ilves",
      source: 1,
    });
    const reply = claim('"My conscience is clear and I handled the file responsibly," the mayor said.', { speaker: "Tamm", source: 2, cue: "said" });
    expect(ruleFor("accusation-denial", { name: "", a: charge, b: reply })).toMatchObject({ kind: "accusation_denial" });
    // Another's clear conscience answers nothing said of the mayor.
    const other = claim('"My conscience is clear and I handled the file responsibly," the harbour master said.', {
      speaker: "Harbour master",
      source: 2,
      cue: "said",
    });
    expect(ruleFor("accusation-denial", { name: "", a: charge, b: other })).toBeUndefined();
  });
});

describe("denial-admission", () => {
  test("BP denies underestimating; BP's spokesman admits the original estimates were significantly off", () => {
    const match = ruleFor("denial-admission", {
      name: "",
      a: claim("I don't think there's been any underestimating of the flow estimates.", { speaker: "BP", source: 4 }),
      b: claim("Our original estimates were significantly off, a BP spokesman admitted.", { speaker: "BP", source: 5, cue: "admitted" }),
    });
    expect(match).toMatchObject({ kind: "dispute" });
    expect(match!.explanation).toMatch(/denies .*admits/);
  });

  test("a company denies any link; its chief executive, named by title, later acknowledges the orders", () => {
    const match = ruleFor("denial-admission", {
      name: "",
      a: claim("Ruihai Logistics first denied any link to the stored cyanide.", { speaker: "Ruihai Logistics", source: 1 }),
      b: claim("Drums marked Ruihai Logistics were found at the site, and the company's chairman Yu Xuewei later acknowledged storing cyanide there.", {
        speaker: "Yu Xuewei",
        source: 2,
        cue: "acknowledged",
      }),
    });
    expect(match).toMatchObject({ kind: "dispute" });
  });

  test("silent: a third party acknowledging something admits nothing for the party", () => {
    expect(
      ruleFor("denial-admission", {
        name: "",
        a: claim("The MQM denied any involvement in the violence.", { speaker: "MQM", cue: "denied" }),
        b: claim("Human rights groups acknowledge that the MQM was the target of a brutal crackdown.", { speaker: "Human rights groups", source: 2 }),
      }),
    ).toBeUndefined();
  });
});

describe("figure-disputed", () => {
  test("a toll named only to be denied (“2,000 people did not die”) against another voice's estimate within its rounding", () => {
    const denial = claim('The governor wrote that "2,000 people did not die" in the floods.', { speaker: "Rafael Ortiz", source: 2 });
    const estimate = claim("A university study estimated that 1,930 people died in the floods.", {
      speaker: "university study",
      source: 3,
    });
    const match = ruleFor("figure-disputed", { name: "", a: denial, b: estimate });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toBe("Rafael Ortiz denies 2,000 people; university study gives 1,930 people — the death tolls disputed.");
    // A figure far from the one denied is not the one denied.
    const far = claim("A university study estimated that 640 people died in the floods.", { speaker: "university study", source: 3 });
    expect(ruleFor("figure-disputed", { name: "", a: denial, b: far })).toBeUndefined();
  });

  test("BP calls outside calculations wrong / an outside estimate of the flow", () => {
    const match = ruleFor("figure-disputed", {
      name: "",
      a: claim("BP said at the time that such outside flow calculations were wrong.", { speaker: "BP", source: 4 }),
      b: claim("Purdue University engineer Steve Wereley said the plume pointed to about 70,000 barrels a day.", { speaker: "Steve Wereley", source: 5 }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/calls the figures wrong.*70,000 barrels/);
  });

  test.each<Case>([
    {
      name: "a disputed flow against a death toll",
      a: claim("BP said at the time that such outside flow calculations were wrong.", { speaker: "BP", source: 4 }),
      b: claim("The blowout killed 11 workers on April 20, 2010.", { source: 5 }),
    },
    {
      name: "a figure from the same voice that disputes",
      a: claim("BP said at the time that such outside flow calculations were wrong.", { speaker: "BP", source: 4 }),
      b: claim("BP called 5,000 barrels per day its best estimate.", { speaker: "BP", source: 5 }),
    },
    {
      name: "a figure called a joke that the other claim does not give",
      a: claim("Families in the valley say the 1,200 figure is a joke.", { source: 4 }),
      b: claim("The provincial government later confirmed a total of 2,650 deaths in the floods.", { speaker: "Provincial government", source: 3 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("figure-disputed", example)).toBeUndefined();
  });

  test("a figure written out and called a joke, a farce or made up is disputed, whatever words the two claims share", () => {
    const match = ruleFor("figure-disputed", {
      name: "",
      a: claim("Families in the valley say the 2,650 figure is a joke.", { source: 4 }),
      b: claim("The provincial government later confirmed a total of 2,650 deaths in the floods.", { speaker: "Provincial government", source: 3 }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/calls the figures wrong \(“is a joke”\).*2,650 deaths/);
  });
});

describe("predicate-polarity", () => {
  test("acquitted / convicted of the same person", () => {
    const match = ruleFor("predicate-polarity", {
      name: "",
      a: claim("The court acquitted Oleg Pulatov of the downing of the airliner.", { source: 4 }),
      b: claim("Prosecutors said Oleg Pulatov was convicted for the downing of the airliner.", { source: 5 }),
    });
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toMatch(/Pulatov/);
  });

  test("silent: permissions assert nothing (“You may not post replies”)", () => {
    expect(
      ruleFor("predicate-polarity", {
        name: "",
        a: claim("You may post replies in this forum."),
        b: claim("You may not post replies in this forum.", { at: 900 }),
      }),
    ).toBeUndefined();
  });
});

describe("predicate-polarity over every predication", () => {
  test("the doors were locked / the owners rejected the allegations of locked doors", () => {
    const match = ruleFor("predicate-polarity", {
      name: "",
      a: claim("The doors were locked, the windows were barred with iron grilles, and there was no fire alarm.", { source: 2 }),
      b: claim("Before the inquiry commission, the owners rejected the allegations of locked doors and missing fire exits.", { source: 3 }),
    });
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toMatch(/doors were locked.*locked doors.*rejected/);
  });

  test("“not a single member … had been named” answered by “Rauf Siddiqui had been nominated”: one act in another word", () => {
    const match = ruleFor("predicate-polarity", {
      name: "",
      a: claim("MQM-P leader Amir Khan said on 7 July that not a single member of his party had been named in the report.", {
        speaker: "Amir Khan",
        source: 3,
        at: 3444,
      }),
      b: claim("Farooq Sattar, who led his own faction, said the next day that MQM-P leader Rauf Siddiqui had been nominated as an accused in the JIT.", {
        speaker: "Farooq Sattar",
        source: 3,
        at: 3554,
      }),
      signals: { gap: 0 },
    });
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toMatch(/nominated.*named.*\(not\)/);
  });

  test("silent: one act done to different things (“want the wreck lifted” / “did not want a new inquiry”), however close", () => {
    expect(
      ruleFor("predicate-polarity", {
        name: "",
        a: claim("Parents camped at the harbour said they did not want a new inquiry.", { source: 2, at: 100 }),
        b: claim("They want the wreck lifted and the truth told, said Han Min-ho, who speaks for the parents.", {
          speaker: "Han Min-ho",
          source: 2,
          at: 170,
        }),
        signals: { gap: 0 },
      }),
    ).toBeUndefined();
  });

  test("“kept unlocked” against “were locked”: contradicting antonyms", () => {
    expect(
      ruleFor("predicate-polarity", {
        name: "",
        a: claim("RINA said the emergency exit doors were kept unlocked while employees were inside.", { speaker: "RINA", source: 3 }),
        b: claim("Survivors said the emergency exit doors were locked that evening.", { speaker: "Survivors", source: 2 }),
      }),
    ).toMatchObject({ kind: "negation" });
  });

  test.each<Case>([
    {
      name: "one voice in one text (the “not” is about something else)",
      a: claim("Everyone in Karachi knows that the party collected this money.", { source: 3 }),
      b: claim("Most followers of the party do not know about the money.", { source: 3, at: 5000 }),
    },
    {
      name: "converses are no contradiction (“led to” / “followed”)",
      a: claim("Riots between the two communities followed the election in Karachi.", { source: 1 }),
      b: claim("Tensions between the two communities led to riots in Karachi.", { source: 2 }),
    },
    {
      name: "a demand asserts nothing",
      a: claim("The government has never enforced the occupational safety law in the factory.", { speaker: "Karamat Ali", source: 1 }),
      b: claim("2. Enforce the occupational safety law in every factory.", { source: 2 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("predicate-polarity", example)).toBeUndefined();
  });
});

describe("existence-denied", () => {
  test("no CCTV footage / footage from six CCTV cameras", () => {
    const match = ruleFor("existence-denied", {
      name: "",
      a: claim("Kamal said there was no CCTV footage of the incident even though the cameras had been working.", { speaker: "Mustafa Kamal", source: 5 }),
      b: claim("Niaz Khoso, who studied footage from six CCTV cameras inside the building, said the fire started upstairs.", {
        speaker: "Niaz Khoso",
        source: 3,
      }),
    });
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toMatch(/no CCTV footage.*not there/);
  });

  test.each<Case>([
    {
      name: "two claims that it was not there agree",
      a: claim("Kamal said there was no CCTV footage of the incident.", { speaker: "Mustafa Kamal", source: 5 }),
      b: claim("Investigators found no CCTV footage from inside the building.", { source: 3 }),
    },
    {
      name: "“no comment” denies nothing",
      a: claim("“We have no comment on specific pieces of correspondence,” said the spokeswoman.", { speaker: "Myriam Massabki", source: 1 }),
      b: claim("Mr. Benoit said he does not recall making the comment.", { speaker: "Leon Benoit", source: 1 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("existence-denied", example)).toBeUndefined();
  });
});

describe("dates and figures read with their context", () => {
  test("a date corrected (“12 September 2012, not the 11th”) against that date", () => {
    const match = ruleFor("dates-disagree", {
      name: "",
      a: claim("Also the fire was on 12 September 2012, not the 11th.", { source: 4 }),
      b: claim("The fire on September 11, 2012, killed 259 workers.", { source: 1 }),
    });
    expect(match).toMatchObject({ kind: "date" });
    expect(match!.explanation).toMatch(/corrects the date of the fire/);
  });

  test("a sum demanded twice, differently, though the statements are years apart", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("Qureshi told investigators that a party official had demanded Rs200 million in bhatta from the owners in August 2012.", {
        speaker: "Rizwan Qureshi",
        source: 1,
      }),
      b: claim("In September 2019 the Bhaila brothers testified by video link that Bhola had demanded Rs250 million and a share in the factory.", {
        source: 3,
      }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/Rs200 million.*Rs250 million/);
  });

  test("how long before help came: an hour / within 15 minutes, told side by side", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("Shahid Bhaila said the first fire tender arrived an hour after the owners called for help.", { speaker: "Shahid Bhaila", source: 3 }),
      b: claim("Ehtisham Saleem told the commission that fire tenders had reached the factory within 15 minutes.", { speaker: "Ehtisham Saleem", source: 3 }),
      signals: { gap: 0 },
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/durations differ/);
  });
});

describe("dates that tell a timeline and dates that do not", () => {
  test("the toll given on 12 September against the toll of the fire on 11 September: rival tolls", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim("On 12 September the official death toll was given as 289.", { source: 3 }),
        b: claim("The fire on September 11, 2012, killed 259 workers.", { source: 1 }),
      }),
    ).toMatchObject({ kind: "numeric" });
  });

  test("silent: estimates announced on different days, the year left out, are a timeline", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim("On June 10, the group raised its estimate of the flow to between 25,000 and 30,000 barrels per day.", { source: 2 }),
        b: claim("On June 15 the government announced a most likely range of 35,000 to 60,000 barrels per day.", { source: 3 }),
      }),
    ).toBeUndefined();
  });

  test("silent: a figure cited to be called wrong is not the claim's figure", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim("Ian MacDonald argued that a rate of 5,000 barrels per day could not have produced slicks as large as those seen.", {
          speaker: "Ian MacDonald",
          source: 3,
        }),
        b: claim("He and his colleagues put the flow at a bare minimum of 25,000 barrels per day.", { source: 3, at: 9000 }),
      }),
    ).toBeUndefined();
  });
});

describe("places-disagree", () => {
  test("the fire started on the first floor / on the ground floor", () => {
    const match = ruleFor("places-disagree", {
      name: "",
      a: claim(
        "Senior police officer Niaz Khoso, who studied footage from six CCTV cameras, said the fire started on the first floor, where finished garments were stored.",
        { speaker: "Niaz Khoso", source: 3, at: 1323 },
      ),
      b: claim("Inspector Chaudhry Zafar Iqbal, quoting eyewitnesses, told the inquiry that the fire had started on the ground floor.", {
        speaker: "Chaudhry Zafar Iqbal",
        source: 3,
        at: 1509,
      }),
      signals: { gap: 0 },
    });
    expect(match).toMatchObject({ kind: "other" });
    expect(match!.explanation).toMatch(/first floor.*ground floor — the places differ/);
  });

  test.each<Case>([
    {
      name: "the same place in other words",
      a: claim("Investigators said the fire started on the ground floor.", { speaker: "Investigators", source: 1 }),
      b: claim("Witnesses told the court the blaze started on the ground floor near the exit.", { speaker: "Witnesses", source: 2 }),
    },
    {
      name: "two different things beginning in two places",
      a: claim("The strike began in Karachi on Monday.", { speaker: "Union leaders", source: 1 }),
      b: claim("The fire started on the first floor.", { speaker: "Police", source: 2 }),
    },
    {
      name: "one voice telling where two things began",
      a: claim("The fire started on the first floor.", { speaker: "Police", source: 1 }),
      b: claim("A second fire started on the ground floor an hour later.", { speaker: "Police", source: 1 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("places-disagree", example)).toBeUndefined();
  });
});

describe("a denial in a phrasal verb, of a party named only as 'the company'", () => {
  test("'brushed aside an accusation … that the company had played down' answers 'the company had understated'", () => {
    const a = claim("Markey released an undated internal BP document and said it showed the company had understated the size of the spill from the start.", {
      speaker: "Ed Markey",
      source: 1,
      at: 504,
    });
    const b = claim(
      "HOUSTON, June 20 (Wire) - BP Plc on Sunday brushed aside an accusation from U.S. Representative Ed Markey that the company had played down how much crude was escaping.",
      { source: 1, at: 279 },
    );
    expect(strongestCue(a, b, { gap: 0 }, vocabulary)).not.toBeNull();
  });
});

describe("a denial of one's own part", () => {
  test("silent: a company denying any link, right after a claim about another company", () => {
    expect(
      ruleFor("dispute-language", {
        name: "",
        a: claim("Primark acknowledged that New Wave Bottoms was its supplier.", { speaker: "Primark", source: 3, at: 100 }),
        b: claim("Benetton first denied any link, then described a single order shipped weeks before the collapse.", {
          speaker: "Benetton",
          source: 3,
          at: 200,
        }),
        signals: { gap: 0 },
      }),
    ).toBeUndefined();
  });

  test("a party denying any involvement right after a claim that links it is still proposed", () => {
    const a = claim("Mr. Mahmood said the gunmen were linked to the MQM.", { speaker: "Rashid Mahmood", source: 1, at: 100 });
    const b = claim("The MQM denied any involvement.", { speaker: "MQM", source: 1, at: 200 });
    expect(strongestCue(a, b, { gap: 0 }, vocabulary)).toMatchObject({ kind: "accusation_denial" });
  });
});

describe("figures that are not rival counts of one thing", () => {
  test("silent: two companies' payments into one fund", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim("Benetton paid $1.1 million into the fund in April.", { source: 3 }),
        b: claim("Primark paid about $14 million in total, $11 million of it as long-term payments to New Wave Bottoms workers.", { source: 4 }),
      }),
    ).toBeUndefined();
  });

  test("the two figures most alike are compared: 1,137 dead against 1,134, not the 40 accused", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim(
        "A Dhaka court on Monday charged Rana Plaza owner Sohel Rana and 40 other people with the murder of 1,137 people in the collapse of the nine-storey building in Savar.",
        { source: 4 },
      ),
      b: claim("The eight-storey building in Savar collapsed on April 24, 2013, killing 1,138 people and injuring more than 2,000 others.", { source: 5 }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/1,137 people.*1,138 people — the death tolls differ/);
  });

  test("an eight-storey building against a nine-storey one: the storeys differ", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("The Rana Plaza collapse was the structural failure of an eight-storey commercial building in Savar, near Dhaka.", { source: 3 }),
      b: claim("A Dhaka court charged the owner with the murder of workers in the collapse of the nine-storey building in Savar.", { source: 4 }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/eight-storey.*nine-storey/);
  });
});

describe("accusation-denial between people of one party", () => {
  test("silent: acquitting one member does not answer the conviction of two others", () => {
    expect(
      ruleFor("accusation-denial", {
        name: "",
        a: claim("The court acquitted MQM-P leader Rauf Siddiqui for lack of evidence.", { source: 4 }),
        b: claim("The court upheld the death sentences of Abdul Rehman and Zubair Charya, the two MQM workers convicted of setting the factory on fire.", {
          source: 5,
        }),
      }),
    ).toBeUndefined();
  });
});

describe("negated-statement", () => {
  test("a statement and its negation, about the same thing, conflict", () => {
    const match = ruleFor("negated-statement", {
      name: "exits kept unlocked / not kept unlocked",
      a: claim("The owners said the emergency exits of the factory were kept unlocked during every shift.", { speaker: "the owners", source: 2 }),
      b: claim("Survivors said the emergency exits of the factory were not kept unlocked during the night shift.", { speaker: "survivors", source: 3 }),
    });
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toMatch(/not/);
  });

  test.each<Case>([
    {
      name: "both negate it (agreement): 'was never published' / 'had never published'",
      a: claim("That register of the missing workers was never published in full by the district administration.", { source: 2 }),
      b: claim(
        "She added that the district administration had never published a complete register of the missing workers, so no one can say how many were inside.",
        { speaker: "Kalpona Akter", source: 3 },
      ),
    },
    {
      name: "a verb of saying is not the statement: 'the inquiry concluded that …' / 'the trial had not concluded'",
      a: claim("The inquiry concluded that the deaths were the result of negligence by the building's owner and the factory owners.", {
        speaker: "inquiry report",
        cue: "concluded",
        source: 2,
      }),
      b: claim("The trial of the building's owner and the factory owners had not concluded by 2025.", { source: 3 }),
    },
    {
      name: "an indefinite pronoun names no one thing: 'the villain everyone can agree on' / 'not everyone agreed with the ruling'",
      a: claim("The ferry's owner is the villain everyone can agree on.", { source: 4, at: 300 }),
      b: claim("Not everyone agreed with the ruling.", { source: 4, at: 360 }),
    },
  ])("$name", (example) => {
    expect(ruleFor("negated-statement", example)).toBeUndefined();
  });
});

describe("one voice", () => {
  test("a claim left in the author's voice that names its speaker (“Okafor wrote that …”) is that speaker's voice", () => {
    const tweet = claim('Okafor wrote on Twitter that "2,000 people did not die" in the floods.', { speaker: "Chidi Okafor", source: 3 });
    const later = claim("The next day Okafor wrote that he had first been told of 12 deaths and that 2,000 was invented.", { source: 3 });
    expect(sameVoice(tweet, later)).toBe(true);
    expect(ruleFor("figure-disputed", { name: "", a: tweet, b: later })).toBeUndefined();
    const other = claim("The next day the mayor wrote that 2,000 people had died.", { source: 3 });
    expect(sameVoice(tweet, other)).toBe(false);
  });
});

describe("an author who contradicts itself", () => {
  test("one document's author gives two nearly equal tolls for one fire, with no word of a revision", () => {
    const match = ruleFor("figures-conflict", {
      name: "262 / 264 in one forum thread",
      a: claim("262 people were burned alive in the Baldia factory because of one family's greed.", { source: 4, at: 2217 }),
      b: claim("On that night 264 workers were burnt alive when the Baldia factory was set ablaze.", { source: 4, at: 740 }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/262 people.*264 workers — the death tolls differ/);
  });

  test.each<Case>([
    {
      name: "the text says the figure moved: a revision, not a contradiction",
      a: claim("The Baldia factory fire initially killed 262 workers, officials' first count said.", { source: 4, at: 100 }),
      b: claim("The Baldia factory fire toll was later revised to 264 workers.", { source: 4, at: 900 }),
    },
    {
      name: "figures far apart count two things (a month's dead, one assault's dead)",
      a: claim("About 300 people were killed in the city in the month of June.", { source: 4, at: 100 }),
      b: claim("A total of 221 people were killed in the city during the assault.", { source: 4, at: 900 }),
    },
  ])("$name", (example) => {
    expect(ruleFor("figures-conflict", example)).toBeUndefined();
  });
});

describe("a body's officials speak in its voice", () => {
  test("the government's range, then its experts' figure, is a revision, not a conflict between two voices", () => {
    const pair = {
      name: "Government 35,000-60,000 / Government experts about 62,000",
      a: claim("On June 15 the government announced a most likely range of 35,000 to 60,000 barrels per day from the well.", {
        speaker: "Government",
        source: 2,
      }),
      b: claim("The government's experts said the well pushed out oil at about 62,000 barrels a day in the first days.", {
        speaker: "Government experts",
        source: 3,
      }),
    };
    expect(ruleFor("figures-conflict", pair)).toBeUndefined();
  });

  test("a company's figure against the government's experts' is still a conflict", () => {
    const match = ruleFor("figures-conflict", {
      name: "BP 5,000 / Government experts about 62,000",
      a: claim("BP said 5,000 barrels per day were flowing from the well, its best estimate.", { speaker: "BP", source: 2 }),
      b: claim("The government's experts said about 62,000 barrels per day were flowing from the well.", { speaker: "Government experts", source: 3 }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
  });
});

describe("existence-denied with a kind of the thing denied", () => {
  test("'no other aircraft was flying near the airport' / 'a military jet was flying near the airport': a jet is an aircraft", () => {
    const match = ruleFor("existence-denied", {
      name: "no other aircraft / a military jet",
      a: claim("Iranian officials said no other aircraft had been flying near Tehran's airport when Flight 752 crashed.", {
        speaker: "Iranian officials",
        source: 2,
      }),
      b: claim("Witnesses said a military jet was flying near Tehran's airport minutes before Flight 752 crashed.", { speaker: "witnesses", source: 3 }),
    });
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toMatch(/no other aircraft.*military jet/);
  });

  test.each<Case>([
    {
      name: "what the denier names itself is the thing 'other' sets apart (the airliner is an aircraft too)",
      a: claim("The safety board found that no other aircraft had been in the area when the airliner broke up.", { speaker: "Dutch Safety Board", source: 2 }),
      b: claim("The airliner was flying at 33,000 feet over the area when it broke up.", { speaker: "Eurocontrol", source: 3 }),
    },
    {
      name: "ideas have no kinds to point at: 'no knowledge of her whereabouts' / 'the truth about her'",
      a: claim("US officials insisted that they had no knowledge of her whereabouts until she was arrested.", { speaker: "US officials", source: 2 }),
      b: claim("They fear her son will reveal the truth about her whereabouts.", { speaker: "Amjad Khan", source: 3 }),
    },
  ])("$name", (example) => {
    expect(ruleFor("existence-denied", example)).toBeUndefined();
  });
});

describe("what is not an accusation or a denial of the other", () => {
  test("a party does not accuse itself: its sources reporting a judge 'inclined to accuse' it answer no denial of its own", () => {
    const accusation = "Sources said the investigator was inclined to accuse Hezbollah of storing the ammonium nitrate at the port.";
    const denial = claim("Hassan Nasrallah denied that Hezbollah had stored weapons or ammonium nitrate at the port.", {
      speaker: "Hassan Nasrallah",
      source: 1,
    });
    // Said by the party's rivals, it is an accusation the denial answers …
    expect(ruleFor("accusation-denial", { name: "rivals", a: claim(accusation, { speaker: "Lebanese Forces", source: 3 }), b: denial })).toMatchObject({
      kind: "accusation_denial",
    });
    // … said by the party's own sources, it reports someone else's charge.
    expect(ruleFor("accusation-denial", { name: "own sources", a: claim(accusation, { speaker: "Hezbollah", source: 3 }), b: denial })).toBeUndefined();
  });

  test("'my conscience is clear' denies the charge laid against the speaker", () => {
    const match = ruleFor("accusation-denial", {
      name: "Sawan charges Diab / Diab's conscience is clear",
      a: claim("Judge Fadi Sawan charged Diab with negligence causing death over the explosion at the port.", { speaker: "Fadi Sawan", source: 3 }),
      b: claim("Diab said his conscience is clear over the explosion at the port and the charge of negligence.", { speaker: "Hassan Diab", source: 2 }),
    });
    expect(match).toMatchObject({ kind: "accusation_denial" });
  });

  test("'had never received an answer' does not speak of an answer: it agrees there was none", () => {
    expect(
      ruleFor("existence-denied", {
        name: "no answer / never received an answer",
        a: claim("Customs chief Badri Daher said his department wrote to the judiciary six times and got no answer about the cargo.", {
          speaker: "Badri Daher",
          source: 1,
        }),
        b: claim("The customs directorate wrote to the judge six times about the cargo and had never received an answer.", { source: 3 }),
      }),
    ).toBeUndefined();
  });
});

describe("tolls told as they stood", () => {
  test.each<Case>([
    {
      name: "a lower toll 'by 30 August' and the final toll a year later are a timeline",
      a: claim("By 30 August a government report counted 190 dead and more than 6,500 injured in the port explosion.", {
        speaker: "Government report",
        source: 3,
      }),
      b: claim("Human Rights Watch put the final toll of the port explosion at 218 dead.", { speaker: "Human Rights Watch", source: 5 }),
    },
    // Sentences about the 2023 Maui wildfires, from no labelled set.
    {
      name: "'had stood at 90 on Tuesday' is the toll as it was then",
      a: claim("The count of the dead in the Lahaina wildfire had stood at 90 on Tuesday evening, officials said.", { speaker: "Officials", source: 1 }),
      b: claim("At least 115 people were killed in the Lahaina wildfire, the governor said.", { speaker: "Josh Green", source: 2 }),
    },
    {
      name: "a toll that 'rose to 115' passed through every lower figure",
      a: claim("Officials said 93 people had been killed in the Lahaina wildfire.", { speaker: "Officials", source: 1 }),
      b: claim("The number of people killed in the Lahaina wildfire rose to 115 on Thursday.", { source: 2 }),
    },
    {
      name: "'had given a toll of 137' before the count went on",
      a: claim("Health Minister Hamad Hassan had given a toll of 137 dead from the port explosion.", { speaker: "Hamad Hassan", source: 1 }),
      b: claim("The port explosion killed 218 people, wounded about 7,000 and left 300,000 homeless.", { source: 3 }),
    },
    {
      name: "a higher count of the 'dead or missing presumed dead' and a lower count of the dead: the missing were accounted for",
      a: claim("Officials said 115 people in Lahaina were dead or missing presumed dead after the wildfire.", { speaker: "Officials", source: 1 }),
      b: claim("The police put the final toll of the Lahaina wildfire at 102.", { speaker: "Police", source: 2 }),
    },
    {
      name: "a count as it stood 'by February' and one that 'rose to' a higher figure in March are a timeline",
      a: claim("By February the death toll from the Texas winter storm stood at 57.", { source: 1 }),
      b: claim("In March the death toll from the Texas winter storm rose to 111.", { source: 2 }),
    },
  ])("$name", (example) => {
    expect(ruleFor("figures-conflict", example)).toBeUndefined();
  });

  test.each<Case>([
    {
      name: "a toll given on a day ('a court on Monday charged … with the murder of 1,137') is no toll as it stood",
      a: claim("A Dhaka court on Monday charged the owner with the murder of 1,137 people in the collapse of the building.", { source: 4 }),
      b: claim("The collapse of the building killed 1,138 people and injured more than 2,000 others.", { source: 5 }),
    },
    {
      name: "'the death toll stands at 97' against 'at least 115 were killed': the toll eight words before its figure still counts the dead",
      a: claim("The death toll from the Lahaina wildfire stands at 97, Governor Josh Green said.", { speaker: "Josh Green", source: 1 }),
      b: claim("At least 115 people were killed in the Lahaina wildfire.", { source: 2 }),
    },
    {
      name: "'the number of people killed … is 97' counts the dead, as '97 people were killed' does",
      a: claim("The number of people killed in the Lahaina wildfire is 97, not 115.", { speaker: "Josh Green", source: 1 }),
      b: claim("At least 115 people were killed in the Lahaina wildfire.", { source: 2 }),
    },
    {
      name: "a toll that 'stood at 258, down from 289' was revised downward: no timeline",
      a: claim("The commissioner said the death toll stood at 258, down from the 289 announced on Wednesday.", { speaker: "Commissioner", source: 1 }),
      b: claim("The factory fire killed 264 workers.", { source: 2 }),
    },
    // Sentences about the 2021 Texas winter storm, from no labelled set.
    {
      name: "a count as it stood 'by March' and a count made 'in March' are told of one moment: rival counts",
      a: claim("By March the death toll from the Texas winter storm stood at 57.", { source: 1 }),
      b: claim("In March a newspaper analysis of death certificates found 194 deaths from the Texas winter storm.", { speaker: "Newspaper", source: 2 }),
    },
    {
      name: "a provisional count lower than the toll ('98 dead or missing' / '102 were killed') is no revision of it",
      a: claim("Officials said 98 people in Lahaina were dead or missing after the wildfire.", { speaker: "Officials", source: 1 }),
      b: claim("The Lahaina wildfire killed 102 people, the governor said.", { speaker: "Josh Green", source: 2 }),
    },
    {
      name: "a lower toll that says the higher one is wrong ('17 died, not eleven') still conflicts",
      a: claim("By Tuesday evening at least eleven people had been killed in the market shooting, police said.", { source: 1 }),
      b: claim("Zohra Yusuf said that at least 17 people had died, not eleven, in the market shooting.", { speaker: "Zohra Yusuf", source: 2 }),
    },
  ])("$name", (example) => {
    expect(ruleFor("figures-conflict", example)).toMatchObject({ kind: "numeric" });
  });
});

describe("negations and speakers that are easy to misread", () => {
  test("'received no answer' and 'had never received an answer' agree", () => {
    expect(
      ruleFor("predicate-polarity", {
        name: "no answer / never an answer",
        a: claim("Between 2014 and 2017 the customs directorate wrote to the judge at least six times and received no answer.", { source: 3 }),
        b: claim("Customs chief Badri Daher said his department had written to the judge six times and had never received an answer.", {
          speaker: "Badri Daher",
          source: 1,
        }),
      }),
    ).toBeUndefined();
  });

  test("a party named in a joint speaker ('Hezbollah and the Amal Movement') does not accuse itself", () => {
    const denial = claim("Hassan Nasrallah denied that Hezbollah had stored weapons or ammonium nitrate at the port.", {
      speaker: "Hassan Nasrallah",
      source: 1,
    });
    const accusation = "Sources said the investigator was inclined to accuse Hezbollah of storing the ammonium nitrate at the port.";
    expect(
      ruleFor("accusation-denial", { name: "joint", a: claim(accusation, { speaker: "Hezbollah and the Amal Movement", source: 3 }), b: denial }),
    ).toBeUndefined();
  });

  test("who speaks is not what is spoken of: 'no authority over the port' / 'Authorities have said …'", () => {
    expect(
      ruleFor("existence-denied", {
        name: "authority / authorities",
        a: claim("Michel Aoun said the presidency had no authority over the port.", { speaker: "Michel Aoun", source: 1 }),
        b: claim("Authorities have said the blast at the port was caused by 2,750 tonnes of ammonium nitrate.", { speaker: "Authorities", source: 1 }),
        signals: { gap: 1 },
      }),
    ).toBeUndefined();
  });
});

describe("a level against a limit", () => {
  test("'fallen below the federal limit' / 'remained above the federal limit' conflict", () => {
    const match = ruleFor("negated-statement", {
      name: "below / above",
      a: claim("The mayor said lead levels in the city's water had fallen below the federal limit.", { speaker: "Mayor", source: 1 }),
      b: claim("Tests showed lead levels in the city's water remained above the federal limit.", { speaker: "Virginia Tech researchers", source: 2 }),
    });
    expect(match!.explanation).toMatch(/below the federal limit.*above the federal limit/);
  });

  test("both below it agree", () => {
    expect(
      ruleFor("negated-statement", {
        name: "below / below",
        a: claim("The mayor said lead levels in the city's water had fallen below the federal limit.", { speaker: "Mayor", source: 1 }),
        b: claim("State tests showed lead levels in the city's water were below the federal limit.", { speaker: "State", source: 2 }),
      }),
    ).toBeUndefined();
  });
});

describe("a toll's own verb does not tie far-apart figures to one disaster", () => {
  test("silent: another disaster's toll, named in passing, against the subject's own", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim("A landslide near Muzaffarabad in July killed 38 people.", { source: 2 }),
        b: claim("The earthquake killed 1,460 people, most of them in the hill districts, and injured 3,200 others.", { source: 3 }),
      }),
    ).toBeUndefined();
  });

  test("fires: close tolls with the same verb are rival counts of one dead", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("The earthquake killed 1,460 people, provincial officials said.", { source: 2, speaker: "Provincial officials" }),
      b: claim("The earthquake killed 1,510 people, the relief agency said.", { source: 3, speaker: "Relief agency" }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/1,460 people.*1,510 people — the death tolls differ/);
  });
});

describe("two accounts of one limit", () => {
  test("fires: 'a licence for four storeys' against 'the licence allowed only three' — the limits differ", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("A planning officer said the developer held a licence for four storeys, and that two more had been added without one.", {
        source: 1,
        speaker: "Planning officer",
      }),
      b: claim("An inspectors' report found that six floors stood where the licence allowed only three.", { source: 2, speaker: "Inspectors" }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/four storeys.*three — the limits on/);
  });

  test("silent: a limit against the floors actually built", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim("A planning officer said the developer held a licence for four storeys.", { source: 1, speaker: "Planning officer" }),
        b: claim("Neighbours said the building had six storeys by the time it fell.", { source: 2, speaker: "Neighbours" }),
      }),
    ).toBeUndefined();
  });
});

describe("whole counts and counts as they stood", () => {
  test("fires: two totals of one toll far apart are rival counts", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("The state government later confirmed a total of 2,650 deaths in the floods.", { source: 1, speaker: "State government" }),
      b: claim("Relief groups put the total dead at 6,000 and rising.", { source: 3, speaker: "Relief groups" }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/2,650 deaths.*6,000 — the death tolls differ/);
  });

  test.each<Case>([
    {
      name: "the immediate toll against the total, told side by side",
      a: claim("The official immediate death toll was 1,900.", { source: 2 }),
      b: claim("The state government later confirmed a total of 2,650 deaths in the floods.", { source: 2, speaker: "State government" }),
      signals: { gap: 0 },
    },
    {
      name: "deaths within the first days against the total, told side by side",
      a: claim("Doctors at the district hospital estimate that 2,000 people died within the first three days.", { source: 2, speaker: "Doctors" }),
      b: claim("Relief groups put the total dead at 6,000 and rising.", { source: 2, speaker: "Relief groups" }),
      signals: { gap: 0 },
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("figures-conflict", example)).toBeUndefined();
  });
});

describe("two states of a running tally", () => {
  const stood = claim("By the end of the month the Kedar landslide's official death count stood at 212.", { source: 2 });
  test.each<Case>([
    {
      name: "'the count stood at 212' against 'the ministry raised the count to 196'",
      a: stood,
      b: claim("Two days after the Kedar landslide, the interior ministry raised the death count to 196.", { source: 1, speaker: "Interior ministry" }),
    },
    {
      name: "'the toll remained 196' against 'the official toll stays at 212'",
      a: claim("Officials insisted the Kedar landslide toll remained 196, counting only certified deaths.", { source: 1, speaker: "Officials" }),
      b: claim("Headline: official Kedar landslide toll stays at 212.", { source: 3 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("figures-conflict", example)).toBeUndefined();
  });

  test("fires: a tally's state against a count that is not told as one", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("Hospital staff said 196 people had died in the Kedar landslide.", { source: 1, speaker: "Hospital staff" }),
      b: stood,
    });
    expect(match).toMatchObject({ kind: "numeric" });
  });
});

describe("a span one claim names and a figure inside it", () => {
  test("fires: the official count of 64 against a survey's 4,645, though the count's claim also says 'thousands'", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("The island's government kept its official death count at 64 for months, while researchers estimated deaths in the thousands.", {
        source: 1,
      }),
      b: claim("A household survey by university researchers estimated 4,645 deaths on the island, far above the official count.", {
        source: 2,
        speaker: "Household survey",
      }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/64.*4,645 deaths/);
  });
});

describe("two counts of one kind of thing", () => {
  test("fires: 'ran to 1,694 pages' against 'is 1,571 pages long', claims that share little else", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim("The inquiry's second report, published on 4 May 2021 after six years of hearings into the harbour blaze, ran to 1,694 pages.", {
        source: 3,
      }),
      b: claim("Honestly the report is 1,571 pages long and so far I have managed about a third over three weekends.", { source: 4 }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/1,694 pages.*1,571 pages/);
  });

  test.each<Case>([
    {
      name: "counts of different things",
      a: claim("The final report of the Kestrel inquiry, published on 4 May 2021, ran to 1,694 pages.", { source: 3 }),
      b: claim("The final report of the Kestrel inquiry made 1,571 recommendations, most of them minor.", { source: 4 }),
    },
    {
      name: "counts of one kind of thing far apart, in claims about different things",
      a: claim("The final report of the Kestrel inquiry, published on 4 May 2021, ran to 1,694 pages.", { source: 3 }),
      b: claim("Her memoir of those years is 240 pages long.", { source: 4 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("figures-conflict", example)).toBeUndefined();
  });
});

describe("tolls given on different days, one by a speaker with a long title", () => {
  const final = claim("On 16 November the police put the final toll of the Kedar landslide at 71.", { source: 2, speaker: "Police" });
  test("silent: 'on 16 June … said 30 were confirmed dead' against 'on 16 November … the final toll at 71'", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim("On 16 June, Commander Ravi Patel of the district police said 30 people were confirmed dead in the Kedar landslide.", {
          source: 1,
          speaker: "Ravi Patel",
        }),
        b: final,
      }),
    ).toBeUndefined();
  });
});

describe("a correction of a figure its own claim tells as superseded", () => {
  test("silent: 'only 212 were evacuated, not 215' against 'had been saying that 215 were evacuated'", () => {
    expect(
      ruleFor("figures-conflict", {
        name: "",
        a: claim('"Only 212 people were evacuated, not 215," the fire commissioner told reporters.', { source: 1, speaker: "Fire commissioner" }),
        b: claim("The city had been saying since Monday that 215 people were evacuated from the tower.", { source: 2, speaker: "City" }),
      }),
    ).toBeUndefined();
  });

  test("fires: the same correction against a figure told as current", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim('"Only 212 people were evacuated, not 215," the fire commissioner told reporters.', { source: 1, speaker: "Fire commissioner" }),
      b: claim("The residents' association says 215 people were evacuated from the tower.", { source: 2, speaker: "Residents' association" }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
  });
});

describe("a speaker titled in the claim as a body's officer speaks with the body's voice", () => {
  test("the fire service's later figure against its chief's: a revision, not rival counts", () => {
    const a = claim('"Forty-one people were rescued," said Tom Reyes, chief of the city fire service, at noon.', { source: 1, speaker: "Tom Reyes" });
    const b = claim("By evening the city fire service put the number rescued at 38.", { source: 2, speaker: "City fire service" });
    expect(ruleFor("figures-conflict", { name: "", a, b })).toBeUndefined();
    expect(ruleFor("figure-revision", { name: "", a, b })).toMatchObject({ kind: "revision" });
  });

  test("another body's figure stays a rival count", () => {
    const match = ruleFor("figures-conflict", {
      name: "",
      a: claim('"Forty-one people were rescued," said Tom Reyes, chief of the city fire service, at noon.', { source: 1, speaker: "Tom Reyes" }),
      b: claim("The tenants' union put the number rescued at 38.", { source: 2, speaker: "Tenants' union" }),
    });
    expect(match).toMatchObject({ kind: "numeric" });
  });
});

describe("a question said to be open disputes no one", () => {
  test("silent: 'how the fire began remains disputed' after an account of it", () => {
    expect(
      ruleFor("dispute-language", {
        name: "",
        a: claim("The fire spread from the boiler room to the stairwell within minutes.", { source: 2, at: 100 }),
        b: claim("How the fire began in the boiler room remains disputed.", { source: 2, at: 200 }),
        signals: { gap: 0 },
      }),
    ).toBeUndefined();
  });

  test("fires: the same account disputed by a named party", () => {
    const match = ruleFor("dispute-language", {
      name: "",
      a: claim("The fire began in the boiler room, the fire brigade said.", { source: 2, at: 100, speaker: "Fire brigade" }),
      b: claim("The landlord disputed that the fire began in the boiler room.", { source: 2, at: 200, speaker: "Landlord" }),
      signals: { gap: 0 },
    });
    expect(match).toMatchObject({ kind: "dispute" });
  });
});

describe("limit-exceeded", () => {
  const over = claim("Inspectors say the bus was carrying 71 passengers, more than twice the 32 passengers it was licensed for.", {
    source: 1,
    speaker: "Inspectors",
  });

  test.each([
    ["The operator denied the bus had been overcrowded when it left the depot.", "denied the bus had been overcrowded"],
    ['"The driver counts every passenger, and the bus was within its legal limits," a company spokesman said.', "within its legal limits"],
  ])("fires: %s", (quote, words) => {
    const match = ruleFor("limit-exceeded", { name: "", a: over, b: claim(quote, { source: 1, speaker: "Operator" }), signals: { gap: 1 } });
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toContain(`71 passengers against a limit of 32 passengers`);
    expect(match!.explanation).toContain(words);
  });

  test.each<Case>([
    {
      name: "a level under its limit against a denial of overcrowding: they agree",
      a: claim("Inspectors say the bus was carrying 28 passengers, under the 32 passengers it was licensed for.", { source: 1, speaker: "Inspectors" }),
      b: claim("The operator denied the bus had been overcrowded when it left the depot.", { source: 1, speaker: "Operator" }),
      signals: { gap: 1 },
    },
    {
      name: "a level over its limit, and a claim that says nothing of the limit",
      a: over,
      b: claim("The operator said the driver had fifteen years of experience.", { source: 1, speaker: "Operator" }),
      signals: { gap: 1 },
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("limit-exceeded", example)).toBeUndefined();
  });
});

describe("a month the claim says is wrong", () => {
  test("fires: 'reached port on 3 May 2019, not April' against 'reached port in April 2019'", () => {
    const match = ruleFor("dates-disagree", {
      name: "",
      a: claim("The tanker reached port on 3 May 2019, the harbour log shows, not April as the agencies keep reporting.", { source: 2 }),
      b: claim("According to the shipping agency, the tanker reached port in April 2019 after an engine failure.", { source: 1, speaker: "Shipping agency" }),
    });
    expect(match).toMatchObject({ kind: "date" });
    expect(match!.explanation).toMatch(/“3 May 2019”.*“April 2019”/);
  });

  test("silent: the month rejected is not the one the other gives", () => {
    expect(
      ruleFor("dates-disagree", {
        name: "",
        a: claim("The tanker reached port on 3 May 2019, the harbour log shows, not June as the agencies keep reporting.", { source: 2 }),
        b: claim("According to the shipping agency, the tanker left port in April 2019 for repairs.", { source: 1, speaker: "Shipping agency" }),
      }),
    ).toBeUndefined();
  });
});

describe("one party's act dated twice", () => {
  test.each<Case>([
    {
      name: "a takeover dated to a month by one source and to another year by another ('acquired' / 'bought')",
      a: claim("The brewer Heineken acquired the shares of Asia Pacific Breweries in November 2012, after a long bidding contest.", { source: 1 }),
      b: claim("Heineken bought Asia Pacific Breweries in 2010 and never looked back.", { source: 2 }),
    },
    {
      name: "the same verb, two days",
      a: claim("The union leader Mehmet Kaya was detained on 14 March 2016 at his home in Izmir.", { source: 1 }),
      b: claim("Police detained Mehmet Kaya on 16 March 2016, two days after the rally, his lawyer said.", { source: 2, speaker: "Lawyer", cue: "said" }),
    },
  ])("fires: $name", (example) => {
    const match = ruleFor("dates-disagree", example);
    expect(match).toMatchObject({ kind: "date" });
    expect(match!.explanation).toMatch(/“(?:November 2012|14 March 2016)” vs “(?:2010|16 March 2016)”/);
  });

  test.each<Case>([
    {
      name: "opposite acts of one party (bought, then sold)",
      a: claim("Heineken bought a stake in the Vietnamese brewer Sabeco in 2017.", { source: 1 }),
      b: claim("Heineken sold its stake in the brewer Sabeco in 2019.", { source: 2 }),
    },
    {
      name: "one act by two parties who share nothing named",
      a: claim("Siemens acquired the railway signalling unit in 2012.", { source: 1 }),
      b: claim("Alstom bought the turbine maker in 2015.", { source: 2 }),
    },
    {
      name: "two people who share a family name, each sentenced on a day of their own",
      a: claim("Choi Ji-ho, the chief executive of Haewon Shipping, was sentenced to ten years in prison in March 2016.", { source: 1 }),
      b: claim("Choi Min-jun was sentenced to four years by the Mokpo District Court on 2 May 2017.", { source: 2 }),
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("dates-disagree", example)).toBeUndefined();
  });
});

describe("two members of one numbered series", () => {
  const published: Case = {
    name: "two volumes of an inquiry, each with its own publication date",
    a: claim("The Volume 1 report of the dam inquiry, published on 12 March 2021, blamed the spillway design.", { source: 1 }),
    b: claim("The Volume 2 report of the dam inquiry, published on 9 May 2023, ran to 900 pages.", { source: 2 }),
  };
  const ordinals: Case = {
    name: "the first and the second audit, each with its own count of faults",
    a: claim("The first audit of the ferry counted 14 safety faults on the car deck.", { source: 1 }),
    b: claim("The second audit of the ferry counted 31 safety faults on the car deck.", { source: 2 }),
  };
  test.each<Case>([published, ordinals])("silent: $name", (example) => {
    expect(detectCues(example.a, example.b, example.signals, vocabulary).filter((match) => match.kind === "date" || match.kind === "numeric")).toEqual([]);
  });

  test("fires: one member dated twice", () => {
    const match = ruleFor("dates-disagree", {
      name: "",
      a: claim("The Volume 1 report of the dam inquiry was published on 12 March 2021.", { source: 1 }),
      b: claim("The Volume 1 report of the dam inquiry was published on 3 June 2021, its chairman said.", { source: 2, speaker: "Chairman", cue: "said" }),
    });
    expect(match?.explanation).toMatch(/12 March 2021.*3 June 2021/);
  });
});

describe("words of untruth that describe a thing", () => {
  const criticised = claim("The inquiry criticised the way former staff of the maker tested the foam insulation and sold it on the market for tower blocks.", {
    source: 1,
  });
  test("'created a false market' calls no claim untrue", () => {
    const maker = claim("The maker said it had created a false market for foam insulation on tower blocks.", { source: 2 });
    expect(ruleFor("dispute-language", { name: "", a: criticised, b: maker })).toBeUndefined();
  });

  test("'false claims' still disputes what was claimed", () => {
    const match = ruleFor("dispute-language", {
      name: "",
      a: claim("The maker said the panels were safe for use on tall buildings.", { source: 1, speaker: "Maker", cue: "said" }),
      b: claim("Tenants' leaders called the maker's statements about the panels false claims.", { source: 2, speaker: "Tenants' leaders", cue: "called" }),
      signals: { gap: 0 },
    });
    expect(match?.explanation).toMatch(/false/);
  });
});

describe("a support verb's act, asserted and negated", () => {
  test("'the captain gave an order to abandon the ferry' against 'the captain never gave an order to abandon the ferry'", () => {
    const example: Case = {
      name: "",
      a: claim("The captain gave an order to abandon the ferry at half past nine.", { source: 1 }),
      b: claim("Survivors said the captain never gave an order to abandon the ferry.", { speaker: "Survivors", source: 2, cue: "said" }),
    };
    expect(ruleFor("predicate-polarity", example)).toMatchObject({ kind: "negation" });
  });
});

describe("a phrasal verb and its synonym", () => {
  test("'did not assume any liability' against 'took on the liabilities'", () => {
    const example: Case = {
      name: "",
      a: claim("Vantor did not assume any liability for the mine collapse when it acquired Orecliff.", { speaker: "Vantor", source: 1 }),
      b: claim("Campaigners argue that Vantor took on the liability for the mine collapse with the purchase of Orecliff.", {
        speaker: "Campaigners",
        source: 2,
        cue: "argue",
      }),
    };
    expect(ruleFor("predicate-polarity", example)).toMatchObject({ kind: "negation" });
  });
});

describe("no part in something is not the absence of a thing", () => {
  test("'had no part in the refurbishment' against a claim that speaks of a part of the work", () => {
    const example: Case = {
      name: "",
      a: claim("The aluminium group said it had sold the cladding panels to a fabricator, which passed its part of the cladding work to a builder.", {
        source: 1,
      }),
      b: claim('"We were not involved in fitting the cladding, and we had no part in the refurbishment," the aluminium group said.', {
        source: 1,
        speaker: "Aluminium group",
        cue: "said",
      }),
      signals: { gap: 0 },
    };
    expect(ruleFor("existence-denied", example)).toBeUndefined();
  });
});

describe("a figure denied inside another's statement, and a speaker qualifying its own figure", () => {
  const stated = claim("Investigators estimated that 1,210 people died in the floods.", { source: 3, speaker: "Investigators", cue: "estimated" });
  test("'answered the statement by X that 1,200 people did not die' is not the speaker's denial", () => {
    const reporter = claim("The governor today answered the statement by Senator John P. Doe that 1,200 people did not die in the floods.", { source: 1 });
    expect(ruleFor("figure-disputed", { name: "", a: reporter, b: stated })).toBeUndefined();
  });

  test("the senator's own denial still disputes the figure", () => {
    const denier = claim('Senator Doe wrote that "1,200 people did not die" in the floods.', { source: 2, speaker: "John P. Doe", cue: "wrote" });
    expect(ruleFor("figure-disputed", { name: "", a: denier, b: stated })?.kind).toBe("numeric");
  });

  test("'their figure was likely an underestimate' qualifies the authors' own figure", () => {
    const authors = claim("The authors wrote that one third of the deaths followed delayed care, and that their figure was likely an underestimate.", {
      source: 2,
      speaker: "Authors",
      cue: "wrote",
    });
    const survey = claim("A survey led by the authors estimated 4,645 deaths in the floods.", { source: 2, speaker: "Survey", cue: "estimated" });
    expect(ruleFor("figure-disputed", { name: "", a: authors, b: survey, signals: { gap: 0 } })).toBeUndefined();
  });

  test("'the official figure was an underestimate' still disputes another's figure", () => {
    const critics = claim("Relief workers wrote that one third of the deaths followed delayed care, and that the official figure was an underestimate.", {
      source: 2,
      speaker: "Relief workers",
      cue: "wrote",
    });
    const survey = claim("A government survey estimated 4,645 deaths in the floods.", { source: 2, speaker: "Survey", cue: "estimated" });
    expect(ruleFor("figure-disputed", { name: "", a: critics, b: survey, signals: { gap: 0 } })?.kind).toBe("numeric");
  });
});

describe("opposite-verdicts", () => {
  test.each<Case>([
    {
      name: "a builder says its work met every regulation; the inquiry finds the facade did not comply with the regulations",
      a: claim("The builder said its work on the school had met all required fire and building regulations.", { source: 1, speaker: "Builder", cue: "said" }),
      b: claim("The inquiry found that the facade of the school did not comply with the building regulations.", {
        source: 2,
        speaker: "Inquiry",
        cue: "found",
      }),
    },
    {
      name: "a landlord says it listened to tenants; the tenants' group, in the next sentence, says its warnings fell on deaf ears",
      a: claim("The tenants' group said its warnings about the lifts had fallen on deaf ears.", { source: 1, speaker: "Tenants' group", cue: "said" }),
      b: claim("The housing association said it had listened to tenants' concerns.", { source: 1, speaker: "Housing association", cue: "said" }),
      signals: { gap: 0 },
    },
    {
      name: "the owner says the dam is safe; engineers judge the dam dangerous",
      a: claim("The owner told reporters the dam on the Tana river was safe and would hold.", { source: 1, speaker: "Owner", cue: "told" }),
      b: claim("Engineers who inspected the dam on the Tana river said it was dangerous and should be emptied.", {
        source: 2,
        speaker: "Engineers",
        cue: "said",
      }),
    },
    {
      name: "a minister says nobody told him of the stockpile; a watchdog names him among officials who were warned of the stockpile",
      a: claim("The minister said nobody told him that the fertiliser stockpile in the warehouse was dangerous.", {
        source: 1,
        speaker: "Minister",
        cue: "said",
      }),
      b: claim("The watchdog's report said the minister was warned twice about the fertiliser stockpile in the warehouse.", {
        source: 2,
        speaker: "Watchdog",
        cue: "said",
      }),
    },
    {
      name: "the inquiry says the foam lining contributed to the spread; its maker says the foam lining made no difference",
      a: claim("The inquiry found that the foam lining of the cabins contributed to the rapid spread of the fire.", {
        source: 1,
        speaker: "Inquiry",
        cue: "found",
      }),
      b: claim("The maker said the foam lining of the cabins made no material difference to how the fire spread.", {
        source: 2,
        speaker: "Maker",
        cue: "said",
      }),
    },
  ])("fires: $name", (example) => {
    const match = ruleFor("opposite-verdicts", example);
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toMatch(
      /says (?:safe|within the rules|well done|known|a cause) .* says (?:dangerous|in breach of them|badly done|not known|no cause)/,
    );
  });

  test.each<Case>([
    {
      name: "two voices agreeing that the dam is unsafe, one of them in negated words",
      a: claim("The owner admitted the dam on the Tana river was not safe.", { source: 1, speaker: "Owner", cue: "admitted" }),
      b: claim("Engineers who inspected the dam on the Tana river said it was dangerous and should be emptied.", {
        source: 2,
        speaker: "Engineers",
        cue: "said",
      }),
    },
    {
      name: "opposite verdicts on things that share nothing named, far apart",
      a: claim("The ministry said the vaccine programme had been a success.", { source: 1, speaker: "Ministry", cue: "said" }),
      b: claim("Auditors said the harbour dredging contract was illegal.", { source: 2, speaker: "Auditors", cue: "said" }),
    },
    {
      name: "one voice judging both ways",
      a: claim("The report said the old wing was safe.", { source: 1, speaker: "Report", cue: "said" }),
      b: claim("The report said the new wing was dangerous.", { source: 1, speaker: "Report", cue: "said" }),
      signals: { gap: 0 },
    },
  ])("silent: $name", (example) => {
    expect(ruleFor("opposite-verdicts", example)).toBeUndefined();
  });
});

describe("the same act asserted and negated of one named party", () => {
  test("'X flew to the city and was arrested' against 'X was never arrested': the second verb shares the first's subject", () => {
    const match = ruleFor("predicate-polarity", {
      name: "",
      a: claim("The company's chairman, Ludwig Brenner, flew to Lyon and was arrested on his arrival on 3 May 1991.", { source: 1 }),
      b: claim("Brenner was never arrested, whatever the papers say.", { source: 2 }),
    });
    expect(match?.explanation).toMatch(/arrested/);
  });

  test("a clause reported as someone's statement, or asked as a question, is not held by the sentence", () => {
    const died = claim("Researchers estimated that 1,210 more people died in the province after the floods.", {
      source: 1,
      speaker: "Researchers",
      cue: "estimated",
    });
    const reported = claim("The governor answered the statement by Senator John P. Doe that 1,200 people did not die in the province.", { source: 2 });
    const question = claim("A dispute arose over whether people did not die of the floods in the province.", { source: 3 });
    expect(ruleFor("predicate-polarity", { name: "", a: died, b: reported })).toBeUndefined();
    expect(ruleFor("predicate-polarity", { name: "", a: died, b: question })).toBeUndefined();
  });

  test("'rejected the claim that the doors were locked' still denies the locking", () => {
    const match = ruleFor("predicate-polarity", {
      name: "",
      a: claim("Survivors said the exit doors of the workshop were locked.", { source: 1, speaker: "Survivors", cue: "said" }),
      b: claim("The owners rejected the claim that the exit doors of the workshop were locked.", { source: 2, speaker: "Owners", cue: "rejected" }),
    });
    expect(match?.explanation).toMatch(/lock/);
  });
});

describe("two spans of time for one happening", () => {
  // A corpus about one leak: its theme words ("well", "leaked", "barrels") are everywhere and tie nothing together.
  const themed = Vocabulary.from(
    Array.from({ length: 200 }, (_, index) => (index % 3 ? `filler sentence number ${index}` : `the well leaked barrels of oil for days, report ${index}`)),
  );
  const figures = (a: CueClaim, b: CueClaim) => detectCues(a, b, {}, themed).find((match) => match.rule === "figures-conflict");
  const leaked = claim("Geologists attribute the fall in pressure to the slow depletion of the reservoir during the 41 days the well leaked.", { source: 1 });

  test("'the 41 days the well leaked' against 'leaked … during the 43 days': the verb each span lasted ties them", () => {
    const judge = claim("A federal judge found that 9,000 barrels leaked out during the 43 days before it was sealed.", {
      source: 2,
      speaker: "Judge",
      cue: "found",
    });
    expect(figures(leaked, judge)?.explanation).toMatch(/41 days.*43 days|43 days.*41 days/);
  });

  test("spans of two different happenings stay apart", () => {
    expect(figures(leaked, claim("The strike at the refinery lasted 43 days.", { source: 2 }))).toBeUndefined();
  });
});
