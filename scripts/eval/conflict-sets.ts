// The labelled conflict sets under tests/fixtures/conflicts/<subject>/: a manifest of
// documents (as seed/sources.json), the documents themselves (text, Markdown or HTML, read
// as an import reads them) and labels.json, the pairs an editor would confirm as conflicts
// and the look-alike pairs that are not. Claims are named by substrings of their quotes.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { extractClaims, normalizeDocument, type ExtractedClaim } from "@/lib/extract";
import { readImportFile } from "@/lib/import/read-document";
import { seedManifestSchema, type SeedManifestEntry } from "@/lib/ingest/schema";
import { readJsonFile } from "@/seed/run-seed";

/** Never tuned on: every eval reports these subjects apart, as the figure for material the rules have not seen. */
export const HELD_OUT: ReadonlySet<string> = new Set(["mh17"]);

export const CONFLICT_SETS_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/conflicts");

const side = z.array(z.string().min(4)).min(1);
const judgedPair = z.object({ label: z.string().min(1), a: side, b: side, note: z.string().min(1) });

/**
 * Pooled judgments: proposals the labels written in advance did not foresee, judged afterwards by
 * reading both claims in their documents. A judged conflict counts toward pooled precision only,
 * never toward recall (CONFLICT-LABELS.md).
 */
export const judgedPairsSchema = z.object({ conflicts: z.array(judgedPair).default([]), notConflicts: z.array(judgedPair).default([]) });
export type JudgedPairs = z.infer<typeof judgedPairsSchema>;

export const conflictLabelsSchema = z.object({
  subject: z.string().min(1),
  title: z.string().min(1),
  conflicts: z.array(z.object({ label: z.string().min(1), kind: z.string().optional(), a: side, b: side })),
  nonConflicts: z.array(z.object({ label: z.string().min(1), why: z.string().min(1), a: side, b: side })),
  judged: judgedPairsSchema.optional(),
});
export type ConflictLabels = z.infer<typeof conflictLabelsSchema>;
export type LabelledPair = { label: string; a: string[]; b: string[] };

export interface SubjectDocument {
  file: string;
  entry: SeedManifestEntry;
  rawText: string;
  text: string;
  claims: ExtractedClaim[];
}

export interface ConflictSubject {
  name: string;
  dir: string;
  labels: ConflictLabels;
  documents: SubjectDocument[];
}

/** Curly and straight quotes, dashes and spacing differ between documents; compare without them. */
export function plainText(text: string): string {
  return text.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, "-").replace(/\s+/g, " ");
}

/** A JSON file of a conflict set, checked by its schema (the seed manifest's reader). */
function readSetFile<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  return readJsonFile(path.join(dir, name), schema, "not found (a conflict set folder holds manifest.json and labels.json)");
}

/** The subject's documents, in the order they are loaded. */
export function readSubjectManifest(dir: string): Promise<SeedManifestEntry[]> {
  return readSetFile(dir, "manifest.json", seedManifestSchema);
}

export async function loadConflictSubject(dir: string): Promise<ConflictSubject> {
  const manifest = await readSubjectManifest(dir);
  const labels = await readSetFile(dir, "labels.json", conflictLabelsSchema);
  const documents: SubjectDocument[] = [];
  for (const entry of manifest) {
    const file = path.join(dir, entry.file);
    const read = await readImportFile(entry.file, new Uint8Array(await readFile(file)));
    const { text } = normalizeDocument(read.rawText);
    documents.push({ file: entry.file, entry, rawText: read.rawText, text, claims: extractClaims(text) });
  }
  return { name: path.basename(dir), dir, labels, documents };
}

/** Every subject folder that holds a labels.json. */
export async function conflictSubjectDirs(root: string = CONFLICT_SETS_DIR): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const dirs: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const labels = path.join(root, entry.name, "labels.json");
    try {
      await readFile(labels);
      dirs.push(path.join(root, entry.name));
    } catch {
      // not a subject folder
    }
  }
  return dirs.sort();
}
