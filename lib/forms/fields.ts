// One field table per edit form (lib/<domain>/form.ts), read by the server and the client form.
// Client-safe: no database, no server-only code.
import type { z } from "zod";
import type { FormSnapshot } from "@/lib/forms/snapshot";

type Options = Readonly<Record<string, string>> | Readonly<Record<number, string>>;

interface FieldBase {
  label: string;
  /** "custom" fields (a speaker picker) are drawn by the form component. */
  control: "text" | "url" | "textarea" | "select" | "radio" | "custom";
  options?: Options;
  /** Display text for a value the options do not name ("a\nb" → "a, b"). */
  describe?: (value: string) => string;
  hint?: string;
  rows?: number;
  /** Consecutive fields with the same row sit side by side. */
  row?: string;
  /** The domain's update schema is built from these. */
  input?: z.ZodType;
}

export interface ColumnField<Model> extends FieldBase {
  name: keyof Model & string;
  virtual?: false;
  /** An id shown by a related record's field ("12" → the speaker's name); `none` when it is null. */
  relation?: { key: string; field: string; none: string };
}

/** A form-only input, not a column (a new speaker's name): it starts empty. */
export interface VirtualField extends FieldBase {
  name: string;
  virtual: true;
}

export type FormField<Model> = ColumnField<Model> | VirtualField;

export type FormFieldSpec = FieldBase & { name: string; virtual?: boolean; relation?: { key: string; field: string; none: string } };

type Fields = readonly FormFieldSpec[];
export type ColumnName<F extends Fields> = Exclude<F[number], { virtual: true }>["name"];
export type FormRow<Model, F extends Fields> = Pick<Model, Extract<"version" | ColumnName<F>, keyof Model>>;
type InputShape<F extends Fields> = { [E in F[number] as E extends { input: z.ZodType } ? E["name"] : never]: E extends { input: infer S } ? S : never };

function field(row: object, name: string): unknown {
  return (row as Record<string, unknown>)[name];
}

/** A stored value as a form input holds it: null is empty, a list is one item per line. */
export function formValue(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join("\n");
  return String(value);
}

export function describeValue(spec: FormFieldSpec, value: string): string | undefined {
  return (spec.options as Record<string, string> | undefined)?.[value] ?? spec.describe?.(value);
}

function relationLabel(spec: FormFieldSpec, row: object): string | undefined {
  if (!spec.relation) return undefined;
  const related = field(row, spec.relation.key) as Record<string, unknown> | null | undefined;
  return related ? String(related[spec.relation.field]) : spec.relation.none;
}

/** What an edit form starts from, and what a refused save reports as stored now. */
export function formSnapshot(fields: Fields, row: { version: number }, saved: Pick<FormSnapshot, "savedBy" | "savedAt"> = {}): FormSnapshot {
  const values: Record<string, string> = {};
  const labels: Record<string, string> = {};
  for (const spec of fields) {
    const value = spec.virtual ? "" : formValue(field(row, spec.name));
    values[spec.name] = value;
    if (spec.virtual) continue;
    const label = relationLabel(spec, row) ?? (spec.options ? (describeValue(spec, value) ?? value) : undefined);
    if (label !== undefined) labels[spec.name] = label;
  }
  return { version: row.version, values, labels, ...saved };
}

/** The columns as stored, plus the related record's name of each id, for audit events. */
export function auditView(fields: Fields, row: object): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const spec of fields) {
    if (spec.virtual) continue;
    view[spec.name] = field(row, spec.name);
    if (spec.relation) {
      const related = field(row, spec.relation.key) as Record<string, unknown> | null | undefined;
      view[spec.relation.key] = related ? related[spec.relation.field] : null;
    }
  }
  return view;
}

export function selectColumns<F extends Fields>(fields: F): { [K in ColumnName<F>]: true } {
  return Object.fromEntries(fields.filter((spec) => !spec.virtual).map((spec) => [spec.name, true])) as { [K in ColumnName<F>]: true };
}

export function columnValues<F extends Fields, Input extends Record<ColumnName<F>, unknown>>(fields: F, input: Input): Pick<Input, ColumnName<F>> {
  return Object.fromEntries(fields.filter((spec) => !spec.virtual).map((spec) => [spec.name, input[spec.name as ColumnName<F>]])) as Pick<Input, ColumnName<F>>;
}

export function inputShape<F extends Fields>(fields: F): InputShape<F> {
  return Object.fromEntries(fields.flatMap((spec) => (spec.input ? [[spec.name, spec.input]] : []))) as InputShape<F>;
}

export function fieldNamed<F extends Fields, N extends F[number]["name"]>(fields: F, name: N): Extract<F[number], { name: N }> {
  const found = fields.find((spec) => spec.name === name);
  if (!found) throw new Error(`No field "${name}" in this table`);
  return found as Extract<F[number], { name: N }>;
}
