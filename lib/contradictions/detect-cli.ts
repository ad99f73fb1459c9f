// npm run detect — propose contradiction candidates among all claims (idempotent: reviewed
// pairs are left alone, nothing is duplicated).
import "dotenv/config";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";
import { detectContradictions, formatDetectionReport } from "@/lib/contradictions/detect";

await runCli(async () => {
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 1);
    try {
      const report = await detectContradictions(prisma);
      console.log(formatDetectionReport(report));
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
});
