// The claims table counts matches up to COUNT_CAP and then says "more than": an exact count
// of a broad filter over a million claims took longer than the page (npm run bench).
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { COUNT_CAP, listClaims, reviewQueuePosition } from "@/lib/claims/queries";
import { parseClaimTableParams } from "@/lib/claims/schema";

let database: TestDatabase;
const MATCHING = COUNT_CAP + 5;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO sources (slug, title, text, text_sha256, updated_at) VALUES ('big', 'Big', 'x', repeat('0', 64), now()), ('small', 'Small', 'x', repeat('0', 64), now())`,
  );
  // MATCHING unreviewed claims in "big", and 7 approved ones in "small".
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO claims (source_id, quote, start_offset, end_offset, status, updated_at)
     SELECT CASE WHEN i <= ${MATCHING} THEN 1 ELSE 2 END, 'Claim number ' || i, i * 10, i * 10 + 5,
            (CASE WHEN i <= ${MATCHING} THEN 'unreviewed' ELSE 'approved' END)::claim_status, now()
     FROM generate_series(1, ${MATCHING + 7}) i`,
  );
});

afterAll(async () => {
  await database?.drop();
});

const page = (query: string) => listClaims(parseClaimTableParams(new URLSearchParams(query)).value, { prisma: database.prisma });

test("past the cap the table reports 'more than COUNT_CAP' and still pages through every claim", async () => {
  const first = await page("");
  expect(first).toMatchObject({ total: COUNT_CAP, totalCapped: true });
  expect(first.rows).toHaveLength(50);
  const unreviewed = await page("status=unreviewed");
  expect(unreviewed).toMatchObject({ total: COUNT_CAP, totalCapped: true });
  let seen = 0;
  let cursor: string | null = "";
  while (cursor !== null) {
    const next: Awaited<ReturnType<typeof page>> = await page(`status=unreviewed${cursor ? `&after=${cursor}` : ""}`);
    seen += next.rows.length;
    cursor = next.nextCursor;
  }
  expect(seen).toBe(MATCHING);
});

test("under the cap the count is exact, including the source filter", async () => {
  expect(await page("status=approved")).toMatchObject({ total: 7, totalCapped: false });
  expect(await page("source=small")).toMatchObject({ total: 7, totalCapped: false });
  expect(await page("source=no-such-source")).toMatchObject({ total: 0, totalCapped: false, rows: [] });
  const small = await page("source=small");
  expect(small.rows.every((row) => row.sourceSlug === "small")).toBe(true);
});

test("the review queue says how many are left the same way", async () => {
  expect(await reviewQueuePosition({}, undefined, database.prisma)).toMatchObject({ remaining: COUNT_CAP, remainingCapped: true });
  expect(await reviewQueuePosition({ status: "approved" }, undefined, database.prisma)).toMatchObject({ remaining: 7, remainingCapped: false });
});
