// The database's answer to a liveness probe: its clock and how long it took to answer.
import "server-only";
import { db } from "@/lib/db/client";

export async function databaseClock(): Promise<{ now: Date; latencyMs: number }> {
  const started = performance.now();
  const [{ now }] = await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return { now, latencyMs: Math.round(performance.now() - started) };
}
