// The one versioned edit (optimistic concurrency on a `version` column), inside the caller's transaction:
// a stale save is refused with what is stored now and who saved it; one that goes through is audited.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit, type AuditEntity, type AuditGroup } from "@/lib/audit/record";
import { ConflictError, NotFoundError, type DomainError } from "@/lib/errors";
import { lastSavedBy } from "@/lib/forms/saved-by";

type Tx = Prisma.TransactionClient;
type SavedBy = Awaited<ReturnType<typeof lastSavedBy>>;
type Versioned = { id: number; version: number };

interface VersionedModel<Data> {
  updateMany(args: { where: { id: number; version: number }; data: Data & { version: { increment: number } } }): PromiseLike<{ count: number }>;
}

export interface VersionedRecord<Row extends Versioned, Data> {
  entity: AuditEntity;
  noun: string;
  notFound: string;
  model(tx: Tx): VersionedModel<Data>;
  load(tx: Tx, id: number): Promise<Row | null>;
  /** What a refused save reports as stored now. */
  current(row: Row, saved: SavedBy): unknown;
  auditView(row: Row): Record<string, unknown>;
  /** A sentence of the record's own instead of the editing one (a review is not an edit). */
  conflictMessage?: string;
  auditWholeRecord?: boolean;
}

export function conflictSentence(noun: string): string {
  return `Someone else saved this ${noun} while you were editing it. Their changes are shown below; nothing of yours was saved yet.`;
}

export async function conflictError<Row extends Versioned, Data>(tx: Tx, record: VersionedRecord<Row, Data>, id: number, stored?: Row): Promise<DomainError> {
  const current = stored ?? (await record.load(tx, id));
  if (!current) return new NotFoundError(record.notFound);
  return new ConflictError(record.conflictMessage ?? conflictSentence(record.noun), record.current(current, await lastSavedBy(tx, record.entity, id)));
}

/** With the form's version, a stale save is refused before any other work; without it, only when writing. */
export async function getForEditOrThrow<Row extends Versioned, Data>(tx: Tx, record: VersionedRecord<Row, Data>, id: number, version?: number): Promise<Row> {
  const row = await record.load(tx, id);
  if (!row) throw new NotFoundError(record.notFound);
  if (version !== undefined && row.version !== version) throw await conflictError(tx, record, id, row);
  return row;
}

function same(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

export function changesAny(row: object, data: Record<string, unknown>): boolean {
  return Object.keys(data).some((key) => !same((row as Record<string, unknown>)[key], data[key]));
}

export function changedOnly(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((key) => !same(before[key], after[key]));
  return { before: Object.fromEntries(keys.map((key) => [key, before[key]])), after: Object.fromEntries(keys.map((key) => [key, after[key]])) };
}

/** Writes `data` only if the record is still at `version`, raising it; otherwise refuses with what is stored now. */
export async function versionedWrite<Row extends Versioned, Data>(
  tx: Tx,
  record: VersionedRecord<Row, Data>,
  id: number,
  version: number,
  data: Data,
): Promise<void> {
  const { count } = await record.model(tx).updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw await conflictError(tx, record, id);
}

export async function versionedUpdate<Row extends Versioned, Data>(
  tx: Tx,
  record: VersionedRecord<Row, Data>,
  change: { before: Row; version: number; data: Data; userId: number; action: string | ((before: Row, after: Row) => string); group?: AuditGroup },
): Promise<Row> {
  const { before, version, data, userId, action, group } = change;
  await versionedWrite(tx, record, before.id, version, data);
  const after = await record.load(tx, before.id);
  if (!after) throw new NotFoundError(record.notFound);
  const [was, now] = [record.auditView(before), record.auditView(after)];
  await recordAudit(tx, {
    userId,
    entityType: record.entity,
    entityId: before.id,
    action: typeof action === "string" ? action : action(before, after),
    ...(record.auditWholeRecord ? { before: was, after: now } : changedOnly(was, now)),
    ...group,
  });
  return after;
}
