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
