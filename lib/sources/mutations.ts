// Source metadata writes, with optimistic concurrency and one audit event per change.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError, type DomainError } from "@/lib/errors";
import { RELIABILITY_LABELS } from "@/lib/claims/labels";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { lastSavedBy } from "@/lib/forms/saved-by";
import type { UpdateSourceInput } from "@/lib/sources/schema";

type Tx = Prisma.TransactionClient;

export const SOURCE_FORM_FIELDS = ["title", "kind", "publisher", "author", "publishedDate", "url", "language", "reliability", "notes"] as const;
export const SOURCE_FIELD_LABELS: Record<(typeof SOURCE_FORM_FIELDS)[number], string> = {
  title: "Title",
  kind: "Kind",
  publisher: "Publisher",
  author: "Author",
  publishedDate: "Publication date",
  url: "URL",
  language: "Language",
  reliability: "Reliability",
  notes: "Notes",
};

export const SOURCE_KIND_LABELS: Record<string, string> = {
  news: "News",
  blog: "Blog",
  opinion: "Opinion",
  encyclopedia: "Encyclopedia",
  compilation: "Compilation",
  forum: "Forum",
  official_document: "Official document",
  court_record: "Court record",
  other: "Other",
};

const sourceSelect = {
  id: true, version: true, title: true, kind: true, publisher: true, author: true, publishedDate: true, url: true,
  language: true, reliability: true, notes: true,
} satisfies Prisma.SourceSelect;
type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

export function sourceSnapshot(source: SourceRow, saved: { savedBy?: string | null; savedAt?: string | null } = {}): FormSnapshot {
  return {
    version: source.version,
    values: {
      title: source.title,
      kind: source.kind,
      publisher: source.publisher ?? "",
      author: source.author ?? "",
      publishedDate: source.publishedDate ?? "",
      url: source.url ?? "",
      language: source.language,
      reliability: source.reliability,
      notes: source.notes ?? "",
    },
    labels: { kind: SOURCE_KIND_LABELS[source.kind] ?? source.kind, reliability: RELIABILITY_LABELS[source.reliability] ?? source.reliability },
    ...saved,
  };
}

async function conflict(tx: Tx, id: number): Promise<DomainError> {
  const current = await tx.source.findUnique({ where: { id }, select: sourceSelect });
  if (!current) return new NotFoundError("That source no longer exists.");
  return new ConflictError(
    "Someone else saved this source while you were editing it. Their changes are shown below; nothing of yours was saved yet.",
    sourceSnapshot(current, await lastSavedBy(tx, "source", id)),
  );
}

export async function updateSource(prisma: Db, input: UpdateSourceInput, user: { id: number }): Promise<{ changed: boolean; snapshot: FormSnapshot }> {
  return prisma.$transaction(async (tx) => {
    const source = await tx.source.findUnique({ where: { id: input.id }, select: sourceSelect });
    if (!source) throw new NotFoundError("That source no longer exists.");
    if (source.version !== input.version) throw await conflict(tx, source.id);
    const { id: _id, version: _version, ...next } = input;
    const keys = (Object.keys(next) as (keyof typeof next)[]).filter((key) => source[key] !== next[key]);
    if (keys.length === 0) return { changed: false, snapshot: sourceSnapshot(source) };
    const updated = await tx.source.updateMany({ where: { id: source.id, version: input.version }, data: { ...next, version: { increment: 1 } } });
    if (updated.count === 0) throw await conflict(tx, source.id);
    await recordAudit(tx, {
      userId: user.id, entityType: "source", entityId: source.id, action: "update",
      before: Object.fromEntries(keys.map((key) => [key, source[key]])),
      after: Object.fromEntries(keys.map((key) => [key, next[key]])),
    });
    return { changed: true, snapshot: sourceSnapshot({ ...source, ...next, version: source.version + 1 }) };
  });
}
