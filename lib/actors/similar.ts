// Near-spellings of an actor's name, suggested to editors and never merged on their own. Trigram
// similarity of the canonical keys, so honorifics and punctuation do not count.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { canonicalActorKey } from "@/lib/extract/actors";
import type { Db } from "@/lib/db/client";

/** Below this, names share a surname or a word at most. */
export const SIMILAR_NAME_THRESHOLD = 0.45;

export interface SimilarActor {
  id: number;
  name: string;
  kind: ActorKind;
  similarity: number;
}

type SqlRunner = Pick<Db, "$queryRaw">;

export async function similarActors(
  prisma: SqlRunner,
  name: string,
  kind: ActorKind,
  options: { excludeId?: number; limit?: number } = {},
): Promise<SimilarActor[]> {
  const key = canonicalActorKey(name);
  if (key.length < 3) return [];
  const people = kind === "person";
  const rows = await prisma.$queryRaw<SimilarActor[]>(Prisma.sql`
    SELECT id, name, kind, similarity(normalized_name, ${key})::float8 AS similarity
    FROM actors
    WHERE normalized_name <> ${key}
      AND id <> ${options.excludeId ?? 0}
      AND (kind = 'person') = ${people}
      AND similarity(normalized_name, ${key}) >= ${SIMILAR_NAME_THRESHOLD}
    ORDER BY similarity DESC, id ASC
    LIMIT ${options.limit ?? 5}`);
  return rows;
}
