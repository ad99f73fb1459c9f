// Actor writes: edit, inline creation from the claim editor, and merge. Every changed
// record gets one audit event in the same transaction.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { ConflictError, NotFoundError, ValidationError, type DomainError } from "@/lib/errors";
import { canonicalActorKey, guessActorKind } from "@/lib/extract/actors";
import type { FormSnapshot } from "@/lib/forms/snapshot";
import { lastSavedBy } from "@/lib/forms/saved-by";
import type { MergeActorsInput, UpdateActorInput } from "@/lib/actors/schema";

type Tx = Prisma.TransactionClient;

export const ACTOR_FORM_FIELDS = ["name", "kind", "aliases", "notes"] as const;
export const ACTOR_FIELD_LABELS: Record<(typeof ACTOR_FORM_FIELDS)[number], string> = {
  name: "Name",
  kind: "Kind",
  aliases: "Aliases",
  notes: "Notes",
};

export const ACTOR_KIND_LABELS: Record<string, string> = {
  person: "Person",
  organization: "Organization",
  government_body: "Government body",
  media_outlet: "Media outlet",
  court: "Court",
  other: "Other",
};

const actorSelect = { id: true, version: true, name: true, kind: true, aliases: true, notes: true, normalizedName: true } satisfies Prisma.ActorSelect;
type ActorRow = Prisma.ActorGetPayload<{ select: typeof actorSelect }>;

export function actorSnapshot(actor: Omit<ActorRow, "normalizedName">, saved: { savedBy?: string | null; savedAt?: string | null } = {}): FormSnapshot {
  return {
    version: actor.version,
    values: { name: actor.name, kind: actor.kind, aliases: actor.aliases.join("\n"), notes: actor.notes ?? "" },
    labels: { kind: ACTOR_KIND_LABELS[actor.kind] ?? actor.kind },
    ...saved,
  };
}

async function conflict(tx: Tx, id: number): Promise<DomainError> {
  const current = await tx.actor.findUnique({ where: { id }, select: actorSelect });
  if (!current) return new NotFoundError("That actor no longer exists (was it merged into another?).");
  return new ConflictError(
    "Someone else saved this actor while you were editing it. Their changes are shown below; nothing of yours was saved yet.",
    actorSnapshot(current, await lastSavedBy(tx, "actor", id)),
  );
}

/**
 * The actor a typed name denotes: same dedup key as the seed ("Mr. Baqri" finds "Baqri"), or
 * a recorded alias; otherwise a new actor, so a speaker typed twice is one actor.
 */
export async function findOrCreateActor(tx: Tx, name: string, user: { id: number }): Promise<{ id: number; created: boolean }> {
  const display = name.trim().replace(/\s+/g, " ");
  const key = canonicalActorKey(display);
  if (!key) throw new ValidationError("Some fields need attention.", { newSpeakerName: ["Type a name with at least one letter or digit"] });
  const existing =
    (await tx.actor.findUnique({ where: { normalizedName: key }, select: { id: true } })) ??
    (await tx.actor.findFirst({ where: { aliases: { has: display } }, select: { id: true } }));
  if (existing) return { id: existing.id, created: false };
  const actor = await tx.actor.create({
    data: { name: display, normalizedName: key, kind: guessActorKind(display) },
    select: { id: true, name: true, kind: true, normalizedName: true },
  });
  await recordAudit(tx, { userId: user.id, entityType: "actor", entityId: actor.id, action: "create", after: actor });
  return { id: actor.id, created: true };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return { before: Object.fromEntries(keys.map((key) => [key, before[key]])), after: Object.fromEntries(keys.map((key) => [key, after[key]])), changed: keys.length > 0 };
}

export async function updateActor(prisma: Db, input: UpdateActorInput, user: { id: number }): Promise<{ changed: boolean; snapshot: FormSnapshot }> {
  return prisma.$transaction(async (tx) => {
    const actor = await tx.actor.findUnique({ where: { id: input.id }, select: actorSelect });
    if (!actor) throw new NotFoundError("That actor no longer exists (was it merged into another?).");
    if (actor.version !== input.version) throw await conflict(tx, actor.id);
    const normalizedName = canonicalActorKey(input.name);
    if (!normalizedName) throw new ValidationError("Some fields need attention.", { name: ["The name needs at least one letter or digit"] });
    const aliases = input.aliases.filter((alias) => alias !== input.name);
    const before = { name: actor.name, kind: actor.kind, aliases: actor.aliases, notes: actor.notes };
    const after = { name: input.name, kind: input.kind, aliases, notes: input.notes };
    const change = diff(before, after);
    if (!change.changed) return { changed: false, snapshot: actorSnapshot(actor) };
    const clash = await tx.actor.findFirst({ where: { normalizedName, id: { not: actor.id } }, select: { id: true, name: true } });
    if (clash) {
      throw new ValidationError("Some fields need attention.", {
        name: [`“${clash.name}” (#${clash.id}) already has this name; merge the two actors instead`],
      });
    }
    const updated = await tx.actor.updateMany({
      where: { id: actor.id, version: input.version },
      data: { ...after, normalizedName, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflict(tx, actor.id);
    await recordAudit(tx, { userId: user.id, entityType: "actor", entityId: actor.id, action: "update", before: change.before, after: change.after });
    return { changed: true, snapshot: actorSnapshot({ ...actor, ...after, version: actor.version + 1 }) };
  });
}

export interface MergeResult {
  keptId: number;
  claimsMoved: number;
  aliases: string[];
}

/**
 * Folds one actor into another: every claim of the merged actor moves to the kept one (and
 * its version goes up, so a re-seed keeps the editor's choice), the merged actor's name and
 * aliases become aliases of the kept one, and the merged actor is deleted.
 */
export async function mergeActors(prisma: Db, input: MergeActorsInput, user: { id: number }): Promise<MergeResult> {
  return prisma.$transaction(async (tx) => {
    const kept = await tx.actor.findUnique({ where: { id: input.keptId }, select: actorSelect });
    if (!kept) throw new NotFoundError("That actor no longer exists (was it merged into another?).");
    if (kept.version !== input.keptVersion) throw await conflict(tx, kept.id);
    const merged = await tx.actor.findUnique({ where: { id: input.mergedId }, select: actorSelect });
    if (!merged) throw new ValidationError("Some fields need attention.", { mergedId: ["That actor no longer exists; choose another"] });

    const claims = await tx.claim.findMany({ where: { speakerId: merged.id }, select: { id: true }, orderBy: { id: "asc" } });
    if (claims.length > 0) {
      await tx.claim.updateMany({ where: { speakerId: merged.id }, data: { speakerId: kept.id, version: { increment: 1 } } });
    }
    for (const claim of claims) {
      await recordAudit(tx, {
        userId: user.id, entityType: "claim", entityId: claim.id, action: "speaker_merged",
        before: { speakerId: merged.id, speaker: merged.name }, after: { speakerId: kept.id, speaker: kept.name },
      });
    }

    const aliases = [...new Set([...kept.aliases, merged.name, ...merged.aliases])].filter((alias) => alias !== kept.name);
    const notes = [kept.notes, merged.notes ? `From ${merged.name}: ${merged.notes}` : null].filter(Boolean).join("\n\n") || null;
    await tx.actor.delete({ where: { id: merged.id } });
    await recordAudit(tx, {
      userId: user.id, entityType: "actor", entityId: merged.id, action: "merged_into",
      before: { name: merged.name, kind: merged.kind, aliases: merged.aliases, notes: merged.notes }, after: { mergedInto: kept.id, keptName: kept.name },
    });
    const updated = await tx.actor.updateMany({ where: { id: kept.id, version: input.keptVersion }, data: { aliases, notes, version: { increment: 1 } } });
    if (updated.count === 0) throw await conflict(tx, kept.id);
    await recordAudit(tx, {
      userId: user.id, entityType: "actor", entityId: kept.id, action: "merge",
      before: { aliases: kept.aliases, notes: kept.notes },
      after: { aliases, notes, merged: { id: merged.id, name: merged.name }, claimsMoved: claims.length },
    });
    return { keptId: kept.id, claimsMoved: claims.length, aliases };
  }, { timeout: 30_000, maxWait: 10_000 });
}
