// PDF text through unpdf. PDF has no paragraphs, only positioned lines, so lines are joined back
// by vertical gaps. A PDF without a text layer is a scan: it would need OCR, which we do not do.
import { extractTextItems, getDocumentProxy, getMeta } from "unpdf";
import { dateGuess } from "@/lib/text/published-date";
import { ImportRefusedError } from "@/lib/import/errors";
import type { MetadataGuesses } from "@/lib/import/types";

interface Line {
  text: string;
  y: number;
  size: number;
}

type TextItem = Awaited<ReturnType<typeof extractTextItems>>["items"][number][number];

function pageLines(items: TextItem[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (current && Math.abs(item.y - current.y) > Math.max(2, item.fontSize * 0.5)) {
      lines.push(current);
      current = null;
    }
    if (!current) current = { text: "", y: item.y, size: item.fontSize };
    current.text += item.str;
    current.size = Math.max(current.size, item.fontSize);
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.filter((line) => line.text.trim().length > 0);
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function joinLine(paragraph: string, line: string): string {
  if (!paragraph) return line;
  // A word broken at the line end ("gov-" + "ernment") is mended; a real compound keeps its hyphen
  // only when the next line starts with a capital, which is the best a layout-only reader can do.
  if (/\p{L}[-\u00AD]$/u.test(paragraph) && /^\p{Ll}/u.test(line)) return paragraph.slice(0, -1) + line;
  return `${paragraph} ${line}`;
}

export function linesToParagraphs(lines: Line[]): string[] {
  const gaps = lines
    .slice(1)
    .map((line, index) => lines[index]!.y - line.y)
    .filter((gap) => gap > 0);
  const usual = median(gaps);
  const paragraphs: string[] = [];
  let paragraph = "";
  lines.forEach((line, index) => {
    const text = line.text.replace(/\s+/g, " ").trim();
    const previous = lines[index - 1];
    const gap = previous ? previous.y - line.y : 0;
    // A gap well over the usual spacing, a jump up the page (a new column) or a change of
    // font size (a heading) ends the paragraph.
    const breaks = previous && (gap > usual * 1.4 || gap < 0 || Math.abs(line.size - previous.size) > 1);
    if (breaks && paragraph) {
      paragraphs.push(paragraph);
      paragraph = "";
    }
    paragraph = joinLine(paragraph, text);
  });
  if (paragraph) paragraphs.push(paragraph);
  return paragraphs;
}

export interface PdfResult {
  text: string;
  pages: number;
  guesses: MetadataGuesses;
}

function infoString(info: Record<string, unknown>, key: string): string | undefined {
  const value = info[key];
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

export async function pdfToText(bytes: Uint8Array, file: string): Promise<PdfResult> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of the buffer it is given; hand it a copy.
    document = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    const password = (error as { name?: string } | null)?.name === "PasswordException";
    throw new ImportRefusedError(
      file,
      "unreadable_pdf",
      password ? "the PDF is password-protected; remove the password and try again" : "the PDF is damaged and cannot be read",
    );
  }
  try {
    const { items, totalPages } = await extractTextItems(document);
    const text = items
      .map((page) => linesToParagraphs(pageLines(page)).join("\n\n"))
      .filter(Boolean)
      .join("\n\n");
    if ((text.match(/\p{L}/gu)?.length ?? 0) === 0) {
      throw new ImportRefusedError(
        file,
        "needs_ocr",
        "the PDF has no text layer (it is probably a scan); it needs OCR, which this tool does not do. Run it through an OCR program first, or paste the text",
      );
    }
    const { info } = await getMeta(document);
    const record = info as Record<string, unknown>;
    return {
      text,
      pages: totalPages,
      guesses: {
        title: infoString(record, "Title"),
        author: infoString(record, "Author"),
        publishedDate: dateGuess(infoString(record, "CreationDate")),
        language: infoString(record, "Language"),
      },
    };
  } finally {
    await document.destroy();
  }
}
