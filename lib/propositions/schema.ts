// What crosses into propositions: an editor's confirm, split (claims moved out into a proposition of
// their own), merge (another proposition's members moved in), relabel and move of one claim, each with
// the version of the proposition the page was given.
import { z } from "zod";
import { flagParam, optional, recordId, recordVersion, searchText, storableText } from "@/lib/validation/zod";

export const LABEL_MAX_LENGTH = 300;

const propositionId = recordId("Missing proposition", "Not a valid proposition id");

const claimIds = z
  .preprocess(
    (value) => (Array.isArray(value) ? value : value === undefined || value === null || value === "" ? [] : [value]),
    z.array(recordId("Not a valid claim id")).max(1000, "Split at most 1,000 claims at once"),
  )
  .refine((ids) => ids.length > 0, "Tick the claims to split off first");

export const confirmPropositionSchema = z.object({ id: propositionId, version: recordVersion() });
export type ConfirmPropositionInput = z.infer<typeof confirmPropositionSchema>;

export const splitPropositionSchema = z.object({ id: propositionId, version: recordVersion(), claimIds });
export type SplitPropositionInput = z.infer<typeof splitPropositionSchema>;

export const mergePropositionsSchema = z
  .object({
    id: propositionId,
    version: recordVersion(),
    otherId: recordId("Choose the proposition to merge in", "Not a valid proposition id"),
    otherVersion: recordVersion(),
  })
  .refine((input) => input.id !== input.otherId, { message: "A proposition cannot be merged with itself", path: ["otherId"] });
export type MergePropositionsInput = z.infer<typeof mergePropositionsSchema>;

export const relabelPropositionSchema = z.object({
  id: propositionId,
  version: recordVersion(),
  label: storableText("Write what the claims state")
    .trim()
    .min(1, "Write what the claims state")
    .max(LABEL_MAX_LENGTH, `A label is limited to ${LABEL_MAX_LENGTH} characters`),
});
export type RelabelPropositionInput = z.infer<typeof relabelPropositionSchema>;

/** Put one claim into a proposition (from the claim panel), moving it out of the one it is in. */
export const placeClaimSchema = z.object({ claimId: recordId("Missing claim", "Not a valid claim id"), id: propositionId, version: recordVersion() });
export type PlaceClaimInput = z.infer<typeof placeClaimSchema>;

const PROPOSITION_STATUSES = ["proposed", "confirmed"] as const;

/** The propositions list's filters (URL search params, shared with the propositions CSV). */
export const propositionFiltersSchema = z.object({
  status: optional(z.enum(PROPOSITION_STATUSES, { error: "Not a proposition status" })),
  /** Propositions whose sources all rest on one origin. */
  singleOrigin: flagParam(),
  /** Case-insensitive substring of the label. */
  q: searchText(),
  /** Propositions with a member claim filed under this topic. */
  topic: optional(recordId("Not a topic id")),
});
export type PropositionFilters = z.infer<typeof propositionFiltersSchema>;

/** With the page cursor: the id the previous page ended on. */
export const propositionListParamsSchema = propositionFiltersSchema.extend({ after: optional(recordId("Not a page position")) });
export type PropositionListParams = z.infer<typeof propositionListParamsSchema>;

/** The merge picker's search on a proposition page: "#12" or words of a label. */
export const mergeSearchSchema = z.object({ merge: searchText() });
