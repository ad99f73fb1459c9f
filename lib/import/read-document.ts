// One entry point from bytes (an upload, a file on disk) or pasted text to prose plus
// metadata guesses. Nothing here touches the database.
import path from "node:path";
import { detectDocument, overLimitDetail, type TextCheckOptions } from "@/lib/import/sniff-format";
import { ImportRefusedError } from "@/lib/import/errors";
import { htmlToText } from "@/lib/import/html";
import { markdownToText } from "@/lib/import/markdown";
import { pdfToText } from "@/lib/import/pdf";
import type { MetadataGuesses, ReadDocument } from "@/lib/import/types";
import { isTimestampLine } from "@/lib/text/dates";
import { capitalize } from "@/lib/text/terms";
import { normalizeDocument } from "@/lib/extract/normalize";
import { hasLoneSurrogate } from "@/lib/validation/zod";

export const PASTED_TEXT_NAME = "pasted text";

/** "report-2024_final.pdf" → "Report 2024 final": a last-resort title. */
export function titleFromFileName(file: string): string | undefined {
  if (file === PASTED_TEXT_NAME) return undefined;
  const stem = path
    .basename(file)
    .replace(/\.[A-Za-z0-9]{1,8}$/, "")
    .replace(/[_-]+/g, " ")
    .trim();
  return stem ? capitalize(stem) : undefined;
}

// Lines above a headline that are not it: menus, sign-in links, timestamps, bylines, share bars.
function isPageChrome(line: string): boolean {
  return (
    /[|·•]/.test(line) ||
    isTimestampLine(line) ||
    /^(by|posted by|written by)\s/i.test(line) ||
    /^\d+\s+min(ute)?s?\s+read$/i.test(line) ||
    /^(skip to|jump to|sign in|log in|subscribe|menu|search|home)\b/i.test(line) ||
    /\s>\s.*\s>\s/.test(line) ||
    /^[^a-z]*$/.test(line)
  );
}

const HEADLINE_WINDOW = 20_000;

export function headlineTitle(raw: string): string | undefined {
  // Normalizing drops page debris; the headline is near the top, so only the top is normalized.
  const lines = normalizeDocument(raw.slice(0, HEADLINE_WINDOW))
    .text.split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 15);
  const looksLikeTitle = (line: string) => line.length <= 200 && !/[.!?:;,]$/.test(line);
  const headline = lines.find((line) => looksLikeTitle(line) && !isPageChrome(line) && line.split(/\s+/).length >= 4 && line.split(/\s+/).length <= 30);
  if (headline) return headline;
  const first = lines[0];
  return first && looksLikeTitle(first) && !isPageChrome(first) ? first : undefined;
}

// Guesses pre-fill a form the editor must be able to submit: drop what validation would refuse.
function compact(guesses: MetadataGuesses): MetadataGuesses {
  const result = Object.fromEntries(
    Object.entries(guesses)
      .filter(([, value]) => typeof value === "string" && value.trim())
      .map(([key, value]) => [
        key,
        (value as string)
          .replace(/\s+/g, " ")
          .trim()
          .slice(0, key === "title" ? 500 : 2000),
      ]),
  ) as MetadataGuesses;
  const language = result.language?.replace(/_/g, "-");
  if (language && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(language) && language.length <= 16) result.language = language;
  else delete result.language;
  return result;
}

export async function readImportFile(file: string, bytes: Uint8Array, options: TextCheckOptions = {}): Promise<ReadDocument> {
  const detected = detectDocument(file, bytes, options);
  let rawText: string;
  let guesses: MetadataGuesses;
  switch (detected.format) {
    case "pdf": {
      const result = await pdfToText(bytes, file);
      rawText = result.text;
      guesses = result.guesses;
      break;
    }
    case "html": {
      const result = htmlToText(detected.text!, file);
      rawText = result.text;
      guesses = result.guesses;
      break;
    }
    case "markdown": {
      const result = markdownToText(detected.text!);
      rawText = result.text;
      guesses = result.guesses;
      break;
    }
    case "text":
      rawText = detected.text!;
      guesses = {};
      break;
  }
  if (rawText.trim().length === 0) throw new ImportRefusedError(file, "empty", "the document has no text once its markup is removed");
  guesses = compact(guesses);
  guesses.title ??= headlineTitle(rawText) ?? titleFromFileName(file);
  return { file, format: detected.format, bytes: bytes.length, rawText, guesses };
}

export function readPastedText(text: string, options: TextCheckOptions = {}): ReadDocument {
  const bytes = Buffer.byteLength(text, "utf8");
  if (text.trim().length === 0) throw new ImportRefusedError(PASTED_TEXT_NAME, "empty", "nothing was pasted");
  if (options.maxBytes !== undefined && bytes > options.maxBytes) {
    throw new ImportRefusedError(PASTED_TEXT_NAME, "too_large", overLimitDetail("the pasted text", bytes, options.maxBytes));
  }
  // Control characters do not come from a keyboard or a browser copy: they mean binary junk.
  if (/[\u0000-\u0008\u000E-\u001A\u001C-\u001F]/.test(text)) {
    throw new ImportRefusedError(PASTED_TEXT_NAME, "binary", "the pasted text contains control characters, so it is not plain text");
  }
  // A lone UTF-16 surrogate has no UTF-8 form: the clipboard held something that is not text.
  if (hasLoneSurrogate(text)) {
    throw new ImportRefusedError(PASTED_TEXT_NAME, "invalid_utf8", "the pasted text contains broken characters and is not valid Unicode text");
  }
  const guesses: MetadataGuesses = {};
  const title = headlineTitle(text);
  if (title) guesses.title = title;
  return { file: PASTED_TEXT_NAME, format: "text", bytes, rawText: text, guesses };
}
