// The topics list's filters, as a zod schema over URL search parameters and a SQL WHERE
// fragment over `topics t`: the list (lib/topics/queries.ts) and its export share them.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { containing, whereAll } from "@/lib/db/sql";
import { searchText } from "@/lib/validation/zod";

export const topicsFilterSchema = z.object({
  /** Title or description contains. */
  q: searchText(),
});

export function topicsFilterSql(filters: z.infer<typeof topicsFilterSchema>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(t.title ILIKE ${pattern} OR t.description ILIKE ${pattern})`);
  }
  return whereAll(conditions);
}
