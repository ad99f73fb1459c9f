// Claim facets in the database: the columns written with a claim, and the refresh of claims
// stored by an older FACETS_VERSION (or by an editor's hand).
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkWorthiness, computeFacets, facetKeys, FACETS_VERSION, type ClaimFacets, type FacetInput } from "@/lib/facets";
import { forumVoiceAt } from "@/lib/extract/forum-posts";

type Tx = Prisma.TransactionClient;

export interface FacetColumns {
  facets: ClaimFacets;
  facetKeys: string[];
  facetsVersion: string;
  checkWorthiness: number;
}

/** Facets read the text before a claim for what it refers back to. */
export const FACET_CONTEXT_CHARS = 300;

/** What facets read around a claim at `start` of its source's text: the text just before it and, in a forum thread, whose post it is in. */
export function facetPlace(text: string, start: number): Pick<FacetInput, "context" | "voice"> {
  return { context: text.slice(Math.max(0, start - FACET_CONTEXT_CHARS), start), voice: forumVoiceAt(text, start) };
}

export function facetColumns(input: FacetInput, linkActor?: (keys: string[]) => number | undefined): FacetColumns {
  const facets = computeFacets(input);
  if (linkActor) {
    for (const entity of facets.entities) {
      const actorId = linkActor(entity.keys);
      if (actorId !== undefined) entity.actorId = actorId;
    }
  }
  const worth = checkWorthiness({ quote: input.quote, cue: input.cue, speakerName: input.speakerName, facets });
  return { facets, facetKeys: facetKeys(facets), facetsVersion: FACETS_VERSION, checkWorthiness: worth.score };
}

export function facetData(input: FacetInput, linkActor?: (keys: string[]) => number | undefined) {
  const columns = facetColumns(input, linkActor);
  return {
    facets: columns.facets as unknown as Prisma.InputJsonValue,
    facetKeys: columns.facetKeys,
    facetsVersion: columns.facetsVersion,
    checkWorthiness: columns.checkWorthiness,
  };
}

const REFRESH_BATCH = 2_000;

/** Returns how many claims it rewrote. */
export async function refreshStaleFacets(tx: Tx, options: { sourceId?: number } = {}): Promise<number> {
  let after = 0;
  let refreshed = 0;
  for (;;) {
    const rows = await tx.$queryRaw<{ id: number; quote: string; cue: string | null; speakerName: string | null; sourceId: number; startOffset: number }[]>`
      SELECT c.id, c.quote, c.cue, a.name AS "speakerName", c.source_id AS "sourceId", c.start_offset AS "startOffset"
      FROM claims c LEFT JOIN actors a ON a.id = c.speaker_id
      WHERE c.id > ${after}::int AND (c.facets_version IS DISTINCT FROM ${FACETS_VERSION})
        AND (${options.sourceId ?? null}::int IS NULL OR c.source_id = ${options.sourceId ?? null}::int)
      ORDER BY c.id LIMIT ${REFRESH_BATCH}`;
    if (!rows.length) return refreshed;
    // Each source's text is read once per batch: facets read the text before a claim and the thread's posts.
    const texts = new Map(
      (
        await tx.$queryRaw<{ id: number; text: string }[]>`SELECT id, text FROM sources WHERE id = ANY(${[...new Set(rows.map((row) => row.sourceId))]}::int[])`
      ).map((source) => [source.id, source.text]),
    );
    const computed = rows.map((row) =>
      facetColumns({ quote: row.quote, cue: row.cue, speakerName: row.speakerName, ...facetPlace(texts.get(row.sourceId) ?? "", row.startOffset) }),
    );
    // Keys travel as one text per claim (keys never hold a tab), since unnest flattens arrays of arrays.
    await tx.$executeRaw`
      UPDATE claims c SET facets = v.facets::jsonb, facet_keys = string_to_array(v.keys, E'\\t'), facets_version = ${FACETS_VERSION},
        check_worthiness = v.worth
      FROM unnest(${rows.map((row) => row.id)}::int[], ${computed.map((columns) => JSON.stringify(columns.facets))}::text[],
                  ${computed.map((columns) => columns.facetKeys.join("\t"))}::text[],
                  ${computed.map((columns) => columns.checkWorthiness)}::smallint[]) AS v(id, facets, keys, worth)
      WHERE c.id = v.id`;
    refreshed += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}
