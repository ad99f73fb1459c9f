import { z } from "zod";
import { inputShape } from "@/lib/forms/fields";
import { SOURCE_FORM_FIELDS } from "@/lib/sources/form";
import { formInt } from "@/lib/validation/zod";

export const updateSourceSchema = z.object({
  id: formInt("Missing source id").positive(),
  version: formInt("Missing version").positive(),
  ...inputShape(SOURCE_FORM_FIELDS),
});
export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

export const sourceSlugSchema = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/, "Not a source address") });

/** Search params of the sources list; anything unparseable falls back to the first page, no filter. */
export const sourceListSchema = z.object({
  q: z.preprocess((value) => (typeof value === "string" ? value.trim() || undefined : undefined), z.string().max(200).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type SourceListFilters = z.infer<typeof sourceListSchema>;
