// npm run seed — load seed/documents into the database (idempotent; editor work is kept), then find
// contradictions and reposts among them.
import "dotenv/config";
import { formatGroupingReport, groupPropositions } from "@/lib/propositions/group";
import { runCli } from "@/lib/cli/run";
import { withMigratedDatabase } from "@/lib/cli/database";
import { formatSeedSummary, seedDatabase } from "@/seed/run-seed";
import { detectContradictions, formatDetectionReport } from "@/lib/contradictions/detect";
import { detectReuseForAll, formatReuseReport } from "@/lib/reuse/detect";

await runCli(() =>
  withMigratedDatabase(async (prisma) => {
    const report = await seedDatabase(prisma, { log: (line) => console.log(line) });
    console.log(formatSeedSummary(report));
    console.log(formatDetectionReport(await detectContradictions(prisma)));
    console.log(formatReuseReport(await detectReuseForAll(prisma)));
    console.log(formatGroupingReport(await groupPropositions(prisma)));
    if (report.failures.length > 0) process.exitCode = 1;
  }),
);
