// Whether two claims state the same proposition (lib/propositions/match.ts), on sentences from the labelled sets.
import { describe, expect, test } from "vitest";
import { judgeSameness, matchClaims, MATCH_THRESHOLD } from "@/lib/propositions/match";
import type { CueClaim } from "@/lib/contradictions/judge";
import { Vocabulary } from "@/lib/text/terms";

const SENTENCES = [
  "Karachi commissioner Roshan Shaikh said the death toll stood at 258, down from the 289 announced on Wednesday, and that 82 bodies were still unidentified.",
  "Police surgeon Dr Kamaluddin Shaikh put the toll at around 259.",
  "The fire killed 259 workers.",
  "The fire on September 11, 2012, killed 259 workers, making it the worst industrial disaster in Pakistan's history.",
  "262 people were burned alive because of one family's greed, and now two MQM workers will hang for it.",
  "The Sindh High Court on Monday upheld the death sentences of Abdul Rehman alias Bhola and Zubair alias Charya.",
  "Home Minister Muhiuddin Khan Alamgir told the BBC on Wednesday that activists enforcing the opposition's nationwide strike had shaken the building's pillars.",
  "Home Minister Muhiuddin Khan Alamgir said in a BBC interview on the day of the collapse that strike supporters shook the pillars and the gate.",
  "In 2015 police charged 41 people, among them Rana, his parents and the factory owners, with murder.",
  "Police filed murder charges on June 1 against 41 people, including the building's owner, Sohel Rana.",
  "The government's own committee said it was bad cement and generators on the top floors.",
];
const vocabulary = Vocabulary.from(SENTENCES);

let nextId = 1;
function claim(quote: string, source: number, speakerName: string | null = null, speakerId?: number): CueClaim {
  const id = nextId++;
  return {
    id,
    quote,
    sourceId: source,
    sourceTitle: `Source ${source}`,
    startOffset: id * 100,
    speakerId: speakerName ? (speakerId ?? id) : null,
    speakerName,
    topicId: null,
    topicTitle: null,
    stance: "unclear",
  };
}

describe("matching claims into propositions", () => {
  test("the same sentence in a repost is one proposition, however many figures it holds", () => {
    const original = claim(SENTENCES[0]!, 1, "Roshan Shaikh");
    const repost = claim(SENTENCES[0]!, 2, "Roshan Shaikh");
    const match = matchClaims(original, repost, {}, vocabulary);
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match?.reason).toBe("the same sentence");
  });

  test("one toll told in other words is one proposition", () => {
    const match = matchClaims(claim(SENTENCES[2]!, 3), claim(SENTENCES[3]!, 5), {}, vocabulary);
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match?.reason).toContain("the same figure");
  });

  test("rival tolls are kept apart", () => {
    expect(judgeSameness(claim(SENTENCES[2]!, 3), claim(SENTENCES[4]!, 4), {}, vocabulary)).toBe("apart");
  });

  test("a figure with no counterpart keeps two claims apart: 258 (down from 289) is not 'around 259'", () => {
    expect(judgeSameness(claim(SENTENCES[0]!, 1, "Roshan Shaikh"), claim(SENTENCES[1]!, 1, "Kamaluddin Shaikh"), {}, vocabulary)).toBe("apart");
  });

  test("one speaker telling one thing twice in other words is one proposition", () => {
    const match = matchClaims(claim(SENTENCES[6]!, 1, "Muhiuddin Khan Alamgir", 900), claim(SENTENCES[7]!, 3, "Muhiuddin Khan Alamgir", 900), {}, vocabulary);
    expect(match?.reason).toContain("the same speaker in the same words");
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Another speaker's sentence with a word or two in common is not a restatement.
    expect(matchClaims(claim(SENTENCES[6]!, 1, "Muhiuddin Khan Alamgir", 900), claim(SENTENCES[10]!, 3, "Committee", 901), {}, vocabulary)).toBeNull();
  });

  test("'charged 41 people with murder' and 'murder charges against 41 people' count the accused alike", () => {
    const match = matchClaims(claim(SENTENCES[8]!, 2, "Police", 910), claim(SENTENCES[9]!, 4), {}, vocabulary);
    expect(match?.reason).toContain("the same figure");
  });
});

// Sentences of our own, on other subjects, for the general rules of paraphrase.
const OWN = [
  "The earthquake killed 143 people, and 61 bodies are yet to be identified.",
  "Provincial officials put the death toll from the earthquake at 143.",
  "Provincial officials put the death toll from the earthquake at 151.",
  "Ortiz said the floodgates were shut at noon.",
  "Ortiz told reporters that crews closed the floodgates before the river peaked.",
  "The river rose two metres overnight.",
  "Schools stayed closed on Monday.",
  "The bridge reopened to traffic.",
  "Crews worked through the night.",
  "Fire chief Dana Kowalski said the blaze started in a storage room on the third floor.",
  "Kowalski repeated the claim at a news conference on Friday.",
  "Skimmers recovered approximately 800,000 gallons of oil from the bay before the storm.",
  "The tally leaves out the roughly 810,000 gallons that were collected in the bay.",
  "The tally leaves out the roughly 810,000 gallons that spilled in the bay.",
  "Meridian Water said the dam's spillway gates had jammed.",
  "A Meridian Water spokesman told the inquiry that the spillway gates jammed in the flood.",
  "Engineers put the seepage through the dam wall at about 2,000 litres an hour.",
  "Inspectors said the seepage through the dam wall was more than 2,000 litres an hour.",
  "Inspectors found that an evacuation order had been issued at the colliery before the blast.",
  "The colliery's managers issued an order to evacuate before the blast.",
  "The colliery's managers ordered the canteen staff to clean the kitchens.",
  "Harlow Chemicals never owned or operated the Tarrant mill.",
  "There are some who keep trying to tie Harlow to Tarrant, but the fact is that Harlow never owned or operated the mill.",
  "Harlow Chemicals owned and operated the Tarrant mill.",
  "The harbour master was jailed for six years for taking bribes.",
  "The salt had sat in the warehouse for six years before the fire.",
  "The storm killed 12 people in Halden and caused about $40 million in damage to the harbour.",
  "Insurers put the damage to the Halden harbour from the storm at about $40 million.",
  "The Norvale Evening Courier was sold.",
  "Three Norvale Evening Courier reporters were hurt in the crush at the stadium.",
  "Three reporters of the Norvale Evening Courier were hurt in the crush.",
  "The 9,400-ton freighter left Tarvik two hours late.",
  "Tug crews said the 9,400-ton freighter had lost power before it grounded.",
  "The survey teams estimate that about 3,200 hectares of the Corran forest were lost in the fire.",
  "The survey teams on Monday released refined estimates of the Corran forest fire.",
  "Demographers estimated that 1,850 more people died in the Varna heatwave than in an ordinary summer.",
  "The demographers' report found an estimated 1,850 excess deaths during the Varna heatwave.",
  "Hospitals said 1,850 more patients were admitted during the Varna heatwave.",
  "The port authority paid 90 million euros (equivalent to 120 million euros in 2024) to the fishermen of Varna.",
  "The fishermen of Varna received 90 million euros from the port authority.",
];
const own = Vocabulary.from(OWN);

describe("general rules of paraphrase", () => {
  test("a claim that gives a second figure of the same kind still states the toll it shares with a shorter claim", () => {
    const match = matchClaims(claim(OWN[0]!, 20), claim(OWN[1]!, 21, "Provincial officials", 920), {}, own);
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match?.reason).toContain("the same figure: 143");
    // With no figure in common, the second figure is a rival toll, as the first is.
    expect(judgeSameness(claim(OWN[0]!, 20), claim(OWN[2]!, 21, "Provincial officials", 920), {}, own)).toBe("apart");
  });

  test("one speaker saying the same thing of the same things in other words is restating it", () => {
    const restated = matchClaims(claim(OWN[3]!, 22, "Lina Ortiz", 930), claim(OWN[4]!, 23, "Lina Ortiz", 930), {}, own);
    expect(restated?.reason).toContain("the same speaker: both say shut (floodgat)");
    expect(restated?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Within one document a speaker goes on about one affair: two of their sentences there are not a restatement.
    const sameDocument = matchClaims(claim(OWN[3]!, 22, "Lina Ortiz", 930), claim(OWN[4]!, 22, "Lina Ortiz", 930), {}, own);
    expect(sameDocument?.score ?? 0).toBeLessThan(MATCH_THRESHOLD);
    // From two people, one predication over one shared word is weaker evidence: alone it does not group them.
    const twoPeople = matchClaims(claim(OWN[3]!, 22, "Lina Ortiz", 930), claim(OWN[4]!.replace("Ortiz", "Bell"), 23, "Marco Bell", 931), {}, own);
    expect(twoPeople?.score ?? 0).toBeLessThan(MATCH_THRESHOLD);
  });

  test("'X repeated the claim' states what X claimed just before it", () => {
    const said = claim(OWN[9]!, 24, "Dana Kowalski", 940);
    const repeated = claim(OWN[10]!, 24, "Dana Kowalski", 940);
    expect(matchClaims(said, repeated, { gap: 0 }, own)?.reason).toBe("the speaker repeats it");
    // Far down the page, or from someone else, it points back to something else.
    expect(matchClaims(said, repeated, { gap: 6 }, own)?.reason).not.toBe("the speaker repeats it");
    expect(matchClaims(said, claim(OWN[10]!, 24, "Tom Reyes", 941), { gap: 0 }, own)?.reason).not.toBe("the speaker repeats it");
  });

  test("two roundings of one estimate of the same thing are one figure", () => {
    const match = matchClaims(claim(OWN[11]!, 25), claim(OWN[12]!, 26), {}, own);
    expect(match?.reason).toContain("the same figure: approximately 800,000 gallons / roughly 810,000 gallons");
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // The same number of gallons spilled is another measure.
    expect(matchClaims(claim(OWN[11]!, 25), claim(OWN[13]!, 26), {}, own)).toBeNull();
  });

  test("a body and its spokesman restating a predication are one speaker", () => {
    const match = matchClaims(claim(OWN[14]!, 27, "Meridian Water", 950), claim(OWN[15]!, 28, "Meridian Water spokesman", 951), {}, own);
    expect(match?.reason).toContain("the same speaker: both say jam");
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  test("a bound is no rounding of the figure it names: 'more than 2,000' is not 'about 2,000'", () => {
    const match = matchClaims(claim(OWN[16]!, 29, "Engineers", 960), claim(OWN[17]!, 30, "Inspectors", 961), {}, own);
    expect(match?.reason ?? "").not.toContain("the same figure");
  });

  test("a noun and the verb it is a form of are one word: 'an evacuation order' / 'an order to evacuate'", () => {
    const match = matchClaims(claim(OWN[18]!, 31, "Inspectors", 970), claim(OWN[19]!, 32), {}, own);
    expect(match?.reason).toContain("the same words in other forms (evacuation/evacuate");
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    // Sharing the colliery and an order is not saying the same thing.
    expect(matchClaims(claim(OWN[18]!, 31, "Inspectors", 970), claim(OWN[20]!, 32), {}, own)?.reason ?? "").not.toContain("other forms");
  });

  test("a denial told twice is one denial: words of dispute do not set two claims holding one predication against each other", () => {
    const match = matchClaims(claim(OWN[21]!, 33), claim(OWN[22]!, 34, "Ruth Keane", 980), {}, own);
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match?.reason).toContain("both say not own");
    // Held the other way ("owned and operated"), the denial answers it.
    expect(judgeSameness(claim(OWN[23]!, 33), claim(OWN[22]!, 34, "Ruth Keane", 980), {}, own)).toBe("apart");
  });

  test("a sentence giving figures of several measures states its first: a toll with damage added is not a damage figure", () => {
    const toll = claim(OWN[26]!, 37);
    expect(matchClaims(toll, claim(OWN[27]!, 38, "Insurers", 990), {}, own)?.reason ?? "").not.toContain("the same figure");
    // The same sum as the first figure of both is.
    const damage = claim(OWN[26]!.replace("The storm killed 12 people in Halden and caused", "The storm caused"), 39);
    expect(matchClaims(damage, claim(OWN[27]!, 38, "Insurers", 990), {}, own)?.reason).toContain("the same figure: about $40 million");
  });

  test("the words of one name are one thing in common: 'Norvale Evening Courier' in two sentences is not three shared words", () => {
    expect(matchClaims(claim(OWN[28]!, 40), claim(OWN[29]!, 41), {}, own)).toBeNull();
    const match = matchClaims(claim(OWN[30]!, 42), claim(OWN[29]!, 41), {}, own);
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  test("'the 9,400-ton freighter' says what kind of ship it is: two sentences about it share no reported figure", () => {
    const match = matchClaims(claim(OWN[31]!, 43), claim(OWN[32]!, 44, "Tug crews", 995), {}, own);
    expect(match?.reason ?? "").not.toContain("the same figure");
    expect(match?.score ?? 0).toBeLessThan(MATCH_THRESHOLD);
  });

  test("a claim about a figure is not stated by a sentence that names no figure of its kind, whatever words they share", () => {
    expect(matchClaims(claim(OWN[33]!, 45, "Survey teams", 996), claim(OWN[34]!, 46, "Survey teams", 996), {}, own)).toBeNull();
  });

  test("'N more died than …' and 'N excess deaths' are one count of the excess dead; 'N more admitted' is an increment", () => {
    const match = matchClaims(claim(OWN[35]!, 47, "Demographers", 997), claim(OWN[36]!, 48), {}, own);
    expect(match?.reason).toContain("the same figure: 1,850 more people / an estimated 1,850 excess deaths");
    expect(match?.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(matchClaims(claim(OWN[37]!, 49, "Hospitals", 998), claim(OWN[36]!, 48), {}, own)?.reason ?? "").not.toContain("the same figure");
  });

  test("a sum restated in another year's prices is no rival sum: 90 million euros (120 million in 2024) is 90 million euros", () => {
    const match = judgeSameness(claim(OWN[38]!, 50), claim(OWN[39]!, 51), {}, own);
    expect(match).not.toBe("apart");
    expect(match && match !== "apart" ? match.reason : "").toContain("the same figure: 90 million euros / 90 million euros");
  });

  test("a stretch of time is a small count of its unit: 'six years' in two sentences is no telling figure", () => {
    const match = matchClaims(claim(OWN[24]!, 35), claim(OWN[25]!, 36), {}, own);
    expect(match?.score ?? 0).toBeLessThan(MATCH_THRESHOLD);
  });
});
