// Actor writes: edit, inline creation from the claim editor, and merge. Every changed
// record gets one audit event in the same transaction.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorKind } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditGroup } from "@/lib/audit/record";
import { changedSinceError, sameValue } from "@/lib/undo/changed-since";
import { ConflictError, ValidationError } from "@/lib/errors";
import { canonicalActorKey, guessActorKind } from "@/lib/extract/actors";
import { ACTOR_FORM_FIELDS, actorSnapshot } from "@/lib/actors/form";
import { auditView, columnValues, selectColumns } from "@/lib/forms/fields";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { changesAny, getForEditOrThrow, versionedUpdate, versionedWrite, type VersionedRecord } from "@/lib/forms/versioned-update";
import type { MergeActorsInput, UpdateActorInput } from "@/lib/actors/schema";

type Tx = Prisma.TransactionClient;

const actorSelect = { id: true, version: true, ...selectColumns(ACTOR_FORM_FIELDS) } satisfies Prisma.ActorSelect;
type ActorRow = Prisma.ActorGetPayload<{ select: typeof actorSelect }>;

const actorRecord: VersionedRecord<ActorRow, Prisma.ActorUncheckedUpdateManyInput> = {
  entity: "actor",
  noun: "actor",
  notFound: "That actor no longer exists (was it merged into another?).",
  model: (tx) => tx.actor,
  load: (tx, id) => tx.actor.findUnique({ where: { id }, select: actorSelect }),
  current: actorSnapshot,
  auditView: (actor) => auditView(ACTOR_FORM_FIELDS, actor),
};

/**
 * Same dedup key as the seed ("Mr. Baqri" finds "Baqri"), so a speaker typed twice is one actor.
 * Two editors typing the same new speaker at once get one actor: the second insert waits for the
 * first transaction and, once it commits, inserts nothing and uses the actor it made.
 */
export async function findOrCreateActor(tx: Tx, name: string, user: { id: number }): Promise<{ id: number; created: boolean }> {
  const display = name.trim().replace(/\s+/g, " ");
  const key = canonicalActorKey(display);
  if (!key) throw new ValidationError("Some fields need attention.", { newSpeakerName: ["Type a name with at least one letter or digit"] });
  const existing =
    (await tx.actor.findUnique({ where: { normalizedName: key }, select: { id: true } })) ??
    (await tx.actor.findFirst({ where: { aliases: { has: display } }, select: { id: true } }));
  if (existing) return { id: existing.id, created: false };
  const [actor] = await tx.$queryRaw<{ id: number; name: string; kind: ActorKind; normalizedName: string }[]>`
    INSERT INTO actors (name, normalized_name, kind, updated_at) VALUES (${display}, ${key}, ${guessActorKind(display)}::actor_kind, now())
    ON CONFLICT (normalized_name) DO NOTHING
    RETURNING id, name, kind::text AS kind, normalized_name AS "normalizedName"`;
  if (!actor) return { id: (await tx.actor.findUniqueOrThrow({ where: { normalizedName: key }, select: { id: true } })).id, created: false };
  await recordAudit(tx, { userId: user.id, entityType: "actor", entityId: actor.id, action: "create", after: actor });
  return { id: actor.id, created: true };
}

export async function updateActor(prisma: Db, input: UpdateActorInput, user: { id: number }): Promise<{ changed: boolean; snapshot: FormSnapshot }> {
  return prisma.$transaction(async (tx) => {
    const actor = await getForEditOrThrow(tx, actorRecord, input.id, input.version);
    const normalizedName = canonicalActorKey(input.name);
    if (!normalizedName) throw new ValidationError("Some fields need attention.", { name: ["The name needs at least one letter or digit"] });
    const next = { ...columnValues(ACTOR_FORM_FIELDS, input), aliases: input.aliases.filter((alias) => alias !== input.name) };
    if (!changesAny(actor, next)) return { changed: false, snapshot: actorSnapshot(actor) };
    const clash = await tx.actor.findFirst({ where: { normalizedName, id: { not: actor.id } }, select: { id: true, name: true } });
    if (clash) {
      throw new ValidationError("Some fields need attention.", {
        name: [`“${clash.name}” (#${clash.id}) already has this name; merge the two actors instead`],
      });
    }
    const after = await versionedUpdate(tx, actorRecord, {
      before: actor,
      version: input.version,
      data: { ...next, normalizedName },
      userId: user.id,
      action: "update",
    });
    return { changed: true, snapshot: actorSnapshot(after) };
  });
}

export interface MergeResult {
  keptId: number;
  claimsMoved: number;
  aliases: string[];
  /** The merge's id for undo (lib/undo). */
  actionId: string;
}

/** Moved claims' versions go up, so a re-seed keeps the editor's choice; the merged name becomes an alias. */
export async function mergeActors(prisma: Db, input: MergeActorsInput, user: { id: number }): Promise<MergeResult> {
  return prisma.$transaction(
    async (tx) => {
      const kept = await getForEditOrThrow(tx, actorRecord, input.keptId, input.keptVersion);
      const merged = await tx.actor.findUnique({ where: { id: input.mergedId }, select: actorSelect });
      if (!merged) throw new ValidationError("Some fields need attention.", { mergedId: ["That actor no longer exists; choose another"] });

      const actionId = randomUUID();
      const claims = await tx.claim.findMany({ where: { speakerId: merged.id }, select: { id: true }, orderBy: { id: "asc" } });
      if (claims.length > 0) {
        await tx.claim.updateMany({ where: { speakerId: merged.id }, data: { speakerId: kept.id, version: { increment: 1 } } });
      }
      for (const claim of claims) {
        await recordAudit(tx, {
          userId: user.id,
          entityType: "claim",
          entityId: claim.id,
          action: "speaker_merged",
          actionId,
          before: { speakerId: merged.id, speaker: merged.name },
          after: { speakerId: kept.id, speaker: kept.name },
        });
      }

      const aliases = [...new Set([...kept.aliases, merged.name, ...merged.aliases])].filter((alias) => alias !== kept.name);
      const notes = [kept.notes, merged.notes ? `From ${merged.name}: ${merged.notes}` : null].filter(Boolean).join("\n\n") || null;
      await tx.actor.delete({ where: { id: merged.id } });
      await recordAudit(tx, {
        userId: user.id,
        entityType: "actor",
        entityId: merged.id,
        action: "merged_into",
        actionId,
        before: { name: merged.name, kind: merged.kind, aliases: merged.aliases, notes: merged.notes },
        after: { mergedInto: kept.id, keptName: kept.name },
      });
      await versionedWrite(tx, actorRecord, kept.id, input.keptVersion, { aliases, notes });
      await recordAudit(tx, {
        userId: user.id,
        entityType: "actor",
        entityId: kept.id,
        action: "merge",
        actionId,
        before: { aliases: kept.aliases, notes: kept.notes },
        after: { aliases, notes, merged: { id: merged.id, name: merged.name }, claimsMoved: claims.length },
      });
      return { keptId: kept.id, claimsMoved: claims.length, aliases, actionId };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** The events one merge wrote (lib/undo reads them from the audit trail). */
export interface RecordedMerge {
  keptId: number;
  /** The kept actor's "merge" event. */
  kept: { before: { aliases: string[]; notes: string | null }; after: { aliases: string[]; notes: string | null } };
  mergedId: number;
  /** The merged actor's "merged_into" event: the actor as it was. */
  merged: { name: string; kind: ActorKind; aliases: string[]; notes: string | null };
}

/**
 * Undo of a merge, before its claims are pointed back (revertClaimChange): the merged actor comes back with its
 * id, name, kind, aliases and notes, and the kept actor's aliases and notes are put back through the versioned update.
 */
export async function revertActorMerge(tx: Tx, merge: RecordedMerge, user: { id: number }, group: AuditGroup): Promise<void> {
  const kept = await getForEditOrThrow(tx, actorRecord, merge.keptId);
  if (!sameValue(kept.aliases, merge.kept.after.aliases) || !sameValue(kept.notes, merge.kept.after.notes)) {
    throw await changedSinceError(tx, "actor", kept.id, `actor “${kept.name}”`);
  }
  const normalizedName = canonicalActorKey(merge.merged.name);
  const clash = await tx.actor.findFirst({ where: { OR: [{ id: merge.mergedId }, { normalizedName }] }, select: { id: true, name: true } });
  if (clash) {
    throw new ConflictError(
      `Cannot undo: an actor named “${clash.name}” (#${clash.id}) exists now, so “${merge.merged.name}” cannot come back. Nothing was undone.`,
    );
  }
  const restored = await tx.actor.create({
    data: { id: merge.mergedId, ...merge.merged, normalizedName },
    select: { id: true, ...selectColumns(ACTOR_FORM_FIELDS) },
  });
  await recordAudit(tx, { userId: user.id, entityType: "actor", entityId: restored.id, action: "undo", after: restored, ...group });
  await versionedUpdate(tx, actorRecord, { before: kept, version: kept.version, data: merge.kept.before, userId: user.id, action: "undo", group });
}
