// Field-by-field differences between an audit event's before and after, for reviewers.

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

// Bookkeeping that changes on every save and says nothing to a reviewer.
const IGNORED_FIELDS = new Set(["updatedAt", "createdAt", "version", "updated_at", "created_at"]);

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const MAX_SHOWN = 300;

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text;
}

export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "string") return clip(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number")) return value.join(", ") || "—";
  return clip(JSON.stringify(value));
}

export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const left = asRecord(before);
  const right = asRecord(after);
  const fields = [...new Set([...Object.keys(right), ...Object.keys(left)])].filter((field) => !IGNORED_FIELDS.has(field));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const was = formatValue(left[field]);
    const now = formatValue(right[field]);
    if (was !== now) changes.push({ field, before: was, after: now });
  }
  return changes;
}
