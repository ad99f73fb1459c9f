// Import: a read document plus the editor's metadata goes through the seed's pipeline
// (normalize, extract, attribute, re-anchor) in one transaction, which also runs
// contradiction detection over the new claims and records the import's audit event.
// The preview runs the same steps without writing.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record";
import { reanchor } from "@/lib/claims/anchor";
import type { ExtractedClaim, ExtractedSpeaker } from "@/lib/extract";
import { ActorDirectory } from "@/lib/actors/identity";
import { similarActors } from "@/lib/actors/similar";
import { facetColumns, facetContext } from "@/lib/claims/facets";
import { actorsFor } from "@/lib/ingest/ingest-document";
import {
  DocumentError,
  findExistingSource,
  ingestDocument,
  prepareDocument,
  type IngestSummary,
  type IngestTarget,
  type MatchedBy,
  type PreparedDocument,
} from "@/lib/ingest/ingest-document";
import { fieldErrorsOf } from "@/lib/errors";
import { FORMAT_LABELS, type DocumentFormat } from "@/lib/import/detect";
import { ImportRefusedError } from "@/lib/import/errors";
import { importRequestSchema, slugForTitle, type ImportRequest } from "@/lib/import/schema";
import { detectContradictionsAfterImport } from "@/lib/import/detect-contradictions";
import type { MetadataGuesses, ReadDocument } from "@/lib/import/types";

// Ingest refuses text that is empty once page debris is removed; say it in the import's words.
function asRefusal(error: unknown, file: string): unknown {
  if (!(error instanceof DocumentError)) return error;
  return new ImportRefusedError(
    file,
    "no_readable_content",
    "nothing but page debris (menus, share buttons, comment forms) is left once the document is cleaned",
  );
}

function prepare(document: ReadDocument): PreparedDocument {
  try {
    return prepareDocument(document.rawText, document.file);
  } catch (error) {
    throw asRefusal(error, document.file);
  }
}

/** Validates form or CLI metadata; a failure names each field, for the form and for the CLI summary. */
export function parseImportRequest(file: string, input: unknown): ImportRequest {
  const parsed = importRequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldErrorsOf(parsed.error);
  const flat: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fields)) flat[key.replace(/^metadata\./, "")] = messages;
  const sentence = Object.entries(flat)
    .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
    .join("; ");
  throw new ImportRefusedError(file, "bad_metadata", `the metadata needs attention (${sentence})`, flat);
}

/** A speaker of the previewed document: the stored actor it will join, or near-spellings to choose from. */
export interface PreviewSpeaker {
  name: string;
  kind: string;
  /** The stored actor the speaker's claims will join (same name, an alias, or the same person: "Markey" = "Ed Markey"). */
  actor: { id: number; name: string } | null;
  /** For a new speaker: stored actors spelled almost alike ("Wasay Jalil" / "Wasey Jalil"), to join with one click. */
  similar: { id: number; name: string }[];
}

async function previewSpeakers(prisma: PrismaClient, extracted: ExtractedClaim[]): Promise<PreviewSpeaker[]> {
  const wanted = new Map<string, ExtractedSpeaker>();
  for (const claim of extracted) if (claim.speaker && !wanted.has(claim.speaker.name)) wanted.set(claim.speaker.name, claim.speaker);
  if (wanted.size === 0) return [];
  const directory = new ActorDirectory(await actorsFor(prisma, [...wanted.values()]));
  const speakers: PreviewSpeaker[] = [];
  for (const speaker of wanted.values()) {
    const actor = directory.resolve(speaker);
    const similar = actor ? [] : await similarActors(prisma, speaker.name, speaker.kind);
    speakers.push({
      name: speaker.name,
      kind: speaker.kind,
      actor: actor && { id: actor.id, name: actor.name },
      similar: similar.map(({ id, name }) => ({ id, name })),
    });
  }
  return speakers;
}

export interface PreviewClaim {
  quote: string;
  start: number;
  end: number;
  speaker: string | null;
  speakerKind: string | null;
  /** True when a stored actor already has this name: the claim joins that actor. */
  knownSpeaker: boolean;
  cue: string | null;
  attribution: string;
  /** True when the matched source already holds this quote: saving will not add it again. */
  alreadyStored: boolean;
  /** Check-worthiness 0–100, as it will be stored. */
  checkWorthiness: number;
}

export interface PreviewMatch {
  sourceId: number;
  slug: string;
  title: string;
  matchedBy: MatchedBy;
  claimCount: number;
  /** For a new version: what happens to the stored claims when the text changes. */
  claimsStaying: number;
  claimsMoving: number;
  claimsLosingTheirText: number;
}

export interface ImportPreview {
  file: string;
  format: DocumentFormat;
  formatLabel: string;
  bytes: number;
  text: string;
  textSha256: string;
  guesses: MetadataGuesses;
  suggestedSlug: string;
  claims: PreviewClaim[];
  speakers: PreviewSpeaker[];
  match: PreviewMatch | null;
}

/** What saving would do, computed with reads only. */
export async function previewImport(
  prisma: PrismaClient,
  document: ReadDocument,
  options: { slug?: string; url?: string | null; target?: IngestTarget } = {},
): Promise<ImportPreview> {
  const prepared = prepare(document);
  const suggestedSlug = options.slug || slugForTitle(document.guesses.title ?? document.file);
  const found = await findExistingSource(prisma, {
    slug: suggestedSlug,
    url: options.url ?? document.guesses.url ?? null,
    textSha256: prepared.textSha256,
    via: "import",
    target: options.target ?? "auto",
  });

  let match: PreviewMatch | null = null;
  let storedQuotes = new Set<string>();
  if (found) {
    const stored = await prisma.claim.findMany({
      where: { sourceId: found.source.id },
      select: { quote: true, startOffset: true, endOffset: true, prefix: true, suffix: true },
    });
    storedQuotes = new Set(stored.map((claim) => claim.quote));
    match = {
      sourceId: found.source.id, slug: found.source.slug, title: found.source.title, matchedBy: found.matchedBy,
      claimCount: stored.length, claimsStaying: 0, claimsMoving: 0, claimsLosingTheirText: 0,
    };
    for (const claim of stored) {
      const result = reanchor(prepared.text, {
        quote: claim.quote, start: claim.startOffset, end: claim.endOffset, prefix: claim.prefix, suffix: claim.suffix,
      });
      if (result.status === "orphaned") match.claimsLosingTheirText++;
      else if (result.status === "reanchored" && result.start !== claim.startOffset) match.claimsMoving++;
      else match.claimsStaying++;
    }
  }

  const speakers = await previewSpeakers(prisma, prepared.extracted);
  const joins = new Map(speakers.map((speaker) => [speaker.name, speaker.actor]));
  const duplicate = found?.matchedBy === "text";
  return {
    file: document.file,
    format: document.format,
    formatLabel: FORMAT_LABELS[document.format],
    bytes: document.bytes,
    text: prepared.text,
    textSha256: prepared.textSha256,
    guesses: document.guesses,
    suggestedSlug,
    match,
    speakers,
    claims: prepared.extracted.map((claim) => ({
      quote: claim.quote,
      start: claim.start,
      end: claim.end,
      speaker: claim.speaker?.name ?? null,
      speakerKind: claim.speaker?.kind ?? null,
      knownSpeaker: claim.speaker ? joins.get(claim.speaker.name) != null : false,
      cue: claim.cue,
      attribution: claim.attribution,
      alreadyStored: duplicate || storedQuotes.has(claim.quote),
      checkWorthiness: facetColumns({ quote: claim.quote, cue: claim.cue, speakerName: claim.speaker?.name ?? null, context: facetContext(prepared.text, claim.start) }).checkWorthiness,
    })),
  };
}

export interface ImportResult {
  file: string;
  format: DocumentFormat;
  summary: IngestSummary;
  contradictionsFound: number;
}

function importAction(summary: IngestSummary): string {
  if (summary.duplicate) return "import.duplicate";
  return summary.created ? "import.create" : "import.update";
}

/** Saves a read document in one transaction; a refused or failed import writes nothing. */
export async function importDocument(
  prisma: PrismaClient,
  input: { document: ReadDocument; request: ImportRequest; userId: number | null },
): Promise<ImportResult> {
  const { document, request } = input;
  let contradictionsFound = 0;
  const summary = await ingestDocument(prisma, {
    metadata: request.metadata,
    rawText: document.rawText,
    originFile: document.file,
    userId: input.userId,
    via: "import",
    target: request.target,
    sameAs: request.sameAs,
    afterWrite: async (tx, written) => {
      if (!written.duplicate) contradictionsFound = await detectContradictionsAfterImport(tx, written, input.userId);
      await recordAudit(tx, {
        userId: input.userId,
        entityType: "import",
        entityId: written.sourceId,
        action: importAction(written),
        after: {
          file: document.file, format: document.format, bytes: document.bytes, slug: written.slug,
          matchedBy: written.matchedBy, claimsCreated: written.claimsCreated, claimsReanchored: written.claimsReanchored,
          claimsOrphaned: written.claimsOrphaned, actorsCreated: written.actorsCreated, contradictionsFound,
        },
      });
    },
  }).catch((error: unknown) => {
    throw asRefusal(error, document.file);
  });
  return { file: document.file, format: document.format, summary, contradictionsFound };
}

/** One line for the CLI summary and the form's confirmation. */
export function describeImport(result: ImportResult): string {
  const { summary } = result;
  if (summary.duplicate) return `already stored as "${summary.slug}" (same text); linked to it, nothing new written`;
  const how = summary.created
    ? `new source "${summary.slug}"`
    : `new version of "${summary.slug}" (matched by ${summary.matchedBy === "chosen" ? "your choice" : summary.matchedBy})`;
  const changes = summary.created
    ? ""
    : summary.textChanged
      ? `, ${summary.claimsReanchored} claims re-anchored, ${summary.claimsOrphaned} need review`
      : ", text unchanged";
  return (
    `${how}: ${summary.claimsCreated} new claims of ${summary.claimsTotal}${changes}, ` +
    `${summary.actorsCreated} new actors, ${result.contradictionsFound} candidate contradictions`
  );
}
