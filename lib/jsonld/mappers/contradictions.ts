// Contradictions: two claims that conflict (no public term for it), with the editor's verdict,
// rationale and preferred claim.
import { ContradictionKind, ContradictionStatus } from "@/lib/generated/prisma/enums";
import { defineTable } from "@/lib/jsonld/fields";
import { ASSIGNEE, CREATED_AT, UPDATED_AT, VERSION, enumValues } from "@/lib/jsonld/mappers/common";

export const contradictionsMapper = defineTable({
  table: "contradictions",
  prefix: "contradiction",
  key: ["id"],
  type: () => "cb:Contradiction",
  fields: [
    { column: "claim_a_id", property: "cb:claimA", kind: "ref", target: "claim" },
    { column: "claim_b_id", property: "cb:claimB", kind: "ref", target: "claim" },
    { column: "kind", property: "cb:contradictionKind", kind: "enum", values: enumValues(ContradictionKind), sqlType: "contradiction_kind" },
    { column: "status", property: "cb:status", kind: "enum", values: enumValues(ContradictionStatus), sqlType: "contradiction_status" },
    { column: "score", property: "cb:score", kind: "number" },
    { column: "detected_by", property: "cb:detectedBy", kind: "text" },
    { column: "explanation", property: "cb:explanation", kind: "text", optional: true },
    { column: "rationale", property: "cb:rationale", kind: "text", optional: true },
    { column: "preferred_claim_id", property: "cb:preferredClaim", kind: "ref", target: "claim", optional: true },
    { column: "preferred_reason", property: "cb:preferredReason", kind: "text", optional: true },
    ASSIGNEE,
    VERSION,
    CREATED_AT,
    UPDATED_AT,
  ],
});
