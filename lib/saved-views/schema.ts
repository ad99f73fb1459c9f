// What crosses into saved views: a name, the claims table's query string (filters and sort; page
// cursors are dropped) and whether the desk shares it. A query the table would not accept is refused.
import { z } from "zod";
import { claimFiltersQuery, claimTableParamsSchema, firstValues } from "@/lib/claims/schema";
import { recordId, storableText } from "@/lib/validation/zod";

const sharedField = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((value) => value !== "false")]).default(false);

/** "?status=approved&sort=-credibility" as the claims table builds it, or "" for the whole table in its default order. */
const viewQuery = storableText("Missing the view's filters")
  .max(2000, "A view's filters are limited to 2000 characters")
  .transform((text, context) => {
    const raw = firstValues(new URLSearchParams(text.startsWith("?") ? text.slice(1) : text));
    const known = new Set([...Object.keys(claimTableParamsSchema.shape)]);
    const unknown = Object.keys(raw).filter((key) => !known.has(key));
    if (unknown.length > 0) {
      context.addIssue({ code: "custom", message: `Not a filter of the claims table: ${unknown.join(", ")}` });
      return z.NEVER;
    }
    const parsed = claimTableParamsSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: `${String(issue.path[0])}: ${issue.message}` });
      return z.NEVER;
    }
    const { after: _after, before: _before, ...filtersAndSort } = parsed.data;
    return claimFiltersQuery(filtersAndSort);
  });

export const saveViewSchema = z.object({
  name: storableText("Name the view").trim().min(1, "Name the view").max(100, "A view's name is limited to 100 characters"),
  query: viewQuery,
  shared: sharedField,
});
export type SaveViewInput = z.infer<typeof saveViewSchema>;

export const deleteViewSchema = z.object({ id: recordId("Missing view", "Not a valid view id") });
export type DeleteViewInput = z.infer<typeof deleteViewSchema>;

/** A view as the lists show it: mine (private or shared) or shared by `owner`. */
export interface VisibleView {
  id: number;
  name: string;
  query: string;
  shared: boolean;
  mine: boolean;
  owner: string;
}
