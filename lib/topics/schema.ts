import { z } from "zod";
import { topicsFilterSchema } from "@/lib/topics/filters";
import { inputShape } from "@/lib/forms/fields";
import { TOPIC_FORM_FIELDS } from "@/lib/topics/form";
import { formInt, optional } from "@/lib/validation/zod";

export const createTopicSchema = z.object(inputShape(TOPIC_FORM_FIELDS));
export type CreateTopicInput = z.infer<typeof createTopicSchema>;

export const updateTopicSchema = z.object({
  id: formInt("Missing topic id").positive(),
  version: formInt("Missing version").positive(),
  ...inputShape(TOPIC_FORM_FIELDS),
});
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

export const topicIdSchema = z.object({ id: z.coerce.number().int().positive() });

/** The topics list's parameters: the export's filters and the page. */
export const topicListSchema = topicsFilterSchema.extend({
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});
