// Reposts through the import job: a whole repost and a partial one are proposed against the right
// original with the share a reader would see; unrelated documents and two stories sharing a stock
// sentence propose nothing; the candidate lookup compares a document with the few sources sharing a
// band key, not with every source; editors' decisions are versioned, audited and kept by `npm run reuse`.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { runImportJob } from "@/lib/import/jobs";
import { queuedImportSchema, importJobSchema } from "@/lib/import/job-schema";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { resetEnvCache } from "@/lib/env";
import { candidateSources, detectReuseFor, fingerprintSource } from "@/lib/reuse/detect";
import { reuseOf, originalSpan } from "@/lib/reuse/origins";
import { readPassages } from "@/lib/reuse/passages";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { startTestImportJobs, type TestImportJobs } from "@/tests/helpers/import-jobs";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import {
  COPIED_PARAGRAPHS,
  ENCYCLOPEDIA_ORIGINAL,
  FORUM_REPOST,
  PARTIAL_REPOST,
  setDocument,
  STOCK_A,
  STOCK_B,
  WIRE_ORIGINAL,
  type ReuseTestDocument,
} from "@/tests/helpers/reuse-documents";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));

const ORIGIN = "http://localhost";
const { POST: savePost } = await import("@/app/api/import/route");
const { decideSourceReuseAction } = await import("@/lib/reuse/actions");

/** Documents of the labelled sets on other subjects (mh17 is held out): none repeats another. */
const UNRELATED = [
  ["baldia-fire", "01-news-jit-mqm-denial.txt"],
  ["baldia-fire", "02-press-release-ntuf-anniversary.txt"],
  ["baldia-fire", "03-encyclopedia-baldia-fire.txt"],
  ["baldia-fire", "06-news-owners-shopkeepers.txt"],
  ["beirut-port", "02-statement-diab-office-fbi-500-tonnes.txt"],
  ["beirut-port", "03-encyclopedia-2020-beirut-explosion.txt"],
  ["deepwater-flow", "02-press-release-frtg-final.txt"],
  ["deepwater-flow", "03-encyclopedia-flow-rate.txt"],
  ["deepwater-flow", "06-news-spillcam-markey.txt"],
  ["rana-plaza", "01-wire-toll-rises-minister-blames-strikers.txt"],
  ["rana-plaza", "02-press-release-sanhati-missing-workers.txt"],
] as const;

describe("reposts", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let jobs: TestImportJobs;
  const ids = new Map<string, number>();

  /** Through the import job path: POST /api/import queues it, the worker's runImportJob saves it and looks for reposts. */
  async function importThroughJob(document: ReuseTestDocument): Promise<number> {
    const form = new FormData();
    form.set("text", document.text);
    form.set("title", document.title);
    form.set("slug", document.slug);
    form.set("kind", "news");
    form.set("target", "new");
    if (document.publisher) form.set("publisher", document.publisher);
    if (document.author) form.set("author", document.author);
    if (document.url) form.set("url", document.url);
    if (document.publishedDate) form.set("publishedDate", document.publishedDate);
    signInAs(users.editor);
    const response = await savePost(new Request(`${ORIGIN}/api/import`, { method: "POST", body: form, headers: { origin: ORIGIN } }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(202);
    const { jobId } = queuedImportSchema.parse(await response.json());
    await runImportJob(database.prisma, jobId);
    const job = await database.prisma.importJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.status, job.error ?? "").toBe("finished");
    const sourceId = importJobSchema.shape.result.parse(job.result)!.sourceId;
    ids.set(document.slug, sourceId);
    return sourceId;
  }

  const rowsOf = (sourceIds: number[]) =>
    database.prisma.sourceReuse.findMany({ where: { OR: [{ sourceId: { in: sourceIds } }, { originalId: { in: sourceIds } }] } });

  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    // The import thread opens its own connection from the environment, as the server's does.
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    users = await createRoleUsers(database.prisma);
    jobs = await startTestImportJobs(database, { worker: false });
    // Unrelated sources already on record, fingerprinted as `npm run reuse` or an import would.
    for (const [index, [set, file]] of UNRELATED.entries()) {
      const text = setDocument(set, file);
      const source = await database.prisma.source.create({
        data: { slug: `unrelated-${index}`, title: file, text, textSha256: String(index % 10).repeat(64) },
      });
      await fingerprintSource(database.prisma, source);
    }
  }, 120_000);
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    resetEnvCache();
    signInAs(null);
    await jobs?.stop();
    releaseAppDatabase();
    await database?.drop();
  });

  test("a whole repost imported after its original is proposed against it, with the copied part's share", async () => {
    const wire = await importThroughJob(WIRE_ORIGINAL);
    expect(await rowsOf([wire])).toEqual([]);
    const forum = await importThroughJob(FORUM_REPOST);
    const rows = await rowsOf([wire, forum]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ sourceId: forum, originalId: wire, status: "proposed", attributed: false, version: 1 });
    // The copied story is about a quarter to a half of the stored thread (import strips part of the board's debris).
    expect(row!.share).toBeGreaterThan(0.2);
    expect(row!.share).toBeLessThan(0.6);

    const [forumText, wireText] = await Promise.all([forum, wire].map(async (id) => (await database.prisma.source.findUniqueOrThrow({ where: { id } })).text));
    const passages = readPassages(row!.passages);
    expect(forumText!.slice(passages[0]!.start, passages[0]!.end)).toMatch(/^Two men were sentenced to death/);
    expect(wireText!.slice(passages[0]!.originalStart, passages[0]!.originalEnd)).toMatch(/^Two men were sentenced to death/);

    // The origins code's view: the forum repeats the wire; a span of its copy maps into the wire's text.
    const reuse = await reuseOf(database.prisma, [forum, wire]);
    expect(reuse.get(wire)).toEqual([]);
    expect(reuse.get(forum)).toEqual([expect.objectContaining({ originalId: wire, share: row!.share, attributed: false, status: "proposed" })]);
    const sentence = "Public prosecutor Sajid Mehboob Sheikh said he was satisfied with the sentences.";
    const start = forumText!.indexOf(sentence);
    const mapped = originalSpan(reuse.get(forum)![0]!, start, start + sentence.length, { text: forumText!, originalText: wireText! })!;
    expect(wireText!.slice(mapped.start, mapped.end)).toBe(sentence);
  });

  test("a partial repost imported before its original is still recorded against the earlier-dated article", async () => {
    const blog = await importThroughJob(PARTIAL_REPOST);
    const article = await importThroughJob(ENCYCLOPEDIA_ORIGINAL);
    const rows = await rowsOf([blog, article]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sourceId: blog, originalId: article, status: "proposed", attributed: false });
    expect(rows[0]!.share).toBeGreaterThan(0.4);
    expect(readPassages(rows[0]!.passages).length).toBeGreaterThanOrEqual(1);
  });

  test("two stories sharing one stock sentence, and an unrelated document, propose nothing", async () => {
    const a = await importThroughJob(STOCK_A);
    const b = await importThroughJob(STOCK_B);
    expect(await rowsOf([a, b])).toEqual([]);
    const unrelated = await database.prisma.source.findMany({ where: { slug: { startsWith: "unrelated-" } }, select: { id: true } });
    expect(await rowsOf(unrelated.map((source) => source.id))).toEqual([]);
  });

  test("finding candidates compares a document with the sources sharing a band key, not with every source", async () => {
    const forum = ids.get(FORUM_REPOST.slug)!;
    const total = await database.prisma.source.count();
    expect(total).toBeGreaterThan(15);
    const report = await detectReuseFor(database.prisma, forum);
    expect(report.compared).toBe(1);
    const source = await database.prisma.source.findUniqueOrThrow({ where: { id: forum } });
    const candidates = await candidateSources(database.prisma, forum, await fingerprintSource(database.prisma, source));
    expect(candidates.map((candidate) => candidate.sourceId)).toEqual([ids.get(WIRE_ORIGINAL.slug)]);
    // The lookup reads the key index, as it would with thousands of sources.
    const keys = (await database.prisma.sourceFingerprint.findMany({ where: { sourceId: forum }, select: { key: true } })).map((row) => String(row.key));
    const plan = await database.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<Array<{ "QUERY PLAN": string }>>`
        EXPLAIN SELECT source_id, count(*) FROM source_fingerprints WHERE key = ANY(${keys}::bigint[]) AND source_id <> ${forum} GROUP BY source_id`;
    });
    const steps = plan.map((line) => line["QUERY PLAN"].slice(0, 80)).join("\n");
    expect(steps).toMatch(/Index (Only )?Scan (using|on) source_fingerprints_pkey/);
    expect(steps).not.toMatch(/Seq Scan/);
  });

  test("editors confirm or dismiss; a stale or malformed decision is refused and changes nothing; viewers may not decide", async () => {
    const blog = ids.get(PARTIAL_REPOST.slug)!;
    const row = await database.prisma.sourceReuse.findFirstOrThrow({ where: { sourceId: blog } });
    const auditCount = () => database.prisma.auditEvent.count({ where: { entityType: "source_reuse", entityId: String(row.id) } });

    signInAs(users.viewer);
    const refused = await decideSourceReuseAction({ id: row.id, version: row.version, status: "confirmed" });
    expect(refused).toMatchObject({ ok: false, status: 403 });

    signInAs(users.editor);
    const bad = await decideSourceReuseAction({ id: row.id, version: row.version, status: "maybe" });
    expect(bad).toMatchObject({ ok: false, status: 422 });
    expect(bad.ok ? {} : bad.fieldErrors).toHaveProperty("status");

    const confirmed = await decideSourceReuseAction({ id: row.id, version: row.version, status: "confirmed" });
    expect(confirmed).toMatchObject({ ok: true, data: { status: "confirmed", version: row.version + 1 } });
    const events = await database.prisma.auditEvent.findMany({ where: { entityType: "source_reuse", entityId: String(row.id) } });
    expect(events).toEqual([expect.objectContaining({ userId: users.editor.id, action: "confirm" })]);
    expect(events[0]!.after).toMatchObject({ status: "confirmed" });

    // Another editor, still looking at the proposed row, dismisses it: refused, with the decision made.
    signInAs(users.admin);
    const stale = await decideSourceReuseAction({ id: row.id, version: row.version, status: "dismissed" });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect(stale.ok ? "" : stale.message).toMatch(/Someone else decided on this repost/);
    expect(stale.ok ? null : stale.current).toMatchObject({ status: "confirmed", savedBy: users.editor.name });
    expect(await database.prisma.sourceReuse.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "confirmed", decidedById: users.editor.id });
    expect(await auditCount()).toBe(1);

    const missing = await decideSourceReuseAction({ id: 999_999, version: 1, status: "dismissed" });
    expect(missing).toMatchObject({ ok: false, status: 404 });
  });

  test("npm run reuse keeps a dismissal and a confirmation, and proposes neither pair again", async () => {
    const forum = ids.get(FORUM_REPOST.slug)!;
    const blog = ids.get(PARTIAL_REPOST.slug)!;
    const forumRow = await database.prisma.sourceReuse.findFirstOrThrow({ where: { sourceId: forum } });
    signInAs(users.editor);
    expect(await decideSourceReuseAction({ id: forumRow.id, version: forumRow.version, status: "dismissed" })).toMatchObject({ ok: true });
    const before = await database.prisma.sourceReuse.findMany({ orderBy: { id: "asc" } });

    const output = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ["--import", "tsx", "lib/reuse/cli.ts"], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: "a-secret-of-thirty-two-characters-x", DATABASE_APP_ROLE: "none" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let text = "";
      child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
      child.on("close", () => resolve(text));
    });
    expect(output).toMatch(/Reuse: \d+ source\(s\) checked; 0 new proposal\(s\)/);

    const after = await database.prisma.sourceReuse.findMany({ orderBy: { id: "asc" } });
    expect(after).toEqual(before);
    expect(after.find((row) => row.sourceId === forum)).toMatchObject({ status: "dismissed", decidedById: users.editor.id });
    expect(after.find((row) => row.sourceId === blog)).toMatchObject({ status: "confirmed" });
    // The origins code no longer sees the dismissed pair.
    expect((await reuseOf(database.prisma, [forum])).get(forum)).toEqual([]);
  }, 120_000);

  test("after a text changes, a confirmed row keeps its status with refreshed figures, and a proposed one no longer met is withdrawn", async () => {
    const blog = ids.get(PARTIAL_REPOST.slug)!;
    const confirmed = await database.prisma.sourceReuse.findFirstOrThrow({ where: { sourceId: blog } });
    const blogSource = await database.prisma.source.findUniqueOrThrow({ where: { id: blog } });
    // The blogger rewrites the third copied paragraph in their own words.
    const third = COPIED_PARAGRAPHS[2]!.slice(0, 60);
    const at = blogSource.text.indexOf(third);
    expect(at).toBeGreaterThan(0);
    const end = blogSource.text.indexOf("\n", at);
    const rewritten = `${blogSource.text.slice(0, at)}By the start of May the army was saying that few people were still missing, which families disputed.${blogSource.text.slice(end)}`;
    await database.prisma.source.update({ where: { id: blog }, data: { text: rewritten, textSha256: "b".repeat(64) } });
    const report = await detectReuseFor(database.prisma, blog);
    expect(report).toMatchObject({ refreshed: 1, proposed: 0, removed: 0 });
    const refreshed = await database.prisma.sourceReuse.findUniqueOrThrow({ where: { id: confirmed.id } });
    expect(refreshed).toMatchObject({ status: "confirmed", decidedById: users.editor.id, version: confirmed.version + 1 });
    expect(refreshed.share).toBeLessThan(confirmed.share);
    const event = await database.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "source_reuse", entityId: String(confirmed.id), action: "refresh" },
    });
    expect(event).toMatchObject({ userId: null, before: { share: confirmed.share }, after: { share: refreshed.share } });

    // A copy of the wire story saved later is proposed against the wire story and against the thread
    // that carries the same copy (the origins code follows the chain); once its text is replaced, both go.
    const copy = await database.prisma.source.create({
      data: { slug: "wire-copy", title: "Copy", text: WIRE_ORIGINAL.text, textSha256: "c".repeat(64), publishedDate: "2021-01-05" },
    });
    expect(await detectReuseFor(database.prisma, copy.id)).toMatchObject({ compared: 2, proposed: 2 });
    const proposals = await database.prisma.sourceReuse.findMany({ where: { sourceId: copy.id }, orderBy: { share: "desc" } });
    expect(proposals.map((row) => [row.originalId, row.status])).toEqual([
      [ids.get(WIRE_ORIGINAL.slug), "proposed"],
      [ids.get(FORUM_REPOST.slug), "proposed"],
    ]);
    await database.prisma.source.update({
      where: { id: copy.id },
      data: { text: setDocument("rana-plaza", "04-forum-murder-charges-repost.txt"), textSha256: "d".repeat(64) },
    });
    expect(await detectReuseFor(database.prisma, copy.id)).toMatchObject({ removed: 2, proposed: 0 });
    expect(await database.prisma.sourceReuse.count({ where: { sourceId: copy.id } })).toBe(0);
  });

  test("a document long enough for the import thread is checked there: a compilation carrying the whole article", async () => {
    const filler = Array.from(
      { length: 1100 },
      (_, index) => `Entry ${index + 1}: the harbour board logged ${index * 3 + 7} complaints about the ferry timetable in week ${index + 1}.`,
    );
    const compilation: ReuseTestDocument = {
      slug: "harbour-and-disaster-clippings",
      title: "Clippings, first half of 2025",
      publisher: "Clippings Desk",
      author: null,
      url: null,
      publishedDate: "2025-06-01",
      text: ["Clippings, first half of 2025", ...filler.slice(0, 550), ENCYCLOPEDIA_ORIGINAL.text, ...filler.slice(550)].join("\n\n"),
    };
    expect(compilation.text.length).toBeGreaterThan(100_000);
    const id = await importThroughJob(compilation);
    const rows = await database.prisma.sourceReuse.findMany({ where: { sourceId: id } });
    // A small share of the compilation, but a whole article: proposed on the length of the reuse.
    expect(rows).toEqual([expect.objectContaining({ originalId: ids.get(ENCYCLOPEDIA_ORIGINAL.slug), status: "proposed" })]);
    expect(rows[0]!.share).toBeLessThan(0.2);
  }, 120_000);
});
