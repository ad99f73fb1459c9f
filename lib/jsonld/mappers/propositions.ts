// Propositions: claims across sources that state the same thing, as proposed by a grouping run and
// decided by editors; each member says who placed it there and why. A claim's schema:firstAppearance
// is its proposition's earliest dated source (lib/jsonld/mappers/claims.ts).
import { MemberPlacement, PropositionStatus } from "@/lib/generated/prisma/enums";
import { defineTable } from "@/lib/jsonld/fields";
import { CREATED_AT, UPDATED_AT, VERSION, enumValues } from "@/lib/jsonld/mappers/common";

export const propositionsMapper = defineTable({
  table: "propositions",
  prefix: "proposition",
  key: ["id"],
  type: () => "cb:Proposition",
  fields: [
    { column: "label", property: "schema:name", kind: "text" },
    { column: "status", property: "cb:status", kind: "enum", values: enumValues(PropositionStatus), sqlType: "proposition_status" },
    { column: "decided_by_id", property: "cb:decidedBy", kind: "ref", target: "user", optional: true },
    { column: "decided_at", property: "cb:decidedAt", kind: "timestamp", optional: true },
    VERSION,
    CREATED_AT,
    UPDATED_AT,
  ],
});

export const propositionMembersMapper = defineTable({
  table: "proposition_members",
  prefix: "proposition-member",
  // One membership per claim: the claim's id is the key.
  key: ["claim_id"],
  type: () => "cb:PropositionMember",
  fields: [
    { column: "claim_id", property: "cb:claim", kind: "ref", target: "claim" },
    { column: "proposition_id", property: "cb:proposition", kind: "ref", target: "proposition" },
    { column: "placement", property: "cb:placement", kind: "enum", values: enumValues(MemberPlacement), sqlType: "member_placement" },
    { column: "reason", property: "cb:reason", kind: "text", optional: true },
    { column: "placed_by_id", property: "cb:placedBy", kind: "ref", target: "user", optional: true },
    CREATED_AT,
  ],
});
