import "server-only";
import { z } from "zod";
import { db, type Db } from "@/lib/db/client";
import { topicsFilterSchema, topicsFilterSql } from "@/lib/export/list-filters";
import type { Stance } from "@/lib/generated/prisma/enums";
import { topicSnapshot } from "@/lib/topics/mutations";
import { lastSavedBy } from "@/lib/forms/saved-by";

export interface TopicListRow {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  total: number;
  stances: Record<Stance, number>;
}

/** Topics with their claims counted by stance, filtered as the CSV export is. */
export async function listTopics(filters: z.infer<typeof topicsFilterSchema>, prisma: Db = db()): Promise<TopicListRow[]> {
  const where = topicsFilterSql(filters);
  const rows = await prisma.$queryRawUnsafe<(Omit<TopicListRow, "stances"> & Record<Stance, number>)[]>(
    `SELECT t.id, t.slug, t.title, t.description,
        count(c.id)::int AS total,
        count(c.id) FILTER (WHERE c.stance = 'supports')::int AS supports,
        count(c.id) FILTER (WHERE c.stance = 'opposes')::int AS opposes,
        count(c.id) FILTER (WHERE c.stance = 'neutral')::int AS neutral,
        count(c.id) FILTER (WHERE c.stance = 'unclear')::int AS unclear
      FROM topics t LEFT JOIN claims c ON c.topic_id = t.id
      WHERE ${where.sql}
      GROUP BY t.id ORDER BY t.title`,
    ...where.values,
  );
  return rows.map(({ supports, opposes, neutral, unclear, ...row }) => ({ ...row, stances: { supports, opposes, neutral, unclear } }));
}

export async function getTopicDetail(id: number, prisma: Db = db()) {
  const topic = await prisma.topic.findUnique({
    where: { id },
    select: {
      id: true, slug: true, version: true, title: true, description: true,
      claims: {
        orderBy: [{ stance: "asc" }, { sourceId: "asc" }, { startOffset: "asc" }],
        select: {
          id: true, quote: true, stance: true, status: true, credibility: true, citedVia: true, attribution: true,
          speaker: { select: { id: true, name: true } }, source: { select: { slug: true, title: true, reliability: true } },
        },
      },
    },
  });
  if (!topic) return null;
  return { topic, snapshot: topicSnapshot(topic, await lastSavedBy(prisma, "topic", id)) };
}
