// What crosses into the contradictions domain: review forms, hand-made links, list filters.
import { z } from "zod";
import { formInt, optional, recordId, recordVersion, storableText } from "@/lib/validation/zod";

export const CONTRADICTION_KINDS = ["negation", "dispute", "numeric", "date", "attribution", "accusation_denial", "revision", "other"] as const;
export const CONTRADICTION_STATUSES = ["candidate", "confirmed", "dismissed"] as const;

const id = recordId("Must be a claim or contradiction id.");
/** An optional id from a form: "" means none. */
const optionalId = z.preprocess((value) => (value === "" || value === "none" || value === null ? undefined : value), id.optional());
const trimmed = (max: number) => storableText().trim().max(max, `At most ${max} characters.`);

export const reviewContradictionSchema = z
  .object({
    id,
    version: recordVersion(),
    status: z.enum(CONTRADICTION_STATUSES, { error: "Choose confirm, dismiss or keep as a candidate." }),
    rationale: z.preprocess((value) => value ?? "", trimmed(2000)),
    preferredClaimId: optionalId,
    preferredReason: z.preprocess((value) => value ?? "", trimmed(1000)),
  })
  .superRefine((input, context) => {
    if (input.status !== "candidate" && input.rationale.length < 3) {
      context.addIssue({
        code: "custom",
        path: ["rationale"],
        message: input.status === "confirmed" ? "Say why these claims conflict." : "Say why this is not a contradiction.",
      });
    }
    if (input.preferredClaimId !== undefined && input.preferredReason.length < 3) {
      context.addIssue({ code: "custom", path: ["preferredReason"], message: "Say why this claim is preferred." });
    }
    if (input.preferredClaimId !== undefined && input.status === "dismissed") {
      context.addIssue({ code: "custom", path: ["preferredClaimId"], message: "A dismissed pair has no preferred claim." });
    }
  });
export type ReviewContradictionInput = z.infer<typeof reviewContradictionSchema>;

export const linkContradictionSchema = z
  .object({
    claimId: id,
    otherClaimId: id,
    kind: z.enum(CONTRADICTION_KINDS, { error: "Choose what kind of contradiction this is." }),
    rationale: z.preprocess((value) => value ?? "", trimmed(2000).min(3, "Say why these claims conflict.")),
  })
  .refine((input) => input.claimId !== input.otherClaimId, { path: ["otherClaimId"], message: "A claim cannot contradict itself." });
export type LinkContradictionInput = z.infer<typeof linkContradictionSchema>;

export const runDetectionSchema = z.object({}).strip();

/** Anything unparseable falls back to "no filter". */
/** Strict: the list page reads it with parseWithProblems, so a bad value is dropped and said in a sentence. */
export const listContradictionsSchema = z.object({
  kind: z.enum(CONTRADICTION_KINDS).optional(),
  status: z.enum([...CONTRADICTION_STATUSES, "all"]).optional(),
  /** Either claim's source, by slug as in the claims table. */
  source: z
    .string()
    .regex(/^[a-z0-9-]{1,120}$/, "Must be a source slug")
    .optional(),
  actor: recordId("Must be an id").optional(),
  page: formInt("Not a page number", { min: 1, max: 10_000 }).optional(),
});
export type ListContradictionsFilters = z.infer<typeof listContradictionsSchema>;

export const idParamSchema = z.object({ id });
export const claimIdParamSchema = z.object({ claimId: id });

const claimNumber = recordId("Must be a claim id");

/** Typed text, or "#12" for one claim by its id. */
export const claimSearchSchema = z.object({
  q: storableText()
    .trim()
    .min(2, "Type at least two characters.")
    .max(200, "Search is limited to 200 characters")
    .refine((q) => !/^#\d+$/.test(q) || claimNumber.safeParse(q.slice(1)).success, "No claim has that id: ids run from #1 to #2147483647."),
  exclude: optional(claimNumber),
});
