// The audit trail: every change, who made it, the fields before and after, and the undo grouping.
import { defineTable } from "@/lib/jsonld/fields";
import { CREATED_AT } from "@/lib/jsonld/mappers/common";

export const auditEventsMapper = defineTable({
  table: "audit_events",
  prefix: "audit-event",
  key: ["id"],
  bigintKey: true,
  type: () => "cb:AuditEvent",
  fields: [
    { column: "user_id", property: "schema:agent", kind: "ref", target: "user", optional: true },
    { column: "entity_type", property: "cb:entityType", kind: "text" },
    { column: "entity_id", property: "cb:entityId", kind: "text", optional: true },
    { column: "action", property: "cb:action", kind: "text" },
    { column: "before", property: "cb:before", kind: "json", optional: true },
    { column: "after", property: "cb:after", kind: "json", optional: true },
    { column: "action_id", property: "cb:actionId", kind: "uuid", optional: true },
    { column: "undoes_action_id", property: "cb:undoesActionId", kind: "uuid", optional: true },
    CREATED_AT,
  ],
});
