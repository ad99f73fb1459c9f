// Imports files from disk one at a time, each in its own transaction: a refused file is
// reported by name and the others still load. Used by the command line.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { importMaxBytes } from "@/lib/env";
import { overLimitDetail } from "@/lib/import/sniff-format";
import { ImportRefusedError } from "@/lib/import/errors";
import { describeImport, importDocument, parseImportRequest, type ImportResult } from "@/lib/import/import-document";
import { readImportFile } from "@/lib/import/read-document";

export interface ImportFilesOptions {
  kind?: string;
  publisher?: string;
  reliability?: string;
  language?: string;
  maxBytes?: number;
  userId?: number | null;
  onFileDone?: (file: string, done: number) => void;
}

export interface ImportFilesReport {
  imported: ImportResult[];
  failures: { file: string; message: string }[];
  seconds: number;
}

async function readBytes(file: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ImportRefusedError(file, "unreadable_file", "is a folder, not a file");
    size = info.size;
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportRefusedError(file, "unreadable_file", code === "ENOENT" ? "the file does not exist" : `cannot be read (${code ?? "unknown error"})`);
  }
  // Checked before reading so a huge file is never loaded into memory.
  if (size > maxBytes) {
    throw new ImportRefusedError(file, "too_large", overLimitDetail("the file", size, maxBytes));
  }
  return new Uint8Array(await readFile(file));
}

export async function importFiles(prisma: PrismaClient, files: string[], options: ImportFilesOptions = {}): Promise<ImportFilesReport> {
  const started = performance.now();
  const maxBytes = options.maxBytes ?? importMaxBytes();
  const report: ImportFilesReport = { imported: [], failures: [], seconds: 0 };
  for (const [index, file] of files.entries()) {
    const name = path.basename(file);
    try {
      const bytes = await readBytes(file, maxBytes);
      const document = await readImportFile(name, bytes, { maxBytes });
      const { guesses } = document;
      const request = parseImportRequest(name, {
        metadata: {
          title: guesses.title,
          kind: options.kind ?? "other",
          publisher: options.publisher ?? guesses.publisher,
          author: guesses.author,
          publishedDate: guesses.publishedDate,
          url: guesses.url,
          language: options.language ?? guesses.language ?? "en",
          reliability: options.reliability,
        },
        target: "auto",
      });
      report.imported.push(await importDocument(prisma, { document, request, userId: options.userId ?? null }));
    } catch (error) {
      const message = error instanceof ImportRefusedError ? error.message : `${name}: ${(error as Error).message}`;
      report.failures.push({ file, message });
    }
    options.onFileDone?.(name, index + 1);
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function formatImportSummary(report: ImportFilesReport): string {
  const total = report.imported.length + report.failures.length;
  const lines = [
    `Import: ${report.imported.length} of ${total} file(s) imported` +
      `${report.failures.length ? `, ${report.failures.length} failed` : ""}; ${report.seconds.toFixed(1)} s`,
  ];
  for (const result of report.imported) lines.push(`  ok      ${result.file}: ${describeImport(result)}`);
  for (const failure of report.failures) lines.push(`  FAILED  ${failure.message}`);
  return lines.join("\n");
}
