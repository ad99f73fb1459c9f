// npm run db:migrate — apply pending SQL migrations to DATABASE_URL.
import "dotenv/config";
import { databaseUrl } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";

await runCli(async () => {
  const url = databaseUrl();
  const result = await migrate(url);
  console.log(
    result.applied.length === 0
      ? `Database is up to date (${result.alreadyApplied.length} migrations).`
      : `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`,
  );
});
