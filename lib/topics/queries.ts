import "server-only";
import { z } from "zod";
import { readDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { topicsFilterSchema, topicsFilterSql } from "@/lib/topics/filters";
import type { Stance } from "@/lib/generated/prisma/enums";
import { topicSnapshot } from "@/lib/topics/form";
import { lastSavedBy } from "@/lib/forms/saved-by";

export interface TopicListRow {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  total: number;
  stances: Record<Stance, number>;
}

export const TOPICS_PAGE_SIZE = 50;

export interface TopicList {
  rows: TopicListRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** Only the page's topics are counted (through the topic index), not every claim. */
export async function listTopics(filters: z.infer<typeof topicsFilterSchema> & { page?: number }, prisma: Db = readDb()): Promise<TopicList> {
  const where = topicsFilterSql(filters);
  const page = filters.page ?? 1;
  const rows = await prisma.$queryRaw<(Omit<TopicListRow, "stances"> & Record<Stance, number> & { matching: number })[]>`
    WITH listed AS (
        SELECT t.id, t.slug, t.title, t.description, (count(*) OVER ())::int AS matching
        FROM topics t WHERE ${where}
        ORDER BY t.title, t.id LIMIT ${TOPICS_PAGE_SIZE} OFFSET ${(page - 1) * TOPICS_PAGE_SIZE}
      )
      SELECT listed.*, counted.* FROM listed CROSS JOIN LATERAL (
        SELECT count(*)::int AS total,
          count(*) FILTER (WHERE c.stance = 'supports')::int AS supports,
          count(*) FILTER (WHERE c.stance = 'opposes')::int AS opposes,
          count(*) FILTER (WHERE c.stance = 'neutral')::int AS neutral,
          count(*) FILTER (WHERE c.stance = 'unclear')::int AS unclear
        FROM claims c WHERE c.topic_id = listed.id AND c.withdrawn_at IS NULL
      ) counted
      ORDER BY listed.title, listed.id`;
  const total = rows[0]?.matching ?? (page > 1 ? await countTopics(prisma, where) : 0);
  return {
    rows: rows.map(({ supports, opposes, neutral, unclear, matching: _matching, ...row }) => ({ ...row, stances: { supports, opposes, neutral, unclear } })),
    total,
    page,
    pageSize: TOPICS_PAGE_SIZE,
  };
}

/** For a page past the end, which has no row to carry the count. */
async function countTopics(prisma: Db, where: Prisma.Sql): Promise<number> {
  const [{ count }] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM topics t WHERE ${where}`;
  return count;
}

export async function getTopicDetail(id: number, prisma: Db = readDb()) {
  const topic = await prisma.topic.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      version: true,
      title: true,
      description: true,
      claims: {
        orderBy: [{ stance: "asc" }, { sourceId: "asc" }, { startOffset: "asc" }],
        select: {
          id: true,
          quote: true,
          stance: true,
          status: true,
          credibility: true,
          citedVia: true,
          attribution: true,
          speaker: { select: { id: true, name: true } },
          source: { select: { slug: true, title: true, reliability: true } },
        },
      },
    },
  });
  if (!topic) return null;
  return { topic, snapshot: topicSnapshot(topic, await lastSavedBy(prisma, "topic", id)) };
}
