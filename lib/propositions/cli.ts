// npm run propositions — group claims that state the same thing into propositions again, over every
// claim (detection does it after each run; this is for after changing the matching rules). Editors'
// placements and confirmed propositions are kept.
import "dotenv/config";
import { runCli } from "@/lib/cli/run";
import { withMigratedDatabase } from "@/lib/cli/database";
import { formatGroupingReport, groupPropositions } from "@/lib/propositions/group";

await runCli(() =>
  withMigratedDatabase(async (prisma) => {
    console.log(formatGroupingReport(await groupPropositions(prisma)));
  }),
);
