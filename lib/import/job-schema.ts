// An import job as the status route answers it and the import page polls it. Client-safe: zod only.
import { z } from "zod";
import { savedImportSchema } from "@/lib/import/preview-schema";
import { DOCUMENT_FORMATS, metadataGuessesSchema } from "@/lib/import/types";

export const IMPORT_JOB_STATUSES = ["queued", "running", "finished", "failed"] as const;

export const importJobSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  status: z.enum(IMPORT_JOB_STATUSES),
  phase: z.string(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  result: savedImportSchema.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type ImportJobView = z.infer<typeof importJobSchema>;

/** POST /api/import's 202 answer. */
export const queuedImportSchema = z.object({ jobId: z.number().int(), statusUrl: z.string() });

/** The document a job stored, read back at the worker's boundary. */
export const storedDocumentSchema = z.object({
  file: z.string(),
  format: z.enum(DOCUMENT_FORMATS),
  bytes: z.number().int(),
  rawText: z.string(),
  guesses: metadataGuessesSchema,
});
