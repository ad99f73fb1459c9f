// Sign-in, throttling, session refresh, user management and the append-only audit trail,
// against a real database.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { JWT } from "next-auth/jwt";
import bcrypt from "bcryptjs";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createUser, type TestUser } from "@/tests/helpers/users";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

const { authorizeCredentials, buildAuthOptions, refreshToken } = await import("@/lib/auth/options");
const { describeSignInError } = await import("@/lib/auth/sign-in-errors");
const { MAX_ADDRESS_FAILURES, MAX_FAILURES, WINDOW_MINUTES } = await import("@/lib/auth/throttle");
const { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserActiveAction, signOutEverywhereAction } = await import("@/lib/users/actions");

describe("accounts and audit", () => {
  let database: TestDatabase;
  let admin: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    admin = await createUser(database.prisma, "admin");
    editor = await createUser(database.prisma, "editor");
  });
  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });
  beforeEach(() => signInAs(admin));

  const auditCount = () => database.prisma.auditEvent.count();

  describe("sign-in", () => {
    test("the right password signs in, a wrong one or an unknown account does not, and each attempt is logged without the password", async () => {
      const address = "192.0.2.10";
      expect(await authorizeCredentials({ email: "  EDITOR@example.test ", password: editor.password }, address)).toMatchObject({
        id: String(editor.id),
        email: editor.email,
      });
      expect(await authorizeCredentials({ email: editor.email, password: "not-the-password" }, address)).toBeNull();
      expect(await authorizeCredentials({ email: "nobody@example.test", password: "whatever-it-is" }, address)).toBeNull();
      const attempts = await database.prisma.signInAttempt.findMany({ where: { address }, orderBy: { id: "asc" } });
      expect(attempts.map((attempt) => [attempt.email, attempt.success])).toEqual([
        [editor.email, true],
        [editor.email, false],
        ["nobody@example.test", false],
      ]);
      const stored = JSON.stringify(await database.prisma.$queryRaw`SELECT * FROM sign_in_attempts`);
      expect(stored).not.toContain(editor.password);
      expect(stored).not.toContain("not-the-password");
    });

    test("a disabled account cannot sign in even with its password", async () => {
      const disabled = await createUser(database.prisma, "viewer", { email: "gone@example.test", active: false });
      expect(await authorizeCredentials({ email: disabled.email, password: disabled.password }, "192.0.2.11")).toBeNull();
    });

    test(`${MAX_FAILURES} failures lock the account for that address, with a clear message, until the window passes`, async () => {
      const address = "198.51.100.20";
      const start = new Date();
      const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
      for (let attempt = 0; attempt < MAX_FAILURES; attempt++) {
        expect(await authorizeCredentials({ email: editor.email, password: "wrong-guess" }, address, at(attempt * 0.1))).toBeNull();
      }
      // Even the right password is refused while locked, and the refusal says why.
      await expect(authorizeCredentials({ email: editor.email, password: editor.password }, address, at(1))).rejects.toThrow(/^Throttled(14|15)$/);
      // Another address is not affected.
      expect(await authorizeCredentials({ email: editor.email, password: editor.password }, "198.51.100.99", at(1))).not.toBeNull();
      // Once the failures are older than the window, the right password works again.
      expect(await authorizeCredentials({ email: editor.email, password: editor.password }, address, at(WINDOW_MINUTES + 2))).not.toBeNull();
    });

    test("a successful sign-in starts the failure count afresh", async () => {
      const address = "198.51.100.30";
      const now = new Date();
      for (let attempt = 0; attempt < MAX_FAILURES - 1; attempt++) {
        await authorizeCredentials({ email: editor.email, password: "wrong-guess" }, address, now);
      }
      expect(await authorizeCredentials({ email: editor.email, password: editor.password }, address, now)).not.toBeNull();
      for (let attempt = 0; attempt < MAX_FAILURES - 1; attempt++) {
        await authorizeCredentials({ email: editor.email, password: "wrong-guess" }, address, now);
      }
      expect(await authorizeCredentials({ email: editor.email, password: editor.password }, address, now)).not.toBeNull();
    });
  });

  describe("throttling that holds under pressure", () => {
    test(`20 parallel wrong passwords for one account from one address: only ${MAX_FAILURES} are checked, the rest are refused as throttled`, async () => {
      const address = "198.51.100.40";
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => authorizeCredentials({ email: editor.email, password: "parallel-guess" }, address)),
      );
      const checked = results.filter((result) => result.status === "fulfilled");
      const refused = results.filter((result) => result.status === "rejected");
      expect(checked).toHaveLength(MAX_FAILURES);
      expect(checked.every((result) => result.status === "fulfilled" && result.value === null)).toBe(true);
      expect(refused).toHaveLength(20 - MAX_FAILURES);
      expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/Throttled\d+/);
      // And the right password is refused too until the window passes.
      await expect(authorizeCredentials({ email: editor.email, password: editor.password }, address)).rejects.toThrow(/^Throttled\d+$/);
    });

    test(`one address guessing many accounts is throttled after ${MAX_ADDRESS_FAILURES} failures, unknown accounts included`, async () => {
      const address = "198.51.100.41";
      for (let attempt = 0; attempt < MAX_ADDRESS_FAILURES; attempt++) {
        expect(await authorizeCredentials({ email: `guess-${attempt}@example.test`, password: "wrong-guess" }, address)).toBeNull();
      }
      await expect(authorizeCredentials({ email: editor.email, password: editor.password }, address)).rejects.toThrow(/^Throttled\d+$/);
      // Another address is not affected.
      expect(await authorizeCredentials({ email: editor.email, password: editor.password }, "198.51.100.42")).not.toBeNull();
    });
  });

  test("with the database refusing connections, sign-in says it is unavailable, never the driver's message", async () => {
    const spy = vi.spyOn(database.prisma, "$transaction").mockRejectedValue(new Error("Invalid `prisma.signInAttempt.findFirst()` invocation: Code: `55000`"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const error = await authorizeCredentials({ email: editor.email, password: editor.password }, "192.0.2.70").catch((caught: unknown) => caught);
      expect(String(error)).toBe("Error: SignInUnavailable");
      expect(describeSignInError("SignInUnavailable")).toMatch(/^Sign-in is unavailable right now/);
      expect(String(logged.mock.calls[0]?.[1])).toContain("55000");
    } finally {
      spy.mockRestore();
      logged.mockRestore();
    }
  });

  describe("password hashes", () => {
    test("a bcrypt hash from before still signs in, and is replaced by a scrypt hash on that sign-in", async () => {
      const legacy = await createUser(database.prisma, "viewer", { email: "legacy-hash@example.test" });
      const bcryptHash = await bcrypt.hash(legacy.password, 10);
      await database.prisma.user.update({ where: { id: legacy.id }, data: { passwordHash: bcryptHash } });
      expect(await authorizeCredentials({ email: legacy.email, password: "not-it" }, "192.0.2.60")).toBeNull();
      expect((await database.prisma.user.findUniqueOrThrow({ where: { id: legacy.id }, omit: { passwordHash: false } })).passwordHash).toBe(bcryptHash);
      expect(await authorizeCredentials({ email: legacy.email, password: legacy.password }, "192.0.2.60")).not.toBeNull();
      const stored = (await database.prisma.user.findUniqueOrThrow({ where: { id: legacy.id }, omit: { passwordHash: false } })).passwordHash!;
      expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
      expect(await authorizeCredentials({ email: legacy.email, password: legacy.password }, "192.0.2.61")).not.toBeNull();
    });
  });

  describe("sessions follow the database", () => {
    const sessionFor = async (token: JWT) => {
      const callbacks = buildAuthOptions().callbacks!;
      const refreshed = await callbacks.jwt!({ token } as Parameters<NonNullable<typeof callbacks.jwt>>[0]);
      return callbacks.session!({ session: { expires: "2099-01-01T00:00:00Z" }, token: refreshed } as Parameters<NonNullable<typeof callbacks.session>>[0]);
    };

    test("disabling a user ends their session on the next request, and re-enabling does not revive it", async () => {
      const person = await createUser(database.prisma, "editor", { email: "session-person@example.test" });
      const token = await refreshToken({ email: person.email }, { email: person.email });
      expect(await sessionFor(token)).toMatchObject({ user: { id: person.id, role: "editor" } });

      expect((await setUserActiveAction({ id: person.id, active: false })).ok).toBe(true);
      const afterDisable = await sessionFor(token);
      expect((afterDisable as { user?: unknown }).user).toBeUndefined();

      expect((await setUserActiveAction({ id: person.id, active: "true" })).ok).toBe(true);
      expect(((await sessionFor(token)) as { user?: unknown }).user).toBeUndefined();
      // A new sign-in after re-enabling works.
      expect(await sessionFor(await refreshToken({}, { email: person.email }))).toMatchObject({ user: { id: person.id } });
    });

    test("a role change ends the session at its next request; the new sign-in carries the new role", async () => {
      const person = await createUser(database.prisma, "editor", { email: "demoted@example.test" });
      const token = await refreshToken({}, { email: person.email });
      expect(await sessionFor(token)).toMatchObject({ user: { id: person.id, role: "editor" } });
      expect((await changeUserRoleAction({ id: person.id, role: "viewer" })).ok).toBe(true);
      expect(((await sessionFor(token)) as { user?: unknown }).user).toBeUndefined();
      expect(await sessionFor(await refreshToken({}, { email: person.email }))).toMatchObject({ user: { id: person.id, role: "viewer" } });
    });

    test("a password reset by an admin ends the old sessions, even a copied cookie", async () => {
      const person = await createUser(database.prisma, "viewer", { email: "reset-me@example.test" });
      const token = await refreshToken({}, { email: person.email });
      const copied = { ...token };
      expect((await resetUserPasswordAction({ id: person.id, password: "a-brand-new-password" })).ok).toBe(true);
      expect(((await sessionFor(token)) as { user?: unknown }).user).toBeUndefined();
      expect(((await sessionFor(copied)) as { user?: unknown }).user).toBeUndefined();
    });

    test("signing out ends that session even where its cookie was copied; the person's other sessions go on", async () => {
      const person = await createUser(database.prisma, "viewer", { email: "signs-out@example.test" });
      const laptop = await refreshToken({}, { email: person.email });
      const phone = await refreshToken({}, { email: person.email });
      const copied = { ...laptop };
      await buildAuthOptions().events!.signOut!({ token: laptop, session: undefined as never });
      expect(((await sessionFor(copied)) as { user?: unknown }).user).toBeUndefined();
      expect(await sessionFor(phone)).toMatchObject({ user: { id: person.id } });
    });

    test("'sign out everywhere' ends every session of the caller and of no one else, with one audit event", async () => {
      const person = await createUser(database.prisma, "viewer", { email: "everywhere@example.test" });
      const other = await createUser(database.prisma, "viewer", { email: "bystander@example.test" });
      const laptop = await refreshToken({}, { email: person.email });
      const phone = await refreshToken({}, { email: person.email });
      const theirs = await refreshToken({}, { email: other.email });
      const events = await auditCount();
      signInAs(person);
      expect(await signOutEverywhereAction({})).toEqual({ ok: true, data: undefined });
      for (const token of [laptop, phone]) expect(((await sessionFor(token)) as { user?: unknown }).user).toBeUndefined();
      expect(await sessionFor(theirs)).toMatchObject({ user: { id: other.id } });
      expect(await auditCount()).toBe(events + 1);
      expect(await database.prisma.auditEvent.findFirst({ orderBy: { id: "desc" } })).toMatchObject({ userId: person.id, action: "sign_out_everywhere" });
    });

    test("a session from before session versions (no session id) is ended", async () => {
      const person = await createUser(database.prisma, "viewer", { email: "old-token@example.test" });
      expect(((await sessionFor({ uid: person.id } as JWT)) as { user?: unknown }).user).toBeUndefined();
    });

    test("a token for a deleted or unknown account gives no session", async () => {
      expect(((await sessionFor({ uid: 987654 } as JWT)) as { user?: unknown }).user).toBeUndefined();
      expect(((await sessionFor({ uid: "1; drop table users" } as JWT)) as { user?: unknown }).user).toBeUndefined();
    });
  });

  describe("user management", () => {
    test("creating a user writes exactly one audit event with the new account and no password", async () => {
      const before = await auditCount();
      const result = await createUserAction({ email: " New.Editor@Example.test ", name: "New Editor", role: "editor", password: "a-long-password" });
      expect(result).toMatchObject({ ok: true, data: { email: "new.editor@example.test", role: "editor", active: true } });
      expect(await auditCount()).toBe(before + 1);
      const event = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(event).toMatchObject({ userId: admin.id, entityType: "user", action: "create", before: null });
      expect(event.after).toMatchObject({ email: "new.editor@example.test", role: "editor", name: "New Editor" });
      expect(JSON.stringify([event.before, event.after])).not.toMatch(/a-long-password|passwordHash|\$2[aby]\$/);
      // The new account can sign in.
      expect(await authorizeCredentials({ email: "new.editor@example.test", password: "a-long-password" }, "192.0.2.50")).not.toBeNull();
    });

    test.each([
      ["a bad email", { email: "not-an-email", role: "viewer", password: "a-long-password" }, "email", /valid email/],
      ["a short password", { email: "short@example.test", role: "viewer", password: "short" }, "password", /at least 10/],
      ["an unknown role", { email: "owner@example.test", role: "owner", password: "a-long-password" }, "role", /admin, editor or viewer/],
      ["an existing email", { email: "EDITOR@example.test", role: "viewer", password: "a-long-password" }, "email", /already exists/],
    ])("%s is refused field by field and changes nothing", async (_label, input, field, message) => {
      const before = await databaseFingerprint(database.prisma);
      const result = await createUserAction(input);
      expect(result).toMatchObject({ ok: false, status: 422 });
      if (result.ok) throw new Error("unreachable");
      expect(result.fieldErrors?.[field]?.join(" ")).toMatch(message);
      expect(await databaseFingerprint(database.prisma)).toEqual(before);
    });

    test("form data works as well as plain objects", async () => {
      const form = new FormData();
      form.set("email", "form@example.test");
      form.set("role", "viewer");
      form.set("password", "a-long-password");
      form.set("$ACTION_ID_abc", "");
      expect(await createUserAction(form)).toMatchObject({ ok: true, data: { email: "form@example.test", role: "viewer", name: null } });
    });

    test("changing a role, disabling and resetting a password each write one event with before and after", async () => {
      const person = await createUser(database.prisma, "viewer", { email: "lifecycle@example.test" });
      const events = () => database.prisma.auditEvent.findMany({ where: { entityType: "user", entityId: String(person.id) }, orderBy: { id: "asc" } });

      await changeUserRoleAction({ id: person.id, role: "editor" });
      await setUserActiveAction({ id: person.id, active: false });
      await resetUserPasswordAction({ id: person.id, password: "another-long-password" });
      const recorded = await events();
      expect(recorded.map((event) => event.action)).toEqual(["change_role", "disable", "reset_password"]);
      expect(recorded[0]).toMatchObject({ userId: admin.id, before: { role: "viewer" }, after: { role: "editor" } });
      expect(recorded[1]).toMatchObject({ before: { active: true }, after: { active: false } });
      expect(JSON.stringify([recorded[2]!.before, recorded[2]!.after])).not.toMatch(/another-long-password|\$2[aby]\$/);

      // A no-op (already disabled) records nothing.
      await setUserActiveAction({ id: person.id, active: false });
      expect(await events()).toHaveLength(3);

      // The new password works once the account is enabled again.
      await setUserActiveAction({ id: person.id, active: true });
      expect(await authorizeCredentials({ email: person.email, password: "another-long-password" }, "192.0.2.60")).not.toBeNull();
    });

    test("the last active admin can be neither demoted nor disabled; with a second admin it can", async () => {
      const admins = await database.prisma.user.findMany({ where: { role: "admin", active: true } });
      expect(admins.map((user) => user.id)).toEqual([admin.id]);
      const before = await databaseFingerprint(database.prisma);

      const demote = await changeUserRoleAction({ id: admin.id, role: "editor" });
      expect(demote).toMatchObject({ ok: false, status: 409, message: "You cannot demote the last active admin. Make another user an admin first." });
      const disable = await setUserActiveAction({ id: admin.id, active: false });
      expect(disable).toMatchObject({ ok: false, status: 409, message: "You cannot disable the last active admin. Make another user an admin first." });
      expect(await databaseFingerprint(database.prisma)).toEqual(before);

      const second = await createUser(database.prisma, "admin", { email: "second-admin@example.test" });
      expect(await changeUserRoleAction({ id: second.id, role: "viewer" })).toMatchObject({ ok: true });
      expect(await changeUserRoleAction({ id: admin.id, role: "viewer" })).toMatchObject({ ok: false, status: 409 });
      await changeUserRoleAction({ id: second.id, role: "admin" });
      expect(await setUserActiveAction({ id: admin.id, active: false })).toMatchObject({ ok: true });
      // Now `second` is the last one.
      signInAs({ ...second, role: "admin" });
      expect(await setUserActiveAction({ id: second.id, active: false })).toMatchObject({ ok: false, status: 409 });
      await setUserActiveAction({ id: admin.id, active: true });
    });

    test("two admins demoting each other at once leave one admin standing", async () => {
      const one = await createUser(database.prisma, "admin", { email: "race-one@example.test" });
      const two = await createUser(database.prisma, "admin", { email: "race-two@example.test" });
      // Leave exactly these two as active admins.
      const others = await database.prisma.user.findMany({ where: { role: "admin", active: true, id: { notIn: [one.id, two.id] } }, select: { id: true } });
      await database.prisma.user.updateMany({ where: { id: { in: others.map((user) => user.id) } }, data: { active: false } });
      try {
        const results = await Promise.all([changeUserRoleAction({ id: one.id, role: "viewer" }), changeUserRoleAction({ id: two.id, role: "viewer" })]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        expect(await database.prisma.user.count({ where: { role: "admin", active: true } })).toBe(1);
      } finally {
        await database.prisma.user.updateMany({ where: { id: { in: others.map((user) => user.id) } }, data: { active: true } });
      }
    });

    test("an unknown user is a 404 and nothing is written", async () => {
      const before = await auditCount();
      expect(await changeUserRoleAction({ id: 999999, role: "viewer" })).toMatchObject({ ok: false, status: 404, message: "That user no longer exists." });
      expect(await auditCount()).toBe(before);
    });
  });

  describe("the audit table is append-only", () => {
    test.each([
      ["UPDATE", `UPDATE audit_events SET action = 'forged'`],
      ["DELETE", `DELETE FROM audit_events`],
      ["TRUNCATE", `TRUNCATE audit_events`],
    ])("%s is refused by the database and nothing changes", async (operation, sql) => {
      expect(await auditCount()).toBeGreaterThan(0);
      const before = await database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
      await expect(database.prisma.$executeRawUnsafe(sql)).rejects.toThrow(new RegExp(`audit_events is append-only: ${operation} is not allowed`));
      expect(await database.prisma.auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    });

    test("Prisma's own update and delete are refused too", async () => {
      const event = await database.prisma.auditEvent.findFirstOrThrow();
      await expect(database.prisma.auditEvent.update({ where: { id: event.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
      await expect(database.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
      expect(await database.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
    });
  });
});
