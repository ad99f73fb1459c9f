// Markdown to plain prose: hard-wrapped paragraphs are joined so that a sentence is never cut in two.
// YAML front matter is not prose, but its title, author and date pre-fill the import form.
import type { MetadataGuesses } from "@/lib/import/types";

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return quoted ? quoted[2]! : trimmed;
}

function frontMatterGuesses(yaml: string): MetadataGuesses {
  const fields = new Map<string, string>();
  for (const line of yaml.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.+)$/.exec(line);
    if (match) fields.set(match[1]!.toLowerCase(), unquote(match[2]!));
  }
  const pick = (...keys: string[]) => keys.map((key) => fields.get(key)).find((value) => value && value.length > 0);
  return {
    title: pick("title"),
    author: pick("author", "authors", "byline"),
    publishedDate: pick("date", "published", "published_date", "publisheddate"),
    publisher: pick("publisher", "site", "site_name", "source"),
    url: pick("url", "link", "canonical_url", "canonical"),
    language: pick("lang", "language"),
  };
}

export function stripInlineMarkdown(line: string): string {
  return (
    line
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, "$1")
      .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1")
      .replace(/(`+)(.+?)\1/g, (_match, _ticks: string, code: string) => code.trim())
      .replace(/<br\s*\/?>/gi, " ")
      .replace(/<\/?[A-Za-z][^>]*>/g, "")
      // Emphasis markers only where they touch a word, so "5 * 3" and snake_case survive.
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, "$1$2")
      .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1")
  );
}

type Block = { kind: "paragraph" | "line"; lines: string[] };

export interface MarkdownResult {
  text: string;
  guesses: MetadataGuesses;
}

export function markdownToText(markdown: string): MarkdownResult {
  let body = markdown.replace(/\r\n?/g, "\n");
  let guesses: MetadataGuesses = {};
  const front = FRONT_MATTER.exec(body);
  if (front) {
    guesses = frontMatterGuesses(front[1]!);
    body = body.slice(front[0].length);
  }

  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", lines: paragraph });
    paragraph = [];
  };
  const addLine = (line: string) => {
    flush();
    blocks.push({ kind: "line", lines: [line] });
  };

  let fence: string | null = null;
  const lines = body.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      else if (raw.trim()) addLine(raw.trim());
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    const trimmed = raw.trim();
    if (trimmed === "") {
      flush();
      blocks.push({ kind: "line", lines: [""] });
      continue;
    }
    // Reference definitions and thematic breaks carry no prose.
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(raw)) continue;
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) {
      flush();
      continue;
    }
    // A setext underline turns the paragraph above it into a heading.
    if (/^\s{0,3}(=+|-+)\s*$/.test(raw) && paragraph.length > 0) {
      const heading = paragraph.join(" ");
      paragraph = [];
      addLine(heading);
      continue;
    }
    // Table separator rows go; cells of other rows are kept, separated by a bar.
    if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)+\|?\s*$/.test(raw)) continue;
    if (/^\s*\|.*\|\s*$/.test(raw)) {
      const cells = trimmed
        .replace(/^\||\|$/g, "")
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim())
        .filter(Boolean);
      addLine(cells.join(" | "));
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(raw);
    if (heading) {
      addLine(heading[1]!);
      continue;
    }
    const quoted = /^\s{0,3}>\s?(.*)$/.exec(raw);
    const content = quoted ? quoted[1]!.replace(/^(>\s?)+/, "") : raw;
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(content);
    if (item) {
      flush();
      paragraph = [item[1]!.trim()];
      continue;
    }
    paragraph.push(content.trim());
  }
  flush();

  const out: string[] = [];
  for (const block of blocks) {
    const joined = block.kind === "paragraph" ? block.lines.filter(Boolean).join(" ") : block.lines[0]!;
    out.push(stripInlineMarkdown(joined).replace(/ {2,}/g, " ").trim());
  }
  const text = out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, guesses };
}
