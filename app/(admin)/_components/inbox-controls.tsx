"use client";
// The inbox's buttons: mark one notification read without opening it, and mark all read up to the
// newest the page showed (one that arrives meanwhile stays unread).
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/notifications/actions";
import { useMounted } from "./use-mounted";
import { Outcome, refusalOutcome } from "./versioned-form";

export function MarkAllReadButton({ throughId, nothingUnread }: { throughId: number; nothingUnread: boolean }) {
  const router = useRouter();
  const ready = useMounted();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const markAll = () =>
    startTransition(async () => {
      const result = await markAllNotificationsReadAction({ throughId });
      if (result.ok) {
        setOutcome({ kind: "notice", text: result.data.marked === 1 ? "1 notification marked read." : `${result.data.marked} notifications marked read.` });
        router.refresh();
      } else setOutcome(refusalOutcome(result));
    });
  return (
    <div className="button-row" data-testid="mark-all-read" data-ready={ready ? "true" : undefined}>
      <button type="button" onClick={markAll} disabled={pending || nothingUnread}>
        Mark all read
      </button>
      <Outcome outcome={outcome} inline />
    </div>
  );
}

export function MarkReadButton({ id, headline }: { id: number; headline: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const markRead = () =>
    startTransition(async () => {
      const result = await markNotificationReadAction({ id });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  return (
    <>
      <button type="button" className="link-button small" onClick={markRead} disabled={pending} aria-label={`Mark read: ${headline}`}>
        Mark read
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </>
  );
}
