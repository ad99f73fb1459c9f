// Splits a source text into runs so that each run is covered by the same set of claims:
// overlapping claims (an editor's claim inside an extracted one) both stay visible.

export interface HighlightClaim {
  id: number;
  startOffset: number;
  endOffset: number;
}

export interface TextRun {
  start: number;
  end: number;
  text: string;
  claimIds: number[];
}

/** One sweep over the cut points rather than testing every claim against every run. */
export function textRuns(text: string, claims: HighlightClaim[]): TextRun[] {
  const valid = claims.filter((claim) => claim.startOffset >= 0 && claim.endOffset <= text.length && claim.startOffset < claim.endOffset);
  const cuts = new Set<number>([0, text.length]);
  const opening = new Map<number, number[]>();
  const closing = new Map<number, number[]>();
  valid.forEach((claim, index) => {
    cuts.add(claim.startOffset);
    cuts.add(claim.endOffset);
    opening.set(claim.startOffset, [...(opening.get(claim.startOffset) ?? []), index]);
    closing.set(claim.endOffset, [...(closing.get(claim.endOffset) ?? []), index]);
  });
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  let open: number[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const closed = closing.get(start);
    if (closed) open = open.filter((index) => !closed.includes(index));
    const opened = opening.get(start);
    if (opened) open = [...open, ...opened].sort((a, b) => a - b);
    runs.push({ start, end, text: text.slice(start, end), claimIds: open.map((index) => valid[index]!.id) });
  }
  return runs;
}

export interface ReaderRunView {
  start: number;
  text: string;
  /** The most specific claim here (shortest span); a click opens it. */
  claimId: number | null;
  depth: number;
  /** One tab stop and one stance mark per claim. */
  startsClaim: boolean;
  endsClaim: boolean;
}

export function readerRuns(text: string, claims: HighlightClaim[]): ReaderRunView[] {
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const views: ReaderRunView[] = textRuns(text, claims).map((run) => {
    let innermost: HighlightClaim | undefined;
    for (const id of run.claimIds) {
      const claim = byId.get(id)!;
      if (!innermost || claim.endOffset - claim.startOffset < innermost.endOffset - innermost.startOffset) innermost = claim;
    }
    return { start: run.start, text: run.text, claimId: innermost?.id ?? null, depth: run.claimIds.length, startsClaim: false, endsClaim: false };
  });
  const seen = new Set<number>();
  for (const view of views) {
    if (view.claimId !== null && !seen.has(view.claimId)) {
      seen.add(view.claimId);
      view.startsClaim = true;
    }
  }
  seen.clear();
  for (let i = views.length - 1; i >= 0; i--) {
    const view = views[i]!;
    if (view.claimId !== null && !seen.has(view.claimId)) {
      seen.add(view.claimId);
      view.endsClaim = true;
    }
  }
  return views;
}

export interface ReaderMarkClaim {
  id: number;
  status: string;
  stance: string;
  worth: number;
  label: string;
  /** The speaker's name, null for the author's voice: the reader's speaker filter. */
  speaker: string | null;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** Escaped the way React escapes them. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

const RUN_OVERLAP = 1;
const RUN_STARTS_CLAIM = 2;
const RUN_ENDS_CLAIM = 4;

/** `runs`: three numbers per run (start, index into `claims` or -1, flags); the browser builds the far larger markup. */
export interface ReaderLayout {
  text: string;
  runs: number[];
  claims: ReaderMarkClaim[];
}

export function readerLayout(text: string, claims: (HighlightClaim & ReaderMarkClaim)[]): ReaderLayout {
  const shown = readerRuns(text, claims);
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  const used = new Map<number, number>();
  const marked: ReaderMarkClaim[] = [];
  const runs: number[] = [];
  for (const run of shown) {
    let index = -1;
    if (run.claimId !== null) {
      index = used.get(run.claimId) ?? -1;
      if (index < 0) {
        const claim = byId.get(run.claimId)!;
        index = marked.push({ id: claim.id, status: claim.status, stance: claim.stance, worth: claim.worth, label: claim.label, speaker: claim.speaker }) - 1;
        used.set(claim.id, index);
      }
    }
    runs.push(run.start, index, (run.depth > 1 ? RUN_OVERLAP : 0) | (run.startsClaim ? RUN_STARTS_CLAIM : 0) | (run.endsClaim ? RUN_ENDS_CLAIM : 0));
  }
  return { text, runs, claims: marked };
}

/** One string, far cheaper than React elements for tens of thousands of runs; all data goes through escapeHtml. */
export function readerMarkup({ text, runs, claims }: ReaderLayout, threshold = 0, shown: (claim: ReaderMarkClaim) => boolean = () => true): string {
  const parts: string[] = [];
  for (let i = 0; i < runs.length; i += 3) {
    const start = runs[i]!;
    const end = i + 3 < runs.length ? runs[i + 3]! : text.length;
    const flags = runs[i + 2]!;
    const content = escapeHtml(text.slice(start, end));
    const claim = claims[runs[i + 1]!];
    if (!claim || !shown(claim)) {
      parts.push(`<span data-start="${start}">${content}</span>`);
      continue;
    }
    parts.push(
      `<mark data-start="${start}" data-claim-id="${claim.id}"`,
      flags & RUN_ENDS_CLAIM ? ` data-stance="${escapeHtml(claim.stance)}"` : "",
      ` class="claim status-${escapeHtml(claim.status)}${flags & RUN_OVERLAP ? " overlap" : ""}${claim.worth < threshold ? " below-threshold" : ""}"`,
      ` tabindex="${flags & RUN_STARTS_CLAIM ? 0 : -1}" role="button">${content}</mark>`,
    );
  }
  return parts.join("");
}

/**
 * The highlight's name is its own text (what a voice-control user says to press it); only the claim's
 * first run (its tab stop) adds a description saying which claim it is.
 */
export function readerLabelAttributes(claimId: number, label: string, startsClaim: boolean): { title: string; description: string | null } {
  return { title: label, description: startsClaim ? `Claim #${claimId}: ${label}` : null };
}
