// The change history of one claim, source or contradiction: newest first, who and when,
// and what changed field by field.
import type { AuditEntity } from "@/lib/audit/record";
import { describeAction, describeChanges } from "@/lib/audit/describe";
import { listEntityHistory } from "@/lib/audit/queries";
import { formatTime } from "@/lib/format/time";
import { ChangeList } from "./change-list";

export async function HistoryPanel({ entityType, entityId, title = "History" }: { entityType: AuditEntity; entityId: string | number; title?: string }) {
  const events = await listEntityHistory(entityType, entityId);
  return (
    <section className="history" aria-label={title} data-testid="history-panel">
      <h2>{title}</h2>
      {events.length === 0 && <p className="muted">No recorded changes yet.</p>}
      <ol>
        {events.map((event) => (
          <li key={String(event.id)} data-testid="history-event">
            <div>
              <strong>{describeAction(event.action)}</strong> by {event.user?.email ?? "the system"}{" "}
              <time dateTime={event.createdAt.toISOString()} className="muted">
                {formatTime(event.createdAt)}
              </time>
            </div>
            <ChangeList changes={describeChanges(event.entityType, event.before, event.after)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
