"use client";
// Confirm or Dismiss a proposed repost. A stale decision (someone decided first) is refused with theirs.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { decideSourceReuseAction } from "@/lib/reuse/actions";
import type { ReuseStatus } from "@/lib/generated/prisma/enums";

export function ReuseDecision({ id, version, status }: { id: number; version: number; status: ReuseStatus }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const decide = (next: "confirmed" | "dismissed") =>
    startTransition(async () => {
      const result = await decideSourceReuseAction({ id, version, status: next });
      if (result.ok) {
        setMessage(null);
        router.refresh();
        return;
      }
      setMessage(result.status === 409 ? `${result.message} Reload the page to see it.` : result.message);
    });

  return (
    <span className="reuse-decision">
      {status !== "confirmed" && (
        <button type="button" className="approve" disabled={pending} onClick={() => decide("confirmed")}>
          Confirm
        </button>
      )}{" "}
      {status !== "dismissed" && (
        <button type="button" className="reject" disabled={pending} onClick={() => decide("dismissed")}>
          Dismiss
        </button>
      )}
      {message && (
        <span className="error" role="alert">
          {" "}
          {message}
        </span>
      )}
    </span>
  );
}
