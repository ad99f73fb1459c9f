// npm run reuse — fingerprint every source and record which repeat which (in batches; safe to re-run:
// editors' confirmations and dismissals stay as they are).
import "dotenv/config";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";
import { detectReuseForAll, formatReuseReport } from "@/lib/reuse/detect";

await runCli(async () => {
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 1);
    try {
      console.log(formatReuseReport(await detectReuseForAll(prisma, { log: (line) => console.log(line) })));
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
});
