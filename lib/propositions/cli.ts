// npm run propositions — group claims that state the same thing into propositions again, over every
// claim (detection does it after each run; this is for after changing the matching rules). Editors'
// placements and confirmed propositions are kept.
import "dotenv/config";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";
import { formatGroupingReport, groupPropositions } from "@/lib/propositions/group";

await runCli(async () => {
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 1);
    try {
      console.log(formatGroupingReport(await groupPropositions(prisma)));
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
});
