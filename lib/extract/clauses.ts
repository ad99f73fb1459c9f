// "The Rangers described Qureshi as an MQM worker, yet the MQM has officially denied that he was
// ever one of its members" is two claims, each with its own speaker, so that they can be compared. So is "The government
// kept its count at 64, while independent researchers estimated that deaths ran into the thousands": the researchers'
// estimate is not the government's count.
import type { Sentence } from "./sentences";

const JOINT = /(?:,\s+(?:yet|but|while|whereas)|;\s+(?:but|yet|however,?)?)\s+/gi;
const SECOND_CLAUSE =
  /^(?:[\p{L}\p{N}'’.-]+\s+){1,8}?(?:has\s+|have\s+|had\s+)?(?:officially\s+|repeatedly\s+|strongly\s+|flatly\s+|also\s+|later\s+)?(?:denied|denies|deny|insisted|insists|said|says|maintained|maintains|claimed|claims|rejected|rejects|disputed|disputes|countered|argued|argues|contended|contends|blamed|blames|accused|accuses|held|holds|concluded|found|ruled|told|estimated|estimate|estimates|reported|report|reports|warned|warn|warns|stated|states)\b/iu;
const MIN_WORDS = 4;

function words(value: string): number {
  return value.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function insideQuotation(value: string, at: number): boolean {
  const before = value.slice(0, at);
  const straight = (before.match(/"/g) ?? []).length;
  const opened = (before.match(/[“«]/g) ?? []).length - (before.match(/[”»]/g) ?? []).length;
  return straight % 2 === 1 || opened > 0;
}

export function splitCompoundSentences(text: string, sentences: Sentence[]): Sentence[] {
  const result: Sentence[] = [];
  for (const sentence of sentences) {
    if (sentence.nonLatin) {
      result.push(sentence);
      continue;
    }
    const value = text.slice(sentence.start, sentence.end);
    let split: [Sentence, Sentence] | null = null;
    for (const joint of value.matchAll(JOINT)) {
      const at = joint.index!;
      const first = value.slice(0, at);
      const second = value.slice(at + joint[0].length);
      if (words(first) < MIN_WORDS || words(second) < 5 || insideQuotation(value, at) || !SECOND_CLAUSE.test(second)) continue;
      split = [
        { ...sentence, end: sentence.start + at, clause: true },
        { ...sentence, start: sentence.start + at + joint[0].length, clause: true },
      ];
      break;
    }
    if (split) result.push(...split);
    else result.push(sentence);
  }
  return result;
}
