// Parses an export request for both HTTP and the command line, so they accept the same things.
// Everything is checked before the first byte: a bad request gets one clear message and no file.
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { EXPORT_FORMATS, FORMULA_MODES, type ExportFormat, type FormulaMode } from "@/lib/export/encode";
import { EXPORT_DEFINITIONS, EXPORT_KINDS, filterParams, isExportKind, type ExportKind } from "@/lib/export/kinds";

/** Export options; every other parameter is a filter of the kind's list. */
export const EXPORT_OPTION_PARAMS = ["format", "bom", "formulas", "labels", "columns"] as const;

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((text) => ["1", "true", "yes", "on", "0", "false", "no", "off", ""].includes(text), "Use 1 or 0")
  .transform((text) => ["1", "true", "yes", "on"].includes(text));

export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `Choose ${EXPORT_FORMATS.join(" or ")}` }).default("csv"),
  bom: flag.default(false),
  formulas: z.enum(FORMULA_MODES, { error: `Choose ${FORMULA_MODES.join(" or ")}` }).default("escape"),
  /** Codes as the app shows them ("Author's voice", "In review"). */
  labels: flag.default(false),
  /** Comma-separated, in the order wanted; all columns when absent. */
  columns: z.string().trim().optional(),
});

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  bom: boolean;
  formulas: FormulaMode;
  labels: boolean;
  /** Where link columns point: the app's address over HTTP, "" (a bare path) from the command line unless NEXTAUTH_URL is set. */
  baseUrl: string;
  columns: string[];
  filters: Record<string, unknown>;
  filtered: boolean;
}

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function entries(params: SearchParamsInput): [string, string[]][] {
  if (params instanceof URLSearchParams) {
    return [...new Set(params.keys())].map((key) => [key, params.getAll(key)]);
  }
  return Object.entries(params)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
    .map(([key, value]) => [key, Array.isArray(value) ? value : [value]]);
}

function fail(problems: Record<string, string[]>): never {
  const sentence = Object.entries(problems)
    .map(([key, messages]) => (key === "_" ? messages.join("; ") : `${key}: ${messages.join("; ")}`))
    .join(". ");
  throw new ValidationError(`The export was not started. ${sentence}.`, problems);
}

export function unknownKindMessage(kind: unknown): string {
  return `Unknown export "${String(kind)}": choose one of ${EXPORT_KINDS.join(", ")}`;
}

/** Throws a ValidationError naming each problem. `baseUrl` is the app's address, for link columns. */
export function parseExportRequest(kind: unknown, params: SearchParamsInput, baseUrl = ""): ExportRequest {
  if (!isExportKind(kind)) fail({ kind: [unknownKindMessage(kind)] });
  const definition = EXPORT_DEFINITIONS[kind];
  const filterKeys = filterParams(definition);
  const problems: Record<string, string[]> = {};
  const add = (key: string, message: string) => (problems[key] ??= []).push(message);

  const options: Record<string, string> = {};
  const filterInput: Record<string, string> = {};
  for (const [key, list] of entries(params)) {
    if (list.length > 1) add(key, `given ${list.length} times; give it once`);
    const value = list[0] ?? "";
    // Page cursors and sort change one page, not which rows match: the export holds them all.
    if (definition.viewParams.includes(key)) continue;
    if ((EXPORT_OPTION_PARAMS as readonly string[]).includes(key)) options[key] = value;
    else if (filterKeys.includes(key)) filterInput[key] = value;
    else {
      add(key, `unknown parameter; ${kind} can be filtered by ${filterKeys.join(", ")} (options: ${EXPORT_OPTION_PARAMS.join(", ")})`);
    }
  }

  const parsedOptions = exportOptionsSchema.safeParse(options);
  if (!parsedOptions.success) for (const issue of parsedOptions.error.issues) add(String(issue.path[0]), issue.message);
  const parsedFilters = definition.filterSchema.safeParse(filterInput);
  if (!parsedFilters.success) for (const issue of parsedFilters.error.issues) add(String(issue.path[0]), issue.message);

  const format = parsedOptions.data?.format ?? "csv";
  const known = definition.columns.map((column) => column.name);
  const inFormat = (name: string) => definition.columns.find((column) => column.name === name)?.formats?.includes(format) ?? true;
  let columns = known.filter(inFormat);
  const requested = parsedOptions.data?.columns;
  if (requested) {
    columns = requested
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    const unknown = columns.filter((name) => !known.includes(name));
    if (unknown.length)
      add("columns", `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((name) => `"${name}"`).join(", ")}; ${kind} has ${known.join(", ")}`);
    const repeated = columns.filter((name, index) => columns.indexOf(name) !== index);
    if (repeated.length) add("columns", `${repeated.map((name) => `"${name}"`).join(", ")} listed twice`);
    const elsewhere = columns.filter((name) => known.includes(name) && !inFormat(name));
    if (elsewhere.length) add("columns", `${elsewhere.map((name) => `"${name}"`).join(", ")} only in ${format === "csv" ? "NDJSON" : "CSV"}`);
    if (columns.length === 0) add("columns", "name at least one column");
  }

  if (Object.keys(problems).length > 0 || !parsedOptions.success || !parsedFilters.success) fail(problems);
  const filters = Object.fromEntries(Object.entries(parsedFilters.data).filter(([, value]) => value !== undefined));
  return {
    kind,
    format: parsedOptions.data.format,
    bom: parsedOptions.data.bom,
    formulas: parsedOptions.data.formulas,
    labels: parsedOptions.data.labels,
    baseUrl,
    columns,
    filters,
    filtered: Object.keys(filters).length > 0,
  };
}

/** `claimbase-claims-2025-11-22-filtered.csv`: kind, UTC date, and whether filters applied. */
export function exportFileName(request: Pick<ExportRequest, "kind" | "format" | "filtered">, now: Date = new Date()): string {
  const date = now.toISOString().slice(0, 10);
  return `claimbase-${request.kind}-${date}-${request.filtered ? "filtered" : "all"}.${request.format}`;
}

export function exportContentType(format: ExportFormat): string {
  return format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/x-ndjson; charset=utf-8";
}
