// Review-queue leases against a real database: two editors are handed different claims (also when
// they ask at the same moment), a lease is the editor's own until it expires or a decision releases
// it, and viewers take none.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { handOutQueueClaim, takeClaimLease } = await import("@/lib/claims/leases");
const { renewClaimLeaseAction, reviewClaimAction } = await import("@/lib/claims/actions");

const TEXT = "The minister said the dam is safe. The engineers said it leaks. The mayor said 40 homes flooded. The council denied any flooding.";
const QUOTES = ["the dam is safe", "it leaks", "40 homes flooded", "any flooding"];

describe("review-queue leases", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let second: TestUser;
  /** In queue order: most check-worthy first. */
  let claimIds: number[];
  const filters = { source: "dam-report" };

  const leases = () => database.prisma.claimLease.findMany({ orderBy: { claimId: "asc" }, select: { claimId: true, userId: true } });
  const handOut = (userId: number | undefined, from: { at?: number; after?: number } = {}) =>
    handOutQueueClaim(filters, "worth", from, userId, database.prisma);

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    second = await createUser(database.prisma, "editor", { email: "second-editor@example.test" });
    second.name = "Nadia Second";
    await database.prisma.user.update({ where: { id: second.id }, data: { name: second.name } });
    const source = await database.prisma.source.create({
      data: { slug: "dam-report", title: "Dam report", kind: "news", text: TEXT, textSha256: "0".repeat(64) },
    });
    claimIds = [];
    for (const [index, quote] of QUOTES.entries()) {
      const start = TEXT.indexOf(quote);
      const claim = await database.prisma.claim.create({
        data: { sourceId: source.id, quote, startOffset: start, endOffset: start + quote.length, checkWorthiness: 90 - index * 10 },
      });
      claimIds.push(claim.id);
    }
  });

  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  beforeEach(async () => {
    await database.prisma.claimLease.deleteMany();
    await database.prisma.claim.updateMany({ data: { status: "unreviewed" } });
  });

  test("two editors opening the queue are handed different claims, and each keeps theirs on reload", async () => {
    const first = await handOut(users.editor.id);
    const other = await handOut(second.id);
    expect(first.position.claimId).toBe(claimIds[0]);
    expect(other.position.claimId).toBe(claimIds[1]);
    expect(await leases()).toEqual([
      { claimId: claimIds[0], userId: users.editor.id },
      { claimId: claimIds[1], userId: second.id },
    ]);
    const reloaded = await handOut(users.editor.id);
    expect(reloaded.position.claimId).toBe(claimIds[0]);
    // The other editor's claim is not this one's next.
    expect(reloaded.position.nextId).toBe(claimIds[2]);
    expect((await handOut(second.id)).position.claimId).toBe(claimIds[1]);
  });

  test("two editors asking at the same moment still get different claims", async () => {
    const [a, b] = await Promise.all([handOut(users.editor.id), handOut(second.id)]);
    expect(a.position.claimId).not.toBeNull();
    expect(b.position.claimId).not.toBeNull();
    expect(a.position.claimId).not.toBe(b.position.claimId);
    expect((await leases()).map((lease) => lease.claimId).sort()).toEqual([a.position.claimId, b.position.claimId].sort());
  });

  test("a claim asked for by id is shown with whoever holds it, and is not taken from them", async () => {
    await handOut(users.editor.id);
    const asked = await handOut(second.id, { at: claimIds[0] });
    expect(asked.position.claimId).toBe(claimIds[0]);
    expect(asked.heldBy).toMatchObject({ userId: users.editor.id, name: users.editor.name });
    expect(await leases()).toEqual([{ claimId: claimIds[0], userId: users.editor.id }]);
  });

  test("an expired lease frees the claim for the next editor", async () => {
    await handOut(users.editor.id);
    await database.prisma.claimLease.update({ where: { claimId: claimIds[0] }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await handOut(second.id)).position.claimId).toBe(claimIds[0]);
    expect(await leases()).toEqual([{ claimId: claimIds[0], userId: second.id }]);
    // The first editor's open card learns whose it is now.
    signInAs(users.editor);
    expect(await renewClaimLeaseAction({ id: claimIds[0] })).toEqual({ ok: true, data: { held: false, holder: second.name } });
    // Renewing one's own live lease keeps it.
    signInAs(second);
    expect(await renewClaimLeaseAction({ id: claimIds[0] })).toEqual({ ok: true, data: { held: true, holder: null } });
  });

  test("a decision releases the editor's lease, and the queue hands the next free claim after it", async () => {
    await handOut(users.editor.id);
    await handOut(second.id);
    signInAs(users.editor);
    const claim = await database.prisma.claim.findUniqueOrThrow({ where: { id: claimIds[0] } });
    expect(await reviewClaimAction({ id: claim.id, version: claim.version, status: "approved" })).toMatchObject({ ok: true });
    expect(await leases()).toEqual([{ claimId: claimIds[1], userId: second.id }]);
    // Next after the decided claim: the second editor's is skipped.
    const next = await handOut(users.editor.id, { after: claimIds[0] });
    expect(next.position.claimId).toBe(claimIds[2]);
  });

  test("the last free claim taken, the queue is empty for the next editor; viewers take no lease", async () => {
    const viewer = await handOut(undefined);
    expect(viewer.position.claimId).toBe(claimIds[0]);
    expect(await leases()).toEqual([]);
    const editors = [users.editor.id, second.id, users.admin.id];
    for (const userId of editors) await handOut(userId);
    await takeClaimLease(database.prisma, claimIds[3]!, users.viewer.id);
    const extra = await createUser(database.prisma, "editor", { email: "third-editor@example.test" });
    const none = await handOut(extra.id);
    expect(none.position.claimId).toBeNull();
    expect((await leases()).filter((lease) => lease.userId === extra.id)).toEqual([]);
  });

  test("renewing needs the editor role and a valid claim id", async () => {
    signInAs(users.viewer);
    expect(await renewClaimLeaseAction({ id: claimIds[0] })).toMatchObject({ ok: false, status: 403 });
    signInAs(users.editor);
    expect(await renewClaimLeaseAction({ id: "first" })).toMatchObject({ ok: false, status: 422 });
    expect(await leases()).toEqual([]);
  });
});
