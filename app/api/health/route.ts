// GET /api/health — liveness and database status, for operators and load balancers.
import { NextResponse } from "next/server";
import { databaseClock, replicaHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  // A replica that is down costs no reads (they go to the primary), so it does not fail the probe.
  const replicas = await replicaHealth();
  const replicaPart = replicas.length ? { replicas } : {};
  try {
    const { now, latencyMs } = await databaseClock();
    return NextResponse.json({ status: "ok", database: { status: "up", latencyMs, time: now }, ...replicaPart });
  } catch (error) {
    console.error("health: database check failed", error);
    return NextResponse.json({ status: "degraded", database: { status: "down" }, ...replicaPart }, { status: 503 });
  }
}
