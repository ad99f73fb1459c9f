// Topic writes. Every changed topic gets one audit event in the same transaction.
import type { Db } from "@/lib/db/client";
import { slugify } from "@/lib/text/slug";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, ValidationError } from "@/lib/errors";
import { TOPIC_FORM_FIELDS, topicSnapshot } from "@/lib/topics/form";
import { auditView, columnValues, selectColumns } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { changesAny, getForEditOrThrow, versionedUpdate, type VersionedRecord } from "@/lib/forms/versioned-update";
import type { CreateTopicInput, UpdateTopicInput } from "@/lib/topics/schema";

type Tx = Prisma.TransactionClient;

export function topicSlug(title: string): string {
  return slugify(title) || "topic";
}

async function freeSlug(tx: Tx, title: string): Promise<string> {
  const base = topicSlug(title);
  const taken = new Set((await tx.topic.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((topic) => topic.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

interface CreatedTopic {
  id: number;
  slug: string;
  title: string;
  description: string | null;
  /** False when another transaction committed a topic with this title while this one was inserting. */
  created: boolean;
}

/**
 * Under a free slug. Two editors creating the same topic at once: the second insert waits for the
 * first transaction, then finds the slug taken, and the topic the first made is the one to use.
 */
async function createInTransaction(tx: Tx, input: CreateTopicInput, user: { id: number }): Promise<CreatedTopic> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [topic] = await tx.$queryRaw<Omit<CreatedTopic, "created">[]>`
      INSERT INTO topics (slug, title, description, updated_at) VALUES (${await freeSlug(tx, input.title)}, ${input.title}, ${input.description}, now())
      ON CONFLICT (slug) DO NOTHING
      RETURNING id, slug, title, description`;
    if (topic) {
      await recordAudit(tx, { userId: user.id, entityType: "topic", entityId: topic.id, action: "create", after: topic });
      return { ...topic, created: true };
    }
    const same = await tx.topic.findFirst({
      where: { title: { equals: input.title, mode: "insensitive" } },
      select: { id: true, slug: true, title: true, description: true },
    });
    if (same) return { ...same, created: false };
  }
  throw new ConflictError("Topics with titles like this one were being created at the same moment; save again.");
}

/** Ignores case, so typing a title twice makes one topic. */
export async function findOrCreateTopic(tx: Tx, title: string, user: { id: number }): Promise<{ id: number; created: boolean }> {
  const trimmed = title.trim().replace(/\s+/g, " ");
  const existing = await tx.topic.findFirst({ where: { title: { equals: trimmed, mode: "insensitive" } }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const topic = await createInTransaction(tx, { title: trimmed, description: null }, user);
  return { id: topic.id, created: topic.created };
}

export async function createTopic(prisma: Db, input: CreateTopicInput, user: { id: number }): Promise<{ id: number; slug: string }> {
  return prisma.$transaction(async (tx) => {
    const clash = () => new ValidationError("Some fields need attention.", { title: ["A topic with this title already exists"] });
    const existing = await tx.topic.findFirst({ where: { title: { equals: input.title, mode: "insensitive" } }, select: { id: true } });
    if (existing) throw clash();
    const topic = await createInTransaction(tx, input, user);
    if (!topic.created) throw clash();
    return { id: topic.id, slug: topic.slug };
  });
}

const topicSelect = { id: true, version: true, ...selectColumns(TOPIC_FORM_FIELDS) } satisfies Prisma.TopicSelect;
type TopicRow = Prisma.TopicGetPayload<{ select: typeof topicSelect }>;

const topicRecord: VersionedRecord<TopicRow, Prisma.TopicUncheckedUpdateManyInput> = {
  entity: "topic",
  noun: "topic",
  notFound: "That topic no longer exists.",
  model: (tx) => tx.topic,
  load: (tx, id) => tx.topic.findUnique({ where: { id }, select: topicSelect }),
  current: topicSnapshot,
  auditView: (topic) => auditView(TOPIC_FORM_FIELDS, topic),
};

export async function updateTopic(prisma: Db, input: UpdateTopicInput, user: { id: number }): Promise<{ changed: boolean; snapshot: FormSnapshot }> {
  return prisma.$transaction(async (tx) => {
    const topic = await getForEditOrThrow(tx, topicRecord, input.id, input.version);
    const next = columnValues(TOPIC_FORM_FIELDS, input);
    if (!changesAny(topic, next)) return { changed: false, snapshot: topicSnapshot(topic) };
    const clash = await tx.topic.findFirst({
      where: { id: { not: topic.id }, title: { equals: input.title, mode: "insensitive" } },
      select: { id: true },
    });
    if (clash) throw new ValidationError("Some fields need attention.", { title: ["Another topic already has this title"] });
    const after = await versionedUpdate(tx, topicRecord, { before: topic, version: input.version, data: next, userId: user.id, action: "update" });
    return { changed: true, snapshot: topicSnapshot(after) };
  });
}
