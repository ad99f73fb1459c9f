// Compares what schema.prisma declares (Prisma's DMMF, from its WASM schema parser)
// with what a migrated database holds (information_schema and pg_catalog), and names
// every difference: a missing table, column, type, nullability, enum value, unique
// constraint, index or foreign key.
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { getDMMF } from "@prisma/get-dmmf";

export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object" | "unsupported";
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  isUnique: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName?: string | null }[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "normal" | "unique" | "fulltext";
  dbName?: string | null;
  fields: { name: string }[];
}
interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

export async function loadDatamodel(schema?: string): Promise<Datamodel> {
  const datamodel = schema ?? (await readFile(SCHEMA_PATH, "utf8"));
  const dmmf = getDMMF({ datamodel });
  if ("error" in dmmf) throw new Error(`schema.prisma does not parse: ${JSON.stringify(dmmf.error)}`);
  return (dmmf as unknown as { datamodel: Datamodel }).datamodel;
}

const SCALAR_UDT: Record<string, string> = {
  String: "text",
  Int: "int4",
  BigInt: "int8",
  Float: "float8",
  Decimal: "numeric",
  Boolean: "bool",
  DateTime: "timestamp",
  Json: "jsonb",
  Bytes: "bytea",
};
const NATIVE_UDT: Record<string, string> = {
  SmallInt: "int2",
  Char: "bpchar",
  VarChar: "varchar",
  Timestamptz: "timestamptz",
  Timestamp: "timestamp",
  Text: "text",
  Uuid: "uuid",
  Date: "date",
  JsonB: "jsonb",
  Integer: "int4",
  BigInt: "int8",
  DoublePrecision: "float8",
};

function expectedUdt(field: DmmfField, enums: Map<string, string>): string {
  const base =
    field.kind === "enum"
      ? enums.get(field.type)!
      : field.nativeType
        ? (NATIVE_UDT[field.nativeType[0]] ?? field.nativeType[0].toLowerCase())
        : SCALAR_UDT[field.type]!;
  return field.isList ? `_${base}` : base;
}

export async function findSchemaDrift(connectionString: string, datamodel: Datamodel): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const problems: string[] = [];
    const enumDbNames = new Map(datamodel.enums.map((item) => [item.name, item.dbName ?? item.name]));
    const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));

    const { rows: enumRows } = await client.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' GROUP BY t.typname`,
    );
    const dbEnums = new Map(enumRows.map((row) => [row.typname, row.labels]));
    for (const item of datamodel.enums) {
      const dbName = item.dbName ?? item.name;
      const labels = dbEnums.get(dbName);
      const wanted = item.values.map((value) => value.dbName ?? value.name);
      if (!labels) problems.push(`enum ${item.name}: type "${dbName}" is missing`);
      else if (labels.join(",") !== wanted.join(",")) {
        problems.push(`enum ${item.name}: database has [${labels.join(", ")}], schema declares [${wanted.join(", ")}]`);
      }
    }

    const { rows: columnRows } = await client.query<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const columns = new Map(columnRows.map((row) => [`${row.table_name}.${row.column_name}`, row]));
    const tables = new Set(columnRows.map((row) => row.table_name));

    const { rows: indexRows } = await client.query<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
              array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`,
    );

    const { rows: foreignKeyRows } = await client.query<{ table_name: string; columns: string[]; referenced_table: string }>(
      `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS referenced_table,
              array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns
         FROM pg_constraint c
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' GROUP BY c.oid, c.conrelid, c.confrelid`,
    );
    const unquote = (name: string) => name.replace(/^"|"$/g, "");

    for (const model of datamodel.models) {
      const table = model.dbName ?? model.name;
      if (!tables.has(table)) {
        problems.push(`model ${model.name}: table "${table}" is missing`);
        continue;
      }
      const columnOf = new Map(model.fields.map((field) => [field.name, field.dbName ?? field.name]));
      for (const field of model.fields) {
        if (field.kind === "object") {
          if (field.relationFromFields && field.relationFromFields.length > 0) {
            const fkColumns = field.relationFromFields.map((name) => columnOf.get(name)!);
            const target = tableOf.get(field.type)!;
            const found = foreignKeyRows.some(
              (row) => unquote(row.table_name) === table && unquote(row.referenced_table) === target && row.columns.join(",") === fkColumns.join(","),
            );
            if (!found) problems.push(`${model.name}.${field.name}: foreign key (${fkColumns.join(", ")}) → ${target} is missing`);
          }
          continue;
        }
        const column = columnOf.get(field.name)!;
        const row = columns.get(`${table}.${column}`);
        if (!row) {
          problems.push(`${model.name}.${field.name}: column "${table}"."${column}" is missing`);
          continue;
        }
        const udt = expectedUdt(field, enumDbNames);
        if (row.udt_name !== udt) problems.push(`${model.name}.${field.name}: type is ${row.udt_name}, schema declares ${udt}`);
        // Prisma never marks list columns NOT NULL.
        if (!field.isList) {
          const nullable = row.is_nullable === "YES";
          if (nullable === field.isRequired) {
            problems.push(
              `${model.name}.${field.name}: column is ${nullable ? "nullable" : "NOT NULL"}, schema declares it ${field.isRequired ? "required" : "optional"}`,
            );
          }
        }
        if (field.isUnique && !indexRows.some((index) => index.table_name === table && index.is_unique && index.columns.join(",") === column)) {
          problems.push(`${model.name}.${field.name}: unique constraint on "${column}" is missing`);
        }
        if (field.isId && !indexRows.some((index) => index.table_name === table && index.is_primary && index.columns.join(",") === column)) {
          problems.push(`${model.name}.${field.name}: primary key on "${column}" is missing`);
        }
      }
    }

    for (const index of datamodel.indexes) {
      const model = datamodel.models.find((candidate) => candidate.name === index.model)!;
      const table = model.dbName ?? model.name;
      const columnOf = new Map(model.fields.map((field) => [field.name, field.dbName ?? field.name]));
      const wanted = index.fields.map((field) => columnOf.get(field.name)!).join(",");
      const match = indexRows.some(
        (row) =>
          row.table_name === table &&
          row.columns.join(",") === wanted &&
          (index.type === "id" ? row.is_primary : index.type === "unique" ? row.is_unique : true),
      );
      if (!match) problems.push(`${index.model}: ${index.type} index on (${wanted.replaceAll(",", ", ")}) is missing`);
    }
    return problems;
  } finally {
    await client.end();
  }
}
