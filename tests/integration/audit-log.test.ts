// The admin audit log's filters and paging, and single sign-on's admission rule.
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { createUser, type TestUser } from "@/tests/helpers/users";
import { auditFilterSchema } from "@/lib/audit/schema";
import { AUDIT_PAGE_SIZE, listAuditEvents, listEntityHistory } from "@/lib/audit/queries";
import { buildAuthOptions } from "@/lib/auth/options";

describe("audit log", () => {
  let database: TestDatabase;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    alice = await createUser(database.prisma, "editor", { email: "alice@example.test" });
    bob = await createUser(database.prisma, "admin", { email: "bob@example.test" });
    const event = (userId: number | null, entityType: string, entityId: string, createdAt: string, action = "update") =>
      database.prisma.auditEvent.create({
        data: { userId, entityType, entityId, action, createdAt: new Date(createdAt), before: { stance: "supports" }, after: { stance: "opposes" } },
      });
    await event(alice.id, "claim", "7", "2026-03-01T10:00:00Z");
    await event(bob.id, "user", String(alice.id), "2026-03-05T08:00:00Z", "change_role");
    await event(alice.id, "claim", "7", "2026-03-05T23:59:00Z", "review");
    await event(null, "source", "2", "2026-03-06T00:00:00Z", "reseed");
    await event(bob.id, "claim", "8", "2026-03-10T12:00:00Z");
  });
  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  const list = async (input: Record<string, string>) =>
    (await listAuditEvents(auditFilterSchema.parse(input))).events.map((event) => `${event.entityType}#${event.entityId}:${event.action}`);

  test("filters by user, entity type and an inclusive date range, newest first", async () => {
    expect(await list({})).toEqual(["claim#8:update", "source#2:reseed", "claim#7:review", `user#${alice.id}:change_role`, "claim#7:update"]);
    expect(await list({ user: String(alice.id) })).toEqual(["claim#7:review", "claim#7:update"]);
    expect(await list({ entity: "claim" })).toEqual(["claim#8:update", "claim#7:review", "claim#7:update"]);
    expect(await list({ from: "2026-03-05", to: "2026-03-05" })).toEqual(["claim#7:review", `user#${alice.id}:change_role`]);
    expect(await list({ user: String(bob.id), entity: "claim", from: "2026-03-02" })).toEqual(["claim#8:update"]);
    expect(await list({ user: "", entity: "", from: "", to: "" })).toHaveLength(5);
  });

  test.each([
    [{ from: "2026-13-01" }, "from"],
    [{ from: "yesterday" }, "from"],
    [{ from: "2026-03-10", to: "2026-03-01" }, "to"],
    [{ entity: "password" }, "entity"],
    [{ user: "alice" }, "user"],
  ])("a bad filter %j is refused with a message on %s", (input, field) => {
    const parsed = auditFilterSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toContain(field);
  });

  test("pages through more events than fit on one page without repeating any", async () => {
    const base = await database.prisma.auditEvent.count();
    await database.prisma.auditEvent.createMany({
      data: Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, index) => ({ entityType: "topic", entityId: String(index), action: "update", userId: alice.id })),
    });
    const first = await listAuditEvents(auditFilterSchema.parse({ entity: "topic" }));
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    const second = await listAuditEvents(auditFilterSchema.parse({ entity: "topic", before: String(first.events.at(-1)!.id) }));
    expect(second.hasMore).toBe(false);
    const ids = [...first.events, ...second.events].map((event) => event.id);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 5);
    expect(await database.prisma.auditEvent.count()).toBe(base + AUDIT_PAGE_SIZE + 5);
  });

  test("an entity's history lists only its own events, newest first, with who did them", async () => {
    const history = await listEntityHistory("claim", 7);
    expect(history.map((event) => [event.action, event.user?.email])).toEqual([
      ["review", alice.email],
      ["update", alice.email],
    ]);
  });
});

describe("single sign-on", () => {
  let database: TestDatabase;
  const environment = process.env as Record<string, string | undefined>;
  const names = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const;
  const saved = Object.fromEntries(names.map((name) => [name, environment[name]]));

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    await createUser(database.prisma, "editor", { email: "known@example.test" });
    await createUser(database.prisma, "editor", { email: "left@example.test", active: false });
  });
  afterEach(() => {
    for (const name of names) environment[name] = saved[name];
    resetEnvCache();
  });
  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  test("is off unless issuer, client id and secret are all set", () => {
    for (const name of names) delete environment[name];
    environment.OIDC_ISSUER = "https://login.example.org/realms/newsroom";
    resetEnvCache();
    expect(buildAuthOptions().providers.map((provider) => provider.id)).toEqual(["credentials"]);
  });

  test("when configured, admits only active accounts an admin created, matched by email", async () => {
    Object.assign(environment, {
      OIDC_ISSUER: "https://login.example.org/realms/newsroom/",
      OIDC_CLIENT_ID: "claimbase",
      OIDC_CLIENT_SECRET: "s3cret",
      OIDC_NAME: "Newsroom SSO",
    });
    resetEnvCache();
    const options = buildAuthOptions();
    const oidc = options.providers.find((provider) => provider.id === "oidc") as unknown as { name: string; wellKnown: string };
    expect(oidc).toMatchObject({ name: "Newsroom SSO", wellKnown: "https://login.example.org/realms/newsroom/.well-known/openid-configuration" });
    const callbacks = options.callbacks!;
    const signIn = (email: string | null) =>
      callbacks.signIn!({ user: { id: "sub-1", email }, account: { provider: "oidc", type: "oauth", providerAccountId: "sub-1" } } as Parameters<
        NonNullable<typeof callbacks.signIn>
      >[0]);
    expect(await signIn("Known@Example.test")).toBe(true);
    expect(await signIn("stranger@example.test")).toBe(false);
    expect(await signIn("left@example.test")).toBe(false);
    expect(await signIn(null)).toBe(false);
    const attempts = await database.prisma.signInAttempt.findMany({ where: { address: "single sign-on" }, orderBy: { id: "asc" } });
    expect(attempts.map((attempt) => [attempt.email, attempt.success])).toEqual([
      ["known@example.test", true],
      ["stranger@example.test", false],
      ["left@example.test", false],
    ]);
  });
});
