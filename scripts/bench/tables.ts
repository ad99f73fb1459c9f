// How each synthetic row maps onto its table's columns, once, for both writers: the batched
// `INSERT … SELECT FROM unnest(…)` loader and the CSV files of the psql \copy baseline.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ActorRow, AuditRow, ClaimRow, ContradictionRow, SourceRow, TopicRow } from "@/scripts/bench/corpus";

export interface Column<Row> {
  name: string;
  /** Postgres type of the column; unnest takes an array of it. */
  type: string;
  value(row: Row): string | number | null;
  /** Sent as text and cast per row: arrays cannot be unnested as array elements. */
  castFromText?: boolean;
}

export interface TableSpec<Row> {
  table: string;
  columns: Column<Row>[];
  /** NOT NULL text columns that may hold "" (CSV would read an empty field as NULL). */
  forceNotNull?: string[];
}

export interface ReviewerRow {
  id: number;
  email: string;
  name: string;
}

const now = new Date().toISOString();

export const usersTable: TableSpec<ReviewerRow> = {
  table: "users",
  columns: [
    { name: "id", type: "int", value: (row) => row.id },
    { name: "email", type: "text", value: (row) => row.email },
    { name: "name", type: "text", value: (row) => row.name },
    { name: "role", type: "role", value: () => "editor" },
    { name: "updated_at", type: "timestamptz", value: () => now },
  ],
};

export const actorsTable: TableSpec<ActorRow> = {
  table: "actors",
  columns: [
    { name: "id", type: "int", value: (row) => row.id },
    { name: "name", type: "text", value: (row) => row.name },
    { name: "normalized_name", type: "text", value: (row) => row.normalizedName },
    { name: "kind", type: "actor_kind", value: (row) => row.kind },
    // A Postgres array literal, cast per row (see castFromText).
    {
      name: "aliases",
      type: "text[]",
      castFromText: true,
      value: (row) => `{${row.aliases.map((alias) => `"${alias.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`,
    },
    { name: "created_at", type: "timestamptz", value: (row) => row.createdAt },
    { name: "updated_at", type: "timestamptz", value: (row) => row.createdAt },
  ],
};

export const topicsTable: TableSpec<TopicRow> = {
  table: "topics",
  columns: [
    { name: "id", type: "int", value: (row) => row.id },
    { name: "slug", type: "text", value: (row) => row.slug },
    { name: "title", type: "text", value: (row) => row.title },
    { name: "created_at", type: "timestamptz", value: (row) => row.createdAt },
    { name: "updated_at", type: "timestamptz", value: (row) => row.createdAt },
  ],
};

export const sourcesTable: TableSpec<SourceRow> = {
  table: "sources",
  columns: [
    { name: "id", type: "int", value: (row) => row.id },
    { name: "slug", type: "text", value: (row) => row.slug },
    { name: "title", type: "text", value: (row) => row.title },
    { name: "kind", type: "source_kind", value: (row) => row.kind },
    { name: "publisher", type: "text", value: (row) => row.publisher },
    { name: "author", type: "text", value: (row) => row.author },
    { name: "url", type: "text", value: (row) => row.url },
    { name: "published_date", type: "text", value: (row) => row.publishedDate },
    { name: "text", type: "text", value: (row) => row.text },
    { name: "text_sha256", type: "char(64)", value: (row) => row.textSha256 },
    { name: "reliability", type: "reliability", value: (row) => row.reliability },
    { name: "notes", type: "text", value: (row) => row.notes },
    { name: "created_at", type: "timestamptz", value: (row) => row.createdAt },
    { name: "updated_at", type: "timestamptz", value: (row) => row.createdAt },
  ],
};

export const claimsTable: TableSpec<ClaimRow> = {
  table: "claims",
  forceNotNull: ["prefix", "suffix"],
  columns: [
    { name: "id", type: "int", value: (row) => row.id },
    { name: "source_id", type: "int", value: (row) => row.sourceId },
    { name: "quote", type: "text", value: (row) => row.quote },
    { name: "start_offset", type: "int", value: (row) => row.startOffset },
    { name: "end_offset", type: "int", value: (row) => row.endOffset },
    { name: "prefix", type: "text", value: (row) => row.prefix },
    { name: "suffix", type: "text", value: (row) => row.suffix },
    { name: "speaker_id", type: "int", value: (row) => row.speakerId },
    { name: "cue", type: "text", value: (row) => row.cue },
    { name: "attribution", type: "attribution", value: (row) => row.attribution },
    { name: "cited_via", type: "text", value: (row) => row.citedVia },
    { name: "stance", type: "stance", value: (row) => row.stance },
    { name: "source_stance", type: "source_stance", value: (row) => row.sourceStance },
    { name: "credibility", type: "smallint", value: (row) => row.credibility },
    { name: "topic_id", type: "int", value: (row) => row.topicId },
    { name: "status", type: "claim_status", value: (row) => row.status },
    { name: "origin", type: "claim_origin", value: (row) => row.origin },
    { name: "notes", type: "text", value: (row) => row.notes },
    { name: "reviewer_id", type: "int", value: (row) => row.reviewerId },
    { name: "reviewed_at", type: "timestamptz", value: (row) => row.reviewedAt },
    { name: "version", type: "int", value: (row) => row.version },
    { name: "extractor_version", type: "text", value: (row) => (row.origin === "extracted" ? "1.0.0" : null) },
    { name: "created_at", type: "timestamptz", value: (row) => row.createdAt },
    { name: "updated_at", type: "timestamptz", value: (row) => row.updatedAt },
  ],
};

export const contradictionsTable: TableSpec<ContradictionRow> = {
  table: "contradictions",
  columns: [
    { name: "id", type: "int", value: (row) => row.id },
    { name: "claim_a_id", type: "int", value: (row) => row.claimAId },
    { name: "claim_b_id", type: "int", value: (row) => row.claimBId },
    { name: "kind", type: "contradiction_kind", value: (row) => row.kind },
    { name: "status", type: "contradiction_status", value: (row) => row.status },
    { name: "score", type: "float8", value: (row) => row.score },
    { name: "detected_by", type: "text", value: (row) => row.detectedBy },
    { name: "explanation", type: "text", value: (row) => row.explanation },
    { name: "rationale", type: "text", value: (row) => row.rationale },
    { name: "preferred_claim_id", type: "int", value: (row) => row.preferredClaimId },
    { name: "created_at", type: "timestamptz", value: (row) => row.createdAt },
    { name: "updated_at", type: "timestamptz", value: (row) => row.createdAt },
  ],
};

export const auditTable: TableSpec<AuditRow> = {
  table: "audit_events",
  columns: [
    { name: "user_id", type: "int", value: (row) => row.userId },
    { name: "entity_type", type: "text", value: (row) => row.entityType },
    { name: "entity_id", type: "text", value: (row) => row.entityId },
    { name: "action", type: "text", value: (row) => row.action },
    { name: "before", type: "jsonb", value: (row) => row.before },
    { name: "after", type: "jsonb", value: (row) => row.after },
    { name: "created_at", type: "timestamptz", value: (row) => row.createdAt },
  ],
};

/**
 * `INSERT INTO t (…) SELECT … FROM unnest(<array>::type[], …)` with one bound array per
 * column. Table, column names and types are the spec's constants.
 */
export function unnestInsert<Row>(spec: TableSpec<Row>, rows: Row[]): Prisma.Sql {
  const names = spec.columns.map((column) => `"${column.name}"`);
  const aliases = spec.columns.map((_column, index) => `c${index}`);
  const arrays = spec.columns.map((column) => Prisma.sql`${rows.map((row) => column.value(row))}::${Prisma.raw(column.castFromText ? "text" : column.type)}[]`);
  const selected = spec.columns.map((column, index) => (column.castFromText ? `c${index}::${column.type}` : `c${index}`));
  return Prisma.sql`INSERT INTO ${Prisma.raw(`"${spec.table}"`)} (${Prisma.raw(names.join(", "))}) SELECT ${Prisma.raw(selected.join(", "))} FROM unnest(${Prisma.join(arrays, ", ")}) AS t(${Prisma.raw(aliases.join(", "))})`;
}

/** The psql meta-command that loads a CSV file written with the spec's columns. */
export function copyCommand<Row>(spec: TableSpec<Row>, file: string): string {
  const names = spec.columns.map((column) => `"${column.name}"`).join(", ");
  const forceNotNull = spec.forceNotNull?.length ? `, force_not_null (${spec.forceNotNull.map((name) => `"${name}"`).join(", ")})` : "";
  return `\\copy "${spec.table}" (${names}) from '${file}' with (format csv${forceNotNull})`;
}

/**
 * Several tables' inserts as one statement of data-modifying CTEs: one round trip per batch,
 * so the database writes a whole batch while the next one is generated. Constraints are
 * checked at the end of the statement, when every CTE's rows exist.
 */
export function unnestInsertAll(tables: [TableSpec<never>, unknown[]][]): Prisma.Sql {
  const parts = tables
    .filter(([, rows]) => rows.length > 0)
    .map(([spec, rows], index) => Prisma.sql`${Prisma.raw(`w${index}`)} AS (${unnestInsert(spec, rows as never[])})`);
  return Prisma.sql`WITH ${Prisma.join(parts, ", ")} SELECT 1`;
}
