// Month and weekday names, one list for extraction, import dates and detection.

export const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

export const MONTHS: readonly string[] = MONTH_NAMES.map((name) => name.toLowerCase());

export const MONTH_WORDS: readonly string[] = [...MONTHS, "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/** For regular expressions: longest spellings first so "Sept" wins over "Sep". */
export const MONTH_ALTERNATION =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

export const WEEKDAYS: readonly string[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** 0-based. */
export function monthIndex(word: string): number | undefined {
  const lower = word.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month === lower || (month.startsWith(lower) && lower.length <= month.length));
  // "Sept" is the one common abbreviation longer than three letters.
  return index === -1 ? (lower === "sept" ? 8 : undefined) : index;
}
