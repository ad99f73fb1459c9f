// What a claims-table row shows, and no more: the rows render in a client component
// (app/(admin)/_components/claim-rows.tsx), so this is what the page sends for each.
import type { ClaimRow } from "@/lib/claims/queries";

export const CLAIM_TABLE_ROW_KEYS = [
  "id",
  "quote",
  "headline",
  "sourceSlug",
  "sourceTitle",
  "speakerName",
  "attribution",
  "citedVia",
  "stance",
  "sourceStance",
  "credibility",
  "checkWorthiness",
  "topicTitle",
  "propositionId",
  "propositionLabel",
  "assigneeName",
  "assignedViaSource",
  "status",
] as const;

export type ClaimTableRow = Pick<ClaimRow, (typeof CLAIM_TABLE_ROW_KEYS)[number]>;

export function claimTableRow(row: ClaimRow): ClaimTableRow {
  return Object.fromEntries(CLAIM_TABLE_ROW_KEYS.map((key) => [key, row[key]])) as ClaimTableRow;
}
