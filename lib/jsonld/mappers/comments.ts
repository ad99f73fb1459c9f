// Discussion: threads about a claim, contradiction or source, their comments (schema:Comment), each
// comment's earlier wordings and the users its @mentions named.
import { z } from "zod";
import { CommentEntity } from "@/lib/generated/prisma/enums";
import { NODE_ID_BASE, defineExtension, defineTable, nodeId } from "@/lib/jsonld/fields";
import { CREATED_AT, VERSION } from "@/lib/jsonld/mappers/common";

const SUBJECT = new RegExp(`^${NODE_ID_BASE}(${Object.values(CommentEntity).join("|")}):([1-9][0-9]{0,9})$`);

export const commentThreadsMapper = defineTable({
  table: "comment_threads",
  prefix: "comment-thread",
  key: ["id"],
  type: () => "cb:CommentThread",
  fields: [
    { column: "created_by_id", property: "schema:creator", kind: "ref", target: "user", optional: true },
    CREATED_AT,
    { column: "resolved_at", property: "cb:resolvedAt", kind: "timestamp", optional: true },
    { column: "resolved_by_id", property: "cb:resolvedBy", kind: "ref", target: "user", optional: true },
  ],
  extension: defineExtension({
    select: ['t.entity_type AS "entity_type"', 't.entity_id AS "entity_id"'],
    shape: {
      // What the thread discusses. Threads have no foreign key (a thread outlives a dismissed pair), so not checked to exist.
      "schema:about": z.object({ "@id": z.string().regex(SUBJECT, `expected a claim, contradiction or source id (${nodeId("claim", "N")})`) }).strict(),
    },
    write: (row) => ({ "schema:about": { "@id": nodeId(row.entity_type as string, row.entity_id as number) } }),
    read(node) {
      const [, entityType, entityId] = SUBJECT.exec(node["schema:about"]["@id"])!;
      return {
        columns: { entity_type: { value: entityType, sqlType: "comment_entity" }, entity_id: { value: Number(entityId), sqlType: "integer" } },
        problems: Number(entityId) > 2_147_483_647 ? [{ property: "schema:about", message: "the id is out of range" }] : [],
      };
    },
  }),
});

export const commentsMapper = defineTable({
  table: "comments",
  prefix: "comment",
  key: ["id"],
  type: () => "schema:Comment",
  fields: [
    { column: "thread_id", property: "cb:thread", kind: "ref", target: "comment-thread" },
    { column: "author_id", property: "schema:author", kind: "ref", target: "user", optional: true },
    { column: "body", property: "schema:text", kind: "text" },
    CREATED_AT,
    { column: "edited_at", property: "cb:editedAt", kind: "timestamp", optional: true },
    VERSION,
  ],
});

export const commentEditsMapper = defineTable({
  table: "comment_edits",
  prefix: "comment-edit",
  key: ["id"],
  type: () => "cb:CommentEdit",
  fields: [
    { column: "comment_id", property: "cb:comment", kind: "ref", target: "comment" },
    { column: "body", property: "schema:text", kind: "text" },
    { column: "replaced_at", property: "cb:replacedAt", kind: "timestamp" },
  ],
});

export const commentMentionsMapper = defineTable({
  table: "comment_mentions",
  prefix: "comment-mention",
  key: ["comment_id", "user_id"],
  type: () => "cb:Mention",
  fields: [
    { column: "comment_id", property: "cb:comment", kind: "ref", target: "comment" },
    { column: "user_id", property: "schema:mentions", kind: "ref", target: "user" },
  ],
});
