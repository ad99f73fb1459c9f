// Publication dates as documents state them. Slashed dates are refused: 03/04/2011 reads two ways.
import { MONTH_NAMES, monthIndex } from "@/lib/text/months";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

export const DATE_FORMAT_HINT = "Use a date like 2004-06-11, 11 June 2004, June 2004 or 2004";

function parts(value: string): DateParts | "ambiguous" | undefined {
  const text = value
    .trim()
    .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, "")
    .replace(/\s+/g, " ");
  let match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(text);
  if (match) {
    return {
      year: Number(match[1]),
      month: match[2] === undefined ? undefined : Number(match[2]) - 1,
      day: match[3] === undefined ? undefined : Number(match[3]),
    };
  }
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(text)) return "ambiguous";
  // "April 15, 2011", "April 15 2011", "Apr. 2011"
  match = /^([A-Za-z]+\.?)(?: (\d{1,2})(?:st|nd|rd|th)?,?)? (\d{4})$/.exec(text);
  if (match) {
    const month = monthIndex(match[1]!);
    if (month === undefined) return undefined;
    return { year: Number(match[3]), month, day: match[2] === undefined ? undefined : Number(match[2]) };
  }
  // "15 April 2011", "15th of April, 2011"
  match = /^(\d{1,2})(?:st|nd|rd|th)?(?: of)? ([A-Za-z]+\.?),? (\d{4})$/.exec(text);
  if (match) {
    const month = monthIndex(match[2]!);
    if (month === undefined) return undefined;
    return { year: Number(match[3]), month, day: Number(match[1]) };
  }
  return undefined;
}

/** The first day a stated date can mean ("June 2004" → 1 June 2004), in ms, for ordering sources; undefined when unreadable. */
export function publishedDateStart(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const found = parts(value);
  if (!found || found === "ambiguous") return undefined;
  return Date.UTC(found.year, found.month ?? 0, found.day ?? 1);
}

export type DateCheck = { ok: true; value: string } | { ok: false; message: string };

/** Validates a stated publication date; `value` is the text to store (an ISO time is cut to its date). */
export function checkPublishedDate(value: string, now: Date = new Date()): DateCheck {
  const found = parts(value);
  if (found === "ambiguous") {
    return { ok: false, message: `${value.trim()} can be read two ways. ${DATE_FORMAT_HINT}.` };
  }
  if (!found) return { ok: false, message: `${DATE_FORMAT_HINT}.` };
  const { year, month, day } = found;
  if (year < 1000) return { ok: false, message: `The year ${year} is not a plausible publication date.` };
  if (month !== undefined && (month < 0 || month > 11)) {
    return { ok: false, message: `There is no month ${month + 1}. ${DATE_FORMAT_HINT}.` };
  }
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return { ok: false, message: `There is no ${day} ${MONTH_NAMES[month]} ${year}.` };
  }
  // A day of slack so that a document published today in another time zone passes.
  const earliest = Date.UTC(year, month ?? 0, day ?? 1);
  if (earliest > now.getTime() + 24 * 60 * 60 * 1000) {
    return { ok: false, message: "The publication date is in the future." };
  }
  const iso = /^(\d{4}-\d{1,2}-\d{1,2})[T ]/.exec(value.trim());
  return { ok: true, value: iso ? iso[1]! : value.trim().replace(/\s+/g, " ") };
}

/** A date found in document metadata, cut to a form the import form accepts, or undefined. */
export function dateGuess(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  // PDF dates: D:20110415093000+01'00'
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(trimmed);
  const candidate = pdf ? [pdf[1], pdf[2], pdf[3]].filter(Boolean).join("-") : trimmed;
  const checked = checkPublishedDate(candidate);
  if (checked.ok) return checked.value;
  const parsed = new Date(trimmed);
  if (!Number.isNaN(parsed.getTime())) {
    const iso = parsed.toISOString().slice(0, 10);
    if (checkPublishedDate(iso).ok) return iso;
  }
  return undefined;
}

/**
 * The span of days a stated date covers, as UTC milliseconds ("June 2007" is the whole month),
 * or undefined when it cannot be read; two dates are in order only when their spans do not overlap.
 */
export function publishedDateSpan(value: string | null | undefined): { earliest: number; latest: number } | undefined {
  if (!value) return undefined;
  const found = parts(value);
  if (!found || found === "ambiguous") return undefined;
  const { year, month, day } = found;
  if (month !== undefined && (month < 0 || month > 11)) return undefined;
  const earliest = Date.UTC(year, month ?? 0, day ?? 1);
  const latest = day !== undefined && month !== undefined ? earliest : month !== undefined ? Date.UTC(year, month + 1, 0) : Date.UTC(year, 11, 31);
  return { earliest, latest };
}
