// Fields most tables share.
import type { Field } from "@/lib/jsonld/fields";

export function enumValues(values: Record<string, string>): [string, ...string[]] {
  return Object.values(values) as [string, ...string[]];
}

export const VERSION: Field = { column: "version", property: "cb:version", kind: "integer" };
export const CREATED_AT: Field = { column: "created_at", property: "schema:dateCreated", kind: "timestamp" };
export const UPDATED_AT: Field = { column: "updated_at", property: "schema:dateModified", kind: "timestamp" };
export const NOTES: Field = { column: "notes", property: "cb:notes", kind: "text", optional: true };
export const ASSIGNEE: Field = { column: "assignee_id", property: "cb:assignee", kind: "ref", target: "user", optional: true };
