// Sources: schema.org creative works typed by kind, with their full text and Admiralty reliability.
// The import checks the stored sha256 against the text, so a text edited by hand is refused.
import { createHash } from "node:crypto";
import { Reliability, SourceKind } from "@/lib/generated/prisma/enums";
import { defineExtension, defineTable } from "@/lib/jsonld/fields";
import { ASSIGNEE, CREATED_AT, NOTES, UPDATED_AT, VERSION, enumValues } from "@/lib/jsonld/mappers/common";

const SOURCE_TYPES: Record<SourceKind, string> = {
  news: "schema:NewsArticle",
  blog: "schema:BlogPosting",
  opinion: "schema:OpinionNewsArticle",
  encyclopedia: "schema:Article",
  compilation: "schema:Collection",
  forum: "schema:DiscussionForumPosting",
  official_document: "schema:Report",
  court_record: "schema:CreativeWork",
  other: "schema:CreativeWork",
};

export const sourcesMapper = defineTable({
  table: "sources",
  prefix: "source",
  key: ["id"],
  type: (columns) => SOURCE_TYPES[columns.kind as SourceKind] ?? "schema:CreativeWork",
  fields: [
    { column: "slug", property: "schema:identifier", kind: "text" },
    { column: "title", property: "schema:name", kind: "text" },
    { column: "kind", property: "cb:sourceKind", kind: "enum", values: enumValues(SourceKind), sqlType: "source_kind" },
    // Free text, as the document names them; schema.org accepts text where it expects a Person or Organization.
    { column: "publisher", property: "schema:publisher", kind: "text", optional: true },
    { column: "author", property: "schema:author", kind: "text", optional: true },
    { column: "url", property: "schema:url", kind: "text", optional: true },
    // As the document states it ("June 2007"), so a plain string rather than xsd:date.
    { column: "published_date", property: "schema:datePublished", kind: "text", optional: true },
    { column: "language", property: "schema:inLanguage", kind: "text" },
    { column: "text", property: "schema:text", kind: "text" },
    { column: "text_sha256", property: "cb:textSha256", kind: "text" },
    { column: "reliability", property: "cb:admiraltyReliability", kind: "enum", values: enumValues(Reliability), sqlType: "reliability" },
    NOTES,
    { column: "origin_file", property: "cb:originFile", kind: "text", optional: true },
    ASSIGNEE,
    VERSION,
    CREATED_AT,
    UPDATED_AT,
  ],
  extension: defineExtension({
    shape: {},
    write: () => ({}),
    read(_node, columns) {
      const digest = createHash("sha256")
        .update(columns.text as string, "utf8")
        .digest("hex");
      return {
        columns: {},
        problems:
          digest === columns.text_sha256 ? [] : [{ property: "cb:textSha256", message: "does not match the sha256 of schema:text (the text was changed)" }],
      };
    },
  }),
});
