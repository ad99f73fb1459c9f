// Near-spellings of an actor's name ("Wasay Jalil" / "Wasey Jalil", transliterations, a dropped
// letter): suggested to editors on the actor page and in the import preview, never merged on their
// own. Similarity is pg_trgm's trigram similarity of the canonical keys (lib/extract/actors.ts), so
// honorifics and punctuation do not count; people are only compared with people.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { canonicalActorKey } from "@/lib/extract/actors";
import type { Db } from "@/lib/db/client";

/** Below this, names share a surname or a word at most ("Imran Khan" / "Ayub Khan" is 0.31). */
export const SIMILAR_NAME_THRESHOLD = 0.45;

export interface SimilarActor {
  id: number;
  name: string;
  kind: ActorKind;
  similarity: number;
}

type SqlRunner = Pick<Db, "$queryRaw">;

/** Stored actors spelled almost like `name`, most similar first; `excludeId` leaves the actor itself out. */
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
