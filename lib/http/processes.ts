// How many HTTP processes scripts/serve.ts runs: WEB_CONCURRENCY, else one per core (at most 4).
import { availableParallelism } from "node:os";
import { env } from "@/lib/env";

const DEFAULT_MAX = 4;

export function httpProcessCount({ dev }: { dev: boolean }): number {
  const settings = env();
  // The embedded database is one Postgres session: one process may hold it. `next dev` compiles on demand, in one process.
  if (dev || settings.CLAIMBASE_EMBEDDED) return 1;
  return settings.WEB_CONCURRENCY ?? Math.min(availableParallelism(), DEFAULT_MAX);
}
