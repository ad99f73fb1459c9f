// A comment as pieces to show: plain text, links and mentions. Nothing here is HTML: the component
// that draws the pieces (app/(admin)/_components/comment-body.tsx) lets React escape every one, and only
// http(s) addresses, as linkifyjs finds them, become links.
import { find } from "linkifyjs";
import { findMentions } from "@/lib/comments/mentions";
import type { MentionableUser } from "@/lib/comments/schema";

export type CommentSegment =
  { kind: "text"; text: string } | { kind: "link"; text: string; href: string } | { kind: "mention"; text: string; userId: number; title: string };

/** The address as a browser would send it, or null for anything but http(s) (javascript:, data:, mailto:). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function commentSegments(body: string, mentioned: readonly MentionableUser[] = []): CommentSegment[] {
  const pieces: Array<{ start: number; end: number; segment: CommentSegment }> = [];
  for (const link of find(body)) {
    const href = link.type === "url" ? safeHref(link.href) : null;
    if (href) pieces.push({ start: link.start, end: link.end, segment: { kind: "link", text: link.value, href } });
  }
  const users = new Map(mentioned.map((user) => [user.id, user]));
  for (const mention of findMentions(body, mentioned)) {
    if (pieces.some((piece) => mention.start < piece.end && piece.start < mention.end)) continue;
    const user = users.get(mention.userId)!;
    const text = body.slice(mention.start, mention.end);
    pieces.push({
      start: mention.start,
      end: mention.end,
      segment: { kind: "mention", text, userId: user.id, title: user.name ? `${user.name} (${user.email})` : user.email },
    });
  }
  pieces.sort((a, b) => a.start - b.start);
  const segments: CommentSegment[] = [];
  let at = 0;
  for (const piece of pieces) {
    if (piece.start > at) segments.push({ kind: "text", text: body.slice(at, piece.start) });
    segments.push(piece.segment);
    at = piece.end;
  }
  if (at < body.length) segments.push({ kind: "text", text: body.slice(at) });
  return segments;
}
