// Turns database rows into export bytes. CSV escaping is csv-stringify's (RFC 4180, CRLF
// records); this module only decides what text each cell holds.
import { stringify } from "csv-stringify/sync";
import type { ExportColumn } from "@/lib/export/kinds";

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** "escape" neutralizes spreadsheet formulas (the default); "keep" leaves cells verbatim for machines. */
export const FORMULA_MODES = ["escape", "keep"] as const;
export type FormulaMode = (typeof FORMULA_MODES)[number];

export interface EncodeOptions {
  format: ExportFormat;
  bom: boolean;
  formulas: FormulaMode;
  /** Codes as the app shows them ("in_review" → "In review"), for people reading the file. */
  labels?: boolean;
  /** The app's address ("https://claims.example.org") before link columns' paths; "" leaves the path alone. */
  baseUrl?: string;
}

const UTF8_BOM = "\uFEFF";

// OWASP CSV injection: a spreadsheet runs a cell starting with one of these as a formula. Some
// (Apple Numbers) fold the full-width forms into the ASCII ones, so they count too.
export const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\n", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

export function jsonValue(value: unknown, column: ExportColumn): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  // int8 arrives from pg as a string to keep precision; ids stay far below 2^53.
  if (column.type === "integer" && typeof value === "string") return Number(value);
  if (typeof value === "bigint") return Number(value);
  return value;
}

/** Only text can hold a formula: numbers are written as numbers. */
export function csvCell(value: unknown, column: ExportColumn, formulas: FormulaMode): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (column.type === "integer" || column.type === "number") return text;
  return formulas === "escape" ? neutralizeFormula(text) : text;
}

// csv-stringify quotes a field holding the record delimiter (CRLF); quote_record_delimiter
// makes it quote a bare LF or CR too, as RFC 4180 wants and spreadsheets need.
const CSV_OPTIONS = { record_delimiter: "\r\n", quote_record_delimiter: true, eof: true } as const;

/** The stored value as this export writes it: a link column's id as an address, a code as its label when asked. */
export function presentedValue(value: unknown, column: ExportColumn, options: Pick<EncodeOptions, "labels" | "baseUrl">): unknown {
  if (value === null || value === undefined) return value;
  if (column.linkPath) return `${options.baseUrl ?? ""}${column.linkPath}${String(value)}`;
  if (options.labels && column.labels) return column.labels[String(value)] ?? value;
  return value;
}

export class ExportEncoder {
  private started = false;
  private readonly presented: boolean;
  /** A column written as a label is text, even where the code is a number (credibility). */
  private readonly written: readonly ExportColumn[];

  constructor(
    private readonly columns: readonly ExportColumn[],
    private readonly options: EncodeOptions,
  ) {
    this.presented = columns.some((column) => column.linkPath || (options.labels && column.labels));
    this.written = columns.map((column) => (options.labels && column.labels ? { ...column, type: "text" } : column));
  }

  private present(row: readonly unknown[]): readonly unknown[] {
    return this.presented ? row.map((value, index) => presentedValue(value, this.columns[index]!, this.options)) : row;
  }

  preamble(): string {
    // A BOM is for spreadsheets; JSON parsers reject it, so NDJSON never carries one.
    if (this.options.format === "ndjson") return "";
    return (this.options.bom ? UTF8_BOM : "") + stringify([this.columns.map((column) => column.name)], CSV_OPTIONS);
  }

  encode(rows: readonly unknown[][]): string {
    const head = this.started ? "" : this.preamble();
    this.started = true;
    if (rows.length === 0) return head;
    if (this.options.format === "ndjson") {
      let out = head;
      for (const stored of rows) {
        const row = this.present(stored);
        const record: Record<string, unknown> = {};
        this.written.forEach((column, index) => {
          record[column.name] = jsonValue(row[index], column);
        });
        out += `${JSON.stringify(record)}\n`;
      }
      return out;
    }
    const cells = rows.map((stored) => {
      const row = this.present(stored);
      return this.written.map((column, index) => csvCell(row[index], column, this.options.formulas));
    });
    return head + stringify(cells, CSV_OPTIONS);
  }
}
