// Building blocks of raw SQL, which is written one way: Prisma.sql fragments composed into a
// query run with $queryRaw / $executeRaw, every value bound as a parameter.
import { Prisma } from "@/lib/generated/prisma/client";

export function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

export function startingWith(text: string): string {
  return `${escapeLike(text)}%`;
}

/**
 * One statement cannot take parameters: COPY (lib/export/copy.ts). For it, a composed query's
 * values are written into the text as quoted literals (pg's escapeLiteral), which Postgres types
 * from their context exactly as it types a bound parameter. Undefined for a value with no safe
 * literal form (an array, an object): run that query with bound values instead.
 */
export function inlineValues(query: Prisma.Sql, quote: (text: string) => string): string | undefined {
  let text = query.strings[0]!;
  for (const [index, value] of query.values.entries()) {
    let literal: string;
    if (value === null || value === undefined) literal = "NULL";
    else if (typeof value === "string") literal = quote(value);
    else if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "bigint" || typeof value === "boolean") literal = quote(String(value));
    else if (value instanceof Date) literal = quote(value.toISOString());
    else return undefined;
    text += literal + query.strings[index + 1]!;
  }
  return text;
}
