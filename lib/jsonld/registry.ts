// Every table the JSON-LD export carries, in the order the import writes them (a table after those
// it points at). A new table is one mapper in lib/jsonld/mappers and one line here. Not carried:
// source_fingerprints, an index of the source texts the import rebuilds (lib/jsonld/import.ts).
import type { TableMapper } from "@/lib/jsonld/fields";
import { usersMapper } from "@/lib/jsonld/mappers/users";
import { actorsMapper } from "@/lib/jsonld/mappers/actors";
import { topicsMapper } from "@/lib/jsonld/mappers/topics";
import { sourcesMapper } from "@/lib/jsonld/mappers/sources";
import { sourceReuseMapper } from "@/lib/jsonld/mappers/source-reuse";
import { claimsMapper } from "@/lib/jsonld/mappers/claims";
import { contradictionsMapper } from "@/lib/jsonld/mappers/contradictions";
import { propositionMembersMapper, propositionsMapper } from "@/lib/jsonld/mappers/propositions";
import { commentEditsMapper, commentMentionsMapper, commentThreadsMapper, commentsMapper } from "@/lib/jsonld/mappers/comments";
import { auditEventsMapper } from "@/lib/jsonld/mappers/audit-events";

export const TABLE_MAPPERS: readonly TableMapper[] = [
  usersMapper,
  actorsMapper,
  topicsMapper,
  sourcesMapper,
  sourceReuseMapper,
  claimsMapper,
  contradictionsMapper,
  propositionsMapper,
  propositionMembersMapper,
  commentThreadsMapper,
  commentsMapper,
  commentEditsMapper,
  commentMentionsMapper,
  auditEventsMapper,
];

export function mapperForPrefix(prefix: string): TableMapper | undefined {
  return TABLE_MAPPERS.find((mapper) => mapper.prefix === prefix);
}
