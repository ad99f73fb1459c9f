// One table of the database as JSON-LD nodes: each column is a field with its public or Claimbase
// property, and the same table gives the export (row → node), the zod schema every imported node
// crosses, and the import (node → row). Adding a table is one mapper built with defineTable.
import type pg from "pg";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

/** Every node's @id is `urn:claimbase:<prefix>:<key>`: stable, and needs no web address. */
export const NODE_ID_BASE = "urn:claimbase:";

export function nodeId(prefix: string, key: string | number): string {
  return `${NODE_ID_BASE}${prefix}:${key}`;
}

type FieldBase = {
  /** The snake_case column. */
  column: string;
  /** A compact IRI: schema:…, oa:… or cb:… (the Claimbase vocabulary). */
  property: string;
  /** Nullable column: the property is left out when null. */
  optional?: boolean;
};

export type Field =
  | (FieldBase & { kind: "text" | "number" | "boolean" | "timestamp" | "json" | "textList" | "uuid" })
  /** `range` is a closed scale (Admiralty credibility 1–6). */
  | (FieldBase & { kind: "integer"; range?: readonly [number, number] })
  | (FieldBase & { kind: "enum"; values: readonly [string, ...string[]]; sqlType: string })
  /** A foreign key, written as {"@id": …} of the node it points at. */
  | (FieldBase & { kind: "ref"; target: string });

export const SQL_TYPES: Record<Exclude<Field["kind"], "enum" | "ref">, string> = {
  text: "text",
  integer: "integer",
  number: "double precision",
  boolean: "boolean",
  timestamp: "timestamptz",
  json: "jsonb",
  textList: "text[]",
  uuid: "uuid",
};

/** The context's coercion for a field's property, so values stay plain JSON. */
export function fieldCoercion(field: Field): Record<string, string> | undefined {
  if (field.kind === "timestamp") return { "@type": "xsd:dateTime" };
  if (field.kind === "json") return { "@type": "@json" };
  if (field.kind === "textList") return { "@container": "@list" };
  return undefined;
}

const INT4_MAX = 2_147_483_647;
// Postgres text cannot hold U+0000; saying so here beats a driver error.
const storableString = z.string().refine((value) => !value.includes("\u0000"), "contains a NUL character, which the database cannot store");

export function referenceSchema(target: string) {
  const pattern = new RegExp(`^${NODE_ID_BASE}${target}:([1-9][0-9]*)$`);
  return z
    .object({ "@id": z.string() }, { error: `expected a reference {"@id": "${nodeId(target, "N")}"}` })
    .strict()
    .transform((value, context) => {
      const match = pattern.exec(value["@id"]);
      const id = match ? Number(match[1]) : NaN;
      if (!match || id > INT4_MAX) {
        context.addIssue({ code: "custom", message: `"${value["@id"]}" is not a ${target} id (${nodeId(target, "N")})` });
        return z.NEVER;
      }
      return id;
    });
}

function valueSchema(field: Field): z.ZodType {
  switch (field.kind) {
    case "text":
      return storableString;
    case "integer":
      return z
        .number()
        .int()
        .min(field.range?.[0] ?? -INT4_MAX - 1)
        .max(field.range?.[1] ?? INT4_MAX);
    case "number":
      return z.number();
    case "boolean":
      return z.boolean();
    case "timestamp":
      return z.iso.datetime({ offset: true, error: "expected an ISO 8601 date and time" });
    case "json":
      return z.json();
    case "textList":
      return z.array(storableString);
    case "uuid":
      return z.guid();
    case "enum":
      return z.enum(field.values);
    case "ref":
      return referenceSchema(field.target);
  }
}

export function fieldSchema(field: Field): z.ZodType {
  const schema = valueSchema(field);
  return field.optional ? schema.nullish().transform((value) => value ?? null) : schema;
}

export function fieldSqlType(field: Field): string {
  if (field.kind === "enum") return field.sqlType;
  if (field.kind === "ref") return "integer";
  return SQL_TYPES[field.kind];
}

/** A column's value as the node carries it; undefined leaves the property out. */
export function fieldValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (field.kind === "timestamp") return (value as Date).toISOString();
  if (field.kind === "ref") return { "@id": nodeId(field.target, value as number) };
  return value;
}

export type Row = Record<string, unknown>;
/** Column values to insert, with their SQL types. */
export type Columns = Record<string, { value: unknown; sqlType: string }>;

/** A column read from a node for insertion, in the form the pg driver sends. */
export function columnValue(field: Field, value: unknown): { value: unknown; sqlType: string } {
  const sqlType = fieldSqlType(field);
  if (field.kind === "json" && value !== null) return { value: JSON.stringify(value), sqlType };
  return { value, sqlType };
}

/** What a node points at, for the import's dangling-reference check. */
export interface Reference {
  property: string;
  id: string;
}

export interface ImportContext {
  /** Source texts by source id, for checking anchors. */
  sourceText(id: number): string | undefined;
}

/** Extra properties a table needs that are not one column each (a claim's anchor, a thread's subject). */
export interface Extension<P extends z.ZodRawShape = z.ZodRawShape> {
  /** Constant SQL expressions added to the SELECT, named by `AS`. */
  select?: readonly string[];
  /** Constant SQL before SELECT (a CTE) and after FROM (joins). */
  with?: string;
  joins?: string;
  shape: P;
  /** Read once before the table's rows stream (on the export's snapshot); handed to write(). */
  prepare?(client: pg.ClientBase): Promise<unknown>;
  write(row: Row, prepared: unknown): Record<string, unknown>;
  read(
    node: z.infer<z.ZodObject<P>>,
    columns: Record<string, unknown>,
    context: ImportContext,
  ): { columns: Columns; problems: Array<{ property: string; message: string }> };
  references?(node: z.infer<z.ZodObject<P>>): Reference[];
}

/** Types the extension's read() against its own shape; the table erases it. */
export function defineExtension<P extends z.ZodRawShape>(extension: Extension<P>): Extension {
  return extension as unknown as Extension;
}

export interface TableDefinition {
  table: string;
  /** Node kind in the @id: urn:claimbase:<prefix>:<key>. */
  prefix: string;
  /** ["id"] for a serial key read from the @id; other keys are fields, and the @id joins them with "-". */
  key: readonly string[];
  /** The serial key is a bigint (audit events). */
  bigintKey?: boolean;
  fields: readonly Field[];
  /** The @type of a node, from its column values (a source's kind, an actor's kind). */
  type(columns: Record<string, unknown>): string;
  extension?: Extension;
}

export interface ParsedNode {
  mapper: TableMapper;
  id: string;
  columns: Columns;
  references: Reference[];
}

export type ParseResult = { ok: true; node: ParsedNode } | { ok: false; problems: Array<{ property: string; message: string }> };

export interface TableMapper extends TableDefinition {
  /** Constant SQL reading every row in key order. */
  selectSql: string;
  toNode(row: Row, prepared?: unknown): Record<string, unknown>;
  schema: z.ZodObject;
  parse(node: unknown, context: ImportContext): ParseResult;
  /** Properties this table's nodes use, with their context coercions. */
  coercions(): Array<[string, Record<string, string> | undefined]>;
}

function keyOf(definition: TableDefinition, values: Record<string, unknown>): string {
  return definition.key.map((column) => String(values[column])).join("-");
}

function issueProperty(issue: z.core.$ZodIssue): string {
  return issue.path.length ? issue.path.map(String).join(".") : "(node)";
}

export function defineTable(definition: TableDefinition): TableMapper {
  const { fields, extension } = definition;
  const serialKey = definition.key.length === 1 && definition.key[0] === "id";
  const selectList = [
    ...(serialKey ? [`t.id${definition.bigintKey ? "::text" : ""} AS "id"`] : []),
    ...fields.map((field) => `t.${field.column} AS "${field.column}"`),
    ...(extension?.select ?? []),
  ];
  const selectSql = `${extension?.with ?? ""} SELECT ${selectList.join(", ")} FROM ${definition.table} t ${extension?.joins ?? ""} ORDER BY ${definition.key.map((column) => `t.${column}`).join(", ")}`;

  const idPattern = serialKey ? `^${NODE_ID_BASE}${definition.prefix}:([1-9][0-9]*)$` : `^${NODE_ID_BASE}${definition.prefix}:(.+)$`;
  const schema = z
    .object({
      "@id": z.string().regex(new RegExp(idPattern), `expected ${nodeId(definition.prefix, serialKey ? "N" : definition.key.join("-"))}`),
      "@type": z.string(),
      ...Object.fromEntries(fields.map((field) => [field.property, fieldSchema(field)])),
      ...(extension?.shape ?? {}),
    })
    .strict();

  const mapper: TableMapper = {
    ...definition,
    selectSql,
    schema,
    toNode(row, prepared) {
      const node: Record<string, unknown> = { "@id": nodeId(definition.prefix, keyOf(definition, row)), "@type": definition.type(row) };
      for (const field of fields) {
        const value = fieldValue(field, row[field.column]);
        if (value !== undefined) node[field.property] = value;
      }
      return extension ? { ...node, ...extension.write(row, prepared) } : node;
    },
    parse(input, context) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => ({ property: issueProperty(issue), message: issue.message })) };
      const node = parsed.data as Record<string, unknown>;
      const values: Record<string, unknown> = {};
      const columns: Columns = {};
      const references: Reference[] = [];
      const problems: Array<{ property: string; message: string }> = [];
      if (serialKey) {
        const key = /([0-9]+)$/.exec(node["@id"] as string)![1]!;
        if (definition.bigintKey ? key.length > 18 : Number(key) > INT4_MAX) problems.push({ property: "@id", message: "the id is out of range" });
        values.id = key;
        columns.id = { value: key, sqlType: definition.bigintKey ? "bigint" : "integer" };
      }
      for (const field of fields) {
        const value = node[field.property];
        values[field.column] = value;
        columns[field.column] = columnValue(field, value);
        if (field.kind === "ref" && value !== null) references.push({ property: field.property, id: nodeId(field.target, value as number) });
      }
      if (!serialKey && node["@id"] !== nodeId(definition.prefix, keyOf(definition, values))) {
        problems.push({ property: "@id", message: `expected ${nodeId(definition.prefix, keyOf(definition, values))}, from its fields` });
      }
      const expectedType = definition.type(values);
      if (node["@type"] !== expectedType) problems.push({ property: "@type", message: `expected "${expectedType}"` });
      if (extension) {
        const extra = extension.read(node, values, context);
        Object.assign(columns, extra.columns);
        problems.push(...extra.problems);
        references.push(...(extension.references?.(node) ?? []));
      }
      if (problems.length) return { ok: false, problems };
      return { ok: true, node: { mapper, id: node["@id"] as string, columns, references } };
    },
    coercions() {
      return fields.map((field) => [field.property, fieldCoercion(field)]);
    },
  };
  return mapper;
}

/** One batch of rows as a single INSERT; every value is bound and cast to its column's type. */
export function insertSql(table: string, rows: readonly Columns[]): Prisma.Sql {
  const names = Object.keys(rows[0]!);
  const tuples = rows.map(
    (row) =>
      Prisma.sql`(${Prisma.join(
        names.map((name) => Prisma.sql`${row[name]!.value}::${Prisma.raw(row[name]!.sqlType)}`),
        ", ",
      )})`,
  );
  return Prisma.sql`INSERT INTO ${Prisma.raw(table)} (${Prisma.raw(names.join(", "))}) VALUES ${Prisma.join(tuples, ", ")}`;
}
