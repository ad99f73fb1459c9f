// Notifications (issue 18, item 3): each trigger writes its notification in the transaction of the
// change that causes it — work assigned, a decided claim changed by someone else, new contradiction
// candidates against approved claims, and mentions and replies through notify(); the actor, disabled
// users and opted-out kinds are skipped; a user reads, opens and marks read only their own
// notifications; preferences are audited; bad input is refused and changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import type { Role } from "@/lib/auth/roles";
import type { Judgement, Verdict } from "@/lib/contradictions/detect";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { assignClaimsAction, assignContradictionAction, assignSourceAction } = await import("@/lib/assignments/actions");
const { bulkStatusAction, bulkTopicAction, reviewClaimAction, updateClaimAction, withdrawClaimAction } = await import("@/lib/claims/actions");
const { markAllNotificationsReadAction, markNotificationReadAction, updateNotificationPreferencesAction } = await import("@/lib/notifications/actions");
const { notify, EXCERPT_LIMIT } = await import("@/lib/notifications/notify");
const { listInbox, notificationPreferences, unreadNotificationCount } = await import("@/lib/notifications/queries");
const { storeVerdicts } = await import("@/lib/contradictions/detect");
const { replyToThreadAction, startThreadAction } = await import("@/lib/comments/actions");
const { GET: openNotificationRoute } = await import("@/app/api/notifications/[id]/route");

const SENTENCES = [
  "The minister said the dam is safe.",
  "The engineers said it leaks.",
  "The mayor said 40 homes flooded.",
  "The council denied any flooding.",
];

describe("notifications", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let nadia: TestUser;
  let disabled: TestUser;
  let claims: { dam: number[]; port: number[] };
  let sources: { dam: number; port: number };

  const prisma = () => database.prisma;
  const inboxOf = (user: TestUser) => prisma().notification.findMany({ where: { recipientId: user.id }, orderBy: { id: "asc" } });
  const version = async (id: number) => (await prisma().claim.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  /** A claim decided by `user` through the review action, as an editor would. */
  const decide = async (user: TestUser, id: number, status: "approved" | "rejected" = "approved") => {
    signInAs(user);
    expect(await reviewClaimAction({ id, version: await version(id), status })).toMatchObject({ ok: true });
  };
  const open = async (user: TestUser, id: number | string) => {
    signInAs(user);
    const response = await openNotificationRoute(new NextRequest(`http://localhost/api/notifications/${id}`), { params: Promise.resolve({ id: String(id) }) });
    return { status: response.status, location: response.headers.get("location"), body: response.status >= 400 ? await response.json() : null };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(prisma());
    await prisma().user.update({ where: { id: users.editor.id }, data: { name: "Ana Editor" } });
    nadia = await createUser(prisma(), "editor", { email: "nadia@example.test", name: "Nadia Second" });
    disabled = await createUser(prisma(), "editor", { email: "gone@example.test", active: false });
    const text = SENTENCES.join(" ");
    const made: Record<string, { source: number; claims: number[] }> = {};
    for (const [index, slug] of ["dam", "port"].entries()) {
      const source = await prisma().source.create({ data: { slug, title: `The ${slug} report`, text, textSha256: String(index).repeat(64) } });
      const ids: number[] = [];
      for (const sentence of SENTENCES) {
        const start = text.indexOf(sentence);
        ids.push((await prisma().claim.create({ data: { sourceId: source.id, quote: sentence, startOffset: start, endOffset: start + sentence.length } })).id);
      }
      made[slug] = { source: source.id, claims: ids };
    }
    claims = { dam: made.dam!.claims, port: made.port!.claims };
    sources = { dam: made.dam!.source, port: made.port!.source };
  });

  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  beforeEach(async () => {
    await prisma().notification.deleteMany();
    await prisma().notificationOptOut.deleteMany();
    await prisma().contradiction.deleteMany();
    await prisma().claim.updateMany({ data: { assigneeId: null, status: "unreviewed", reviewerId: null, reviewedAt: null, withdrawnAt: null, topicId: null } });
    await prisma().source.updateMany({ data: { assigneeId: null } });
  });

  test("assigning claims tells the assignee once per action, with how many and where; the link opens the source", async () => {
    signInAs(users.editor);
    expect(await assignClaimsAction({ ids: claims.dam.slice(0, 3), assigneeId: nadia.id })).toMatchObject({ ok: true, data: { changed: 3 } });
    let inbox = await inboxOf(nadia);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: "assigned", actorId: users.editor.id, entityType: "source", entityId: sources.dam, readAt: null });
    expect(inbox[0]!.excerpt).toBe("3 claims in “The dam report”");
    // Nobody else hears of it, the assigner included.
    expect(await prisma().notification.count()).toBe(1);

    // Across two sources: the one with most of them is named, the rest counted; the claims already hers are not news.
    expect(await assignClaimsAction({ ids: [...claims.dam, ...claims.port.slice(0, 2)], assigneeId: nadia.id })).toMatchObject({
      ok: true,
      data: { changed: 3, unchanged: 3 },
    });
    inbox = await inboxOf(nadia);
    expect(inbox).toHaveLength(2);
    expect(inbox[1]!.excerpt).toBe("3 claims in “The port report” and 1 other source");

    // One claim links to the claim itself.
    expect(await assignClaimsAction({ ids: [claims.port[3]!], assigneeId: nadia.id })).toMatchObject({ ok: true });
    inbox = await inboxOf(nadia);
    expect(inbox[2]).toMatchObject({
      entityType: "claim",
      entityId: claims.port[3],
      excerpt: "A claim in “The port report”: “The council denied any flooding.”",
    });

    // Unassigning, assigning to oneself and assigning again what she has tell nobody.
    expect(await assignClaimsAction({ ids: [claims.port[3]!], assigneeId: nadia.id })).toMatchObject({ ok: true, data: { changed: 0 } });
    expect(await assignClaimsAction({ ids: [claims.port[3]!], assigneeId: "none" })).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await assignClaimsAction({ ids: [claims.port[3]!], assigneeId: users.editor.id })).toMatchObject({ ok: true, data: { changed: 1 } });
    expect(await prisma().notification.count()).toBe(3);

    // A refused assignment (a disabled editor) writes no notification either.
    const before = await databaseFingerprint(prisma());
    expect(await assignClaimsAction({ ids: [claims.port[2]!], assigneeId: disabled.id })).toMatchObject({ ok: false, status: 422 });
    expect(await databaseFingerprint(prisma())).toEqual(before);

    // The link marks it read and leads to the source's page.
    expect(await open(nadia, inbox[0]!.id)).toMatchObject({ status: 303, location: "/sources/dam" });
    expect((await prisma().notification.findUniqueOrThrow({ where: { id: inbox[0]!.id } })).readAt).toBeInstanceOf(Date);
    expect(await open(nadia, inbox[2]!.id)).toMatchObject({ status: 303, location: `/claims/${claims.port[3]}` });
  });

  test("assigning a source or a contradiction tells the assignee, linking to it", async () => {
    signInAs(users.editor);
    expect(await assignSourceAction({ sourceId: sources.port, assigneeId: nadia.id })).toMatchObject({ ok: true });
    const pair = await prisma().contradiction.create({ data: { claimAId: claims.dam[0]!, claimBId: claims.port[1]!, detectedBy: "editor" } });
    expect(await assignContradictionAction({ contradictionId: pair.id, assigneeId: nadia.id })).toMatchObject({ ok: true });
    const inbox = await inboxOf(nadia);
    expect(inbox.map((item) => [item.kind, item.entityType, item.entityId, item.excerpt])).toEqual([
      ["assigned", "source", sources.port, "The source “The port report”"],
      ["assigned", "contradiction", pair.id, `Contradiction #${pair.id}: “The minister said the dam is safe.” vs “The engineers said it leaks.”`],
    ]);
    expect(await open(nadia, inbox[1]!.id)).toMatchObject({ status: 303, location: `/contradictions/${pair.id}` });
  });

  test("a claim someone else changes tells the editor who decided it, naming what changed; the decider's own changes do not", async () => {
    const [first, second, third] = claims.dam as [number, number, number];
    await decide(users.editor, first);
    await decide(users.editor, second, "rejected");
    // Deciding is not a change to anyone's decision.
    expect(await prisma().notification.count()).toBe(0);
    // The decider changing their own claim is not news to them.
    signInAs(users.editor);
    expect(await reviewClaimAction({ id: first, version: await version(first), stance: "supports" })).toMatchObject({ ok: true });
    expect(await prisma().notification.count()).toBe(0);

    signInAs(nadia);
    expect(await reviewClaimAction({ id: first, version: await version(first), stance: "opposes" })).toMatchObject({ ok: true });
    let inbox = await inboxOf(users.editor);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ kind: "changed", actorId: nadia.id, entityType: "claim", entityId: first });
    expect(inbox[0]!.excerpt).toBe("Stance: Supports → Opposes — the claim you approved, “The minister said the dam is safe.”");

    // The speaker through the edit form.
    const claim = await prisma().claim.findUniqueOrThrow({ where: { id: first } });
    const form = {
      id: first,
      version: claim.version,
      stance: claim.stance,
      sourceStance: claim.sourceStance,
      speakerId: "",
      newSpeakerName: "The Minister",
      attribution: claim.attribution,
      citedVia: "",
      topicId: "",
      newTopicTitle: "",
      credibility: claim.credibility,
      status: claim.status,
      notes: "",
    };
    expect(await updateClaimAction(form)).toMatchObject({ ok: true, data: { changed: true } });
    inbox = await inboxOf(users.editor);
    expect(inbox).toHaveLength(2);
    expect(inbox[1]!.excerpt).toMatch(/^Speaker: — → The Minister — the claim you approved/);

    // Withdrawn by someone else: the rejecting editor hears of it too.
    expect(await withdrawClaimAction({ id: second, version: await version(second) })).toMatchObject({ ok: true });
    inbox = await inboxOf(users.editor);
    expect(inbox[2]).toMatchObject({ entityId: second, excerpt: "Withdrawn: No → Yes — the claim you rejected, “The engineers said it leaks.”" });

    // A change to a claim nobody decided tells nobody.
    expect(await reviewClaimAction({ id: third, version: await version(third), stance: "neutral" })).toMatchObject({ ok: true });
    expect(await prisma().notification.count()).toBe(3);
  });

  test("a bulk change is one notification per editor who decided some of the claims", async () => {
    const [a, b, c, d] = claims.port as [number, number, number, number];
    await decide(users.editor, a);
    await decide(users.editor, b);
    await decide(users.admin, c);
    signInAs(nadia);
    expect(await bulkStatusAction({ ids: [a, b, c, d], status: "rejected" })).toMatchObject({ ok: true, data: { changed: 4 } });
    expect((await inboxOf(users.editor)).map((item) => [item.kind, item.entityId, item.excerpt])).toEqual([
      ["changed", a, "Status set to Rejected — 2 claims you decided, among them “The minister said the dam is safe.”"],
    ]);
    expect((await inboxOf(users.admin)).map((item) => item.excerpt)).toEqual([
      "Status set to Rejected — the claim you approved, “The mayor said 40 homes flooded.”",
    ]);

    // The claims are now Nadia's decisions: Ana's bulk topic tells Nadia, once.
    signInAs(users.editor);
    expect(await bulkTopicAction({ ids: [a, b, c, d], newTopicTitle: "Floods" })).toMatchObject({ ok: true });
    expect((await inboxOf(nadia)).map((item) => item.excerpt)).toEqual([
      "Topic set to “Floods” — 4 claims you decided, among them “The minister said the dam is safe.”",
    ]);
  });

  test("new contradiction candidates: one summary per editor whose approved claims they involve, linking to the strongest", async () => {
    const [a, b, c] = claims.dam as [number, number, number];
    const [x, y] = claims.port as [number, number];
    await decide(users.editor, a);
    await decide(users.editor, b);
    await decide(nadia, x);
    await decide(users.admin, y, "rejected");
    const verdict = (claimAId: number, claimBId: number, score: number): Verdict => ({
      claimAId,
      claimBId,
      kind: "negation",
      rule: "negated-statement",
      score,
      explanation: "No.",
    });
    const judgement: Judgement = {
      verdicts: [verdict(a, x, 0.7), verdict(b, x, 0.9), verdict(a, c, 0.6), verdict(c, y, 0.8)],
      candidates: { claims: 5, pairs: 4, comparisons: {} as Judgement["candidates"]["comparisons"] },
      seconds: { candidates: 0, judging: 0 },
      threads: 0,
    };
    // Run by an editor: still the system's doing, so she hears of her own claims too.
    const report = await prisma().$transaction((tx) => storeVerdicts(tx, judgement, { userId: users.editor.id }));
    expect(report.created).toBe(4);
    const strongest = async (claimAId: number, claimBId: number) =>
      (
        await prisma().contradiction.findUniqueOrThrow({
          where: { claimAId_claimBId: { claimAId: Math.min(claimAId, claimBId), claimBId: Math.max(claimAId, claimBId) } },
        })
      ).id;
    const all = await prisma().notification.findMany({ orderBy: { recipientId: "asc" } });
    expect(all.map((item) => [item.recipientId, item.kind, item.actorId, item.entityType, item.entityId, item.excerpt])).toEqual(
      [
        [
          users.editor.id,
          "candidate",
          null,
          "contradiction",
          await strongest(b, x),
          "3 new candidates against 2 claims you approved; the strongest against “The engineers said it leaks.”",
        ],
        [
          nadia.id,
          "candidate",
          null,
          "contradiction",
          await strongest(b, x),
          "2 new candidates against 1 claim you approved; the strongest against “The minister said the dam is safe.”",
        ],
      ].sort((left, right) => (left[0] as number) - (right[0] as number)),
    );
    // A rejected claim's editor is not told; a second run creates nothing and tells nobody again.
    expect(await prisma().$transaction((tx) => storeVerdicts(tx, judgement, {}))).toMatchObject({ created: 0 });
    expect(await prisma().notification.count()).toBe(2);
  });

  test("notify(): mentions and replies reach each recipient once, never the actor or a disabled user, cut to size", async () => {
    const long = `Look at this ${"very ".repeat(100)}long comment`;
    await prisma().$transaction((tx) =>
      notify(tx, {
        recipientIds: [nadia.id, nadia.id, users.editor.id, disabled.id, users.viewer.id],
        actorId: users.editor.id,
        kind: "mentioned",
        entityType: "claim",
        entityId: claims.dam[0]!,
        excerpt: long,
      }),
    );
    await prisma().$transaction((tx) =>
      notify(tx, {
        recipientIds: [nadia.id],
        actorId: users.viewer.id,
        kind: "reply",
        entityType: "claim",
        entityId: claims.dam[0]!,
        excerpt: "Agreed.\n\nSee the memo.",
      }),
    );
    const all = await prisma().notification.findMany({ orderBy: { id: "asc" } });
    expect(all.map((item) => [item.recipientId, item.kind])).toEqual([
      [nadia.id, "mentioned"],
      [users.viewer.id, "mentioned"],
      [nadia.id, "reply"],
    ]);
    expect(Array.from(all[0]!.excerpt).length).toBeLessThanOrEqual(EXCERPT_LIMIT);
    expect(Array.from(all[0]!.excerpt).length).toBeGreaterThan(EXCERPT_LIMIT - 5);
    expect(all[0]!.excerpt).toMatch(/^Look at this (very )+v?…$/);
    expect(all[2]!.excerpt).toBe("Agreed. See the memo.");

    // Written in the caller's transaction: rolled back with it.
    await expect(
      prisma().$transaction(async (tx) => {
        await notify(tx, { recipientIds: [nadia.id], actorId: null, kind: "reply", entityType: "claim", entityId: claims.dam[0]!, excerpt: "Lost." });
        throw new Error("the comment failed");
      }),
    ).rejects.toThrow("the comment failed");
    expect(await prisma().notification.count()).toBe(3);

    // The inbox lists them newest first with who did it; each user sees only theirs.
    const page = await listInbox(nadia.id, undefined, prisma());
    expect(page.items.map((item) => [item.kind, item.actor])).toEqual([
      ["reply", "Test viewer"],
      ["mentioned", "Ana Editor"],
    ]);
    expect(page.unread).toBe(2);
    expect((await listInbox(users.viewer.id, undefined, prisma())).items).toHaveLength(1);
  });

  test("a comment tells the users it mentions, and a reply the thread's earlier participants, in its transaction", async () => {
    signInAs(users.editor);
    const started = await startThreadAction({ entityType: "claim", entityId: claims.dam[0]!, body: "@nadia is this sourced?" });
    expect(started).toMatchObject({ ok: true });
    expect((await inboxOf(nadia)).map((item) => [item.kind, item.actorId, item.entityType, item.entityId, item.excerpt])).toEqual([
      ["mentioned", users.editor.id, "claim", claims.dam[0], "@nadia is this sourced?"],
    ]);
    signInAs(nadia);
    const threadId = started.ok ? started.data.threadId : 0;
    expect(await replyToThreadAction({ threadId, body: "Yes, see the memo." })).toMatchObject({ ok: true });
    expect((await inboxOf(users.editor)).map((item) => [item.kind, item.actorId, item.excerpt])).toEqual([["reply", nadia.id, "Yes, see the memo."]]);
    // The replier is not told of her own reply.
    expect(await inboxOf(nadia)).toHaveLength(1);
  });

  test("a kind turned off is not sent (and the change is audited); turned on again, it is", async () => {
    signInAs(nadia);
    const events = await prisma().auditEvent.count();
    // The form sends one value per checked box.
    const form = new FormData();
    for (const kind of ["mentioned", "reply", "changed", "candidate"]) form.append("enabled", kind);
    expect(await updateNotificationPreferencesAction(form)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await notificationPreferences(nadia.id, prisma())).toEqual({ mentioned: true, reply: true, assigned: false, changed: true, candidate: true });
    const [event] = await prisma().auditEvent.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "desc" }, take: 1 });
    expect(await prisma().auditEvent.count()).toBe(events + 1);
    expect(event).toMatchObject({
      userId: nadia.id,
      entityType: "user",
      entityId: String(nadia.id),
      action: "notification_preferences",
      before: { assigned: true },
      after: { assigned: false },
    });
    // Saving the same again changes nothing and audits nothing.
    expect(await updateNotificationPreferencesAction(form)).toMatchObject({ ok: true, data: { changed: false } });
    expect(await prisma().auditEvent.count()).toBe(events + 1);

    signInAs(users.editor);
    expect(await assignClaimsAction({ ids: [claims.dam[0]!], assigneeId: nadia.id })).toMatchObject({ ok: true });
    expect(await inboxOf(nadia)).toEqual([]);
    // Other kinds still arrive.
    await decide(nadia, claims.dam[1]!);
    signInAs(users.editor);
    expect(await reviewClaimAction({ id: claims.dam[1]!, version: await version(claims.dam[1]!), stance: "opposes" })).toMatchObject({ ok: true });
    expect((await inboxOf(nadia)).map((item) => item.kind)).toEqual(["changed"]);

    // Everything off, then on again.
    signInAs(nadia);
    expect(await updateNotificationPreferencesAction(new FormData())).toMatchObject({ ok: true, data: { changed: true } });
    expect(Object.values(await notificationPreferences(nadia.id, prisma()))).toEqual([false, false, false, false, false]);
    expect(await updateNotificationPreferencesAction({ enabled: ["mentioned", "reply", "assigned", "changed", "candidate"] })).toMatchObject({ ok: true });
    signInAs(users.editor);
    expect(await assignClaimsAction({ ids: [claims.dam[2]!], assigneeId: nadia.id })).toMatchObject({ ok: true });
    expect((await inboxOf(nadia)).map((item) => item.kind)).toEqual(["changed", "assigned"]);
  });

  test("mark one read, mark all read up to the newest shown; the unread count follows", async () => {
    const send = (excerpt: string) =>
      prisma().$transaction((tx) =>
        notify(tx, { recipientIds: [users.viewer.id], actorId: nadia.id, kind: "mentioned", entityType: "source", entityId: sources.dam, excerpt }),
      );
    for (const excerpt of ["one", "two", "three"]) await send(excerpt);
    const [one, two, three] = (await inboxOf(users.viewer)).map((item) => item.id) as [number, number, number];
    expect(await unreadNotificationCount(users.viewer.id, prisma())).toBe(3);

    signInAs(users.viewer);
    expect(await markNotificationReadAction({ id: two })).toMatchObject({ ok: true });
    expect(await unreadNotificationCount(users.viewer.id, prisma())).toBe(2);
    // Again: still fine, still read.
    expect(await markNotificationReadAction({ id: String(two) })).toMatchObject({ ok: true });

    // One arrives after the page was shown: "Mark all read" leaves it unread.
    await send("four");
    expect(await markAllNotificationsReadAction({ throughId: three })).toMatchObject({ ok: true, data: { marked: 2 } });
    const inbox = await inboxOf(users.viewer);
    expect(inbox.map((item) => [item.excerpt, item.readAt !== null])).toEqual([
      ["one", true],
      ["two", true],
      ["three", true],
      ["four", false],
    ]);
    expect(await unreadNotificationCount(users.viewer.id, prisma())).toBe(1);
    expect(one).toBeLessThan(three);
  });

  test("the unread count reads the partial index of unread rows, not the whole inbox", async () => {
    const plan = await prisma().$transaction(async (tx) => {
      // Tables this small would be scanned whole; the question is which index the count can use.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT count(*) FROM (SELECT 1 FROM notifications WHERE recipient_id = ${users.viewer.id}::int AND read_at IS NULL LIMIT 100) unread`;
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("notifications_unread_idx");
  });

  test("another user's notification is refused: not listed, not opened, not marked read", async () => {
    await prisma().$transaction((tx) =>
      notify(tx, { recipientIds: [nadia.id], actorId: users.editor.id, kind: "mentioned", entityType: "claim", entityId: claims.dam[0]!, excerpt: "Private." }),
    );
    const [hers] = await inboxOf(nadia);
    const before = await databaseFingerprint(prisma());
    for (const user of [users.viewer, users.admin]) {
      signInAs(user);
      expect(await markNotificationReadAction({ id: hers!.id })).toMatchObject({
        ok: false,
        status: 404,
        message: "That notification is not in your inbox (it may belong to someone else, or no longer exist).",
      });
      expect(await open(user, hers!.id)).toMatchObject({ status: 404, location: null });
      // "Mark all read" reaches only the caller's own.
      expect(await markAllNotificationsReadAction({ throughId: hers!.id })).toMatchObject({ ok: true, data: { marked: 0 } });
      expect((await listInbox(user.id, undefined, prisma())).items).toEqual([]);
    }
    expect(await databaseFingerprint(prisma())).toEqual(before);
    expect((await prisma().notification.findUniqueOrThrow({ where: { id: hers!.id } })).readAt).toBeNull();
    // Signed out: 401.
    signInAs(null);
    expect(await markNotificationReadAction({ id: hers!.id })).toMatchObject({ ok: false, status: 401 });
  });

  test("bad input is refused with a clear message and changes nothing", async () => {
    signInAs(users.viewer);
    const before = await databaseFingerprint(prisma());
    expect(await markNotificationReadAction({ id: "abc" })).toMatchObject({ ok: false, status: 422, fieldErrors: { id: ["Not a valid notification id"] } });
    expect(await markNotificationReadAction({ id: "99999999999" })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { id: [expect.stringContaining("No record has an id that large")] },
    });
    expect(await markAllNotificationsReadAction({})).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { throughId: ["Missing the newest notification shown; reload the inbox"] },
    });
    expect(await updateNotificationPreferencesAction({ enabled: ["assigned", "sms"] })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { enabled: ["Not a kind of notification: sms (the kinds are mentioned, reply, assigned, changed, candidate)"] },
    });
    expect(await updateNotificationPreferencesAction({ enabled: "a\u0000" })).toMatchObject({ ok: false, status: 422 });
    expect(await open(users.viewer, "1e3")).toMatchObject({ status: 422 });
    expect(await databaseFingerprint(prisma())).toEqual(before);
  });
});
