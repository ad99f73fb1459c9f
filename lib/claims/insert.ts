// New extracted claims written in one statement per slice of rows, as parallel arrays through unnest:
// Prisma's createMany compiles every row into its query plan (about a millisecond a row), which made
// saving a large import cost more than extracting it.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Attribution, SourceStance } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export interface NewClaimRow {
  sourceId: number;
  startOffset: number;
  endOffset: number;
  quote: string;
  prefix: string;
  suffix: string;
  speakerId: number | null;
  cue: string | null;
  attribution: Attribution;
  citedVia: string | null;
  sourceStance: SourceStance;
  extractorVersion: string;
  facets: unknown;
  facetKeys: string[];
  facetsVersion: string;
  checkWorthiness: number;
}

const SLICE = 5_000;

/** Inserts the rows a span does not already hold (as createMany's skipDuplicates); returns the new ids. */
export async function insertClaims(tx: Tx, rows: NewClaimRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let from = 0; from < rows.length; from += SLICE) {
    const slice = rows.slice(from, from + SLICE);
    const column = <T>(pick: (row: NewClaimRow) => T) => slice.map(pick);
    // Keys travel as one text per claim (keys never hold a tab), since unnest flattens arrays of arrays.
    const inserted = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO claims (source_id, start_offset, end_offset, quote, prefix, suffix, speaker_id, cue, attribution, cited_via,
                          source_stance, extractor_version, facets, facet_keys, facets_version, check_worthiness, updated_at)
      SELECT v.source_id, v.start_offset, v.end_offset, v.quote, v.prefix, v.suffix, v.speaker_id, v.cue, v.attribution::attribution,
             v.cited_via, v.source_stance::source_stance, v.extractor_version, v.facets::jsonb,
             CASE WHEN v.keys = '' THEN '{}'::text[] ELSE string_to_array(v.keys, E'\\t') END, v.facets_version, v.worth, now()
      FROM unnest(${column((row) => row.sourceId)}::int[], ${column((row) => row.startOffset)}::int[], ${column((row) => row.endOffset)}::int[],
                  ${column((row) => row.quote)}::text[], ${column((row) => row.prefix)}::text[], ${column((row) => row.suffix)}::text[],
                  ${column((row) => row.speakerId)}::int[], ${column((row) => row.cue)}::text[], ${column((row) => row.attribution)}::text[],
                  ${column((row) => row.citedVia)}::text[], ${column((row) => row.sourceStance)}::text[], ${column((row) => row.extractorVersion)}::text[],
                  ${column((row) => JSON.stringify(row.facets))}::text[], ${column((row) => row.facetKeys.join("\t"))}::text[],
                  ${column((row) => row.facetsVersion)}::text[], ${column((row) => row.checkWorthiness)}::smallint[])
        AS v(source_id, start_offset, end_offset, quote, prefix, suffix, speaker_id, cue, attribution, cited_via, source_stance,
             extractor_version, facets, keys, facets_version, worth)
      ON CONFLICT (source_id, start_offset, end_offset) DO NOTHING
      RETURNING id`;
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}
