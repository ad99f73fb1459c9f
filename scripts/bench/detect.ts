// npm run bench:detect -- --claims N: contradiction detection alone on the benchmark's
// synthetic corpus, in a throwaway database, with where the time went and the peak memory.
// What `npm run bench` prints at N/10 and N, for one size and without starting the app: the
// quick figure to check after changing a rule or a channel. Facets are computed by the run
// (the loader writes none), as for claims stored by an older facets version. It prints the CPU
// the process spent (all its threads) per candidate pair: the figure to compare across runs.
//
//   --claims N     claims in the corpus (default 20,000)
//   --facets-first compute the facets before the timed run, as an import would have
//   --keep         leave the database (its name is printed) for another run with --database
//   --prepare-only load (and with --facets-first compute the facets), keep the database, detect nothing
//   --database D   run again on a database kept by --keep: no loading, its facets as they are,
//                  its stored contradictions deleted first so that every run stores afresh
import "dotenv/config";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { createPrismaClient } from "@/lib/db/client";
import { detectContradictions, formatDetectionReport } from "@/lib/contradictions/detect";
import { refreshStaleFacets } from "@/lib/claims/facets";
import { benchServerUrl, createThrowawayDatabase, databaseUrlOn, type ThrowawayDatabase } from "./database";
import { seedCorpus } from "./seed";

const argsSchema = z.object({
  claims: z.coerce.number({ error: "a whole number of claims, 100 to 2,000,000" }).int().min(100).max(2_000_000).default(20_000),
  facetsFirst: z.boolean().default(false),
  keep: z.boolean().default(false),
  prepareOnly: z.boolean().default(false),
  database: z
    .string()
    .regex(/^claimbase_bench_detect_\w+$/, { error: "the name --keep printed (claimbase_bench_detect_…)" })
    .optional(),
});

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      claims: { type: "string" },
      "facets-first": { type: "boolean" },
      keep: { type: "boolean" },
      "prepare-only": { type: "boolean" },
      database: { type: "string" },
    },
  });
  const parsed = argsSchema.safeParse({
    claims: values.claims,
    facetsFirst: values["facets-first"],
    keep: values.keep,
    prepareOnly: values["prepare-only"],
    database: values.database,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${String(issue.path[0])}: ${issue.message}`).join("; "));
  const args = parsed.data;
  const database = args.database ? await existingDatabase(args.database) : await createThrowawayDatabase("detect");
  try {
    const prisma = createPrismaClient(database.url, 2);
    try {
      if (args.database) {
        const removed = await prisma.$executeRaw`DELETE FROM contradictions`;
        console.log(`Database ${database.name} again: ${removed.toLocaleString("en")} stored contradictions deleted first`);
      } else {
        console.log(`Loading ${args.claims.toLocaleString("en")} synthetic claims …`);
        await seedCorpus(database.url, { claims: args.claims, largeSourceClaims: Math.max(50, Math.round(args.claims / 500)), baseline: false });
      }
      if (args.facetsFirst) {
        const started = performance.now();
        const refreshed = await prisma.$transaction((tx) => refreshStaleFacets(tx), { timeout: 60 * 60_000 });
        console.log(`Facets of ${refreshed.toLocaleString("en")} claims computed first: ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
      if (args.prepareOnly) return;
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 250);
      const cpuBefore = process.cpuUsage();
      const report = await detectContradictions(prisma);
      const cpu = process.cpuUsage(cpuBefore);
      clearInterval(sampler);
      console.log(formatDetectionReport(report));
      console.log(
        `Channel rows: ${Object.entries(report.comparisons)
          .map(([channel, count]) => `${channel} ${count.toLocaleString("en")}`)
          .join(", ")}`,
      );
      console.log(
        `Candidates, seconds per step: ${Object.entries(report.candidateSteps)
          .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
          .join(", ")}`,
      );
      // CPU rather than wall time: on a shared machine the wall time says as much about the neighbours. PostgreSQL's share
      // of the candidate phase is not in it; judging is most of it.
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      console.log(
        `CPU of this process (all its threads): ${cpuSeconds.toFixed(1)} s, ${report.candidates ? ((cpuSeconds * 1e6) / report.candidates).toFixed(1) : "—"} µs per candidate pair`,
      );
      console.log(
        `Peak memory above the loaded process: ${Math.round((peak - before) / 1024 / 1024)} MB (resident at peak ${Math.round(peak / 1024 / 1024)} MB)`,
      );
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    if (args.keep || args.prepareOnly || args.database) console.log(`Database kept: --database ${database.name}`);
    else await database.drop();
  }
});

async function existingDatabase(name: string): Promise<ThrowawayDatabase> {
  const url = databaseUrlOn(await benchServerUrl(), name);
  return { name, url, drop: async () => {} };
}
