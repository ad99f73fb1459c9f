// npm run seed — load seed/documents into the database (idempotent; editor work is kept), then find
// contradictions and reposts among them.
import "dotenv/config";
import { formatGroupingReport, groupPropositions } from "@/lib/propositions/group";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";
import { formatSeedSummary, seedDatabase } from "@/seed/run-seed";
import { detectContradictions, formatDetectionReport } from "@/lib/contradictions/detect";
import { detectReuseForAll, formatReuseReport } from "@/lib/reuse/detect";

await runCli(async () => {
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 1);
    try {
      const report = await seedDatabase(prisma, { log: (line) => console.log(line) });
      console.log(formatSeedSummary(report));
      console.log(formatDetectionReport(await detectContradictions(prisma)));
      console.log(formatReuseReport(await detectReuseForAll(prisma)));
      console.log(formatGroupingReport(await groupPropositions(prisma)));
      if (report.failures.length > 0) process.exitCode = 1;
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
});
