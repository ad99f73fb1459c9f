// The canonical text claim offsets point into; rules delete whole lines or reach a fixed point in one pass, so normalizing is idempotent.

import type { NormalizedDocument, RemovedSpan } from "./types";
import { isTimestampLine } from "@/lib/text/dates";

interface DebrisRule {
  reason: string;
  test: (line: string) => boolean;
}

const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// ZWJ/ZWNJ are deliberately kept: Urdu and Persian need them.
const INVISIBLES = /[\u200B\u2060\uFEFF\u00AD]/g;

const TOOLBAR_WORDS = new Set([
  "bold",
  "italic",
  "underline",
  "strike",
  "strikethrough",
  "bullet",
  "blockquote",
  "quote",
  "small",
  "big",
  "link",
  "squish",
  "foto",
  "photo",
  "image",
  "img",
  "code",
  "list",
  "url",
  "undo",
  "redo",
  "smiley",
]);

const SHARE_WORDS = new Set([
  "share",
  "share this",
  "share this:",
  "tweet",
  "facebook",
  "twitter",
  "email",
  "e-mail",
  "print",
  "linkedin",
  "pinterest",
  "reddit",
  "whatsapp",
  "telegram",
  "tumblr",
  "google+",
  "like",
  "like this",
  "like this:",
  "loading...",
  "more",
  "pocket",
  "digg",
  "stumbleupon",
]);

const NAVIGATION_LINES = new Set([
  "rss",
  "home",
  "menu",
  "search",
  "subscribe",
  "login",
  "log in",
  "register",
  "skip to content",
  "scroll to top",
  "back to top",
  "next",
  "previous",
  "older posts",
  "newer posts",
  "read more",
  "continue reading",
  "related posts",
  "related",
  "advertisement",
  "sponsored",
]);

function isToolbarLine(line: string): boolean {
  const words = line.toLowerCase().split(/\s+/).filter(Boolean);
  return words.length >= 3 && words.every((w) => TOOLBAR_WORDS.has(w));
}

function isShareWidgetLine(line: string): boolean {
  const parts = line
    .toLowerCase()
    .split(/\s*[|,•·]\s*|\s{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return false;
  if (parts.every((p) => SHARE_WORDS.has(p))) return true;
  // "Share this: Twitter Facebook" arrives with single spaces between the button labels.
  const words = line.toLowerCase().replace(/:/g, "").split(/\s+/).filter(Boolean);
  return words[0] === "share" && words.length <= 8 && words.every((w) => SHARE_WORDS.has(w) || w === "this");
}

const DEBRIS_RULES: DebrisRule[] = [
  { reason: "comment-form", test: (l) => /^you have commented \d+ times?\b.{0,60}$/i.test(l) },
  { reason: "comment-form", test: (l) => /^your (name|e-?mail)( address)?( \((optional|required)\))?\*?$/i.test(l) },
  { reason: "comment-form", test: (l) => /^(website|url|name|e-?mail)( \((optional|required)\))?\*?$/i.test(l) },
  // Often glued to leftover form widgets on the same line ("Pic-a-Nic Sorry. Comments…").
  { reason: "comment-form", test: (l) => l.length < 200 && /comments (have been|are) closed/i.test(l) },
  { reason: "comment-form", test: (l) => /^(leave a (comment|reply)|post a comment|post comment|submit comment|add comment)\.?$/i.test(l) },
  { reason: "comment-form", test: (l) => /^\d+ (comments?|responses?|replies)\.?$/i.test(l) },
  { reason: "editor-toolbar", test: isToolbarLine },
  { reason: "share-widget", test: isShareWidgetLine },
  { reason: "posted-by", test: (l) => l.length < 160 && /^posted by\b/i.test(l) },
  { reason: "tag-list", test: (l) => /^(tags?|tagged|categories|category|filed under)\s*:/i.test(l) && l.length < 300 },
  { reason: "archive-heading", test: (l) => /^(tag|category|monthly|author|daily|yearly) archives?\s*:/i.test(l) },
  {
    reason: "navigation",
    test: (l) =>
      NAVIGATION_LINES.has(
        l
          .toLowerCase()
          .replace(/[.:»›]+$/, "")
          .trim(),
      ),
  },
  { reason: "copyright", test: (l) => l.length < 160 && /^(©|\(c\)|copyright\b)|all rights (are )?reserved/i.test(l) },
  { reason: "timestamp", test: (l) => /^\d{1,2}:\d{2}(:\d{2})?(\s?[ap]\.?m\.?)?$/i.test(l) || isTimestampLine(l) },
  {
    reason: "forum-chrome",
    test: (l) =>
      l.length < 160 &&
      /^(posting rules\b|you may( not)? (post|edit|reply)\b|all times are (gmt|utc)\b|the time now is\b|(bb|html|\[img\]) code is (on|off)\b|smilies are (on|off)\b|forum rules\b|quick reply\b|reply with quote\b|(moderator|mod|admin) note\s*[:–—-]|last edited by\b)/i.test(
        l,
      ),
  },
  {
    reason: "page-furniture",
    test: (l) => l.length < 300 && /^(this page was last (edited|modified)\b|jump to:? (navigation|search)\b|\[edit\]$|retrieved (from|on) \b|\^ )/i.test(l),
  },
  // A wiki's hatnote speaks about the page: "This article is about the 2017 fire.", "For other uses, see …", "Not to be
  // confused with …", '"Grenfell" redirects here.'
  {
    reason: "page-furniture",
    test: (l) =>
      l.length < 200 &&
      /^(this (article|page) is about\b(?! to\b)|for other uses,? see\b|not to be confused with\b|["“]?[^"”]{1,60}["”]? redirects here\b)/i.test(l),
  },
  // A release's company profile: "Kingspan Group plc is listed on Euronext Dublin and the London Stock Exchange."
  {
    reason: "page-furniture",
    test: (l) =>
      l.length < 200 && /^[\p{Lu}][^.]{0,80}\bis (listed|quoted|traded) on (the )?[^.]{0,80}\b(stock exchange|euronext|nasdaq|nyse)\b[^.]{0,80}\.?$/iu.test(l),
  },
  // A wiki's licence footer: "Text is available under the Creative Commons Attribution-ShareAlike License; …".
  { reason: "page-furniture", test: (l) => l.length < 300 && /^(the )?(text|content) is available under the\b.*\blicen[cs]e\b/i.test(l) },
  {
    reason: "wire-footer",
    test: (l) =>
      l.length < 200 &&
      /^((additional )?reporting by\b|(writing|editing) by\b|our standards:|all quotes delayed\b|comments are moderated\b|recommend \(\d+\)$|\d+ min(ute)? read$|published in (the )?[A-Z][\w .'-]+, \w+ \d)/i.test(
        l,
      ),
  },
  { reason: "wire-footer", test: (l) => l.length < 160 && /\bcontributed (reporting )?to this (report|story)\.?$/i.test(l) },
  { reason: "caption", test: (l) => l.length < 400 && /^(\[(photo|image|picture)\]|(file )?photo\s*[:–—-]|image\s*:|picture\s*:)/i.test(l) },
  // A caption ends with its credit: "… Nov. 18, 2017. Ledger photo / Iván Rosado", "… (AP Photo/Carlos Giusti)", "… Getty Images".
  { reason: "caption", test: (l) => l.length < 300 && PHOTO_CREDIT_AT_END.test(l) },
  // A correction notice speaks about the page, not the subject: "An earlier version of this story misstated …".
  {
    reason: "correction-notice",
    test: (l) => l.length < 300 && /^((an earlier|a previous) version of this (article|story|report|post|page)\b|(correction|clarification)\s*[:–—-])/i.test(l),
  },
  // Instructions to the reader at the foot of a release: "For investor enquiries please visit …", "Please do not call …".
  {
    reason: "reader-instruction",
    test: (l) =>
      l.length < 240 &&
      /^(for (media|press|investor|general|other|further) (enquiries|inquiries)\b|please (visit|call|contact|e-?mail|write to|see|do not (call|contact|reply))\b)/i.test(
        l,
      ),
  },
];

const PHOTO_CREDIT_AT_END =
  /(?:\b\p{Lu}[\p{L}.&]*\s+(?:photo|Photo|PHOTO)(?:\s*\/\s*\p{Lu}[\p{L}.'’ -]{1,40})?|\((?:AP|AFP|Reuters|Getty|EPA)\b[^)]{0,60}\)|\bGetty Images)\s*\.?$/u;

function classifyDebris(line: string): string | null {
  if (line === "") return null;
  for (const rule of DEBRIS_RULES) {
    if (rule.test(line)) return rule.reason;
  }
  return null;
}

function normalizeWhitespace(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029\u0085]/g, "\n")
    .replace(INVISIBLES, "")
    .replace(ODD_SPACES, " ");
}

function tidyLine(line: string): string {
  return line.replace(/ {2,}/g, " ").trim();
}

/** Canonical text for a raw document; idempotent. */
export function normalizeDocument(raw: string): NormalizedDocument {
  const removed: RemovedSpan[] = [];
  const kept: string[] = [];
  for (const rawLine of normalizeWhitespace(raw).split("\n")) {
    const line = tidyLine(rawLine);
    const reason = classifyDebris(line);
    if (reason) {
      removed.push({ reason, text: line });
      continue;
    }
    kept.push(line);
  }
  const text = kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
  return { text, removed };
}
