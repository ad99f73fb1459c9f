// Moving one end of a claim by a word. A word is a run of non-space characters ("1986-87,"
// included), so the span's ends always fall between a word and a space; a claim keeps at least
// one word and stays inside its paragraph (a blank line ends one).

export type BoundaryEdge = "start" | "end";
export type BoundaryStep = "extend" | "shrink";

export type BoundaryMove = { ok: true; start: number; end: number } | { ok: false; reason: string };

const SPACE = /\s/;
const PARAGRAPH_BREAK = /\n\s*\n/;

export function moveBoundary(text: string, span: { start: number; end: number }, edge: BoundaryEdge, step: BoundaryStep): BoundaryMove {
  let { start, end } = span;
  if (edge === "start" && step === "extend") {
    let at = start;
    while (at > 0 && SPACE.test(text[at - 1]!)) at--;
    if (at === 0) return { ok: false, reason: "The claim already starts at the beginning of the source." };
    if (PARAGRAPH_BREAK.test(text.slice(at, start))) return { ok: false, reason: "The claim already starts at the beginning of its paragraph." };
    while (at > 0 && !SPACE.test(text[at - 1]!)) at--;
    start = at;
  } else if (edge === "end" && step === "extend") {
    let at = end;
    while (at < text.length && SPACE.test(text[at]!)) at++;
    if (at === text.length) return { ok: false, reason: "The claim already ends at the end of the source." };
    if (PARAGRAPH_BREAK.test(text.slice(end, at))) return { ok: false, reason: "The claim already ends at the end of its paragraph." };
    while (at < text.length && !SPACE.test(text[at]!)) at++;
    end = at;
  } else if (edge === "start") {
    let at = start;
    while (at < end && !SPACE.test(text[at]!)) at++;
    while (at < end && SPACE.test(text[at]!)) at++;
    if (at >= end) return { ok: false, reason: "A claim keeps at least one word." };
    start = at;
  } else {
    let at = end;
    while (at > start && !SPACE.test(text[at - 1]!)) at--;
    while (at > start && SPACE.test(text[at - 1]!)) at--;
    if (at <= start) return { ok: false, reason: "A claim keeps at least one word." };
    end = at;
  }
  return { ok: true, start, end };
}
