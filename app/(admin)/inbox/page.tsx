// The inbox (issue 18, item 3): my notifications, newest first. Opening one marks it read on the way
// to what it is about (GET /api/notifications/[id]).
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { parseWithProblems } from "@/lib/claims/schema";
import { formatTime } from "@/lib/format/time";
import { kindSpec } from "@/lib/notifications/kinds";
import { inboxParamsSchema } from "@/lib/notifications/schema";
import { listInbox, unreadLabel } from "@/lib/notifications/queries";
import { IgnoredFilters } from "../_components/ignored-filters";
import { MarkAllReadButton, MarkReadButton } from "../_components/inbox-controls";

export const dynamic = "force-dynamic";
export const metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("viewer");
  const { value: params, ignored } = parseWithProblems(inboxParamsSchema, await searchParams);
  const inbox = await listInbox(user.id, params.before);
  return (
    <section className="inbox">
      <div className="page-title-row">
        <h1>Inbox</h1>
        <Link href="/account/notifications">Choose what you are notified about</Link>
      </div>
      <IgnoredFilters ignored={ignored} />
      <div className="page-title-row">
        <p data-testid="inbox-summary">{inbox.unread === 0 ? "Nothing unread." : `${unreadLabel(inbox.unread)} unread.`}</p>
        {inbox.newestId !== null && <MarkAllReadButton throughId={inbox.newestId} nothingUnread={inbox.unread === 0} />}
      </div>
      {inbox.items.length === 0 ? (
        <p className="muted">
          {params.before ? "No older notifications." : "No notifications yet. You will find here work assigned to you, changes to claims you decided and more."}
        </p>
      ) : (
        <ul className="plain-list inbox-list" data-testid="inbox-list">
          {inbox.items.map((item) => {
            const spec = kindSpec(item.kind);
            const headline = spec.headline(item.actor);
            return (
              <li key={item.id} data-read={item.read ? "true" : "false"} data-notification-id={item.id} data-kind={item.kind}>
                <div className="inbox-item-text">
                  {/* A plain link: a prefetch would mark the notification read unseen. */}
                  <a href={`/api/notifications/${item.id}`} className="inbox-headline">
                    {headline}
                  </a>
                  {!item.read && <span className="visually-hidden"> (unread)</span>}
                  <div>{item.excerpt}</div>
                  <div className="muted small">
                    {spec.label} · <time dateTime={item.createdAt.toISOString()}>{formatTime(item.createdAt)}</time>
                  </div>
                </div>
                {!item.read && <MarkReadButton id={item.id} headline={headline} />}
              </li>
            );
          })}
        </ul>
      )}
      {(params.before || inbox.olderThan) && (
        <nav className="pager" aria-label="Pages">
          {params.before && <Link href="/inbox">← Newest</Link>}
          {inbox.olderThan && <Link href={`/inbox?before=${inbox.olderThan}`}>Older →</Link>}
        </nav>
      )}
    </section>
  );
}
