// The five seed documents, normalized once per test file. They live in the repository
// (seed/documents) so extraction tests run wherever the repository is checked out.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { normalizeDocument } from "../../lib/extract/normalize";

const SEED_DIRECTORY = fileURLToPath(new URL("../../seed/documents/", import.meta.url));

export interface SeedDocument {
  /** "000" … "004", the prefix of the file name. */
  id: string;
  raw: string;
  text: string;
}

const cache = new Map<string, SeedDocument>();

export function seedDocumentIds(): string[] {
  return readdirSync(SEED_DIRECTORY)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => name.slice(0, 3));
}

export function seedDocument(id: string): SeedDocument {
  const cached = cache.get(id);
  if (cached) return cached;
  const file = readdirSync(SEED_DIRECTORY).find((name) => name.startsWith(`${id}_`));
  if (!file) throw new Error(`seed document ${id} not found in ${SEED_DIRECTORY}`);
  const raw = readFileSync(`${SEED_DIRECTORY}${file}`, "utf8");
  const document = { id, raw, text: normalizeDocument(raw).text };
  cache.set(id, document);
  return document;
}
