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

export function textRuns(text: string, claims: HighlightClaim[]): TextRun[] {
  const valid = claims.filter((claim) => claim.startOffset >= 0 && claim.endOffset <= text.length && claim.startOffset < claim.endOffset);
  const cuts = new Set<number>([0, text.length]);
  for (const claim of valid) {
    cuts.add(claim.startOffset);
    cuts.add(claim.endOffset);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const claimIds = valid.filter((claim) => claim.startOffset <= start && claim.endOffset >= end).map((claim) => claim.id);
    runs.push({ start, end, text: text.slice(start, end), claimIds });
  }
  return runs;
}

export interface ReaderRunView {
  start: number;
  text: string;
  /** The most specific claim here (shortest span); a click opens it. */
  claimId: number | null;
  depth: number;
  /** First and last run showing this claim: one tab stop, one stance mark per claim. */
  startsClaim: boolean;
  endsClaim: boolean;
}

/** Runs for the reader: each covered run shows its innermost claim. */
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
