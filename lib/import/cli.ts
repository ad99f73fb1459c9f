// npm run import -- <files…> [--kind KIND] [--publisher NAME] [--reliability A-F] [--language CODE]
// Exits non-zero when any file failed, after importing the rest.
import "dotenv/config";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { z } from "zod";
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "@/lib/cli/run";
import { RELIABILITIES, SOURCE_KINDS } from "@/lib/ingest/schema";
import { formatImportSummary, importFiles } from "@/lib/import/import-files";

const USAGE = "usage: npm run import -- <files…> [--kind KIND] [--publisher NAME] [--reliability A-F] [--language CODE]";

const importArgumentsSchema = z.object({
  files: z.array(z.string().min(1)).min(1, `Name at least one file to import.\n${USAGE}`),
  kind: z.enum(SOURCE_KINDS, { error: `--kind must be one of: ${SOURCE_KINDS.join(", ")}` }).optional(),
  publisher: z.string().trim().min(1).max(2000).optional(),
  reliability: z.enum(RELIABILITIES, { error: "--reliability must be a letter from A to F" }).optional(),
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "--language must be a code such as en or en-GB")
    .optional(),
});

await runCli(async () => {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      allowPositionals: true,
      options: {
        kind: { type: "string" },
        publisher: { type: "string" },
        reliability: { type: "string" },
        language: { type: "string" },
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const parsed = importArgumentsSchema.safeParse({ files: parsedArgs.positionals, ...parsedArgs.values });
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join("; "));
  const { files, ...options } = parsed.data;

  const database = await resolveDatabase();
  try {
    await migrate(database.url);
    const prisma = createPrismaClient(database.url, 1);
    const bar = new cliProgress.SingleBar(
      { format: "Importing [{bar}] {value}/{total} {file}", hideCursor: true, clearOnComplete: false, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    try {
      bar.start(files.length, 0, { file: "" });
      const report = await importFiles(prisma, files, {
        ...options,
        onFileDone: (file, done) => bar.update(done, { file }),
      });
      bar.stop();
      console.log(formatImportSummary(report));
      if (report.failures.length > 0) process.exitCode = 1;
    } finally {
      bar.stop();
      await prisma.$disconnect();
    }
  } finally {
    await database.release();
  }
});
