import { z } from "zod";
import { topicsFilterSchema } from "@/lib/topics/filters";
import { formInt, optional, trimmedOrNull } from "@/lib/validation/zod";

const title = z.string().trim().min(1, "A title is required").max(300, "A title is limited to 300 characters");
const description = z.preprocess(trimmedOrNull, z.string().max(5000, "A description is limited to 5000 characters").nullable());

export const createTopicSchema = z.object({ title, description });
export type CreateTopicInput = z.infer<typeof createTopicSchema>;

export const updateTopicSchema = z.object({
  id: formInt("Missing topic id").positive(),
  version: formInt("Missing version").positive(),
  title,
  description,
});
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

export const topicIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** The topics list's parameters: the export's filters and the page. */
export const topicListSchema = topicsFilterSchema.extend({
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
