// A comment's text as people see it: plain text (React escapes it), http(s) links that open
// without giving the page away, and @mentions marked. No HTML from the comment is ever rendered.
import { commentSegments } from "@/lib/comments/render";
import type { MentionableUser } from "@/lib/comments/schema";

export function CommentBody({ body, mentioned }: { body: string; mentioned: readonly MentionableUser[] }) {
  return (
    <p className="comment-body">
      {commentSegments(body, mentioned).map((segment, index) =>
        segment.kind === "link" ? (
          <a key={index} href={segment.href} rel="noopener noreferrer nofollow" target="_blank">
            {segment.text}
          </a>
        ) : segment.kind === "mention" ? (
          <span key={index} className="mention" title={segment.title} data-user-id={segment.userId}>
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}
