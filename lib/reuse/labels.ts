// How reuse statuses read on the page and in the audit log.
import type { ReuseStatus } from "@/lib/generated/prisma/enums";

export const REUSE_STATUS_LABELS: Record<ReuseStatus, string> = {
  proposed: "Proposed",
  confirmed: "Confirmed",
  dismissed: "Dismissed",
};

/** "82 %", as the source page writes a share. */
export function sharePercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
