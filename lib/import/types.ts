// Shapes shared by the import readers (text, Markdown, HTML, PDF), the preview and the import
// form. Client-safe: zod and types only.
import { z } from "zod";
import { SOURCE_KINDS } from "@/lib/ingest/schema";

export const DOCUMENT_FORMATS = ["text", "markdown", "html", "pdf"] as const;

export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const metadataGuessesSchema = z.object({
  title: z.string().optional(),
  author: z.string().optional(),
  publisher: z.string().optional(),
  publishedDate: z.string().optional(),
  url: z.string().optional(),
  language: z.string().optional(),
  /** From the page's own markup (lib/import/html.ts kindGuess); other formats leave it to the editor. */
  kind: z.enum(SOURCE_KINDS).optional(),
});

export type MetadataGuesses = z.infer<typeof metadataGuessesSchema>;

export interface ReadDocument {
  file: string;
  format: DocumentFormat;
  bytes: number;
  /** The prose as the reader extracted it; ingest normalizes it. */
  rawText: string;
  guesses: MetadataGuesses;
}
