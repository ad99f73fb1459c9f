// npm run reuse — fingerprint every source and record which repeat which (in batches; safe to re-run:
// editors' confirmations and dismissals stay as they are).
import "dotenv/config";
import { runCli } from "@/lib/cli/run";
import { withMigratedDatabase } from "@/lib/cli/database";
import { detectReuseForAll, formatReuseReport } from "@/lib/reuse/detect";

await runCli(() =>
  withMigratedDatabase(async (prisma) => {
    console.log(formatReuseReport(await detectReuseForAll(prisma, { log: (line) => console.log(line) })));
  }),
);
