// npm run eval:contradictions — how well detection finds the real conflicts in the seed
// documents. Seeds a throwaway database (local Postgres when it answers, else embedded
// PGlite), runs detection exactly as `npm run detect` does, and scores the ranked candidates
// against the hand-labelled list in scripts/contradictions-gold.ts.
//
//   --url URL   judge an already seeded database instead (read-only)
//   --top N     size of the "top" an editor reads first (default 20)
//   --verbose   print every top candidate and every missed conflict
//   --min-score S  with --url: judge with another cut-off (diagnostics)
import "dotenv/config";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { createPrismaClient } from "@/lib/db/client";
import { detectContradictions, judgeCandidates } from "@/lib/contradictions/detect";
import { candidatePairBatches, generateCandidates, type CandidatePair } from "@/lib/contradictions/candidates";
import { createTestDatabase } from "@/tests/helpers/test-database";
import { seedDatabase } from "@/seed/run-seed";
import { GOLD_CONFLICTS, type GoldConflict } from "./contradictions-gold";

const argsSchema = z.object({
  url: z.string().url().optional(),
  top: z.coerce.number().int().min(1).max(500).default(20),
  verbose: z.boolean().default(false),
  minScore: z.coerce.number().min(0).max(1).optional(),
});

interface Ranked {
  claimAId: number;
  claimBId: number;
  score: number;
  kind: string;
  rule: string;
  explanation: string;
}

/** Curly and straight quotes differ between documents; compare without them. */
function plain(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ");
}

function matchesSide(quote: string, substrings: string[]): boolean {
  const q = plain(quote);
  return substrings.some((substring) => q.includes(plain(substring)));
}

function goldIndex(pair: Ranked, quotes: Map<number, string>): number {
  const a = quotes.get(pair.claimAId) ?? "";
  const b = quotes.get(pair.claimBId) ?? "";
  return GOLD_CONFLICTS.findIndex(
    (gold) => (matchesSide(a, gold.a) && matchesSide(b, gold.b)) || (matchesSide(a, gold.b) && matchesSide(b, gold.a)),
  );
}

function unmatchedSubstrings(gold: GoldConflict[], quotes: string[]): string[] {
  const missing: string[] = [];
  for (const entry of gold) {
    for (const substring of [...entry.a, ...entry.b]) {
      if (!quotes.some((quote) => plain(quote).includes(plain(substring)))) missing.push(`${entry.label}: "${substring}"`);
    }
  }
  return missing;
}

export interface EvaluationReport {
  claims: number;
  examined: number;
  candidates: number;
  top: number;
  topAccepted: number;
  goldFound: number;
  goldInTop: number;
  goldTotal: number;
  seconds: number;
}

await runCli(async () => {
  const { values } = parseArgs({
    options: { url: { type: "string" }, top: { type: "string" }, verbose: { type: "boolean" }, "min-score": { type: "string" } },
  });
  const args = argsSchema.parse({ ...values, minScore: values["min-score"] });
  const started = performance.now();

  let ranked: Ranked[];
  let examinedPairs: { claimAId: number; claimBId: number }[];
  let quotes: Map<number, string>;
  let claimCount: number;
  let examined: number;
  let seconds: number;
  let cleanup = async () => {};

  if (args.url) {
    const prisma = createPrismaClient(args.url, 2);
    cleanup = () => prisma.$disconnect();
    const detectStart = performance.now();
    // The pairs the database proposed are still in the transaction's temporary table after judging.
    const judged = await prisma.$transaction(async (tx) => {
      const judgement = await judgeCandidates(tx, { minScore: args.minScore });
      const pairs: CandidatePair[] = [];
      for await (const batch of candidatePairBatches(tx)) pairs.push(...batch);
      return { ...judgement, pairs };
    }, { timeout: 3_600_000 });
    seconds = (performance.now() - detectStart) / 1000;
    ranked = judged.verdicts;
    const claims = await prisma.claim.findMany({ select: { id: true, quote: true } });
    quotes = new Map(claims.map((claim) => [claim.id, claim.quote]));
    claimCount = judged.candidates.claims;
    examined = judged.candidates.pairs;
    examinedPairs = judged.pairs;
  } else {
    console.log("Seeding a throwaway database …");
    const database = await createTestDatabase();
    cleanup = () => database.drop();
    const seed = await seedDatabase(database.prisma);
    if (seed.failures.length) throw new Error(`seeding failed: ${seed.failures.map((failure) => failure.message).join("; ")}`);
    const report = await detectContradictions(database.prisma);
    seconds = report.seconds;
    claimCount = report.claims;
    examined = report.candidates;
    const rows = await database.prisma.contradiction.findMany({
      orderBy: [{ score: "desc" }, { id: "asc" }],
      select: { claimAId: true, claimBId: true, score: true, kind: true, detectedBy: true, explanation: true },
    });
    ranked = rows.map((row) => ({ ...row, rule: row.detectedBy, explanation: row.explanation ?? "" }));
    // The same candidate generation again, read-only, to tell missed pairs from misjudged ones.
    examinedPairs = (await generateCandidates(database.prisma)).pairs;
    const claims = await database.prisma.claim.findMany({ select: { id: true, quote: true } });
    quotes = new Map(claims.map((claim) => [claim.id, claim.quote]));
  }

  try {
    const missingSubstrings = unmatchedSubstrings(GOLD_CONFLICTS, [...quotes.values()]);
    if (missingSubstrings.length) {
      console.warn(`warning: ${missingSubstrings.length} gold substring(s) match no claim (extraction changed?):`);
      for (const line of missingSubstrings) console.warn(`  ${line}`);
    }

    const found = new Map<number, number>();
    ranked.forEach((pair, rank) => {
      const index = goldIndex(pair, quotes);
      if (index >= 0 && !found.has(index)) found.set(index, rank + 1);
    });
    const proposedByDatabase = new Set<number>();
    for (const pair of examinedPairs) {
      const index = goldIndex({ ...pair, score: 0, kind: "", rule: "", explanation: "" }, quotes);
      if (index >= 0) proposedByDatabase.add(index);
    }
    const top = ranked.slice(0, args.top);
    const topAccepted = top.filter((pair) => goldIndex(pair, quotes) >= 0).length;
    const goldInTop = [...found.values()].filter((rank) => rank <= args.top).length;
    const byKind: Record<string, number> = {};
    for (const pair of ranked) byKind[pair.kind] = (byKind[pair.kind] ?? 0) + 1;

    const report: EvaluationReport = {
      claims: claimCount, examined, candidates: ranked.length, top: Math.min(args.top, ranked.length), topAccepted,
      goldFound: found.size, goldInTop, goldTotal: GOLD_CONFLICTS.length, seconds,
    };

    if (args.verbose) {
      console.log(`\nTop ${args.top}:`);
      top.forEach((pair, index) => {
        const mark = goldIndex(pair, quotes) >= 0 ? "✓" : "·";
        console.log(`${String(index + 1).padStart(3)} ${mark} ${pair.score.toFixed(2)} ${pair.kind.padEnd(11)} ${pair.explanation}`);
        console.log(`        A #${pair.claimAId}: ${(quotes.get(pair.claimAId) ?? "").slice(0, 110)}`);
        console.log(`        B #${pair.claimBId}: ${(quotes.get(pair.claimBId) ?? "").slice(0, 110)}`);
      });
      console.log("\nGold conflicts (rank; \"judged\" = proposed by the database but no cue fired; \"unseen\" = never proposed):");
      GOLD_CONFLICTS.forEach((gold, index) => {
        const rank = found.get(index);
        const status = rank ? `#${String(rank).padEnd(5)}` : proposedByDatabase.has(index) ? "judged" : "unseen";
        console.log(`  ${status} ${gold.label}`);
      });
    }

    console.log(
      `\nclaims: ${report.claims}, candidate pairs examined: ${report.examined}, candidates proposed: ${report.candidates} ` +
        `(${Object.entries(byKind).map(([kind, count]) => `${kind} ${count}`).join(", ")})`,
    );
    console.log(`top-${report.top} accepted: ${report.topAccepted}/${report.top}`);
    const allAccepted = ranked.filter((pair) => goldIndex(pair, quotes) >= 0).length;
    console.log(`all candidates accepted: ${allAccepted}/${ranked.length} (a pair counts as accepted when it is one of the hand-labelled conflicts)`);
    console.log(`gold recall: ${report.goldFound}/${report.goldTotal} anywhere in the list, ${report.goldInTop}/${report.goldTotal} in the top ${args.top}` +
      ` (${proposedByDatabase.size}/${report.goldTotal} among the candidate pairs the database proposed)`);
    console.log(`detection time: ${report.seconds.toFixed(1)} s (total ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await cleanup();
  }
});
