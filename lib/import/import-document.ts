// Import goes through the seed's pipeline (lib/ingest): plan, then one transaction that writes,
// detects contradictions and audits. The preview shows the same plan without writing.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ExtractedClaim, ExtractedSpeaker } from "@/lib/extract";
import { ActorDirectory } from "@/lib/actors/identity";
import { similarActors } from "@/lib/actors/similar";
import { facetColumns, facetPlace } from "@/lib/claims/facets";
import { actorsFor, ingestDocument, planAgainstStore, type IngestSummary, type IngestTarget } from "@/lib/ingest/ingest-document";
import { DocumentError, prepareDocument, type PreparedDocument } from "@/lib/ingest/plan";
import { fieldErrorsOf } from "@/lib/errors";
import { FORMAT_LABELS } from "@/lib/import/sniff-format";
import { ImportRefusedError } from "@/lib/import/errors";
import { importRequestSchema, sourceSlug, type ImportRequest } from "@/lib/import/schema";
import type { ImportPreview, PreviewMatch, PreviewSpeaker } from "@/lib/import/preview-schema";
import type { DocumentFormat, ReadDocument } from "@/lib/import/types";
import { countOf, plural } from "@/lib/format/plural";

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

/** Reads only: the plan the save will carry out. */
export async function previewImport(
  prisma: PrismaClient,
  document: ReadDocument,
  options: { slug?: string; url?: string | null; target?: IngestTarget } = {},
): Promise<ImportPreview> {
  const prepared = prepare(document);
  const suggestedSlug = options.slug || sourceSlug(document.guesses.title ?? document.file);
  const plan = await planAgainstStore(prisma, prepared, {
    slug: suggestedSlug,
    url: options.url ?? document.guesses.url ?? null,
    via: "import",
    target: options.target ?? "auto",
  });

  const match: PreviewMatch | null = plan.match && {
    sourceId: plan.match.source.id,
    slug: plan.match.source.slug,
    title: plan.match.source.title,
    matchedBy: plan.match.matchedBy,
    claimCount: plan.anchoring.length,
    claimsStaying: plan.claimsStaying,
    claimsReanchored: plan.claimsReanchored,
    claimsLosingTheirText: plan.claimsOrphaned,
    anchoring: plan.anchoring.map(({ claimId, outcome }) => ({ claimId, outcome })),
  };
  const speakers = await previewSpeakers(prisma, prepared.extracted);
  const joins = new Map(speakers.map((speaker) => [speaker.name, speaker.actor]));
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
    claims: prepared.extracted.map((claim, index) => ({
      quote: claim.quote,
      start: claim.start,
      end: claim.end,
      speaker: claim.speaker?.name ?? null,
      speakerKind: claim.speaker?.kind ?? null,
      knownSpeaker: claim.speaker ? joins.get(claim.speaker.name) != null : false,
      cue: claim.cue,
      attribution: claim.attribution,
      alreadyStored: plan.extracted[index]!.outcome !== "new",
      checkWorthiness: facetColumns({
        quote: claim.quote,
        cue: claim.cue,
        speakerName: claim.speaker?.name ?? null,
        ...facetPlace(prepared.text, claim.start),
      }).checkWorthiness,
    })),
  };
}

export interface ImportResult {
  file: string;
  format: DocumentFormat;
  summary: IngestSummary;
  contradictionsFound: number;
}

/** A refused or failed import writes nothing. */
export async function importDocument(
  prisma: PrismaClient,
  input: { document: ReadDocument; request: ImportRequest; userId: number | null },
): Promise<ImportResult> {
  const { document, request } = input;
  const summary = await ingestDocument(prisma, {
    metadata: request.metadata,
    rawText: document.rawText,
    originFile: document.file,
    userId: input.userId,
    via: "import",
    target: request.target,
    sameAs: request.sameAs,
    detectContradictions: true,
    auditDetails: { format: document.format, bytes: document.bytes },
  }).catch((error: unknown) => {
    throw asRefusal(error, document.file);
  });
  return { file: document.file, format: document.format, summary, contradictionsFound: summary.contradictionsFound ?? 0 };
}

export function describeImport(result: ImportResult): string {
  const { summary } = result;
  if (summary.duplicate) return `a source with this text already exists: “${summary.title}” ("${summary.slug}"); linked to it, nothing new written`;
  const how = summary.created
    ? `new source "${summary.slug}"`
    : `new version of "${summary.slug}" (matched by ${summary.matchedBy === "chosen" ? "your choice" : summary.matchedBy})`;
  const changes = summary.created
    ? ""
    : summary.textChanged
      ? `, ${countOf(summary.claimsReanchored, "claim", "claims")} re-anchored, ${summary.claimsOrphaned} ${plural(summary.claimsOrphaned, "needs", "need")} review`
      : ", text unchanged";
  return (
    `${how}: ${summary.claimsCreated} new ${plural(summary.claimsCreated, "claim", "claims")} of ${summary.claimsTotal}${changes}, ` +
    `${summary.actorsCreated} new ${plural(summary.actorsCreated, "actor", "actors")}, ${countOf(result.contradictionsFound, "candidate contradiction", "candidate contradictions")}`
  );
}
