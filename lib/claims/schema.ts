// Claim inputs: the claims-table filters (parsed from URL search params, shared with the
// CSV export so an export holds exactly what the table shows) and the edit forms.
import { z } from "zod";
import { Attribution, ClaimOrigin, ClaimStatus, SourceStance, Stance } from "@/lib/generated/prisma/enums";
import {
  blankToUndefined,
  flagParam,
  formInt,
  keysetCursor,
  nullableText,
  optional,
  recordId,
  recordIdOrNone,
  recordVersion,
  searchText,
  storableText,
  type CursorKey,
} from "@/lib/validation/zod";
import { CLAIM_FORM_FIELDS } from "@/lib/claims/form";
import { inputShape } from "@/lib/forms/fields";
import { fieldWords } from "@/lib/format/words";

export const STANCES = Object.values(Stance) as [Stance, ...Stance[]];
export const SOURCE_STANCES = Object.values(SourceStance) as [SourceStance, ...SourceStance[]];
export const ATTRIBUTIONS = Object.values(Attribution) as [Attribution, ...Attribution[]];
export const CLAIM_STATUSES = Object.values(ClaimStatus) as [ClaimStatus, ...ClaimStatus[]];
export const CLAIM_ORIGINS = Object.values(ClaimOrigin) as [ClaimOrigin, ...ClaimOrigin[]];
export const CLAIM_BASE_SORTS = ["source", "newest", "oldest", "credibility", "updated", "worth", "status"] as const;
export type ClaimBaseSort = (typeof CLAIM_BASE_SORTS)[number];
/** With a column header's reverse of each ("-credibility": worst first); newest and oldest are each other's reverse already. */
export const CLAIM_SORTS = [...CLAIM_BASE_SORTS, "-source", "-credibility", "-updated", "-worth", "-status"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

/** A sort's keys and whether it runs against their usual direction. */
export function sortParts(sort: ClaimSort): { base: ClaimBaseSort; reversed: boolean } {
  return sort.startsWith("-") ? { base: sort.slice(1) as ClaimBaseSort, reversed: true } : { base: sort as ClaimBaseSort, reversed: false };
}

/** The types of each sort's keyset keys (lib/claims/queries.ts SORTS), the last always the id. */
const BASE_SORT_KEYS: Record<ClaimBaseSort, readonly CursorKey[]> = {
  source: ["int", "int", "int"],
  newest: ["int"],
  oldest: ["int"],
  credibility: ["int", "int"],
  worth: ["int", "int", "int", "int"],
  updated: ["timestamptz", "int"],
  status: ["int", "int"],
};

export function claimSortKeys(sort: ClaimSort): readonly CursorKey[] {
  return BASE_SORT_KEYS[sortParts(sort).base];
}

/** An actor or topic id, or "none" for claims without one. */
const idOrNone = recordIdOrNone('Must be an id or "none"');

// An empty form field ("" from an unselected <select>) means "no filter" (optional, lib/validation/zod.ts).

export const claimFiltersSchema = z.object({
  /** Full-text search over the quote (Postgres websearch syntax: words, "phrases", -not, or). */
  q: searchText(),
  source: optional(z.string().regex(/^[a-z0-9-]{1,120}$/, "Must be a source slug")),
  speaker: optional(idOrNone),
  topic: optional(idOrNone),
  stance: optional(z.enum(STANCES)),
  sourceStance: optional(z.enum(SOURCE_STANCES)),
  attribution: optional(z.enum(ATTRIBUTIONS)),
  credibility: optional(formInt("Credibility is 1–6", { min: 1, max: 6 })),
  status: optional(z.enum(CLAIM_STATUSES)),
  origin: optional(z.enum(CLAIM_ORIGINS)),
  /** Case-insensitive substring of "cited via". */
  citedVia: searchText(),
  /** The editor the claim is given to, its own or its source's (lib/assignments), or "none". */
  assignee: optional(recordIdOrNone('Must be a user id or "none"')),
  /** Claims in this proposition (lib/propositions). */
  proposition: optional(recordId("Must be a proposition id")),
  /** Claims whose proposition rests on one independent origin ("1"). */
  singleOrigin: flagParam(),
});
export type ClaimFilters = z.infer<typeof claimFiltersSchema>;
export const CLAIM_FILTER_KEYS = Object.keys(claimFiltersSchema.shape) as (keyof ClaimFilters)[];

/** `after` and `before` are page cursors of the sort's keys; a cursor made by hand is reported and ignored. */
export const claimTableParamsSchema = claimFiltersSchema
  .extend({
    sort: z.preprocess(blankToUndefined, z.enum(CLAIM_SORTS, { error: "Not a sort this table has" }).default("source")),
    after: optional(z.string()),
    before: optional(z.string()),
  })
  .superRefine((params, context) => {
    for (const key of ["after", "before"] as const) {
      const cursor = params[key];
      if (cursor === undefined) continue;
      const parsed = keysetCursor(claimSortKeys(params.sort)).safeParse(cursor);
      if (!parsed.success) context.addIssue({ code: "custom", path: [key], message: parsed.error.issues[0]!.message });
    }
  });
export type ClaimTableParams = z.infer<typeof claimTableParamsSchema>;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

/** First value of each key: Next hands repeated keys over as arrays. */
export function firstValues(params: SearchParamsRecord | URLSearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (params instanceof URLSearchParams) {
    for (const key of params.keys()) out[key] ??= params.get(key) ?? undefined;
    return out;
  }
  for (const [key, value] of Object.entries(params)) out[key] = Array.isArray(value) ? value[0] : value;
  return out;
}

/** The ignored value as the page shows it: quoted, control characters and broken ones escaped, long ones cut. */
function shownValue(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** A filter the address asked for that the page dropped, and a sentence saying why, for the page to show. */
export interface IgnoredFilter {
  key: string;
  sentence: string;
}

const PARAMETER_NAMES: Record<string, string> = { q: "Search", after: "Page position", before: "Page position", page: "Page" };

/** "sourceStance" → "Source stance". */
export function parameterName(key: string): string {
  return PARAMETER_NAMES[key] ?? fieldWords(key);
}

/** zod's own messages ("Invalid option: expected one of …") are for developers; the app's own are sentences already. */
function ignoredSentence(key: string, value: string, issue: z.core.$ZodIssue): string {
  const name = parameterName(key);
  const shown = shownValue(value);
  if (!/^(Invalid|Too (big|small)|Expected)/.test(issue.message)) return `${name} ${shown} was dropped: ${issue.message.replace(/\.?$/, ".")}`;
  if (issue.code === "invalid_value") return `${name} ${shown} is not one of the choices, so that filter was dropped.`;
  return `${name} ${shown} is not a value this filter takes, so it was dropped.`;
}

/** Lenient, for shared links: a bad value is dropped and reported instead of failing the page. */
export function parseWithProblems<T extends z.ZodObject>(
  schema: T,
  params: SearchParamsRecord | URLSearchParams,
): { value: z.infer<T>; problems: string[]; ignored: IgnoredFilter[] } {
  const raw = firstValues(params);
  const known: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) known[key] = raw[key];
  const problems: string[] = [];
  const ignored: IgnoredFilter[] = [];
  for (let attempt = 0; attempt < 20; attempt++) {
    const parsed = schema.safeParse(known);
    if (parsed.success) return { value: parsed.data, problems, ignored };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      problems.push(`${key}: ${issue.message} (ignored ${shownValue(known[key] ?? "")})`);
      ignored.push({ key, sentence: ignoredSentence(key, known[key] ?? "", issue) });
      known[key] = undefined;
    }
  }
  throw new Error("unreachable: every failing key has been dropped");
}

export function parseClaimFilters(params: SearchParamsRecord | URLSearchParams) {
  return parseWithProblems(claimFiltersSchema, params);
}

export function parseClaimTableParams(params: SearchParamsRecord | URLSearchParams) {
  return parseWithProblems(claimTableParamsSchema, params);
}

export function claimFiltersQuery(filters: Partial<ClaimTableParams>, overrides: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  const merged: Record<string, unknown> = { ...filters, ...overrides };
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "sort" && value === "source") continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Speaker: an existing actor (speakerId), a new one created inline (newSpeakerName), or nobody. */
export const updateClaimSchema = z
  .object({
    id: recordId("Missing claim id", "Not a valid claim id"),
    version: recordVersion(),
    ...inputShape(CLAIM_FORM_FIELDS),
  })
  .superRefine((value, context) => {
    if (value.speakerId !== null && value.newSpeakerName !== null) {
      context.addIssue({ code: "custom", path: ["newSpeakerName"], message: "Pick an existing speaker or type a new name, not both" });
    }
    if (value.topicId !== null && value.newTopicTitle !== null) {
      context.addIssue({ code: "custom", path: ["newTopicTitle"], message: "Pick an existing topic or type a new title, not both" });
    }
  });
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/** A claim an editor marks in the reader: offsets are JavaScript string indices into sources.text. */
export const createClaimSchema = z
  .object({
    sourceId: recordId("Missing source", "Not a valid source id"),
    startOffset: formInt("Missing start offset", { min: 0 }),
    endOffset: formInt("Missing end offset", { min: 1 }),
    quote: storableText().min(1, "Select some text first").max(5000, "A claim is limited to 5000 characters"),
    stance: z.enum(STANCES).default("unclear"),
    attribution: z.enum(ATTRIBUTIONS).default("author_voice"),
  })
  .refine((value) => value.endOffset > value.startOffset, { path: ["quote"], message: "The selection is empty" })
  .refine((value) => value.endOffset - value.startOffset === value.quote.length, { path: ["quote"], message: "The quote does not match its offsets" });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

export const reviewClaimSchema = z
  .object({
    id: recordId("Missing claim id", "Not a valid claim id"),
    version: recordVersion(),
    status: z.enum(CLAIM_STATUSES).optional(),
    stance: z.enum(STANCES).optional(),
  })
  .refine((value) => value.status !== undefined || value.stance !== undefined, { message: "Nothing to change" });
export type ReviewClaimInput = z.infer<typeof reviewClaimSchema>;

/** One end of a claim moved by a word (lib/claims/boundary.ts); the server re-anchors quote and context. */
export const adjustClaimBoundarySchema = z.object({
  id: recordId("Missing claim id", "Not a valid claim id"),
  version: recordVersion(),
  edge: z.enum(["start", "end"], { error: "Choose the start or the end of the claim" }),
  step: z.enum(["extend", "shrink"], { error: "Choose to extend or to shrink the claim" }),
});
export type AdjustClaimBoundaryInput = z.infer<typeof adjustClaimBoundarySchema>;

/** Withdrawing and restoring change nothing but that: the claim and the version the editor saw. */
export const withdrawClaimSchema = z.object({
  id: recordId("Missing claim id", "Not a valid claim id"),
  version: recordVersion(),
});
export type WithdrawClaimInput = z.infer<typeof withdrawClaimSchema>;

/** The review card keeps its claim while it is open (lib/claims/leases.ts). */
export const renewClaimLeaseSchema = z.object({ id: recordId("Missing claim id", "Not a valid claim id") });
export type RenewClaimLeaseInput = z.infer<typeof renewClaimLeaseSchema>;

/** Checked rows: one form field per row, so a single selection arrives as a plain value. */
const idList = z.preprocess(
  (value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(recordId("Not a claim id"), { error: "Select at least one claim" })
    .min(1, "Select at least one claim")
    .max(500, "Select at most 500 claims at a time"),
);

export const bulkStatusSchema = z.object({
  ids: idList,
  status: z.enum(CLAIM_STATUSES, { error: "Choose a status" }),
});
export type BulkStatusInput = z.infer<typeof bulkStatusSchema>;

export const bulkTopicSchema = z
  .object({
    ids: idList,
    topicId: z.preprocess(blankToUndefined, idOrNone.optional()),
    newTopicTitle: nullableText(300, "Topic title"),
  })
  .refine((value) => (value.topicId !== undefined) !== (value.newTopicTitle !== null), {
    path: ["topicId"],
    message: 'Choose a topic, "no topic", or type a new title',
  });
export type BulkTopicInput = z.infer<typeof bulkTopicSchema>;
