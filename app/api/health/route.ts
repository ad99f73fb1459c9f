// GET /api/health — liveness and database status, for operators and load balancers.
import { NextResponse } from "next/server";
import { databaseClock, replicaHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

async function primaryStatus() {
  try {
    const { now, latencyMs } = await databaseClock();
    return { status: "up" as const, latencyMs, time: now };
  } catch (error) {
    console.error("health: database check failed", error);
    return { status: "down" as const };
  }
}

export async function GET() {
  // A replica that is down costs no reads (they go to the primary), so it does not fail the probe.
  const [database, replicas] = await Promise.all([primaryStatus(), replicaHealth()]);
  const up = database.status === "up";
  return NextResponse.json({ status: up ? "ok" : "degraded", database, ...(replicas.length ? { replicas } : {}) }, { status: up ? 200 : 503 });
}
