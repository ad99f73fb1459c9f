// Speakers beyond "Name said", on real sentences of the labelled sets (tests/fixtures/conflicts): the
// cases an editor met importing news on other subjects — groups, bodies and documents as speakers,
// titles kept out of names, findings and estimates as cues, participles, passives that report nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

import { guessActorKind } from "../../lib/extract/actors";
import { extractClaims } from "../../lib/extract/claims";
import { readPhrase } from "../../lib/extract/speaker-phrases";
import { normalizeDocument } from "../../lib/extract/normalize";
import type { ActorKind, ExtractedClaim } from "../../lib/extract/types";
import { readImportFile } from "../../lib/import/read-document";

const SETS = path.resolve(import.meta.dirname, "../fixtures/conflicts");
const cache = new Map<string, ExtractedClaim[]>();

// Documents are read as an import reads them (the HTML page through its reader).
async function claimHolding(file: string, substring: string): Promise<ExtractedClaim> {
  let claims = cache.get(file);
  if (!claims) {
    const read = await readImportFile(path.basename(file), new Uint8Array(readFileSync(path.join(SETS, file))));
    claims = extractClaims(normalizeDocument(read.rawText).text);
    cache.set(file, claims);
  }
  const matches = claims.filter((claim) => claim.quote.includes(substring));
  if (matches.length < 1) throw new Error(`no claim of ${file} holds ${JSON.stringify(substring)}`);
  return matches[0]!;
}

/** The claims of one text, found by a piece of their quote. */
function finderFor(text: string): (substring: string) => ExtractedClaim {
  const claims = extractClaims(normalizeDocument(text).text);
  return (substring) => {
    const claim = claims.find((c) => c.quote.includes(substring));
    if (!claim) throw new Error(`no claim holds ${JSON.stringify(substring)}`);
    return claim;
  };
}

function extractedFrom(text: string, substring: string): ExtractedClaim {
  return finderFor(text)(substring);
}

const SPILLCAM = "deepwater-flow/06-news-spillcam-markey.txt";
const WIRE = "deepwater-flow/01-wire-bp-rejects-markey.txt";
const ENCYCLOPEDIA = "deepwater-flow/03-encyclopedia-flow-rate.txt";
const BARBIER = "deepwater-flow/05-html-barbier-ruling.html";
const FORUM = "deepwater-flow/04-forum-bp-says-too-high.txt";
const OWNERS = "baldia-fire/06-news-owners-shopkeepers.txt";
const JIT = "baldia-fire/01-news-jit-mqm-denial.txt";
const RANA_WIRE = "rana-plaza/01-wire-toll-rises-minister-blames-strikers.txt";
const RANA_WIKI = "rana-plaza/03-encyclopedia-rana-plaza-collapse.txt";
const RANA_FORUM = "rana-plaza/04-forum-murder-charges-repost.txt";
const RANA_HTML = "rana-plaza/05-html-donors-fund-reaches-target.html";

// [what, file, substring of the claim, speaker name, kind]
const cases: Array<[string, string, string, string | null, ActorKind | null]> = [
  ["inverted 'said Rep. Markey, who …': the title is not the name", SPILLCAM, "This may be BP's footage", "Markey", "person"],
  ["the quote that continues it", SPILLCAM, "The footage will help independent scientists", "Markey", "person"],
  ["an organization's people state", SPILLCAM, "the feed would stay up for as long as the camera worked", "BP officials", "organization"],
  ["'Now scientists say'", SPILLCAM, "the video shows a much larger flow", "Scientists", "other"],
  ["'BP has challenged this calculation saying that …'", SPILLCAM, "it is overestimated", "BP", "organization"],
  ["the internal document shows: its author speaks", SPILLCAM, "the company's engineers had considered far higher rates", "BP", "organization"],
  ["'The undated document states' refers back to the BP document", SPILLCAM, "the range of flow could be from 1,000 to 14,000", "BP", "organization"],
  ["'The company said' is the company named before", SPILLCAM, "it was now siphoning roughly 5,000 barrels a day", "BP", "organization"],
  ["a passive 'than the public had been told' reports nothing", SPILLCAM, "more oil than the public had been told", null, null],
  ["'[4][5] She stated …': citation markers do not hide the speaker", ENCYCLOPEDIA, "oil was escaping from the damaged riser", "Mary Landry", "person"],
  ["'Coast Guard Rear Admiral Mary Landry': the rank is not the name", ENCYCLOPEDIA, "crude oil did not appear to be leaking", "Mary Landry", "person"],
  ["'was quoted as saying'", ENCYCLOPEDIA, "a newly found third leak did not change", "Doug Suttles", "person"],
  ["', saying …' after the main clause", ENCYCLOPEDIA, "the team was pretty confident", "Steven Chu", "person"],
  ["'Martin Blunt of Imperial College London calculated that'", ENCYCLOPEDIA, "3.26 million barrels had flowed", "Martin Blunt", "person"],
  ["'BP's cement expert, Andreas Momber, concluded'", ENCYCLOPEDIA, "the well's cement eroded slowly", "Andreas Momber", "person"],
  ["a group countering", ENCYCLOPEDIA, "the cement wore away within about two days", "Government experts", "government_body"],
  ["'put the leak at' is an estimate", WIRE, "BP at first put the leak at 1,000 barrels a day", "BP", "organization"],
  [
    "'The Justice Department says': not a justice named Department",
    FORUM,
    "at least 4.2 million barrels went into the Gulf",
    "Justice Department",
    "government_body",
  ],
  ["'BP and Anadarko say': the first listed stands for them", FORUM, "only 2.45 million barrels were released", "BP", "organization"],
  ["'BP's lawyers argued'", BARBIER, "the true figure was 2.45 million barrels", "BP lawyers", "organization"],
  ["'Federal prosecutors had asked the court to find'", BARBIER, "about 4.2 million barrels entered the Gulf", "Federal prosecutors", "government_body"],
  [
    "'Senior Superintendent of Police Rashid Mahmood said': the title is a role",
    OWNERS,
    "investigators had not ruled anything out",
    "Rashid Mahmood",
    "person",
  ],
  ["'he said' after him", OWNERS, "Nobody can call this merely an accident yet", "Rashid Mahmood", "person"],
  ["'Mahmood said'", OWNERS, "who had ordered the factory's gates to be closed", "Rashid Mahmood", "person"],
  ["'the SSP said'", OWNERS, "Anyone who was inside that evening should come forward", "Rashid Mahmood", "person"],
  ["'the owners … defended themselves, claiming that …'", OWNERS, "the fire brigade had taken an hour and a half to arrive", "Owners", "other"],
  ["'Shopkeepers said'", OWNERS, "the main gate stayed shut while workers screamed", "Shopkeepers", "other"],
  ["'Workers' relatives said'", OWNERS, "they had been to every mortuary in the city", "Workers relatives", "other"],
  ["'The initial report submitted to … states': the document speaks", OWNERS, "every door had been shut to prevent theft", "Initial report", "other"],
  ["'put the toll at'", OWNERS, "Police surgeon Dr Kamaluddin Shaikh put the toll at around 259", "Kamaluddin Shaikh", "person"],
  ["'said Labour Minister Ameer Nawab'", OWNERS, "We registered cases against factories", "Ameer Nawab", "person"],
  ["'A joint investigation team has concluded that'", JIT, "was set deliberately", "Joint investigation team", "other"],
  ["'the MQM has officially denied': an adverb before the verb", JIT, "he was ever one of its members", "MQM", "organization"],
  ["'Survivors and local people estimated': the first group listed", RANA_WIRE, "about 3,500 had been inside the five factories", "Survivors", "other"],
  [
    "'An engineer with the Savar municipality, who asked not to be named, said'",
    RANA_WIRE,
    "Rana had permission for five storeys",
    "Engineer with the Savar municipality",
    "other",
  ],
  [
    "'Primark, the British discount chain, confirmed': a one-word name next to its cue",
    RANA_WIRE,
    "one of its suppliers, New Wave Bottoms, had occupied",
    "Primark",
    "person",
  ],
  ["'the army put the toll at': a country's army, unnamed", RANA_WIKI, "put the toll at 1,127", "Army", "government_body"],
  // The report the home ministry's committee had just submitted ("submitted its report. The inquiry report concluded …").
  ["'The inquiry report' is not the probe report named before", RANA_WIKI, "the deaths were the result of sheer negligence", "Committee", "organization"],
  [
    "'…,[25] and the company's chief executive Biagio Chiarolanza later acknowledged'",
    RANA_WIKI,
    "acknowledged orders of about 200,000 shirts",
    "Biagio Chiarolanza",
    "person",
  ],
  ["'The charge sheet states that'", "rana-plaza/04-forum-murder-charges-repost.txt", "the accused forced workers into the factories", "Charge sheet", "other"],
  ["a boundary wink missed ('… go in. Rana told …')", RANA_FORUM, "the building would stand for a hundred years", "Sohel Rana", "person"],
  ["'Home Minister Alamgir telling the BBC that …'", RANA_FORUM, "hartal pickets shook the pillars", "Alamgir", "person"],
  [
    "'Mojtaba Kazazi, executive commissioner of …, said': an apposition that opens with a role",
    RANA_HTML,
    "the fund held $27 million",
    "Mojtaba Kazazi",
    "person",
  ],
  [
    "'…, officials of the claims administration said': a body's own people, named with it",
    RANA_HTML,
    "were counted in that total",
    "Officials of the claims administration",
    // "administration" names a public body ("the Federal Aviation Administration", "the Obama administration").
    "government_body",
  ],
];

describe("speakers on real sentences of the labelled sets", () => {
  test.each(cases)("%s", async (_what, file, substring, speaker, kind) => {
    const claim = await claimHolding(file, substring);
    expect(claim.speaker?.name ?? null).toBe(speaker);
    if (kind) expect(claim.speaker?.kind).toBe(kind);
  });

  test("the passive 'had been told' is no cue", async () => {
    expect((await claimHolding(SPILLCAM, "more oil than the public had been told")).cue).toBeNull();
  });

  test("the internal document is cited", async () => {
    expect((await claimHolding(SPILLCAM, "the company's engineers had considered far higher rates")).citedVia).toContain("internal BP document");
  });
});

describe("what is not speech", () => {
  test("'agreed … to let' is an act", () => {
    const claim = extractedFrom("BP agreed on Wednesday to let the public watch a live underwater feed of the oil.", "to let the public watch");
    expect(claim.speaker).toBeNull();
    expect(claim.cue).toBeNull();
  });

  test("'found' without 'that' reports nothing", () => {
    expect(extractedFrom("Police found the bodies of four workers in the basement on Friday.", "the bodies of four workers").speaker).toBeNull();
  });

  test("'the estimate' is a noun, not a cue", () => {
    expect(extractedFrom("The estimate carries an uncertainty of plus or minus ten percent.", "carries an uncertainty").cue).toBeNull();
  });

  test("a group of the wrong shape stays anonymous: 'sources said'", () => {
    const claim = extractedFrom("Sources said the brigade had been moved to the border in June.", "the brigade had been moved");
    expect(claim.speaker).toBeNull();
    expect(claim.attribution).toBe("reported");
  });
});

describe("speakers in constructions every wire story uses", () => {
  const STORY = [
    "Ferry capsizes off Dhaka",
    "",
    'Harbour master Abdul Karim, the port\'s chief officer, said the vessel was licensed for 80 people. "It was badly overloaded," he said.',
    "",
    "The company, Meghna Launch Services, said in a statement that it would cooperate with the inquiry. It insisted that the boat had passed its last inspection in March.",
    "",
    "Investigators concluded that the ballast tanks were empty. Relatives said the company had ignored storm warnings. They said at least 30 people were still missing.",
    "",
    'A spokeswoman for the Dhaka public prosecutor\'s office said the captain would be charged. "We have enough evidence," said a spokesman for the investigation team. The team said the hull would be raised.',
    "",
    "Moscow denied that its ships had been in the area. The Kremlin said the accusations were absurd.",
    "",
    "According to a statement from the shipyard cited by the Daily Star, the ferry had been refitted in 2019. According to a letter from Transocean Ltd quoted by Reuters, the rig had been inspected.",
    "",
    "The head of the port authority, Nurul Islam, said the ferry had no licence. The families, many of whom travelled from Barisal, said they wanted a trial.",
  ].join("\n");
  const claimOf = finderFor(STORY);
  const speakerOf = (substring: string) => claimOf(substring).speaker;

  test.each([
    [
      "a title of lower-case words and an apposition: 'Harbour master Abdul Karim, the port's chief officer, said'",
      "licensed for 80 people",
      "Abdul Karim",
      "person",
    ],
    ["'he said' is the harbour master", "It was badly overloaded", "Abdul Karim", "person"],
    ["'The company, Meghna Launch Services, said'", "would cooperate with the inquiry", "Meghna Launch Services", "organization"],
    ["'It insisted' is the company, not the investigators", "had passed its last inspection", "Meghna Launch Services", "organization"],
    ["'They said' is the relatives", "at least 30 people were still missing", "Relatives", "other"],
    ["'A spokeswoman for the … office said': the office speaks", "the captain would be charged", "Dhaka public prosecutor office", "government_body"],
    ["'said a spokesman for the investigation team'", "We have enough evidence", "Investigation team", "other"],
    ["'The team said' is the investigation team", "the hull would be raised", "Investigation team", "other"],
    ["'Moscow denied': a capital speaks for its government", "its ships had been in the area", "Moscow", "government_body"],
    ["'The Kremlin said'", "the accusations were absurd", "Kremlin", "government_body"],
    ["'according to a letter from X quoted by Reuters': X wrote it", "the rig had been inspected", "Transocean Ltd", "organization"],
    ["'The head of the port authority, Nurul Islam, said': the role stands before its body", "the ferry had no licence", "Nurul Islam", "person"],
    ["'The families, many of whom travelled …, said'", "they wanted a trial", "Families", "other"],
  ])("%s", (_what, substring, name, kind) => {
    expect(speakerOf(substring)).toEqual({ name, kind });
  });

  test("the channel that passed a statement on is cited, not made its author", () => {
    const claim = claimOf("the rig had been inspected");
    expect(claim.citedVia).toBe("letter from Transocean Ltd, quoted by Reuters");
  });
});

describe("a pronoun with the people around them", () => {
  test("'He and his colleagues put the flow at …': the pronoun's referent speaks", () => {
    const text =
      "Ian MacDonald, an oceanographer at Florida State University, said the official figure was far too low. He and his colleagues put the flow at a bare minimum of 25,000 barrels per day.";
    const claim = extractedFrom(text, "bare minimum");
    expect(claim.speaker?.name).toBe("Ian MacDonald");
    expect(claim.cue).toBe("put");
  });

  test("'The chief of Muttahida Qaumi Movement(MQM), Altaf Hussain, has demanded …': a later 'he' is the person, not the party", () => {
    const text =
      "The chief of Muttahida Qaumi Movement(MQM), Altaf Hussain, has demanded of the American Government to withdraw the sentence.\nIn a statement issued on Thursday, he criticised the sentence and said that this would lead to more hatred against America.";
    expect(extractedFrom(text, "more hatred").speaker?.name).toBe("Altaf Hussain");
  });

  test("'The source said' after 'A senior Pakistani source said' is that source again; a bare 'the source' with none before stays anonymous", () => {
    const text =
      'A senior Pakistani source said he may have been about to join a new party. The source said of the motive: "It lies within the MQM." Farooq had taken a back seat.';
    expect(extractedFrom(text, "of the motive")).toMatchObject({ speaker: { name: "Senior Pakistani source" }, cue: "said" });
    expect(extractedFrom("Farooq had taken a back seat. The source said the motive lies within the MQM.", "the motive").speaker).toBeNull();
  });

  test("'The memo … was written by Kevin Lynch' after the memo was quoted: its writer speaks for every quote of it", () => {
    const text = [
      "The Privy Council Office did some background research on the group and sent a memo to the chief of staff.",
      "The four-page memorandum says the MQM has a history of involvement in ethnic riots.",
      "“MQM was the main player in the ethnic riots of 1986-87,” the memo says.",
      "The memo concerning MQM-Canada was written by Kevin Lynch, the Clerk of the Privy Council.",
    ].join(" ");
    expect(extractedFrom(text, "history of involvement")).toMatchObject({ speaker: { name: "Kevin Lynch" }, citedVia: expect.stringMatching(/memo/) });
    expect(extractedFrom(text, "main player").speaker?.name).toBe("Kevin Lynch");
    // A memo whose writer is never named keeps the office that sent it.
    expect(extractedFrom(text.replace(/ The memo concerning.*$/, ""), "main player").speaker?.name).toBe("Privy Council Office");
  });

  test("'Benetton was the worst. They said …': a lone name no dictionary holds is a name even at a sentence's start, and 'they' can be a company", () => {
    const text = "Primark paid about $14 million in total. Benetton was the worst. They said they never had production there.";
    expect(extractedFrom(text, "never had production")).toMatchObject({ speaker: { name: "Benetton", kind: "organization" }, cue: "said" });
    // A person the text names in full is "he" or "she", never "they".
    expect(extractedFrom("Ed Markey was angry. They said the figure was far too low.", "far too low").speaker).toBeNull();
    // "Soon" is a word, not a name.
    expect(extractedFrom("Soon the flow grew. They said the figure was far too low.", "far too low").speaker).toBeNull();
  });

  test("'In his view, the company knew …' is the view of whoever 'his' is", () => {
    const text =
      "Markey said BP officials told the committee that the worst-case flow would be 60,000 barrels a day. In his view, the company knew all along that far more oil could pour out than it was admitting.";
    expect(extractedFrom(text, "far more oil")).toMatchObject({ speaker: { name: "Markey" }, cue: "In his view" });
    expect(extractedFrom("Markey said the flow was high. In his office, the staff kept the footage on a loop.", "kept the footage").speaker).toBeNull();
  });

  test("'A spokesman for the manufacturer, John Smith, told reporters …': the named spokesman speaks; 'The London Fire Brigade' is a public body", () => {
    const text =
      "A spokesman for the manufacturer, John Smith, told reporters that the panels were legal. The London Fire Brigade said it had been called at 00:54.";
    expect(extractedFrom(text, "panels were legal")).toMatchObject({ speaker: { name: "John Smith", kind: "person" }, cue: "told" });
    expect(extractedFrom(text, "called at 00:54")).toMatchObject({ speaker: { name: "London Fire Brigade", kind: "government_body" } });
  });

  test("'The firm insisted …' is a business the text named, never the government named before it", () => {
    const text = "The government has consistently maintained that the ship was seaworthy. The firm, however, insisted it had followed the rules.";
    expect(extractedFrom(text, "seaworthy").speaker?.name).toBe("Government");
    expect(extractedFrom(text, "followed the rules").speaker).toBeNull();
    const named =
      "Meghna Launch Services owned the ferry. The government maintained that the ship was seaworthy. The firm, however, insisted it had followed the rules.";
    expect(extractedFrom(named, "followed the rules").speaker?.name).toBe("Meghna Launch Services");
  });

  test("'In a statement, the ministry of defence said …': a body's name runs through its 'of'", () => {
    expect(extractedFrom("In a statement, the ministry of defence said the claims were false.", "claims were false")).toMatchObject({
      speaker: { name: "Ministry of defence", kind: "government_body" },
      cue: "said",
    });
  });

  test("'BP called 5,000 barrels per day its best estimate' gives BP's figure; calling the police says nothing", () => {
    const text = "In a statement on May 28, BP called 5,000 barrels per day its best estimate. The company called the police.";
    expect(extractedFrom(text, "best estimate")).toMatchObject({ speaker: { name: "BP" }, cue: "called" });
    expect(extractedFrom(text, "called the police").speaker).toBeNull();
  });
});

describe("constructions found importing a story about an aircraft's two crashes", () => {
  const STORY = [
    "Boeing faces questions after second crash",
    "",
    "The Federal Aviation Administration said on Wednesday that new satellite data showed similarities between the two crashes.",
    "",
    '"We are confident in the safety of the 737 MAX," Boeing said in a statement. The company added that it had no new guidance to issue.',
    "",
    'Ethiopia\'s transport minister, Dagmawit Moges, said the preliminary report showed the crew had performed all the procedures. "The crew performed all the procedures repeatedly," she told a news conference.',
    "",
    "Lawyers for the families alleged that Boeing had hidden the system from pilots.",
    "",
    "A pilots' union spokesman, Dennis Tajer, said pilots had not been told the system existed.",
    "",
    'As one engineer put it, the design was "a series of bad decisions." As the report notes, the sensor had failed before.',
    "",
    "Rizvi, who was flanked by Dr Farooq Sattar, Faisal Sabzwari and Rauf Siddiqui, said the party regarded the report as a conspiracy.",
  ].join("\n");
  const claimOf = finderFor(STORY);

  test.each([
    [
      "'The Federal Aviation Administration': 'Federal' opens a body's name, it is no person's title",
      "new satellite data",
      "Federal Aviation Administration",
      "government_body",
    ],
    ["'Boeing said …. The company added': a lone name with no first name or gender is the company", "no new guidance", "Boeing", "organization"],
    [
      "'X's minister, Name, said the report showed …': the minister speaks, the report's verb is hers to report",
      "performed all the procedures.",
      "Dagmawit Moges",
      "person",
    ],
    ["'she told' after the minister is the minister", "procedures repeatedly", "Dagmawit Moges", "person"],
    ["'Lawyers for the families alleged': the group is named with its clients", "hidden the system", "Lawyers for the families", "other"],
    ["'A pilots' union spokesman, Name, said': a plural possessive inside the role", "not been told the system existed", "Dennis Tajer", "person"],
    ["'Rizvi, who was flanked by A, B and C, said': the subject stands before the relative clause", "regarded the report", "Rizvi", "person"],
  ])("%s", (_what, substring, name, kind) => {
    expect(claimOf(substring).speaker).toEqual({ name, kind });
  });

  test("'As one engineer put it, …' and 'As the report notes, …' attribute the main clause", () => {
    expect(claimOf("a series of bad decisions").cue).toBe("As one engineer put it");
    expect(claimOf("the sensor had failed before").cue).toBe("As the report notes");
  });

  test("'Markey … He said …. The company said': a name the text calls 'he' is a man, not the company", () => {
    const text =
      "Rep. Markey sent a letter to BP. He said BP had been low-balling the leak. BP officials stated that the feed would stay up. The company said it was now siphoning 5,000 barrels a day.";
    expect(extractedFrom(text, "siphoning").speaker).toEqual({ name: "BP", kind: "organization" });
  });
});

describe("constructions found importing a story about a city's poisoned water", () => {
  const STORY = [
    "Michigan Governor Rick Snyder said in an interview that he had not known about the lead. Snyder's spokesman said the governor had acted as soon as he was told.",
    "",
    "The state's environmental agency, quoted by the Detroit Free Press, said the city's water met federal standards.",
    "",
    "LeeAnne Walters, 37, a mother of four, said her son had been diagnosed with lead poisoning.",
    "",
    "Dan Wyant, for his part, said the department had made mistakes. He went on to say that staff had used the wrong testing method.",
    "",
    "The emails show that officials were aware of the outbreak. A study by Purdue University found that the water was corrosive.",
  ].join("\n");
  const claimOf = finderFor(STORY);

  test.each([
    ["'Snyder's spokesman said': the spokesman speaks for his principal, not 'he was told'", "acted as soon as", "Rick Snyder", "person"],
    ["', quoted by the Detroit Free Press,' is an apposition", "met federal standards", "State environmental agency", "government_body"],
    ["'Name, 37, a mother of four, said': an age and a description", "diagnosed with lead poisoning", "LeeAnne Walters", "person"],
    ["'Name, for his part, said': a short adverbial between subject and verb", "made mistakes", "Dan Wyant", "person"],
    ["'He went on to say that …': the chain's subject speaks", "wrong testing method", "Dan Wyant", "person"],
    ["'A study by Purdue University found': the document's author speaks", "water was corrosive", "Purdue University", "organization"],
  ])("%s", (_what, substring, name, kind) => {
    expect(claimOf(substring).speaker).toEqual({ name, kind });
  });

  test("'The emails show that …' is the emails' claim, cited as such", () => {
    expect(claimOf("officials were aware").cue).toBe("The emails show");
    expect(claimOf("officials were aware").citedVia).toBe("emails");
  });
});

describe("constructions found importing an encyclopedia article on a military crackdown", () => {
  const ARTICLE = [
    "Médecins Sans Frontières estimated that at least 6,700 Rohingya were killed in the first month.[2] A 2018 study by researchers at the University of Toronto estimated the number at more than 24,000.[4]",
    "",
    'The UN Independent International Fact-Finding Mission on Myanmar concluded in 2018 that the military had acted with "genocidal intent".[5] The government of Myanmar rejected the findings, calling them "one-sided".[6]',
    "",
    "Aung San Suu Kyi, the country's de facto leader, told the International Court of Justice in December 2019 that the case presented a misleading picture.[7]",
    "",
    "Human Rights Watch has documented the burning of at least 354 villages.[9] The army's own investigation, released in November 2017, found no wrongdoing by its troops.[11]",
    "",
    'Zeid Ra\'ad al-Hussein, then UN High Commissioner for Human Rights, described the operation as "a textbook example of ethnic cleansing".[14]',
  ].join("\n");
  const claimOf = finderFor(ARTICLE);

  test.each([
    ["'Médecins Sans Frontières': a name 'without borders' is an organization", "at least 6,700", "Médecins Sans Frontières", "organization"],
    ["'A study by researchers at X estimated the number at …': the institution behind the study", "more than 24,000", "University of Toronto", "organization"],
    [
      "'The … Mission on Myanmar concluded': a body named for its subject",
      "genocidal intent",
      "UN Independent International Fact-Finding Mission on Myanmar",
      "organization",
    ],
    ["'The government of Myanmar rejected': every country from countries-list acts as its government", "one-sided", "Myanmar", "government_body"],
    ["'Name, the country's leader, told the court …': the hearer after 'told' is no speaker", "misleading picture", "Aung San Suu Kyi", "person"],
    ["'… has documented …'", "354 villages", "Human Rights Watch", "organization"],
    ["'Zeid Ra'ad al-Hussein, then …, described …': a name with a joined particle", "textbook example", "Zeid Ra'ad al-Hussein", "person"],
  ])("%s", (_what, substring, name, kind) => {
    expect(claimOf(substring).speaker).toEqual({ name, kind });
  });

  test("'The army's own investigation, released in …, found no wrongdoing': a finding of absence is a claim", () => {
    expect(claimOf("no wrongdoing").cue).toBe("found");
    expect(claimOf("no wrongdoing").speaker?.kind).toBe("government_body");
  });
});

describe("constructions found importing a diplomatic cable on election violence", () => {
  test("'Violence … has claimed more than 800 lives, according to Kenya Red Cross figures': a toll is no claim, the figures' owner speaks", () => {
    const claim = extractedFrom(
      "1. (C) Summary: Violence in the Rift Valley has claimed more than 800 lives, according to Kenya Red Cross figures. He said police had recovered lists of targets.",
      "800 lives",
    );
    expect(claim.speaker).toEqual({ name: "Kenya Red Cross", kind: "organization" });
    expect(claim.cue).toBe("according to");
  });

  test("a place ('Rift Valley', 'Tahrir Square') is not filed as a person", () => {
    for (const place of ["Rift Valley", "Tahrir Square"]) {
      expect(guessActorKind(place)).toBe("other");
      expect(readPhrase(`the ${place}`, "")).toMatchObject({ type: "name", name: place, kind: "other" });
    }
    expect(guessActorKind("Maina Kiai")).toBe("person");
  });
});

describe("constructions found importing a rights group's press release", () => {
  test("'WASHINGTON — Human Rights Watch today condemned …': a stance verb after the day, and 'It noted' is the group", () => {
    const text =
      'WASHINGTON, D.C. — Human Rights Watch today condemned the acquittal of the factory owners, calling the verdict "a betrayal." It noted that fire exits had been locked on the night of the fire.';
    expect(extractedFrom(text, "acquittal of the factory owners")).toMatchObject({
      speaker: { name: "Human Rights Watch", kind: "organization" },
      cue: "condemned",
    });
    expect(extractedFrom(text, "fire exits had been locked").speaker).toEqual({ name: "Human Rights Watch", kind: "organization" });
  });

  test("'The defence maintained …' in a trial is the defence, never the public body named before it", () => {
    const text =
      "Government prosecutors had argued that the owners ignored repeated safety warnings. The defence maintained that the fire was an act of sabotage.";
    expect(extractedFrom(text, "act of sabotage").speaker).toEqual({ name: "Defence", kind: "other" });
  });
});

describe("constructions found importing a wire story on protests", () => {
  const STORY = [
    "The interior ministry put the toll at four. The official IRNA news agency quoted Interior Minister Ahmad Vahidi as saying that security forces had acted with restraint.",
    "",
    "Vahidi was quoted by state television as saying the protesters had been armed.",
    "",
    "Asked whether police had used live ammunition, a ministry spokesman said no bullets had been fired.",
    "",
    "A police officer at the scene, who spoke on condition of anonymity because he was not authorised to talk to the media, said officers had been ordered to shoot.",
  ].join("\n");
  const claimOf = finderFor(STORY);

  test("'IRNA quoted Minister X as saying …': the minister speaks, the agency is how the words came", () => {
    expect(claimOf("acted with restraint")).toMatchObject({ speaker: { name: "Ahmad Vahidi", kind: "person" }, citedVia: "official IRNA news agency" });
  });

  test("'Vahidi was quoted by state television as saying …'", () => {
    expect(claimOf("protesters had been armed")).toMatchObject({ speaker: { name: "Ahmad Vahidi", kind: "person" }, citedVia: "state television" });
  });

  test("'a ministry spokesman said' is the ministry the story named", () => {
    expect(claimOf("no bullets had been fired").speaker).toEqual({ name: "Interior ministry", kind: "government_body" });
  });

  test("'A police officer at the scene, who spoke on condition of anonymity …, said': attributed to the role, not to a name", () => {
    expect(claimOf("ordered to shoot")).toMatchObject({ speaker: { name: "Police officer" }, cue: "said" });
    expect(claimOf("ordered to shoot").speaker!.kind).not.toBe("person");
  });
});

describe("speakers introduced by role, and what follows a head", () => {
  const STORY = [
    "The number of people killed in the explosion rose to 154 on Friday, among them 25 bodies not yet identified, a health ministry official said, and more than 60 people were still missing.",
    "",
    "A military prosecutor said 16 people, including port and customs staff, had been detained for questioning.",
    "",
    "A senior Lebanese official familiar with the report said the authorities agreed with the FBI on the quantity that exploded. Another theory is that part of it was blown into the sea by the blast, the official said.",
    "",
    "The Voice of America piece on the same report says the blast killed 214 people.",
    "",
    "The summonses show that the former ministers were charged with homicide with probable intent.",
    "",
    "Health Minister Hamad Hassan gave a toll of 137 dead. The army said on 29 August that seven people were still missing.",
    "",
    "The Rhosus was chartered by a Russian businessman. The Constitution gives that power to a special council. He said he would not appear before the judge.",
  ].join("\n");
  const claimOf = finderFor(STORY);

  test("'a health ministry official said', 'A military prosecutor said': someone the text introduces by role", () => {
    expect(claimOf("rose to 154").speaker).toMatchObject({ name: "Health ministry official" });
    expect(claimOf("16 people, including port").speaker).toMatchObject({ name: "Military prosecutor" });
  });

  test("'A senior Lebanese official familiar with the report said': the nationality is a modifier and the report only says which official", () => {
    expect(claimOf("agreed with the FBI").speaker).toMatchObject({ name: "Senior Lebanese official" });
    // … and "the official" later in the paragraph is that official.
    expect(claimOf("blown into the sea").speaker).toMatchObject({ name: "Senior Lebanese official" });
  });

  test("'The Voice of America piece on the same report says': the piece speaks, not the report it is about", () => {
    expect(claimOf("killed 214 people").citedVia).toMatch(/piece/);
    expect(claimOf("charged with homicide").citedVia).toBe("summonses");
  });

  test("'The army said' after 'Health Minister …' is the army, not the last public body", () => {
    expect(claimOf("seven people were still missing").speaker).toMatchObject({ name: "Army" });
  });

  test("'The Constitution' and 'the Rhosus' take 'the', so neither is a person 'he' can mean", () => {
    expect(claimOf("would not appear before the judge").speaker?.name).not.toMatch(/Constitution|Rhosus/);
  });
});

describe("a government press statement: the office-holder all the way down", () => {
  const STATEMENT = [
    "Islamabad, 14 March 2023 — Prime Minister Shehbaz Sharif received a delegation of flood-affected farmers at the PM House today.",
    "",
    "The Prime Minister said that relief had reached every flooded district of Sindh.",
    "",
    "The Prime Minister reaffirmed that the federal government would pay compensation for every damaged house.",
    "",
    "Officials of the planning ministry presented the reconstruction plan to the delegation.",
    "",
    "The farmers thanked the government for its help and asked for seed and fertiliser before the sowing season.",
    "",
    "The planning ministry put the damage at 30 billion dollars in its own assessment.",
    "",
    '"Nobody will be left behind," the Prime Minister said. He stressed that the money would reach families directly.',
  ].join("\n");
  const claimOf = finderFor(STATEMENT);

  test("a dateline's place ('Islamabad, 14 March 2023 —') is no one 'he' can mean", () => {
    expect(claimOf("money would reach families directly").speaker).toMatchObject({ name: "Shehbaz Sharif" });
  });

  test("'the Prime Minister' paragraphs after 'Prime Minister Shehbaz Sharif' is still him; 'reaffirmed' reports", () => {
    expect(claimOf("relief had reached every flooded district").speaker).toMatchObject({ name: "Shehbaz Sharif" });
    expect(claimOf("would pay compensation for every damaged house")).toMatchObject({ speaker: { name: "Shehbaz Sharif" }, cue: "reaffirmed" });
    expect(claimOf("Nobody will be left behind").speaker).toMatchObject({ name: "Shehbaz Sharif" });
  });
});

describe("subjects set apart from their verbs", () => {
  const STORY = [
    "In a statement in March 2021 the presidency said that the president had first learned of the cargo from a security report.",
    "",
    "In December Sharif stood in front of journalists and said the audit showed that half the relief money had been spent.",
    "",
    "The Movement, whose leader Altaf Hussain has denied any part in the violence, accused the Rangers of running a political operation.",
    "",
    "A report by the Federal Investigation Agency, dated July 2020, concluded that the factory had been set on fire over unpaid extortion money.",
    "",
    '"He is the only judge who has not been afraid of them," said the mother of a worker killed in the fire, who was among dozens of relatives outside the court.',
  ].join("\n");
  const claimOf = finderFor(STORY);

  test("'In a statement in March 2021 the presidency said': a fronted phrase, and the presidency as a body", () => {
    expect(claimOf("first learned of the cargo").speaker).toMatchObject({ name: "Presidency", kind: "government_body" });
  });

  test("'In December Sharif stood … and said': a fronted time before a coordinated verb", () => {
    expect(claimOf("half the relief money").speaker).toMatchObject({ name: "Sharif" });
  });

  test("'The Movement, whose leader … has denied …, accused': the relative clause is not the subject", () => {
    expect(claimOf("running a political operation")).toMatchObject({ speaker: { name: "Movement" }, cue: "accused" });
  });

  test("'A report by the Federal Investigation Agency, dated July 2020, concluded': a participle that only says which report", () => {
    expect(claimOf("set on fire over unpaid extortion")).toMatchObject({ speaker: { name: "Federal Investigation Agency" }, cue: "concluded" });
  });

  test("'said the mother of a worker killed in the fire, who …': the 'of' phrase says whose mother", () => {
    expect(claimOf("only judge who has not been afraid").speaker).toMatchObject({ name: "Mother of a worker", kind: "person" });
  });
});

describe("who 'he' and 'according to' mean when the name was not a speaker", () => {
  const STORY = [
    "The ship was chartered by the Cypriot businessman Charalambos Manoli. He said he had gone bankrupt and could not pay the crew.",
    "",
    "The fire spread to the fertiliser store within minutes, according to a source familiar with the first official findings.",
  ].join("\n");
  const claimOf = finderFor(STORY);

  test("'… by the Cypriot businessman Charalambos Manoli. He said …': a name after its role at the sentence's end", () => {
    expect(claimOf("had gone bankrupt").speaker).toMatchObject({ name: "Charalambos Manoli", kind: "person" });
  });

  test("'The Crime and Corruption Reporting Project estimated': a project is a body, not a person named Project", () => {
    expect(finderFor("The Crime and Corruption Reporting Project later estimated the damage at up to 8 billion dollars.")("damage at up to").speaker).toEqual({
      name: "Crime and Corruption Reporting Project",
      kind: "organization",
    });
  });

  test("'According to a 2015 report by the maritime network shiparrested.com': a website names its publisher", () => {
    const claimOf = finderFor("According to a 2019 report by the shipping website maritime-executive.com, the tanker was detained in Fujairah for a week.");
    expect(claimOf("detained in Fujairah")).toMatchObject({
      speaker: { name: "maritime-executive.com", kind: "media_outlet" },
      citedVia: expect.stringMatching(/2019 report/),
    });
  });

  test("'The Voice of America piece says': the publisher's name before the document, 'of' and all", () => {
    const claimOf = finderFor("The Voice of America piece on the same report says the blast killed 214 people.");
    expect(claimOf("killed 214 people")).toMatchObject({ speaker: { name: "Voice of America" }, citedVia: "Voice of America piece" });
    // A place before a document is where it is about, not who wrote it.
    expect(finderFor("The Baldia Town report said the doors were locked.")("doors were locked").speaker?.name).not.toBe("Baldia Town");
  });

  test("'In October 2021 sources in the party told a channel': anonymous sources told apart by where they are, after a fronted date", () => {
    const claimOf = finderFor("In March 2019 sources in the PPP and the Awami National Party told Dawn that the inquiry had been shelved.");
    expect(claimOf("inquiry had been shelved").speaker).toMatchObject({ name: "Sources in the PPP and the Awami National Party" });
    // A fronted phrase that ends on a noun still leaves the subject after it.
    expect(finderFor("In a press conference MQM leader Farooq Sattar said the party was not involved.")("party was not involved").speaker).toMatchObject({
      name: "Farooq Sattar",
    });
  });

  test("'Newspapers in Lahore were accusing …', 'Residents of Gemmayzeh said': a group told apart by its place keeps it", () => {
    expect(finderFor("Newspapers in Lahore were accusing the party of rigging the vote.")("rigging the vote").speaker).toMatchObject({
      name: "Newspapers in Lahore",
    });
    expect(finderFor("Residents of Gemmayzeh said the warehouse had smelled of smoke for days.")("smelled of smoke").speaker).toMatchObject({
      name: "Residents of Gemmayzeh",
    });
    expect(finderFor("Newspapers in Lahore were accusing the party of rigging the vote.")("rigging the vote").speaker!.kind).not.toBe("person");
  });

  test("'according to a source familiar with the first official findings': the source, told apart by what follows", () => {
    expect(claimOf("spread to the fertiliser store").speaker).toMatchObject({ name: "Source familiar with the first official findings" });
  });
});

describe("constructions found importing a court's judgment between two states", () => {
  const JUDGMENT = [
    "THE LAW",
    "",
    "1. The applicant Government alleged that the Russian Federation had carried out attacks on civilians. The respondent Government contested that allegation.",
    "",
    "2. The Government submitted that the Russian armed forces had not been present in the villages concerned.",
    "",
    "3. The Court considers that the evidence before it is sufficient. It notes that no convincing explanation has been provided.",
    "",
    "5. The Grand Chamber found, by eleven votes to six, that there had been a violation of Article 2 of the Convention.",
    "",
    "6. In their observations, the applicants maintained that the killings had been systematic.",
    "",
    "10. The third-party intervener, Human Rights Centre, stated that it had documented 138 cases of ill-treatment.",
  ].join("\n");
  const claimOf = finderFor(JUDGMENT);

  test.each([
    ["'1. The applicant Government alleged': a numbered paragraph, and the side is the name", "carried out attacks", "Applicant Government", "government_body"],
    ["'The respondent Government contested that allegation'", "contested that allegation", "Respondent Government", "government_body"],
    ["'The Government submitted that …' is the government last named", "had not been present", "Respondent Government", "government_body"],
    ["'The Court considers that …'", "evidence before it is sufficient", "Court", "court"],
    ["'It notes that …' is the Court", "no convincing explanation", "Court", "court"],
    ["'The Grand Chamber found, by eleven votes to six, that …'", "violation of Article 2", "Grand Chamber", "court"],
    ["'In their observations, the applicants maintained …'", "killings had been systematic", "Applicants", "other"],
    ["'The third-party intervener, Human Rights Centre, stated …'", "138 cases", "Human Rights Centre", "organization"],
  ])("%s", (_what, substring, name, kind) => {
    expect(claimOf(substring).speaker).toEqual({ name, kind });
  });
});

describe("constructions found importing a press conference transcript and a ministry's statement", () => {
  const TRANSCRIPT = [
    "Foreign Ministry Spokesperson's Regular Press Conference",
    "",
    "Q: The BBC reported that detainees in the camps were subjected to systematic abuse. What is your comment?",
    "",
    "Wang Wenbin: The so-called report is completely fabricated. The BBC has repeatedly spread disinformation about the region.",
    "",
    "Q: Some countries have called for an independent investigation.",
    "",
    "A: The door of the region is always open to people who are unbiased.",
    "",
    "The Ministry of Foreign Affairs of the People's Republic of China states that the centres were closed in 2019. The Ministry reiterates that all trainees have graduated.",
  ].join("\n");
  const claimOf = finderFor(TRANSCRIPT);

  test("'Name: …' speaks the whole paragraph, and the label is no part of the claim", () => {
    expect(claimOf("completely fabricated")).toMatchObject({
      quote: "The so-called report is completely fabricated.",
      speaker: { name: "Wang Wenbin", kind: "person" },
    });
    expect(claimOf("spread disinformation").speaker).toEqual({ name: "Wang Wenbin", kind: "person" });
  });

  test("'A:' is the last named answerer; 'Q:' is the questioner, nobody in particular", () => {
    expect(claimOf("always open").speaker).toEqual({ name: "Wang Wenbin", kind: "person" });
    expect(claimOf("independent investigation").speaker).toBeNull();
  });

  test("'The Ministry reiterates …' is the ministry the statement named in full", () => {
    expect(claimOf("trainees have graduated").speaker).toEqual({
      name: "Ministry of Foreign Affairs of the People's Republic of China",
      kind: "government_body",
    });
  });
});

describe("a chain of reporting: the document is how we know, the person in it speaks", () => {
  test("'According to the report, Qureshi told investigators that …' is Qureshi's, cited via the report", () => {
    const text =
      "The joint investigation team submitted its report on Friday. According to the report, Qureshi told investigators that a party official had demanded Rs200 million from the owners.";
    const claim = extractedFrom(text, "had demanded Rs200 million");
    expect(claim.speaker).toEqual({ name: "Qureshi", kind: "person" });
    expect(claim.citedVia).toMatch(/report/);
  });

  test("'The inquiry published its report. According to the report, the fire spread …' is the inquiry's finding", () => {
    const claim = extractedFrom("The inquiry published its report. According to the report, the fire spread within minutes.", "spread within minutes");
    expect(claim.speaker).toEqual({ name: "Inquiry", kind: "organization" });
    expect(claim.citedVia).toMatch(/report/);
  });
});

describe("who holds a position when someone else reports it", () => {
  test("'BP is arguing that …, staff of the commission said': BP's position, the staff are how we know", () => {
    const claim = extractedFrom(
      "BP is arguing that the federal government overstated the amount of oil by 20 to 50 percent, staff of the commission said Friday.",
      "overstated",
    );
    expect(claim.speaker).toEqual({ name: "BP", kind: "organization" });
    expect(claim.citedVia).toBe("Staff of the commission");
  });

  test("'Hussain condemned …, he said' stays Hussain's, with no citation of himself", () => {
    const claim = extractedFrom("Altaf Hussain said that the operation was unjust, he told reporters.", "operation was unjust");
    expect(claim.speaker?.name).toBe("Altaf Hussain");
    expect(claim.citedVia).toBeNull();
  });

  test("'According to a list kept by the administration, …': the body that keeps the list speaks", () => {
    const claim = extractedFrom("According to a list kept by the administration, at least 98 people were still missing.", "still missing");
    expect(claim.speaker).toEqual({ name: "Administration", kind: "government_body" });
  });
});

// Sentences of another subject (the 2023 Maui wildfires), none of them from a labelled set.
describe("a head told apart by what follows it", () => {
  const claimOf = finderFor(
    [
      "Officials familiar with the search said the toll would rise again.",
      "Survivors who fled the flames said they heard no siren at all.",
      "Experts interviewed by the newspaper said the winds were extreme.",
      "Residents interviewed by the Associated Press said there was no warning.",
      "Critics of the reassignment say the water official was made a scapegoat.",
      "The man who found the bodies said the fire moved faster than a car.",
    ].join("\n\n"),
  );

  test("'Officials familiar with the search said': the officials, though the search is no one's name", () => {
    expect(claimOf("toll would rise again").speaker).toMatchObject({ name: "Officials" });
  });

  test("'Survivors who fled the flames said', 'Experts interviewed by the newspaper said': the head speaks", () => {
    expect(claimOf("heard no siren").speaker).toMatchObject({ name: "Survivors" });
    expect(claimOf("winds were extreme").speaker).toMatchObject({ name: "Experts" });
    // The paper that interviewed them is not who speaks.
    expect(claimOf("there was no warning").speaker).toMatchObject({ name: "Residents" });
  });

  test("'Critics of the reassignment say': the group, named with what it criticises", () => {
    expect(claimOf("made a scapegoat").speaker).toMatchObject({ name: "Critics of the reassignment" });
  });

  test("a head that is no group, role or source is not made a speaker by its relative clause", () => {
    expect(claimOf("faster than a car").speaker?.name ?? null).not.toBe("Bodies");
  });
});

describe("abbreviated titles", () => {
  test("'Gov. Josh Green …' is who 'the governor' means later in the article", () => {
    const claimOf = finderFor(
      "Gov. Josh Green said on Friday that the toll was 97, not 115.\n\nIn a post on X, the governor wrote that the state would not let developers buy land from grieving families.",
    );
    expect(claimOf("would not let developers").speaker).toMatchObject({ name: "Josh Green", kind: "person" });
  });
});

describe("one subject for two verbs, and companies named for what they sell", () => {
  const claimOf = finderFor(
    [
      "Hawaiian Electric said its lines had been de-energized for more than six hours.",
      "Pacific Gas and Electric said in 2019 that its equipment had probably started the Camp Fire.",
      "Asked whether the county had been prepared, Mayor Richard Bissen declined to say, but insisted that crews had done everything they could.",
      "Andaya declined to comment on the sirens but said the agency had followed its plan.",
    ].join("\n\n"),
  );

  test("'Hawaiian Electric', 'Pacific Gas and Electric' are companies, each its own", () => {
    expect(claimOf("de-energized").speaker).toEqual({ name: "Hawaiian Electric", kind: "organization" });
    expect(claimOf("Camp Fire").speaker).toEqual({ name: "Pacific Gas and Electric", kind: "organization" });
  });

  test("'declined to say, but insisted that …', 'declined to comment … but said …': the subject of the first verb says it", () => {
    expect(claimOf("done everything they could").speaker).toMatchObject({ name: "Richard Bissen", kind: "person" });
    expect(claimOf("followed its plan").speaker).toMatchObject({ name: "Andaya" });
  });
});

// Sentences about the 2023 East Palestine derailment, none from a labelled set.
describe("titles of chairs and administrators, and railroads", () => {
  const claimOf = finderFor(
    [
      "NTSB Chair Jennifer Homendy told a hearing that the vent and burn had not been needed.",
      "EPA Administrator Michael Regan insisted the air and water in the village were safe.",
      "Norfolk Southern Railway said on Monday that the line had been inspected.",
      "In a statement, the railroad said its contractors had recommended the burn.",
    ].join("\n\n"),
  );

  test("'NTSB Chair Jennifer Homendy', 'EPA Administrator Michael Regan': the title is not part of the name", () => {
    expect(claimOf("had not been needed").speaker).toEqual({ name: "Jennifer Homendy", kind: "person" });
    expect(claimOf("air and water").speaker).toEqual({ name: "Michael Regan", kind: "person" });
  });

  test("'the railroad said' is the railway company named before", () => {
    expect(claimOf("line had been inspected").speaker).toEqual({ name: "Norfolk Southern Railway", kind: "organization" });
    expect(claimOf("recommended the burn").speaker).toEqual({ name: "Norfolk Southern Railway", kind: "organization" });
  });
});
