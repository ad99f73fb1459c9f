// What an edit form starts from and what a conflict reports: form values (strings, as inputs hold
// them), their labels and their version. See app/(admin)/_components/versioned-form.tsx.

export interface FormSnapshot {
  values: Record<string, string>;
  /** Display text per field where the raw value is an id or enum ("12" → "Altaf Hussain"). */
  labels: Record<string, string>;
  version: number;
  savedBy?: string | null;
  savedAt?: string | null;
}

export function isFormSnapshot(value: unknown): value is FormSnapshot {
  if (!value || typeof value !== "object") return false;
  const candidate = value as Partial<FormSnapshot>;
  return typeof candidate.version === "number" && !!candidate.values && typeof candidate.values === "object" && !!candidate.labels;
}

export function changedFields(from: Record<string, string>, to: Record<string, string>, fields: readonly string[]): string[] {
  return fields.filter((field) => (from[field] ?? "") !== (to[field] ?? ""));
}
