// One validator per kind of value, used by every schema that reads forms, URL parameters,
// query strings and action input: ids as the int4 columns hold them, text Postgres can store
// unchanged, page cursors, calendar dates and publication dates as the import reads them.
// Plain zod only: client components import the schemas built from these.
import { z } from "zod";
import { checkPublishedDate } from "@/lib/text/published-date";

/** "" from an unselected <select> and null from FormData.get of a missing field both mean "not given". */
export const blankToUndefined = (value: unknown) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value);

export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const trimmedOrNull = (value: unknown) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : (value ?? null));

export const enumValues = <T extends Record<string, string>>(enumObject: T) => Object.values(enumObject) as [T[keyof T], ...T[keyof T][]];

// Numbers -----------------------------------------------------------------------------------

/** The range of a Postgres `integer` (int4): every id, version, offset and count column. */
export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;
const INT8_MAX = 9_223_372_036_854_775_807n;

export const ID_TOO_LARGE = `No record has an id that large (ids go up to ${INT4_MAX})`;

/** Digits as a form or a URL sends them become a number; "1e3", "0x10", "1.5", true or [7] stay what they are and are refused. */
function wholeNumberFromText(value: unknown): unknown {
  return typeof value === "string" && /^\s*[+-]?\d{1,20}\s*$/.test(value) ? Number(value) : value;
}

interface IntegerMessages {
  min?: number;
  max?: number;
  /** When the value is given but is no whole number (default: the missing message). */
  invalid?: string;
  tooSmall?: string;
  tooLarge?: string;
}

/** A whole number that fits an int4 column (or the narrower range given), from a form, a URL or JSON; `message` says it is missing. */
export function formInt(message: string, options: IntegerMessages = {}) {
  const min = Math.max(options.min ?? INT4_MIN, INT4_MIN);
  const max = Math.min(options.max ?? INT4_MAX, INT4_MAX);
  const invalid = options.invalid ?? message;
  return z.preprocess(
    wholeNumberFromText,
    z
      .number({
        error: (issue) => (issue.input === undefined || issue.input === null || (typeof issue.input === "string" && !issue.input.trim()) ? message : invalid),
      })
      .max(max, { message: options.tooLarge ?? (max === INT4_MAX ? `Too large: at most ${INT4_MAX}` : invalid), abort: true })
      .min(min, { message: options.tooSmall ?? invalid, abort: true })
      .int(invalid),
  );
}

/** A row id: 1 … 2147483647, the range of the int4 id columns. */
export const recordId = (missing: string, invalid = missing) => formInt(missing, { min: 1, invalid, tooLarge: ID_TOO_LARGE });

/** An id, or "none" for the rows without one (a filter for claims with no speaker, a topic cleared in bulk). */
export const recordIdOrNone = (message: string) => {
  const id = recordId(message);
  return z.unknown().transform((value, context): number | "none" => {
    if (value === "none") return "none";
    const parsed = id.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message });
    return z.NEVER;
  });
};

/** A page's `[id]` segment: a page for an id no row can have is "not found", never a server error. */
export const idParamsSchema = z.object({ id: recordId("Not an id") });

/** The version an edit form was given (optimistic concurrency). */
export const recordVersion = () => formInt("Missing version", { min: 1, invalid: "Not a version this form was given; reload the page" });

/** An id of a bigint (int8) column, such as audit events', kept as its digits. */
export const bigRecordId = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .refine((digits) => /^\d{1,19}$/.test(digits) && BigInt(digits) >= 1n && BigInt(digits) <= INT8_MAX, message);

// Text --------------------------------------------------------------------------------------

export const NUL_MESSAGE = "Contains a NUL character (\\0), which cannot be stored: remove it";
export const LONE_SURROGATE_MESSAGE = "Contains a broken character (half of a UTF-16 surrogate pair) that would be stored as �: retype or remove it";

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Half of a UTF-16 surrogate pair: no UTF-8 form, so a database or a file would get U+FFFD instead. */
export const hasLoneSurrogate = (text: string) => LONE_SURROGATE.test(text);

/** Text Postgres stores as given: it refuses NUL, and UTF-8 turns a lone surrogate into U+FFFD. */
export const storableText = (missing?: string) =>
  z
    .string(missing === undefined ? undefined : { error: missing })
    .refine((text) => !text.includes("\u0000"), NUL_MESSAGE)
    .refine((text) => !hasLoneSurrogate(text), LONE_SURROGATE_MESSAGE);

export const nullableText = (max: number, label: string) =>
  z.preprocess(trimmedOrNull, storableText().max(max, `${label} is limited to ${max} characters`).nullable());

export const searchText = (max = 200) => optional(storableText().trim().max(max, `Search is limited to ${max} characters`));

// Page cursors ------------------------------------------------------------------------------

/** What one key of a keyset cursor is compared with in SQL. */
export type CursorKey = "int" | "timestamptz";

export const CURSOR_MESSAGE = "Not a page position this list made; start again from the first page";

function decodeBase64UrlJson(text: string): unknown {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (character) => character.charCodeAt(0))));
}

const intKey = z.number({ error: CURSOR_MESSAGE }).int(CURSOR_MESSAGE).min(INT4_MIN, CURSOR_MESSAGE).max(INT4_MAX, CURSOR_MESSAGE);
const timestampKey = z.iso
  .datetime({ offset: true, error: CURSOR_MESSAGE })
  .refine((text) => !text.startsWith("0000") && !Number.isNaN(Date.parse(text)), CURSOR_MESSAGE);

/** A keyset cursor (base64url JSON of the last row's sort keys), each key checked against the type SQL casts it to. */
export function keysetCursor(keys: readonly CursorKey[]) {
  const tuple = z.tuple(keys.map((key) => (key === "int" ? intKey : timestampKey)) as unknown as [z.ZodType, ...z.ZodType[]], { error: CURSOR_MESSAGE });
  return z
    .string()
    .max(200, CURSOR_MESSAGE)
    .transform((text, context) => {
      try {
        return decodeBase64UrlJson(text);
      } catch {
        context.addIssue({ code: "custom", message: CURSOR_MESSAGE });
        return z.NEVER;
      }
    })
    .pipe(tuple)
    .transform((values) => values as (string | number)[]);
}

// Dates -------------------------------------------------------------------------------------

/** A day as a date input sends it (2026-01-31), one the calendar has: "2025-02-30" reads as 2 March in JavaScript but fails in Postgres. */
export const calendarDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return text >= "0001-01-01" && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
    }, "Not a real date: use a day the calendar has, like 2026-01-31.");

/** A stated publication date as the import accepts it (lib/text/published-date.ts); blank is null. */
export const publishedDate = () =>
  storableText()
    .max(100, "A publication date is limited to 100 characters")
    .nullish()
    .transform((value, context) => {
      if (!value || !value.trim()) return null;
      const checked = checkPublishedDate(value);
      if (!checked.ok) {
        context.addIssue({ code: "custom", message: checked.message });
        return z.NEVER;
      }
      return checked.value;
    });

/** An on/off filter from a link or a checkbox: "1" (or "true", "on") turns it on, blank leaves it off. */
export const flagParam = () => optional(z.enum(["1", "true", "on"], { error: "Use 1 to turn this filter on" }).transform(() => true as const));
