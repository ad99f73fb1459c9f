"use client";
// Saved views of the claims table: the list (mine, then the desk's shared ones), a form to name and
// save the filters and sort in use, and deleting my own.
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { deleteViewAction, saveViewAction } from "@/lib/saved-views/actions";
import type { VisibleView } from "@/lib/saved-views/schema";
import { useMounted } from "./use-mounted";
import { Outcome, refusalOutcome } from "./versioned-form";

export function SavedViewList({ views, deletable = false }: { views: VisibleView[]; deletable?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (views.length === 0) return <p className="muted small">No saved views yet.</p>;
  const remove = (view: VisibleView) =>
    startTransition(async () => {
      const result = await deleteViewAction({ id: view.id });
      if (result.ok) router.refresh();
      else setError(result.message);
    });
  return (
    <>
      <ul className="plain-list" data-testid="saved-views">
        {views.map((view) => (
          <li key={view.id} data-view-name={view.name}>
            <Link href={`/claims${view.query}`}>{view.name}</Link>{" "}
            <span className="muted small">{view.mine ? (view.shared ? "mine, shared with the desk" : "mine, private") : `shared by ${view.owner}`}</span>
            {deletable && view.mine && (
              <>
                {" "}
                <button type="button" className="link-button" onClick={() => remove(view)} disabled={pending} aria-label={`Delete the view ${view.name}`}>
                  Delete
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}

export function SaveViewForm({ query, canShare }: { query: string; canShare: boolean }) {
  const router = useRouter();
  const ready = useMounted();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await saveViewAction({ name, query, shared });
      if (result.ok) {
        setName("");
        setMessage({ kind: "notice", text: `Saved “${result.data.name}”${result.data.shared ? ", shared with the desk" : ""}.` });
        router.refresh();
      } else {
        setMessage(refusalOutcome(result));
      }
    });
  return (
    <form
      className="button-row"
      aria-label="Save this view"
      data-testid="save-view"
      data-ready={ready ? "true" : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label htmlFor="view-name">Save these filters and sort as</label>
      <input id="view-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={100} placeholder="View name" />
      {canShare && (
        <label>
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} /> Share with the desk
        </label>
      )}
      <button type="submit" disabled={pending}>
        Save view
      </button>
      <Outcome outcome={message} inline />
    </form>
  );
}
