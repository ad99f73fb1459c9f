// The CSV export as one `COPY (SELECT …) TO STDOUT WITH (FORMAT csv)`: Postgres writes the cells,
// so Node only adds the header and turns each record's LF into CRLF. Every cell is what the
// JavaScript encoder (encode.ts) writes for the same row, byte for byte: formula neutralization,
// labels and link addresses are SQL expressions here, built from the same definitions.
import { escapeLiteral } from "pg";
import { inlineValues } from "@/lib/db/sql";
import { FORMULA_TRIGGERS, neutralizeFormula } from "@/lib/export/encode";
import { EXPORT_DEFINITIONS, exportQuery, type ExportColumn } from "@/lib/export/kinds";
import type { ExportRequest } from "@/lib/export/schema";

const TRIGGER_CODE_POINTS = [...FORMULA_TRIGGERS].map((character) => character.codePointAt(0)!).join(", ");

/** Postgres writes a NULL as an empty cell but an empty string as "": the JavaScript encoder writes both as empty. */
function textLiteral(text: string): string {
  return text === "" ? "NULL" : escapeLiteral(text);
}

/**
 * A double precision as JavaScript's String(number) writes it. Postgres agrees between 1e-4 and
 * 1e15; outside that it uses an exponent ("1.5e-05", "1e+15") where JavaScript writes digits up
 * to 1e21 and down to 1e-6, and its exponent has no leading zero.
 */
function jsNumberText(value: string): string {
  const text = `abs(${value})::text`;
  const digits = `replace(split_part(${text}, 'e', 1), '.', '')`;
  const exponent = `split_part(${text}, 'e', 2)::int`;
  const sign = `CASE WHEN ${value} < 0 THEN '-' ELSE '' END`;
  const small = `'0.' || repeat('0', -${exponent} - 1) || ${digits}`;
  const large = `CASE WHEN length(${digits}) - 1 <= ${exponent} THEN ${digits} || repeat('0', ${exponent} - length(${digits}) + 1)
    ELSE left(${digits}, ${exponent} + 1) || '.' || substr(${digits}, ${exponent} + 2) END`;
  return `CASE WHEN ${value} = 0 THEN '0'
    WHEN abs(${value}) >= 1e-4::float8 AND abs(${value}) < 1e15::float8 THEN ${value}::text
    WHEN abs(${value}) >= 1e-6::float8 AND abs(${value}) < 1e-4::float8 THEN ${sign} || ${small}
    WHEN abs(${value}) >= 1e15::float8 AND abs(${value}) < 1e21::float8 THEN ${sign} || ${large}
    ELSE regexp_replace(${value}::text, 'e([+-])0*(\\d)', 'e\\1\\2') END`;
}

/** A cell as csvCell writes the stored value (no labels, no link); undefined when SQL cannot match it. */
function storedCell(column: ExportColumn, value: string, request: ExportRequest): string | undefined {
  switch (column.type) {
    case "integer":
    case "timestamp":
      // Integers print alike; timestamps are already text (exportQuery formats them).
      return value;
    case "number":
      // The only number column (a contradiction's score) is double precision.
      return jsNumberText(value);
    case "list":
      // JSON.stringify of a Postgres array: compact, the same escapes; it starts with "[", never a formula.
      return `array_to_json(${value})::text`;
    case "text":
      return request.formulas === "escape"
        ? `CASE WHEN ascii(${value}::text) IN (${TRIGGER_CODE_POINTS}) THEN '''' || ${value}::text ELSE NULLIF(${value}::text, '') END`
        : `NULLIF(${value}::text, '')`;
    case "json":
      // JSON.stringify of a parsed jsonb differs from jsonb's text (spacing, key order): left to the encoder.
      return undefined;
  }
}

function writtenCell(column: ExportColumn, value: string, request: ExportRequest): string | undefined {
  const written = (text: string) => textLiteral(request.formulas === "escape" ? neutralizeFormula(text) : text);
  // presentedValue: a link column is the address, then the id; the address decides the first character.
  if (column.linkPath) return `${written(`${request.baseUrl}${column.linkPath}`)} || ${value}`;
  const stored = storedCell(column, value, request);
  if (stored === undefined || !(request.labels && column.labels)) return stored;
  const labels = Object.entries(column.labels).map(([code, label]) => `WHEN ${escapeLiteral(code)} THEN ${written(label)}`);
  // A label is text, so the cell is too, whatever the code's type (credibility).
  return `CASE ${value}::text ${labels.join(" ")} ELSE (${stored})::text END`;
}

/** Stands for the column's value while a cell's SQL is built. */
const VALUE = "\u0000value\u0000";

/** The cell's SQL over the column's; a subquery's value (the last comment) is computed once however often the cell reads it. */
function cell(column: ExportColumn, value: string, request: ExportRequest): string | undefined {
  const template = writtenCell(column, VALUE, request);
  if (template === undefined) return undefined;
  if (template.split(VALUE).length > 2 && /\bSELECT\b/i.test(value))
    return `(SELECT ${template.replaceAll(VALUE, "s.v")} FROM (SELECT ${value} AS v OFFSET 0) s)`;
  return template.replaceAll(VALUE, value);
}

/**
 * The export as a COPY statement, or undefined where the JavaScript encoder must write it: NDJSON,
 * a JSON column, a single column (Postgres quotes a lone `\.` there), a filter value with no literal form.
 * It reads `COPY (SELECT c.id AS "id", …` in pg_stat_activity, like the row query it is built from.
 */
export function copyExportSql(request: ExportRequest): string | undefined {
  if (request.format !== "csv" || request.columns.length < 2) return undefined;
  let unsupported = false;
  const rows = exportQuery(EXPORT_DEFINITIONS[request.kind], request.columns, request.filters, (column, value) => {
    const sql = cell(column, value, request);
    if (sql === undefined) unsupported = true;
    return sql ?? value;
  });
  // COPY takes no parameters: the filter values are written in as literals.
  const text = unsupported ? undefined : inlineValues(rows, escapeLiteral);
  return text === undefined ? undefined : `COPY (${text}) TO STDOUT WITH (FORMAT csv)`;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * COPY ends each record with LF; the export's records end in CRLF (RFC 4180, as csv-stringify
 * writes them). Line breaks inside quoted cells stay as they are, so the quote state carries
 * across chunks. Counts the records it has seen.
 */
export class CsvRecordTerminator {
  records = 0;
  private quoted = false;

  terminate(chunk: Uint8Array): Uint8Array {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const ends: number[] = [];
    const length = buffer.length;
    let position = 0;
    let quote = -1;
    let newline = -1;
    while (position < length) {
      if (this.quoted) {
        const close = buffer.indexOf(QUOTE, position);
        if (close === -1) break;
        this.quoted = false;
        position = close + 1;
        continue;
      }
      if (quote < position) quote = buffer.indexOf(QUOTE, position);
      if (quote === -1) quote = length;
      if (newline < position) newline = buffer.indexOf(LF, position);
      if (newline === -1) newline = length;
      if (newline < quote) {
        ends.push(newline);
        position = newline + 1;
      } else if (quote < length) {
        this.quoted = true;
        position = quote + 1;
      } else break;
    }
    this.records += ends.length;
    if (ends.length === 0) return buffer;
    const out = Buffer.allocUnsafe(length + ends.length);
    let from = 0;
    let to = 0;
    for (const end of ends) {
      to += buffer.copy(out, to, from, end);
      out[to++] = CR;
      out[to++] = LF;
      from = end + 1;
    }
    buffer.copy(out, to, from, length);
    return out;
  }
}
