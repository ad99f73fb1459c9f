// The dashboard's and the actors list's claim counts come from claim_tallies, which triggers
// on `claims` keep. Whatever writes the claims (one or many rows a statement, status or
// speaker changes, an actor deleted, claims deleted or truncated), the counts shown must be
// the counts of the claims, before and after the tallies are folded.
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { claimStatusTotals, claimTotal, compactClaimTallies } from "@/lib/claims/tallies";
import { listActors } from "@/lib/actors/queries";
import { actorListSchema } from "@/lib/actors/schema";

let database: TestDatabase;
let sourceId: number;
const actorIds: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  useAppDatabase(database);
  sourceId = (await database.prisma.source.create({ data: { slug: "tallied", title: "Tallied", text: "x".repeat(1000), textSha256: "c".repeat(64) } })).id;
  for (const name of ["Altaf Hussain", "Imran Khan", "Farooq Sattar"]) {
    actorIds.push((await database.prisma.actor.create({ data: { name, normalizedName: name.toLowerCase() } })).id);
  }
});

afterAll(async () => {
  releaseAppDatabase();
  await database?.drop();
});

/** The counts the claims themselves give. */
async function liveCounts() {
  const rows = await database.prisma.$queryRaw<{ speaker_id: number | null; status: string; count: number }[]>`
    SELECT speaker_id, status::text AS status, count(*)::int AS count FROM claims GROUP BY 1, 2`;
  const byStatus: Record<string, number> = {};
  const bySpeaker: Record<number, number> = {};
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + row.count;
    if (row.speaker_id !== null) bySpeaker[row.speaker_id] = (bySpeaker[row.speaker_id] ?? 0) + row.count;
  }
  return { byStatus, bySpeaker, total: rows.reduce((sum, row) => sum + row.count, 0) };
}

/** What the dashboard and the actors list show, checked against the claims, then folded and checked again. */
async function expectCountsMatch(): Promise<void> {
  for (const fold of [false, true]) {
    if (fold) await compactClaimTallies(database.prisma);
    const live = await liveCounts();
    expect(await claimStatusTotals(database.prisma)).toEqual(live.byStatus);
    expect(await claimTotal(database.prisma)).toBe(live.total);
    const actors = await listActors(actorListSchema.parse({}), database.prisma);
    expect(Object.fromEntries(actors.rows.filter((row) => row.claimCount > 0).map((row) => [row.id, row.claimCount]))).toEqual(live.bySpeaker);
  }
  // Folded: one row per speaker and status, none that sums to nothing.
  const [{ rows, keys, zero }] = await database.prisma.$queryRaw<{ rows: number; keys: number; zero: number }[]>`
    SELECT count(*)::int AS rows, count(DISTINCT (coalesce(speaker_id, 0), status))::int AS keys, count(*) FILTER (WHERE delta = 0)::int AS zero FROM claim_tallies`;
  expect(rows).toBe(keys);
  expect(zero).toBe(0);
}

let offset = 0;
const claimRows = (count: number, data: { speakerId?: number | null; status?: "unreviewed" | "in_review" | "approved" | "rejected" } = {}) =>
  Array.from({ length: count }, () => {
    offset += 2;
    return { sourceId, quote: "x", startOffset: offset, endOffset: offset + 1, ...data };
  });

test("many claims in one statement, and one at a time", async () => {
  await database.prisma.claim.createMany({
    data: [...claimRows(5, { speakerId: actorIds[0] }), ...claimRows(3, { speakerId: actorIds[1], status: "approved" }), ...claimRows(4)],
  });
  await database.prisma.claim.create({ data: claimRows(1, { speakerId: actorIds[2], status: "rejected" })[0]! });
  await expectCountsMatch();
});

test("a bulk load with the insert trigger off is counted afresh by rebuild_claim_tallies()", async () => {
  await database.prisma.$executeRawUnsafe("ALTER TABLE claims DISABLE TRIGGER claims_tally_insert");
  try {
    await database.prisma.claim.createMany({ data: [...claimRows(6, { speakerId: actorIds[1] }), ...claimRows(2, { status: "in_review" })] });
  } finally {
    await database.prisma.$executeRawUnsafe("ALTER TABLE claims ENABLE TRIGGER claims_tally_insert");
  }
  expect(await claimTotal(database.prisma)).toBe(13);
  await database.prisma.$executeRawUnsafe("SELECT rebuild_claim_tallies()");
  await expectCountsMatch();
});

test("status and speaker changes, one claim and many, and edits that change neither", async () => {
  const [first] = await database.prisma.claim.findMany({ where: { speakerId: actorIds[0] }, take: 1 });
  await database.prisma.claim.update({ where: { id: first!.id }, data: { status: "approved" } });
  await database.prisma.claim.updateMany({ where: { speakerId: actorIds[1] }, data: { speakerId: actorIds[2], status: "in_review" } });
  await database.prisma.claim.updateMany({ where: { speakerId: null }, data: { notes: "checked", stance: "opposes" } });
  // A change and its reversal in one transaction nets to nothing.
  await database.prisma.$transaction([
    database.prisma.claim.updateMany({ where: { speakerId: actorIds[0], status: "unreviewed" }, data: { status: "rejected" } }),
    database.prisma.claim.updateMany({ where: { speakerId: actorIds[0], status: "rejected" }, data: { status: "unreviewed" } }),
  ]);
  await expectCountsMatch();
});

test("a deleted actor's claims count as without a speaker; deleted and truncated claims stop counting", async () => {
  await database.prisma.actor.delete({ where: { id: actorIds[2]! } });
  await expectCountsMatch();
  await database.prisma.claim.deleteMany({ where: { speakerId: actorIds[0], status: "unreviewed" } });
  await expectCountsMatch();
  await database.prisma.$executeRawUnsafe("TRUNCATE claims CASCADE");
  expect(await claimTotal(database.prisma)).toBe(0);
  await expectCountsMatch();
});
