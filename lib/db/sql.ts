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
