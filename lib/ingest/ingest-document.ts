// Loads one document (seed or import) in one transaction: source, actors, claims, contradictions, audit.
// Editor work is never overwritten; claims that cannot be re-anchored are flagged `orphaned`, not deleted.
import type { Prisma, PrismaClient, Source } from "@/lib/generated/prisma/client";
import { canonicalActorKey, EXTRACTOR_VERSION } from "@/lib/extract";
import { ActorDirectory } from "@/lib/actors/identity";
import type { ExtractedClaim, ExtractedSpeaker } from "@/lib/extract/types";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { compactClaimTallies } from "@/lib/claims/tallies";
import { facetColumns, facetPlace, facetData } from "@/lib/claims/facets";
import { insertClaims, type NewClaimRow } from "@/lib/claims/insert";
import { detectContradictionsIn } from "@/lib/contradictions/detect";
import { groupPropositionsIn } from "@/lib/propositions/group";
import { FACETS_VERSION, keysOfName } from "@/lib/facets";
import type { DocumentMetadata } from "@/lib/ingest/schema";
import { planIngest, prepareDocument, type ClaimAnchoring, type ExtractedFate, type IngestPlan, type PreparedDocument } from "@/lib/ingest/plan";

/** "auto" matches by slug, then URL; "new" always creates; an id is the editor's choice. Same text always matches by hash. */
export type IngestTarget = "auto" | "new" | { sourceId: number };

export type MatchedBy = "text" | "chosen" | "slug" | "url";

export interface SameAs {
  speaker: string;
  actorId: number;
}

export interface IngestInput {
  metadata: DocumentMetadata;
  rawText: string;
  originFile: string;
  userId?: number | null;
  /** Audit action prefix: "seed" or "import". */
  via: "seed" | "import";
  /** Import only; the seed always matches by slug. */
  target?: IngestTarget;
  /** Import only: speakers the editor matched to stored actors. */
  sameAs?: SameAs[];
  /** Import only: in the same transaction, so candidates commit or roll back with it. */
  detectContradictions?: boolean;
  auditDetails?: Record<string, string | number>;
}

export interface IngestSummary {
  sourceId: number;
  slug: string;
  /** The stored source's title: a duplicate names the source that already holds this text. */
  title: string;
  created: boolean;
  /** How the existing source was found; null when a new one was created. */
  matchedBy: MatchedBy | null;
  /** The same text was already stored: nothing was written but the link to it. */
  duplicate: boolean;
  textChanged: boolean;
  claimsTotal: number;
  claimsCreated: number;
  claimsUpdated: number;
  claimsKept: number;
  claimsReanchored: number;
  claimsOrphaned: number;
  actorsCreated: number;
  claimIds: number[];
  /** New candidate contradictions; null when detection did not run (the seed, a duplicate). */
  contradictionsFound: number | null;
  /** Claims of this import that joined a proposition (null when detection did not run). */
  propositionsJoined: number | null;
}

type Tx = Prisma.TransactionClient;
type Reader = Pick<Prisma.TransactionClient, "source">;

export interface ExistingMatch {
  source: Source;
  matchedBy: MatchedBy;
}

interface SourceQuery {
  slug: string;
  url: string | null;
  via: "seed" | "import";
  target?: IngestTarget;
}

/** The stored source a document is a version of, if any (see IngestTarget). */
export async function findExistingSource(reader: Reader, query: SourceQuery & { textSha256: string }): Promise<ExistingMatch | null> {
  if (query.via === "seed") {
    const source = await reader.source.findUnique({ where: { slug: query.slug } });
    return source ? { source, matchedBy: "slug" } : null;
  }
  const target = query.target ?? "auto";
  const sameText = await reader.source.findMany({ where: { textSha256: query.textSha256 }, orderBy: { id: "asc" } });
  if (sameText.length > 0) {
    const chosen = typeof target === "object" ? sameText.find((source) => source.id === target.sourceId) : undefined;
    return { source: chosen ?? sameText[0]!, matchedBy: "text" };
  }
  if (typeof target === "object") {
    const source = await reader.source.findUnique({ where: { id: target.sourceId } });
    if (!source) throw new NotFoundError("The source this document should replace no longer exists.");
    return { source, matchedBy: "chosen" };
  }
  if (target === "new") return null;
  const bySlug = await reader.source.findUnique({ where: { slug: query.slug } });
  if (bySlug) return { source: bySlug, matchedBy: "slug" };
  if (query.url) {
    const byUrl = await reader.source.findFirst({ where: { url: query.url }, orderBy: { id: "asc" } });
    if (byUrl) return { source: byUrl, matchedBy: "url" };
  }
  return null;
}

export interface MatchedPlan extends IngestPlan {
  match: ExistingMatch | null;
}

/** Reads only: the import preview calls it too, outside any transaction. */
export async function planAgainstStore(
  reader: Pick<Prisma.TransactionClient, "source" | "claim">,
  prepared: PreparedDocument,
  query: SourceQuery,
): Promise<MatchedPlan> {
  const match = await findExistingSource(reader, { ...query, textSha256: prepared.textSha256 });
  const claims = match
    ? await reader.claim.findMany({
        where: { sourceId: match.source.id },
        select: { id: true, quote: true, startOffset: true, endOffset: true, prefix: true, suffix: true },
        orderBy: { id: "asc" },
      })
    : [];
  const stored = match && { textSha256: match.source.textSha256, claims, duplicate: query.via === "import" && match.matchedBy === "text" };
  return { ...planIngest(prepared, stored), match };
}

/** `slug`, or `slug-2`, `slug-3`… whichever no source holds yet. */
export async function freeSlug(reader: Reader, slug: string): Promise<string> {
  const taken = new Set((await reader.source.findMany({ where: { slug: { startsWith: slug } }, select: { slug: true } })).map((source) => source.slug));
  if (!taken.has(slug)) return slug;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${slug.slice(0, 120 - String(suffix).length - 1)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A document saved at the same moment may take a slug or an actor this one planned; planned again, it sees them. */
const INGEST_ATTEMPTS = 3;

/**
 * How long the save's transaction may run before PostgreSQL's locks are given back: two minutes,
 * and two more per megabyte of text. A 4 MB save takes about 30 s on a quiet machine, but several
 * times that on a busy one (imports run at a lower priority than requests, lib/jobs/thread-priority.ts).
 */
export function ingestTimeoutMs(characters: number): number {
  return 120_000 + Math.ceil((characters / 1_000_000) * 120_000);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2002";
}

/** Plan, write, detect (import) and audit in one transaction; refuses an empty document with a DocumentError. */
export async function ingestDocument(prisma: PrismaClient, input: IngestInput): Promise<IngestSummary> {
  const prepared = prepareDocument(input.rawText, input.originFile);
  let summary: IngestSummary | undefined;
  for (let attempt = 1; !summary; attempt++) {
    try {
      summary = await ingestPrepared(prisma, input, prepared);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= INGEST_ATTEMPTS) throw error;
    }
  }
  // After the commit, so that no save waits on the fold.
  await compactClaimTallies(prisma);
  return summary;
}

async function ingestPrepared(prisma: PrismaClient, input: IngestInput, prepared: PreparedDocument): Promise<IngestSummary> {
  return prisma.$transaction(
    async (tx) => {
      // The same text imported twice at once: the second waits here, then finds the first's source and links to it.
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`ingest ${prepared.textSha256}`}))`;
      const plan = await planAgainstStore(tx, prepared, {
        slug: input.metadata.slug,
        url: input.metadata.url,
        via: input.via,
        target: input.target,
      });
      const written = await writeDocument(tx, input, plan);
      // Scoped to this source so an import into a large corpus does not cost a full run.
      if (input.detectContradictions && !written.duplicate) {
        written.contradictionsFound = (await detectContradictionsIn(tx, { userId: input.userId ?? null, sourceId: written.sourceId })).created;
        // Detection's candidate pairs are still in this transaction: the same pairs are asked whether they agree.
        written.propositionsJoined = (await groupPropositionsIn(tx, { sourceId: written.sourceId, candidatesCollected: true })).joined;
      }
      await recordIngest(tx, input, plan, written);
      return written;
    },
    { timeout: ingestTimeoutMs(prepared.text.length), maxWait: 30_000 },
  );
}

async function recordIngest(tx: Tx, input: IngestInput, plan: MatchedPlan, summary: IngestSummary): Promise<void> {
  const existing = plan.match?.source ?? null;
  const kind = summary.duplicate ? "duplicate" : existing ? "update" : "create";
  await recordAudit(tx, {
    userId: input.userId ?? null,
    entityType: "source",
    entityId: summary.sourceId,
    action: `${input.via}.${kind}`,
    before: existing && !summary.duplicate ? { title: existing.title, textSha256: existing.textSha256 } : null,
    after: {
      slug: summary.slug,
      // A duplicate wrote neither: the editor's title would read as a change to the stored one.
      ...(!summary.duplicate && { title: input.metadata.title, textSha256: plan.prepared.textSha256 }),
      file: input.originFile,
      ...input.auditDetails,
      matchedBy: summary.matchedBy,
      claimsCreated: summary.claimsCreated,
      claimsUpdated: summary.claimsUpdated,
      claimsReanchored: summary.claimsReanchored,
      claimsOrphaned: summary.claimsOrphaned,
      actorsCreated: summary.actorsCreated,
      ...(input.detectContradictions && { contradictionsFound: summary.contradictionsFound ?? 0 }),
    },
  });
}

async function writeDocument(tx: Tx, input: IngestInput, plan: MatchedPlan): Promise<IngestSummary> {
  const { text, textSha256, extracted } = plan.prepared;
  const { metadata } = input;
  const { match } = plan;
  const existing = match?.source ?? null;
  const slug = existing ? existing.slug : input.via === "import" ? await freeSlug(tx, metadata.slug) : metadata.slug;
  const summary: IngestSummary = {
    sourceId: 0,
    slug,
    title: existing && (existing.version > 1 || match?.matchedBy === "text") ? existing.title : metadata.title,
    created: !existing,
    matchedBy: match?.matchedBy ?? null,
    duplicate: input.via === "import" && match?.matchedBy === "text",
    textChanged: plan.textChanged,
    claimsTotal: 0,
    claimsCreated: 0,
    claimsUpdated: 0,
    claimsKept: 0,
    claimsReanchored: 0,
    claimsOrphaned: 0,
    actorsCreated: 0,
    claimIds: [],
    contradictionsFound: null,
    propositionsJoined: null,
  };

  if (existing && summary.duplicate) {
    summary.sourceId = existing.id;
    summary.claimIds = plan.anchoring.map((claim) => claim.claimId);
    summary.claimsTotal = plan.anchoring.length;
    return summary;
  }

  const metadataFields = {
    title: metadata.title,
    kind: metadata.kind,
    publisher: metadata.publisher,
    author: metadata.author,
    url: metadata.url,
    publishedDate: metadata.publishedDate,
    language: metadata.language,
    notes: metadata.notes,
    ...(metadata.reliability ? { reliability: metadata.reliability } : {}),
  };

  let sourceId: number;
  if (!existing) {
    const source = await tx.source.create({
      data: { slug, ...metadataFields, text, textSha256, originFile: input.originFile },
    });
    sourceId = source.id;
  } else {
    sourceId = existing.id;
    if (plan.textChanged) await applyAnchoring(tx, plan.anchoring, summary);
    const editorTouched = existing.version > 1;
    const data = { ...(editorTouched ? {} : metadataFields), text, textSha256, originFile: input.originFile };
    // Writing identical values would still move updated_at: a reload that changes nothing leaves the row alone.
    const changed = (Object.keys(data) as (keyof typeof data)[]).some((key) => data[key] !== existing[key]);
    if (changed) await tx.source.update({ where: { id: sourceId }, data });
  }
  summary.sourceId = sourceId;

  const actorIds = await upsertActors(tx, extracted, summary, input.sameAs);
  await upsertExtractedClaims(tx, sourceId, text, extracted, plan.extracted, actorIds, summary);

  summary.claimsTotal = await tx.claim.count({ where: { sourceId } });
  return summary;
}

async function applyAnchoring(tx: Tx, anchoring: ClaimAnchoring[], summary: IngestSummary): Promise<void> {
  const moves = anchoring.filter((claim) => claim.outcome === "reanchored");
  for (const claim of anchoring) {
    if (claim.outcome !== "orphaned") continue;
    summary.claimsOrphaned++;
    await tx.claim.update({ where: { id: claim.claimId }, data: { anchorStatus: "orphaned" } });
  }
  // Postgres checks the (source, start, end) key row by row, so two claims swapping
  // places would collide: park the moving claims past the end of any text first.
  const parking = 1_000_000_000;
  for (const move of moves) {
    await tx.claim.update({ where: { id: move.claimId }, data: { startOffset: { increment: parking }, endOffset: { increment: parking } } });
  }
  for (const move of moves) {
    summary.claimsReanchored++;
    await tx.claim.update({
      where: { id: move.claimId },
      data: { startOffset: move.start, endOffset: move.end, prefix: move.prefix, suffix: move.suffix, anchorStatus: "reanchored" },
    });
  }
}

function speakerKey(speaker: ExtractedSpeaker): string {
  return canonicalActorKey(speaker.name);
}

/** By alias, so a merged-away actor is not revived by a re-seed; by surname, so "Markey" can find "Ed Markey". */
export async function actorsFor(prisma: Pick<Tx, "actor">, speakers: ExtractedSpeaker[]) {
  const keys = speakers.map((speaker) => canonicalActorKey(speaker.name));
  const surnames = [...new Set(speakers.filter((speaker) => speaker.kind === "person").map((speaker) => canonicalActorKey(speaker.name).split(" ").pop()!))];
  return prisma.actor.findMany({
    where: {
      OR: [
        { normalizedName: { in: keys } },
        { aliases: { hasSome: speakers.map((speaker) => speaker.name) } },
        ...(surnames.length
          ? [
              {
                kind: "person" as const,
                OR: [{ normalizedName: { in: surnames } }, ...surnames.map((surname) => ({ normalizedName: { endsWith: ` ${surname}` } }))],
              },
            ]
          : []),
      ],
    },
  });
}

async function upsertActors(tx: Tx, extracted: ExtractedClaim[], summary: IngestSummary, sameAs: SameAs[] = []): Promise<Map<string, number>> {
  const wanted = new Map<string, ExtractedSpeaker>();
  for (const claim of extracted) {
    if (!claim.speaker) continue;
    const key = speakerKey(claim.speaker);
    const seen = wanted.get(key);
    if (!seen || claim.speaker.name.length > seen.name.length) wanted.set(key, claim.speaker);
  }
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const existing = await actorsFor(tx, [...wanted.values()]);
  const directory = new ActorDirectory(existing);
  // The editor's choices in the import preview come first.
  const chosen = sameAs.length ? await tx.actor.findMany({ where: { id: { in: sameAs.map((entry) => entry.actorId) } } }) : [];
  for (const entry of sameAs) {
    const actor = chosen.find((candidate) => candidate.id === entry.actorId);
    if (!actor)
      throw new ValidationError(`The actor chosen for “${entry.speaker}” no longer exists; preview the document again.`, {
        sameAs: [`Actor #${entry.actorId} no longer exists.`],
      });
    const key = canonicalActorKey(entry.speaker);
    if (!wanted.has(key)) continue;
    ids.set(key, actor.id);
    if (entry.speaker !== actor.name && !actor.aliases.includes(entry.speaker)) {
      actor.aliases.push(entry.speaker);
      await tx.actor.update({ where: { id: actor.id }, data: { aliases: { set: actor.aliases }, version: { increment: 1 } } });
    }
  }
  // Fullest names first, so that a bare surname later in the list finds the person just created.
  const ordered = [...wanted.entries()].sort(([, a], [, b]) => b.name.split(" ").length - a.name.split(" ").length);
  for (const [key, speaker] of ordered) {
    if (ids.has(key)) continue;
    const actor = directory.resolve(speaker);
    if (!actor) {
      const created = await tx.actor.create({ data: { name: speaker.name, normalizedName: key, kind: speaker.kind } });
      directory.add(created);
      ids.set(key, created.id);
      summary.actorsCreated++;
      continue;
    }
    ids.set(key, actor.id);
    // The version moves so that an editor with the actor's form open is told, not overwritten.
    if (speaker.name !== actor.name && !actor.aliases.includes(speaker.name)) {
      actor.aliases.push(speaker.name);
      await tx.actor.update({ where: { id: actor.id }, data: { aliases: { set: actor.aliases }, version: { increment: 1 } } });
    }
  }
  return ids;
}

function actorLinker(extracted: ExtractedClaim[], actorIds: Map<string, number>): (keys: string[]) => number | undefined {
  const byKey = new Map<string, number>();
  for (const claim of extracted) {
    if (!claim.speaker) continue;
    const id = actorIds.get(speakerKey(claim.speaker));
    if (id !== undefined) for (const key of keysOfName(claim.speaker.name)) if (!byKey.has(key)) byKey.set(key, id);
  }
  return (keys) => keys.map((key) => byKey.get(key)).find((id) => id !== undefined);
}

function extractedFields(claim: ExtractedClaim, actorIds: Map<string, number>) {
  return {
    quote: claim.quote,
    prefix: claim.prefix,
    suffix: claim.suffix,
    speakerId: claim.speaker ? (actorIds.get(speakerKey(claim.speaker)) ?? null) : null,
    cue: claim.cue,
    attribution: claim.attribution,
    citedVia: claim.citedVia,
    sourceStance: claim.sourceStance,
    extractorVersion: EXTRACTOR_VERSION,
  };
}

function facetInput(claim: ExtractedClaim, text: string) {
  return { quote: claim.quote, cue: claim.cue, speakerName: claim.speaker?.name ?? null, ...facetPlace(text, claim.start) };
}

function facetFields(claim: ExtractedClaim, text: string, link: (keys: string[]) => number | undefined) {
  return facetData(facetInput(claim, text), link);
}

function facetColumnsOf(claim: ExtractedClaim, text: string, link: (keys: string[]) => number | undefined) {
  return facetColumns(facetInput(claim, text), link);
}

async function upsertExtractedClaims(
  tx: Tx,
  sourceId: number,
  text: string,
  extracted: ExtractedClaim[],
  fates: ExtractedFate[],
  actorIds: Map<string, number>,
  summary: IngestSummary,
): Promise<void> {
  const storedIds = fates.flatMap((fate) => (fate.outcome === "stored" ? [fate.claimId] : []));
  const stored = storedIds.length
    ? await tx.claim.findMany({
        where: { id: { in: storedIds } },
        select: {
          id: true,
          quote: true,
          status: true,
          version: true,
          origin: true,
          speakerId: true,
          cue: true,
          attribution: true,
          citedVia: true,
          sourceStance: true,
          prefix: true,
          suffix: true,
          extractorVersion: true,
          facetsVersion: true,
        },
      })
    : [];
  const byId = new Map(stored.map((claim) => [claim.id, claim]));
  const link = actorLinker(extracted, actorIds);
  const toCreate: NewClaimRow[] = [];

  for (const [index, claim] of extracted.entries()) {
    const fate = fates[index]!;
    if (fate.outcome === "known") continue;
    const fields = extractedFields(claim, actorIds);
    if (fate.outcome === "new") {
      toCreate.push({ sourceId, startOffset: claim.start, endOffset: claim.end, ...fields, ...facetColumnsOf(claim, text, link) });
      continue;
    }
    const match = byId.get(fate.claimId)!;
    summary.claimIds.push(match.id);
    const untouched = match.origin === "extracted" && match.status === "unreviewed" && match.version === 1;
    const differs = (Object.keys(fields) as (keyof typeof fields)[]).some((key) => match[key] !== fields[key]);
    if (!untouched) summary.claimsKept++;
    else if (differs || match.facetsVersion !== FACETS_VERSION) {
      await tx.claim.update({ where: { id: match.id }, data: { ...fields, ...facetFields(claim, text, link) } });
      if (differs) summary.claimsUpdated++;
    }
  }

  const created = await insertClaims(tx, toCreate);
  summary.claimsCreated = created.length;
  summary.claimIds.push(...created);
}
