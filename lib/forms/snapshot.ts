// What an edit form starts from and what a conflict reports: the record's form values (all
// strings, as the inputs hold them), their human labels, and the version they belong to.
// The client compares the snapshot it loaded, the one stored now and what the editor typed
// to show "theirs vs yours" field by field (see app/(admin)/_components/versioned-form.tsx).

export interface FormSnapshot {
  values: Record<string, string>;
  /** Display text per field where the raw value is an id or enum ("12" → "Altaf Hussain"). */
  labels: Record<string, string>;
  version: number;
  /** Who saved this version and when, when the audit trail knows. */
  savedBy?: string | null;
  savedAt?: string | null;
}

export function isFormSnapshot(value: unknown): value is FormSnapshot {
  if (!value || typeof value !== "object") return false;
  const candidate = value as Partial<FormSnapshot>;
  return typeof candidate.version === "number" && !!candidate.values && typeof candidate.values === "object" && !!candidate.labels;
}

/** Fields whose value differs between two snapshots' values. */
export function changedFields(from: Record<string, string>, to: Record<string, string>, fields: readonly string[]): string[] {
  return fields.filter((field) => (from[field] ?? "") !== (to[field] ?? ""));
}
