// Who writes each stretch of a forum thread. A thread is many voices on one page: each post is its
// poster's, and a quoted post inside it ("Quote: Originally Posted by kabir_r …", "kabir_r wrote:")
// is the quoted poster's. Claims told in a post's own voice are the poster's, not one "author's".
//
// Post headers read: "#2" (with or without a date) over a line holding the handle (vBulletin),
// "Post #3 by handle" / "Reply #3 … by handle", and "by handle » date" (phpBB). A page with fewer
// than two headers is no thread.

import { textLines, type TextLine } from "./text-spans";

export interface PostVoice {
  start: number;
  end: number;
  /** The poster's handle; a quoted post is its poster's, an unattributed quote "quoted text". */
  voice: string;
}

const NUMBERED_POST = /^(?:#|(?:post|reply)\s*#?\s*)\d{1,5}\b(.*)$/i;
const BY_HANDLE = /\bby\s+([\p{L}\p{N}_.-]{2,32})\b/u;
const PHPBB_BYLINE = /^by\s+([\p{L}\p{N}_.-]{2,32})\s+»/u;
const HANDLE_LINE = /^[\p{L}\p{N}_.-]{2,32}$/u;
const QUOTE_OPENER = /^quote:?$/i;
const QUOTED_BY = /^(?:originally\s+posted\s+by|quote\s+from:?|quoting)\s+([\p{L}\p{N}_.-]{2,32})\b/iu;
const WROTE = /^([\p{L}\p{N}_.-]{2,32})\s+wrote:?$/u;
export const UNATTRIBUTED_QUOTE = "quoted text";

/** The handle a post header names, looking at most two lines down for a line that is only a handle. */
function postAuthor(lines: TextLine[], at: number): string | null {
  const header = lines[at]!.text;
  const phpbb = PHPBB_BYLINE.exec(header);
  if (phpbb) return phpbb[1]!;
  const numbered = NUMBERED_POST.exec(header);
  if (!numbered) return null;
  const byline = BY_HANDLE.exec(numbered[1]!);
  if (byline) return byline[1]!;
  for (let next = at + 1; next < Math.min(lines.length, at + 3); next += 1) {
    const line = lines[next]!.text;
    if (!line) continue;
    return HANDLE_LINE.test(line) && !/^\d+$/.test(line) ? line : null;
  }
  return null;
}

export function forumPostVoices(text: string): PostVoice[] {
  const lines = textLines(text);
  const headers = lines.flatMap((_, index) => {
    const author = postAuthor(lines, index);
    return author ? [{ index, author }] : [];
  });
  if (headers.length < 2) return [];
  const voices: PostVoice[] = [];
  headers.forEach(({ index, author }, n) => {
    const endLine = n + 1 < headers.length ? headers[n + 1]!.index : lines.length;
    let cursor = lines[index]!.start;
    const postEnd = endLine < lines.length ? lines[endLine]!.start : text.length;
    for (let i = index + 1; i < endLine; i += 1) {
      const line = lines[i]!.text;
      const wrote = WROTE.exec(line);
      if (!QUOTE_OPENER.test(line) && !QUOTED_BY.test(line) && !wrote) continue;
      // A quote runs from its opener to the next blank line.
      let quoted = wrote?.[1] ?? QUOTED_BY.exec(line)?.[1] ?? null;
      let first = i + 1;
      if (!quoted && first < endLine) {
        const by = QUOTED_BY.exec(lines[first]!.text);
        if (by) [quoted, first] = [by[1]!, first + 1];
      }
      let last = first;
      while (last < endLine && lines[last]!.text) last += 1;
      voices.push({ start: cursor, end: lines[i]!.start, voice: author });
      voices.push({ start: lines[i]!.start, end: last < lines.length ? lines[last]!.start : text.length, voice: quoted ?? UNATTRIBUTED_QUOTE });
      cursor = last < lines.length ? lines[last]!.start : text.length;
      i = last;
    }
    voices.push({ start: cursor, end: postEnd, voice: author });
  });
  return voices.filter((span) => span.end > span.start);
}

// Claims come document by document: the posts of the last few texts are kept.
const RECENT_TEXTS = 8;
const recent = new Map<string, PostVoice[]>();

function voicesOf(text: string): PostVoice[] {
  let voices = recent.get(text);
  if (!voices) {
    voices = forumPostVoices(text);
    if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    recent.set(text, voices);
  }
  return voices;
}

/** Whose post the text at this offset belongs to, in a forum thread; null outside one. */
export function forumVoiceAt(text: string, offset: number): string | null {
  const voices = voicesOf(text);
  let [low, high] = [0, voices.length - 1];
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = voices[mid]!;
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return span.voice;
  }
  return null;
}
