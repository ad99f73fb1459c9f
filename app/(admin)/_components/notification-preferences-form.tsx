"use client";
// The notification preferences form: a checkbox per kind (lib/notifications/kinds.ts), saved in one go.

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { updateNotificationPreferencesAction } from "@/lib/notifications/actions";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { useMounted } from "./use-mounted";
import { Outcome, refusalOutcome } from "./versioned-form";

export function NotificationPreferencesForm({ preferences }: { preferences: Record<NotificationKind, boolean> }) {
  const router = useRouter();
  const ready = useMounted();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const save = (form: HTMLFormElement) =>
    startTransition(async () => {
      const result = await updateNotificationPreferencesAction(new FormData(form));
      if (result.ok) {
        setOutcome({ kind: "notice", text: result.data.changed ? "Saved." : "Nothing changed." });
        router.refresh();
      } else setOutcome(refusalOutcome(result));
    });
  return (
    <form
      aria-label="Notification preferences"
      data-testid="notification-preferences"
      data-ready={ready ? "true" : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        save(event.currentTarget);
      }}
    >
      <fieldset>
        <legend>Notify me when</legend>
        <ul className="plain-list preference-list">
          {NOTIFICATION_KINDS.map((spec) => (
            <li key={spec.kind}>
              <label>
                <input type="checkbox" name="enabled" value={spec.kind} defaultChecked={preferences[spec.kind]} aria-describedby={`kind-${spec.kind}`} />{" "}
                {spec.label}
              </label>
              <p id={`kind-${spec.kind}`} className="muted small">
                {spec.description}
              </p>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={pending}>
          Save
        </button>
        <Outcome outcome={outcome} inline />
      </div>
    </form>
  );
}
