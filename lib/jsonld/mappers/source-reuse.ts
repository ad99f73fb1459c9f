// Reuse between sources: which source repeats which (a repost, heavy quoting), the share of its words
// inside the repeated passages, whether it names the original, and the editor's decision.
import { ReuseStatus } from "@/lib/generated/prisma/enums";
import { defineTable } from "@/lib/jsonld/fields";
import { CREATED_AT, UPDATED_AT, VERSION, enumValues } from "@/lib/jsonld/mappers/common";

export const sourceReuseMapper = defineTable({
  table: "source_reuse",
  prefix: "source-reuse",
  key: ["id"],
  type: () => "cb:SourceReuse",
  fields: [
    { column: "source_id", property: "cb:repeatingSource", kind: "ref", target: "source" },
    // The original the repeating source is based on.
    { column: "original_id", property: "schema:isBasedOn", kind: "ref", target: "source" },
    { column: "share", property: "cb:share", kind: "number" },
    { column: "passages", property: "cb:passages", kind: "json" },
    { column: "attributed", property: "cb:attributed", kind: "boolean" },
    { column: "status", property: "cb:status", kind: "enum", values: enumValues(ReuseStatus), sqlType: "reuse_status" },
    { column: "decided_by_id", property: "cb:decidedBy", kind: "ref", target: "user", optional: true },
    { column: "decided_at", property: "cb:decidedAt", kind: "timestamp", optional: true },
    { column: "method", property: "cb:method", kind: "text" },
    VERSION,
    CREATED_AT,
    UPDATED_AT,
  ],
});
