// What crosses into assignment: who gets the work ("none" takes it back) and which work — the claims
// checked in the claims table, a source, or a contradiction. Every claim the filters match is
// assigned through bulk on everything that matches (lib/bulk).
import { z } from "zod";
import { recordId, recordIdOrNone } from "@/lib/validation/zod";

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

/** The checked rows. */
export const assignClaimsSchema = z.object({ assigneeId, ids: claimIds }).strict();
export type AssignClaimsInput = z.infer<typeof assignClaimsSchema>;

export const assignSourceSchema = z.object({ sourceId: recordId("Missing source", "Not a valid source id"), assigneeId });
export type AssignSourceInput = z.infer<typeof assignSourceSchema>;

export const assignContradictionSchema = z.object({ contradictionId: recordId("Missing contradiction", "Not a valid contradiction id"), assigneeId });
export type AssignContradictionInput = z.infer<typeof assignContradictionSchema>;
