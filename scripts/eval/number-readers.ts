// npm run eval:numbers — how the candidate number readers do on the claims of every labelled
// set: compromise alone (numbers in words and digits), wink-nlp's entities (CARDINAL, MONEY,
// PERCENT, QUANTITY), and what lib/facets uses (digits by pattern, words by compromise, units
// by js-quantities). Prints time per claim and, on a table of sentences whose figures are
// known, how many figures each reads with the right value.
import nlp from "compromise";
import { runCli } from "@/lib/cli/run";
import { extractQuantities } from "@/lib/facets/quantities";
import { nlp as wink } from "@/lib/text/nlp";
import { conflictSubjectDirs, loadConflictSubject } from "@/scripts/eval/conflict-sets";

/** Sentences from the sets with the figures a reader must find (values as written, before units). */
const KNOWN: [string, number[]][] = [
  ["At least eleven people were killed when gunmen opened fire on a crowded vegetable market, police said.", [11]],
  ["Zohra Yusuf said that at least 17 people had died, not eleven.", [17]],
  ["Government scientists said 53,000 to 62,000 barrels per day flowed from the well.", [53_000, 62_000]],
  ["The teams estimate that approximately 4.9 million barrels of oil were released from the well.", [4_900_000]],
  ["The panel put the flow at 12,000-19,000 barrels a day.", [12_000, 19_000]],
  ["A party official had demanded Rs200 million in bhatta from the owners.", [200_000_000]],
  ["Around 259 workers were burnt alive and more than six hundred were injured.", [259, 600]],
  ["On 5 September 1995, 8 MQM supporters were killed and 11 were injured.", [8, 11]],
  ["The maximum estimated flow would be 60,000 barrels a day (9,500 cubic metres).", [60_000, 9_500]],
  ["Twenty-one passengers and crew were Australians, and 196 were Dutch.", [21, 196]],
];

function compromiseValues(text: string): number[] {
  return (nlp(text).numbers().json() as { number?: { num?: number | null } }[])
    .map((item) => item.number?.num)
    .filter((value): value is number => typeof value === "number");
}

function winkValues(text: string): number[] {
  const instance = wink();
  const entities = instance.readDoc(text).entities().out(instance.its.detail) as unknown as { value: string; type: string }[];
  return entities
    .filter((entity) => /CARDINAL|MONEY|PERCENT|QUANTITY/.test(entity.type))
    .map((entity) => {
      const digits = entity.value.replace(/[^\d.]/g, "");
      const scale = /million/i.test(entity.value) ? 1e6 : /billion/i.test(entity.value) ? 1e9 : /thousand/i.test(entity.value) ? 1e3 : 1;
      return digits ? Number(digits) * scale : Number.NaN;
    });
}

/** What the facets read, in the figure's own unit (not litres): the value as written. */
function facetValues(text: string): number[] {
  return extractQuantities(text).flatMap((quantity) => {
    const factor = quantity.dimension === "volume" ? (/gallon/.test(quantity.unit) ? 3.785411784 : /cubic|m3/.test(quantity.unit) ? 1000 : 158.987294928) : 1;
    return quantity.low === quantity.high ? [quantity.low / factor] : [quantity.low / factor, quantity.high / factor];
  });
}

function score(read: (text: string) => number[]): { right: number; total: number; extra: number } {
  let right = 0;
  let total = 0;
  let extra = 0;
  for (const [text, expected] of KNOWN) {
    const values = read(text);
    total += expected.length;
    for (const value of expected) if (values.some((found) => Math.abs(found - value) <= Math.max(1e-6, value * 1e-6))) right += 1;
    extra += values.filter((found) => !expected.some((value) => Math.abs(found - value) <= value * 1e-6)).length;
  }
  return { right, total, extra };
}

function timePerClaim(read: (text: string) => unknown, claims: string[]): number {
  for (const claim of claims.slice(0, 50)) read(claim);
  const started = performance.now();
  for (const claim of claims) read(claim);
  return (performance.now() - started) / claims.length;
}

await runCli(async () => {
  const claims: string[] = [];
  for (const dir of await conflictSubjectDirs()) {
    const subject = await loadConflictSubject(dir);
    for (const document of subject.documents) claims.push(...document.claims.map((claim) => claim.quote));
  }
  console.log(
    `${claims.length} claims of the labelled sets; ${KNOWN.length} sentences with ${KNOWN.reduce((sum, [, values]) => sum + values.length, 0)} known figures\n`,
  );
  for (const [name, read] of [
    ["compromise alone", compromiseValues],
    ["wink-nlp entities", winkValues],
    ["lib/facets (pattern + compromise + js-quantities)", facetValues],
  ] as const) {
    const { right, total, extra } = score(read);
    console.log(`${name.padEnd(50)} ${right}/${total} figures right, ${extra} read that are not figures; ${timePerClaim(read, claims).toFixed(3)} ms a claim`);
  }
});
