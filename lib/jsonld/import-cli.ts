// npm run import:jsonld -- FILE
// Loads a JSON-LD export (npm run export -- jsonld) into an empty database: migrates it first, then
// validates every node and writes everything in one transaction, or nothing.
import "dotenv/config";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { importJsonLd } from "@/lib/jsonld/import";

const USAGE = "usage: npm run import:jsonld -- FILE   (into an empty database: point DATABASE_URL at a new one)";
const argumentsSchema = z.tuple([z.string().min(1)], { error: `Name one file.\n${USAGE}` });

await runCli(async () => {
  const parsed = argumentsSchema.safeParse(process.argv.slice(2));
  if (!parsed.success) throw new Error(`Name one JSON-LD file to import.\n${USAGE}`);
  const [file] = parsed.data;
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new Error(`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const report = await importJsonLd(client, text);
      const total = Object.values(report.rows).reduce((sum, count) => sum + count, 0);
      console.log(`Imported ${total} rows from ${file}:`);
      for (const [table, count] of Object.entries(report.rows)) console.log(`  ${table.padEnd(18)} ${count}`);
      console.log("Imported users have no password: an admin sets one (npm run users -- reset-password EMAIL) before they sign in.");
    } finally {
      await client.end();
    }
  } finally {
    await database.release();
  }
});
