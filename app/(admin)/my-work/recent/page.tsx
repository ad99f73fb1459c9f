// My recent actions (issue 18, item 4): my last undoable actions, newest first, each with Undo or when it was undone.
import Link from "next/link";
import { requirePageRole } from "@/lib/auth/session";
import { RECENT_ACTIONS_LIMIT, listRecentActions } from "@/lib/undo/queries";
import { formatTime } from "@/lib/format/time";
import { UndoButton } from "../../_components/undo-button";

export const dynamic = "force-dynamic";
export const metadata = { title: "My recent actions" };

export default async function RecentActionsPage() {
  const user = await requirePageRole("editor");
  const actions = await listRecentActions(user.id);
  return (
    <section>
      <div className="page-title-row">
        <h1>My recent actions</h1>
        <Link href="/my-work">Back to my work</Link>
      </div>
      <p className="muted">
        Your last {RECENT_ACTIONS_LIMIT} queue decisions, bulk changes, actor merges, contradiction decisions and claim withdrawals. Undo puts the records back
        as they were, as a new change in the audit trail; it is refused when someone has changed a record since.
      </p>
      {actions.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <table className="table recent-actions" data-testid="recent-actions">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Undo</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((action) => (
              <tr key={action.actionId} data-undone={action.undoneAt ? "true" : undefined}>
                <td className="small">{formatTime(action.createdAt)}</td>
                <td>{action.description}</td>
                <td>{action.undoneAt ? <span className="muted">Undone at {formatTime(action.undoneAt)}</span> : <UndoButton actionId={action.actionId} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
