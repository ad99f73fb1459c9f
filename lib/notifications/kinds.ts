// The kinds of notification, one record each: the preferences page lists them, the inbox heads each
// item with `headline`, and the audit log labels a preference change by `label`. Client-safe.
import type { NotificationKind } from "@/lib/generated/prisma/enums";

export type { NotificationKind } from "@/lib/generated/prisma/enums";

export interface NotificationKindSpec {
  kind: NotificationKind;
  /** The preferences page's checkbox. */
  label: string;
  /** When it is sent, under the checkbox. */
  description: string;
  /** The inbox item's first line; `actor` is who caused it, null for a system run. */
  headline: (actor: string | null) => string;
}

const someone = (actor: string | null) => actor ?? "Someone";

export const NOTIFICATION_KINDS: readonly NotificationKindSpec[] = [
  {
    kind: "mentioned",
    label: "Mentions",
    description: "Someone mentions you in a discussion.",
    headline: (actor) => `${someone(actor)} mentioned you`,
  },
  {
    kind: "reply",
    label: "Replies",
    description: "Someone replies in a discussion you take part in.",
    headline: (actor) => `${someone(actor)} replied in a discussion you are in`,
  },
  {
    kind: "assigned",
    label: "Assigned work",
    description: "Someone assigns you claims, a source or a contradiction.",
    headline: (actor) => `${someone(actor)} assigned you work`,
  },
  {
    kind: "changed",
    label: "Changes to claims you decided",
    description: "Someone else changes a claim you approved or rejected (its status, stance, speaker, topic or wording).",
    headline: (actor) => `${someone(actor)} changed a claim you decided`,
  },
  {
    kind: "candidate",
    label: "New contradiction candidates",
    description: "Detection proposes a new contradiction candidate against a claim you approved.",
    headline: () => "Detection found new contradiction candidates",
  },
];

export const NOTIFICATION_KIND_NAMES = NOTIFICATION_KINDS.map((spec) => spec.kind) as [NotificationKind, ...NotificationKind[]];

export function kindSpec(kind: NotificationKind): NotificationKindSpec {
  return NOTIFICATION_KINDS.find((spec) => spec.kind === kind)!;
}
