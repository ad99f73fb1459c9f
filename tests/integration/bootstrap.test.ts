// First admin and session secret at start-up.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { resetEnvCache } from "@/lib/env";
import { DEMO_ADMIN_EMAIL, MISSING_SECRET_MESSAGE, assertAuthSecretConfigured, ensureAuthSecret, ensureFirstAdmin } from "@/lib/auth/bootstrap";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";

const VARIABLES = ["ADMIN_EMAIL", "ADMIN_PASSWORD", "NEXTAUTH_SECRET", "AUTH_SECRET", "NODE_ENV", "CLAIMBASE_EMBEDDED"] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
// Next's types mark NODE_ENV read-only; these tests switch it on purpose.
const environment = process.env as Record<string, string | undefined>;

function setEnv(values: Partial<Record<(typeof VARIABLES)[number], string | undefined>>): void {
  for (const name of VARIABLES) {
    const value = name in values ? values[name] : undefined;
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  environment.NODE_ENV = values.NODE_ENV ?? "test";
  resetEnvCache();
}

describe("start-up bootstrap", () => {
  let database: TestDatabase;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => {
    lines.length = 0;
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete environment[name];
      else environment[name] = saved[name];
    }
    resetEnvCache();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("against a configured database without ADMIN_EMAIL nothing is created and the log says what to set", async () => {
    setEnv({});
    expect(await ensureFirstAdmin(database.prisma, { embedded: false, log })).toEqual({ created: false });
    expect(lines).toEqual(["No admin account yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create one."]);
    expect(await database.prisma.user.count()).toBe(0);
  });

  test.each([
    [{ ADMIN_EMAIL: "boss@example.test" }, "Set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither."],
    [{ ADMIN_EMAIL: "not an email", ADMIN_PASSWORD: "long-enough-password" }, "ADMIN_EMAIL is not an email address: not an email"],
    [{ ADMIN_EMAIL: "boss@example.test", ADMIN_PASSWORD: "short" }, "ADMIN_PASSWORD must be at least 10 characters."],
  ])("bad admin settings %j stop start-up with one line", async (values, message) => {
    setEnv(values);
    await expect(ensureFirstAdmin(database.prisma, { embedded: false, log })).rejects.toThrow(message);
    expect(await database.prisma.user.count()).toBe(0);
  });

  test("the embedded demo creates an admin with a random password, prints it once, and records it", async () => {
    setEnv({});
    const first = await ensureFirstAdmin(database.prisma, { embedded: true, log });
    expect(first).toMatchObject({ created: true, email: DEMO_ADMIN_EMAIL });
    expect(first.generatedPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(lines.join("\n")).toContain(`password: ${first.generatedPassword}`);
    const admin = await database.prisma.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL }, omit: { passwordHash: false } });
    expect(admin).toMatchObject({ role: "admin", active: true });
    expect(await verifyPassword(first.generatedPassword!, admin.passwordHash)).toBe(true);
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "user", entityId: String(admin.id) } });
    expect(event).toMatchObject({ action: "create", userId: null });

    lines.length = 0;
    expect(await ensureFirstAdmin(database.prisma, { embedded: true, log })).toEqual({ created: false });
    expect(lines).toEqual([]);
  });

  test("ADMIN_EMAIL and ADMIN_PASSWORD create that admin once and never overwrite it", async () => {
    setEnv({ ADMIN_EMAIL: "Boss@Example.test", ADMIN_PASSWORD: "the-boss-password" });
    expect(await ensureFirstAdmin(database.prisma, { embedded: false, log })).toEqual({ created: true, email: "boss@example.test" });
    setEnv({ ADMIN_EMAIL: "boss@example.test", ADMIN_PASSWORD: "a-different-password" });
    expect(await ensureFirstAdmin(database.prisma, { embedded: false, log })).toEqual({ created: false, email: "boss@example.test" });
    const boss = await database.prisma.user.findUniqueOrThrow({ where: { email: "boss@example.test" }, omit: { passwordHash: false } });
    expect(await verifyPassword("the-boss-password", boss.passwordHash)).toBe(true);
  });

  test("the embedded demo generates a session secret once and keeps it in the data directory", async () => {
    setEnv({});
    const dataDir = await mkdtemp(path.join(tmpdir(), "claimbase-secret-"));
    const first = await ensureAuthSecret({ embedded: true, production: true, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(await ensureAuthSecret({ embedded: true, production: true, dataDir })).toBe(first);
    expect((await readFile(path.join(dataDir, "auth-secret"), "utf8")).trim()).toBe(first);
    expect((await stat(path.join(dataDir, "auth-secret"))).mode & 0o077).toBe(0);
  });

  test("production against a configured database needs NEXTAUTH_SECRET or AUTH_SECRET", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "claimbase-secret-"));
    setEnv({});
    await expect(ensureAuthSecret({ embedded: false, production: true, dataDir })).rejects.toThrow(MISSING_SECRET_MESSAGE);
    setEnv({ AUTH_SECRET: "from-auth-secret" });
    expect(await ensureAuthSecret({ embedded: false, production: true, dataDir })).toBe("from-auth-secret");

    setEnv({ NODE_ENV: "production" });
    expect(() => assertAuthSecretConfigured()).toThrow(MISSING_SECRET_MESSAGE);
    setEnv({ NODE_ENV: "production", CLAIMBASE_EMBEDDED: "1" });
    expect(() => assertAuthSecretConfigured()).not.toThrow();
    setEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "set" });
    expect(() => assertAuthSecretConfigured()).not.toThrow();
  });
});
