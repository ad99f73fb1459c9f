// Loads one document into the database: normalize, extract, attribute, and write the
// source, its actors and claims in ONE transaction. Shared by the seed and by import.
//
// Editor work is never overwritten: a source an editor edited (version > 1) keeps its
// metadata; a claim whose status left `unreviewed`, whose version moved or that an
// editor created keeps every field; when the text changed, claims are re-anchored by
// quote and context, and those that cannot be are flagged `orphaned`, never deleted.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { canonicalActorKey, EXTRACTOR_VERSION, extractClaims, normalizeDocument } from "@/lib/extract";
import type { ExtractedClaim, ExtractedSpeaker } from "@/lib/extract/types";
import { reanchor } from "@/lib/claims/anchor";
import { recordAudit } from "@/lib/audit/record";
import type { DocumentMetadata } from "@/lib/ingest/schema";

export class DocumentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

export interface IngestInput {
  metadata: DocumentMetadata;
  rawText: string;
  originFile: string;
  userId?: number | null;
  /** Audit action prefix: "seed" or "import". */
  via: "seed" | "import";
}

export interface IngestSummary {
  sourceId: number;
  slug: string;
  created: boolean;
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

export async function ingestDocument(prisma: PrismaClient, input: IngestInput): Promise<IngestSummary> {
  if (input.rawText.trim().length === 0) throw new DocumentError(input.originFile, "the document is empty");
  const { text } = normalizeDocument(input.rawText);
  if (text.trim().length === 0) throw new DocumentError(input.originFile, "nothing but page debris is left after cleaning");
  const extracted = extractClaims(text);
  return prisma.$transaction((tx) => writeDocument(tx, input, text, extracted), { timeout: 120_000, maxWait: 30_000 });
}

async function writeDocument(tx: Tx, input: IngestInput, text: string, extracted: ExtractedClaim[]): Promise<IngestSummary> {
  const textSha256 = sha256Hex(text);
  const { metadata } = input;
  const existing = await tx.source.findUnique({ where: { slug: metadata.slug } });
  const summary: IngestSummary = {
    sourceId: 0, slug: metadata.slug, created: !existing, textChanged: false, claimsTotal: 0,
    claimsCreated: 0, claimsUpdated: 0, claimsKept: 0, claimsReanchored: 0, claimsOrphaned: 0, actorsCreated: 0, claimIds: [],
  };

  const metadataFields = {
    title: metadata.title, kind: metadata.kind, publisher: metadata.publisher, author: metadata.author,
    url: metadata.url, publishedDate: metadata.publishedDate, language: metadata.language, notes: metadata.notes,
    ...(metadata.reliability ? { reliability: metadata.reliability } : {}),
  };

  let sourceId: number;
  if (!existing) {
    const source = await tx.source.create({
      data: { slug: metadata.slug, ...metadataFields, text, textSha256, originFile: input.originFile },
    });
    sourceId = source.id;
  } else {
    sourceId = existing.id;
    summary.textChanged = existing.textSha256 !== textSha256;
    if (summary.textChanged) await reanchorClaims(tx, sourceId, text, summary);
    const editorTouched = existing.version > 1;
    await tx.source.update({
      where: { id: sourceId },
      data: { ...(editorTouched ? {} : metadataFields), text, textSha256, originFile: input.originFile },
    });
  }
  summary.sourceId = sourceId;

  const actorIds = await upsertActors(tx, extracted, summary);
  await upsertExtractedClaims(tx, sourceId, extracted, actorIds, summary);

  summary.claimsTotal = await tx.claim.count({ where: { sourceId } });
  await recordAudit(tx, {
    userId: input.userId ?? null,
    entityType: "source",
    entityId: sourceId,
    action: `${input.via}.${existing ? "update" : "create"}`,
    before: existing ? { title: existing.title, textSha256: existing.textSha256 } : null,
    after: {
      slug: metadata.slug, title: metadata.title, textSha256, file: input.originFile,
      claimsCreated: summary.claimsCreated, claimsUpdated: summary.claimsUpdated,
      claimsReanchored: summary.claimsReanchored, claimsOrphaned: summary.claimsOrphaned,
    },
  });
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

async function upsertActors(tx: Tx, extracted: ExtractedClaim[], summary: IngestSummary): Promise<Map<string, number>> {
  const wanted = new Map<string, ExtractedSpeaker>();
  for (const claim of extracted) {
    if (!claim.speaker) continue;
    const key = speakerKey(claim.speaker);
    const seen = wanted.get(key);
    if (!seen || claim.speaker.name.length > seen.name.length) wanted.set(key, claim.speaker);
  }
  const ids = new Map<string, number>();
  if (wanted.size === 0) return ids;
  const existing = await tx.actor.findMany({ where: { normalizedName: { in: [...wanted.keys()] } } });
  for (const actor of existing) {
    ids.set(actor.normalizedName, actor.id);
    const speaker = wanted.get(actor.normalizedName);
    // Record a new spelling as an alias; the editor's chosen name stays.
    if (speaker && speaker.name !== actor.name && !actor.aliases.includes(speaker.name)) {
      await tx.actor.update({ where: { id: actor.id }, data: { aliases: { push: speaker.name } } });
    }
  }
  for (const [key, speaker] of wanted) {
    if (ids.has(key)) continue;
    const actor = await tx.actor.create({ data: { name: speaker.name, normalizedName: key, kind: speaker.kind } });
    ids.set(key, actor.id);
    summary.actorsCreated++;
  }
  return ids;
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

async function upsertExtractedClaims(
  tx: Tx,
  sourceId: number,
  extracted: ExtractedClaim[],
  actorIds: Map<string, number>,
  summary: IngestSummary,
): Promise<void> {
  const existing = await tx.claim.findMany({
    where: { sourceId },
    select: {
      id: true, startOffset: true, endOffset: true, quote: true, status: true, version: true, origin: true,
      speakerId: true, cue: true, attribution: true, citedVia: true, sourceStance: true, prefix: true, suffix: true,
      extractorVersion: true,
    },
  });
  const bySpan = new Map(existing.map((claim) => [`${claim.startOffset}:${claim.endOffset}`, claim]));
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
      else if (differs) {
        await tx.claim.update({ where: { id: match.id }, data: fields });
        summary.claimsUpdated++;
      }
      continue;
    }
    // The same words re-anchored elsewhere, or kept by an editor: never a second copy.
    if (quotes.has(claim.quote)) continue;
    quotes.add(claim.quote);
    toCreate.push({ sourceId, startOffset: claim.start, endOffset: claim.end, ...fields });
  }

  if (toCreate.length > 0) {
    const created = await tx.claim.createManyAndReturn({ data: toCreate, select: { id: true }, skipDuplicates: true });
    summary.claimsCreated = created.length;
    summary.claimIds.push(...created.map((claim) => claim.id));
  }
}
