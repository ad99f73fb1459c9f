// Human wording for contradiction kinds, statuses and the rules that propose pairs.
import type { ContradictionKind, ContradictionStatus } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<ContradictionKind, string> = {
  dispute: "Dispute",
  negation: "Negation",
  numeric: "Figures",
  date: "Dates",
  attribution: "Attribution",
  accusation_denial: "Accusation and denial",
  revision: "Revision",
  other: "Other",
};

export const CONTRADICTION_STATUS_LABELS: Record<ContradictionStatus, string> = {
  candidate: "Candidate",
  confirmed: "Confirmed",
  dismissed: "Dismissed",
};
