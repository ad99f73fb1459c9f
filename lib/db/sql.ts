// Building blocks of raw SQL, which is written one way: Prisma.sql fragments composed into a
// query run with $queryRaw / $executeRaw, every value bound as a parameter.
import { Prisma } from "@/lib/generated/prisma/client";

/** Conditions joined with AND, without the WHERE keyword; TRUE when there are none. */
export function whereAll(conditions: Prisma.Sql[]): Prisma.Sql {
  return conditions.length ? Prisma.join(conditions, " AND ") : Prisma.sql`TRUE`;
}

/** `text` with the LIKE pattern characters (\ % _) escaped, so that they match literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** `%text%` for (I)LIKE: contains `text`, matched literally. */
export function containing(text: string): string {
  return `%${escapeLike(text)}%`;
}

/** `text%` for (I)LIKE: starts with `text`, matched literally. */
export function startingWith(text: string): string {
  return `${escapeLike(text)}%`;
}
