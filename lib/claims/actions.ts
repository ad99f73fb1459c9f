"use server";
// Claim server actions: role check and input parsing (actionWithRole), then the
// transactional work in mutations.ts.
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import {
  adjustClaimBoundarySchema,
  bulkStatusSchema,
  bulkTopicSchema,
  createClaimSchema,
  renewClaimLeaseSchema,
  reviewClaimSchema,
  updateClaimSchema,
  withdrawClaimSchema,
} from "@/lib/claims/schema";
import { renewClaimLease, type LeaseRenewal } from "@/lib/claims/leases";
import {
  adjustClaimBoundary,
  bulkSetStatus,
  bulkSetTopic,
  createClaim,
  reviewClaim,
  setClaimWithdrawn,
  updateClaim,
  type AnchorResult,
  type BulkResult,
  type SaveResult,
} from "@/lib/claims/mutations";

const update = actionWithRole("editor", updateClaimSchema, (input, user) => updateClaim(db(), input, user));
const create = actionWithRole("editor", createClaimSchema, (input, user) => createClaim(db(), input, user));
const review = actionWithRole("editor", reviewClaimSchema, (input, user) => reviewClaim(db(), input, user));
const adjustBoundary = actionWithRole("editor", adjustClaimBoundarySchema, (input, user) => adjustClaimBoundary(db(), input, user));
const withdraw = actionWithRole("editor", withdrawClaimSchema, (input, user) => setClaimWithdrawn(db(), input, true, user));
const restore = actionWithRole("editor", withdrawClaimSchema, (input, user) => setClaimWithdrawn(db(), input, false, user));
const renewLease = actionWithRole("editor", renewClaimLeaseSchema, (input, user) => renewClaimLease(db(), input.id, user.id));
const bulkStatus = actionWithRole("editor", bulkStatusSchema, (input, user) => bulkSetStatus(db(), input, user));
const bulkTopic = actionWithRole("editor", bulkTopicSchema, (input, user) => bulkSetTopic(db(), input, user));

export async function updateClaimAction(input: unknown): Promise<ActionResult<SaveResult>> {
  return refreshed(await update(input));
}

export async function createClaimAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return refreshed(await create(input));
}

export async function reviewClaimAction(input: unknown): Promise<ActionResult<SaveResult>> {
  return refreshed(await review(input));
}

export async function adjustClaimBoundaryAction(input: unknown): Promise<ActionResult<AnchorResult>> {
  return refreshed(await adjustBoundary(input));
}

export async function withdrawClaimAction(input: unknown): Promise<ActionResult<AnchorResult>> {
  return refreshed(await withdraw(input));
}

export async function restoreClaimAction(input: unknown): Promise<ActionResult<AnchorResult>> {
  return refreshed(await restore(input));
}

/** Changes no record, so nothing to revalidate. */
export async function renewClaimLeaseAction(input: unknown): Promise<ActionResult<LeaseRenewal>> {
  return renewLease(input);
}

export async function bulkStatusAction(input: unknown): Promise<ActionResult<BulkResult>> {
  return refreshed(await bulkStatus(input));
}

export async function bulkTopicAction(input: unknown): Promise<ActionResult<BulkResult & { topicId: number | null }>> {
  return refreshed(await bulkTopic(input));
}
