// What crosses into undo: the id of one of my actions, as the Undo buttons send it.
import { z } from "zod";

export const undoActionSchema = z.object({
  actionId: z.uuid({ error: "Not an action this app recorded; reload the page." }),
});
export type UndoActionInput = z.infer<typeof undoActionSchema>;
