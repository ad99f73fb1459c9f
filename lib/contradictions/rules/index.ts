// Every rule detection runs, in one list: names and labels are read from here.
import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import { actorsDisagree } from "@/lib/contradictions/rules/actors-disagree";
import { competingBlame } from "@/lib/contradictions/rules/competing-blame";
import { contrastingAccount } from "@/lib/contradictions/rules/contrasting-account";
import { differentDates } from "@/lib/contradictions/rules/dates-disagree";
import { disownedStatement } from "@/lib/contradictions/rules/disowned-statement";
import { disputeLanguage } from "@/lib/contradictions/rules/dispute-language";
import { accusationDenial } from "@/lib/contradictions/rules/accusation-denial";
import { denialAdmission } from "@/lib/contradictions/rules/denial-admission";
import { existenceDenied } from "@/lib/contradictions/rules/existence-denied";
import { figureDisputed } from "@/lib/contradictions/rules/figure-disputed";
import { figureRevision } from "@/lib/contradictions/rules/figure-revision";
import { figuresConflict } from "@/lib/contradictions/rules/figures-conflict";
import { limitExceeded } from "@/lib/contradictions/rules/limit-exceeded";
import { predicatePolarity } from "@/lib/contradictions/rules/predicate-polarity";
import { negatedStatement } from "@/lib/contradictions/rules/negated-statement";
import { oppositeStances } from "@/lib/contradictions/rules/opposite-stances";
import { oppositeVerdicts } from "@/lib/contradictions/rules/opposite-verdicts";
import { placesDisagree } from "@/lib/contradictions/rules/places-disagree";

export const RULES: readonly ContradictionRule[] = [
  disputeLanguage,
  disownedStatement,
  contrastingAccount,
  negatedStatement,
  figuresConflict,
  figureRevision,
  figureDisputed,
  limitExceeded,
  accusationDenial,
  denialAdmission,
  predicatePolarity,
  oppositeVerdicts,
  existenceDenied,
  differentDates,
  placesDisagree,
  oppositeStances,
  actorsDisagree,
  competingBlame,
];

export type { ContradictionRule, RuleContext } from "@/lib/contradictions/rules/types";
