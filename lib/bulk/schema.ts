// What crosses into "bulk on everything that matches": the claims-table filters (the server finds the
// claims from them again, never from ids the page sends), the count the editor confirmed, and one
// change — a status, a topic or an assignee. Client-safe: zod only.
import { z } from "zod";
import { CLAIM_STATUSES, claimFiltersSchema } from "@/lib/claims/schema";
import { blankToUndefined, formInt, nullableText, recordIdOrNone } from "@/lib/validation/zod";

/** Up to this many claims a change runs in the request; past it, as a job the page follows (lib/bulk/jobs.ts). */
export const BULK_INLINE_LIMIT = 2_000;

export const bulkChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("status"), status: z.enum(CLAIM_STATUSES, { error: "Choose a status" }) }).strict(),
    z
      .object({
        kind: z.literal("topic"),
        topicId: z.preprocess(blankToUndefined, recordIdOrNone('Must be a topic id or "none"').optional()),
        newTopicTitle: nullableText(300, "Topic title"),
      })
      .strict()
      .refine((value) => (value.topicId !== undefined) !== (value.newTopicTitle !== null), {
        path: ["topicId"],
        message: 'Choose a topic, "no topic", or type a new title',
      }),
    z.object({ kind: z.literal("assign"), assigneeId: recordIdOrNone('Choose an editor, or "nobody" to unassign') }).strict(),
  ],
  { error: "Choose what to change: status, topic or assignee" },
);
export type BulkChange = z.infer<typeof bulkChangeSchema>;

export const bulkMatchingSchema = z
  .object({
    filters: claimFiltersSchema.strict(),
    confirmedCount: formInt("Confirm how many claims to change", { min: 1 }),
    change: bulkChangeSchema,
  })
  .strict();
export type BulkMatchingInput = z.infer<typeof bulkMatchingSchema>;

/** "Select all matching" when the table stopped counting (COUNT_CAP): the exact number, asked for on the click. */
export const countMatchingSchema = z.object({ filters: claimFiltersSchema.strict() }).strict();

/** What a change did: `skipped` already had the value; `decided` of the changed were approved or rejected before. */
export const bulkMatchingResultSchema = z.object({
  total: z.number().int(),
  changed: z.number().int(),
  skipped: z.number().int(),
  decided: z.number().int(),
  /** The new value as people read it: "Approved", a topic's title, an editor's name, "nobody". */
  label: z.string(),
  /** A status or topic change that changed something can be undone as one action (lib/undo). */
  actionId: z.string().uuid().optional(),
});
export type BulkMatchingResult = z.infer<typeof bulkMatchingResultSchema>;

export const BULK_JOB_STATUSES = ["queued", "running", "finished", "failed"] as const;

/** A bulk job as GET /api/bulk/jobs/[id] answers it and the claims page polls it. */
export const bulkJobSchema = z.object({
  id: z.number().int(),
  status: z.enum(BULK_JOB_STATUSES),
  total: z.number().int(),
  processed: z.number().int(),
  error: z.string().nullable(),
  result: bulkMatchingResultSchema.nullable(),
});
export type BulkJobView = z.infer<typeof bulkJobSchema>;

/** The action's answer: done in the request, or queued as a job to follow. */
export type BulkMatchingOutcome = { kind: "done"; result: BulkMatchingResult } | { kind: "queued"; jobId: number; statusUrl: string; total: number };
