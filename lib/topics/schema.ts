import { z } from "zod";
import { topicsFilterSchema } from "@/lib/topics/filters";
import { inputShape } from "@/lib/forms/fields";
import { TOPIC_FORM_FIELDS } from "@/lib/topics/form";
import { formInt, optional, recordId, recordVersion } from "@/lib/validation/zod";

export const createTopicSchema = z.object(inputShape(TOPIC_FORM_FIELDS));
export type CreateTopicInput = z.infer<typeof createTopicSchema>;

export const updateTopicSchema = z.object({
  id: recordId("Missing topic id", "Not a valid topic id"),
  version: recordVersion(),
  ...inputShape(TOPIC_FORM_FIELDS),
});
export type UpdateTopicInput = z.infer<typeof updateTopicSchema>;

export const topicIdSchema = z.object({ id: recordId("Not a topic id") });

/** The topics list's parameters: the export's filters and the page. */
export const topicListSchema = topicsFilterSchema.extend({
  page: optional(formInt("Not a page number", { min: 1, max: 100_000 })),
});
