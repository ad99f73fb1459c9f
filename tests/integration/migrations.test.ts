import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { findSchemaDrift, loadDatamodel, SCHEMA_PATH } from "@/tests/helpers/schema-drift";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { readFile } from "node:fs/promises";

describe("migrations", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("apply to an empty database with Prisma's bookkeeping, and a second run does nothing", async () => {
    const files = await readMigrations();
    const first = await migrate(database.url);
    expect(first.applied).toEqual(files.map((file) => file.name));
    const second = await migrate(database.url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((file) => file.name));

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`);
    await client.end();
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(files.map((file) => [file.name, file.checksum]));
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  test("every model, field, type, nullability, unique constraint, index and foreign key in schema.prisma exists", async () => {
    const problems = await findSchemaDrift(database.url, await loadDatamodel());
    expect(problems, `schema.prisma and the migrations disagree:\n${problems.join("\n")}`).toEqual([]);
  });

  test("a drift is caught and named", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const drifted = schema
      .replace("  notes            String?\n  reviewerId", '  notes            String?\n  embargoedUntil   DateTime? @map("embargoed_until")\n  reviewerId')
      .replace("@@index([speakerId, id])", "@@index([speakerId, status])")
      .replace("  admin\n  editor\n  viewer", "  admin\n  editor\n  viewer\n  auditor");
    expect(drifted).not.toBe(schema);
    const problems = await findSchemaDrift(database.url, await loadDatamodel(drifted));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`Claim.embargoedUntil: column "claims"."embargoed_until" is missing`),
        expect.stringContaining("Claim: normal index on (speaker_id, status) is missing"),
        expect.stringContaining("enum Role: database has [admin, editor, viewer]"),
      ]),
    );
  });

  test("an edited migration is refused", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`UPDATE "_prisma_migrations" SET checksum = repeat('0', 64)`);
    await client.end();
    await expect(migrate(database.url)).rejects.toThrow(/was edited after it was applied/);
  });
});
