// An editor's decision on a proposed repost: versioned (a stale decision is refused with the other
// editor's), audited in the same transaction. Re-detection (detect.ts) never changes the status again.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getForEditOrThrow, versionedUpdate, type VersionedRecord } from "@/lib/forms/versioned-update";
import type { DecideSourceReuseInput } from "@/lib/reuse/schema";

const decisionFields = {
  id: true,
  sourceId: true,
  originalId: true,
  share: true,
  attributed: true,
  status: true,
  decidedById: true,
  decidedAt: true,
  version: true,
} satisfies Prisma.SourceReuseSelect;
type DecidedReuse = Prisma.SourceReuseGetPayload<{ select: typeof decisionFields }>;

const reuseDecision: VersionedRecord<DecidedReuse, Prisma.SourceReuseUncheckedUpdateManyInput> = {
  entity: "source_reuse",
  noun: "repost",
  notFound: "That repost is no longer on record (one of its sources was deleted, or a re-run withdrew it).",
  conflictMessage: "Someone else decided on this repost after you opened the page. Their decision is shown; yours was not saved.",
  model: (tx) => tx.sourceReuse,
  load: (tx, id) => tx.sourceReuse.findUnique({ where: { id }, select: decisionFields }),
  current: (row, saved) => ({ status: row.status, version: row.version, ...saved }),
  auditView: (row) => ({ sourceId: row.sourceId, originalId: row.originalId, share: row.share, attributed: row.attributed, status: row.status }),
  auditWholeRecord: true,
};

export async function decideSourceReuse(prisma: Db, input: DecideSourceReuseInput, user: { id: number }) {
  return prisma.$transaction(async (tx) => {
    const before = await getForEditOrThrow(tx, reuseDecision, input.id, input.version);
    return versionedUpdate(tx, reuseDecision, {
      before,
      version: input.version,
      data: { status: input.status, decidedById: user.id, decidedAt: new Date() },
      userId: user.id,
      action: input.status === "confirmed" ? "confirm" : "dismiss",
    });
  });
}
