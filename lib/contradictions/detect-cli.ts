// npm run detect — propose contradiction candidates among all claims, then group claims into propositions; recorded as a detection run, refused while another runs.
import "dotenv/config";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";
import { formatDetectionReport } from "@/lib/contradictions/detect";
import { formatGroupingReport } from "@/lib/propositions/group";
import { completeDetectionRun, startDetectionRun } from "@/lib/contradictions/runs";

await runCli(async () => {
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 1);
    try {
      const run = await startDetectionRun(prisma, null);
      const report = await completeDetectionRun(prisma, run.id);
      console.log(formatDetectionReport(report));
      if (report.propositions) console.log(formatGroupingReport(report.propositions));
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
});
