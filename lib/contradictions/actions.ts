"use server";
// Editor actions on contradictions; the work is in mutations.ts and detect.ts, and detection runs as a job (detection-jobs.ts).
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { actionWithRole, type ActionResult } from "@/lib/auth/with-role";
import { linkContradictionSchema, reviewContradictionSchema, runDetectionSchema } from "@/lib/contradictions/schema";
import { linkContradiction, reviewContradiction } from "@/lib/contradictions/mutations";
import type { DetectionRunView } from "@/lib/contradictions/runs";
import { enqueueDetection } from "@/lib/contradictions/detection-jobs";
import { jobQueue } from "@/lib/jobs/queue";

const review = actionWithRole("editor", reviewContradictionSchema, async (input, user) => {
  const result = await reviewContradiction(db(), input, user);
  revalidatePath("/contradictions");
  return result;
});

const link = actionWithRole("editor", linkContradictionSchema, async (input, user) => {
  const row = await linkContradiction(db(), input, user);
  revalidatePath("/contradictions");
  return { id: row.id };
});

// The server's worker runs it (lib/contradictions/detection-jobs.ts); the run records its outcome on its row.
const detect = actionWithRole("editor", runDetectionSchema, async (_input, user) => enqueueDetection(db(), await jobQueue(), user.id));

// "use server" files export async functions only; the wrappers above do the checking.
type Reviewed = Awaited<ReturnType<typeof reviewContradiction>>;

export async function reviewContradictionAction(input: unknown): Promise<ActionResult<Reviewed>> {
  return review(input);
}

export async function linkContradictionAction(input: unknown): Promise<ActionResult<{ id: number }>> {
  return link(input);
}

/** Starts a detection run in the background; 409 while another one runs. */
export async function runDetectionAction(input: unknown = {}): Promise<ActionResult<DetectionRunView>> {
  return detect(input);
}
