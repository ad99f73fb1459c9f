import type { ContradictionRule } from "@/lib/contradictions/rules/types";
import {
  clamp,
  containment,
  disputedProposition,
  entityKeys,
  features,
  isAuthorVoice,
  names,
  noisyOr,
  precedes,
  sameSpeaker,
  speakerKeys,
  subjectTerms,
  topics,
  who,
  type CueClaim,
  type CueMatch,
} from "@/lib/contradictions/features";

/** "denied any link": a denial of one's own part. */
const OWN_PART =
  /^(?:\s+(?:any|all|a|the|its|their|his|her|every|having|of|further))*\s+(?:links?|involvement|role|connections?|wrongdoing|responsibility|part|hand|knowledge|ties)\b/i;

/** A denial of one's own part answers only a claim that names the one denying. */
function deniesOwnPartUnnamed(disputing: CueClaim, phrase: string, target: CueClaim): boolean {
  const at = disputing.quote.indexOf(phrase);
  if (at === -1 || !OWN_PART.test(disputing.quote.slice(at + phrase.length))) return false;
  const own = speakerKeys(disputing);
  if (!own.size) return false;
  const named = entityKeys(target);
  return ![...own].some((key) => named.has(key));
}

export const disputeLanguage: ContradictionRule = {
  name: "dispute-language",
  label: "denial or dispute language",
  kind: "dispute",
  judge: (a, b, { signals, vocabulary }) => {
    let best: CueMatch | null = null;
    for (const [disputing, target] of [
      [a, b],
      [b, a],
    ] as const) {
      const d = features(disputing);
      const t = features(target);
      for (const dispute of d.disputes) {
        // An author calling something "baseless" is narrating; an author reporting a denial is rebutting.
        const oneVoice = sameSpeaker(disputing, target);
        if (oneVoice && !(isAuthorVoice(disputing) && dispute.act)) continue;
        if (deniesOwnPartUnnamed(disputing, dispute.phrase.trim(), target)) continue;
        const disputed = disputedProposition(disputing, dispute);
        const previous = precedes(target, disputing) && signals.gap != null ? signals.gap : null;
        // "that" points at the sentence just before, not two sentences up.
        const nearness = disputed.answersPreviousSentence ? [1, 0.15, 0] : dispute.pointsBack ? [0.2, 0.1, 0] : [0.45, 0.3, 0.15];
        // An author's sentence naming someone is usually reporting them, not rebutting them.
        const named = isAuthorVoice(disputing) ? null : names(disputed.terms, disputing, target, vocabulary);
        const namesTarget = named ? 0.7 : 0;
        const about = containment(disputed.terms, subjectTerms(target), vocabulary);
        // A denial of wrongdoing right after an accusation answers it even in other words.
        const answersAccusation = t.accuses && d.exculpates;
        const sharesSubject = disputed.answersPreviousSentence || answersAccusation || about.distinctive.length > 0 ? 1 : 0.5;
        const answersPrevious = previous === null ? 0 : (nearness[previous] ?? 0) * sharesSubject;
        // Within one author's narration only the sentence just answered counts.
        const subject = oneVoice ? 0 : about.score * (about.distinctive.length ? 1 : 0.5);
        let related = noisyOr(answersPrevious, namesTarget * Math.max(0.5, subject), subject * 0.8);
        const bothDeny = (t.dispute && t.dispute.strength >= 0.8) || t.disowns || (t.exculpates && !t.accuses && d.exculpates && !d.accuses);
        if (bothDeny) related *= 0.5;
        if (related < 0.35) continue;
        const strength = dispute.strength * (isAuthorVoice(disputing) && !dispute.act ? 0.8 : 1);
        const score = clamp(0.3 + 0.55 * related * strength + (dispute.strength >= 1 ? 0.08 : 0));
        if (best && score <= best.score) continue;
        const where = previous === 0 && answersPrevious >= 0.4 ? "right after it" : named ? `naming ${named}` : `about ${topics(about, disputing, target)}`;
        const phrase = dispute.phrase.trim();
        const explanation = isAuthorVoice(disputing)
          ? `A denial is reported (“${phrase}”) ${where === "right after it" ? "right after this claim" : where}.`
          : `${who(disputing)} rejects what ${who(target)} says (“${phrase}”), ${where}.`;
        best = { kind: "dispute", rule: "dispute-language", score, explanation, anchorClaimId: disputing.id };
      }
    }
    return best;
  },
};
