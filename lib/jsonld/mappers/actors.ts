// Actors: the speakers, as schema.org persons and organizations.
import { ActorKind, Reliability } from "@/lib/generated/prisma/enums";
import { defineTable } from "@/lib/jsonld/fields";
import { CREATED_AT, NOTES, UPDATED_AT, VERSION, enumValues } from "@/lib/jsonld/mappers/common";

const ACTOR_TYPES: Record<ActorKind, string> = {
  person: "schema:Person",
  organization: "schema:Organization",
  government_body: "schema:GovernmentOrganization",
  media_outlet: "schema:NewsMediaOrganization",
  court: "schema:Organization",
  other: "schema:Thing",
};

export const actorsMapper = defineTable({
  table: "actors",
  prefix: "actor",
  key: ["id"],
  type: (columns) => ACTOR_TYPES[columns.kind as ActorKind] ?? "schema:Thing",
  fields: [
    { column: "name", property: "schema:name", kind: "text" },
    { column: "normalized_name", property: "cb:normalizedName", kind: "text" },
    { column: "kind", property: "cb:actorKind", kind: "enum", values: enumValues(ActorKind), sqlType: "actor_kind" },
    { column: "aliases", property: "schema:alternateName", kind: "textList" },
    // The speaker's Admiralty reliability, one hop of a claim's provenance chain.
    { column: "reliability", property: "cb:admiraltyReliability", kind: "enum", values: enumValues(Reliability), sqlType: "reliability" },
    NOTES,
    VERSION,
    CREATED_AT,
    UPDATED_AT,
  ],
});
