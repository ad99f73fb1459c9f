// What a rule reads of one claim is computed once per claim object and kept (a claim is judged in
// many pairs): judging a pair after its claims were judged against others must give the verdict that
// fresh copies of the two claims give, in either order.
import { describe, expect, test } from "vitest";
import { strongestCue, type CueClaim } from "@/lib/contradictions/judge";
import { Vocabulary } from "@/lib/text/terms";

const SENTENCES: [string, string | null, number][] = [
  ["Port engineers declared the grain silo structurally sound in March.", "Abena Darko", 1],
  ["Inspectors had warned that the grain silo was dangerous and at risk of collapse.", null, 1],
  ["The harbour police accused the Tema Freight Company of hiding the chemical stockpile.", null, 2],
  ["The Tema Freight Company denied any involvement in hiding the chemical stockpile.", "Tema Freight Company", 2],
  ["The company admitted that the chemical stockpile had been stored beside the grain silo.", "Tema Freight Company", 3],
  ["The warehouse doors were locked when the fire started.", "Yaw Boateng", 4],
  ["The warehouse doors were not locked when the fire started, a night guard said.", "Efua Asante", 4],
  ["Officials said 41 dockworkers died in the blast at the grain silo.", null, 5],
  ["The union said 68 dockworkers died in the blast at the grain silo.", "Dockworkers Union", 6],
  ["The Phase 1 report on the grain silo blast counted 41 dead.", null, 7],
  ["The Phase 2 report on the grain silo blast counted 68 dead.", null, 7],
  ["Harbour Authority spokesman Kofi Mensah said the cranes complied with every safety regulation.", "Kofi Mensah", 8],
  ["The cranes violated the safety regulations, the dockworkers union said.", "Dockworkers Union", 8],
];

function claims(): CueClaim[] {
  return SENTENCES.map(([quote, speaker, source], index) => ({
    id: index + 1,
    quote,
    cue: null,
    sourceId: source,
    sourceTitle: "Tema harbour blast",
    startOffset: index * 100,
    speakerId: speaker ? 100 + SENTENCES.findIndex(([, other]) => other === speaker) : null,
    speakerName: speaker,
    stance: "unclear",
  }));
}

const vocabulary = Vocabulary.from(Array.from({ length: 200 }, (_, index) => `filler sentence number ${index} about nothing in particular`));

describe("a claim's features, kept across pairs, change no verdict", () => {
  test("every pair judged after its claims were judged against the others gives the fresh copies' verdict", () => {
    const shared = claims();
    const pairs = shared.flatMap((a, i) => shared.slice(i + 1).map((b) => [a, b] as const));
    // Warm each claim's memos in one order, then judge in the reverse order and both ways round.
    for (const [a, b] of pairs) strongestCue(a, b, {}, vocabulary);
    const kept = [...pairs].reverse().map(([a, b]) => [strongestCue(b, a, {}, vocabulary), strongestCue(a, b, {}, vocabulary)]);
    const copy = (claim: CueClaim) => claims()[claim.id - 1]!;
    const fresh = [...pairs].reverse().map(([a, b]) => [strongestCue(copy(b), copy(a), {}, vocabulary), strongestCue(copy(a), copy(b), {}, vocabulary)]);
    expect(kept).toEqual(fresh);
    const rules = new Set(kept.flat().flatMap((match) => (match ? [match.rule] : [])));
    // The rules whose per-claim readings are kept fire on these sentences: the check is not vacuous.
    expect([...rules].sort()).toEqual(expect.arrayContaining(["accusation-denial", "figures-conflict", "negated-statement", "opposite-verdicts"]));
  });
});
