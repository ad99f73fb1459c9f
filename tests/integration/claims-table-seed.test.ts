// The claims table over the full seed corpus: every claim reachable by keyset paging.
// Speed is measured by `npm run bench` (figures, not timed assertions).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { seedDatabase } from "@/seed/run-seed";
import { listClaims, reviewQueuePosition } from "@/lib/claims/queries";
import { parseClaimTableParams, type ClaimTableParams } from "@/lib/claims/schema";

describe("claims table over the seed corpus", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const report = await seedDatabase(database.prisma);
    expect(report.failures).toEqual([]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const params = (query: Record<string, string>): ClaimTableParams => parseClaimTableParams(new URLSearchParams(query)).value;

  test("paging visits every seed claim once, first page to deepest", async () => {
    const total = await database.prisma.claim.count();
    expect(total).toBeGreaterThan(100);
    const seen: number[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 1000; pages++) {
      const page = await listClaims(params(cursor ? { after: cursor } : {}), { prisma: database.prisma, pageSize: 25 });
      seen.push(...page.rows.map((row) => row.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  test("the review queue can walk the whole corpus", async () => {
    const total = await database.prisma.claim.count({ where: { status: "unreviewed" } });
    let position = await reviewQueuePosition({}, undefined, database.prisma);
    const visited = new Set<number>();
    while (position.claimId !== null && !visited.has(position.claimId)) {
      visited.add(position.claimId);
      if (position.nextId === null) break;
      position = await reviewQueuePosition({}, position.nextId, database.prisma);
    }
    expect(visited.size).toBe(total);
  });
});
