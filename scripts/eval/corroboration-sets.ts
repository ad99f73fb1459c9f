// Corroboration labels beside the conflict sets (tests/fixtures/conflicts/<subject>/corroboration.json)
// and for the seed (tests/fixtures/seed-corroboration.json): which documents repost which, which claims
// state the same proposition, where each of those claims ultimately comes from (its origin and the
// intermediaries between), and look-alike pairs that state different things. The format is described in
// tests/fixtures/conflicts/CORROBORATION-LABELS.md. Documents are read as the conflict sets read them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { normalizeDocument } from "@/lib/extract";
import { readImportFile } from "@/lib/import/read-document";
import type { SeedManifestEntry } from "@/lib/ingest/schema";
import { DEFAULT_DOCUMENTS_DIR, DEFAULT_MANIFEST, readJsonFile, readManifest } from "@/seed/run-seed";
import { readSubjectManifest } from "./conflict-sets";

export const SEED_CORROBORATION = path.resolve(import.meta.dirname, "../../tests/fixtures/seed-corroboration.json");

const located = z.object({ file: z.string().min(1), claim: z.string().min(4) });

const repostSchema = z.object({
  file: z.string().min(1),
  original: z.string().min(1),
  /** whole: the document is essentially the original (plus page debris or a comment); partial: some passages copied. */
  extent: z.enum(["whole", "partial"]),
  /** Does the repeating document name the original (title, outlet, author or link)? */
  attributed: z.boolean(),
  note: z.string().min(1),
});

const memberSchema = located.extend({
  /** Who the statement ultimately comes from: a speaker id, a document or body id, or the file itself for its own reporting. */
  origin: z.string().min(1),
  /** Intermediaries between the origin and the document, outermost first. */
  via: z.array(z.string().min(1)).min(1).optional(),
});

const propositionSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case words joined by hyphens"),
  label: z.string().min(1),
  members: z.array(memberSchema).min(2),
  /** The number of independent origins: the number of distinct member origins. */
  origins: z.number().int().min(1),
});

export const corroborationLabelsSchema = z
  .object({
    subject: z.string().min(1),
    reposts: z.array(repostSchema),
    propositions: z.array(propositionSchema).min(1),
    different: z.array(z.object({ a: located, b: located, why: z.string().min(1) })),
  })
  .superRefine((labels, context) => {
    const ids = new Set<string>();
    labels.propositions.forEach((proposition, index) => {
      if (ids.has(proposition.id))
        context.addIssue({ code: "custom", path: ["propositions", index, "id"], message: `duplicate proposition id "${proposition.id}"` });
      ids.add(proposition.id);
      const distinct = new Set(proposition.members.map((member) => member.origin)).size;
      if (distinct !== proposition.origins) {
        context.addIssue({
          code: "custom",
          path: ["propositions", index, "origins"],
          message: `"${proposition.id}" says ${proposition.origins} origin(s) but its members have ${distinct} distinct origin(s)`,
        });
      }
    });
    labels.reposts.forEach((repost, index) => {
      if (repost.file === repost.original)
        context.addIssue({ code: "custom", path: ["reposts", index, "original"], message: "a document cannot repost itself" });
    });
  });
export type CorroborationLabels = z.infer<typeof corroborationLabelsSchema>;

export interface CorroborationDocument {
  file: string;
  entry: SeedManifestEntry;
  /** The document's text as an import reads it and the extractor normalizes it. */
  text: string;
}

export interface CorroborationSubject {
  name: string;
  labels: CorroborationLabels;
  documents: CorroborationDocument[];
}

/** Where a labelled substring sits in a text, tolerant of curly quotes, dash kinds and spacing (as the conflict sets compare). */
export function findLabelledText(text: string, claim: string): { start: number; end: number }[] {
  const pattern = Array.from(claim.trim())
    .map((char) => {
      if (/\s/.test(char)) return "\\s+";
      if (/['’‘`]/.test(char)) return "['’‘`]";
      if (/["“”]/.test(char)) return '["“”]';
      if (/[-–—]/.test(char)) return "[-–—]";
      return char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("")
    .replace(/(\\s\+)+/g, "\\s+");
  return Array.from(text.matchAll(new RegExp(pattern, "g")), (match) => ({ start: match.index, end: match.index + match[0].length }));
}

async function readDocuments(manifest: SeedManifestEntry[], documentsDir: string): Promise<CorroborationDocument[]> {
  const documents: CorroborationDocument[] = [];
  for (const entry of manifest) {
    const read = await readImportFile(entry.file, new Uint8Array(await readFile(path.join(documentsDir, entry.file))));
    documents.push({ file: entry.file, entry, text: normalizeDocument(read.rawText).text });
  }
  return documents;
}

/** A conflict-set subject's corroboration labels with its documents' texts. */
export async function loadCorroborationSubject(dir: string): Promise<CorroborationSubject> {
  const labels = await readJsonFile(path.join(dir, "corroboration.json"), corroborationLabelsSchema, "not found (a subject folder holds corroboration.json)");
  const documents = await readDocuments(await readSubjectManifest(dir), dir);
  return { name: path.basename(dir), labels, documents };
}

/** The seed's corroboration labels with the seed documents' texts. */
export async function loadSeedCorroboration(): Promise<CorroborationSubject> {
  const labels = await readJsonFile(SEED_CORROBORATION, corroborationLabelsSchema, "not found");
  const documents = await readDocuments(await readManifest(DEFAULT_MANIFEST), DEFAULT_DOCUMENTS_DIR);
  return { name: "mqm-seed", labels, documents };
}
