// Which claims the candidate channels pair: a pair no rule can turn into a verdict is judging time
// for nothing (a million claims give millions of pairs), while the pairs the rules need stay.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { generateCandidates, type CandidatePair } from "@/lib/contradictions/candidates";
import { refreshStaleFacets } from "@/lib/claims/facets";

const DENIAL = "The Muttahida Qaumi Movement denied any involvement in the killings.";
const ACCUSATION = "Police said the Muttahida Qaumi Movement was responsible for the killings.";
const NAMING = "The Muttahida Qaumi Movement held a rally in Karachi on Sunday.";
// A negated twin that changed one of its rarest words ("Ashulia" → "Savar"); "Ashulia" is in another claim too.
const NEGATED = "Inspectors never certified the boiler at the Tazreen plant in Ashulia last November.";
const TWIN = "Inspectors certified the boiler at the Tazreen plant in Savar last November.";
const ELSEWHERE = "Ashulia garment workers blocked the highway for a third day.";

describe("candidate channels", () => {
  let database: TestDatabase;
  let pairs: CandidatePair[];
  let ids: Map<string, number>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const quotes = [DENIAL, ACCUSATION, NAMING, NEGATED, TWIN, ELSEWHERE];
    ids = new Map();
    // One source per claim: no pair is found for standing side by side.
    for (const [index, quote] of quotes.entries()) {
      const source = await database.prisma.source.create({
        data: { slug: `channels-${index}`, title: `Channels ${index}`, text: quote, textSha256: String(index).repeat(64).slice(0, 64) },
      });
      const claim = await database.prisma.claim.create({ data: { sourceId: source.id, quote, startOffset: 0, endOffset: quote.length } });
      ids.set(quote, claim.id);
    }
    await database.prisma.$transaction((tx) => refreshStaleFacets(tx));
    pairs = (await generateCandidates(database.prisma)).pairs;
  });
  afterAll(async () => {
    await database?.drop();
  });

  const pairOf = (first: string, second: string) => {
    const [a, b] = [ids.get(first)!, ids.get(second)!].sort((x, y) => x - y);
    return pairs.find((pair) => pair.claimAId === a && pair.claimBId === b);
  };

  test("a denial of a party is paired with an accusation of it through the acts channel", () => {
    expect(pairOf(DENIAL, ACCUSATION)?.channels).toContain("acts");
  });

  test("a claim that only names the party is no acts partner of its denial", () => {
    // The rules that weigh a denial against another claim need that claim to accuse or admit.
    expect(pairOf(DENIAL, NAMING)?.channels ?? []).not.toContain("acts");
  });

  test("a negated twin is found even when it changed one of its two rarest words", () => {
    const pair = pairOf(NEGATED, TWIN);
    expect(pair?.channels).toContain("trigram");
    expect(pair!.similarity!).toBeGreaterThanOrEqual(0.4);
  });
});
