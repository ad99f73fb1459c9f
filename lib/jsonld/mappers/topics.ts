// Topics: the questions claims speak to; a claim points at its topic with schema:about.
import { defineTable } from "@/lib/jsonld/fields";
import { CREATED_AT, UPDATED_AT, VERSION } from "@/lib/jsonld/mappers/common";

export const topicsMapper = defineTable({
  table: "topics",
  prefix: "topic",
  key: ["id"],
  type: () => "cb:Topic",
  fields: [
    { column: "slug", property: "schema:identifier", kind: "text" },
    { column: "title", property: "schema:name", kind: "text" },
    { column: "description", property: "schema:description", kind: "text", optional: true },
    VERSION,
    CREATED_AT,
    UPDATED_AT,
  ],
});
