// Users: who did the work. Never the password hash or session data: an imported user signs in
// after an admin sets a new password.
import { Role } from "@/lib/generated/prisma/enums";
import { defineTable } from "@/lib/jsonld/fields";
import { CREATED_AT, UPDATED_AT, enumValues } from "@/lib/jsonld/mappers/common";

export const usersMapper = defineTable({
  table: "users",
  prefix: "user",
  key: ["id"],
  type: () => "schema:Person",
  fields: [
    { column: "email", property: "schema:email", kind: "text" },
    { column: "name", property: "schema:name", kind: "text", optional: true },
    { column: "role", property: "cb:role", kind: "enum", values: enumValues(Role), sqlType: "role" },
    { column: "active", property: "cb:active", kind: "boolean" },
    CREATED_AT,
    UPDATED_AT,
  ],
});
