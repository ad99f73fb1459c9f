// Text pasted under a line that names whose it is: "From Kingspan's own statement on the day the report came out:",
// "Here's the council's statement:", "Statement from Nordvik Group:". The pasted lines are that body's words, as a
// forum post or a blog quotes a press release, whether or not a "Quote:" box is drawn around them. A paste may also
// say where it came from after it: "(copied from a national daily)" closes the copied paragraphs.

import type { ExtractedSpeaker } from "./types";
import { readPhrase } from "./speaker-phrases";
import type { Sentence } from "./sentences";
import { hasTerminalPunctuation, textLines } from "./text-spans";

export interface PastedStatement {
  speaker: ExtractedSpeaker;
  /** What the pasted text is: "statement", "press release". */
  document: string;
  start: number;
  end: number;
}

const DOCUMENT = String.raw`(?:statement|press\s+release|news\s+release|release|letter|response|reply|announcement)`;
// "From Kingspan's own statement …:", "Here's Nordvik's full statement:", "This is the council's reply to us:".
const OWNER_FIRST = new RegExp(
  String.raw`^(?:(?:from|here(?:['’]s| is)|this is|below is|and here(?:['’]s| is))\s+)?(?:the\s+)?(.{2,60}?)['’]s?\s+(?:own\s+|full\s+|official\s+|latest\s+|whole\s+)?(${DOCUMENT})\b[^:\n]{0,80}:$`,
  "iu",
);
// "Statement from Nordvik Group:", "Press release by the council, 4 June:".
const DOCUMENT_FIRST = new RegExp(
  String.raw`^(?:(?:here(?:['’]s| is)|this is)\s+)?(?:the|a|an)?\s*(${DOCUMENT})\s+(?:from|by)\s+(.{2,60}?)(?:,[^:\n]{0,40})?:$`,
  "iu",
);
const QUOTE_BOX = /^quote:?$/i;

/** The owner named by an introducing line, as a speaker; a lone word that names no one person is a body. */
function ownerOf(line: string): { speaker: ExtractedSpeaker; document: string } | null {
  const ownerFirst = OWNER_FIRST.exec(line);
  const documentFirst = ownerFirst ? null : DOCUMENT_FIRST.exec(line);
  const owner = ownerFirst?.[1] ?? documentFirst?.[2];
  const document = (ownerFirst?.[2] ?? documentFirst?.[1])?.toLowerCase().replace(/\s+/g, " ");
  if (!owner || !document) return null;
  const reading = readPhrase(owner.trim(), "");
  if (reading?.type !== "name") return null;
  const kind = reading.kind === "person" && !/\s/.test(reading.name) && reading.gender === "unknown" ? "organization" : reading.kind;
  return { speaker: { name: reading.name, kind }, document };
}

/** Each pasted block: from the first line after its introduction (and any "Quote:" box) to the next blank line. */
export function pastedStatements(text: string): PastedStatement[] {
  const lines = textLines(text);
  const found: PastedStatement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const owner = ownerOf(lines[i]!.text);
    if (!owner) continue;
    let first = i + 1;
    while (first < lines.length && (!lines[first]!.text || QUOTE_BOX.test(lines[first]!.text)) && first - i <= 3) first++;
    let last = first;
    while (last < lines.length && lines[last]!.text) last++;
    if (last === first) continue;
    found.push({ ...owner, start: lines[first]!.start, end: lines[last - 1]!.end });
    i = last;
  }
  return found;
}

/** The pasted statement each sentence lies in, by sentence index. */
export function pastedStatementSentences(text: string, sentences: Sentence[]): Map<number, PastedStatement> {
  const blocks = pastedStatements(text);
  const bySentence = new Map<number, PastedStatement>();
  if (!blocks.length) return bySentence;
  sentences.forEach((sentence, index) => {
    const block = blocks.find((b) => sentence.start >= b.start && sentence.start < b.end);
    if (block) bySentence.set(index, block);
  });
  return bySentence;
}

// "(copied from a national daily)", "(source: the Herald)", "(via Reuters)": a note on a line of its own.
const COPIED_FROM = /^\((?:(?:copied|taken|reposted|pasted|quoted)\s+)?(?:from|via|source:)\s+(?:(?:a|an|the)\s+)?([^()]{2,60})\)$/i;

/**
 * The source a copied block names after it, by sentence index. The block runs back from the note to the line that
 * introduces it (ending in a colon) or to the nearest line that is no prose (a post header, a signature).
 */
export function copiedFromSentences(text: string, sentences: Sentence[]): Map<number, string> {
  const lines = textLines(text);
  const bySentence = new Map<number, string>();
  lines.forEach((line, index) => {
    const source = COPIED_FROM.exec(line.text)?.[1];
    if (!source) return;
    let first = index;
    while (first > 0) {
      const previous = lines[first - 1]!.text;
      if (previous && (previous.endsWith(":") || !hasTerminalPunctuation(previous))) break;
      first--;
    }
    const [start, end] = [lines[first]!.start, line.start];
    sentences.forEach((sentence, i) => {
      if (sentence.start >= start && sentence.start < end) bySentence.set(i, source.trim());
    });
  });
  return bySentence;
}
