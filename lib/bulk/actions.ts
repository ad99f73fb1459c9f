"use server";
// Bulk on everything that matches: editors only. Up to BULK_INLINE_LIMIT claims change in the request;
// more become a job the page follows (lib/bulk/jobs.ts). The work is in mutations.ts.
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import { jobQueue } from "@/lib/jobs/queue";
import { changeMatching } from "@/lib/bulk/mutations";
import { countMatching } from "@/lib/bulk/queries";
import { bulkStatusUrlOf, enqueueBulkChange } from "@/lib/bulk/jobs";
import { BULK_INLINE_LIMIT, bulkMatchingSchema, countMatchingSchema, type BulkMatchingOutcome } from "@/lib/bulk/schema";

const matching = actionWithRole("editor", bulkMatchingSchema, async (input, user): Promise<BulkMatchingOutcome> => {
  if (input.confirmedCount <= BULK_INLINE_LIMIT) return { kind: "done", result: await changeMatching(db(), input, user) };
  const jobId = await enqueueBulkChange(db(), await jobQueue(), input, user.id);
  return { kind: "queued", jobId, statusUrl: bulkStatusUrlOf(jobId), total: input.confirmedCount };
});

const count = actionWithRole("editor", countMatchingSchema, (input) => countMatching(input.filters, db()));

export async function bulkMatchingAction(input: unknown): Promise<ActionResult<BulkMatchingOutcome>> {
  return refreshed(await matching(input));
}

/** Reads only: nothing to revalidate. */
export async function countMatchingAction(input: unknown): Promise<ActionResult<number>> {
  return count(input);
}
