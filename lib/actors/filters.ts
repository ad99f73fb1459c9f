// The actors list's filters as a SQL WHERE fragment over `actors a`: the list
// (lib/actors/queries.ts) and its export share it.
import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { containing, whereAll } from "@/lib/db/sql";
import { actorListSchema } from "@/lib/actors/schema";

export const actorsFilterSchema = actorListSchema;

export function actorsFilterSql(filters: z.infer<typeof actorsFilterSchema>): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.q) {
    const pattern = containing(filters.q);
    conditions.push(Prisma.sql`(a.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias WHERE alias ILIKE ${pattern}))`);
  }
  if (filters.kind) conditions.push(Prisma.sql`a.kind = ${filters.kind}::actor_kind`);
  return whereAll(conditions);
}
