// A file's format, decided by its bytes rather than its name. The name only breaks ties
// between plain text and Markdown, which no byte pattern can tell apart.
import { ImportRefusedError } from "@/lib/import/errors";
import type { DocumentFormat } from "@/lib/import/types";

export const FORMAT_LABELS: Record<DocumentFormat, string> = {
  text: "plain text",
  markdown: "Markdown",
  html: "HTML page",
  pdf: "PDF",
};

export interface DetectedDocument {
  format: DocumentFormat;
  /** Decoded text for text, Markdown and HTML; undefined for PDF. */
  text?: string;
}

interface Signature {
  bytes: number[];
  offset?: number;
  label: string;
}

const ascii = (value: string) => [...value].map((char) => char.charCodeAt(0));

// Formats an editor is likely to try, so the refusal can say what the file is.
const BINARY_SIGNATURES: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], label: "a PNG image" },
  { bytes: [0xff, 0xd8, 0xff], label: "a JPEG image" },
  { bytes: ascii("GIF87a"), label: "a GIF image" },
  { bytes: ascii("GIF89a"), label: "a GIF image" },
  { bytes: ascii("WEBP"), offset: 8, label: "a WebP image" },
  { bytes: [0x49, 0x49, 0x2a, 0x00], label: "a TIFF image" },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], label: "a TIFF image" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], label: "an old Microsoft Office document (.doc, .xls or .ppt)" },
  { bytes: [0x1f, 0x8b], label: "a gzip archive" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], label: "a 7-Zip archive" },
  { bytes: ascii("Rar!"), label: "a RAR archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], label: "a program (ELF executable)" },
  { bytes: ascii("ID3"), label: "an MP3 audio file" },
  { bytes: ascii("OggS"), label: "an Ogg audio or video file" },
  { bytes: ascii("ftyp"), offset: 4, label: "an MP4 or QuickTime video" },
  { bytes: ascii("SQLite format 3"), label: "an SQLite database" },
];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function indexOfAscii(bytes: Uint8Array, needle: string, limit: number): number {
  const pattern = ascii(needle);
  const end = Math.min(bytes.length, limit) - pattern.length;
  for (let at = 0; at <= end; at++) {
    if (startsWith(bytes, pattern, at)) return at;
  }
  return -1;
}

function zipLabel(bytes: Uint8Array): string {
  const head = 4096;
  if (indexOfAscii(bytes, "word/", head) !== -1) return "a Word document (.docx)";
  if (indexOfAscii(bytes, "xl/", head) !== -1) return "an Excel workbook (.xlsx)";
  if (indexOfAscii(bytes, "ppt/", head) !== -1) return "a PowerPoint presentation (.pptx)";
  if (indexOfAscii(bytes, "application/epub+zip", head) !== -1) return "an EPUB e-book";
  if (indexOfAscii(bytes, "application/vnd.oasis.opendocument", head) !== -1) return "an OpenDocument file";
  return "a ZIP archive";
}

export function binaryLabel(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipLabel(bytes);
  return BINARY_SIGNATURES.find((signature) => startsWith(bytes, signature.bytes, signature.offset))?.label;
}

/** PDF readers accept the header anywhere in the first 1024 bytes, so we do too. */
export function isPdf(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, "%PDF-", 1024) !== -1;
}

export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    let length: number;
    let min: number;
    if (lead < 0x80) {
      at++;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return at;
    if (at + length > bytes.length) return at;
    let codePoint = lead & (0xff >> (length + 1));
    for (let index = 1; index < length; index++) {
      const next = bytes[at + index]!;
      if ((next & 0xc0) !== 0x80) return at;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (codePoint < min || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) return at;
    at += length;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset; index++) if (bytes[index] === 0x0a) line++;
  return line;
}

// Control characters other than tab, newline, form feed and carriage return do not occur in
// prose; a file full of them is binary even when it happens to contain no NUL byte.
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  return control > sample.length * 0.01;
}

export interface TextCheckOptions {
  maxBytes?: number;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** "the file is 6 MB, over the import limit of 5 MB", in bytes when the rounded sizes would look equal. */
export function overLimitDetail(what: string, size: number, limit: number): string {
  const [shown, allowed] =
    formatBytes(size) === formatBytes(limit)
      ? [`${size.toLocaleString("en")} bytes`, `${limit.toLocaleString("en")} bytes`]
      : [formatBytes(size), formatBytes(limit)];
  return `${what} is ${shown}, over the import limit of ${allowed}`;
}

export function checkSize(file: string, bytes: Uint8Array, options: TextCheckOptions = {}): void {
  if (bytes.length === 0) throw new ImportRefusedError(file, "empty", "the file is empty");
  if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
    throw new ImportRefusedError(file, "too_large", overLimitDetail("the file", bytes.length, options.maxBytes));
  }
}

/** Refuses empty, oversized, binary and non-UTF-8 files with a sentence that says which. */
export function decodeTextFile(file: string, bytes: Uint8Array, options: TextCheckOptions = {}): string {
  checkSize(file, bytes, options);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportRefusedError(file, "invalid_utf8", "the file is UTF-16 text, not UTF-8; save it as UTF-8 and try again");
  }
  const known = binaryLabel(bytes);
  if (known) throw new ImportRefusedError(file, "binary", `the file is binary, not text (it looks like ${known})`);
  if (looksBinary(bytes)) throw new ImportRefusedError(file, "binary", "the file is binary, not text");
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) {
    throw new ImportRefusedError(
      file,
      "invalid_utf8",
      `the file is not valid UTF-8 text (the first bad byte is on line ${lineOf(bytes, invalid)}); save it as UTF-8 and try again`,
    );
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  if (text.trim().length === 0) throw new ImportRefusedError(file, "empty", "the file contains nothing but white space");
  return text;
}

const HTML_TAG_PREFIXES = [
  "<!doctype html",
  "<html",
  "<head",
  "<script",
  "<iframe",
  "<h1",
  "<div",
  "<font",
  "<table",
  "<a",
  "<style",
  "<title",
  "<b",
  "<body",
  "<br",
  "<p",
  "<!--",
  "<meta",
  "<article",
  "<section",
  "<main",
];

/** The WHATWG MIME-sniffing rule for HTML, plus the tags a saved article starts with. */
export function sniffHtml(text: string, file: string): boolean {
  const head = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  const byPrefix = HTML_TAG_PREFIXES.some((prefix) => {
    if (!head.startsWith(prefix)) return false;
    if (prefix === "<!--") return true;
    const after = head.charAt(prefix.length);
    return after === "" || after === ">" || /\s/.test(after);
  });
  if (byPrefix) return true;
  if (head.startsWith("<?xml") && /<html[\s>]/i.test(text.slice(0, 2048))) return true;
  // A fragment named .html still is HTML when it carries block markup.
  return /\.x?html?$/i.test(file) && /<(html|body|p|div|article)[\s>]/i.test(text.slice(0, 65536));
}

const MARKDOWN_SIGNALS: RegExp[] = [
  /^#{1,6}\s+\S/m,
  /\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"]*")?\)/,
  /^```/m,
  /\*\*[^*\n]+\*\*/,
  /^\s{0,3}[-*+]\s+\S/m,
  /^\s{0,3}>\s?\S/m,
  /^---\r?\n[\s\S]*?\r?\n---\r?\n/,
];

export function looksLikeMarkdown(text: string, file: string): boolean {
  if (/\.(md|markdown|mdown|mkd|mkdn)$/i.test(file)) return true;
  if (/\.txt$/i.test(file)) return false;
  return MARKDOWN_SIGNALS.filter((signal) => signal.test(text)).length >= 2;
}

// Data files are valid UTF-8 yet not prose: importing them would make claims of markup.
function structuredDataLabel(text: string): string | undefined {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (/^<\?xml[\s?]/i.test(head) || /^<svg[\s>]/i.test(head)) return /<svg[\s>]/i.test(head.slice(0, 2048)) ? "an SVG image" : "an XML file";
  if (/^[[{]/.test(head)) {
    try {
      JSON.parse(head);
      return "a JSON data file";
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function detectDocument(file: string, bytes: Uint8Array, options: TextCheckOptions = {}): DetectedDocument {
  checkSize(file, bytes, options);
  if (isPdf(bytes)) return { format: "pdf" };
  const text = decodeTextFile(file, bytes, options);
  if (/^\s*\{\\rtf/.test(text)) {
    throw new ImportRefusedError(file, "unknown_type", "the file is an RTF document, which import does not read; save it as PDF, HTML or plain text");
  }
  if (sniffHtml(text, file)) return { format: "html", text };
  const structured = structuredDataLabel(text);
  if (structured) {
    throw new ImportRefusedError(file, "unknown_type", `the file is ${structured}, not a document; import reads text, Markdown, HTML and PDF`);
  }
  if (looksLikeMarkdown(text, file)) return { format: "markdown", text };
  return { format: "text", text };
}
