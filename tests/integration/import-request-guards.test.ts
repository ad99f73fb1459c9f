// The import route handlers as an editor's browser (or a forger) reaches them: a request from
// another site, or with no Origin, is refused with 403; an upload over the limit is refused with
// 413 as soon as the limit is passed, even chunked (no Content-Length); nothing is written.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { importMaxBytes, resetEnvCache } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { startTestImportJobs } from "@/tests/helpers/import-jobs";
import { runImportJob } from "@/lib/import/jobs";
import { queuedImportSchema } from "@/lib/import/job-schema";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;

const APP_ORIGIN = "http://localhost";
const DOCUMENT = 'Council sells the old pier\n\n"The pier will be sold to the highest bidder," said Jo Marsh, the council leader.';

function importForm(): FormData {
  const form = new FormData();
  form.set("file", new File([DOCUMENT], "pier.txt", { type: "text/plain" }));
  form.set("title", "Council sells the old pier");
  form.set("kind", "news");
  form.set("target", "new");
  return form;
}

/** A chunked multipart upload (no Content-Length) of a file of `size` bytes, produced only as the server reads it. */
function chunkedUpload(size: number) {
  const boundary = "guard-test-boundary";
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nnews\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  let stage: "head" | "file" | "tail" | "done" = "head";
  let fileBytes = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let next: Uint8Array;
        if (stage === "head") {
          next = head;
          stage = "file";
        } else if (stage === "file" && fileBytes < size) {
          next = chunk.subarray(0, Math.min(chunk.byteLength, size - fileBytes));
          fileBytes += next.byteLength;
        } else if (stage !== "done") {
          next = tail;
          stage = "done";
        } else {
          controller.close();
          return;
        }
        pulled += next.byteLength;
        controller.enqueue(next);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, contentType: `multipart/form-data; boundary=${boundary}`, pulled: () => pulled };
}

describe("import route handlers: origin and size guards", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let savePost: Handler;
  let previewPost: Handler;
  const context = { params: Promise.resolve({}) };

  const savedLimit = process.env.IMPORT_MAX_BYTES;

  beforeAll(async () => {
    // A 64 KB limit keeps the just-under-the-limit preview quick; the guard is the same at 5 MB.
    process.env.IMPORT_MAX_BYTES = String(64 * 1024);
    resetEnvCache();
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    savePost = (await import("@/app/api/import/route")).POST as Handler;
    previewPost = (await import("@/app/api/import/preview/route")).POST as Handler;
  });
  afterAll(async () => {
    if (savedLimit === undefined) delete process.env.IMPORT_MAX_BYTES;
    else process.env.IMPORT_MAX_BYTES = savedLimit;
    resetEnvCache();
    signInAs(null);
    releaseAppDatabase();
    await database?.drop();
  });

  test.each([
    [
      "another site",
      { origin: "http://evil.example" },
      /^Refused: this request came from another site \(http:\/\/evil\.example\), not from Claimbase's own pages\. Nothing was changed\.$/,
    ],
    ["another port of the same host", { origin: "http://localhost:4000" }, /came from another site \(http:\/\/localhost:4000\)/],
    ["a sandboxed page (Origin: null)", { origin: "null" }, /came from another site \(null\)/],
    ["no Origin at all", {}, /^Refused: the request does not say which site sent it \(no Origin header\)/],
  ])("a signed-in editor's save and preview sent from %s are refused with 403, nothing written", async (_label, headers, message) => {
    signInAs(users.editor);
    const before = await databaseFingerprint(database.prisma);
    for (const [handler, path] of [
      [savePost, "/api/import"],
      [previewPost, "/api/import/preview"],
    ] as const) {
      const response = await handler(new Request(`${APP_ORIGIN}${path}`, { method: "POST", body: importForm(), headers }), context);
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
    expect(await database.prisma.source.count({ where: { title: "Council sells the old pier" } })).toBe(0);
  });

  test("the same upload from the app's own page is queued and saved (the guard lets it through)", async () => {
    signInAs(users.editor);
    const jobs = await startTestImportJobs(database, { worker: false });
    try {
      const response = await savePost(
        new Request(`${APP_ORIGIN}/api/import`, { method: "POST", body: importForm(), headers: { origin: APP_ORIGIN } }),
        context,
      );
      expect(response.status).toBe(202);
      const { jobId } = queuedImportSchema.parse(await response.json());
      await runImportJob(database.prisma, jobId);
      expect((await database.prisma.importJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("finished");
    } finally {
      await jobs.stop();
    }
    expect(await database.prisma.source.count({ where: { title: "Council sells the old pier" } })).toBe(1);
  });

  test("anonymous and viewer requests keep their 401 and 403, whatever the Origin", async () => {
    signInAs(null);
    expect((await savePost(new Request(`${APP_ORIGIN}/api/import`, { method: "POST", body: importForm() }), context)).status).toBe(401);
    signInAs(users.viewer);
    const viewer = await savePost(new Request(`${APP_ORIGIN}/api/import`, { method: "POST", body: importForm(), headers: { origin: APP_ORIGIN } }), context);
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { error: string }).error).toBe("You need the editor role to do that.");
  });

  test.each([
    ["save", "/api/import"],
    ["preview", "/api/import/preview"],
  ] as const)("a chunked %s upload of 300 MB is refused with 413 once past the limit, the rest never read, nothing written", async (which, path) => {
    signInAs(users.editor);
    const handler = which === "save" ? savePost : previewPost;
    const before = await databaseFingerprint(database.prisma);
    const upload = chunkedUpload(300 * 1024 * 1024);
    const request = new Request(`${APP_ORIGIN}${path}`, {
      method: "POST",
      body: upload.body,
      headers: { origin: APP_ORIGIN, "content-type": upload.contentType },
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await handler(request, context);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe("upload: the upload is over the import limit of 64 KB");
    // Read: the limit plus the multipart allowance (256 KB) and a chunk; never the 300 MB.
    expect(upload.pulled()).toBeGreaterThan(importMaxBytes() + 256 * 1024);
    expect(upload.pulled()).toBeLessThan(importMaxBytes() + 256 * 1024 + 2 * 64 * 1024);
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("a Content-Length over the limit is refused with 413 before the body is read", async () => {
    signInAs(users.editor);
    const upload = chunkedUpload(5 * 1024 * 1024);
    const response = await savePost(
      new Request(`${APP_ORIGIN}/api/import`, {
        method: "POST",
        body: upload.body,
        headers: { origin: APP_ORIGIN, "content-type": upload.contentType, "content-length": String(5 * 1024 * 1024 + 300) },
        duplex: "half",
      } as RequestInit),
      context,
    );
    expect(response.status).toBe(413);
    expect(upload.pulled()).toBe(0);
  });

  test("a chunked upload just under the limit still imports", async () => {
    signInAs(users.editor);
    const body = new FormData();
    const sentence = '"The ferry will run again in spring," said Ana Ruiz, the harbour master. ';
    body.set("file", new File([sentence.repeat(Math.floor((importMaxBytes() - 1024) / sentence.length))], "ferry.txt", { type: "text/plain" }));
    body.set("title", "Ferry returns in spring");
    body.set("kind", "news");
    body.set("target", "new");
    // Re-send the encoded form as a stream, so no Content-Length goes with it.
    const encoded = new Response(body);
    const request = new Request(`${APP_ORIGIN}/api/import/preview`, {
      method: "POST",
      body: encoded.body,
      headers: { origin: APP_ORIGIN, "content-type": encoded.headers.get("content-type")! },
      duplex: "half",
    } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const response = await previewPost(request, context);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { claims: Array<{ speaker?: string }> }).claims.some((claim) => claim.speaker?.includes("Ana Ruiz"))).toBe(true);
  });
});
