// An undoable action in one sentence, from its audit events, for the Undo message and "My recent actions".
import { STATUS_LABELS } from "@/lib/claims/labels";
import { CONTRADICTION_STATUS_LABELS } from "@/lib/contradictions/labels";
import { countOf } from "@/lib/format/plural";

/** The five kinds of action an editor can undo (issue 18, item 4). */
export type UndoKind = "claim_review" | "bulk_status" | "bulk_topic" | "actor_merge" | "contradiction_review" | "claim_withdrawal";

/** The last event an action wrote: a merge ends with its "merge" event on the kept actor. */
export interface ActionSummary {
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** How many events the action wrote. */
  count: number;
}

export function undoKind(last: Pick<ActionSummary, "action" | "entityType">): UndoKind | null {
  if (last.entityType === "contradiction") return ["confirm", "dismiss", "reopen", "review"].includes(last.action) ? "contradiction_review" : null;
  if (last.entityType === "actor") return last.action === "merge" ? "actor_merge" : null;
  if (last.entityType !== "claim") return null;
  const kinds: Record<string, UndoKind> = { review: "claim_review", bulk_status: "bulk_status", bulk_topic: "bulk_topic", withdraw: "claim_withdrawal" };
  return kinds[last.action] ?? null;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function describeUndoable(summary: ActionSummary): string {
  const after = summary.after;
  const claims = countOf(summary.count, "claim", "claims");
  switch (undoKind(summary)) {
    case "claim_review": {
      const status = STATUS_LABELS[text(field(after, "status")) as keyof typeof STATUS_LABELS];
      return status ? `Claim #${summary.entityId} marked ${status.toLowerCase()}` : `Claim #${summary.entityId} reviewed`;
    }
    case "bulk_status":
      return `Status of ${claims} set to ${(STATUS_LABELS[text(field(after, "status")) as keyof typeof STATUS_LABELS] ?? "?").toLowerCase()}`;
    case "bulk_topic": {
      const topic = text(field(after, "topic"));
      return topic ? `Topic of ${claims} set to “${topic}”` : `Topic removed from ${claims}`;
    }
    case "actor_merge":
      return `Actor “${text(field(field(after, "merged"), "name"))}” merged into actor #${summary.entityId}`;
    case "contradiction_review": {
      const status = CONTRADICTION_STATUS_LABELS[text(field(after, "status")) as keyof typeof CONTRADICTION_STATUS_LABELS];
      return `Contradiction #${summary.entityId} ${status ? `marked ${status.toLowerCase()}` : "reviewed"}`;
    }
    case "claim_withdrawal":
      return `Claim #${summary.entityId} withdrawn`;
    default:
      return `${summary.action.replaceAll("_", " ")} on ${summary.entityType} #${summary.entityId}`;
  }
}
