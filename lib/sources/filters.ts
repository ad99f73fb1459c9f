// The sources export's filters, as a zod schema over URL search parameters and a SQL WHERE
// fragment over `sources s`.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { Reliability, SourceKind } from "@/lib/generated/prisma/enums";
import { containing, whereAll } from "@/lib/db/sql";
import { enumValues, optional, searchText } from "@/lib/validation/zod";

export const sourcesFilterSchema = z.object({
  /** Title, publisher or author contains. */
  q: searchText(),
  kind: optional(z.enum(enumValues(SourceKind))),
  reliability: optional(z.enum(enumValues(Reliability))),
});

export function sourcesFilterSql(filters: z.infer<typeof sourcesFilterSchema>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(s.title ILIKE ${pattern} OR s.publisher ILIKE ${pattern} OR s.author ILIKE ${pattern})`);
  }
  if (filters.kind) conditions.push(Prisma.sql`s.kind = ${filters.kind}::source_kind`);
  if (filters.reliability) conditions.push(Prisma.sql`s.reliability = ${filters.reliability}::reliability`);
  return whereAll(conditions);
}
