import { z } from "zod";
import { bigRecordId, calendarDate, optional, recordId } from "@/lib/validation/zod";

export const AUDIT_ENTITIES = [
  "claim",
  "source",
  "actor",
  "topic",
  "contradiction",
  "user",
  "import",
  "export",
  "saved_view",
  "comment",
  "comment_thread",
  "proposition",
  "source_reuse",
] as const;

// Empty form fields mean "no filter".
export const auditFilterSchema = z
  .object({
    user: optional(recordId("Choose a user from the list.")),
    entity: optional(z.enum(AUDIT_ENTITIES)),
    from: optional(calendarDate()),
    to: optional(calendarDate()),
    /** Keyset pagination: show events older than this id. */
    before: optional(bigRecordId("Not a page position this log made; start again from the newest events.")),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "The start date is after the end date.", path: ["to"] });

export type AuditFilters = z.infer<typeof auditFilterSchema>;
