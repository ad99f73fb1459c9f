// Loads every document the manifest lists, one transaction per document. A missing,
// empty or unreadable document is reported by name and nothing is written for it;
// the others still load.
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestDocument, type IngestSummary } from "@/lib/ingest/ingest-document";
import { DocumentError } from "@/lib/ingest/plan";
import { decodeTextFile } from "@/lib/import/sniff-format";
import { ImportRefusedError } from "@/lib/import/errors";
import { seedManifestSchema, type SeedManifestEntry } from "@/lib/ingest/schema";

export const SEED_DIR = path.resolve(import.meta.dirname);
export const DEFAULT_MANIFEST = path.join(SEED_DIR, "sources.json");
export const DEFAULT_DOCUMENTS_DIR = path.join(SEED_DIR, "documents");

export interface SeedOptions {
  manifestPath?: string;
  documentsDir?: string;
  log?: (line: string) => void;
}

export interface SeedReport {
  documents: IngestSummary[];
  failures: { file: string; message: string }[];
  actors: number;
  claims: number;
  seconds: number;
}

/** A JSON file checked by its schema; a missing, malformed or invalid file is refused by name. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, unreadable: string): Promise<T> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new Error(`${file}: ${unreadable}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file}: ${first?.path.join(".")}: ${first?.message}`);
  }
  return parsed.data;
}

export async function readManifest(manifestPath: string): Promise<SeedManifestEntry[]> {
  return readJsonFile(manifestPath, seedManifestSchema, "cannot read the seed manifest");
}

/** Reads a document as UTF-8, refusing what is missing, empty or not text. */
export async function readDocument(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DocumentError(file, code === "ENOENT" ? "the file does not exist" : `cannot be read (${code ?? "unknown error"})`);
  }
  try {
    return decodeTextFile(file, bytes);
  } catch (error) {
    throw error instanceof ImportRefusedError ? new DocumentError(file, error.detail) : error;
  }
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const manifest = await readManifest(options.manifestPath ?? DEFAULT_MANIFEST);
  const documentsDir = options.documentsDir ?? DEFAULT_DOCUMENTS_DIR;
  const report: SeedReport = { documents: [], failures: [], actors: 0, claims: 0, seconds: 0 };

  for (const [index, entry] of manifest.entries()) {
    const file = path.join(documentsDir, entry.file);
    const position = `[${index + 1}/${manifest.length}]`;
    try {
      const rawText = await readDocument(file);
      const { file: _file, ...metadata } = entry;
      const summary = await ingestDocument(prisma, { metadata, rawText, originFile: entry.file, via: "seed" });
      report.documents.push(summary);
      log(
        `${position} ${entry.slug}: ${summary.claimsTotal} claims` +
          ` (${summary.claimsCreated} new, ${summary.claimsUpdated} updated, ${summary.claimsKept} kept as edited` +
          (summary.textChanged ? `, text changed: ${summary.claimsReanchored} re-anchored, ${summary.claimsOrphaned} need review` : "") +
          `), ${summary.actorsCreated} new actors`,
      );
    } catch (error) {
      const message = error instanceof DocumentError ? error.message : `${entry.file}: ${(error as Error).message}`;
      report.failures.push({ file: entry.file, message });
      log(`${position} FAILED ${message}`);
    }
  }
  report.actors = await prisma.actor.count();
  report.claims = await prisma.claim.count();
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function formatSeedSummary(report: SeedReport): string {
  const ok = report.documents.length;
  const failed = report.failures.length;
  return (
    `Seed: ${ok} document(s) loaded${failed ? `, ${failed} failed` : ""}; ` +
    `${report.claims} claims, ${report.actors} actors in the database; ${report.seconds.toFixed(1)} s`
  );
}
