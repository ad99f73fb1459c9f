// A comment is plain text with links and @mentions, never HTML: markup in a comment shows as the
// characters typed, only http(s) addresses become links (rel="noopener noreferrer nofollow"), and a
// mention is marked only for a user the text names unambiguously.
import { describe, expect, test } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CommentBody } from "@/app/(admin)/_components/comment-body";
import { commentSegments, safeHref } from "@/lib/comments/render";
import { findMentions, mentionedUserIds, uniqueHandle } from "@/lib/comments/mentions";
import { commentNotices } from "@/lib/comments/recipients";
import type { MentionableUser } from "@/lib/comments/schema";

const nadia: MentionableUser = { id: 1, name: "Nadia Karim", email: "nadia.k@example.test" };
const omar: MentionableUser = { id: 2, name: "Omar", email: "omar@example.test" };
const nadir: MentionableUser = { id: 3, name: "Nadia", email: "nadir@example.test" };
const users = [nadia, omar, nadir];

const html = (body: string, mentioned: readonly MentionableUser[] = users) => renderToStaticMarkup(createElement(CommentBody, { body, mentioned }));

/** Every element the markup holds and every attribute, as a browser would parse them. */
function tagsAndAttributes(markup: string): { tags: string[]; attributes: string[] } {
  const tags = [...markup.matchAll(/<([a-z]+)\b/g)].map((match) => match[1]!);
  const attributes = [...markup.matchAll(/<[a-z]+((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g)].flatMap((match) =>
    [...match[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((attr) => `${attr[1]}=${attr[2]}`),
  );
  return { tags, attributes };
}

describe("comment rendering (XSS)", () => {
  test.each([
    ["a script tag", `<script>alert("x")</script>`],
    ["an image with onerror", `<img src=x onerror="alert(1)">`],
    ["a javascript: link", `javascript:alert(document.cookie)`],
    ["an anchor with a javascript: href", `<a href="javascript:alert(1)">click</a>`],
    ["a data: URL", `data:text/html,<script>alert(1)</script>`],
    ["an svg onload", `<svg onload=alert(1)>`],
    ["a mention that is markup", `@<b>Omar</b> <iframe src="https://evil.example">`],
  ])("%s renders as inert text", (_label, body) => {
    const markup = html(body);
    const { tags, attributes } = tagsAndAttributes(markup);
    // Only the paragraph (and links to http(s) addresses) are elements; no handler attribute, no script URL.
    expect(tags.filter((tag) => tag !== "p" && tag !== "a" && tag !== "span")).toEqual([]);
    expect(attributes.filter((attribute) => /^on/.test(attribute) || /javascript:|data:/i.test(attribute))).toEqual([]);
    for (const attribute of attributes.filter((entry) => entry.startsWith("href="))) expect(attribute).toMatch(/^href=https?:\/\//);
    // The reader sees exactly what was typed.
    expect(
      markup
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, "&"),
    ).toBe(body);
  });

  test("an http(s) address becomes a link that gives nothing away; the text around it stays text", () => {
    const markup = html("See https://example.org/report?page=4, or www.example.com.");
    expect(markup).toBe(
      '<p class="comment-body">See <a href="https://example.org/report?page=4" rel="noopener noreferrer nofollow" target="_blank">https://example.org/report?page=4</a>, or ' +
        '<a href="http://www.example.com/" rel="noopener noreferrer nofollow" target="_blank">www.example.com</a>.</p>',
    );
  });

  test("a link's quotes and angle brackets cannot break out of its href", () => {
    const markup = html('https://example.org/"><script>alert(1)</script>');
    expect(markup).not.toContain("<script");
    expect(tagsAndAttributes(markup).attributes.filter((attribute) => attribute.startsWith("href="))).toEqual([
      "href=https://example.org/%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
    ]);
  });

  test.each([
    ["javascript:alert(1)", null],
    ["JAVASCRIPT:alert(1)", null],
    ["mailto:a@example.org", null],
    ["ftp://example.org/file", null],
    ["https://example.org/a b", "https://example.org/a%20b"],
    ["http://example.org", "http://example.org/"],
  ])("safeHref(%s) is %s", (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  test("email addresses are text, not mailto links", () => {
    expect(commentSegments("write to press@example.org")).toEqual([{ kind: "text", text: "write to press@example.org" }]);
  });
});

describe("mentions", () => {
  test("a name (several words), an email's local part or a whole email names a user; the longest handle wins", () => {
    const text = "@Nadia Karim, @omar and @nadir@example.test: thanks @nadia.";
    expect(findMentions(text, users)).toEqual([
      { userId: 1, start: 0, end: 12 },
      { userId: 2, start: 14, end: 19 },
      { userId: 3, start: 24, end: 43 },
      { userId: 3, start: 52, end: 58 },
    ]);
    expect(mentionedUserIds(text, users)).toEqual([1, 2, 3]);
  });

  test.each([
    ["an unknown name", "ask @nobody about it"],
    ["an address in the text", "mail omar@example.test"],
    ["a longer word", "@omarion said so"],
    ["a handle continuing with a dot", "@omar.s said so"],
    ["no @ at all", "Omar said so"],
  ])("%s stays plain text", (_label, text) => {
    expect(findMentions(text, users)).toEqual([]);
  });

  test("a handle two users share names neither; the autocomplete then offers the email", () => {
    const twin: MentionableUser = { id: 4, name: "Omar", email: "omar.f@example.test" };
    expect(findMentions("@Omar look", [...users, twin])).toEqual([]);
    // "omar" is also the twin's name, so only the whole email names him.
    expect(uniqueHandle(omar, [...users, twin])).toBe("omar@example.test");
    expect(uniqueHandle(twin, [...users, twin])).toBe("omar.f");
    expect(uniqueHandle(nadia, users)).toBe("Nadia Karim");
  });

  test("a mention is drawn as a marked name with who it is", () => {
    expect(html("thanks @omar!", [omar])).toBe(
      '<p class="comment-body">thanks <span class="mention" title="Omar (omar@example.test)" data-user-id="2">@omar</span>!</p>',
    );
  });
});

describe("who is told", () => {
  const base = { actorId: 9, entityType: "claim" as const, entityId: 5, body: "a  long\n comment" };

  test("mentioned users once, participants of a reply apart from them, never the writer", () => {
    const told = { actorId: 9, entityType: "claim", entityId: 5, excerpt: "a long comment" };
    expect(commentNotices({ ...base, mentionedIds: [1, 9, 1], participantIds: [1, 2, 9, 2] })).toEqual([
      { ...told, kind: "mentioned", recipientIds: [1] },
      { ...told, kind: "reply", recipientIds: [2] },
    ]);
  });

  test("an edit tells only those it newly names; a long comment is cut for the inbox", () => {
    expect(commentNotices({ ...base, mentionedIds: [1, 2], previouslyMentionedIds: [1] })).toEqual([
      expect.objectContaining({ kind: "mentioned", recipientIds: [2] }),
    ]);
    expect(commentNotices({ ...base, mentionedIds: [1], previouslyMentionedIds: [1] })).toEqual([]);
    const [notice] = commentNotices({ ...base, body: "word ".repeat(100), mentionedIds: [1] });
    expect(notice!.excerpt).toHaveLength(140);
    expect(notice!.excerpt.endsWith("…")).toBe(true);
  });
});
