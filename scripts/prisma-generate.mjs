// Runs `prisma generate` without the schema-engine binary, which cannot be downloaded
// on machines without internet: generation never uses the engine, but the CLI insists
// that PRISMA_SCHEMA_ENGINE_BINARY points at an existing file.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
const result = spawnSync("npx", ["--no-install", "prisma", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
