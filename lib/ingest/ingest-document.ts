// Loads one document into the database: normalize, extract, attribute, and write the
// source, its actors and claims in ONE transaction. Shared by the seed and by import.
//
// Editor work is never overwritten: a source an editor edited (version > 1) keeps its
// metadata; a claim whose status left `unreviewed`, whose version moved or that an
// editor created keeps every field; when the text changed, claims are re-anchored by
// quote and context, and those that cannot be are flagged `orphaned`, never deleted.
//
// The seed finds the existing source by slug. An import first looks for the same text
// (by hash) and links to that source instead of writing anything; otherwise it updates
// the source the editor chose, or the one with the same slug or URL, as the seed does.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient, Source } from "@/lib/generated/prisma/client";
import { canonicalActorKey, EXTRACTOR_VERSION, extractClaims, normalizeDocument } from "@/lib/extract";
import { ActorDirectory } from "@/lib/actors/identity";
import type { ExtractedClaim, ExtractedSpeaker } from "@/lib/extract/types";
import { reanchor } from "@/lib/claims/anchor";
import { recordAudit } from "@/lib/audit/record";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { compactClaimTallies } from "@/lib/claims/tallies";
import { facetContext, facetData } from "@/lib/claims/facets";
import { FACETS_VERSION, keysOfName } from "@/lib/facets";
import type { DocumentMetadata } from "@/lib/ingest/schema";

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/**
 * Which existing source an import is a version of: "auto" matches by slug, then URL;
 * "new" always creates a source (with a free slug); an id is the editor's choice.
 * The same text is recognised by hash whatever the target.
 */
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
  /** Import only: speakers the editor said are stored actors ("Wasay Jalil" is actor #12, "Wasey Jalil"). */
  sameAs?: SameAs[];
  /** Runs in the same transaction after the document is written (detection, the import's audit event). */
  afterWrite?: (tx: Tx, summary: IngestSummary) => Promise<void>;
}

export interface IngestSummary {
  sourceId: number;
  slug: string;
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
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

type Tx = Prisma.TransactionClient;
type Reader = Pick<Prisma.TransactionClient, "source">;

export interface PreparedDocument {
  /** The normalized text every claim offset points into. */
  text: string;
  textSha256: string;
  extracted: ExtractedClaim[];
}

/** Normalization and extraction, pure and without the database: ingest and the import preview share it. */
export function prepareDocument(rawText: string, originFile: string): PreparedDocument {
  if (rawText.trim().length === 0) throw new DocumentError(originFile, "the document is empty");
  const { text } = normalizeDocument(rawText);
  if (text.trim().length === 0) throw new DocumentError(originFile, "nothing but page debris is left after cleaning");
  return { text, textSha256: sha256Hex(text), extracted: extractClaims(text) };
}

export interface ExistingMatch {
  source: Source;
  matchedBy: MatchedBy;
}

/** The stored source a document is a version of, if any (see IngestTarget). Reads only. */
export async function findExistingSource(
  reader: Reader,
  query: { slug: string; url: string | null; textSha256: string; via: "seed" | "import"; target?: IngestTarget },
): Promise<ExistingMatch | null> {
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

/** `slug`, or `slug-2`, `slug-3`… whichever no source holds yet. */
export async function freeSlug(reader: Reader, slug: string): Promise<string> {
  const taken = new Set(
    (await reader.source.findMany({ where: { slug: { startsWith: slug } }, select: { slug: true } })).map((source) => source.slug),
  );
  if (!taken.has(slug)) return slug;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${slug.slice(0, 120 - String(suffix).length - 1)}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function ingestDocument(prisma: PrismaClient, input: IngestInput): Promise<IngestSummary> {
  const prepared = prepareDocument(input.rawText, input.originFile);
  const summary = await prisma.$transaction((tx) => writeDocument(tx, input, prepared), { timeout: 120_000, maxWait: 30_000 });
  // The import's claim statements each added tally rows; fold them (after the commit, so
  // that no save waits on it).
  await compactClaimTallies(prisma);
  return summary;
}

async function writeDocument(tx: Tx, input: IngestInput, prepared: PreparedDocument): Promise<IngestSummary> {
  const { text, textSha256, extracted } = prepared;
  const { metadata } = input;
  const match = await findExistingSource(tx, {
    slug: metadata.slug, url: metadata.url, textSha256, via: input.via, target: input.target,
  });
  const existing = match?.source ?? null;
  const slug = existing ? existing.slug : input.via === "import" ? await freeSlug(tx, metadata.slug) : metadata.slug;
  const summary: IngestSummary = {
    sourceId: 0, slug, created: !existing, matchedBy: match?.matchedBy ?? null, duplicate: match?.matchedBy === "text",
    textChanged: false, claimsTotal: 0,
    claimsCreated: 0, claimsUpdated: 0, claimsKept: 0, claimsReanchored: 0, claimsOrphaned: 0, actorsCreated: 0, claimIds: [],
  };

  if (existing && summary.duplicate && input.via === "import") {
    // The same text is already stored: link to it and leave the source and its claims alone.
    const claims = await tx.claim.findMany({ where: { sourceId: existing.id }, select: { id: true }, orderBy: { id: "asc" } });
    summary.sourceId = existing.id;
    summary.claimIds = claims.map((claim) => claim.id);
    summary.claimsTotal = claims.length;
    await input.afterWrite?.(tx, summary);
    return summary;
  }

  const metadataFields = {
    title: metadata.title, kind: metadata.kind, publisher: metadata.publisher, author: metadata.author,
    url: metadata.url, publishedDate: metadata.publishedDate, language: metadata.language, notes: metadata.notes,
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
    summary.textChanged = existing.textSha256 !== textSha256;
    if (summary.textChanged) await reanchorClaims(tx, sourceId, text, summary);
    const editorTouched = existing.version > 1;
    const data = { ...(editorTouched ? {} : metadataFields), text, textSha256, originFile: input.originFile };
    // Writing identical values would still move updated_at: a reload that changes nothing leaves the row alone.
    const changed = (Object.keys(data) as (keyof typeof data)[]).some((key) => data[key] !== existing[key]);
    if (changed) await tx.source.update({ where: { id: sourceId }, data });
  }
  summary.sourceId = sourceId;

  const actorIds = await upsertActors(tx, extracted, summary, input.sameAs);
  await upsertExtractedClaims(tx, sourceId, text, extracted, actorIds, summary);

  summary.claimsTotal = await tx.claim.count({ where: { sourceId } });
  await recordAudit(tx, {
    userId: input.userId ?? null,
    entityType: "source",
    entityId: sourceId,
    action: `${input.via}.${existing ? "update" : "create"}`,
    before: existing ? { title: existing.title, textSha256: existing.textSha256 } : null,
    after: {
      slug, title: metadata.title, textSha256, file: input.originFile, matchedBy: summary.matchedBy,
      claimsCreated: summary.claimsCreated, claimsUpdated: summary.claimsUpdated,
      claimsReanchored: summary.claimsReanchored, claimsOrphaned: summary.claimsOrphaned,
    },
  });
  await input.afterWrite?.(tx, summary);
  return summary;
}

async function reanchorClaims(tx: Tx, sourceId: number, text: string, summary: IngestSummary): Promise<void> {
  const claims = await tx.claim.findMany({
    where: { sourceId },
    select: { id: true, quote: true, startOffset: true, endOffset: true, prefix: true, suffix: true },
  });
  const moves: { id: number; start: number; end: number; prefix: string; suffix: string; status: "anchored" | "reanchored" }[] = [];
  for (const claim of claims) {
    const result = reanchor(text, {
      quote: claim.quote, start: claim.startOffset, end: claim.endOffset, prefix: claim.prefix, suffix: claim.suffix,
    });
    if (result.status === "orphaned") {
      summary.claimsOrphaned++;
      await tx.claim.update({ where: { id: claim.id }, data: { anchorStatus: "orphaned" } });
    } else if (result.start !== claim.startOffset || result.prefix !== claim.prefix || result.suffix !== claim.suffix) {
      moves.push({ id: claim.id, ...result });
    }
  }
  // Postgres checks the (source, start, end) key row by row, so two claims swapping
  // places would collide: park the moving claims past the end of any text first.
  const parking = 1_000_000_000;
  for (const move of moves) {
    await tx.claim.update({ where: { id: move.id }, data: { startOffset: { increment: parking }, endOffset: { increment: parking } } });
  }
  for (const move of moves) {
    summary.claimsReanchored++;
    await tx.claim.update({
      where: { id: move.id },
      data: { startOffset: move.start, endOffset: move.end, prefix: move.prefix, suffix: move.suffix, anchorStatus: move.status },
    });
  }
}

function speakerKey(speaker: ExtractedSpeaker): string {
  return canonicalActorKey(speaker.name);
}

/**
 * Stored actors an extracted speaker may be: by key and by alias — an actor an editor merged away
 * lives on as an alias of the one it was merged into, so a re-seed does not bring it back — and, for
 * people, every namesake, so that "Markey" can find "Ed Markey" (lib/actors/identity.ts decides).
 */
export async function actorsFor(prisma: Pick<Tx, "actor">, speakers: ExtractedSpeaker[]) {
  const keys = speakers.map((speaker) => canonicalActorKey(speaker.name));
  const surnames = [...new Set(speakers.filter((speaker) => speaker.kind === "person").map((speaker) => canonicalActorKey(speaker.name).split(" ").pop()!))];
  return prisma.actor.findMany({
    where: {
      OR: [
        { normalizedName: { in: keys } },
        { aliases: { hasSome: speakers.map((speaker) => speaker.name) } },
        ...(surnames.length
          ? [{ kind: "person" as const, OR: [{ normalizedName: { in: surnames } }, ...surnames.map((surname) => ({ normalizedName: { endsWith: ` ${surname}` } }))] }]
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
  // The editor's choices in the import preview ("Wasay Jalil is Wasey Jalil") come first.
  const chosen = sameAs.length ? await tx.actor.findMany({ where: { id: { in: sameAs.map((entry) => entry.actorId) } } }) : [];
  for (const entry of sameAs) {
    const actor = chosen.find((candidate) => candidate.id === entry.actorId);
    if (!actor) throw new ValidationError(`The actor chosen for “${entry.speaker}” no longer exists; preview the document again.`, { sameAs: [`Actor #${entry.actorId} no longer exists.`] });
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
    // Record a new spelling as an alias; the editor's chosen name stays. The version moves
    // so that an editor with the actor's form open is told rather than overwritten.
    if (speaker.name !== actor.name && !actor.aliases.includes(speaker.name)) {
      actor.aliases.push(speaker.name);
      await tx.actor.update({ where: { id: actor.id }, data: { aliases: { set: actor.aliases }, version: { increment: 1 } } });
    }
  }
  return ids;
}

/** Entity keys of each speaker of the document, for linking the entities claims name to their actors. */
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

function facetFields(claim: ExtractedClaim, text: string, link: (keys: string[]) => number | undefined) {
  return facetData({ quote: claim.quote, cue: claim.cue, speakerName: claim.speaker?.name ?? null, context: facetContext(text, claim.start) }, link);
}

async function upsertExtractedClaims(
  tx: Tx,
  sourceId: number,
  text: string,
  extracted: ExtractedClaim[],
  actorIds: Map<string, number>,
  summary: IngestSummary,
): Promise<void> {
  const existing = await tx.claim.findMany({
    where: { sourceId },
    select: {
      id: true, startOffset: true, endOffset: true, quote: true, status: true, version: true, origin: true,
      speakerId: true, cue: true, attribution: true, citedVia: true, sourceStance: true, prefix: true, suffix: true,
      extractorVersion: true, facetsVersion: true,
    },
  });
  const bySpan = new Map(existing.map((claim) => [`${claim.startOffset}:${claim.endOffset}`, claim]));
  const link = actorLinker(extracted, actorIds);
  const quotes = new Set(existing.map((claim) => claim.quote));
  const toCreate: Prisma.ClaimCreateManyInput[] = [];

  for (const claim of extracted) {
    const fields = extractedFields(claim, actorIds);
    const match = bySpan.get(`${claim.start}:${claim.end}`);
    if (match) {
      summary.claimIds.push(match.id);
      const untouched = match.origin === "extracted" && match.status === "unreviewed" && match.version === 1;
      const differs = (Object.keys(fields) as (keyof typeof fields)[]).some((key) => match[key] !== fields[key]);
      if (!untouched) summary.claimsKept++;
      else if (differs || match.facetsVersion !== FACETS_VERSION) {
        await tx.claim.update({ where: { id: match.id }, data: { ...fields, ...facetFields(claim, text, link) } });
        if (differs) summary.claimsUpdated++;
      }
      continue;
    }
    // The same words re-anchored elsewhere, or kept by an editor: never a second copy.
    if (quotes.has(claim.quote)) continue;
    quotes.add(claim.quote);
    toCreate.push({ sourceId, startOffset: claim.start, endOffset: claim.end, ...fields, ...facetFields(claim, text, link) });
  }

  if (toCreate.length > 0) {
    const created = await tx.claim.createManyAndReturn({ data: toCreate, select: { id: true }, skipDuplicates: true });
    summary.claimsCreated = created.length;
    summary.claimIds.push(...created.map((claim) => claim.id));
  }
}
