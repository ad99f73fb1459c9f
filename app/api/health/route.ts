// GET /api/health — liveness and database status, for operators and load balancers.
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    const [{ now }] = await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    return NextResponse.json({
      status: "ok",
      database: { status: "up", latencyMs: Math.round(performance.now() - started), time: now },
    });
  } catch (error) {
    console.error("health: database check failed", error);
    return NextResponse.json({ status: "degraded", database: { status: "down" } }, { status: 503 });
  }
}
