// Whether the production build in .next/ is older than the code it is made from; shared by
// `npm start` and the browser tests so both rebuild only when something changed.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const BUILD_INPUTS = [
  "app",
  "lib",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.js",
  "package-lock.json",
  "tsconfig.json",
];

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
export function buildIsStale(projectRoot: string): boolean {
  const buildId = path.join(projectRoot, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.map((entry) => path.join(projectRoot, entry)).some((entry) => existsSync(entry) && newestMtime(entry) > builtAt);
}
