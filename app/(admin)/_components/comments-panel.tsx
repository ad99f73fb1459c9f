// The discussion of one claim, contradiction or source: its threads oldest first, each comment
// with who wrote it and when, its earlier wordings, and (for editors) reply, edit and resolve.
import { canEdit } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { listThreads } from "@/lib/comments/queries";
import type { CommentEntityType } from "@/lib/comments/schema";
import { formatTime } from "@/lib/format/time";
import { CommentBody } from "./comment-body";
import { EditCommentControl, NewThreadForm, ThreadControls } from "./comment-forms";

export async function CommentsPanel({
  entityType,
  entityId,
  title = "Discussion",
  readOnly = false,
}: {
  entityType: CommentEntityType;
  entityId: number;
  title?: string;
  /** Shown beside another record's discussion (a compare view's claims): no forms, nothing when empty. */
  readOnly?: boolean;
}) {
  const [user, threads] = await Promise.all([getSessionUser(), listThreads(entityType, entityId)]);
  if (readOnly && threads.length === 0) return null;
  const editor = !readOnly && !!user && canEdit(user);
  const headingId = `discussion-${entityType}-${entityId}`;
  return (
    <section className="discussion" aria-labelledby={headingId} data-testid={`discussion-${entityType}`}>
      <h2 id={headingId}>{title}</h2>
      {threads.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="threads">
        {threads.map((thread) => (
          <li key={thread.id} className={`thread${thread.resolvedAt ? " resolved" : ""}`} data-testid="comment-thread" aria-label={`Thread ${thread.id}`}>
            {thread.resolvedAt && (
              <p className="muted small" data-testid="thread-resolved">
                Resolved by {thread.resolvedBy ?? "a deleted user"} on {formatTime(thread.resolvedAt)}
              </p>
            )}
            <ol className="comments">
              {thread.comments.map((comment) => (
                <li key={comment.id} id={`comment-${comment.id}`} data-testid="comment">
                  <p className="comment-meta small">
                    <strong>{comment.author}</strong>{" "}
                    <time dateTime={comment.createdAt.toISOString()} className="muted">
                      {formatTime(comment.createdAt)}
                    </time>
                    {comment.editedAt && <span className="muted"> · edited {formatTime(comment.editedAt)}</span>}
                  </p>
                  <CommentBody body={comment.body} mentioned={comment.mentioned} />
                  {comment.edits.length > 0 && (
                    <details className="comment-edits small">
                      <summary>Earlier versions ({comment.edits.length})</summary>
                      <ol>
                        {comment.edits.map((edit, index) => (
                          <li key={index}>
                            <CommentBody body={edit.body} mentioned={[]} />
                            <span className="muted">replaced {formatTime(edit.replacedAt)}</span>
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                  {editor && comment.authorId === user.id && !thread.resolvedAt && (
                    <EditCommentControl key={comment.version} commentId={comment.id} version={comment.version} body={comment.body} />
                  )}
                </li>
              ))}
            </ol>
            {editor && <ThreadControls threadId={thread.id} resolved={thread.resolvedAt !== null} />}
          </li>
        ))}
      </ol>
      {editor && <NewThreadForm entityType={entityType} entityId={entityId} />}
      {!editor && !readOnly && user && <p className="muted small">Editors can comment; viewers read the discussion.</p>}
    </section>
  );
}
