import { z } from "zod";
import { optional } from "@/lib/validation/zod";

export const AUDIT_ENTITIES = ["claim", "source", "actor", "topic", "contradiction", "user", "import", "export"] as const;

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Use a real date.");

// Empty form fields mean "no filter".
export const auditFilterSchema = z
  .object({
    user: optional(z.coerce.number().int().positive()),
    entity: optional(z.enum(AUDIT_ENTITIES)),
    from: optional(dateOnly),
    to: optional(dateOnly),
    /** Keyset pagination: show events older than this id. */
    before: optional(z.string().regex(/^\d{1,19}$/)),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "The start date is after the end date.", path: ["to"] });

export type AuditFilters = z.infer<typeof auditFilterSchema>;
