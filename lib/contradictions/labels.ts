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

/** What each rule looks for, shown next to `detectedBy`. */
export const RULE_LABELS: Record<string, string> = {
  "dispute-language": "denial or dispute language",
  "disowned-statement": "a speaker disowns an attributed statement",
  "contrasting-account": "a sentence set against the one before",
  "negated-statement": "the same statement negated",
  "figures-disagree": "figures that disagree",
  "dates-disagree": "dates that disagree",
  "opposite-stances": "opposite stances on one topic",
  "actors-disagree": "one actor accuses, another denies",
  "competing-blame": "different culprits for the same harm",
  editor: "linked by an editor",
};
