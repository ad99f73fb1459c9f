// Lists that grow with the corpus — sources, actors, topics, the dashboard and an actor's
// page — show one page at a time and count only what they show, so that tens of thousands
// of sources or a speaker quoted 90,000 times do not put every row on one page. What an
// editor sees: the right page, the right counts, the total, and a way to the rest.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { listSourcesWithCounts, SOURCES_PAGE_SIZE } from "@/lib/sources/queries";
import { sourceListSchema } from "@/lib/sources/schema";
import { ACTORS_PAGE_SIZE, ACTOR_CLAIMS_SHOWN, getActorDetail, listActors } from "@/lib/actors/queries";
import { actorListSchema } from "@/lib/actors/schema";
import { listTopics, TOPICS_PAGE_SIZE } from "@/lib/topics/queries";
import { topicListSchema } from "@/lib/topics/schema";
import { DASHBOARD_SOURCES, dashboardSummary } from "@/lib/claims/queries";
import { PICKER_LIST_LIMIT } from "@/lib/pickers/queries";

const SOURCES = 120;
const ACTORS = 130;
const TOPICS = 75;
/** Claims of the most quoted speaker: more than his page lists. */
const BUSY_SPEAKER_CLAIMS = ACTOR_CLAIMS_SHOWN + 50;

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const prisma = database.prisma;
  // Source i ("Source 001" …) holds i % 4 claims: i % 4 - 1 approved and one unreviewed.
  await prisma.$executeRawUnsafe(
    `INSERT INTO sources (slug, title, publisher, text, text_sha256, updated_at)
     SELECT 'source-' || i, 'Source ' || lpad(i::text, 3, '0'), CASE WHEN i % 10 = 0 THEN 'Dawn' ELSE 'The News' END, 'x', repeat('0', 64), now()
     FROM generate_series(1, ${SOURCES}) i`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO claims (source_id, quote, start_offset, end_offset, status, updated_at)
     SELECT s.id, 'Claim ' || n || ' of ' || s.title, n * 10, n * 10 + 5,
            (CASE WHEN n = 1 THEN 'unreviewed' ELSE 'approved' END)::claim_status, now() - interval '1 day'
     FROM sources s CROSS JOIN LATERAL generate_series(1, (substring(s.slug from 8)::int) % 4) n`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO actors (name, normalized_name, updated_at)
     SELECT 'Speaker ' || lpad(i::text, 3, '0'), 'speaker ' || lpad(i::text, 3, '0'), now() FROM generate_series(1, ${ACTORS}) i`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO topics (slug, title, updated_at) SELECT 'topic-' || i, 'Topic ' || lpad(i::text, 3, '0'), now() FROM generate_series(1, ${TOPICS}) i`,
  );
  // Speaker 007 is quoted most, in a source of his own; Speaker 100 next, with three claims
  // on topic 002, two of them supporting it.
  const speeches = await prisma.source.create({ data: { slug: "speeches", title: "Collected speeches", text: "x", textSha256: "0".repeat(64) } });
  await prisma.$executeRawUnsafe(
    `INSERT INTO claims (source_id, quote, start_offset, end_offset, speaker_id, updated_at)
     SELECT $1, 'Speech ' || n, n * 10, n * 10 + 5, (SELECT id FROM actors WHERE name = 'Speaker 007'), now() - interval '1 day'
     FROM generate_series(1, ${BUSY_SPEAKER_CLAIMS}) n`,
    speeches.id,
  );
  const [speaker100, topic2] = [
    await prisma.actor.findFirstOrThrow({ where: { name: "Speaker 100" } }),
    await prisma.topic.findFirstOrThrow({ where: { title: "Topic 002" } }),
  ];
  await prisma.claim.updateMany({
    where: { source: { slug: "source-3" } },
    data: { speakerId: speaker100.id, topicId: topic2.id, stance: "supports" },
  });
  await prisma.claim.create({
    data: {
      sourceId: speeches.id,
      quote: "An answer",
      startOffset: 100_000,
      endOffset: 100_005,
      speakerId: speaker100.id,
      topicId: topic2.id,
      stance: "opposes",
    },
  });
  // Nothing edited yet: every claim last changed yesterday.
  await prisma.$executeRawUnsafe(`UPDATE claims SET updated_at = now() - interval '1 day'`);
});

afterAll(async () => {
  await database?.drop();
});

const parse = <T extends { parse: (input: unknown) => unknown }>(schema: T, query: string) =>
  schema.parse(Object.fromEntries(new URLSearchParams(query))) as ReturnType<T["parse"]>;

describe("the sources list", () => {
  test("shows one page in title order with each source's claims counted, and the totals", async () => {
    const first = await listSourcesWithCounts(parse(sourceListSchema, ""), database.prisma);
    expect(first.total).toBe(SOURCES + 1);
    expect(first.claimTotal).toBe(await database.prisma.claim.count());
    expect(first.rows).toHaveLength(SOURCES_PAGE_SIZE);
    expect(first.rows[0]!.title).toBe("Collected speeches");
    expect(first.rows[1]).toMatchObject({ title: "Source 001", claimCount: 1, reviewedCount: 0 });
    expect(first.rows[3]).toMatchObject({ title: "Source 003", claimCount: 3, reviewedCount: 2, approvedCount: 2 });
    expect(first.rows[4]).toMatchObject({ title: "Source 004", claimCount: 0, reviewedCount: 0 });

    const last = await listSourcesWithCounts(parse(sourceListSchema, "page=3"), database.prisma);
    expect(last.rows.map((row) => row.title)).toEqual(Array.from({ length: 21 }, (_, index) => `Source ${String(100 + index).padStart(3, "0")}`));
    expect(last.rows[3]).toMatchObject({ title: "Source 103", claimCount: 3, reviewedCount: 2 });
  });

  test("finds sources by title or publisher; a page past the end is empty but keeps the total", async () => {
    const dawn = await listSourcesWithCounts(parse(sourceListSchema, "q=dawn"), database.prisma);
    expect(dawn.total).toBe(SOURCES / 10);
    expect(dawn.rows.map((row) => row.title)).toContain("Source 010");
    const beyond = await listSourcesWithCounts(parse(sourceListSchema, "q=source 1&page=9"), database.prisma);
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(await database.prisma.source.count({ where: { title: { contains: "Source 1" } } }));
  });

  test("a nonsense page number falls back to the first page", async () => {
    expect(parse(sourceListSchema, "page=-4").page).toBe(1);
    expect(parse(sourceListSchema, "page=abc&q=%20").page).toBe(1);
  });
});

describe("the actors list", () => {
  test("is most quoted first, one page at a time, with every actor's claims counted", async () => {
    const first = await listActors(parse(actorListSchema, ""), database.prisma);
    expect(first.total).toBe(ACTORS);
    expect(first.rows).toHaveLength(ACTORS_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ name: "Speaker 007", claimCount: BUSY_SPEAKER_CLAIMS });
    expect(first.rows[1]).toMatchObject({ name: "Speaker 100", claimCount: 4 });
    expect(first.rows[2]).toMatchObject({ name: "Speaker 001", claimCount: 0 });

    const third = await listActors(parse(actorListSchema, "page=3"), database.prisma);
    expect(third.rows).toHaveLength(ACTORS - 2 * ACTORS_PAGE_SIZE);
    expect(third.rows.at(-1)!.name).toBe("Speaker 130");
    const beyond = await listActors(parse(actorListSchema, "page=4"), database.prisma);
    expect(beyond).toMatchObject({ rows: [], total: ACTORS });
  });
});

describe("the topics list", () => {
  test("shows one page in title order, each topic's claims counted by stance", async () => {
    const first = await listTopics(parse(topicListSchema, ""), database.prisma);
    expect(first.total).toBe(TOPICS);
    expect(first.rows).toHaveLength(TOPICS_PAGE_SIZE);
    expect(first.rows[1]).toMatchObject({ title: "Topic 002", total: 4, stances: { supports: 3, opposes: 1, neutral: 0, unclear: 0 } });
    const second = await listTopics(parse(topicListSchema, "page=2"), database.prisma);
    expect(second.rows.map((row) => row.title)).toEqual(
      Array.from({ length: TOPICS - TOPICS_PAGE_SIZE }, (_, index) => `Topic ${String(51 + index).padStart(3, "0")}`),
    );
  });
});

describe("an actor's page", () => {
  test("lists the first claims and counts them all; a long list of actors is searched, not sent", async () => {
    const speaker = await database.prisma.actor.findFirstOrThrow({ where: { name: "Speaker 007" } });
    const detail = (await getActorDetail(speaker.id, database.prisma))!;
    expect(detail.claimCount).toBe(BUSY_SPEAKER_CLAIMS);
    expect(detail.actor.claims).toHaveLength(ACTOR_CLAIMS_SHOWN);
    expect(detail.actor.claims[0]!.quote).toBe("Speech 1");
    // 130 actors, more than a list holds: the merge form searches as you type.
    expect(ACTORS).toBeGreaterThan(PICKER_LIST_LIMIT);
    expect(detail.mergeCandidates).toBeNull();

    // Down to the limit (the speakers past it have no claims): it lists the others with their counts.
    const past = `Speaker ${String(PICKER_LIST_LIMIT).padStart(3, "0")}`;
    await database.prisma.actor.deleteMany({ where: { name: { gt: past, startsWith: "Speaker " } } });
    try {
      const candidates = (await getActorDetail(speaker.id, database.prisma))!.mergeCandidates;
      expect(candidates).toHaveLength(PICKER_LIST_LIMIT - 1);
      expect(candidates).toContainEqual(expect.objectContaining({ label: "Speaker 100 (4 claims)" }));
    } finally {
      await database.prisma.$executeRawUnsafe(
        `INSERT INTO actors (name, normalized_name, updated_at)
         SELECT 'Speaker ' || lpad(i::text, 3, '0'), 'speaker ' || lpad(i::text, 3, '0'), now() FROM generate_series(${PICKER_LIST_LIMIT + 1}, ${ACTORS}) i`,
      );
    }
  });
});

describe("the dashboard", () => {
  test("with many sources it shows the ones edited last, newest first, and counts them exactly", async () => {
    const before = await dashboardSummary(database.prisma);
    expect(before.sourceCount).toBe(SOURCES + 1);
    expect(before.total).toBe(await database.prisma.claim.count());
    expect(before.perSource).toHaveLength(DASHBOARD_SOURCES);

    // An editor works on source 103, then source 7.
    await database.prisma.claim.updateMany({ where: { source: { slug: "source-103" } }, data: { status: "rejected", updatedAt: new Date(Date.now() - 1000) } });
    await database.prisma.claim.updateMany({ where: { source: { slug: "source-7" } }, data: { status: "in_review", updatedAt: new Date() } });
    const after = await dashboardSummary(database.prisma);
    expect(after.perSource).toHaveLength(DASHBOARD_SOURCES);
    expect(after.perSource[0]).toMatchObject({ slug: "source-7", total: 3, counts: { in_review: 3 } });
    expect(after.perSource[1]).toMatchObject({ slug: "source-103", total: 3, counts: { rejected: 3 } });
    expect(new Set(after.perSource.map((source) => source.slug)).size).toBe(DASHBOARD_SOURCES);
    expect(after.statusCounts.rejected).toBe(3);
  });
});
