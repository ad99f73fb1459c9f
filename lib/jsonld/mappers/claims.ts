// Claims: schema.org Claim (appearance = the source, author = the speaker, about = the topic), anchored
// by a W3C Web Annotation whose target carries a TextQuoteSelector and a TextPositionSelector, with a
// ClaimReview once an editor has approved or rejected it. Admiralty credibility and everything without
// a public term are in the Claimbase vocabulary.
import type pg from "pg";
import Cursor from "pg-cursor";
import { z } from "zod";
import { publishedDateStart } from "@/lib/text/published-date";
import { AnchorStatus, Attribution, ClaimOrigin, ClaimStatus, SourceStance, Stance } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/claims/labels";
import { defineExtension, defineTable, nodeId, referenceSchema, type Row } from "@/lib/jsonld/fields";
import { ASSIGNEE, CREATED_AT, NOTES, UPDATED_AT, VERSION, enumValues } from "@/lib/jsonld/mappers/common";
import { codePointOffset, hasAstralCharacters, utf16Offset } from "@/lib/jsonld/offsets";

const REVIEWED: readonly string[] = ["approved", "rejected"];
const offset = z.number().int().min(0).max(2_147_483_647);

const annotationSchema = z
  .object({
    "@type": z.literal("oa:Annotation"),
    "oa:hasBody": z.object({ "@id": z.string() }).strict(),
    "oa:hasTarget": z
      .object({
        "@type": z.literal("oa:SpecificResource"),
        "oa:hasSource": referenceSchema("source"),
        "oa:hasSelector": z.tuple([
          z.object({ "@type": z.literal("oa:TextQuoteSelector"), "oa:exact": z.string(), "oa:prefix": z.string(), "oa:suffix": z.string() }).strict(),
          z.object({ "@type": z.literal("oa:TextPositionSelector"), "oa:start": offset, "oa:end": offset }).strict(),
        ]),
      })
      .strict(),
  })
  .strict();

/** The review is derived from the claim's own fields (status, reviewer, date, credibility); the import reads those. */
const claimReviewSchema = z.looseObject({ "@type": z.literal("schema:ClaimReview") }).optional();

function claimReview(row: Row, claimIri: string): Record<string, unknown> | undefined {
  if (!REVIEWED.includes(row.status as string)) return undefined;
  return {
    "@type": "schema:ClaimReview",
    "schema:itemReviewed": { "@id": claimIri },
    "schema:claimReviewed": row.quote,
    ...(row.reviewer_id ? { "schema:author": { "@id": nodeId("user", row.reviewer_id as number) } } : {}),
    ...(row.reviewed_at ? { "schema:datePublished": (row.reviewed_at as Date).toISOString() } : {}),
    "schema:reviewRating": {
      "@type": "schema:Rating",
      "schema:alternateName": STATUS_LABELS[row.status as ClaimStatus],
      // The Admiralty credibility: 1 confirmed … 6 cannot be judged.
      "schema:ratingValue": row.credibility,
      "schema:bestRating": 1,
      "schema:worstRating": 6,
    },
  };
}

/** The earliest-dated source of each proposition's members, read in batches; a proposition with no readable date has none. */
async function firstAppearances(client: pg.ClientBase): Promise<Map<number, number>> {
  const earliest = new Map<number, { sourceId: number; start: number }>();
  const cursor = client.query(
    new Cursor<{ proposition_id: number; source_id: number; published_date: string }>(
      `SELECT DISTINCT m.proposition_id, s.id AS source_id, s.published_date FROM proposition_members m
       JOIN claims c ON c.id = m.claim_id JOIN sources s ON s.id = c.source_id WHERE s.published_date IS NOT NULL`,
    ),
  );
  try {
    for (;;) {
      const rows = await cursor.read(1000);
      for (const row of rows) {
        const start = publishedDateStart(row.published_date);
        if (start === undefined) continue;
        const known = earliest.get(row.proposition_id);
        if (!known || start < known.start || (start === known.start && row.source_id < known.sourceId))
          earliest.set(row.proposition_id, { sourceId: row.source_id, start });
      }
      if (rows.length < 1000) break;
    }
  } finally {
    await cursor.close();
  }
  return new Map([...earliest].map(([propositionId, { sourceId }]) => [propositionId, sourceId]));
}

/** schema:firstAppearance: for a claim in a proposition, its earliest dated source (when any is dated); else the claim's own, its only appearance. */
function firstAppearance(row: Row, firstByProposition: Map<number, number>): Record<string, unknown> {
  const propositionId = row.proposition_id as number | null;
  const sourceId = propositionId === null ? (row.source_id as number) : firstByProposition.get(propositionId);
  return sourceId === undefined ? {} : { "schema:firstAppearance": { "@id": nodeId("source", sourceId) } };
}

export const claimsMapper = defineTable({
  table: "claims",
  prefix: "claim",
  key: ["id"],
  type: () => "schema:Claim",
  fields: [
    { column: "source_id", property: "schema:appearance", kind: "ref", target: "source" },
    { column: "quote", property: "schema:text", kind: "text" },
    { column: "anchor_status", property: "cb:anchorStatus", kind: "enum", values: enumValues(AnchorStatus), sqlType: "anchor_status" },
    { column: "speaker_id", property: "schema:author", kind: "ref", target: "actor", optional: true },
    { column: "cue", property: "cb:cue", kind: "text", optional: true },
    { column: "attribution", property: "cb:attribution", kind: "enum", values: enumValues(Attribution), sqlType: "attribution" },
    { column: "cited_via", property: "cb:citedVia", kind: "text", optional: true },
    { column: "stance", property: "cb:stance", kind: "enum", values: enumValues(Stance), sqlType: "stance" },
    { column: "source_stance", property: "cb:sourceStance", kind: "enum", values: enumValues(SourceStance), sqlType: "source_stance" },
    { column: "credibility", property: "cb:admiraltyCredibility", kind: "integer", range: [1, 6] },
    { column: "topic_id", property: "schema:about", kind: "ref", target: "topic", optional: true },
    { column: "status", property: "cb:status", kind: "enum", values: enumValues(ClaimStatus), sqlType: "claim_status" },
    { column: "origin", property: "cb:origin", kind: "enum", values: enumValues(ClaimOrigin), sqlType: "claim_origin" },
    NOTES,
    { column: "reviewer_id", property: "cb:reviewer", kind: "ref", target: "user", optional: true },
    { column: "reviewed_at", property: "cb:reviewedAt", kind: "timestamp", optional: true },
    VERSION,
    { column: "extractor_version", property: "cb:extractorVersion", kind: "text", optional: true },
    { column: "facets", property: "cb:facets", kind: "json", optional: true },
    { column: "facet_keys", property: "cb:facetKeys", kind: "textList" },
    { column: "facets_version", property: "cb:facetsVersion", kind: "text", optional: true },
    { column: "check_worthiness", property: "cb:checkWorthiness", kind: "integer", range: [0, 100] },
    { column: "withdrawn_at", property: "cb:withdrawnAt", kind: "timestamp", optional: true },
    ASSIGNEE,
    CREATED_AT,
    UPDATED_AT,
  ],
  extension: defineExtension({
    // Only texts with characters beyond U+FFFF need converting offsets; they come along, the others do not.
    with: `WITH astral AS MATERIALIZED (SELECT id, text FROM sources WHERE text ~ '[^\\u0001-\\uffff]')`,
    joins: "LEFT JOIN astral ON astral.id = t.source_id LEFT JOIN proposition_members pm ON pm.claim_id = t.id",
    select: [
      'pm.proposition_id AS "proposition_id"',
      't.start_offset AS "start_offset"',
      't.end_offset AS "end_offset"',
      't.prefix AS "prefix"',
      't.suffix AS "suffix"',
      'astral.text AS "astral_text"',
    ],
    shape: {
      "cb:anchor": annotationSchema,
      // Derived (earliest dated source of its proposition, else its own); checked to exist, not stored.
      "schema:firstAppearance": referenceSchema("source").optional(),
      "schema:subjectOf": claimReviewSchema,
    },
    prepare: firstAppearances,
    write(row, prepared) {
      const claimIri = nodeId("claim", row.id as number);
      let [start, end] = [row.start_offset as number, row.end_offset as number];
      // An orphaned claim's offsets point into a text no longer stored: kept as they are.
      if (row.astral_text && row.anchor_status !== "orphaned") {
        [start, end] = [codePointOffset(row.astral_text as string, start) ?? start, codePointOffset(row.astral_text as string, end) ?? end];
      }
      const review = claimReview(row, claimIri);
      return {
        "cb:anchor": {
          "@type": "oa:Annotation",
          "oa:hasBody": { "@id": claimIri },
          "oa:hasTarget": {
            "@type": "oa:SpecificResource",
            "oa:hasSource": { "@id": nodeId("source", row.source_id as number) },
            "oa:hasSelector": [
              { "@type": "oa:TextQuoteSelector", "oa:exact": row.quote, "oa:prefix": row.prefix, "oa:suffix": row.suffix },
              { "@type": "oa:TextPositionSelector", "oa:start": start, "oa:end": end },
            ],
          },
        },
        ...firstAppearance(row, prepared as Map<number, number>),
        ...(review ? { "schema:subjectOf": review } : {}),
      };
    },
    read(node, columns, context) {
      const annotation = node["cb:anchor"];
      const [quoteSelector, positionSelector] = annotation["oa:hasTarget"]["oa:hasSelector"];
      const problems: Array<{ property: string; message: string }> = [];
      const sourceId = columns.source_id as number;
      const quote = columns.quote as string;
      if (annotation["oa:hasBody"]["@id"] !== nodeId("claim", columns.id as string)) {
        problems.push({ property: "cb:anchor.oa:hasBody", message: "must be the claim itself" });
      }
      if (annotation["oa:hasTarget"]["oa:hasSource"] !== sourceId)
        problems.push({ property: "cb:anchor.oa:hasTarget.oa:hasSource", message: "must be the claim's schema:appearance" });
      if (quoteSelector["oa:exact"] !== quote) problems.push({ property: "cb:anchor.oa:exact", message: "differs from the claim's schema:text" });
      let [start, end] = [positionSelector["oa:start"], positionSelector["oa:end"]];
      const text = context.sourceText(sourceId);
      if (text !== undefined && columns.anchor_status !== "orphaned") {
        if (hasAstralCharacters(text)) [start, end] = [utf16Offset(text, start) ?? -1, utf16Offset(text, end) ?? -1];
        const { "oa:prefix": prefix, "oa:suffix": suffix } = quoteSelector;
        if (start < 0 || end < 0 || text.slice(start, end) !== quote) {
          problems.push({
            property: "cb:anchor.oa:start",
            message: `oa:start–oa:end (${positionSelector["oa:start"]}–${positionSelector["oa:end"]}) do not select the quote in the source text`,
          });
        } else if (text.slice(Math.max(0, start - prefix.length), start) !== prefix || text.slice(end, end + suffix.length) !== suffix) {
          problems.push({ property: "cb:anchor.oa:prefix", message: "oa:prefix or oa:suffix is not the text around the quote" });
        }
      }
      if (start > end) problems.push({ property: "cb:anchor.oa:end", message: "ends before it starts" });
      return {
        columns: {
          start_offset: { value: start, sqlType: "integer" },
          end_offset: { value: end, sqlType: "integer" },
          prefix: { value: quoteSelector["oa:prefix"], sqlType: "text" },
          suffix: { value: quoteSelector["oa:suffix"], sqlType: "text" },
        },
        problems,
      };
    },
    references(node) {
      const first = node["schema:firstAppearance"];
      return first === undefined || first === null ? [] : [{ property: "schema:firstAppearance", id: nodeId("source", first) }];
    },
  }),
});
