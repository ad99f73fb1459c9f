// @mentions in a comment's text, found against the users who can be named. Pure: the same function
// reads a comment when it is saved (who to record and tell) and when it is shown (what to mark).
// A handle is a user's name, their email's local part or their whole email, matched ignoring case;
// the longest handle at an `@` wins, and one that fits no user, or several, stays plain text.
import type { MentionableUser } from "@/lib/comments/schema";

export interface Mention {
  userId: number;
  /** Offsets of the whole mention, `@` included, in the text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]/u;
/** Before an `@` that starts a mention: not part of a word or an email address. */
const BEFORE_EMAIL = /[\p{L}\p{N}_.+-]/u;

export function handlesOf(user: MentionableUser): string[] {
  const local = user.email.split("@")[0] ?? "";
  return [user.name?.trim() ?? "", local, user.email].filter((handle) => handle.length > 0);
}

/** The handle ends where a word does: "@ana," and "@ana." end there, "@anabel" and "@ana.b" do not. */
function endsAtBoundary(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined || !WORD.test(next)) {
    if ((next === "." || next === "-") && text[end + 1] !== undefined && WORD.test(text[end + 1]!)) return false;
    return true;
  }
  return false;
}

/** Handle (lower case) → the users it names. */
function handleIndex(users: readonly MentionableUser[]): Map<string, Set<number>> {
  const index = new Map<string, Set<number>>();
  for (const user of users) {
    for (const handle of handlesOf(user)) {
      const key = handle.toLowerCase();
      (index.get(key) ?? index.set(key, new Set()).get(key)!).add(user.id);
    }
  }
  return index;
}

export function findMentions(text: string, users: readonly MentionableUser[]): Mention[] {
  if (!text.includes("@") || users.length === 0) return [];
  const index = handleIndex(users);
  const handles = [...index.keys()].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  // toLowerCase can change a string's length (İ); offsets are only trusted when it does not.
  if (lower.length !== text.length) return [];
  const mentions: Mention[] = [];
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    if (at > 0 && BEFORE_EMAIL.test(text[at - 1]!)) continue;
    const handle = handles.find((candidate) => lower.startsWith(candidate, at + 1) && endsAtBoundary(text, at + 1 + candidate.length));
    if (!handle) continue;
    const ids = index.get(handle)!;
    const end = at + 1 + handle.length;
    if (ids.size === 1) mentions.push({ userId: [...ids][0]!, start: at, end });
    at = end - 1;
  }
  return mentions;
}

/** Each named user once, in the order first named. */
export function mentionedUserIds(text: string, users: readonly MentionableUser[]): number[] {
  return [...new Set(findMentions(text, users).map((mention) => mention.userId))];
}

/** What to put after `@` so the text names this user and no one else. */
export function uniqueHandle(user: MentionableUser, users: readonly MentionableUser[]): string {
  const index = handleIndex(users);
  return handlesOf(user).find((handle) => !/\s$/.test(handle) && index.get(handle.toLowerCase())?.size === 1) ?? user.email;
}
