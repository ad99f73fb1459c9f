// The notifications the app's own writes cause, each called inside the transaction of its write:
// work assigned (lib/assignments/mutations.ts), a decided claim changed by someone else
// (lib/claims/mutations.ts) and new contradiction candidates against approved claims
// (lib/contradictions/detect.ts). Mentions and replies come from the discussion feature through notify().
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimStatus } from "@/lib/generated/prisma/enums";
import { describeChanges } from "@/lib/audit/describe";
import { clipText, deliverNotifications, notify, type OutgoingNotification } from "@/lib/notifications/notify";

type Tx = Prisma.TransactionClient;

/** A quote inside an excerpt: short enough that the sentence around it still shows. */
const quoted = (text: string) => `“${clipText(text, 100)}”`;
const plural = (count: number, noun: string) => `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;

export type AssignedWork = { kind: "claims"; ids: number[] } | { kind: "source"; id: number } | { kind: "contradiction"; id: number };

/** One notification per assignment action, however many claims it gave: "240 claims in “Dam report”". */
export async function notifyAssignment(tx: Tx, actorId: number, assigneeId: number, work: AssignedWork): Promise<void> {
  const base = { recipientIds: [assigneeId], actorId, kind: "assigned" as const };
  if (work.kind === "claims") {
    if (work.ids.length === 0) return;
    const bySource = await tx.$queryRaw<{ sourceId: number; title: string; claims: number; firstClaimId: number; quote: string }[]>`
      SELECT s.id AS "sourceId", s.title, count(*)::int AS claims, min(c.id) AS "firstClaimId", (array_agg(c.quote ORDER BY c.id))[1] AS quote
      FROM claims c JOIN sources s ON s.id = c.source_id
      WHERE c.id = ANY(${work.ids}::int[])
      GROUP BY s.id, s.title ORDER BY count(*) DESC, s.id`;
    const [largest] = bySource;
    if (!largest) return;
    const total = bySource.reduce((sum, row) => sum + row.claims, 0);
    if (total === 1) {
      await notify(tx, {
        ...base,
        entityType: "claim",
        entityId: largest.firstClaimId,
        excerpt: `A claim in ${quoted(largest.title)}: ${quoted(largest.quote)}`,
      });
      return;
    }
    const others = bySource.length > 1 ? ` and ${plural(bySource.length - 1, "other source")}` : "";
    await notify(tx, { ...base, entityType: "source", entityId: largest.sourceId, excerpt: `${plural(total, "claim")} in ${quoted(largest.title)}${others}` });
  } else if (work.kind === "source") {
    const source = await tx.source.findUniqueOrThrow({ where: { id: work.id }, select: { title: true } });
    await notify(tx, { ...base, entityType: "source", entityId: work.id, excerpt: `The source ${quoted(source.title)}` });
  } else {
    const pair = await tx.contradiction.findUniqueOrThrow({
      where: { id: work.id },
      select: { claimA: { select: { quote: true } }, claimB: { select: { quote: true } } },
    });
    await notify(tx, {
      ...base,
      entityType: "contradiction",
      entityId: work.id,
      excerpt: `Contradiction #${work.id}: ${quoted(pair.claimA.quote)} vs ${quoted(pair.claimB.quote)}`,
    });
  }
}

/** A claim as it stood before a change: who decided it, if anyone. */
export interface DecidedClaim {
  id: number;
  quote: string;
  status: ClaimStatus;
  reviewerId: number | null;
}

/** "Status: Approved → Rejected; Stance: Supports → Opposes", from the audit view of a claim before and after. */
export function describeClaimChange(before: Record<string, unknown>, after: Record<string, unknown>): string {
  return describeChanges("claim", before, after)
    .map((change) => `${change.field}: ${clipText(change.before, 60)} → ${clipText(change.after, 60)}`)
    .join("; ");
}

/**
 * Tells whoever approved or rejected these claims that `actorId` changed them: one notification per
 * decider per action (a bulk change of 300 claims is one item in each decider's inbox).
 */
export async function notifyDecidersOfChange(tx: Tx, actorId: number, claims: DecidedClaim[], change: string): Promise<void> {
  const byDecider = new Map<number, DecidedClaim[]>();
  for (const claim of claims) {
    if ((claim.status !== "approved" && claim.status !== "rejected") || claim.reviewerId === null || claim.reviewerId === actorId) continue;
    byDecider.set(claim.reviewerId, [...(byDecider.get(claim.reviewerId) ?? []), claim]);
  }
  const drafts: OutgoingNotification[] = [...byDecider].map(([recipientId, decided]) => {
    const [first] = decided as [DecidedClaim];
    const which =
      decided.length === 1
        ? `the claim you ${first.status}, ${quoted(first.quote)}`
        : `${plural(decided.length, "claim")} you decided, among them ${quoted(first.quote)}`;
    return { recipientId, actorId, kind: "changed", entityType: "claim", entityId: first.id, excerpt: `${change} — ${which}` };
  });
  await deliverNotifications(tx, drafts);
}

/**
 * After a detection run stored `createdIds`: one notification per user whose approved claims the new
 * candidates involve, summarising the run for them and linking to the strongest candidate. One
 * grouped query however many candidates the run made.
 */
export async function notifyCandidateApprovers(tx: Tx, createdIds: number[]): Promise<void> {
  if (createdIds.length === 0) return;
  const rows = await tx.$queryRaw<{ recipientId: number; candidates: number; claims: number; contradictionId: number; quote: string }[]>`
    SELECT c.reviewer_id AS "recipientId", count(DISTINCT x.id)::int AS candidates, count(DISTINCT c.id)::int AS claims,
      (array_agg(x.id ORDER BY x.score DESC, x.id))[1] AS "contradictionId", (array_agg(c.quote ORDER BY x.score DESC, x.id))[1] AS quote
    FROM contradictions x JOIN claims c ON c.id = x.claim_a_id OR c.id = x.claim_b_id
    WHERE x.id = ANY(${createdIds}::int[]) AND c.status = 'approved' AND c.reviewer_id IS NOT NULL
    GROUP BY c.reviewer_id ORDER BY c.reviewer_id`;
  await deliverNotifications(
    tx,
    rows.map((row) => ({
      recipientId: row.recipientId,
      actorId: null,
      kind: "candidate",
      entityType: "contradiction",
      entityId: row.contradictionId,
      excerpt:
        row.candidates === 1
          ? `A new candidate against the claim you approved, ${quoted(row.quote)}`
          : `${plural(row.candidates, "new candidate")} against ${plural(row.claims, "claim")} you approved; the strongest against ${quoted(row.quote)}`,
    })),
  );
}
