// Claim facets on real sentences of the labelled sets (tests/fixtures/conflicts) and of the
// seed: figures with their units, rates, bounds and corrections; named parties with one key
// per party; acts of blaming, denying and admitting; predicate polarity; modality; dates.
import { describe, expect, test } from "vitest";
import { computeFacets, facetKeys, keysOfName, quantitiesDisagree, type QuantityFacet } from "@/lib/facets";
import { extractQuantities } from "@/lib/facets/quantities";
import { originPlaces, sameStart } from "@/lib/facets/places";
import { antonyms, derivedVerbs, entailments, isVerbKindOf, synonyms } from "@/lib/text/wordnet";

const BARREL_LITRES = 158.987294928;

function only(text: string): QuantityFacet {
  const figures = extractQuantities(text);
  expect(figures, text).toHaveLength(1);
  return figures[0]!;
}

describe("figures", () => {
  test("“53,000 barrels per day” is a flow rate of oil, not 53,000 days", () => {
    const flow = only("The well was leaking about 53,000 barrels per day when it was capped on July 15, 2010.");
    expect(flow).toMatchObject({ dimension: "volume", measure: "flow", rate: "day", modality: "estimate" });
    expect(flow.low / BARREL_LITRES).toBeCloseTo(53_000, 0);
  });

  test.each([
    ["Government scientists said 53,000 to 62,000 barrels per day flowed from the well.", 53_000, 62_000],
    ["On June 10, the group raised its estimate to between 25,000 and 30,000 barrels per day.", 25_000, 30_000],
    ["The panel put the flow at 12,000-19,000 barrels a day.", 12_000, 19_000],
  ])("a range is one figure: %s", (text, low, high) => {
    const flow = only(text);
    expect(flow.low / BARREL_LITRES).toBeCloseTo(low, 0);
    expect(flow.high / BARREL_LITRES).toBeCloseTo(high, 0);
    expect(flow.rate).toBe("day");
  });

  test("a maximum is a figure of its own kind, never a rival of a measured flow", () => {
    const maximum = only("In early May, BP had told members of Congress that its maximum estimated flow would be 60,000 barrels a day.");
    const measured = only("About 53,000 barrels of oil per day were flowing from the well before the cap.");
    expect(maximum.measure).toBe("flow-max");
    expect(quantitiesDisagree(maximum, measured)).toBe(false);
    const otherMaximum = only("In a worst case the well could release as much as roughly 100,000 barrels of oil a day.");
    expect(quantitiesDisagree(maximum, otherMaximum)).toBe(true);
  });

  test("“at least 17 people had died, not eleven”: a count so far, and the figure it rejects", () => {
    const corrected = only("Zohra Yusuf said that at least 17 people had died, not eleven.");
    expect(corrected).toMatchObject({ dimension: "people", measure: "death", low: 17, bound: "min", rejects: 11 });
    const police = only("At least eleven people were killed when gunmen opened fire on a market, police said.");
    expect(police).toMatchObject({ measure: "death", low: 11, text: "at least eleven people" });
    expect(quantitiesDisagree(corrected, police)).toBe(true);
  });

  test("“262 people were burned alive” and “around 259 workers were burnt alive” are rival death tolls", () => {
    const a = only("262 people were burned alive because of one family's greed.");
    const b = only("Around 259 workers were burnt alive.");
    expect([a.measure, b.measure]).toEqual(["death", "death"]);
    expect(quantitiesDisagree(a, b)).toBe(true);
  });

  test.each([
    ["More than 250 workers died in the blaze.", "The fire killed 259 workers."],
    ["The fire killed more than 255 of our fellow workers.", "The fire killed 259 workers."],
    ["In all, 4.9 million barrels of oil leaked.", "Roughly 206 million gallons of oil leaked."],
    ["About 60,000 barrels a day escaped.", "53,000 to 62,000 barrels per day flowed from the well."],
  ])("compatible figures do not disagree: %s / %s", (first, second) => {
    const [a] = extractQuantities(first);
    const [b] = extractQuantities(second);
    expect(a && b && quantitiesDisagree(a, b)).toBe(false);
  });

  test("gallons and barrels are converted to one unit", () => {
    const gallons = only("Roughly 206 million gallons of oil leaked.");
    expect(gallons.low / BARREL_LITRES / 1e6).toBeCloseTo(4.9, 1);
  });

  test("the dead, the injured and the accused are different counts", () => {
    const [killed, injured] = extractQuantities("On 5 September 1995, 8 MQM supporters were killed and 11 were injured.");
    expect([killed?.measure, injured?.measure]).toEqual(["death", "injury"]);
    expect(only("Two men were sentenced to death on Tuesday for starting the fire.").measure).not.toBe("death");
  });

  test("money keeps its currency; sums glued to the currency sign are read", () => {
    expect(only("A party official had demanded Rs200 million in bhatta from the owners.")).toMatchObject({ dimension: "money", currency: "PKR", low: 200e6 });
    expect(only("KiK paid nearly $2 million in compensation.")).toMatchObject({ dimension: "money", currency: "USD" });
  });

  test("years, days of the month, ordinals, ages and citation markers are not figures", () => {
    expect(extractQuantities("[7][8] On 22 December 2016 the 42-year-old confessed on the first floor.")).toEqual([]);
  });

  test("what is added to a count or left of a whole is a part of it, not the count; a reported clause after “added” is not", () => {
    expect(only("Rescuers added three more names to the list of the missing on Tuesday.").part).toBe(true);
    expect(only("Divers brought up a further 14 bodies overnight.").part).toBe(true);
    // After a death toll, "another 57 were injured" counts other people: the whole count of the injured.
    expect(only("Another 57 were injured when the roof fell in.").part).toBeUndefined();
    expect(only("The harbour master asked where the other 1,800 tonnes had gone.").part).toBe(true);
    expect(only("The remaining 60 workers were pulled out alive.").part).toBe(true);
    expect(only("The spokesman added 31 people had died in the stampede.").part).toBeUndefined();
    expect(only("Officials added that 12 people were still in hospital.").part).toBeUndefined();
  });

  test("“N more … than …” is by how many one count exceeds another, the count reported; “N more” alone is an increment", () => {
    const excess = only("The survey found that 1,200 more children died in the drought year than in an ordinary one.");
    expect([excess.low, excess.measure, excess.part]).toEqual([1200, "death", undefined]);
    expect(only("Medics said 40 more patients were admitted overnight.").part).toBe(true);
    // A "than" in a later clause compares something else: the figure is still what was added.
    expect(only("Divers found 12 more bodies; the search took longer than planned.").part).toBe(true);
  });

  test("the verb of harm right before a bare figure counts it: 'killed 218 people, wounded about 7,000'", () => {
    const measures = (text: string) => extractQuantities(text).map((figure) => [figure.low, figure.measure]);
    expect(measures("The blast killed 61 people, wounded about 2,400 and damaged the port.")).toEqual([
      [61, "death"],
      [2400, "injury"],
    ]);
    // The verb right before the figure is one of death: the wounding earlier in the sentence does not count it.
    expect(measures("The gunmen wounded two guards and then killed about 14.")[1]).toEqual([14, "death"]);
  });

  test("a bare figure taken 'as the toll' is a count of the dead; 'as the fee' is not", () => {
    expect([only("The ministry gave 58 as its new death toll.").measure, only("The mayor accepted 412 as the official toll on Friday.").measure]).toEqual([
      "death",
      "death",
    ]);
    expect(extractQuantities("The club listed 300 as the fee for new members.")).toEqual([]);
  });

  test("a sum restated in other money or another year's prices is no sum of its own", () => {
    const sums = extractQuantities("The insurer paid £200 million (equivalent to £310 million in 2020) to the families.");
    expect(sums.map((sum) => sum.low)).toEqual([200_000_000]);
    // Without a sum before it, "equal to" introduces the figure itself.
    expect(extractQuantities("The fine, equal to about $3 million, was paid in rupees.").map((sum) => sum.low)).toEqual([3_000_000]);
    // Two sums side by side, neither restating the other, stay two.
    expect(extractQuantities("The company paid $20 million, and the union asked for $40 million.")).toHaveLength(2);
  });

  test("“excess deaths” are deaths; a confidence level is no figure, and its interval counts what the estimate counts", () => {
    const [estimate, interval, ...rest] = extractQuantities(
      "The survey estimated 2,310 excess deaths in the province, with a 95% confidence interval of 1,020 to 3,600.",
    );
    expect(estimate).toMatchObject({ measure: "death", low: 2310 });
    expect(interval).toMatchObject({ measure: "death", low: 1020, high: 3600 });
    expect(rest).toEqual([]);
    expect(extractQuantities("About 62% of voters backed the plan, within a 95 percent confidence level.").map((figure) => figure.low)).toEqual([62]);
  });

  test("a toll named to be denied (“3,000 people did not die”) is no count of the claim's; “the die was cast” is no death", () => {
    expect(only("He insisted that 3,000 people did not die in the storm.")).toMatchObject({ measure: "death", denied: true, refuted: true });
    expect(only("Officials said 3,000 people didn't die.")).toMatchObject({ denied: true });
    expect(only("Forty people would die if the dam broke.")).toMatchObject({ measure: "death" });
    expect(only("Forty people would die if the dam broke.").denied).toBeUndefined();
    expect(only("The die was cast when 40 people voted.").measure).not.toBe("death");
  });

  test("a percentage that is a change or a gap compares only with a change of the same thing, never with a share", () => {
    const [gap] = extractQuantities("The risk of dying was 60 percent higher in the poorest districts than in the richest.");
    const [otherGap] = extractQuantities("Residents over 65 faced a risk 35 percent higher than younger ones.");
    const [share] = extractQuantities("Karachi provides 68% of all tax revenues.");
    const [rise, otherRise] = [extractQuantities("Sales rose 12 percent in May.")[0]!, extractQuantities("Sales rose 8 percent in May.")[0]!];
    expect(gap).toMatchObject({ change: true });
    expect(share!.change).toBeUndefined();
    expect(quantitiesDisagree(gap!, otherGap!)).toBe(false);
    expect(quantitiesDisagree(gap!, share!)).toBe(false);
    expect(quantitiesDisagree(rise, otherRise)).toBe(true);
  });

  test("“raised the toll from 64 to 2,975” is a change from one figure to another, not a range; “ranged from … to …” is a range", () => {
    const [before, after] = extractQuantities("On Tuesday the governor raised the official death toll from 58 to 1,640.");
    expect(before).toMatchObject({ low: 58, high: 58, superseded: true });
    expect(after).toMatchObject({ measure: "death", low: 1640, high: 1640, revisedFrom: 58 });
    expect(only("Estimates ranged from 12,000 to 19,000 barrels a day.")).toMatchObject({ low: expect.any(Number), rate: "day" });
    expect(only("Estimates ranged from 12,000 to 19,000 barrels a day.").high).toBeGreaterThan(
      only("Estimates ranged from 12,000 to 19,000 barrels a day.").low,
    );
  });

  test("a worst case or a forecast is no evidence: its modality says so", () => {
    const [figure] = extractQuantities("If the cap failed, the flow could reach 80,000 barrels a day.");
    expect(figure?.modality).toBe("hypothetical");
  });
});

describe("entities, acts and predicates", () => {
  test("“the MQM”, “Muttahida Qaumi Movement (MQM)” and “MQM-A” answer to one key", () => {
    for (const quote of [
      "The MQM denied any involvement.",
      "The JIT held the Muttahida Qaumi Movement (MQM) responsible for it.",
      "The MQM-A routinely denied any involvement in the violence.",
    ]) {
      expect(
        computeFacets({ quote }).entities.flatMap((entity) => entity.keys),
        quote,
      ).toContain("mqm");
    }
  });

  test("“Mr. Mahmood” shares a key with “Senior Superintendent of Police Rashid Mahmood”", () => {
    const keys = computeFacets({ quote: "Senior Superintendent of Police Rashid Mahmood told reporters at the scene." }).entities.flatMap(
      (entity) => entity.keys,
    );
    expect(keys).toContain("mahmood");
    expect(computeFacets({ quote: "Mr. Mahmood said the gunmen were linked to the MQM." }).entities.flatMap((entity) => entity.keys)).toContain("mahmood");
  });

  test.each<[string, string | null, string | null, string, string[]]>([
    ["Mr. Mahmood said the gunmen were linked to the MQM.", "said", "Rashid Mahmood", "accuses", ["mqm"]],
    ["The JIT held the Muttahida Qaumi Movement (MQM) responsible for it.", null, null, "accuses", ["mqm"]],
    ["Markey said BP had understated the size of the spill.", "said", "Ed Markey", "accuses", ["bp"]],
    ["The MQM denied any involvement.", "denied", "MQM", "denies", ["mqm"]],
    ["MQM was not involved in the Baldia factory fire.", null, null, "denies", ["mqm"]],
    ["The court acquitted MQM-P leader Rauf Siddiqui for lack of evidence.", null, null, "denies", ["rauf siddiqui"]],
    ["Our original estimates were significantly off, a BP spokesman admitted.", "admitted", "BP", "admits", ["bp"]],
    ["I don't think there's been any underestimating.", null, "Tony Hayward", "denies", ["hayward"]],
  ])("%s → %s", (quote, cue, speakerName, act, targets) => {
    const facets = computeFacets({ quote, cue, speakerName });
    const found = facets.acts.find((candidate) => candidate.act === act);
    expect(found, JSON.stringify(facets.acts)).toBeDefined();
    for (const target of targets) expect(found!.targets).toContain(target);
  });

  test("the accuser is not the accused", () => {
    const facets = computeFacets({ quote: "Mr. Mahmood said the gunmen were linked to the MQM.", cue: "said", speakerName: "Rashid Mahmood" });
    expect(facets.acts[0]!.targets).not.toContain("mahmood");
  });

  test("a fault predicated of a subject accuses the subject, not the victim named after it; a passive report quotes no one", () => {
    const facets = computeFacets({
      quote:
        "Khalid Shamim, who also belongs to Muttahida Qaumi Movement (MQM) is said to be the mastermind of Dr Imran's murder, and two other youth were reported arrested.",
    });
    const accusation = facets.acts.find((act) => act.act === "accuses")!;
    expect(accusation.targets).toContain("mqm");
    expect(accusation.targets).toContain("khalid shamim");
    expect(accusation.targets).not.toContain("imran");
    const behind = computeFacets({ quote: "Police said the MQM was behind the killing of Imran Farooq.", cue: "said" });
    expect(behind.acts.find((act) => act.act === "accuses")!.targets).toEqual(expect.arrayContaining(["mqm"]));
    expect(behind.acts.find((act) => act.act === "accuses")!.targets).not.toContain("imran farooq");
  });

  test("a bare plural names a group as a party; a raising verb's negation clears it", () => {
    const cleared = computeFacets({ quote: "The detective told the court that militants did not appear to have been behind the blaze." });
    expect(cleared.entities.flatMap((entity) => entity.keys)).toContain("militants");
    expect(cleared.acts.find((act) => act.act === "denies")?.targets).toContain("militants");
    expect(cleared.acts.map((act) => act.act)).not.toContain("accuses");
    const blamed = computeFacets({ quote: "Gunmen seemed to be behind the attack, witnesses said." });
    expect(blamed.acts.find((act) => act.act === "accuses")?.targets).toContain("gunmen");
    // A singular role noun still needs its article to name one party: "a company" is any company.
    expect(computeFacets({ quote: "Investigators said a company in Dubai had chartered the ship." }).entities.flatMap((entity) => entity.keys)).not.toContain(
      "company",
    );
  });

  test("a function word in capitals is emphasis, not an acronym", () => {
    const keys = (quote: string) => computeFacets({ quote }).entities.flatMap((entity) => entity.keys);
    expect(keys("He WAS arrested, and the charges were NOT dropped.")).toEqual([]);
    expect(keys("THE company IS guilty, the WHO said.")).toEqual(expect.arrayContaining(["company", "who"]));
    expect(keys("THE company IS guilty, the WHO said.")).not.toContain("is");
  });

  test("whom a wrong was done to is neither accused nor cleared", () => {
    const denial = computeFacets({
      quote: "Asked whether party workers were involved in Mr Saleem Shahzad's murder, PPP spokesman Farhatullah Babar rejected the suggestion.",
    }).acts.find((act) => act.act === "denies")!;
    expect(denial.targets).toContain("ppp");
    expect(denial.targets).not.toContain("saleem shahzad");
    const accusation = computeFacets({ quote: "Prosecutors accused Tariq Jamil of the murder of Amina Bibi." }).acts.find((act) => act.act === "accuses")!;
    expect(accusation.targets).toContain("tariq jamil");
    expect(accusation.targets).not.toContain("amina bibi");
    // Named as a party elsewhere in the claim, the same name stays a target.
    const both = computeFacets({ quote: "Police said Rehman's men were behind the killing of Rehman's cousin, which Rehman denied." });
    expect(both.acts.flatMap((act) => act.targets)).toContain("rehman");
  });

  test("a reported accusation under “had no idea” is still an accusation, not a denial", () => {
    const facets = computeFacets({ quote: "Melisa Leclerc said the Minister had no idea Mr. Baqri had been accused of atrocities." });
    expect(facets.acts.map((act) => act.act)).not.toContain("denies");
  });

  test("“neither X nor Y had been involved” denies; a clause after a comma keeps its own polarity", () => {
    const acts = (quote: string) => computeFacets({ quote }).acts.map((act) => act.act);
    expect(acts("The contractor said neither he nor the firm had ever been involved in the tender.")).toEqual(["denies"]);
    expect(acts("Neither the port authority nor the customs office was involved in storing the cargo.")).toEqual(["denies"]);
    expect(acts("Neither bid was accepted, and the firm was later involved in the tender.")).toEqual(["accuses"]);
  });

  test("polarity: negated, asserted, and antonyms folded onto one sense", () => {
    const acquitted = computeFacets({ quote: "The court acquitted Oleg Pulatov." }).predicate!;
    const convicted = computeFacets({ quote: "The court convicted Oleg Pulatov." }).predicate!;
    expect(acquitted.sense).toBe(convicted.sense);
    expect(acquitted.polarity).not.toBe(convicted.polarity);
    expect(computeFacets({ quote: "RINA never visited the factory itself." }).predicate).toMatchObject({ lemma: "visit", polarity: "negated" });
  });

  test("modality and dates", () => {
    expect(computeFacets({ quote: "If the exits had been open, most of the workers could have escaped." }).modality).toBe("hypothetical");
    expect(computeFacets({ quote: "The panel will publish its estimate next week." }).modality).toBe("prediction");
    expect(computeFacets({ quote: "At least 300 people died in the fire." }).modality).toBe("bound");
    expect(computeFacets({ quote: "The fire on September 11, 2012, killed 259 workers." }).dates).toEqual([
      { text: "September 11, 2012", precision: "day", from: 20120911, to: 20120911, event: ["fire"] },
    ]);
  });

  test("a date belongs to the happening its clause names: the verb before it, or the nouns up to it", () => {
    const fled = computeFacets({ quote: "Rana fled and was arrested by the Rapid Action Battalion at Benapole, near the Indian border, on 28 April 2013." });
    expect(fled.dates[0]!.event).toContain("arrest");
    expect(fled.dates[0]!.event).not.toContain("flee");
    const custody = computeFacets({ quote: "Rana has been in custody since his arrest on April 29, 2013." });
    expect(custody.dates[0]!.event).toContain("arrest");
  });

  test("facet keys name the entity, the act towards it and the kind of figure", () => {
    const keys = facetKeys(computeFacets({ quote: "The MQM denied that 262 people were killed by its workers.", cue: "denied", speakerName: "MQM" }));
    expect(keys).toEqual(expect.arrayContaining(["e:mqm", "den:mqm", "q:people:death"]));
  });

  test("a count of workers is also found as a count of people, so a count with no noun meets it", () => {
    const keys = facetKeys(computeFacets({ quote: "The BGMEA put the number of workers in the building at 3,122." }));
    expect(keys).toEqual(expect.arrayContaining(["q:people:people-workers", "q:people:people"]));
  });
});

describe("WordNet", () => {
  test("a noun that names an act leads to its verb; a noun that names a thing leads nowhere", () => {
    expect(derivedVerbs("evacuation")).toContain("evacuate");
    expect(derivedVerbs("confession")).toContain("confess");
    expect(derivedVerbs("door")).toEqual([]);
  });

  test("synonyms, antonyms and entailment come from WordNet 3.1", () => {
    expect(synonyms("accuse", "v", 1)).toContain("incriminate");
    expect(antonyms("acquit", "v")).toContain("convict");
    expect(entailments("kill")).toContain("die");
  });

  test("a verb is a manner of a broader one a step or two up WordNet's hypernyms, not the other way round", () => {
    expect(isVerbKindOf("buy", "acquire")).toBe(true);
    expect(isVerbKindOf("shoot", "kill")).toBe(true);
    expect(isVerbKindOf("acquire", "buy")).toBe(false);
    expect(isVerbKindOf("sell", "acquire")).toBe(false);
  });
});

describe("a correction naming the figure it rejects with an article", () => {
  test("'129 flats, not the 127 everyone quotes' rejects 127 flats; it is no count of quotes", () => {
    const figures = extractQuantities("The block had 129 flats as well, not the 127 everyone quotes.");
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({ text: "129 flats", unit: "flat", rejects: 127 });
  });

  test("a statement's day reaches its verb across a long title and name", () => {
    const [date] = computeFacets({ quote: "On 16 June, Commander Stuart Cundy of the Metropolitan Police said 30 people were confirmed dead." }).dates;
    expect(date).toMatchObject({ text: "16 June", statement: true });
    const [happening] = computeFacets({ quote: "On 16 June the fire in the tower spread to every floor above the fourth." }).dates;
    expect(happening!.statement).toBeUndefined();
  });
});

describe("plural number words name a span", () => {
  test.each([
    ["Relatives still believe hundreds died in the blaze that night.", "death", 200, 999],
    ["Funeral homes say they handled hundreds of deaths the count left out.", "death", 200, 999],
    ["Dozens were injured when the stand collapsed.", "injury", 24, 143],
    ["Tens of thousands of barrels a day were still flowing.", "flow", 20_000 * BARREL_LITRES, 99_999 * BARREL_LITRES],
  ])("%s", (text, measure, low, high) => {
    const figure = only(text);
    expect(figure).toMatchObject({ measure, vague: true, modality: "estimate" });
    expect(figure.allowLow).toBeCloseTo(low, 0);
    expect(figure.allowHigh!).toBeCloseTo(high, 0);
  });

  test("a span agrees with a figure inside it and disagrees with one outside it", () => {
    const hundreds = only("Relatives still believe hundreds died in the blaze that night.");
    expect(quantitiesDisagree(hundreds, only("The fire killed 72 people."))).toBe(true);
    expect(quantitiesDisagree(hundreds, only("The fire killed 272 people."))).toBe(false);
  });

  test("'hundreds of millions of dollars' is one span of money, not hundreds and millions", () => {
    expect(only("Hundreds of millions of dollars were lost in the collapse.")).toMatchObject({ dimension: "money", low: 200_000_000 });
  });
});

describe("a list whose unit is written once, after its last figure", () => {
  test("each figure of 'a low estimate of 1,063, a best guess of 5,758 and a high estimate of 14,266 barrels per day' is a flow", () => {
    const figures = extractQuantities(
      "An internal memo dated May 3 gave a low estimate of 2,100, a best guess of 6,300 and a high estimate of 18,500 barrels per day.",
    );
    expect(figures.map((figure) => [figure.text, figure.measure, figure.rate])).toEqual([
      ["2,100", "flow", "day"],
      ["6,300", "flow", "day"],
      ["18,500 barrels", "flow", "day"],
    ]);
    expect(figures[1]!.low / BARREL_LITRES).toBeCloseTo(6_300, 0);
  });

  test("'1,000, 5,000 and 10,000 tonnes' share the unit; a figure before a clause of its own does not", () => {
    expect(extractQuantities("Reports over the week put the cargo at 1,000, 5,000 and 10,000 tonnes.").map((figure) => figure.dimension)).toEqual([
      "mass",
      "mass",
      "mass",
    ]);
    expect(extractQuantities("In 2012, 259 workers died.").map((figure) => figure.text)).toEqual(["259 workers"]);
    expect(extractQuantities("The committee met 14 times, and 300 tonnes were seized.").map((figure) => figure.text)).toEqual(["300 tonnes"]);
  });
});

describe("a figure judged with a modal: an estimate, not a scenario", () => {
  test.each([
    ["The mayor said she believed the real number of deaths could be around 500.", "death", "estimate"],
    ["Some scientists said the flow could be as large as 100,000 barrels a day.", "flow", "estimate"],
    ["Relief workers fear the number of dead may be more than 900.", "death", "bound"],
  ])("%s", (text, measure, modality) => {
    expect(only(text)).toMatchObject({ measure, modality });
  });

  test.each([
    ["The spill could be as large as 100,000 barrels a day if the cap fails.", "flow"],
    ["If the levee breaks, 20,000 people could die.", "death"],
    ["Officials said the death toll could rise to 300.", "death"],
  ])("a condition or a change keeps it hypothetical: %s", (text, measure) => {
    expect(only(text)).toMatchObject({ measure, modality: "hypothetical" });
  });
});

describe("figures read in context", () => {
  test("“the official figure down to 258” is a death toll when the sentence before speaks of the dead", () => {
    const text = "Karachi commissioner Roshan Shaikh then revised the official figure down to 258, saying the count was not final.";
    expect(extractQuantities(text)).toEqual([]);
    const [toll] = extractQuantities(text, "Hospitals first said the official death toll was 289.");
    expect(toll).toMatchObject({ dimension: "people", measure: "death", low: 258 });
    expect(quantitiesDisagree(toll!, only("The fire killed 259 workers."))).toBe(true);
  });

  test("“an hour after” and “within 15 minutes” are spans of time that cannot both hold", () => {
    const hour = only("Shahid Bhaila said the first fire tender arrived an hour after the owners called for help.");
    const quarter = only("Fire tenders had reached the factory within 15 minutes.");
    expect(hour).toMatchObject({ dimension: "duration", measure: "duration" });
    expect(hour.low).toBeCloseTo(1 / 24);
    expect(quarter).toMatchObject({ dimension: "duration", bound: "max" });
    expect(quantitiesDisagree(hour, quarter)).toBe(true);
    // "a day" after a figure is its rate, never a span of its own.
    expect(extractQuantities("The well leaked about 5,000 barrels of oil a day.")).toHaveLength(1);
  });

  test("a date followed by 'not <month>' rejects that month of its year", () => {
    const [date] = computeFacets({ quote: "The tanker reached port on 3 May 2019, the harbour log shows, not April as the agencies keep reporting." }).dates;
    expect(date).toMatchObject({ precision: "day", rejectsMonth: 201904 });
    expect(computeFacets({ quote: "It left in March 2014, and not in a hurry." }).dates[0]!.rejectsMonth).toBeUndefined();
  });

  test("a whole count is marked as such: 'a total of', 'the final toll was', 'in all'", () => {
    const total = (quote: string) => computeFacets({ quote }).quantities.map((quantity) => quantity.total ?? false);
    expect(total("The state government later confirmed a total of 2,650 deaths in the floods.")).toEqual([true]);
    expect(total("Relief groups put the total dead at 6,000 and rising.")).toEqual([true]);
    expect(total("The final toll was 1,460.")).toEqual([true]);
    expect(total("In total 40 people were hurt, police said.")).toEqual([true]);
    expect(total("Police said 12 people were hurt in all the districts.")).toEqual([false]);
    expect(total("The floods killed 1,460 people in the first week.")).toEqual([false]);
  });

  test("“an hour and a half” is one and a half hours, and says so", () => {
    const span = only("The ambulance took an hour and a half to reach the village, residents said.");
    expect(span).toMatchObject({ dimension: "duration", text: "an hour and a half" });
    expect(span.low).toBeCloseTo(1.5 / 24);
    expect(quantitiesDisagree(span, only("The ambulance service said its crew reached the village within 40 minutes."))).toBe(true);
    // "a half-dozen" after a count is not half of its unit.
    expect(extractQuantities("Police said 12 people and a half-dozen dogs were hurt.")[0]).toMatchObject({ low: 12, text: "12 people" });
  });

  test("the word governing a figure, and round sums that differ are two sums", () => {
    const demanded = only("A party official had demanded Rs200 million in bhatta from the owners.");
    const other = only("Bhola had demanded Rs250 million and a share in the factory.");
    expect([demanded.head, other.head]).toEqual(["demand", "demand"]);
    expect(quantitiesDisagree(demanded, other)).toBe(true);
    expect(quantitiesDisagree(only("The owners paid about Rs200 million."), only("The owners paid Rs210 million."))).toBe(false);
  });

  test("258 and 259 dead are two tolls, not one rounded", () => {
    expect(quantitiesDisagree(only("The fire killed 258 workers."), only("The fire killed 259 workers."))).toBe(true);
  });
});

describe("dates: statements and corrections", () => {
  test("the date of a statement or an estimate is marked, the date of a happening is not", () => {
    const testified = computeFacets({ quote: "In September 2019 the Bhaila brothers testified by video link that Bhola had demanded Rs250 million." });
    expect(testified.dates[0]).toMatchObject({ text: "September 2019", statement: true });
    const announced = computeFacets({ quote: "On June 15, 2010, the government announced a range of 35,000 to 60,000 barrels per day." });
    expect(announced.dates[0]!.statement).toBe(true);
    const toll = computeFacets({ quote: "On 12 September the official death toll was given as 289." });
    expect(toll.dates[0]).toMatchObject({ text: "12 September", yearless: true, statement: true });
    const fire = computeFacets({ quote: "The fire on September 11, 2012, killed 259 workers." });
    expect(fire.dates[0]!.statement).toBeUndefined();
  });

  test("“12 September 2012, not the 11th” names the day it corrects", () => {
    const facets = computeFacets({ quote: "Also the fire was on 12 September 2012, not the 11th." });
    expect(facets.dates[0]).toMatchObject({ from: 20120912, rejects: 20120911 });
  });
});

describe("propositions", () => {
  const holds = (quote: string, lemma: string) => computeFacets({ quote }).propositions!.find((p) => p.lemma === lemma);

  test.each<[string, string, boolean, string]>([
    ["The doors were locked, the windows were barred with iron grilles.", "lock", true, "door"],
    ["The owners denied that any exit had been locked.", "lock", false, "exit"],
    ["The owners rejected the allegations of locked doors.", "lock", false, "door"],
    ["Amir Khan said that not a single member of his party had been named in the report.", "name", false, "member"],
    ["RINA never visited the factory itself.", "visit", false, "factory"],
    ["Farooq Sattar said that Rauf Siddiqui had been nominated as an accused in the JIT.", "nominate", true, "siddiqui"],
    // What one pretends or feigns did not happen; a fake thing can still be done.
    ["The ferry's master was jailed for pretending he had sounded the alarm.", "sound", false, "alarm"],
    ["The driver feigned that the brakes had failed.", "fail", false, "brak"],
    ["A fake evacuation order was broadcast from the bridge.", "broadcast", true, "order"],
  ])("%s → %s %s", (quote, lemma, positive, arg) => {
    const found = holds(quote, lemma);
    expect(found, JSON.stringify(computeFacets({ quote }).propositions)).toBeDefined();
    expect(found!.positive).toBe(positive);
    expect(found!.args).toContain(arg);
  });

  test("“there was no CCTV footage” says something does not exist; “no comment” does not", () => {
    const none = computeFacets({ quote: "Kamal said there was no CCTV footage of the incident." }).propositions!.find((p) => p.sense === "exist");
    expect(none).toMatchObject({ positive: false, args: ["cctv", "footag"], words: "no CCTV footage" });
    expect(
      computeFacets({ quote: "“We have no comment on specific pieces of correspondence,” she said." }).propositions!.some((p) => p.sense === "exist"),
    ).toBe(false);
  });

  test("a participle before its noun only describes it: a negative subject does not turn it over", () => {
    const armed = holds("Nobody is safe at the hands of the party's armed wing.", "arm");
    expect(armed?.positive ?? true).toBe(true);
  });

  test("antonyms keep their own polarity and share a sense key", () => {
    const unlocked = holds("Emergency exits were kept unlocked while employees were inside.", "unlock")!;
    expect(unlocked.positive).toBe(true);
    expect(unlocked.args).toEqual(expect.arrayContaining(["emergency", "exit"]));
  });

  test("demands and instructions assert nothing", () => {
    expect(computeFacets({ quote: "2. Enforce the Sindh occupational health and safety law in every factory." }).modality).toBe("directive");
    expect(computeFacets({ quote: "Killed workers were buried the next day." }).modality).not.toBe("directive");
  });

  test("propositions give the polarity channel its keys", () => {
    const keys = facetKeys(computeFacets({ quote: "The owners denied that any exit had been locked." }));
    expect(keys.some((key) => key.startsWith("p-:") || key.startsWith("p+:"))).toBe(true);
  });
});

describe("figures of a fourth subject (Rana Plaza)", () => {
  const measureOf = (quote: string, context = "") => computeFacets({ quote, context }).quantities.map((q) => [q.low, q.measure]);

  test("'the murder of 1,137 people' is a death toll", () => {
    expect(measureOf("A Dhaka court charged Sohel Rana and 40 other people with the murder of 1,137 people in the collapse.")).toContainEqual([1137, "death"]);
  });

  test("'the toll I have seen in most places is 1,135' is a death toll", () => {
    expect(measureOf("For the record, the toll I have seen in most places is 1,135.")).toContainEqual([1135, "death"]);
  });

  test("counts of the missing are their own measure, not the dead", () => {
    expect(measureOf("NGOs said at the same time that at least 1,000 workers were still missing.")).toContainEqual([1000, "missing"]);
    expect(measureOf("On 1 May the army's rescue commander had said that only 149 people were unaccounted for.")).toContainEqual([149, "missing"]);
  });

  test("'put the number of workers in the building at 3,122' counts workers", () => {
    expect(measureOf("The BGMEA put the number of workers in the building at 3,122.")).toContainEqual([3122, "people-workers"]);
  });
  test("the words leading into the next figure are that figure's: '40 other people with the murder of 1,137' counts 40 accused, not 40 dead", () => {
    const figures = measureOf("A Dhaka court charged Sohel Rana and 40 other people with the murder of 1,137 people in the collapse.");
    expect(figures).toContainEqual([40, "people-people"]);
    expect(figures).toContainEqual([1137, "death"]);
    expect(measureOf("On 5 September 1995, 8 MQM supporters were killed and 11 were injured.")).toEqual([
      [8, "death"],
      [11, "injury"],
    ]);
  });

  test("a part inserted between a figure and its verb ('…, including 80 children, were killed') leaves the figure a death toll", () => {
    const [whole, part] = computeFacets({ quote: "At least 298 people, including 80 children, were killed when the airliner came down." }).quantities;
    expect([whole!.low, whole!.measure]).toEqual([298, "death"]);
    expect([part!.low, part!.measure, part!.part]).toEqual([80, "death", true]);
    // After the insertion a new verb phrase is not the figure's: 1,134 killed, 2,500 injured.
    expect(measureOf("It killed 1,134 people, most of them garment workers, and injured about 2,500 others.")).toEqual([
      [1134, "death"],
      [2500, "injury"],
    ]);
  });

  test("the rescued and the detained are measures of their own", () => {
    expect(measureOf("When the search ended on 13 May, the army put the toll at 1,127 and said 2,438 people had been rescued alive.")).toEqual([
      [1127, "death"],
      [2438, "rescued"],
    ]);
    expect(measureOf("A military prosecutor said 16 people, including port and customs staff, had been detained for questioning.")).toContainEqual([
      16,
      "arrested",
    ]);
    // A charge is not a death: "charged 41 people … with murder" counts the accused.
    expect(measureOf("In 2015 police charged 41 people, among them Rana, his parents and the factory owners, with murder.")).toEqual([[41, "people-people"]]);
  });

  test("'put the number rescued at 164': the participle after 'number' names the measure", () => {
    expect(measureOf("By evening the coast guard put the number rescued at 164.")).toEqual([[164, "rescued"]]);
    expect(measureOf("The number of people missing was 35.")).toEqual([[35, "missing"]]);
  });

  test("'258, down from the 289' and 'then corrected the figure to 164' name the figure they replace", () => {
    const [toll, unidentified] = computeFacets({
      quote:
        "Karachi commissioner Roshan Shaikh said the death toll stood at 258, down from the 289 announced on Wednesday, and that 82 bodies were still unidentified.",
    }).quantities;
    expect([toll!.low, toll!.revisedFrom]).toEqual([258, 289]);
    expect(unidentified!.low).toBe(82);
    const [first, corrected] = computeFacets({
      quote: "On the day of the sinking the government announced that 368 people had been rescued, then corrected the figure to 164.",
    }).quantities;
    expect([first!.low, first!.superseded]).toEqual([368, true]);
    expect([corrected!.low, corrected!.measure, corrected!.revisedFrom]).toEqual([164, "rescued", 368]);
  });

  test("a plural noun right after a figure is what it counts, and floors are storeys", () => {
    expect(measureOf("Rescuers pulled 2,438 survivors from the debris of the building.")).toEqual([[2438, "people-survivors"]]);
    expect(measureOf("A separate probe found that eight floors had been built.")).toEqual([[8, "storey"]]);
    // A permission, a licence or an approval sets a limit: it is compared with limits, not with what was built.
    expect(measureOf("Rana had permission for five storeys.")).toEqual([[5, "storey-limit"]]);
  });

  test("the word that sets a limit governs the figure after it, not the one before", () => {
    const [built, allowed] = computeFacets({ quote: "Inspectors found that six floors stood where the licence allowed only three." }).quantities;
    expect([built!.low, built!.measure]).toEqual([6, "storey"]);
    expect([allowed!.low, allowed!.measure, allowed!.head]).toEqual([3, "storey-limit", "licenc"]);
    const [permitted] = computeFacets({ quote: "The council granted a permit for 40 units on the site." }).quantities;
    expect([permitted!.low, permitted!.measure.endsWith("-limit")]).toEqual([40, true]);
  });

  test("a participle after another noun tells what was done to that noun: a sum paid in a settlement approved by a court is no limit", () => {
    expect(measureOf("In 1994 the mill paid $12 million in a settlement approved by the district court.")).toEqual([[12_000_000, "money"]]);
    // Right after the figure, the approval is the figure's: it sets a limit.
    expect(measureOf("The plant stored 900 tonnes, far above the 300 tonnes approved by the inspectorate.").map(([, measure]) => measure)).toEqual([
      "stored",
      "stored-limit",
    ]);
  });

  test("a bare figure after a measured one counts the same thing; labels, ages and rejected figures do not", () => {
    expect(measureOf("The rally drew about 10,000 people, its organisers said; police estimated 2,500.")).toEqual([
      [10000, "people-people"],
      [2500, "people-people"],
    ]);
    expect(measureOf("A separate BGMEA probe found that eight floors had been built where permission existed for only six.")).toEqual([
      [8, "storey"],
      [6, "storey-limit"],
    ]);
    expect(
      measureOf("Authorities have said the blast was caused by 2,750 tonnes of ammonium nitrate that caught fire in Hangar 12, where it had sat for years."),
    ).toEqual([[2750000, "exploded"]]);
    expect(measureOf("Thirteen people, aged 14 to 60, were killed.")).toEqual([[13, "death"]]);
    const [toll] = computeFacets({ quote: "For the record, the toll I have seen in most places is 1,135, not 1,134 and not 1,137." }).quantities;
    expect(computeFacets({ quote: "For the record, the toll I have seen in most places is 1,135, not 1,134 and not 1,137." }).quantities).toHaveLength(1);
    expect([toll!.low, toll!.rejects]).toEqual([1135, 1134]);
  });

  test("'176 names of missing workers' counts the missing", () => {
    expect(measureOf("Even the district administration's own register held 176 names of missing workers on the day the army left the site.")).toEqual([
      [176, "missing"],
    ]);
  });

  test("'an eight-storey building' counts storeys, governed by the building; ages and spans are not counts", () => {
    const [storeys] = computeFacets({ quote: "It was the structural failure of an eight-storey commercial building in Savar." }).quantities;
    expect(storeys).toMatchObject({ low: 8, dimension: "count", measure: "storey", head: "build" });
    expect(measureOf("The 42-year-old was held after a three-day strike.")).toEqual([]);
  });

  test("'paid the families of 976 dead workers' counts the families paid, not the toll", () => {
    expect(measureOf("The ministry said the relief fund had paid more than Tk 15 crore to the families of 976 dead workers.")).toEqual([
      [150_000_000, "money"],
      [976, "people-families"],
    ]);
  });

  test("sums in taka are sums in their own currency", () => {
    expect(computeFacets({ quote: "The fund paid Tk 15 crore, then 200 million taka." }).quantities.map((q) => q.currency)).toEqual(["BDT", "BDT"]);
  });

  test("oil being siphoned is oil recovered, not the flow", () => {
    expect(measureOf("The company said it was now siphoning roughly 5,000 barrels a day through a tube.")).toEqual([[expect.any(Number), "recovered"]]);
  });
});

describe("what a denial denies", () => {
  test("a court rejecting petitions denies no accusation; a party rejecting the charges does", () => {
    const acts = (quote: string) => computeFacets({ quote }).acts.map((act) => act.act);
    expect(acts("The court rejected petitions from Rana and 22 others who had asked to be discharged.")).not.toContain("denies");
    expect(acts("The MQM rejected the charges as baseless.")).toContain("denies");
    expect(acts("The company rejected any involvement in the collapse.")).toContain("denies");
  });

  test("the same holds when the extractor read the verb as the claim's cue", () => {
    const acts = (quote: string, cue: string) => computeFacets({ quote, cue }).acts.map((act) => act.act);
    expect(acts("The court rejected petitions from Rana and 22 others who had asked to be discharged.", "rejected")).not.toContain("denies");
    expect(acts("The high court dismissed the bail application of the factory owners.", "dismissed")).not.toContain("denies");
    expect(acts("The MQM rejected the report as fabricated.", "rejected")).toContain("denies");
    expect(acts("BP rejected Markey's charge that it had understated the flow.", "rejected")).toContain("denies");
  });

  test("'false' denies a statement ('called the reports false', 'the allegation was false'), not a thing ('a false market')", () => {
    const acts = (quote: string) => computeFacets({ quote }).acts.map((act) => act.act);
    expect(acts("The party called the reports false and malicious.")).toContain("denies");
    expect(acts("The insulation maker said the allegation was false.")).toContain("denies");
    expect(acts("The inquiry found the insulation maker had created a false market for its boards.")).not.toContain("denies");
    expect(acts("The alarm turned out to be a false alarm set off by steam.")).not.toContain("denies");
  });

  test("'does not accept that …' denies what follows; 'accepted that …' does not", () => {
    const acts = (quote: string) => computeFacets({ quote }).acts.map((act) => act.act);
    expect(acts("The insulation maker does not accept that it misled its customers.")).toContain("denies");
    expect(acts("The council accepted that it had failed the residents.")).not.toContain("denies");
  });
});

describe("whose figure a figure is", () => {
  const holders = (quote: string, speakerName: string | null = null) => computeFacets({ quote, speakerName }).quantities.map((q) => q.holder ?? []);

  test("the named subject of the verb that governs a figure holds it", () => {
    expect(holders("Benetton paid $1.1 million into the fund in April.")[0]).toEqual(["benetton"]);
    expect(holders("A fire at the Tazreen Fashions factory near Dhaka in November killed 112 people.")[0]).toContain("tazreen fashions");
  });

  test("the owner of the noun that governs it holds it: 'Primark's payments of about $7 million'", () => {
    expect(holders("Primark's payments of about $7 million to its supplier's workers were counted in that total.")[0]).toEqual(["primark"]);
  });

  test("a verbless figure after a comma shares the figure before it", () => {
    expect(holders("Primark paid about $14 million in total, $11 million of it as long-term payments.")).toEqual([["primark"], ["primark"]]);
  });

  test("verbs of saying and estimating give a speaker's figure, not a holder's", () => {
    expect(holders("The Clean Clothes Campaign put the gap at $2.4 million.")).toEqual([[]]);
    expect(holders("Steve Wereley, the Purdue engineer, estimated 70,000 barrels a day.", "Steve Wereley")).toEqual([[]]);
  });

  test("two parties' own figures never disagree; the same party's do", () => {
    const [benetton] = computeFacets({ quote: "Benetton paid $1.1 million into the fund in April." }).quantities;
    const [primark] = computeFacets({ quote: "Primark paid about $14 million in total." }).quantities;
    const [primarkAgain] = computeFacets({ quote: "Primark's payments of about $7 million were counted in that total." }).quantities;
    expect(quantitiesDisagree(benetton!, primark!)).toBe(false);
    expect(quantitiesDisagree(primark!, primarkAgain!)).toBe(true);
  });
});

describe("where a happening began", () => {
  test("a fire that started on a floor; a missile launched from a named place", () => {
    expect(originPlaces("Inspector Iqbal told the inquiry that the fire had started on the ground floor.")).toEqual([
      { subject: "fire", start: "begin", place: "the ground floor", key: "ground floor" },
    ]);
    expect(originPlaces("Prosecutors said the missile was launched from a farm field near Pervomaiskyi.")).toMatchObject([
      { subject: "missil", start: "launch", key: "pervomaiskyi" },
    ]);
  });

  test("days and months are when, not where", () => {
    expect(originPlaces("The strike started on Monday and the protest began in September.")).toEqual([]);
  });

  test("a flight leaving and a missile launched are two different starts", () => {
    const [left] = originPlaces("The plane took off from Amsterdam.");
    const [launched] = originPlaces("The missile was fired from Snizhne.");
    expect(sameStart(left!, launched!)).toBe(false);
  });
});

describe("what a sum is to its holder", () => {
  const role = (text: string) => extractQuantities(text).find((q) => q.dimension === "money")?.role;

  test("the noun after a sum or the word governing it names its role", () => {
    expect(role("The fund met its $30 million target in June 2015 after a large anonymous donation.")).toBe("goal");
    expect(role("The Clean Clothes Campaign put the gap at $2.4 million at the same time.")).toBe("gap");
    expect(role("According to figures from the ILO, it had received about $21 million by March.")).toBe("paid");
    expect(role("The UN's flash appeal for Turkey sought $1 billion for three months.")).toBe("goal");
    expect(role("Brands with combined yearly profits of more than $20 billion had been slow to pay.")).toBe("earnings");
  });

  test("damage is not what recovery needs: 'put the damage at $3.8 billion' / 'put the most urgent recovery needs at $605 million'", () => {
    expect(role("The World Bank estimated the physical damage at $3.8 billion to $4.6 billion.")).toBe("damage");
    expect(role("It put the most urgent recovery needs at $605 million to $760 million.")).toBe("goal");
    expect(
      quantitiesDisagree(
        only("The World Bank estimated the physical damage at $3.8 billion to $4.6 billion."),
        only("It put the most urgent recovery needs at $605 million."),
      ),
    ).toBe(false);
  });

  test("a sum still to be found ('needed two years to find $30 million') is an aim, not a payment", () => {
    expect(role("They should not have needed two years of pressure to find $30 million.")).toBe("goal");
    expect(role("The owners were asked to pay Rs200 million.")).toBe("goal");
    // "rose to": a preposition, not an infinitive.
    expect(role("Donations rose to $27 million.")).toBeUndefined();
  });

  test("a target and what was received are not rival figures; two payments of one thing are", () => {
    const target = only("The fund met its $30 million target in June 2015.");
    const received = only("The fund had received about $21 million by March.");
    const shortfall = only("The appeal was still $3 million short in April.");
    expect(quantitiesDisagree(target, received)).toBe(false);
    expect(quantitiesDisagree(shortfall, received)).toBe(false);
    expect(quantitiesDisagree(received, only("The fund had received $27 million."))).toBe(true);
    // A sum whose role the wording does not say is still compared.
    expect(quantitiesDisagree(received, only("The fund holds $27 million, officials said."))).toBe(true);
  });
});

describe("a part of a count", () => {
  test("'among them 25 bodies', '12 of them children' are parts, not rival counts of the whole", () => {
    const [whole, part] = extractQuantities(
      "The number of people killed in the explosion rose to 154 on Friday, among them 25 bodies that have not been identified.",
    );
    expect(whole!.part).toBeUndefined();
    expect(part!.part).toBe(true);
    const [, children] = extractQuantities("The blast killed 40 people, 12 of them children.");
    expect(children!.part).toBe(true);
    expect(quantitiesDisagree(part!, only("Health Minister Hamad Hassan had given a toll of 137 dead."))).toBe(false);
    expect(quantitiesDisagree(part!, children!)).toBe(true);
  });
});

describe("weights, and what became of them", () => {
  test("tonnes are a mass in kilograms, with the substance they weigh", () => {
    const stored = only("2,750 tonnes of ammonium nitrate had been stored at the port.");
    expect(stored).toMatchObject({ dimension: "mass", low: 2_750_000, substance: "ammonium nitrate", measure: "stored" });
  });

  test("what exploded is not what was stored; a mass whose fate is not said compares with either", () => {
    const exploded = only("An FBI report concluded that no more than 552 tonnes of ammonium nitrate exploded.");
    const stored = only("2,750 tonnes of ammonium nitrate had been stored at the port.");
    const cause = only("Authorities said the blast was caused by 2,750 tonnes of ammonium nitrate.");
    const unsaid = only("The ship had 2,750 kilos of fertiliser on board.");
    expect(exploded.measure).toBe("exploded");
    expect(cause.measure).toBe("exploded");
    expect(quantitiesDisagree(exploded, stored)).toBe(false);
    expect(quantitiesDisagree(exploded, cause)).toBe(true);
    expect(unsaid.measure).toBe("mass");
  });

  test("'no more than 552' caps the figure; 'more than 552' is a floor", () => {
    expect(only("No more than 552 tonnes of ammonium nitrate exploded.")).toMatchObject({ bound: "max", text: "no more than 552 tonnes" });
    expect(only("More than 552 tonnes of ammonium nitrate exploded.")).toMatchObject({ bound: "min" });
    // 500 is within "no more than 552"; 700 to 1,000 is not.
    const cap = only("No more than 552 tonnes of ammonium nitrate exploded.");
    expect(quantitiesDisagree(cap, only("The quantity that exploded was only 500 tonnes."))).toBe(false);
    expect(quantitiesDisagree(cap, only("The blast was probably caused by 700 to 1,000 tonnes of ammonium nitrate."))).toBe(true);
  });

  test("a sentence opening on an inverted 'had' supposes: 'Had the full 2,750 tonnes gone off, …'", () => {
    expect(only("Had the full 2,750 tonnes gone off, the sources said, the explosion would have been far deadlier.").modality).toBe("hypothetical");
    expect(only("Had been warned about 500 tonnes in the hangar.").modality).not.toBe("hypothetical");
  });
});

describe("the substance a weight is of, when the figure does not name it", () => {
  test("'the quantity of ammonium nitrate that exploded was only 500 tonnes': named before the figure", () => {
    expect(only("The report revealed that the quantity of ammonium nitrate that exploded was only 500 tonnes.").substance).toBe("ammonium nitrate");
    expect(only("The amount of oil spilled was 4.9 million barrels.").substance).toBe("oil");
  });

  test("'… 552 tonnes of ammonium nitrate exploded. Sources said 700 to 1,000 tonnes': the weight the text just named", () => {
    const [figure] = extractQuantities(
      "Three European intelligence sources said the blast was probably caused by 700 to 1,000 tonnes.",
      "A report concluded that no more than 552 tonnes of ammonium nitrate exploded.",
    );
    expect(figure!.substance).toBe("ammonium nitrate");
  });
});

describe("a state and the names it speaks through", () => {
  test("'Moscow', 'the Kremlin', 'the Russian Defence Ministry' and 'Russia' are one target; so are 'the US' and 'Washington'", () => {
    for (const name of ["Moscow", "the Kremlin", "Russian Defence Ministry", "Russian Federation"]) expect(keysOfName(name), name).toContain("russia");
    expect(keysOfName("Ukrainian Army")).toContain("ukraine");
    expect(keysOfName("US")).toContain("united states");
    expect(keysOfName("Washington")).toContain("united states");
  });

  test("a capital that is also a person's name, and a person with a nationality, are not the state", () => {
    expect(keysOfName("Victoria")).not.toContain("seychelles");
    expect(keysOfName("Russian businessman Igor Grechushkin")).not.toContain("russia");
  });
});

describe("figures read against a baseline or under a verb of estimating", () => {
  test("'N more deaths than usual' and 'N excess deaths' are statistical estimates, not counts", () => {
    const [more] = extractQuantities("A study of death certificates found 610 more deaths than usual in the week of the heat wave.");
    const [excess] = extractQuantities("The statistics office recorded 2,300 excess deaths during the heat wave.");
    const [counted] = extractQuantities("The coroner counted 610 deaths during the heat wave.");
    expect([more!.modality, excess!.modality, counted!.modality]).toEqual(["estimate", "estimate", "asserted"]);
  });

  test("the verb 'estimated' governs its figure; 'an estimated' is a hedge on it", () => {
    const [verb] = extractQuantities("A team at the Imperial College of Medicine estimated 2,300 deaths from the heat wave.");
    const [hedge] = extractQuantities("The heat wave left an estimated 2,300 dead.");
    expect(verb!.head).toBe("estimat");
    expect(hedge!.head).toBe("left");
  });
});

describe("support verbs: the act their object names is the predicate", () => {
  const predicates = (quote: string) => (computeFacets({ quote }).propositions ?? []).map((p) => `${p.positive ? "" : "¬"}${p.lemma}`);
  test("'never gave an order' did not order; 'made no broadcast' did not broadcast; 'issued an order' ordered", () => {
    expect(predicates("The inquiry found that the harbour master never gave an order to leave the quay.")).toContain("¬order");
    expect(predicates("The officers made no broadcast from the patrol boat.")).toContain("¬broadcast");
    expect(predicates("The port authority issued an order to clear the containers.")).toContain("order");
  });

  test("a light verb with its particle is a verb of its own: 'took on' is 'take_on', a synonym of 'assume'", () => {
    expect(predicates("Critics argue that Vantor took on the debts of its subsidiary with the merger.")).toContain("take_on");
    expect(predicates("Vantor took the debts of its subsidiary to court.")).not.toContain("take_on");
  });

  test("an object that names no act leaves the support verb out", () => {
    expect(predicates("The company gave money to the families of the dead.").some((p) => /give|money/.test(p))).toBe(false);
  });

  test("'his crew had broadcast an order', which the tagger reads as a noun after 'had', is the verb", () => {
    expect(predicates("The captain said that his crew had broadcast an order to leave the ship.")).toContain("broadcast");
  });
});

describe("a toll denied inside a reported statement", () => {
  test("the sentence's own denial marks the figure denied; a statement it reports leaves it refuted but not denied", () => {
    const [own] = extractQuantities('The governor wrote that "2,000 people did not die" in the floods.');
    const [reported] = extractQuantities("The mayor today answered the statement by Governor Ortiz that 2,000 people did not die in the floods.");
    expect([own!.refuted, own!.denied]).toEqual([true, true]);
    expect([reported!.refuted, reported!.denied ?? false]).toEqual([true, false]);
  });
});

describe("hyphenated given names", () => {
  const names = (quote: string) => computeFacets({ quote }).entities.map((entity) => entity.text);
  test("'Kim Kyung-il' and 'Lee Joon-seok' are whole names, told apart from 'Kim Han-sik'", () => {
    expect(names("Kim Kyung-il was sentenced to four years, and Kim Han-sik apologised.")).toEqual(["Kim Kyung-il", "Kim Han-sik"]);
    expect(names("Lee Joon-seok said so.")).toEqual(["Lee Joon-seok"]);
  });

  test("an English word after the hyphen ('Dow-owned', 'MQM-led') is no part of the name", () => {
    expect(names("The MQM-led government bought the Dow-owned plant.")).toEqual(["MQM", "Dow"]);
  });
});

describe("a fine and the costs beside it; a date that opens its sentence", () => {
  test("'fined £6,500, with £5,000 in costs': the penalty and the costs are two sums", () => {
    const [fine, costs] = extractQuantities("The club secretary was convicted of a safety offence and was fined £6,500, with £5,000 in costs.");
    expect([fine!.role, costs!.role]).toEqual(["fine", "costs"]);
  });

  test("'On 19 April 1989 The Sun published …' dates the publishing, as 'printed on 18 April 1989' does", () => {
    const fronted = computeFacets({ quote: "On 12 March 2011 the Courier published a front page blaming the fans." }).dates[0]!;
    const after = computeFacets({ quote: "That is the lie the Courier printed on 11 March 2011." }).dates[0]!;
    expect(fronted.event?.at(-1)).toBe("publish");
    expect(after.event?.at(-1)).toBe("print");
  });
});
