// Compilations close each pasted news item with "REFERENCE: <headline> By <author> | …". A dateline
// starts an item, so an unreferenced essay above one never inherits the next item's citation.

import type { Sentence } from "./sentences";
import { LEADING_CITATION_MARKERS } from "./lexicon";

export const REFERENCE_LINE = /^REFERENCES?\s*:\s*/;
// "KARACHI:", "ISLAMABAD –": a place in capitals opening a news item.
export const DATELINE = /^(?!REFERENCES?\b)[A-Z][A-Z.]+(?: [A-Z][A-Z.]+){0,2}\s*(?::|\s[–—-])\s+/;

// "Wang Wenbin: The so-called report …", "A: The door is open.": who speaks a transcript's paragraph.
export const SPEAKER_LABEL = /^((?:[A-Z][\p{L}'’.-]+)(?:\s+[A-Z][\p{L}'’.-]+){1,3}|[QA])\s*:\s+(?=\S)/u;

export const LEADING_LABELS: RegExp[] = [
  DATELINE,
  SPEAKER_LABEL,
  /^\d{1,3}\.\s*\((?:C|U|S|SBU|TS|C\/NF|S\/NF)\)\s*/,
  /^\((?:C|U|S|SBU|TS|C\/NF|S\/NF)\)\s*/,
  /^(?:Comment|Note|Summary|Background|Update|Editor['’]s note)\s*:\s*/i,
  LEADING_CITATION_MARKERS,
  // A byline glued to the first sentence: "ASSOCIATED PRESS The …", "OUR CORRESPONDENT The …".
  /^(?:(?:THE )?ASSOCIATED PRESS|REUTERS|AFP|AP|APP|PTI|IANS|NNI|PPI|INP|(?:OUR|STAFF|SPECIAL) (?:CORRESPONDENTS?|REPORTERS?)|STAFF WRITER)\s+(?=[A-Z][a-z])/,
];

export function leadingLabelLength(value: string): number {
  let at = 0;
  for (let changed = true; changed;) {
    changed = false;
    for (const label of LEADING_LABELS) {
      const match = label.exec(value.slice(at));
      if (match && match[0].length > 0 && at + match[0].length < value.length) {
        at += match[0].length;
        changed = true;
        break;
      }
    }
  }
  return at;
}

const MAX_LABEL = 110;

/** "MQM, PPP take row to diplomats By Amir Wasim | From the Newspaper Yesterday" → the part before the page chrome. */
export function referenceLabel(line: string): string {
  const body = line.replace(REFERENCE_LINE, "");
  const cut = body.split(/\s\|\s|(?<=\S)\s*From the Newspaper|\s+Published:|\s+Updated at:|\s+Last updated/)[0] ?? body;
  const clean = cut.replace(/\s+/g, " ").trim();
  if (clean.length <= MAX_LABEL) return clean;
  const shortened = clean.slice(0, MAX_LABEL);
  return `${shortened.slice(0, shortened.lastIndexOf(" "))}…`;
}

export function isReferenceSentence(text: string, sentence: Sentence): boolean {
  return REFERENCE_LINE.test(text.slice(sentence.start, sentence.end));
}

export function startsWithDateline(text: string, sentence: Sentence): boolean {
  return DATELINE.test(text.slice(sentence.start, sentence.end));
}

export function referenceScopes(text: string, sentences: Sentence[]): Map<number, string> {
  const scopes = new Map<number, string>();
  let itemStart = 0;
  sentences.forEach((sentence, index) => {
    if (isReferenceSentence(text, sentence)) {
      const label = referenceLabel(text.slice(sentence.start, sentence.end));
      const from = latestDatelineStart(text, sentences, itemStart, index);
      for (let i = from; i < index; i++) scopes.set(i, label);
      itemStart = index + 1;
    }
  });
  return scopes;
}

function latestDatelineStart(text: string, sentences: Sentence[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const sentence = sentences[i]!;
    const opensParagraph = i === 0 || sentences[i - 1]!.paragraph !== sentence.paragraph;
    if (opensParagraph && startsWithDateline(text, sentence)) return i;
  }
  return from;
}

/** Article number of every sentence; consecutive excerpts closed by the same REFERENCE are one article. */
export function articleIndexes(text: string, sentences: Sentence[]): number[] {
  const scopes = referenceScopes(text, sentences);
  const articles: number[] = [];
  let article = 0;
  let closedLabel: string | null = null;
  sentences.forEach((sentence, index) => {
    const opensParagraph = index === 0 || sentences[index - 1]!.paragraph !== sentence.paragraph;
    const dateline = index > 0 && opensParagraph && startsWithDateline(text, sentence);
    if (closedLabel !== null) {
      const continuesSameSource = !dateline && scopes.get(index) === closedLabel;
      if (!continuesSameSource) article++;
      closedLabel = null;
    } else if (dateline) {
      article++;
    }
    articles.push(article);
    if (isReferenceSentence(text, sentence)) closedLabel = referenceLabel(text.slice(sentence.start, sentence.end));
  });
  return articles;
}
