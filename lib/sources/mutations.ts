// Source metadata writes, with optimistic concurrency and one audit event per change.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SOURCE_FORM_FIELDS, sourceSnapshot } from "@/lib/sources/form";
import { auditView, columnValues, selectColumns } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { changesAny, getForEditOrThrow, versionedUpdate, type VersionedRecord } from "@/lib/forms/versioned-update";
import type { UpdateSourceInput } from "@/lib/sources/schema";

const sourceSelect = { id: true, version: true, ...selectColumns(SOURCE_FORM_FIELDS) } satisfies Prisma.SourceSelect;
type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

const sourceRecord: VersionedRecord<SourceRow, Prisma.SourceUncheckedUpdateManyInput> = {
  entity: "source",
  noun: "source",
  notFound: "That source no longer exists.",
  model: (tx) => tx.source,
  load: (tx, id) => tx.source.findUnique({ where: { id }, select: sourceSelect }),
  current: sourceSnapshot,
  auditView: (source) => auditView(SOURCE_FORM_FIELDS, source),
};

export async function updateSource(prisma: Db, input: UpdateSourceInput, user: { id: number }): Promise<{ changed: boolean; snapshot: FormSnapshot }> {
  return prisma.$transaction(async (tx) => {
    const source = await getForEditOrThrow(tx, sourceRecord, input.id, input.version);
    const next = columnValues(SOURCE_FORM_FIELDS, input);
    if (!changesAny(source, next)) return { changed: false, snapshot: sourceSnapshot(source) };
    const after = await versionedUpdate(tx, sourceRecord, { before: source, version: input.version, data: next, userId: user.id, action: "update" });
    return { changed: true, snapshot: sourceSnapshot(after) };
  });
}
