import { z } from "zod";

export const AUDIT_ENTITIES = ["claim", "source", "actor", "topic", "contradiction", "user", "import", "export"] as const;

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31.")
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "Use a real date.");

// Empty form fields mean "no filter".
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const auditFilterSchema = z
  .object({
    user: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    entity: z.preprocess(blankToUndefined, z.enum(AUDIT_ENTITIES).optional()),
    from: z.preprocess(blankToUndefined, dateOnly.optional()),
    to: z.preprocess(blankToUndefined, dateOnly.optional()),
    /** Keyset pagination: show events older than this id. */
    before: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,19}$/).optional()),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { message: "The start date is after the end date.", path: ["to"] });

export type AuditFilters = z.infer<typeof auditFilterSchema>;
