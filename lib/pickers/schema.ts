// Inputs of the pickers that choose a source, speaker or topic in the filter forms.
import { z } from "zod";
import { storableText } from "@/lib/validation/zod";

export const PICKER_KINDS = ["sources", "actors", "topics"] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

export const searchPickerSchema = z.object({
  kind: z.enum(PICKER_KINDS, { error: "Unknown list: choose sources, actors or topics" }),
  q: storableText().trim().max(100, "Search is limited to 100 characters").default(""),
});
export type SearchPickerInput = z.infer<typeof searchPickerSchema>;

export interface PickerOption {
  /** What the filter sends: a source slug, an actor or topic id. */
  value: string;
  label: string;
}
