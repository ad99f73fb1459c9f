// Origin counts per proposition, kept in proposition_origins so that lists, the claims filters and the
// exports can filter on them in SQL. Not server-only: the export command and the job worker read them too.
import { db, type Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { affiliationOf, ROLE_WORDS, traceOrigins, type OriginMember, type OriginSummary } from "@/lib/propositions/origins";
import { reuseOf, type ReusePassage } from "@/lib/reuse/origins";
import { publisherNames } from "@/lib/reuse/attribution";
import type { SourceKind } from "@/lib/generated/prisma/enums";

type Reader = Db | Prisma.TransactionClient;

const REFRESH_BATCH = 500;

/**
 * The source each claim's passage was copied from, when reuse detection (lib/reuse) found that the claim's source
 * repeats another (a row not dismissed) and most of the claim lies inside one of the reused passages. The one place
 * chains, counts and exports learn of reposts.
 */
export async function copiedFromOf(
  tx: Reader,
  claims: readonly { claimId: number; sourceId: number }[],
): Promise<Map<number, NonNullable<OriginMember["copiedFrom"]>>> {
  const found = new Map<number, NonNullable<OriginMember["copiedFrom"]>>();
  const reuse = await reuseOf(tx, [...new Set(claims.map((claim) => claim.sourceId))]);
  const repeating = claims.filter((claim) => (reuse.get(claim.sourceId) ?? []).length > 0);
  if (!repeating.length) return found;
  const spans = new Map(
    (await tx.claim.findMany({ where: { id: { in: repeating.map((claim) => claim.claimId) } }, select: { id: true, startOffset: true, endOffset: true } })).map(
      (claim) => [claim.id, claim],
    ),
  );
  const originalIds = [...new Set(repeating.flatMap((claim) => reuse.get(claim.sourceId)!.map((original) => original.originalId)))];
  const originals = new Map(
    (await tx.source.findMany({ where: { id: { in: originalIds } }, select: { id: true, title: true, reliability: true } })).map((source) => [
      source.id,
      source,
    ]),
  );
  for (const claim of repeating) {
    const span = spans.get(claim.claimId);
    if (!span) continue;
    const copied = reuse.get(claim.sourceId)!.find((original) => mostlyCopied(original.passages, span.startOffset, span.endOffset));
    const original = copied && originals.get(copied.originalId);
    if (copied && original)
      found.set(claim.claimId, { sourceId: original.id, sourceTitle: original.title, reliability: original.reliability, share: copied.share });
  }
  return found;
}

/** Passage edges fall on shingle boundaries, a few words off the sentence's: most of the claim inside one passage is a copy. */
function mostlyCopied(passages: readonly ReusePassage[], start: number, end: number): boolean {
  const length = Math.max(1, end - start);
  return passages.some((passage) => (Math.min(end, passage.end) - Math.max(start, passage.start)) / length >= 0.6);
}

const memberClaimSelect = {
  id: true,
  quote: true,
  sourceId: true,
  citedVia: true,
  source: { select: { id: true, title: true, kind: true, publisher: true, reliability: true, publishedDate: true } },
  speaker: { select: { id: true, name: true, reliability: true } },
} satisfies Prisma.ClaimSelect;

/** What a claim must carry to be traced (the member select, or any wider one). */
export type OriginClaim = Pick<Prisma.ClaimGetPayload<{ select: typeof memberClaimSelect }>, "id" | "quote" | "sourceId" | "citedVia" | "source" | "speaker">;

/** Claims as traceOrigins reads them, with the reposts they were copied from. */
export async function toOriginMembers(prisma: Reader, claims: readonly OriginClaim[]): Promise<OriginMember[]> {
  const copied = await copiedFromOf(
    prisma,
    claims.map((claim) => ({ claimId: claim.id, sourceId: claim.sourceId })),
  );
  const affiliations = await speakerAffiliations(
    prisma,
    claims.flatMap((claim) => (claim.speaker ? [claim.speaker] : [])),
  );
  return claims.map((claim) => ({
    claimId: claim.id,
    quote: claim.quote,
    sourceId: claim.sourceId,
    sourceTitle: claim.source.title,
    sourceReliability: claim.source.reliability,
    publishedDate: claim.source.publishedDate,
    speaker: claim.speaker ? { ...claim.speaker, affiliation: affiliations.get(claim.speaker.id) ?? null } : null,
    citedVia: claim.citedVia,
    issuer: issuerOf(claim.source),
    thread: claim.source.kind === "forum",
    copiedFrom: copied.get(claim.id) ?? null,
  }));
}

/** An official document (a statement, a release) is its publisher speaking; a newspaper's or a wiki's publisher only publishes. */
function issuerOf(source: { kind: SourceKind; publisher: string | null }): string | null {
  return source.kind === "official_document" && source.publisher ? publisherNames(source.publisher).at(-1)! : null;
}

/** Claims of these speakers that may give a title ("BP spokesman Toby Odone said …"): at most this many are read. */
const AFFILIATION_READS = 2_000;

/**
 * The body each speaker's title names in any of their claims ("BP spokesman Toby Odone said …" makes Odone BP's voice
 * in a claim that calls him "spokesman Toby Odone" only). The first title found wins.
 */
async function speakerAffiliations(prisma: Reader, speakers: readonly { id: number; name: string }[]): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const byId = new Map(speakers.map((speaker) => [speaker.id, speaker.name]));
  if (!byId.size) return found;
  const rows = await prisma.$queryRaw<{ speakerId: number; quote: string }[]>`
    SELECT speaker_id AS "speakerId", quote FROM claims
    WHERE speaker_id = ANY(${[...byId.keys()]}::int[]) AND withdrawn_at IS NULL
      AND quote ~* ${ROLE_WORDS}
    ORDER BY id LIMIT ${AFFILIATION_READS}`;
  for (const row of rows) {
    if (found.has(row.speakerId)) continue;
    const body = affiliationOf(row.quote, byId.get(row.speakerId)!);
    if (body) found.set(row.speakerId, body);
  }
  return found;
}

/** Any claims as traceOrigins reads them (the evaluation traces labelled groups). */
export async function originMembersForClaims(prisma: Reader, claimIds: number[]): Promise<OriginMember[]> {
  const claims = await prisma.claim.findMany({ where: { id: { in: claimIds } }, orderBy: { id: "asc" }, select: memberClaimSelect });
  return toOriginMembers(prisma, claims);
}

/** The members (withdrawn claims left out) of each proposition, as traceOrigins reads them. */
async function originMembersOf(prisma: Reader, propositionIds: number[]): Promise<Map<number, OriginMember[]>> {
  const rows = await prisma.propositionMember.findMany({
    where: { propositionId: { in: propositionIds }, claim: { withdrawnAt: null } },
    orderBy: { claimId: "asc" },
    select: { propositionId: true, claim: { select: memberClaimSelect } },
  });
  const members = await toOriginMembers(
    prisma,
    rows.map((row) => row.claim),
  );
  const byProposition = new Map<number, OriginMember[]>(propositionIds.map((id) => [id, []]));
  rows.forEach((row, index) => byProposition.get(row.propositionId)!.push(members[index]!));
  return byProposition;
}

/** The label of the origin several sources rest on (the one the warning names), or null. */
export function mainOrigin(summary: OriginSummary): string | null {
  const first = summary.origins[0];
  return first && first.sourceIds.length >= 2 ? first.label : null;
}

/**
 * Brings proposition_origins up to date: every proposition whose fingerprint (its members, their sources,
 * speakers, cited-via and the reposts found of their sources) changed since its counts were computed is traced again. Cheap when nothing changed.
 * Lists, filters and exports call it before reading the counts.
 */
export async function refreshPropositionOrigins(prisma: Reader = db(), onlyIds?: number[]): Promise<number> {
  const only = onlyIds ? Prisma.sql`AND p.id = ANY(${onlyIds}::int[])` : Prisma.empty;
  const stale = await prisma.$queryRaw<{ id: number; fingerprint: string }[]>`
    SELECT f.id, f.fingerprint FROM (
      SELECT p.id, md5(coalesce(string_agg(concat_ws('|', m.claim_id, c.source_id, s.title, s.kind, s.publisher, c.speaker_id, a.name, c.cited_via,
          (SELECT string_agg(concat_ws(':', r.original_id, r.status, r.version), ',' ORDER BY r.original_id) FROM source_reuse r WHERE r.source_id = c.source_id)),
        E'\n' ORDER BY m.claim_id), '')) AS fingerprint
      FROM propositions p
      LEFT JOIN proposition_members m ON m.proposition_id = p.id
      LEFT JOIN claims c ON c.id = m.claim_id AND c.withdrawn_at IS NULL
      LEFT JOIN sources s ON s.id = c.source_id
      LEFT JOIN actors a ON a.id = c.speaker_id
      WHERE TRUE ${only}
      GROUP BY p.id
    ) f
    LEFT JOIN proposition_origins o ON o.proposition_id = f.id
    WHERE o.fingerprint IS DISTINCT FROM f.fingerprint`;
  for (let start = 0; start < stale.length; start += REFRESH_BATCH) {
    const batch = stale.slice(start, start + REFRESH_BATCH);
    const members = await originMembersOf(
      prisma,
      batch.map((row) => row.id),
    );
    const values = batch.map((row) => {
      const list = members.get(row.id) ?? [];
      const summary = traceOrigins(list);
      return Prisma.sql`(${row.id}::int, ${row.fingerprint}::text, ${list.length}::int, ${summary.sources}::int, ${summary.independentOrigins}::int, ${summary.circular}::boolean, ${mainOrigin(summary)}::text)`;
    });
    // A proposition merged away meanwhile is skipped rather than failing the read.
    await prisma.$executeRaw`
      INSERT INTO proposition_origins (proposition_id, fingerprint, members, sources, independent_origins, circular, main_origin)
      SELECT v.* FROM (VALUES ${Prisma.join(values)}) AS v(id, fingerprint, members, sources, independent_origins, circular, main_origin)
      WHERE EXISTS (SELECT 1 FROM propositions WHERE id = v.id)
      ON CONFLICT (proposition_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, members = EXCLUDED.members, sources = EXCLUDED.sources,
        independent_origins = EXCLUDED.independent_origins, circular = EXCLUDED.circular, main_origin = EXCLUDED.main_origin, computed_at = now()`;
  }
  return stale.length;
}

/** The claims filters read proposition_origins: bring it up to date first when a filter needs it. */
export async function prepareClaimFilters(prisma: Reader, filters: { singleOrigin?: true }): Promise<void> {
  if (filters.singleOrigin) await refreshPropositionOrigins(prisma);
}
