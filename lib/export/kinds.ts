// Each export kind: columns in their stable, documented order (README), role, filters and one SQL
// query, so rows stream from a cursor instead of being loaded into memory.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";
import { claimFiltersSchema } from "@/lib/claims/schema";
import { claimFilterSql } from "@/lib/claims/filters";
import { SPEAKER_CLAIM_COUNTS_SQL } from "@/lib/claims/tallies";
import { actorsFilterSchema, actorsFilterSql } from "@/lib/actors/filters";
import { auditExportFilterSchema, auditFilterSql } from "@/lib/audit/filters";
import { contradictionsFilterSchema, contradictionsFilterSql } from "@/lib/contradictions/filters";
import { sourcesFilterSchema, sourcesFilterSql } from "@/lib/sources/filters";
import { topicsFilterSchema, topicsFilterSql } from "@/lib/topics/filters";
import {
  ANCHOR_STATUS_LABELS,
  ATTRIBUTION_LABELS,
  CLAIM_ORIGIN_LABELS,
  CREDIBILITY_LABELS,
  RELIABILITY_LABELS,
  SOURCE_STANCE_LABELS,
  STANCE_LABELS,
  STATUS_LABELS,
} from "@/lib/claims/labels";
import { CONTRADICTION_STATUS_LABELS, KIND_LABELS } from "@/lib/contradictions/labels";
import { SOURCE_KIND_LABELS } from "@/lib/sources/labels";
import { ACTOR_KIND_LABELS } from "@/lib/actors/labels";
import { CLAIM_COMMENT_COUNT_SQL, CLAIM_COMMENT_THREADS_SQL, CLAIM_LAST_COMMENT_SQL } from "@/lib/comments/export";
import type { ExportFormat } from "@/lib/export/encode";
import { propositionFiltersSchema } from "@/lib/propositions/schema";
import { OPPOSING_COUNT_SQL, propositionFilterSql } from "@/lib/propositions/filters";
import { PROPOSITION_STATUS_LABELS } from "@/lib/propositions/labels";

export const EXPORT_KINDS = ["claims", "contradictions", "sources", "actors", "topics", "audit", "propositions"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export type ColumnType = "integer" | "number" | "text" | "timestamp" | "list" | "json";

export interface ExportColumn {
  name: string;
  type: ColumnType;
  description: string;
  /** What the app shows for each code ("author_voice" → "Author's voice"), written with `labels=1`. */
  labels?: Readonly<Record<string, string>>;
  /** The cell is an id written as an absolute link to this path + id (the app's address comes with the request). */
  linkPath?: string;
  /** Only these formats write the column (nested JSON has no place in a spreadsheet); every format when absent. */
  formats?: readonly ExportFormat[];
}

interface ColumnDefinition extends ExportColumn {
  /** SQL expression; constant code, never user input. */
  sql: string;
}

export interface ExportKindDefinition {
  kind: ExportKind;
  /** The weakest role allowed to export this kind. */
  role: Role;
  description: string;
  columns: readonly ColumnDefinition[];
  filterSchema: z.ZodObject;
  /** List-page parameters that change the view but not which rows (sort, page cursor). */
  viewParams: readonly string[];
  /** The list page's own builder (lib/<domain>/filters.ts). */
  where(filters: Record<string, unknown>): Prisma.Sql;
  from: string;
  /** A unique key, so two exports of the same data are identical. */
  orderBy: string;
}

function column(
  name: string,
  type: ColumnType,
  sql: string,
  description: string,
  extra: Pick<ExportColumn, "labels" | "linkPath" | "formats"> = {},
): ColumnDefinition {
  return { name, type, sql, description, ...extra };
}

// Each kind's `conditions` is typed against its own schema's output; the registry erases it.
function kind<S extends z.ZodObject>(
  definition: Omit<ExportKindDefinition, "filterSchema" | "where"> & {
    filterSchema: S;
    where: (filters: z.infer<S>) => Prisma.Sql;
  },
): ExportKindDefinition {
  return definition as unknown as ExportKindDefinition;
}

export const EXPORT_DEFINITIONS: Record<ExportKind, ExportKindDefinition> = {
  claims: kind({
    kind: "claims",
    role: "viewer",
    description: "One row per claim, with its source, speaker, provenance, tags and review.",
    filterSchema: claimFiltersSchema,
    viewParams: ["sort", "after", "before"],
    where: (filters) => claimFilterSql(filters),
    from: `claims c
      JOIN sources s ON s.id = c.source_id
      LEFT JOIN actors a ON a.id = c.speaker_id
      LEFT JOIN topics t ON t.id = c.topic_id
      LEFT JOIN users u ON u.id = c.reviewer_id
      LEFT JOIN proposition_members pm ON pm.claim_id = c.id
      LEFT JOIN propositions p ON p.id = pm.proposition_id`,
    orderBy: "c.id",
    columns: [
      column("id", "integer", "c.id", "claim id"),
      column("source_slug", "text", "s.slug", "the source's slug"),
      column("source_title", "text", "s.title", "the source's title"),
      column("source_reliability", "text", "s.reliability::text", "the source's reliability, Admiralty A–F", { labels: RELIABILITY_LABELS }),
      column("quote", "text", "c.quote", "the claim's exact text in the source"),
      column("start_offset", "integer", "c.start_offset", "where the quote starts in the source text (JavaScript string index)"),
      column("end_offset", "integer", "c.end_offset", "where it ends (exclusive)"),
      column("speaker", "text", "a.name", "who makes the claim (actor name)"),
      column("attribution", "text", "c.attribution::text", "direct_quote, paraphrase, author_voice or reported", { labels: ATTRIBUTION_LABELS }),
      column("cue", "text", "c.cue", 'the words that attribute it ("said", "according to")'),
      column("cited_via", "text", "c.cited_via", "who or what relays it (provenance)"),
      column("stance", "text", "c.stance::text", "supports, opposes, neutral or unclear", { labels: STANCE_LABELS }),
      column("source_stance", "text", "c.source_stance::text", "the source's stance towards the claim: endorses, reports or disputes", {
        labels: SOURCE_STANCE_LABELS,
      }),
      column("credibility", "integer", "c.credibility", "Admiralty credibility 1 (confirmed) … 6 (cannot be judged)", { labels: CREDIBILITY_LABELS }),
      column("topic", "text", "t.title", "the topic's title"),
      column("status", "text", "c.status::text", "unreviewed, in_review, approved or rejected", { labels: STATUS_LABELS }),
      column("anchor_status", "text", "c.anchor_status::text", "anchored, reanchored or orphaned", { labels: ANCHOR_STATUS_LABELS }),
      column("origin", "text", "c.origin::text", "extracted or editor", { labels: CLAIM_ORIGIN_LABELS }),
      column("notes", "text", "c.notes", "editor notes"),
      column("reviewer", "text", "u.email", "who approved or rejected it"),
      column("reviewed_at", "timestamp", "c.reviewed_at", "when (ISO 8601, UTC)"),
      column("created_at", "timestamp", "c.created_at", "when the claim was created"),
      column("updated_at", "timestamp", "c.updated_at", "when it last changed"),
      // Added after the first release: at the end, so files read by position keep their columns.
      column("source_url", "text", "s.url", "the source's web address"),
      column("source_publisher", "text", "s.publisher", "who published the source"),
      column("source_published_date", "text", "s.published_date", "the source's publication date as it states it"),
      column("link", "text", "c.id", "the claim's page in the app (an absolute address from the app, a path from the command line)", {
        linkPath: "/claims/",
      }),
      column("comment_count", "integer", CLAIM_COMMENT_COUNT_SQL, "comments on the claim, in every thread, resolved or not"),
      column("last_comment", "text", CLAIM_LAST_COMMENT_SQL, "the latest comment, as “author email: text”"),
      column("comment_threads", "json", CLAIM_COMMENT_THREADS_SQL, "every thread with its comments (NDJSON only)", { formats: ["ndjson"] }),
      column("proposition_id", "integer", "p.id", "the proposition the claim is in (claims across sources stating the same thing), if any"),
      column("proposition_label", "text", "p.label", "that proposition's label"),
    ],
  }),
  contradictions: kind({
    kind: "contradictions",
    role: "viewer",
    description: "One row per pair of conflicting claims, lower claim id first.",
    filterSchema: contradictionsFilterSchema,
    viewParams: ["page"],
    where: contradictionsFilterSql,
    from: `contradictions x
      JOIN claims ca ON ca.id = x.claim_a_id
      JOIN sources sa ON sa.id = ca.source_id
      LEFT JOIN actors aa ON aa.id = ca.speaker_id
      JOIN claims cb ON cb.id = x.claim_b_id
      JOIN sources sb ON sb.id = cb.source_id
      LEFT JOIN actors ab ON ab.id = cb.speaker_id`,
    orderBy: "x.id",
    columns: [
      column("id", "integer", "x.id", "contradiction id"),
      column("kind", "text", "x.kind::text", "negation, dispute, numeric, date, attribution or other", { labels: KIND_LABELS }),
      column("status", "text", "x.status::text", "candidate, confirmed or dismissed", { labels: CONTRADICTION_STATUS_LABELS }),
      column("score", "number", "x.score", "detection score, higher is stronger"),
      column("detected_by", "text", "x.detected_by", 'the rule that proposed the pair, or "editor"'),
      column("explanation", "text", "x.explanation", "why the rule fired"),
      column("claim_a_id", "integer", "x.claim_a_id", "first claim's id"),
      column("claim_a_quote", "text", "ca.quote", "first claim's quote"),
      column("claim_a_speaker", "text", "aa.name", "first claim's speaker"),
      column("claim_a_source", "text", "sa.slug", "first claim's source slug"),
      column("claim_b_id", "integer", "x.claim_b_id", "second claim's id"),
      column("claim_b_quote", "text", "cb.quote", "second claim's quote"),
      column("claim_b_speaker", "text", "ab.name", "second claim's speaker"),
      column("claim_b_source", "text", "sb.slug", "second claim's source slug"),
      column("rationale", "text", "x.rationale", "the editor's reason for confirming or dismissing"),
      column("preferred_claim_id", "integer", "x.preferred_claim_id", "the claim an editor prefers, if any"),
      column("preferred_reason", "text", "x.preferred_reason", "why that claim is preferred"),
      column("updated_at", "timestamp", "x.updated_at", "when it last changed"),
      column("claim_a_source_title", "text", "sa.title", "first claim's source title"),
      column("claim_b_source_title", "text", "sb.title", "second claim's source title"),
      column("link", "text", "x.id", "the pair's page in the app", { linkPath: "/contradictions/" }),
    ],
  }),
  sources: kind({
    kind: "sources",
    role: "viewer",
    description: "One row per source document, with reliability and claim counts.",
    filterSchema: sourcesFilterSchema,
    viewParams: ["page"],
    where: sourcesFilterSql,
    from: `sources s
      LEFT JOIN (
        SELECT source_id, count(*)::int AS claims, (count(*) FILTER (WHERE status = 'approved'))::int AS approved
        FROM claims WHERE withdrawn_at IS NULL GROUP BY source_id
      ) n ON n.source_id = s.id`,
    orderBy: "s.id",
    columns: [
      column("id", "integer", "s.id", "source id"),
      column("slug", "text", "s.slug", "stable short name"),
      column("title", "text", "s.title", "title"),
      column("kind", "text", "s.kind::text", "news, blog, opinion, encyclopedia, compilation, forum, official_document, court_record or other", {
        labels: SOURCE_KIND_LABELS,
      }),
      column("publisher", "text", "s.publisher", "publisher"),
      column("author", "text", "s.author", "author"),
      column("published_date", "text", "s.published_date", "publication date as the document states it"),
      column("url", "text", "s.url", "where it was published"),
      column("language", "text", "s.language", "language code"),
      column("reliability", "text", "s.reliability::text", "Admiralty reliability A (completely reliable) … F (cannot be judged)", {
        labels: RELIABILITY_LABELS,
      }),
      column("claim_count", "integer", "coalesce(n.claims, 0)", "claims in this source"),
      column("approved_count", "integer", "coalesce(n.approved, 0)", "of which approved"),
      column("text_sha256", "text", "s.text_sha256", "sha256 of the stored text"),
      column("created_at", "timestamp", "s.created_at", "when it was loaded"),
      column("updated_at", "timestamp", "s.updated_at", "when it last changed"),
    ],
  }),
  actors: kind({
    kind: "actors",
    role: "viewer",
    description: "One row per actor (speaker), with aliases and claim count.",
    filterSchema: actorsFilterSchema,
    viewParams: ["page"],
    where: actorsFilterSql,
    from: `actors a
      LEFT JOIN (${SPEAKER_CLAIM_COUNTS_SQL}) n ON n.speaker_id = a.id`,
    orderBy: "a.id",
    columns: [
      column("id", "integer", "a.id", "actor id"),
      column("name", "text", "a.name", "display name"),
      column("kind", "text", "a.kind::text", "person, organization, government_body, media_outlet, court or other", { labels: ACTOR_KIND_LABELS }),
      column("aliases", "list", "a.aliases", "other spellings (CSV: a JSON array)"),
      column("claim_count", "integer", "coalesce(n.claims, 0)", "claims this actor speaks"),
      column("notes", "text", "a.notes", "editor notes"),
      column("created_at", "timestamp", "a.created_at", "when it was created"),
      column("updated_at", "timestamp", "a.updated_at", "when it last changed"),
    ],
  }),
  topics: kind({
    kind: "topics",
    role: "viewer",
    description: "One row per topic, with claims per stance.",
    filterSchema: topicsFilterSchema,
    viewParams: ["page"],
    where: topicsFilterSql,
    from: `topics t
      LEFT JOIN (
        SELECT topic_id, count(*)::int AS claims,
          (count(*) FILTER (WHERE stance = 'supports'))::int AS supports,
          (count(*) FILTER (WHERE stance = 'opposes'))::int AS opposes
        FROM claims WHERE withdrawn_at IS NULL GROUP BY topic_id
      ) n ON n.topic_id = t.id`,
    orderBy: "t.id",
    columns: [
      column("id", "integer", "t.id", "topic id"),
      column("slug", "text", "t.slug", "stable short name"),
      column("title", "text", "t.title", "the question or proposition"),
      column("description", "text", "t.description", "description"),
      column("claim_count", "integer", "coalesce(n.claims, 0)", "claims on this topic"),
      column("supports_count", "integer", "coalesce(n.supports, 0)", "of which support it"),
      column("opposes_count", "integer", "coalesce(n.opposes, 0)", "of which oppose it"),
      column("created_at", "timestamp", "t.created_at", "when it was created"),
      column("updated_at", "timestamp", "t.updated_at", "when it last changed"),
    ],
  }),
  audit: kind({
    kind: "audit",
    role: "admin",
    description: "The audit trail, oldest first: who changed what, before and after.",
    filterSchema: auditExportFilterSchema,
    viewParams: ["before"],
    where: auditFilterSql,
    from: `audit_events e LEFT JOIN users u ON u.id = e.user_id`,
    orderBy: "e.id",
    columns: [
      column("id", "integer", "e.id", "event id"),
      column("created_at", "timestamp", "e.created_at", "when"),
      column("user_email", "text", "u.email", "who (empty for the system: seed, detection, command line)"),
      column("entity_type", "text", "e.entity_type", "claim, source, actor, topic, contradiction, user, import or export"),
      column("entity_id", "text", "e.entity_id", "which one"),
      column("action", "text", "e.action", "what was done"),
      column("before", "json", "e.before", "the fields before (JSON)"),
      column("after", "json", "e.after", "the fields after (JSON)"),
    ],
  }),
  propositions: kind({
    kind: "propositions",
    role: "viewer",
    description: "One row per proposition (claims across sources that state the same thing), with its origins.",
    filterSchema: propositionFiltersSchema,
    viewParams: ["after"],
    where: propositionFilterSql,
    // proposition_origins is refreshed before the export starts (lib/export/run.ts).
    from: `propositions p JOIN proposition_origins o ON o.proposition_id = p.id`,
    orderBy: "p.id",
    columns: [
      column("id", "integer", "p.id", "proposition id"),
      column("label", "text", "p.label", "what its claims state"),
      column("status", "text", "p.status::text", "proposed (by the grouping run) or confirmed (by an editor)", { labels: PROPOSITION_STATUS_LABELS }),
      column("members", "integer", "o.members", "claims in it (withdrawn claims left out)"),
      column("sources", "integer", "o.sources", "sources those claims are in"),
      column("independent_origins", "integer", "o.independent_origins", "origins those sources rest on, reposts and relays counted once"),
      column("circular", "text", "CASE WHEN o.circular THEN 'yes' ELSE 'no' END", "yes when several sources rest on one origin (circular reporting)"),
      column("opposing", "integer", OPPOSING_COUNT_SQL, "claims outside it that a contradiction not dismissed sets against a member"),
      column(
        "member_claim_ids",
        "list",
        "ARRAY(SELECT m.claim_id FROM proposition_members m JOIN claims mc ON mc.id = m.claim_id AND mc.withdrawn_at IS NULL WHERE m.proposition_id = p.id ORDER BY m.claim_id)",
        "its claims' ids (CSV: a JSON array)",
      ),
      column("link", "text", "p.id", "the proposition's page in the app", { linkPath: "/propositions/" }),
    ],
  }),
};

export function filterParams(definition: ExportKindDefinition): string[] {
  return Object.keys(definition.filterSchema.shape).filter((key) => !definition.viewParams.includes(key));
}

export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === "string" && (EXPORT_KINDS as readonly string[]).includes(value);
}

/** ISO 8601 in UTC with milliseconds, formatted by Postgres: cheaper than a Date per cell in Node. */
function isoTimestamp(sql: string): string {
  return `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A column's value as the row query selects it; COPY (copy.ts) writes each cell from it in SQL. */
export type ExportCellSql = (column: ExportColumn, value: string) => string;

/** Columns, FROM and ORDER BY are the definitions' constants; filter values are bound. */
export function exportQuery(
  definition: ExportKindDefinition,
  columnNames: readonly string[],
  filters: Record<string, unknown>,
  cell: ExportCellSql = (_column, value) => value,
): Prisma.Sql {
  const list = columnNames
    .map((name) => definition.columns.find((candidate) => candidate.name === name)!)
    .map((entry) => `${cell(entry, entry.type === "timestamp" ? isoTimestamp(entry.sql) : entry.sql)} AS "${entry.name}"`)
    .join(", ");
  return Prisma.sql`SELECT ${Prisma.raw(list)} FROM ${Prisma.raw(definition.from)} WHERE ${definition.where(filters)} ORDER BY ${Prisma.raw(definition.orderBy)}`;
}
