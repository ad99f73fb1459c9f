// npm run db:migrate — apply pending SQL migrations as the tables' owner (MIGRATION_DATABASE_URL, else DATABASE_URL).
import "dotenv/config";
import { migrationDatabaseUrl } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";

await runCli(async () => {
  const url = migrationDatabaseUrl();
  const result = await migrate(url);
  console.log(
    result.applied.length === 0
      ? `Database is up to date (${result.alreadyApplied.length} migrations).`
      : `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`,
  );
});
