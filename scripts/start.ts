// npm start — the one command that runs the app: embedded Postgres unless DATABASE_URL
// is set, migrations, the seed on first start, a production build when the code changed,
// then the app's server (scripts/serve.ts). Ctrl-C stops the app and the embedded database together.
import "dotenv/config";
import { formatGroupingReport, groupPropositions } from "@/lib/propositions/group";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { env, migrationDatabaseUrl, resetEnvCache } from "@/lib/env";
import { createPrismaClient } from "@/lib/db/client";
import { PROJECT_ROOT, dataDir, startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { buildIsStale } from "@/lib/build/stale";
import { ensureAuthSecret, ensureFirstAdmin, type FirstAdminResult } from "@/lib/auth/bootstrap";
import { migrate } from "@/lib/db/migrate";
import { cliErrorMessage } from "@/lib/cli/run";
import { formatSeedSummary, seedDatabase } from "@/seed/run-seed";
import { detectReuseForAll, formatReuseReport } from "@/lib/reuse/detect";
import { detectContradictions, formatDetectionReport } from "@/lib/contradictions/detect";

const devMode = process.argv.includes("--dev");
const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const SERVER_SCRIPT = path.join(PROJECT_ROOT, "scripts", "serve.ts");

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
  let firstAdmin: FirstAdminResult | undefined;
  const stopAll = async (code: number) => {
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };

  try {
    // Sessions are signed with this secret; next start reads it from the environment.
    process.env.NEXTAUTH_SECRET = await ensureAuthSecret({ embedded: !!embedded, production: !devMode, dataDir: dataDir() });
    if (!env().NEXTAUTH_URL) process.env.NEXTAUTH_URL = `http://localhost:${env().PORT}`;
    resetEnvCache();
    const migrated = await migrate(migrationDatabaseUrl());
    console.log(migrated.applied.length ? `Applied migrations: ${migrated.applied.join(", ")}` : "Database schema is up to date.");
    const prisma = createPrismaClient(url, 1);
    try {
      if ((await prisma.source.count()) === 0) {
        console.log("First start: loading the seed documents …");
        const report = await seedDatabase(prisma, { log: (line) => console.log(`  ${line}`) });
        console.log(formatSeedSummary(report));
        console.log(formatDetectionReport(await detectContradictions(prisma)));
        console.log(formatReuseReport(await detectReuseForAll(prisma)));
        console.log(formatGroupingReport(await groupPropositions(prisma)));
      }
      firstAdmin = await ensureFirstAdmin(prisma, { embedded: !!embedded, log: (line) => console.log(line) });
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    console.error(`error: ${cliErrorMessage(error)}`);
    await stopAll(1);
  }

  if (!devMode && buildIsStale(PROJECT_ROOT)) {
    console.log("Building the app (next build) …");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", cwd: PROJECT_ROOT, env: process.env });
    if (build.status !== 0) {
      console.error("error: next build failed (see above)");
      await stopAll(1);
    }
  }

  const port = env().PORT;
  const child = spawn(process.execPath, ["--import", "tsx", SERVER_SCRIPT, "--port", String(port), ...(devMode ? ["--dev"] : [])], {
    stdio: ["ignore", "pipe", "inherit"],
    cwd: PROJECT_ROOT,
    env: process.env,
  });
  child.stdout.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|started server/i.test(text)) {
      console.log(`\nClaimbase is running at http://localhost:${port}  (Ctrl-C to stop)\n`);
      if (firstAdmin?.generatedPassword) {
        // Repeated here because the build output above pushes the first notice off screen.
        console.log(`Sign in as ${firstAdmin.email} with the password ${firstAdmin.generatedPassword} (shown only on this first start).\n`);
      }
    }
  });
  const shutdown = () => child.kill("SIGTERM");
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  child.on("exit", (code) => void stopAll(code ?? 0));
}

await main();
