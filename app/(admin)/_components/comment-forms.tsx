"use client";
// Editors' discussion controls: start a thread, reply, edit one's own comment, resolve or reopen a
// thread. Each shows the server's sentence when refused (an empty comment, a stale edit naming who
// saved it) and keeps what was typed.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/with-role";
import { editCommentAction, replyToThreadAction, resolveThreadAction, startThreadAction } from "@/lib/comments/actions";
import type { CommentEntityType } from "@/lib/comments/schema";
import { MentionTextarea } from "./mention-textarea";
import { useMounted } from "./use-mounted";
import { Outcome } from "./versioned-form";

/** "Saved by … at …" from a refused edit's `current`, when the server said. */
function refusal(result: Extract<ActionResult<unknown>, { ok: false }>): string {
  const fields = result.fieldErrors ? Object.values(result.fieldErrors).flat() : [];
  const current = result.current as { savedBy?: string | null; savedAt?: string | null; body?: string } | undefined;
  const who = current?.savedBy ? ` Last saved by ${current.savedBy}${current.savedAt ? ` at ${current.savedAt.replace("T", " ").slice(0, 16)} UTC` : ""}.` : "";
  return (fields.length ? fields.join(" ") : result.message) + who;
}

function CommentComposer({
  id,
  label,
  submitLabel,
  initial = "",
  send,
  onDone,
  onCancel,
}: {
  id: string;
  label: string;
  submitLabel: string;
  initial?: string;
  send: (body: string) => Promise<ActionResult<unknown>>;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const router = useRouter();
  const ready = useMounted();
  const [body, setBody] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();
  const errorId = `${id}-error`;

  const submit = () =>
    startTransition(async () => {
      const result = await send(body);
      if (!result.ok) {
        setOutcome({ kind: "error", text: refusal(result) });
        return;
      }
      setOutcome(null);
      setBody("");
      onDone?.();
      router.refresh();
    });

  return (
    <form
      className="comment-form"
      data-ready={ready ? "true" : undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={id}>{label}</label>
      <MentionTextarea id={id} name="body" value={body} onChange={setBody} describedBy={outcome ? errorId : undefined} invalid={outcome?.kind === "error"} />
      <span className="button-row">
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </span>
      {outcome && (
        <p id={errorId} role="alert" className="error">
          {outcome.text}
        </p>
      )}
    </form>
  );
}

export function NewThreadForm({ entityType, entityId }: { entityType: CommentEntityType; entityId: number }) {
  return (
    <CommentComposer
      id={`new-comment-${entityType}-${entityId}`}
      label="New comment (type @ to mention someone)"
      submitLabel="Comment"
      send={(body) => startThreadAction({ entityType, entityId, body })}
    />
  );
}

export function ThreadControls({ threadId, resolved }: { threadId: number; resolved: boolean }) {
  const router = useRouter();
  const [replying, setReplying] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, startTransition] = useTransition();

  const toggle = () =>
    startTransition(async () => {
      const result = await resolveThreadAction({ threadId, resolved: !resolved });
      setOutcome(result.ok ? null : { kind: "error", text: refusal(result) });
      if (result.ok) router.refresh();
    });

  return (
    <div className="thread-controls">
      {replying ? (
        <CommentComposer
          id={`reply-${threadId}`}
          label="Reply"
          submitLabel="Reply"
          send={(body) => replyToThreadAction({ threadId, body })}
          onDone={() => setReplying(false)}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <span className="button-row">
          {!resolved && (
            <button type="button" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
          <button type="button" onClick={toggle} disabled={pending}>
            {resolved ? "Reopen thread" : "Resolve thread"}
          </button>
        </span>
      )}
      <Outcome outcome={outcome} inline />
    </div>
  );
}

export function EditCommentControl({ commentId, version, body }: { commentId: number; version: number; body: string }) {
  const [editing, setEditing] = useState(false);
  if (!editing)
    return (
      <button type="button" className="link-button small" onClick={() => setEditing(true)}>
        Edit
      </button>
    );
  return (
    <CommentComposer
      id={`edit-comment-${commentId}`}
      label="Edit your comment"
      submitLabel="Save"
      initial={body}
      send={(text) => editCommentAction({ id: commentId, version, body: text })}
      onDone={() => setEditing(false)}
      onCancel={() => setEditing(false)}
    />
  );
}
