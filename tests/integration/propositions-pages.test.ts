import { afterAll, beforeAll, describe, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { seedDatabase } from "@/seed/run-seed";
import { detectContradictions } from "@/lib/contradictions/detect";
import { groupPropositions } from "@/lib/propositions/group";
import { listPropositions, getPropositionOrThrow } from "@/lib/propositions/queries";

describe("explore", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDatabase(database.prisma);
    await detectContradictions(database.prisma);
    console.log(await groupPropositions(database.prisma));
  });
  afterAll(async () => {
    await database?.drop();
  });
  test("dump", async () => {
    const list = await listPropositions({}, { prisma: database.prisma, pageSize: 500 });
    console.log(list.total, JSON.stringify(list.rows.filter((r) => r.opposing > 0 || r.circular || r.independentOrigins === 1).slice(0, 40), null, 0));
    const withOpp = list.rows.find((r) => r.opposing > 0);
    if (withOpp) {
      const d = await getPropositionOrThrow(withOpp.id, database.prisma);
      console.log(JSON.stringify({ members: d.members.map((m) => [m.claim.id, m.claim.quote.slice(0, 80), m.claim.source.title, m.claim.source.publishedDate, m.origin.originLabel, m.origin.chain]), opp: d.opposing.map((g) => [g.proposition, g.claims.map((c) => [c.claim.id, c.claim.quote.slice(0, 60)])]), origins: d.origins, timeline: d.timeline }, null, 1));
    }
  });
});
