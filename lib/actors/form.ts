// The actor form's fields, in form order: read by the server's form snapshot and audit view
// and rendered by app/(admin)/_components/actor-forms.tsx.
import type { Actor } from "@/lib/generated/prisma/browser";
import { ACTOR_KIND_LABELS } from "@/lib/actors/labels";
import { formSnapshot, type FormField, type FormRow } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";

export const ACTOR_FORM_FIELDS = [
  { name: "name", label: "Name", control: "text", row: "name" },
  { name: "kind", label: "Kind", control: "select", row: "name", options: ACTOR_KIND_LABELS },
  {
    name: "aliases",
    label: "Aliases",
    control: "textarea",
    rows: 4,
    hint: "Other spellings of the name, one per line.",
    describe: (value: string) => value.split("\n").join(", ") || "—",
  },
  { name: "notes", label: "Notes", control: "textarea", rows: 3 },
] as const satisfies readonly FormField<Actor>[];

export type ActorFormRow = FormRow<Actor, typeof ACTOR_FORM_FIELDS>;

export function actorSnapshot(actor: ActorFormRow, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  return formSnapshot(ACTOR_FORM_FIELDS, actor, saved);
}
