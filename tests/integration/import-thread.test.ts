// A large document is previewed and saved on the import's worker thread, with a database connection
// of its own (issue 19, item 1): the result, the refusals and the audit are those of an import in place.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { readImportFile } from "@/lib/import/read-document";
import { parseImportRequest } from "@/lib/import/import-document";
import { THREAD_MIN_CHARACTERS, belongsOnThread, previewOnThread, saveJobOnThread } from "@/lib/import/import-thread";
import type { ReadDocument } from "@/lib/import/types";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";
import type { ImportResult } from "@/lib/import/import-document";

const SETS = path.resolve(import.meta.dirname, "../fixtures/conflicts");

/** Every labelled news text of the development sets, one after another: about 150 KB of prose. */
function largeDocument(): string {
  const texts: string[] = [];
  for (const subject of readdirSync(SETS).filter((name) => !name.includes("."))) {
    for (const file of readdirSync(path.join(SETS, subject)).filter((name) => name.endsWith(".txt")))
      texts.push(readFileSync(path.join(SETS, subject, file), "utf8"));
  }
  let text = texts.join("\n\n");
  for (let part = 2; text.length < THREAD_MIN_CHARACTERS * 1.2; part++)
    text += `\n\nPart ${part}.\n\n${texts.join("\n\n").replace(/\d+/g, (digits) => String(Number(digits) + part))}`;
  return text;
}

/** A stored import job, as POST /api/import leaves it for the worker. */
async function storedJob(database: TestDatabase, document: ReadDocument, request: unknown, userId: number): Promise<number> {
  const job = await database.prisma.importJob.create({
    data: {
      requestedBy: userId,
      fileName: document.file,
      document: JSON.parse(JSON.stringify(document)),
      request: JSON.parse(JSON.stringify(request)),
      phase: "queued",
    },
    select: { id: true },
  });
  return job.id;
}

describe("imports on the worker thread", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    database = await createTestDatabase();
    users = await createRoleUsers(database.prisma);
    // The thread opens its own connection from the environment, as the server's does.
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    resetEnvCache();
    await database?.drop();
  });

  test("a large document is previewed and saved there, with its claims, speakers and one audit event", async () => {
    const document = await readImportFile("many-stories.txt", new TextEncoder().encode(largeDocument()), { maxBytes: 5 * 1024 * 1024 });
    expect(belongsOnThread(document)).toBe(true);

    const preview = await previewOnThread(document, { slug: "many-stories" });
    expect(preview.claims.length).toBeGreaterThan(200);
    expect(await database.prisma.source.count()).toBe(0);

    const input = { metadata: { title: "Many stories", kind: "news" }, target: "auto" };
    parseImportRequest(document.file, input);
    const result: ImportResult = await saveJobOnThread(await storedJob(database, document, input, users.editor.id));
    expect(result.summary.created).toBe(true);
    const source = await database.prisma.source.findUniqueOrThrow({
      where: { id: result.summary.sourceId },
      include: { _count: { select: { claims: true } } },
    });
    expect(source.title).toBe("Many stories");
    expect(source._count.claims).toBeGreaterThan(200);
    expect(source._count.claims).toBeLessThanOrEqual(preview.claims.length);
    expect(await database.prisma.claim.count({ where: { sourceId: source.id, speakerId: { not: null } } })).toBeGreaterThan(100);
    const audit = await database.prisma.auditEvent.findMany({ where: { entityType: "source", entityId: String(source.id) } });
    expect(audit).toEqual([expect.objectContaining({ userId: users.editor.id, action: "import.create" })]);
  }, 240_000);

  test("a refusal on the thread reaches the editor as the same clear message and status, and nothing is written", async () => {
    const document = await readImportFile("update-of-nothing.txt", new TextEncoder().encode(`${largeDocument()}\n\nA version of its own.`), {
      maxBytes: 5 * 1024 * 1024,
    });
    const sources = await database.prisma.source.count();
    const events = await database.prisma.auditEvent.count();
    const input = { metadata: { title: "Update", kind: "news" }, target: 987654 };
    const job = await storedJob(database, document, input, users.editor.id);
    const error = await saveJobOnThread(job).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 404, message: "The source this document should replace no longer exists." });
    expect(await database.prisma.source.count()).toBe(sources);
    expect(await database.prisma.auditEvent.count()).toBe(events);
  }, 120_000);
});
