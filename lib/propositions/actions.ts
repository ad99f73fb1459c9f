"use server";
// Editors confirm, split, merge and relabel propositions and place a claim in one; viewers read them.
import { db } from "@/lib/db/client";
import { actionWithRole, refreshed, type ActionResult } from "@/lib/auth/with-role";
import {
  confirmPropositionSchema,
  mergePropositionsSchema,
  placeClaimSchema,
  relabelPropositionSchema,
  splitPropositionSchema,
} from "@/lib/propositions/schema";
import {
  confirmProposition,
  mergePropositions,
  placeClaim,
  relabelProposition,
  splitProposition,
  type PropositionWriteResult,
} from "@/lib/propositions/mutations";

const confirm = actionWithRole("editor", confirmPropositionSchema, (input, user) => confirmProposition(db(), input, user));
const split = actionWithRole("editor", splitPropositionSchema, (input, user) => splitProposition(db(), input, user));
const merge = actionWithRole("editor", mergePropositionsSchema, (input, user) => mergePropositions(db(), input, user));
const relabel = actionWithRole("editor", relabelPropositionSchema, (input, user) => relabelProposition(db(), input, user));
const place = actionWithRole("editor", placeClaimSchema, (input, user) => placeClaim(db(), input, user));

export async function confirmPropositionAction(input: unknown): Promise<ActionResult<PropositionWriteResult>> {
  return refreshed(await confirm(input));
}

export async function splitPropositionAction(input: unknown): Promise<ActionResult<PropositionWriteResult & { newId: number }>> {
  return refreshed(await split(input));
}

export async function mergePropositionsAction(input: unknown): Promise<ActionResult<PropositionWriteResult>> {
  return refreshed(await merge(input));
}

export async function relabelPropositionAction(input: unknown): Promise<ActionResult<PropositionWriteResult>> {
  return refreshed(await relabel(input));
}

export async function placeClaimAction(input: unknown): Promise<ActionResult<PropositionWriteResult>> {
  return refreshed(await place(input));
}
