// Imports as jobs: POST /api/import answers 202 and a job id; the worker saves the document and the
// status route reports queued → running → finished with the saved source, a clear failure, the retry
// of a job whose worker stopped, and nothing to anyone but the requester and admins.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_ATTEMPTS, PHASES, RESEND_QUEUED_AFTER_MS, recoverInterruptedImports, runImportJob } from "@/lib/import/jobs";
import { importJobSchema, queuedImportSchema } from "@/lib/import/job-schema";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { pollImportJob, startTestImportJobs, type TestImportJobs } from "@/tests/helpers/import-jobs";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";
import { plural } from "@/lib/format/plural";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

const ORIGIN = "http://localhost";
const { POST: savePost } = await import("@/app/api/import/route");
const { GET: statusGet } = await import("@/app/api/import/jobs/[id]/route");

function importForm(title: string, text: string, target = "new"): FormData {
  const body = new FormData();
  body.set("text", text);
  body.set("title", title);
  body.set("kind", "news");
  body.set("target", target);
  return body;
}

async function queueImport(form: FormData): Promise<number> {
  const response = await savePost(new Request(`${ORIGIN}/api/import`, { method: "POST", body: form, headers: { origin: ORIGIN } }), {
    params: Promise.resolve({}),
  });
  expect(response.status).toBe(202);
  return queuedImportSchema.parse(await response.json()).jobId;
}

async function status(jobId: number): Promise<Response> {
  return statusGet(new Request(`${ORIGIN}/api/import/jobs/${jobId}`), { params: Promise.resolve({ id: String(jobId) }) });
}

/** About 60,000 characters of quoted statements: saved in place, long enough to be seen running. */
function longReport(): string {
  const paragraphs = [];
  for (let index = 1; paragraphs.join("\n\n").length < 60_000; index++) {
    paragraphs.push(`"The harbour wall will need ${index} more months of repairs," said Jo Marsh, the council leader, on day ${index}.`);
  }
  return `Harbour repairs drag on\n\n${paragraphs.join("\n\n")}`;
}

describe("import jobs", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let jobs: TestImportJobs;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    // No worker yet: each test runs the jobs it queues, or starts one.
    jobs = await startTestImportJobs(database, { worker: false });
  });
  afterAll(async () => {
    signInAs(null);
    await jobs?.stop();
    releaseAppDatabase();
    await database?.drop();
  });

  test("a job goes queued → running → finished, and the finished job names the saved source", async () => {
    signInAs(users.editor);
    const jobId = await queueImport(importForm("Harbour repairs drag on", longReport()));
    const queued = importJobSchema.parse(await (await status(jobId)).json());
    expect(queued).toMatchObject({ status: "queued", phase: PHASES.queued, attempts: 0, result: null, error: null });
    expect(await database.prisma.source.count({ where: { slug: "harbour-repairs-drag-on" } })).toBe(0);

    const running = runImportJob(database.prisma, jobId);
    const { job, seen } = await pollImportJob(statusGet, jobId);
    await running;
    // The first look may come before the worker has taken the job; after that it is seen running, then finished.
    expect(seen[0] === "queued" ? seen.slice(1) : seen).toEqual(["running", "finished"]);
    expect(job).toMatchObject({ status: "finished", phase: PHASES.finished, attempts: 1, error: null });
    const source = await database.prisma.source.findUniqueOrThrow({
      where: { slug: "harbour-repairs-drag-on" },
      include: { claims: { include: { speaker: true } } },
    });
    expect(job.result).toMatchObject({ sourceId: source.id, slug: source.slug, created: true, duplicate: false, claimsTotal: source.claims.length });
    expect(job.result!.claimsCreated).toBe(source.claims.length);
    expect(source.claims.length).toBeGreaterThan(0);
    // The summary counts the claims saved, by plural rules ("1 new claim of 1", "3 new claims of 3").
    const count = source.claims.length;
    expect(job.result!.description).toContain(`${count} new ${plural(count, "claim", "claims")} of ${count}`);
    expect(source.claims.every((claim) => claim.speaker?.name.includes("Marsh"))).toBe(true);
    // A job that ended is not run again.
    await runImportJob(database.prisma, jobId);
    expect((await database.prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).attempts).toBe(1);
  });

  test("the worker picks queued jobs up from the queue", async () => {
    signInAs(users.editor);
    const jobId = await queueImport(
      importForm("Council sells the old pier", '"The pier will be sold to the highest bidder," said Jo Marsh, the council leader.'),
    );
    const worker = await startTestImportJobs(database);
    try {
      const { job } = await pollImportJob(statusGet, jobId);
      expect(job.status).toBe("finished");
      expect(job.result).toMatchObject({ slug: "council-sells-the-old-pier", created: true });
    } finally {
      await worker.stop();
    }
    // The next worker's start clears the queue's ended rows (pg-boss's own maintenance is off); import_jobs keeps the record.
    const ended = () => database.prisma.$queryRaw<{ count: bigint }[]>(Prisma.sql`SELECT count(*) AS count FROM pgboss.job WHERE state > 'active'`);
    expect(Number((await ended())[0]!.count)).toBeGreaterThan(0);
    await (await startTestImportJobs(database)).stop();
    expect(Number((await ended())[0]!.count)).toBe(0);
    expect((await database.prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("finished");
    jobs = await startTestImportJobs(database, { worker: false });
  });

  test("a job that cannot be saved records a clear message and leaves nothing", async () => {
    signInAs(users.editor);
    // A new version of a source that is gone by the time the worker gets to it.
    const jobId = await queueImport(importForm("Ferry timetable", '"The ferry will run hourly," said Sam Patel.', "2147483000"));
    const sourcesBefore = await database.prisma.source.count();
    await runImportJob(database.prisma, jobId);
    const job = importJobSchema.parse(await (await status(jobId)).json());
    expect(job).toMatchObject({
      status: "failed",
      phase: PHASES.failed,
      attempts: 1,
      result: null,
      error: "The source this document should replace no longer exists.",
    });
    expect(await database.prisma.source.count()).toBe(sourcesBefore);
  });

  test("a job whose worker stopped is queued again and finished; after the last attempt it fails with a reason; a lost message is sent again", async () => {
    signInAs(users.editor);
    const interrupted = await queueImport(importForm("Tram line delayed", '"The tram line will open a year late," said Sam Patel, the transport director.'));
    const exhausted = await queueImport(importForm("Bus lanes", '"Bus lanes will open in May," said Sam Patel.'));
    // What a worker that died mid-save leaves: running, an old heartbeat, no source (the save's transaction never committed).
    const stale = new Date(Date.now() - 10 * 60_000);
    await database.prisma.importJob.update({ where: { id: interrupted }, data: { status: "running", attempts: 1, heartbeatAt: stale } });
    await database.prisma.importJob.update({ where: { id: exhausted }, data: { status: "running", attempts: MAX_ATTEMPTS, heartbeatAt: stale } });
    // A job still beating is left alone.
    const alive = await queueImport(importForm("Library hours", '"The library will open on Sundays," said Jo Marsh.'));
    await database.prisma.importJob.update({ where: { id: alive }, data: { status: "running", attempts: 1, heartbeatAt: new Date() } });

    // A worker killed after taking the queue's message but before claiming the row: queued long ago, no message left.
    const orphaned = await queueImport(importForm("Ferry fares", '"Ferry fares will rise in April," said Ana Ruiz.'));
    expect(await database.prisma.$executeRaw(Prisma.sql`DELETE FROM pgboss.job WHERE data->>'jobId' = ${String(orphaned)}`)).toBe(1);
    await database.prisma.importJob.update({ where: { id: orphaned }, data: { updatedAt: new Date(Date.now() - RESEND_QUEUED_AFTER_MS - 60_000) } });

    expect(await recoverInterruptedImports(database.prisma, jobs.queue)).toEqual({ requeued: 1, failed: 1, resent: 1 });
    expect(importJobSchema.parse(await (await status(interrupted)).json())).toMatchObject({ status: "queued", phase: PHASES.retry });
    const failed = importJobSchema.parse(await (await status(exhausted)).json());
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe(
      `The import was interrupted ${MAX_ATTEMPTS} times (the server stopped while it ran) and nothing was saved. Try again, or split the document.`,
    );
    expect((await database.prisma.importJob.findUniqueOrThrow({ where: { id: alive } })).status).toBe("running");

    const worker = await startTestImportJobs(database);
    try {
      const { job } = await pollImportJob(statusGet, interrupted);
      expect(job).toMatchObject({ status: "finished", attempts: 2 });
      expect((await pollImportJob(statusGet, orphaned)).job).toMatchObject({ status: "finished", attempts: 1 });
      expect(await database.prisma.source.count({ where: { slug: "tram-line-delayed" } })).toBe(1);
      expect(await database.prisma.source.count({ where: { slug: "bus-lanes" } })).toBe(0);
    } finally {
      await worker.stop();
      jobs = await startTestImportJobs(database, { worker: false });
    }
  });

  test("only the requester and admins can read a job; another editor is told it does not exist", async () => {
    signInAs(users.editor);
    const jobId = await queueImport(importForm("Market hall", '"The market hall will reopen," said Jo Marsh.'));
    const otherEditor = await createUser(database.prisma, "editor", { email: "other-editor@example.test" });
    signInAs(otherEditor);
    const refused = await status(jobId);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: "No such import job." });
    signInAs(users.viewer);
    expect((await status(jobId)).status).toBe(403);
    signInAs(null);
    expect((await status(jobId)).status).toBe(401);
    signInAs(users.admin);
    expect(importJobSchema.parse(await (await status(jobId)).json()).id).toBe(jobId);
    signInAs(users.editor);
    expect((await statusGet(new Request(`${ORIGIN}/api/import/jobs/abc`), { params: Promise.resolve({ id: "abc" }) })).status).toBe(422);
    expect((await status(2147483647)).status).toBe(404);
  });
});
