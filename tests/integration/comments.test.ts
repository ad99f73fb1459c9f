// Discussion (issue 18, item 2): threads on a claim, a contradiction and a source; replies; editing
// one's own comment keeps the earlier wording; editors resolve and reopen; @mentions name active
// users only (an unknown name stays text); bad input and viewers change nothing; every write is one
// audit event; the claims export carries a count and the last comment (CSV) and whole threads (NDJSON).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import pg from "pg";
import { parse } from "csv-parse/sync";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";
import { parseExportRequest } from "@/lib/export/schema";
import { openExportStream } from "@/lib/export/stream";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { editCommentAction, replyToThreadAction, resolveThreadAction, startThreadAction } = await import("@/lib/comments/actions");
const { listThreads, searchMentionOptions } = await import("@/lib/comments/queries");
const { detectContradictions } = await import("@/lib/contradictions/detect");

describe("discussion", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let nadia: TestUser;
  let omar: TestUser;
  let claimId: number;
  let otherClaimId: number;
  let sourceId: number;
  let contradictionId: number;

  const counts = async () => [
    await database.prisma.commentThread.count(),
    await database.prisma.comment.count(),
    await database.prisma.commentEdit.count(),
    await database.prisma.commentMention.count(),
    await database.prisma.auditEvent.count(),
  ];

  /** A source whose text is the sentences, each a claim. */
  let sourceCount = 0;
  const sourceWithClaims = (slug: string, sentences: string[]) => {
    const text = sentences.join(" ");
    const claims = sentences.map((quote) => ({ quote, startOffset: text.indexOf(quote), endOffset: text.indexOf(quote) + quote.length }));
    return database.prisma.source.create({
      data: { slug, title: slug, text, textSha256: String(++sourceCount).repeat(64), claims: { create: claims } },
      include: { claims: { orderBy: { id: "asc" } } },
    });
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    nadia = await createUser(database.prisma, "editor", { email: "nadia.k@example.test" });
    await database.prisma.user.update({ where: { id: nadia.id }, data: { name: "Nadia Karim" } });
    omar = await createUser(database.prisma, "editor", { email: "omar@example.test" });
    await database.prisma.user.update({ where: { id: omar.id }, data: { name: "Omar" } });
    await createUser(database.prisma, "editor", { email: "gone@example.test", active: false });
    const source = await sourceWithClaims("dam", ["The minister said the dam is safe.", "The engineer said it is not."]);
    sourceId = source.id;
    [claimId, otherClaimId] = [source.claims[0]!.id, source.claims[1]!.id];
    contradictionId = (await database.prisma.contradiction.create({ data: { claimAId: claimId, claimBId: otherClaimId, detectedBy: "editor" } })).id;
  });
  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  test("an editor starts a thread with mentions; others reply; the thread reads in order with who wrote what", async () => {
    signInAs(users.editor);
    const started = await startThreadAction({
      entityType: "claim",
      entityId: claimId,
      body: "  @Nadia Karim can you check this against https://example.org/report? Also @omar, and @nobody-here.  ",
    });
    expect(started).toMatchObject({ ok: true });
    if (!started.ok) return;
    // Mentioned users are told; an unknown @name is plain text and tells no one.
    expect(started.data.notices).toEqual([
      expect.objectContaining({ kind: "mentioned", recipientIds: [nadia.id, omar.id], actorId: users.editor.id, entityType: "claim", entityId: claimId }),
    ]);

    signInAs(nadia);
    const reply = await replyToThreadAction({ threadId: String(started.data.threadId), body: "Checked: the report says otherwise." });
    expect(reply).toMatchObject({ ok: true });
    // The thread's starter is told of the reply.
    if (reply.ok) expect(reply.data.notices).toEqual([expect.objectContaining({ kind: "reply", recipientIds: [users.editor.id] })]);

    signInAs(omar);
    const second = await replyToThreadAction({ threadId: started.data.threadId, body: "Agreed with @nadia.k" });
    // Nadia is told once, as a mention; the starter as a participant.
    if (second.ok)
      expect(second.data.notices).toEqual([
        expect.objectContaining({ kind: "mentioned", recipientIds: [nadia.id] }),
        expect.objectContaining({ kind: "reply", recipientIds: [users.editor.id] }),
      ]);

    const [thread] = await listThreads("claim", claimId, database.prisma);
    expect(thread!.comments.map((comment) => [comment.author, comment.body])).toEqual([
      ["Test editor", "@Nadia Karim can you check this against https://example.org/report? Also @omar, and @nobody-here."],
      ["Nadia Karim", "Checked: the report says otherwise."],
      ["Omar", "Agreed with @nadia.k"],
    ]);
    expect(thread!.comments[0]!.mentioned.map((user) => user.id).sort()).toEqual([nadia.id, omar.id].sort());
    expect(await listThreads("claim", otherClaimId, database.prisma)).toEqual([]);

    const events = await database.prisma.auditEvent.findMany({ where: { entityType: "comment" }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.userId])).toEqual([
      ["create", users.editor.id],
      ["reply", nadia.id],
      ["reply", omar.id],
    ]);
  });

  test("threads on a contradiction and a source are their own", async () => {
    signInAs(nadia);
    expect(await startThreadAction({ entityType: "contradiction", entityId: contradictionId, body: "Which figure is right?" })).toMatchObject({ ok: true });
    expect(await startThreadAction({ entityType: "source", entityId: String(sourceId), body: "Is this the final version?" })).toMatchObject({ ok: true });
    expect((await listThreads("contradiction", contradictionId, database.prisma))[0]!.comments[0]!.body).toBe("Which figure is right?");
    expect((await listThreads("source", sourceId, database.prisma))[0]!.comments[0]!.body).toBe("Is this the final version?");
  });

  test("only the author edits a comment; the earlier wording is kept; a stale edit is refused naming who saved", async () => {
    const [thread] = await listThreads("claim", claimId, database.prisma);
    const nadiaComment = thread!.comments[1]!;

    signInAs(omar);
    const before = await counts();
    expect(await editCommentAction({ id: nadiaComment.id, version: nadiaComment.version, body: "Rewritten by Omar" })).toMatchObject({
      ok: false,
      status: 403,
      message: "Only a comment's author can edit it.",
    });
    expect(await counts()).toEqual(before);

    signInAs(nadia);
    const edited = await editCommentAction({
      id: nadiaComment.id,
      version: nadiaComment.version,
      body: "Checked: page 4 of the report says otherwise. cc @omar",
    });
    expect(edited).toMatchObject({ ok: true, data: { changed: true } });
    // Newly mentioned, so told; nobody else is.
    if (edited.ok) expect(edited.data.notices).toEqual([expect.objectContaining({ kind: "mentioned", recipientIds: [omar.id] })]);

    const stale = await editCommentAction({ id: nadiaComment.id, version: nadiaComment.version, body: "An older tab" });
    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      current: { savedBy: "Nadia Karim", body: "Checked: page 4 of the report says otherwise. cc @omar" },
    });

    const comment = (await listThreads("claim", claimId, database.prisma))[0]!.comments[1]!;
    expect(comment.body).toBe("Checked: page 4 of the report says otherwise. cc @omar");
    expect(comment.editedAt).not.toBeNull();
    expect(comment.edits.map((edit) => edit.body)).toEqual(["Checked: the report says otherwise."]);
    expect(comment.mentioned.map((user) => user.id)).toEqual([omar.id]);
    const audit = await database.prisma.auditEvent.findFirst({ where: { entityType: "comment", entityId: String(comment.id), action: "edit" } });
    expect(audit).toMatchObject({ userId: nadia.id, before: { body: "Checked: the report says otherwise." }, after: { body: comment.body } });
  });

  test("editors resolve and reopen a thread; a resolved thread takes no reply; a second resolve names who did it", async () => {
    const [thread] = await listThreads("claim", claimId, database.prisma);
    signInAs(omar);
    expect(await resolveThreadAction({ threadId: thread!.id, resolved: true })).toMatchObject({ ok: true, data: { resolved: true } });
    const resolved = (await listThreads("claim", claimId, database.prisma))[0]!;
    expect(resolved).toMatchObject({ resolvedBy: "Omar", resolvedAt: expect.any(Date) });

    const before = await counts();
    signInAs(nadia);
    expect(await resolveThreadAction({ threadId: thread!.id, resolved: "true" })).toMatchObject({ ok: false, status: 409, message: /^Omar already resolved/ });
    expect(await replyToThreadAction({ threadId: thread!.id, body: "One more thing" })).toMatchObject({
      ok: false,
      status: 409,
      message: /reopen it to reply/,
    });
    expect(await counts()).toEqual(before);

    expect(await resolveThreadAction({ threadId: thread!.id, resolved: "false" })).toMatchObject({ ok: true, data: { resolved: false } });
    expect((await listThreads("claim", claimId, database.prisma))[0]!.resolvedAt).toBeNull();
    const events = await database.prisma.auditEvent.findMany({ where: { entityType: "comment_thread", entityId: String(thread!.id) }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.userId])).toEqual([
      ["resolve", omar.id],
      ["reopen", nadia.id],
    ]);
  });

  test("detection keeps a candidate pair it no longer proposes while it is under discussion", async () => {
    const [claimA, claimB] = await database.prisma.claim.findMany({ orderBy: { id: "asc" }, take: 2 });
    const other = await sourceWithClaims("calm", ["Nothing here conflicts."]);
    const pair = (claimId: number) =>
      database.prisma.contradiction.create({ data: { claimAId: claimId, claimBId: other.claims[0]!.id, detectedBy: "negation" } });
    const [discussed, quiet] = [await pair(claimA!.id), await pair(claimB!.id)];
    signInAs(nadia);
    expect(await startThreadAction({ entityType: "contradiction", entityId: discussed.id, body: "Keep this one" })).toMatchObject({ ok: true });
    await detectContradictions(database.prisma);
    expect(await database.prisma.contradiction.findUnique({ where: { id: discussed.id } })).not.toBeNull();
    expect(await database.prisma.contradiction.findUnique({ where: { id: quiet.id } })).toBeNull();
  });

  test("bad input gets a clear message and changes nothing", async () => {
    signInAs(users.editor);
    const before = await counts();
    const refused = async (input: unknown, field: string, message: string | RegExp) =>
      expect(await startThreadAction(input)).toMatchObject({ ok: false, status: 422, fieldErrors: { [field]: [expect.stringMatching(message)] } });
    await refused({ entityType: "claim", entityId: claimId, body: "   " }, "body", "Write a comment first");
    await refused({ entityType: "claim", entityId: claimId }, "body", "Write a comment first");
    await refused({ entityType: "claim", entityId: claimId, body: "x".repeat(5001) }, "body", "A comment is limited to 5000 characters");
    await refused({ entityType: "claim", entityId: claimId, body: "nul \u0000 here" }, "body", /NUL character/);
    await refused({ entityType: "claim", entityId: claimId, body: "half \uD800 pair" }, "body", /surrogate/);
    await refused({ entityType: "topic", entityId: claimId, body: "Hi" }, "entityType", "Comments go on a claim, a contradiction or a source");
    await refused({ entityType: "claim", entityId: "99999999999", body: "Hi" }, "entityId", /ids go up to 2147483647/);
    expect(await startThreadAction({ entityType: "claim", entityId: 999_999, body: "Hi" })).toMatchObject({
      ok: false,
      status: 404,
      message: /No claim #999999/,
    });
    expect(await replyToThreadAction({ threadId: 999_999, body: "Hi" })).toMatchObject({ ok: false, status: 404 });
    expect(await resolveThreadAction({ threadId: 1, resolved: "maybe" })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { resolved: [expect.any(String)] },
    });
    expect(await editCommentAction({ id: 1, body: "No version" })).toMatchObject({ ok: false, status: 422, fieldErrors: { version: ["Missing version"] } });
    expect(await counts()).toEqual(before);
  });

  test("viewers read threads but cannot write; anonymous callers are refused", async () => {
    const before = await counts();
    const [thread] = await listThreads("claim", claimId, database.prisma);
    for (const user of [users.viewer, null]) {
      signInAs(user);
      const status = user ? 403 : 401;
      expect(await startThreadAction({ entityType: "claim", entityId: claimId, body: "Viewer here" })).toMatchObject({ ok: false, status });
      expect(await replyToThreadAction({ threadId: thread!.id, body: "Viewer here" })).toMatchObject({ ok: false, status });
      expect(await editCommentAction({ id: thread!.comments[0]!.id, version: 1, body: "Viewer here" })).toMatchObject({ ok: false, status });
      expect(await resolveThreadAction({ threadId: thread!.id, resolved: true })).toMatchObject({ ok: false, status });
    }
    expect(await counts()).toEqual(before);
  });

  test("the @ autocomplete offers active users with a handle that names only them", async () => {
    const options = await searchMentionOptions("nad", database.prisma);
    expect(options).toEqual([{ id: nadia.id, handle: "Nadia Karim", label: "Nadia Karim (nadia.k@example.test)" }]);
    expect(await searchMentionOptions("gone", database.prisma)).toEqual([]);
    // Three users are called "Test …": a name shared by two would give way to the email.
    await database.prisma.user.update({ where: { id: omar.id }, data: { name: "Nadia Karim" } });
    expect((await searchMentionOptions("nadia", database.prisma)).map((option) => option.handle).sort()).toEqual(["nadia.k", "omar"]);
    await database.prisma.user.update({ where: { id: omar.id }, data: { name: "Omar" } });
  });

  test("the claims export ends with the comment count and the last comment (then the claim's proposition); NDJSON carries whole threads", async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const text = async (query: string) => new Response(await openExportStream(pool, parseExportRequest("claims", new URLSearchParams(query)))).text();
    try {
      const rows = parse(await text("format=csv"), { columns: true, bom: true }) as Record<string, string>[];
      const header = Object.keys(rows[0]!);
      expect(header.slice(-4)).toEqual(["comment_count", "last_comment", "proposition_id", "proposition_label"]);
      expect(header).not.toContain("comment_threads");
      const commented = rows.find((row) => Number(row.id) === claimId)!;
      expect(commented.comment_count).toBe("3");
      expect(commented.last_comment).toBe("omar@example.test: Agreed with @nadia.k");
      expect(rows.find((row) => Number(row.id) === otherClaimId)).toMatchObject({ comment_count: "0", last_comment: "" });

      const lines = (await text("format=ndjson"))
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const claim = lines.find((line) => line.id === claimId)!;
      expect(Object.keys(claim).slice(-5)).toEqual(["comment_count", "last_comment", "comment_threads", "proposition_id", "proposition_label"]);
      expect(claim.comment_count).toBe(3);
      expect(claim.comment_threads).toEqual([
        {
          id: expect.any(Number),
          resolved_at: null,
          resolved_by: null,
          comments: [
            expect.objectContaining({
              author: "editor@example.test",
              body: expect.stringMatching(/^@Nadia Karim can you check/),
              edited_at: null,
              earlier_versions: [],
            }),
            expect.objectContaining({
              author: "nadia.k@example.test",
              body: "Checked: page 4 of the report says otherwise. cc @omar",
              edited_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
              earlier_versions: ["Checked: the report says otherwise."],
            }),
            expect.objectContaining({ author: "omar@example.test", body: "Agreed with @nadia.k" }),
          ],
        },
      ]);
      expect(lines.find((line) => line.id === otherClaimId)!.comment_threads).toEqual([]);
      expect(() => parseExportRequest("claims", new URLSearchParams("columns=id,comment_threads"))).toThrow(/"comment_threads" only in NDJSON/);
    } finally {
      await pool.end();
    }
  });
});
