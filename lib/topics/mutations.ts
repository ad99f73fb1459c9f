// Topic writes. Every changed topic gets one audit event in the same transaction.
import type { Db } from "@/lib/db/client";
import { slugify as slugifyText } from "@/lib/text/slug";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError, ValidationError, type DomainError } from "@/lib/errors";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { lastSavedBy } from "@/lib/forms/saved-by";
import type { CreateTopicInput, UpdateTopicInput } from "@/lib/topics/schema";

type Tx = Prisma.TransactionClient;

export const TOPIC_FORM_FIELDS = ["title", "description"] as const;
export const TOPIC_FIELD_LABELS: Record<(typeof TOPIC_FORM_FIELDS)[number], string> = { title: "Title", description: "Description" };

/** "Who founded the MQM, and when?" → "who-founded-the-mqm-and-when". */
export function slugify(title: string): string {
  return slugifyText(title) || "topic";
}

async function freeSlug(tx: Tx, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set((await tx.topic.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((topic) => topic.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function createInTransaction(tx: Tx, input: CreateTopicInput, user: { id: number }) {
  const topic = await tx.topic.create({
    data: { title: input.title, description: input.description, slug: await freeSlug(tx, input.title) },
    select: { id: true, slug: true, title: true, description: true },
  });
  await recordAudit(tx, { userId: user.id, entityType: "topic", entityId: topic.id, action: "create", after: topic });
  return topic;
}

/** The topic with this title (ignoring case), or a new one: typing a title twice makes one topic. */
export async function findOrCreateTopic(tx: Tx, title: string, user: { id: number }): Promise<{ id: number; created: boolean }> {
  const trimmed = title.trim().replace(/\s+/g, " ");
  const existing = await tx.topic.findFirst({ where: { title: { equals: trimmed, mode: "insensitive" } }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const topic = await createInTransaction(tx, { title: trimmed, description: null }, user);
  return { id: topic.id, created: true };
}

export async function createTopic(prisma: Db, input: CreateTopicInput, user: { id: number }): Promise<{ id: number; slug: string }> {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.topic.findFirst({ where: { title: { equals: input.title, mode: "insensitive" } }, select: { id: true } });
    if (existing) throw new ValidationError("Some fields need attention.", { title: ["A topic with this title already exists"] });
    return createInTransaction(tx, input, user);
  });
}

type TopicRow = { id: number; version: number; title: string; description: string | null };

export function topicSnapshot(topic: TopicRow, saved: { savedBy?: string | null; savedAt?: string | null } = {}): FormSnapshot {
  return { version: topic.version, values: { title: topic.title, description: topic.description ?? "" }, labels: {}, ...saved };
}

async function conflict(tx: Tx, id: number): Promise<DomainError> {
  const current = await tx.topic.findUnique({ where: { id }, select: { id: true, version: true, title: true, description: true } });
  if (!current) return new NotFoundError("That topic no longer exists.");
  return new ConflictError(
    "Someone else saved this topic while you were editing it. Their changes are shown below; nothing of yours was saved yet.",
    topicSnapshot(current, await lastSavedBy(tx, "topic", id)),
  );
}

export async function updateTopic(prisma: Db, input: UpdateTopicInput, user: { id: number }): Promise<{ changed: boolean; snapshot: FormSnapshot }> {
  return prisma.$transaction(async (tx) => {
    const topic = await tx.topic.findUnique({ where: { id: input.id }, select: { id: true, version: true, title: true, description: true } });
    if (!topic) throw new NotFoundError("That topic no longer exists.");
    if (topic.version !== input.version) throw await conflict(tx, topic.id);
    if (topic.title === input.title && topic.description === input.description) return { changed: false, snapshot: topicSnapshot(topic) };
    const clash = await tx.topic.findFirst({
      where: { id: { not: topic.id }, title: { equals: input.title, mode: "insensitive" } },
      select: { id: true },
    });
    if (clash) throw new ValidationError("Some fields need attention.", { title: ["Another topic already has this title"] });
    const updated = await tx.topic.updateMany({
      where: { id: topic.id, version: input.version },
      data: { title: input.title, description: input.description, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflict(tx, topic.id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (topic.title !== input.title) [before.title, after.title] = [topic.title, input.title];
    if (topic.description !== input.description) [before.description, after.description] = [topic.description, input.description];
    await recordAudit(tx, { userId: user.id, entityType: "topic", entityId: topic.id, action: "update", before, after });
    return { changed: true, snapshot: topicSnapshot({ ...topic, ...input, version: topic.version + 1 }) };
  });
}
