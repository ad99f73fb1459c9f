// Least privilege (issue 19, item 7): the web app's connections work as claimbase_app, which may read
// and write rows but can neither change the schema nor switch off, edit or empty the audit trail.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { createPrismaClient, createPool } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { createUser } from "@/tests/helpers/users";
import { recordAudit } from "@/lib/audit/record";

const APP_ROLE = "claimbase_app";

describe("the app's database role", () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    const user = await createUser(database.prisma, "admin");
    await recordAudit(database.prisma, { userId: user.id, entityType: "user", entityId: user.id, action: "create" });
    pool = createPool(database.url, 1, { role: APP_ROLE });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const auditRows = async () => Number((await database.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM audit_events`)[0]!.n);

  test("the app's pool works as claimbase_app, a role that owns nothing", async () => {
    const { rows } = await pool.query<{ current_user: string; owns: string }>(
      `SELECT current_user, (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owns`,
    );
    expect(rows[0]).toEqual({ current_user: APP_ROLE, owns: "0" });
  });

  test.each([
    ["switching the append-only trigger off", "ALTER TABLE audit_events DISABLE TRIGGER ALL", /must be owner/],
    ["replica mode, which skips triggers", "SET session_replication_role = replica", /permission denied/],
    ["deleting audit events", "DELETE FROM audit_events", /permission denied/],
    ["editing audit events", "UPDATE audit_events SET action = 'nothing happened'", /permission denied/],
    ["emptying the audit trail", "TRUNCATE audit_events", /permission denied/],
    ["dropping the audit trail", "DROP TABLE audit_events", /must be owner/],
    ["any other schema change", "ALTER TABLE claims ADD COLUMN sneaky text", /must be owner/],
    ["reading the migrations' bookkeeping", `SELECT * FROM "_prisma_migrations"`, /permission denied/],
  ])("%s is refused, and the trail is unchanged", async (_what, statement, refusal) => {
    const before = await auditRows();
    await expect(pool.query(statement)).rejects.toThrow(refusal);
    expect(await auditRows()).toBe(before);
  });

  test("what the app does need works: reading, writing rows, appending to the audit trail, temporary tables", async () => {
    const client = createPrismaClient(database.url, 1, { role: APP_ROLE });
    try {
      const before = await auditRows();
      const topic = await client.topic.create({ data: { title: "Least privilege", slug: "least-privilege" } });
      await client.topic.update({ where: { id: topic.id }, data: { title: "Least privilege, renamed" } });
      await recordAudit(client, { userId: null, entityType: "topic", entityId: topic.id, action: "create" });
      expect(await auditRows()).toBe(before + 1);
      await client.$transaction(async (tx) => {
        await tx.$executeRaw`CREATE TEMPORARY TABLE scratch ON COMMIT DROP AS SELECT id FROM topics`;
        await tx.$executeRaw`ANALYZE scratch`;
      });
      await client.topic.delete({ where: { id: topic.id } });
    } finally {
      await client.$disconnect();
    }
  });

  test("a missing role fails loudly instead of quietly running as the owner", async () => {
    const wrong = createPool(database.url, 1, { role: "no_such_role_here" });
    try {
      await expect(wrong.query("SELECT 1")).rejects.toThrow(/cannot take the role no_such_role_here \(role "no_such_role_here" does not exist\)/);
    } finally {
      await wrong.end();
    }
  });
});
