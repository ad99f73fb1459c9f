// npm run detect — propose contradiction candidates among all claims, then group claims into propositions; recorded as a detection run, refused while another runs.
import "dotenv/config";
import { runCli } from "@/lib/cli/run";
import { withMigratedDatabase } from "@/lib/cli/database";
import { formatDetectionReport } from "@/lib/contradictions/detect";
import { formatGroupingReport } from "@/lib/propositions/group";
import { completeDetectionRun, startDetectionRun } from "@/lib/contradictions/runs";

await runCli(() =>
  withMigratedDatabase(async (prisma) => {
    const run = await startDetectionRun(prisma, null);
    const report = await completeDetectionRun(prisma, run.id);
    console.log(formatDetectionReport(report));
    if (report.propositions) console.log(formatGroupingReport(report.propositions));
  }),
);
