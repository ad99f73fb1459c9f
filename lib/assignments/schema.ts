// What crosses into assignment: who gets the work ("none" takes it back) and which work — claims by
// the rows checked in the claims table or by its filters, a source, or a contradiction.
import { z } from "zod";
import { claimFiltersSchema } from "@/lib/claims/schema";
import { formInt, recordId, recordIdOrNone } from "@/lib/validation/zod";

/** Filter assignment runs in one transaction with an audit event per claim; larger sets wait for bulk-on-everything. */
export const ASSIGN_MATCHING_LIMIT = 1_000;

/** An editor work can go to, as the pickers list them. */
export interface AssignableEditor {
  id: number;
  label: string;
}

const assigneeId = recordIdOrNone('Choose an editor, or "nobody" to unassign');

const claimIds = z.preprocess(
  (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(recordId("Not a claim id"), { error: "Select at least one claim" })
    .min(1, "Select at least one claim")
    .max(500, "Select at most 500 claims at a time"),
);

/**
 * Either the checked rows (`ids`) or every claim the table's filters match (`filters`), the latter
 * with the count the editor confirmed: if more or fewer match now, nothing is assigned.
 */
export const assignClaimsSchema = z
  .object({
    assigneeId,
    ids: claimIds.optional(),
    filters: claimFiltersSchema.strict().optional(),
    confirmedCount: formInt("Confirm how many claims to assign", {
      min: 1,
      max: ASSIGN_MATCHING_LIMIT,
      tooLarge: `At most ${ASSIGN_MATCHING_LIMIT.toLocaleString("en")} matching claims can be assigned at once; narrow the filters`,
    }).optional(),
  })
  .strict()
  .superRefine((input, context) => {
    if ((input.ids === undefined) === (input.filters === undefined)) {
      context.addIssue({ code: "custom", path: ["ids"], message: "Select claims, or assign all the claims the filters match" });
    } else if (input.filters !== undefined && input.confirmedCount === undefined) {
      context.addIssue({ code: "custom", path: ["confirmedCount"], message: "Confirm how many claims to assign" });
    }
  });
export type AssignClaimsInput = z.infer<typeof assignClaimsSchema>;

export const assignSourceSchema = z.object({ sourceId: recordId("Missing source", "Not a valid source id"), assigneeId });
export type AssignSourceInput = z.infer<typeof assignSourceSchema>;

export const assignContradictionSchema = z.object({ contradictionId: recordId("Missing contradiction", "Not a valid contradiction id"), assigneeId });
export type AssignContradictionInput = z.infer<typeof assignContradictionSchema>;
