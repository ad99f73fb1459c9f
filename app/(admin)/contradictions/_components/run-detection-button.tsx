"use client";
// Re-runs detection on demand. The run goes on in the background; while it runs the page
// refreshes itself and shows who started it, then how it ended.
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { runDetectionAction } from "@/lib/contradictions/actions";
import type { DetectionRunStatus } from "@/lib/generated/prisma/enums";

const POLL_MS = 3_000;

export interface RunStatus {
  status: DetectionRunStatus;
  text: string;
}

export function RunDetectionButton({ canRun, run }: { canRun: boolean; run: RunStatus | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [refused, setRefused] = useState<string | null>(null);
  const running = run?.status === "running";
  const wentWrong = run?.status === "failed" || run?.status === "abandoned";

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, router]);

  const start = () => {
    setRefused(null);
    startTransition(async () => {
      const result = await runDetectionAction({});
      if (!result.ok) setRefused(result.message);
      router.refresh();
    });
  };

  return (
    <div className="inline-form" data-testid="detection-run">
      {canRun && (
        <button type="button" onClick={start} disabled={pending || running} data-testid="run-detection">
          {pending || running ? "Detecting…" : "Run detection"}
        </button>
      )}
      {refused ? (
        <span role="alert" className="error">
          {refused}
        </span>
      ) : (
        run && (
          <span role={wentWrong ? "alert" : "status"} className={wentWrong ? "error" : "notice"} data-testid="detection-run-status" data-status={run.status}>
            {run.text}
          </span>
        )
      )}
    </div>
  );
}
