// A speaker's title read from any of their claims ("BP spokesman Toby Odone said …") makes them their body's voice
// where another claim calls them only "spokesman Toby Odone" (lib/propositions/origin-counts.ts, origins.ts).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { ingestDocument } from "@/lib/ingest/ingest-document";
import { originMembersForClaims } from "@/lib/propositions/origin-counts";
import { traceOrigins } from "@/lib/propositions/origins";

const WIRE = `HOUSTON, June 20 (Gulf Coast Wire) - BP spokesman Toby Odone said the company did not believe it had underestimated the flow at any point.

"You can't tell gas from oil by looking at a video," spokesman Toby Odone said on Sunday.`;

const PAPER = `Spill roundup: how big is the leak?

BP said at the time that the outside calculations of the flow were wrong because they could not tell gas from oil.`;

describe("origins: affiliations from speakers' titles", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    for (const [slug, text] of [
      ["wire", WIRE],
      ["paper", PAPER],
    ] as const) {
      await ingestDocument(database.prisma, {
        metadata: { slug, title: slug, kind: "news", publisher: null, author: null, publishedDate: "2010-06-20", url: null, language: "en", notes: null },
        rawText: text,
        originFile: `${slug}.txt`,
        via: "import",
        target: "new",
      });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("'spokesman Toby Odone' is BP's voice because another claim calls him 'BP spokesman'", async () => {
    const video = await database.prisma.claim.findFirstOrThrow({ where: { quote: { contains: "looking at a video" } }, include: { speaker: true } });
    const bp = await database.prisma.claim.findFirstOrThrow({ where: { quote: { contains: "outside calculations" } }, include: { speaker: true } });
    expect(video.speaker?.name).toBe("Toby Odone");
    expect(bp.speaker?.name).toBe("BP");
    const members = await originMembersForClaims(database.prisma, [video.id, bp.id]);
    expect(members.find((member) => member.claimId === video.id)?.speaker?.affiliation).toBe("BP");
    const summary = traceOrigins(members);
    expect(summary.independentOrigins).toBe(1);
    expect(summary.origins[0]!.label).toBe("BP");
  });
});
