// GET /api/health — liveness and database status, for operators and load balancers.
import { NextResponse } from "next/server";
import { databaseClock } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const { now, latencyMs } = await databaseClock();
    return NextResponse.json({ status: "ok", database: { status: "up", latencyMs, time: now } });
  } catch (error) {
    console.error("health: database check failed", error);
    return NextResponse.json({ status: "degraded", database: { status: "down" } }, { status: 503 });
  }
}
