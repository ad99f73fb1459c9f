import { z } from "zod";
import { inputShape } from "@/lib/forms/fields";
import { SOURCE_FORM_FIELDS } from "@/lib/sources/form";
import { formInt, recordId, recordVersion, searchText } from "@/lib/validation/zod";

export const updateSourceSchema = z.object({
  id: recordId("Missing source id", "Not a valid source id"),
  version: recordVersion(),
  ...inputShape(SOURCE_FORM_FIELDS),
});
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

export const sourceSlugSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/, "Not a source address") });

/** Search params of the sources list; a search that cannot be run is reported, a bad page number is the first page. */
export const sourceListSchema = z.object({
  q: searchText(),
  page: formInt("Not a page number", { min: 1, max: 100_000 }).catch(1).default(1),
});
export type SourceListFilters = z.infer<typeof sourceListSchema>;
