// Every contradiction cue, on sentence pairs taken from the seed documents: pairs an editor
// would call a conflict must fire the right rule, look-alike pairs must not.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { detectCues, strongestCue, type CueClaim, type PairSignals } from "@/lib/contradictions/judge";
import { Vocabulary } from "@/lib/text/terms";
import { dates } from "@/lib/text/dates";
import { extractQuantities } from "@/lib/facets/quantities";

// Term rarity as detection sees it: every sentence of the seed documents is one "claim".
const documentsDir = path.resolve(import.meta.dirname, "../../seed/documents");
const vocabulary = Vocabulary.from(
  readdirSync(documentsDir).flatMap((file) => readFileSync(path.join(documentsDir, file), "utf8").split(/(?<=[.!?][”"]?)\s+/)),
);

const SPEAKERS: Record<string, number> = {
  "Privy Council Office": 1,
  "Syed Safdar Ali Baqri": 2,
  "Leon Benoit": 3,
  "Rehman Malik": 4,
  "Anne Patterson": 5,
  "Tom Quiggin": 6,
  "Muhammad Amjad Khan": 7,
  "MQM-A": 8,
  "Stefano Pileggi": 9,
  "Sindh Police": 10,
  "Pervez Musharraf": 11,
  "Altaf Hussain": 12,
  "Fauzia Siddiqui": 13,
  "Human rights groups": 14,
  "Mustafa Kamal": 15,
  "Farooq Sattar": 16,
};

let nextId = 1;
function claim(
  quote: string,
  options: { speaker?: keyof typeof SPEAKERS; source?: number; at?: number; topic?: number; stance?: CueClaim["stance"] } = {},
): CueClaim {
  const id = nextId++;
  return {
    id,
    quote,
    sourceId: options.source ?? 1,
    sourceTitle: "MQM declared a terrorist organization by a Canadian Court",
    startOffset: options.at ?? id * 100,
    speakerId: options.speaker ? SPEAKERS[options.speaker] : null,
    speakerName: options.speaker ?? null,
    topicId: options.topic ?? null,
    topicTitle: options.topic ? "Was the MQM involved in violence?" : null,
    stance: options.stance ?? "unclear",
  };
}

interface Case {
  name: string;
  a: CueClaim;
  b: CueClaim;
  signals?: PairSignals;
}

function fires(rule: string, { a, b, signals }: Case) {
  return detectCues(a, b, signals, vocabulary).find((match) => match.rule === rule);
}

describe("dispute-language: one claim rejects the other", () => {
  test.each<Case & { phrase: string }>([
    {
      name: "Baqri disputes the memo's account of the 1986-87 riots",
      a: claim("“MQM was the main player in the ethnic riots of 1986-87,” the Canadian government memo says.", { speaker: "Privy Council Office", at: 100 }),
      b: claim("Mr. Baqri disputes that, saying: “We were the victims of the riots.”", { speaker: "Syed Safdar Ali Baqri", at: 200 }),
      signals: { gap: 0 },
      phrase: "disputes",
    },
    {
      name: "Patterson denies what Malik reported",
      a: claim(
        "Malik also claimed that the MQM had said that it “had received this message during the Sindh governor’s recent trip to the US and that Altaf Hussain had been approached by the UK govt in London.”",
        { speaker: "Rehman Malik", source: 3, at: 100 },
      ),
      b: claim("Patterson denied that the US had spoken to the Sindh governor.", { speaker: "Anne Patterson", source: 3, at: 200 }),
      signals: { gap: 0 },
      phrase: "denied",
    },
    {
      name: "Amjad calls the family's story about the divorce document not true",
      a: claim(
        "Earlier, when Aafia's father died, the family held Amjad responsible for his death too claiming he suffered a stroke after he saw the divorce document.",
        { source: 3, at: 100 },
      ),
      b: claim(
        "That is simply not true because I mailed the document two days after Aafia's father died and that too because I was unaware of the unfortunate incident.",
        { speaker: "Muhammad Amjad Khan", source: 3, at: 200 },
      ),
      signals: { gap: 0 },
      phrase: "not true",
    },
    {
      name: "Baqri calls the human rights groups wrong, several paragraphs later",
      a: claim(
        "Human rights groups acknowledge that the MQM was the target of a brutal crackdown by Pakistani government forces, but they say MQM activists engaged in violence as well.",
        { at: 100 },
      ),
      b: claim("Mr. Baqri said the human rights groups are wrong.", { speaker: "Syed Safdar Ali Baqri", at: 900 }),
      phrase: "are wrong",
    },
  ])("$name", (example) => {
    const match = fires("dispute-language", example);
    expect(match, "dispute-language fires").toBeDefined();
    expect(match!.kind).toBe("dispute");
    expect(match!.explanation).toContain(example.phrase);
    expect(match!.score).toBeGreaterThanOrEqual(0.55);
  });

  test.each<Case>([
    {
      name: "two denials of MQM violence agree",
      a: claim("MQM-Canada has never been linked to violence.", { at: 100 }),
      b: claim("But he said neither he nor the MQM had ever been involved in violence, and the memo sent to the Prime Minister’s Office is inaccurate.", {
        speaker: "Syed Safdar Ali Baqri",
        at: 300,
      }),
      signals: { gap: 1 },
    },
    {
      name: "Khan's assistant backs up Khan's lack of recollection",
      a: claim(
        "Wajid Khan, the Pakistan-born MP who ran for the Liberals but crossed the floor to the Conservatives, had no recollection of meeting the MQM, although his photo is shown on the Web site with Mr. Baqri.",
        { at: 100 },
      ),
      b: claim(
        "“I can tell you that Mr. Khan has no affiliation, nor has he ever, with the group you mentioned,” said his executive assistant Stefano Pileggi.",
        { speaker: "Stefano Pileggi", at: 200 },
      ),
      signals: { gap: 0 },
    },
    {
      name: "an author's own adjective (“concocted charges”) rebuts nothing",
      a: claim(
        "The “Army and State Operations” rendered millions of Mohajirs destitute and thousands of Mohajirs forcibly evicted and displaced from the “No-Go Areas” of Landhi, Lines Area, Malir, Korangi, Shah Faisal Colony and part of Liaquatabad in Karachi.",
        { source: 3, at: 100 },
      ),
      b: claim(
        "Thousands of Mohajirs and MQM leaders, office bearers and workers were arbitrarily arrested and jailed without charges, concocted charges and without due process of law including the MQM parliamentarians, some of them are in arbitrary detention, even today.",
        { source: 3, at: 200 },
      ),
      signals: { gap: 0 },
    },
    {
      name: "a gathering rejecting a court summons is not rejecting a statement",
      a: claim(
        "Addressing a large gathering at the Malakhra stadium in Bhit Shah on Saturday over telephone, Hussain condemned the summoning of the ISI chief in the strongest possible words.",
        { source: 3, at: 100 },
      ),
      b: claim(
        "“Today, this gathering rejects the ISI chief’s summons and says if he is handed over to the US, the government will be wiped out from the country.”",
        { source: 3, at: 200 },
      ),
      signals: { gap: 0 },
    },
  ])("does not fire: $name", (example) => {
    expect(fires("dispute-language", example)).toBeUndefined();
  });

  test("'dismissed the suggestion' right after the suggestion disputes it", () => {
    const example: Case = {
      name: "",
      a: claim("President Donald Trump of the United States had said on Tuesday that the explosion looked like a terrible attack.", {
        speaker: "Pervez Musharraf",
        source: 1,
        at: 100,
      }),
      b: claim("Lebanese officials dismissed the suggestion and said the cause was the stored chemicals.", { speaker: "Sindh Police", source: 1, at: 200 }),
      signals: { gap: 0 },
    };
    expect(fires("dispute-language", example)).toMatchObject({ kind: "dispute" });
    expect(fires("dispute-language", example)!.explanation).toContain("dismissed the suggestion");
  });

  test("'Survivors say they never heard it': a witness who did not perceive what was just claimed disputes it", () => {
    const example: Case = {
      name: "",
      a: claim("The boat's commander, Kim Kyung-il, had told reporters on April 28 that his crew broadcast an evacuation order.", {
        speaker: "Rehman Malik",
        source: 5,
        at: 100,
      }),
      b: claim("Survivors say they never heard it.", { speaker: "Human rights groups", source: 5, at: 200 }),
      signals: { gap: 0 },
    };
    expect(fires("dispute-language", example)).toMatchObject({ kind: "dispute" });
    expect(fires("dispute-language", example)!.explanation).toContain("never heard it");
  });

  test("'denied that the group had stored weapons' states its own content: it does not answer the sentence before about someone else", () => {
    const example: Case = {
      name: "",
      a: claim("He said the presidency had no authority over the port.", { speaker: "Pervez Musharraf", source: 2, at: 100 }),
      b: claim("Hezbollah's secretary-general Hassan Nasrallah denied that the group had stored weapons, explosives or ammonium nitrate at the port.", {
        speaker: "Altaf Hussain",
        source: 2,
        at: 200,
      }),
      signals: { gap: 0 },
    };
    expect(fires("dispute-language", example)).toBeUndefined();
  });

  test("'denied that he was ever one of its members' is about whoever was just named: it answers the sentence before", () => {
    const example: Case = {
      name: "",
      a: claim("The Rangers described Qureshi as an MQM worker", { speaker: "Sindh Police", source: 2, at: 100 }),
      b: claim("the MQM has officially denied that he was ever one of its members.", { speaker: "MQM-A", source: 2, at: 140 }),
      signals: { gap: 0 },
    };
    expect(detectCues(example.a, example.b, example.signals, vocabulary)[0]).toMatchObject({ kind: expect.stringMatching(/dispute|accusation_denial/) });
  });
});

describe("disowned-statement: a speaker disowns words attributed to them", () => {
  test("Benoit does not recall the statement on the MQM-Canada site", () => {
    const example: Case = {
      name: "",
      a: claim(
        "“We welcome MQM-Canada’s support and hope to receive cooperation from all chapters of MQM-Canada,” says a statement attributed to Conservative MP Leon Benoit and posted on the group’s Internet site in 2004.",
        { speaker: "Leon Benoit", at: 100 },
      ),
      b: claim("Mr. Benoit said he does not recall making the comment.", { speaker: "Leon Benoit", at: 200 }),
      signals: { gap: 0 },
    };
    const match = strongestCue(example.a, example.b, example.signals, vocabulary);
    expect(match).toMatchObject({ kind: "attribution", rule: "disowned-statement" });
    expect(match!.explanation).toBe("Leon Benoit disowns a statement attributed to them (“does not recall”).");
  });

  test("does not fire between two of Benoit's own denials", () => {
    const example: Case = {
      name: "",
      a: claim(
        "Mr. Benoit said he knew nothing about the group, although he did remember attending an MQM-Canada campaign event with several Torontoarea Conservative candidates.",
        { speaker: "Leon Benoit", at: 100 },
      ),
      b: claim(
        "He said a news conference was held following the meeting, but he does not believe he made the statement that is attributed to him on the MQM-Canada Web site.",
        { speaker: "Leon Benoit", at: 200 },
      ),
      signals: { gap: 0 },
    };
    expect(fires("disowned-statement", example)).toBeUndefined();
  });
});

describe("disowned-statement needs words to disown", () => {
  test("a confession disowned is not in conflict with a sentence that only names the man", () => {
    const example: Case = {
      name: "",
      a: claim("Rehman Bhola was arrested in Bangkok on 2 December 2016 and returned to Pakistan.", { source: 4, at: 100 }),
      b: claim("He later told the anti-terrorism court that he had never made such a confession and that the statement was taken under duress.", {
        speaker: "Tom Quiggin",
        source: 4,
        at: 200,
      }),
      signals: { gap: 0 },
    };
    example.a = { ...example.a, quote: example.a.quote.replace("Rehman Bhola", "Tom Quiggin") };
    expect(fires("disowned-statement", example)).toBeUndefined();
    const confessed = {
      ...example,
      a: { ...example.a, quote: "On 22 December 2016 Tom Quiggin confessed before a judicial magistrate that he had set the factory ablaze." },
    };
    expect(fires("disowned-statement", confessed)).toMatchObject({ kind: "attribution" });
  });
});

describe("negated-statement: the same statement affirmed and negated", () => {
  test("does not fire when each claim is about a party the other does not name: 'acquitted Lee of homicide' / 'Park Gi-ho was convicted of homicide'", () => {
    const example: Case = {
      name: "",
      a: claim(
        "On 11 November 2014 the Gwangju District Court acquitted Lee of homicide and sentenced him to 36 years in prison for abandoning the passengers.",
        { source: 3 },
      ),
      b: claim("The chief engineer, Park Gi-ho, was convicted of homicide for leaving two injured colleagues behind and sentenced to 30 years.", {
        source: 3,
      }),
    };
    expect(fires("negated-statement", example)).toBeUndefined();
    const same = {
      ...example,
      b: claim("On 28 April 2015 the Gwangju High Court convicted Lee of homicide and sentenced him to life in prison for abandoning the passengers.", {
        source: 4,
      }),
    };
    expect(fires("negated-statement", same)).toMatchObject({ kind: "negation" });
  });

  test("Amjad was aware, and unaware, of Aafia's violent side", () => {
    const example: Case = {
      name: "",
      a: claim("I was aware of Aafia's violent personality and extremist views and suspected her involvement in Jihadi activities.", {
        speaker: "Muhammad Amjad Khan",
        source: 3,
        at: 100,
      }),
      b: claim(
        "Sharing details of his unsuccessful marriage with Dr Aafia, Dr Amjad told our sources that since their marriage was arranged, he was unaware of Aafia's violent behaviour.",
        { speaker: "Muhammad Amjad Khan", source: 3, at: 900 },
      ),
    };
    const match = fires("negated-statement", example);
    expect(match).toMatchObject({ kind: "negation" });
    expect(match!.explanation).toContain("“aware” vs “unaware”");
  });

  test.each<Case>([
    {
      name: "the encyclopedia's repeated paragraph",
      a: claim(
        "During the MQM's stint in power in 1991, when it was part of the provincial government of Sindh, the party endorsed and participated in raids and the mass-arrests of its political rivals.",
        { source: 5 },
      ),
      b: claim(
        "During the MQM's stint in power in 1991, when it was part of the Provincial Government of Sindh, the party endorsed and participated, in raids, mass-arrests, and assassinations of its political rivals/opponents.",
        { source: 5 },
      ),
      signals: { similarity: 0.78 },
    },
    {
      name: "“not” negating something the other claim does not say",
      a: claim(
        "The sources said Sindh Minister for Local Government Agha Siraj Durrani visited the US Consulate in Karachi on Thursday afternoon and passed on his party’s concerns over the situation in the provincial metropolis where more than 100 people lost their lives last week in incidents of target killings.",
        { source: 3 },
      ),
      b: claim("PPP’s Agha Siraj Durrani could not be contacted.", { source: 3 }),
    },
    {
      name: "“supported” and “rejected” about two different returns",
      a: claim("He noted that MQM had supported Benazir’s return, and Altaf Hussain was one of the first to offer Zardari condolences on her assassination.", {
        source: 3,
      }),
      b: claim(
        "Kamal, Sattar and Rizvi all confirmed that Altaf Hussain had expressed an interest in returning to Pakistan, but this idea had been rejected by the party.",
        { source: 3 },
      ),
    },
  ])("does not fire: $name", (example) => {
    expect(fires("negated-statement", example)).toBeUndefined();
  });
});

describe("figures-conflict: different numbers for the same thing", () => {
  test("Karachi's share of Pakistan's tax revenue: 70 per cent vs 68%", () => {
    const example: Case = {
      name: "",
      a: claim(
        "The loyal Pakistanis, living in Karachi must know that Karachi is Pakistan’s largest port and financial hub with the largest commercial markets, collecting 70 per cent of the country’s tax revenue.",
        { source: 2 },
      ),
      b: claim("Kamal boasted that Karachi now provides 68% of all GOP tax revenues.", { source: 3 }),
    };
    const match = fires("figures-conflict", example);
    expect(match).toMatchObject({ kind: "numeric" });
    expect(match!.explanation).toMatch(/says 70 per cent; .* says 68% — the shares differ\.$/);
  });

  test("a revision the text names ('258, down from the 289') is a revision of the 289, still a rival of 259 and of no bound", () => {
    const given = claim("On 12 September the official death toll was given as 289.", { source: 3 });
    const revised = claim(
      "Karachi commissioner Roshan Shaikh said the death toll stood at 258, down from the 289 announced on Wednesday, and that 82 bodies were still unidentified.",
      { source: 6 },
    );
    const cues = detectCues(given, revised, {}, vocabulary);
    expect(cues.find((cue) => cue.rule === "figures-conflict")).toBeUndefined();
    expect(cues[0]).toMatchObject({ kind: "revision", rule: "figure-revision" });
    const rival = claim("The fire killed 259 workers.", { source: 3 });
    expect(fires("figures-conflict", { name: "", a: rival, b: revised })).toMatchObject({ kind: "numeric" });
    const bound = claim("Two men were sentenced to death for starting the 2012 fire at a Karachi garment factory that killed over 260 people.", { source: 4 });
    expect(fires("figures-conflict", { name: "", a: bound, b: revised })).toMatchObject({ kind: "numeric" });
  });

  test("a changing rate told at two phases ('at the start', 'immediately before the capping') is no conflict", () => {
    const start = claim("The flow was higher at the start of the spill, when about 62,000 barrels of oil per day were leaking from the well.", { source: 2 });
    const end = claim(
      "According to the teams, about 53,000 barrels of oil per day were flowing from the well immediately before the capping stack shut it in.",
      { source: 2 },
    );
    expect(fires("figures-conflict", { name: "", a: start, b: end })).toBeUndefined();
    const official = claim("The official range today is 35,000 to 60,000 barrels a day.", { source: 3 });
    expect(fires("figures-conflict", { name: "", a: start, b: official })).toMatchObject({ kind: "numeric" });
  });

  test("a ship's size: “a 6,825-ton roll-on/roll-off ferry” and “a 6,325-ton vessel” size one thing (a ferry is a kind of vessel)", () => {
    const a = claim("The Sewol was a 6,825-ton roll-on/roll-off ferry built in Japan in 1994 and bought by Chonghaejin Marine in 2012.", { source: 3 });
    const b = claim("Some early reports described the ship as a 6,325-ton vessel.", { source: 4 });
    expect(fires("figures-conflict", { name: "", a, b })).toMatchObject({ kind: "numeric" });
  });

  test.each<Case>([
    {
      name: "a count within a group (“Of the 325 students on board, 250 died”) is no rival of the whole toll",
      a: claim("Of the 325 students of Danwon High School on board, 250 died.", { source: 3 }),
      b: claim("Of the 476, 304 died and 172 survived.", { source: 4 }),
    },
    {
      name: "a limit (“the ship's permitted cargo to 987 tons”) is no rival of what was carried",
      a: claim("After the refit the Korean Register of Shipping cut the ship's permitted cargo to 987 tons.", { source: 3 }),
      b: claim("The company's departure report to the Korea Shipping Association listed 657 tons of cargo.", { source: 1 }),
    },
    {
      name: "an increment (“the two additional missing passengers”) is no rival of the count",
      a: claim("Kim said the two additional missing passengers were Chinese nationals.", { source: 1 }),
      b: claim("So far 269 bodies have been recovered and 35 people remain missing, said a spokesman for the rescue task force.", { source: 1 }),
    },
    {
      name: "a toll someone raised (“the government raised the count to 34”) passed through a lower one told before it",
      a: claim("Twelve people had died in the valley floods, the provincial government said.", { source: 3 }),
      b: claim("The provincial government later raised the official death toll to 31 in the valley floods.", { source: 4 }),
    },
    {
      name: "a toll told as it stood by a month (“by March the toll was 40”) and a later, higher one are a timeline",
      a: claim("By March the toll from the landslide was 40.", { source: 3 }),
      b: claim("The final toll from the landslide was 58.", { source: 4 }),
    },
    {
      name: "counts of the missing told as they stood are a timeline",
      a: claim("The search for bodies was called off on 11 November 2014 with 295 recovered and nine still missing.", { source: 3 }),
      b: claim("As of Monday, 286 bodies had been recovered and 18 people were still missing.", { source: 5 }),
    },
  ])("does not fire: $name", (example) => {
    expect(fires("figures-conflict", example)).toBeUndefined();
  });

  test("an estimate set beside the official count (“the official count of 58” / “a survey estimated 1,640 deaths”) is its rival, however far apart", () => {
    const official = claim("Until August the provincial government kept its official count at 58 deaths.", { source: 2 });
    const survey = claim("A household survey by university researchers estimated 1,640 deaths in the months after the cyclone.", {
      speaker: "university researchers",
      source: 3,
    });
    expect(fires("figures-conflict", { name: "", a: official, b: survey })).toMatchObject({ kind: "numeric" });
    // Without the word "official" two far-apart counts name nothing in common.
    const bare = claim("Until August the provincial government counted 58 deaths.", { source: 2 });
    expect(fires("figures-conflict", { name: "", a: bare, b: survey })).toBeUndefined();
  });

  test("a count with no noun of its own (“about 3,500 had been inside”) is a rival to a count of workers in the building", () => {
    const workers = claim("The Bangladesh Garment Manufacturers and Exporters Association (BGMEA) put the number of workers in the building at 3,122.", {
      source: 1,
    });
    const inside = claim("Survivors and local people estimated that about 3,500 had been inside the five factories when the floors gave way.", { source: 2 });
    expect(fires("figures-conflict", { name: "", a: workers, b: inside, signals: { gap: 0 } })).toMatchObject({ kind: "numeric" });
    // Dead and hurt are counts of their own, never of everyone inside.
    const dead = claim("Officials said 1,135 were killed when the floors gave way.", { source: 3 });
    expect(fires("figures-conflict", { name: "", a: dead, b: inside, signals: { gap: 0 } })).toBeUndefined();
  });

  test.each<Case>([
    {
      name: "“250 persons” and “over 250” workers agree",
      a: claim("In the recent past, the paramilitary force proved that the MQM was behind the Baldia Town factory fire in which 250 persons were killed.", {
        source: 2,
      }),
      b: claim(
        "He elaborated, “Nobody is safe at the hands of the party’s armed wing…with the revelation of the Joint Investigation Team (JIT) report in which Hussain’s party has been held responsible for the killing of over 250 Baldia Town factory workers.”",
        { source: 2 },
      ),
    },
    {
      name: "two people aged 36",
      a: claim(
        "At age 36, Mustafa Kamal is a young mayor overseeing an ethnically diverse population of over 16 million people in a city with enormous infrastructure challenges (see also Ref B).",
        { source: 3 },
      ),
      b: claim("Ms Siddiqui, 36, shook her head as the judge read the allegations about her trying to shoot a soldier.", { source: 3 }),
    },
    {
      name: "a 10-day mourning period and a six-week period before a divorce",
      a: claim("MQM party officials in the party's stronghold of Karachi declared a 10-day period of mourning.", { source: 3 }),
      b: claim("Their family never kept me posted on anything in the six-week period between our verbal and written divorce.", { source: 3 }),
    },
    {
      name: "up to 20 years on each count against an 86-year sentence",
      a: claim("Ms Siddiqui faces up to 20 years in prison on each count if convicted.", { source: 3 }),
      b: claim("Altaf Hussain deplored the 86-year imprisonment awarded to the daughter of the nation, Dr. Aafia Siddiqui.", { source: 3 }),
    },
  ])("does not fire: $name", (example) => {
    expect(fires("figures-conflict", example)).toBeUndefined();
  });

  test("figures carry their unit, bounds and what they count", () => {
    expect(extractQuantities("About 8 to 10 individuals attended the conference.")).toMatchObject([
      { dimension: "people", low: 8, high: 10, modality: "estimate" },
    ]);
    expect(extractQuantities("more than 100 people lost their lives")).toMatchObject([{ measure: "death", low: 100, allowHigh: null, bound: "min" }]);
    expect(extractQuantities("imprisoned in Bagram for 18 days")).toMatchObject([{ dimension: "duration", low: 18, high: 18 }]);
    expect(extractQuantities("faces up to 20 years in prison on each count")).toMatchObject([{ dimension: "duration", allowLow: 0, bound: "max" }]);
    expect(extractQuantities("the 42-year-old is shown")).toEqual([]);
  });
});

describe("dates-disagree: different dates for the same event", () => {
  test("Aafia picked up in April 2003, or in March 2003", () => {
    const example: Case = {
      name: "",
      a: claim("Soon after I learnt that in April 2003, Aafia and our children had been picked up by agencies.", { speaker: "Muhammad Amjad Khan", source: 3 }),
      b: claim(
        "Like the coordinates of Dr Aafia Siddiqui remained a mystery after she was allegedly picked up in March 2003, Dr Amjad believes Aafia's family may be using the same tactics in the case of his two children, who are reportedly missing.",
        { source: 3 },
      ),
    };
    const match = fires("dates-disagree", example);
    expect(match).toMatchObject({ kind: "date" });
    expect(match!.explanation).toMatch(/^Different dates for picked.*: “April 2003” vs “March 2003”\.$/);
  });

  test("arrested on 28 April, or in custody since his arrest on April 29: the date of one arrest", () => {
    const example: Case = {
      name: "",
      a: claim("Rana fled and was arrested by the Rapid Action Battalion at Benapole, near the Indian border, on 28 April 2013.", { source: 3 }),
      b: claim("Rana has been in custody since his arrest on April 29, 2013.", { source: 5 }),
    };
    expect(fires("dates-disagree", example)).toMatchObject({ kind: "date" });
  });

  test.each<Case>([
    {
      name: "an arrest on one day and a factory reopening on the next",
      a: claim("Rana fled and was arrested by the Rapid Action Battalion at Benapole, near the Indian border, on 28 April 2013.", { source: 3 }),
      b: claim("Rana's other factory in Savar reopened on April 29, 2013, its owners said.", { source: 5 }),
    },
    {
      name: "two different events that both mention RAW",
      a: claim(
        "On August 24, 2016, Altaf Hussain’s leaked phone call to MQM exposed foreign connections of the MQM and its chief Altaf Hussain when he asked USA, Indian secret agency RAW and even Israel for help to disintegrate Pakistan.",
        { source: 2 },
      ),
      b: claim(
        "On April 30, 2015, during a press conference, while presenting two terrorists who he claimed belonged to the MQM, SSP Malir, Karachi Rao Anwar disclosed, “Key MQM leaders have connections with Indian spy agency RAW”, adding that the arrested MQM workers had received training from RAW.",
        { source: 2 },
      ),
    },
    {
      name: "two press conferences on the same day",
      a: claim(
        "In this regard, some online sources pointed out that on April 30, 2017, MQM USA Washington DC chapter held a press conference at Comfort Inn Hotel, Springfield, Virginia from 1800–1900 hours.",
        { source: 2 },
      ),
      b: claim(
        "These online sources also disclose that on April 30, 2017, MQM USA Chicago Chapter also held a press Conference at MQM office Chicago from 1830-1930 hours.",
        { source: 2 },
      ),
    },
  ])("does not fire: $name", (example) => {
    expect(fires("dates-disagree", example)).toBeUndefined();
  });

  test("dates keep their precision", () => {
    expect(dates("on April 30, 2017, MQM USA")).toMatchObject([{ precision: "day", from: 20170430, to: 20170430 }]);
    expect(dates("picked up in March 2003")).toMatchObject([{ precision: "month", from: 20030301 }]);
    expect(dates("the first major clashes took place in 1985-86")).toMatchObject([{ precision: "year", from: 19850101, to: 19861231 }]);
  });
});

describe("opposite-stances: editors marked one topic supported and opposed", () => {
  const quiggin =
    "“The MQM has a long and well-deserved reputation for violence, extortion and other criminal acts such as murder,” said Tom Quiggin, a former RCMP terrorism expert now working at Nanyang Technological University in Singapore.";
  const baqri = "But he said neither he nor the MQM had ever been involved in violence, and the memo sent to the Prime Minister’s Office is inaccurate.";

  test("Quiggin supports and Baqri opposes “Was the MQM involved in violence?”", () => {
    const example: Case = {
      name: "",
      a: claim(quiggin, { speaker: "Tom Quiggin", topic: 7, stance: "supports" }),
      b: claim(baqri, { speaker: "Syed Safdar Ali Baqri", topic: 7, stance: "opposes" }),
    };
    const match = fires("opposite-stances", example);
    expect(match).toMatchObject({ kind: "other" });
    expect(match!.explanation).toBe("On “Was the MQM involved in violence?”, Tom Quiggin supports it and Syed Safdar Ali Baqri opposes it.");
  });

  test.each<Case>([
    {
      name: "same stance",
      a: claim(quiggin, { speaker: "Tom Quiggin", topic: 7, stance: "supports" }),
      b: claim(baqri, { speaker: "Syed Safdar Ali Baqri", topic: 7, stance: "supports" }),
    },
    {
      name: "different topics",
      a: claim(quiggin, { speaker: "Tom Quiggin", topic: 7, stance: "supports" }),
      b: claim(baqri, { speaker: "Syed Safdar Ali Baqri", topic: 8, stance: "opposes" }),
    },
  ])("does not fire: $name", (example) => {
    expect(fires("opposite-stances", example)).toBeUndefined();
  });
});

describe("actors-disagree and competing-blame: one actor contradicting another", () => {
  test("the memo accuses the MQM of murder; Baqri says it was never involved in violence", () => {
    const example: Case = {
      name: "",
      a: claim(
        "The four-page memorandum, released under the Access to Information Act, says the MQM is a Pakistani political party with a history of involvement in ethnic riots, kidnapping, torture and murder.",
        { speaker: "Privy Council Office", at: 100 },
      ),
      b: claim("But he said neither he nor the MQM had ever been involved in violence, and the memo sent to the Prime Minister’s Office is inaccurate.", {
        speaker: "Syed Safdar Ali Baqri",
        at: 2000,
      }),
    };
    const match = fires("actors-disagree", example);
    expect(match).toMatchObject({ kind: "attribution" });
    expect(match!.explanation).toMatch(/^Privy Council Office and Syed Safdar Ali Baqri give opposing accounts of .*memo/);
  });

  test("the memo blames the MQM for the riots, Baqri blames the ISI", () => {
    const example: Case = {
      name: "",
      a: claim("“MQM was the main player in the ethnic riots of 1986-87,” the Canadian government memo says.", { speaker: "Privy Council Office", at: 100 }),
      b: claim("He said the riots were instigated by Pakistan’s ISI military intelligence service.", { speaker: "Syed Safdar Ali Baqri", at: 300 }),
      signals: { gap: 1 },
    };
    const match = fires("competing-blame", example);
    expect(match).toMatchObject({ kind: "attribution" });
    expect(match!.explanation).toBe("Privy Council Office and Syed Safdar Ali Baqri blame different parties for the riots: MQM vs ISI.");
  });

  test.each<Case>([
    {
      name: "two MQM denials",
      a: claim("But he said neither he nor the MQM had ever been involved in violence, and the memo sent to the Prime Minister’s Office is inaccurate.", {
        speaker: "Syed Safdar Ali Baqri",
        source: 1,
      }),
      b: claim("The MQM-A routinely denied any involvement in the violence.", { speaker: "MQM-A", source: 5 }),
    },
    {
      name: "Musharraf deploring the murder and Hussain blaming the MQM's enemies",
      a: claim(
        'Asked by the Sunday Telegraph about his reaction to Farooq\'s murder, Musharraf said: "It is terrible that such an assassination could happen in a place like London."',
        { speaker: "Pervez Musharraf", source: 3, at: 100 },
      ),
      b: claim('Hussain, who also lives in exile in London, has said "enemies of the MQM" killed Farooq and they will try to kill him.', {
        speaker: "Altaf Hussain",
        source: 3,
        at: 300,
      }),
      signals: { gap: 1 },
    },
  ])("does not fire: $name", (example) => {
    expect(fires("actors-disagree", example)).toBeUndefined();
    expect(fires("competing-blame", example)).toBeUndefined();
  });
});

describe("contrasting-account: a sentence set against the one before it", () => {
  test("police say shoot-out; “Despite this”, the family says the men were arrested at home", () => {
    const example: Case = {
      name: "",
      a: claim(
        "When officers examined the wreckage of his car they found a weapons cache which included machine guns, AKMs, 4 thousand rounds of ammunition and even an RPG-7.",
        { source: 5, at: 100 },
      ),
      b: claim("Despite this, their family members claimed that the men had earlier been arrested from their homes.", { source: 5, at: 200 }),
      signals: { gap: 0 },
    };
    const match = fires("contrasting-account", example);
    expect(match).toMatchObject({ kind: "other" });
    expect(match!.explanation).toContain("“Despite this”");
  });

  test("“Nevertheless”: the party rejected Hussain's return, yet Sattar says he could be induced to return", () => {
    const example: Case = {
      name: "",
      a: claim(
        "Kamal, Sattar and Rizvi all confirmed that Altaf Hussain had expressed an interest in returning to Pakistan, but this idea had been rejected by the party.",
        { speaker: "Mustafa Kamal", source: 3, at: 100 },
      ),
      b: claim(
        "Nevertheless, while leaving dinner, Sattar indicated that Hussain could, in fact, be induced to return with the right deal for inclusion in a coalition government.",
        { speaker: "Farooq Sattar", source: 3, at: 300 },
      ),
      signals: { gap: 1 },
    };
    const match = fires("contrasting-account", example);
    expect(match).toMatchObject({ kind: "other" });
    expect(match!.explanation).toMatch(/“Nevertheless”\), about return/);
  });

  test("does not fire when a speaker goes on with “But”", () => {
    const example: Case = {
      name: "",
      a: claim(
        "Amjad added that he was tempted to use other means to try and rescue his children in these past five years especially since he had evidence that were missing or kidnapped, he claimed.",
        { speaker: "Muhammad Amjad Khan", source: 3, at: 100 },
      ),
      b: claim("But I chose to be patient and pursued the case according to the law.", { speaker: "Muhammad Amjad Khan", source: 3, at: 200 }),
      signals: { gap: 0 },
    };
    expect(fires("contrasting-account", example)).toBeUndefined();
  });
});

test("the same sentence twice is a duplicate, never a contradiction", () => {
  const quote =
    "Additionally, MQM was accused of operating as a mafia organization where its heavily armed militants used extortion and coercion to increase their influence.";
  expect(detectCues(claim(quote, { source: 5 }), claim(quote, { source: 5 }), { similarity: 1 }, vocabulary)).toEqual([]);
});
