// Shapes shared by the import readers (text, Markdown, HTML, PDF) and the import form.
import type { DocumentFormat } from "@/lib/import/detect";

/** Metadata a document states about itself, used to pre-fill the import form. */
export interface MetadataGuesses {
  title?: string;
  author?: string;
  publisher?: string;
  publishedDate?: string;
  url?: string;
  language?: string;
}

/** A document read from a file or from pasted text, not yet normalized. */
export interface ReadDocument {
  file: string;
  format: DocumentFormat;
  bytes: number;
  /** The prose as the reader extracted it; ingest normalizes it. */
  rawText: string;
  guesses: MetadataGuesses;
}
