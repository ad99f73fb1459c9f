// What crosses into a reuse decision: the row, the version the editor saw, and Confirm or Dismiss.
import { z } from "zod";
import { recordId, recordVersion } from "@/lib/validation/zod";

export const REUSE_DECISIONS = ["confirmed", "dismissed"] as const;

export const decideSourceReuseSchema = z
  .object({
    id: recordId("Missing repost", "Not a valid repost id"),
    version: recordVersion(),
    status: z.enum(REUSE_DECISIONS, { error: "Choose Confirm or Dismiss" }),
  })
  .strict();
export type DecideSourceReuseInput = z.infer<typeof decideSourceReuseSchema>;
