// An audit event's changes as people read them: each field by its form label, codes by their labels
// ("in_review" → "In review"), and an id shown by the related record's name stored beside it
// (topicId 1 + topic "Violence in Karachi" → Topic: Violence in Karachi).
import { ACTOR_FORM_FIELDS } from "@/lib/actors/form";
import { CLAIM_FORM_FIELDS } from "@/lib/claims/form";
import { CLAIM_ORIGIN_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { CONTRADICTION_STATUS_LABELS, KIND_LABELS } from "@/lib/contradictions/labels";
import { SOURCE_FORM_FIELDS } from "@/lib/sources/form";
import { TOPIC_FORM_FIELDS } from "@/lib/topics/form";
import type { FormFieldSpec } from "@/lib/forms/fields";
import { diffFields, type FieldChange } from "@/lib/audit/diff";
import { fieldWords } from "@/lib/format/words";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { REUSE_STATUS_LABELS } from "@/lib/reuse/labels";

interface FieldLabel {
  label: string;
  options?: Readonly<Record<string, string>>;
  /** The key beside this id that holds the related record's name; the id itself is then not shown. */
  shownBy?: string;
}

function fromForm(fields: readonly FormFieldSpec[]): Record<string, FieldLabel> {
  const labels: Record<string, FieldLabel> = {};
  for (const field of fields) {
    if (field.virtual) continue;
    labels[field.name] = { label: field.label, options: field.options as Record<string, string> | undefined, shownBy: field.relation?.key };
    if (field.relation) labels[field.relation.key] = { label: field.label };
  }
  return labels;
}

const CLAIM_RECORD: Record<string, FieldLabel> = {
  status: { label: "Status", options: STATUS_LABELS },
  origin: { label: "Origin", options: CLAIM_ORIGIN_LABELS },
  quote: { label: "Quote" },
  startOffset: { label: "Starts at character" },
  endOffset: { label: "Ends at character" },
  sourceId: { label: "Source id" },
  withdrawn: { label: "Withdrawn", options: { true: "Yes", false: "No" } },
};

/** A user's notification preferences (lib/notifications/mutations.ts): each kind on or off. */
const NOTIFICATION_PREFERENCES: Record<string, FieldLabel> = Object.fromEntries(
  NOTIFICATION_KINDS.map((spec) => [spec.kind, { label: `Notify: ${spec.label}`, options: { true: "On", false: "Off" } }]),
);

const LABELS: Record<string, Record<string, FieldLabel>> = {
  claim: { ...CLAIM_RECORD, ...fromForm(CLAIM_FORM_FIELDS) },
  source: fromForm(SOURCE_FORM_FIELDS),
  actor: fromForm(ACTOR_FORM_FIELDS),
  topic: fromForm(TOPIC_FORM_FIELDS),
  user: {
    email: { label: "Email" },
    name: { label: "Name" },
    role: { label: "Role" },
    active: { label: "Active", options: { true: "Yes", false: "No" } },
    ...NOTIFICATION_PREFERENCES,
  },
  comment: { body: { label: "Comment" }, threadId: { label: "Thread" }, on: { label: "On" }, mentions: { label: "Mentions (user ids)" } },
  comment_thread: { resolved: { label: "Resolved", options: { true: "Yes", false: "No" } }, on: { label: "On" } },
  source_reuse: {
    status: { label: "Status", options: REUSE_STATUS_LABELS },
    share: { label: "Share of the text repeated" },
    attributed: { label: "Names the original", options: { true: "Yes", false: "No" } },
    sourceId: { label: "Repeating source id" },
    originalId: { label: "Original source id" },
  },
  contradiction: {
    status: { label: "Status", options: CONTRADICTION_STATUS_LABELS },
    kind: { label: "Kind", options: KIND_LABELS },
    rationale: { label: "Rationale" },
    preferredClaimId: { label: "Preferred claim" },
    preferredReason: { label: "Why it is preferred" },
    claimAId: { label: "Claim A" },
    claimBId: { label: "Claim B" },
    explanation: { label: "Explanation" },
  },
};

export function describeChanges(entityType: string, before: unknown, after: unknown): FieldChange[] {
  const labels = LABELS[entityType] ?? {};
  const changes = diffFields(before, after);
  const present = new Set(changes.map((change) => change.field));
  const shown: FieldChange[] = [];
  for (const change of changes) {
    const spec = labels[change.field];
    if (spec?.shownBy && present.has(spec.shownBy)) continue;
    const value = (text: string) => spec?.options?.[text] ?? text;
    shown.push({ field: spec?.label ?? fieldWords(change.field), before: value(change.before), after: value(change.after) });
  }
  return shown;
}

/** "change_role" → "change role". */
export function describeAction(action: string): string {
  return action.replaceAll("_", " ");
}
