// The actor form's fields in form order, each with its validation: the update schema, the
// server's snapshot and audit view and app/(admin)/_components/actor-forms.tsx all read this table.
import { z } from "zod";
import type { Actor } from "@/lib/generated/prisma/browser";
import { ActorKind, Reliability } from "@/lib/generated/prisma/enums";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";
import { ACTOR_KIND_LABELS } from "@/lib/actors/labels";
import { formSnapshot, type FormField, type FormRow } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { enumValues, storableText, trimmedOrNull } from "@/lib/validation/zod";

/** Aliases arrive as a textarea, one spelling per line. */
const aliasList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(/\r?\n/) : (value ?? [])),
  z
    .array(storableText().trim().max(200, "An alias is limited to 200 characters"))
    .transform((lines) => [...new Set(lines.filter((line) => line.length > 0))])
    .pipe(z.array(z.string()).max(100, "At most 100 aliases")),
);

export const ACTOR_FORM_FIELDS = [
  {
    name: "name",
    label: "Name",
    control: "text",
    row: "name",
    input: storableText().trim().min(1, "A name is required").max(200, "A name is limited to 200 characters"),
  },
  { name: "kind", label: "Kind", control: "select", row: "name", options: ACTOR_KIND_LABELS, input: z.enum(enumValues(ActorKind), { error: "Choose a kind" }) },
  {
    name: "reliability",
    label: "Reliability",
    control: "select",
    row: "name",
    options: RELIABILITY_LABELS,
    hint: "Admiralty scale for this speaker: one hop of every chain through them (proposition pages).",
    input: z.enum(enumValues(Reliability), { error: "Choose a reliability grade A–F" }),
  },
  {
    name: "aliases",
    label: "Aliases",
    control: "textarea",
    rows: 4,
    hint: "Other spellings of the name, one per line.",
    describe: (value: string) => value.split("\n").join(", ") || "—",
    input: aliasList,
  },
  {
    name: "notes",
    label: "Notes",
    control: "textarea",
    rows: 3,
    input: z.preprocess(trimmedOrNull, storableText().max(5000, "Notes are limited to 5000 characters").nullable()),
  },
] as const satisfies readonly FormField<Actor>[];

export type ActorFormRow = FormRow<Actor, typeof ACTOR_FORM_FIELDS>;

export function actorSnapshot(actor: ActorFormRow, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  return formSnapshot(ACTOR_FORM_FIELDS, actor, saved);
}
