// npm start — the one command that runs the app: embedded Postgres unless DATABASE_URL
// is set, migrations, the seed on first start, a production build when the code changed,
// then `next start`. Ctrl-C stops the app and the embedded database together.
import "dotenv/config";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { env, resetEnvCache } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/client";
import { PROJECT_ROOT, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { cliErrorMessage } from "@/lib/cli/run";
import { formatSeedSummary, seedDatabase } from "@/seed/run-seed";

const devMode = process.argv.includes("--dev");
const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

function newestMtime(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "node_modules" || child === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** A build is stale when any file it is made from changed after it. */
function buildIsStale(): boolean {
  const buildId = path.join(PROJECT_ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const inputs = ["app", "lib", "next.config.js", "package-lock.json", "tsconfig.json"].map((entry) => path.join(PROJECT_ROOT, entry));
  return inputs.some((entry) => existsSync(entry) && newestMtime(entry) > builtAt);
}

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  if (!env().DATABASE_URL) {
    console.log("No DATABASE_URL: starting the embedded database (PGlite) in .data/ …");
    embedded = await startEmbeddedDatabase(Number(process.env.EMBEDDED_DB_PORT ?? 0));
    process.env.DATABASE_URL = embedded.url;
    process.env.CLAIMBASE_EMBEDDED = "1";
    resetEnvCache();
  }
  const url = env().DATABASE_URL!;
  const stopAll = async (code: number) => {
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };

  try {
    const migrated = await migrate(url);
    console.log(migrated.applied.length ? `Applied migrations: ${migrated.applied.join(", ")}` : "Database schema is up to date.");
    const prisma = createPrismaClient(url, 1);
    try {
      if ((await prisma.source.count()) === 0) {
        console.log("First start: loading the seed documents …");
        const report = await seedDatabase(prisma, { log: (line) => console.log(`  ${line}`) });
        console.log(formatSeedSummary(report));
      }
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    console.error(`error: ${cliErrorMessage(error)}`);
    await stopAll(1);
  }

  if (!devMode && buildIsStale()) {
    console.log("Building the app (next build) …");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", cwd: PROJECT_ROOT, env: process.env });
    if (build.status !== 0) {
      console.error("error: next build failed (see above)");
      await stopAll(1);
    }
  }

  const port = env().PORT;
  const child = spawn(process.execPath, [nextBin, devMode ? "dev" : "start", "-p", String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    cwd: PROJECT_ROOT,
    env: process.env,
  });
  child.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|started server/i.test(text)) {
      console.log(`\nClaimbase is running at http://localhost:${port}  (Ctrl-C to stop)\n`);
    }
  });
  const shutdown = () => child.kill("SIGTERM");
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", (code) => void stopAll(code ?? 0));
}

await main();
