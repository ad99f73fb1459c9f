// HTML pages saved from a browser: Readability finds the article and only its text leaves this
// module, so no script or event handler can survive: the import stores and shows plain text.
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { dateGuess } from "@/lib/text/published-date";
import { ImportRefusedError } from "@/lib/import/errors";
import type { MetadataGuesses } from "@/lib/import/types";

type SourceKind = NonNullable<MetadataGuesses["kind"]>;

const BLOCK_ELEMENTS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "ul",
  "caption",
]);
const DROPPED_ELEMENTS = "script, style, noscript, template, iframe, object, embed, frame, frameset, applet, link[rel=stylesheet]";

const MIN_READABLE_LETTERS = 40;

interface Walker {
  paragraphs: string[];
  current: string;
}

function flush(walker: Walker): void {
  const text = walker.current
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n[ \t]+/g, "\n")
    .replace(/ {2,}/g, " ")
    .trim();
  if (text) walker.paragraphs.push(text);
  walker.current = "";
}

function walk(node: Node, walker: Walker, preformatted: boolean): void {
  if (node.nodeType === 3) {
    const value = node.textContent ?? "";
    walker.current += preformatted ? value : value.replace(/\s+/g, " ");
    return;
  }
  if (node.nodeType !== 1) return;
  const element = node as Element;
  const name = element.localName?.toLowerCase() ?? "";
  if (name === "br") {
    walker.current += "\n";
    return;
  }
  if (name === "td" || name === "th") {
    if (walker.current.trim()) walker.current += " | ";
  }
  const block = BLOCK_ELEMENTS.has(name);
  if (block) flush(walker);
  for (const child of Array.from(element.childNodes)) walk(child, walker, preformatted || name === "pre");
  if (block) flush(walker);
}

export function elementText(root: Node): string {
  const walker: Walker = { paragraphs: [], current: "" };
  walk(root, walker, false);
  flush(walker);
  return walker.paragraphs.join("\n\n");
}

function meta(document: Document, ...selectors: string[]): string | undefined {
  for (const selector of selectors) {
    const element = document.querySelector(selector);
    const value = element?.getAttribute("content") ?? element?.getAttribute("datetime") ?? element?.getAttribute("href");
    if (value && value.trim()) return value.trim();
  }
  return undefined;
}

function jsonLdField(document: Document, field: string): string | undefined {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? "");
      const items = Array.isArray(data) ? data : [data];
      for (const item of items) {
        const value = (item as Record<string, unknown> | null)?.[field];
        if (typeof value === "string" && value.trim()) return value.trim();
        const name = (value as { name?: unknown } | null | undefined)?.name;
        if (typeof name === "string" && name.trim()) return name.trim();
        if (Array.isArray(value)) {
          const first = (value[0] as { name?: unknown } | undefined)?.name;
          if (typeof first === "string" && first.trim()) return first.trim();
        }
      }
    } catch {
      // A broken JSON-LD block is common and says nothing about the article.
    }
  }
  return undefined;
}

function savedFromUrl(html: string): string | undefined {
  // Internet Explorer and Chrome's "Save page as" leave the page address in a comment.
  return /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 4096))?.[1];
}

function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function cleanByline(value: string | null | undefined): string | undefined {
  const cleaned = value
    ?.replace(/^\s*by\s+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  return cleaned && cleaned.length <= 200 ? cleaned : undefined;
}

/** schema.org types (JSON-LD "@type") that say what kind of source a page is. */
const SCHEMA_ORG_KINDS: Record<string, SourceKind> = {
  NewsArticle: "news",
  ReportageNewsArticle: "news",
  AnalysisNewsArticle: "news",
  BackgroundNewsArticle: "news",
  OpinionNewsArticle: "opinion",
  BlogPosting: "blog",
  DiscussionForumPosting: "forum",
};

function jsonLdTypes(document: Document): string[] {
  const types: string[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? "");
      for (const item of Array.isArray(data) ? data : [data]) {
        const type = (item as { "@type"?: unknown } | null)?.["@type"];
        types.push(...(Array.isArray(type) ? type : [type]).filter((value): value is string => typeof value === "string"));
      }
    } catch {
      // A broken JSON-LD block says nothing about the page.
    }
  }
  return types;
}

/**
 * The kind a page declares: its schema.org type, an opinion section, or else a dated article
 * (og:type "article" or article:published_time), which on the web is a news story far more often than not.
 */
export function kindGuess(document: Document): SourceKind | undefined {
  for (const type of jsonLdTypes(document)) if (SCHEMA_ORG_KINDS[type]) return SCHEMA_ORG_KINDS[type];
  const section = meta(document, 'meta[property="article:section"]');
  if (section && /\b(opinion|comment|editorial|op-ed)\b/i.test(section)) return "opinion";
  const article = meta(document, 'meta[property="og:type"]') === "article" || meta(document, 'meta[property="article:published_time"]') !== undefined;
  return article ? "news" : undefined;
}

function headGuesses(document: Document, html: string): MetadataGuesses {
  const titleTag = document.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim();
  return {
    title: meta(document, 'meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="dc.title" i]') ?? titleTag,
    author:
      meta(document, 'meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator" i]', 'meta[name="byl"]') ??
      jsonLdField(document, "author"),
    publisher: meta(document, 'meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]') ?? jsonLdField(document, "publisher"),
    publishedDate: dateGuess(
      meta(
        document,
        'meta[property="article:published_time"]',
        'meta[name="date"]',
        'meta[name="pubdate"]',
        'meta[name="publish-date"]',
        'meta[name="dc.date" i]',
        'meta[itemprop="datePublished"]',
        'time[itemprop="datePublished"]',
        "time[datetime]",
      ) ?? jsonLdField(document, "datePublished"),
    ),
    url: httpUrl(meta(document, 'link[rel="canonical"]', 'meta[property="og:url"]')) ?? httpUrl(savedFromUrl(html)),
    language: document.documentElement?.getAttribute("lang")?.trim() || undefined,
    kind: kindGuess(document),
  };
}

// "Article title | Site name": keep the article's part when the site name is known.
function trimSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (!title || !siteName) return title;
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length < 2) return title;
  const rest = parts.filter((part) => part.trim().toLowerCase() !== siteName.trim().toLowerCase());
  return rest.length > 0 && rest.length < parts.length ? rest.join(" - ") : title;
}

export interface HtmlResult {
  text: string;
  guesses: MetadataGuesses;
}

export function htmlToText(html: string, file: string): HtmlResult {
  const { document } = parseHTML(html);
  const guesses = headGuesses(document as unknown as Document, html);
  for (const element of Array.from(document.querySelectorAll(DROPPED_ELEMENTS))) element.remove();
  for (const element of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value)) element.removeAttribute(attribute.name);
    }
  }

  const article = new Readability<Node>(document as unknown as Document, { serializer: (node) => node }).parse();
  const text = article?.content ? elementText(article.content) : "";
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_READABLE_LETTERS) {
    throw new ImportRefusedError(
      file,
      "no_readable_content",
      "the page has no readable main content (it may be an index page, a login wall or a page built by scripts); save the article itself, or paste its text",
    );
  }
  const siteName = guesses.publisher ?? article?.siteName ?? undefined;
  return {
    text,
    guesses: {
      ...guesses,
      title: trimSiteName(guesses.title ?? article?.title ?? undefined, siteName),
      author: guesses.author ?? cleanByline(article?.byline),
      publisher: siteName,
      publishedDate: guesses.publishedDate ?? dateGuess(article?.publishedTime),
      language: guesses.language ?? article?.lang ?? undefined,
    },
  };
}
