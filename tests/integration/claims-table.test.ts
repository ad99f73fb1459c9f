// The claims table query: filters, full-text search with highlighted matches, and keyset
// pagination that visits every matching claim exactly once in every sort order.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { CLAIM_SORTS, parseClaimTableParams, type ClaimTableParams } from "@/lib/claims/schema";
import { listClaims, reviewQueuePosition, type ClaimRow } from "@/lib/claims/queries";
import { claimFilterSql } from "@/lib/claims/filters";

const SENTENCES = [
  "The strike was called off after talks with the provincial government",
  "Nobody was hurt during the rally in Karachi",
  "Fourteen people died in the clashes on Saturday night",
  "The party denied any involvement in the killings",
  "Police said the arrested men confessed to the murders",
  "The court declared the organization a terrorist group",
];
const STANCES = ["supports", "opposes", "neutral", "unclear"] as const;
const STATUS_ORDER = ["unreviewed", "in_review", "approved", "rejected"];

function compareKeys(left: readonly number[], right: readonly number[]): number {
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return left[i]! - right[i]!;
  return 0;
}

describe("claims table", () => {
  let database: TestDatabase;
  let speakerIds: number[];

  const params = (query: Record<string, string>): ClaimTableParams => {
    const parsed = parseClaimTableParams(new URLSearchParams(query));
    expect(parsed.problems).toEqual([]);
    return parsed.value;
  };

  async function walk(query: Record<string, string>, pageSize: number): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const page = await listClaims(params({ ...query, ...(cursor ? { after: cursor } : {}) }), { pageSize, prisma: database.prisma });
      ids.push(...page.rows.map((row) => row.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    return ids;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    const prisma = database.prisma;
    speakerIds = [];
    for (const name of ["Ahmed Khan", "Farooq Sattar", "Dawn editorial board"]) {
      speakerIds.push((await prisma.actor.create({ data: { name, normalizedName: name.toLowerCase() } })).id);
    }
    const topic = await prisma.topic.create({ data: { slug: "strike", title: "The strike" } });
    // Three sources, 70 claims each, with every filterable field varying.
    for (let s = 0; s < 3; s++) {
      const parts: string[] = [];
      const spans: { start: number; end: number; quote: string }[] = [];
      let at = 0;
      for (let i = 0; i < 70; i++) {
        const quote = `${SENTENCES[(i + s) % SENTENCES.length]} (item ${s}-${i})`;
        spans.push({ start: at, end: at + quote.length, quote });
        parts.push(quote);
        at += quote.length + 2;
      }
      const text = parts.join(". ");
      const source = await prisma.source.create({ data: { slug: `source-${s}`, title: `Source ${s}`, text, textSha256: String(s).repeat(64) } });
      await prisma.claim.createMany({
        data: spans.map((span, i) => ({
          sourceId: source.id,
          quote: span.quote,
          startOffset: span.start,
          endOffset: span.end,
          stance: STANCES[i % 4],
          speakerId: i % 5 === 0 ? null : speakerIds[i % 3],
          citedVia: i % 7 === 0 ? "Dawn newspaper" : null,
          credibility: (i % 6) + 1,
          status: i % 10 === 0 ? "approved" : i % 10 === 3 ? "rejected" : i % 10 === 7 ? "in_review" : "unreviewed",
          topicId: i % 9 === 0 ? topic.id : null,
        })),
      });
    }
    // Distinct update times for the "updated" sort, including ties.
    await prisma.$executeRawUnsafe(`UPDATE claims SET updated_at = now() - (id % 17) * interval '1 minute'`);
    // Check-worthiness spread over 0–100 with ties, for the "worth" sort and the queue's default order.
    await prisma.$executeRawUnsafe(`UPDATE claims SET check_worthiness = (id * 37) % 11 * 10`);
  });

  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  test.each(CLAIM_SORTS.map((sort) => [sort]))("paging through sort %s visits each claim once, in order", async (sort) => {
    const all = await database.prisma.claim.count();
    const ids = await walk({ sort }, 37);
    expect(ids).toHaveLength(all);
    expect(new Set(ids).size).toBe(all);
    const single = await listClaims(params({ sort }), { pageSize: 1000, prisma: database.prisma });
    expect(ids).toEqual(single.rows.map((row) => row.id));
  });

  test.each([
    ["credibility", (row: ClaimRow) => [row.credibility, row.id]],
    ["-credibility", (row: ClaimRow) => [-row.credibility, -row.id]],
    ["status", (row: ClaimRow) => [STATUS_ORDER.indexOf(row.status), row.id]],
    ["-status", (row: ClaimRow) => [-STATUS_ORDER.indexOf(row.status), -row.id]],
    ["-worth", (row: ClaimRow) => [row.checkWorthiness, -row.sourceId, -row.startOffset, -row.id]],
    ["-source", (row: ClaimRow) => [-row.sourceId, -row.startOffset, -row.id]],
  ] as const)("a header sort %s pages through filtered claims in the column's order, with no duplicates or gaps", async (sort, key) => {
    // Many ties on the sorted column: the id breaks them, in the cursor too.
    const query = { sort, source: "source-1" };
    const ids = await walk(query, 7);
    const expected = await database.prisma.claim.findMany({ where: { source: { slug: "source-1" } }, select: { id: true } });
    expect(ids).toHaveLength(expected.length);
    expect(new Set(ids)).toEqual(new Set(expected.map((claim) => claim.id)));
    const rows = (await listClaims(params(query), { pageSize: 1000, prisma: database.prisma })).rows;
    const byKey = [...rows].sort((a, b) => compareKeys(key(a), key(b)));
    expect(rows.map((row) => row.id)).toEqual(byKey.map((row) => row.id));
    expect(ids).toEqual(rows.map((row) => row.id));
    // And back: the previous-page cursor of the third page returns the second.
    let page = await listClaims(params(query), { pageSize: 7, prisma: database.prisma });
    const first = page.rows.map((row) => row.id);
    page = await listClaims(params({ ...query, after: page.nextCursor! }), { pageSize: 7, prisma: database.prisma });
    const back = await listClaims(params({ ...query, before: page.prevCursor! }), { pageSize: 7, prisma: database.prisma });
    expect(back.rows.map((row) => row.id)).toEqual(first);
  });

  test("a sort the table does not have is reported and the table keeps its default order", () => {
    const parsed = parseClaimTableParams(new URLSearchParams({ sort: "-newest" }));
    expect(parsed.problems).toEqual([expect.stringMatching(/^sort: Not a sort this table has/)]);
    expect(parsed.value.sort).toBe("source");
    // A cursor of another sort's shape is not this sort's page position.
    const credibilityCursor = Buffer.from(JSON.stringify([3, 10])).toString("base64url");
    expect(parseClaimTableParams(new URLSearchParams({ sort: "-source", after: credibilityCursor })).problems).toEqual([
      expect.stringMatching(/^after: Not a page position this list made/),
    ]);
  });

  test("the previous-page cursor returns the page before", async () => {
    const first = await listClaims(params({ sort: "credibility" }), { pageSize: 25, prisma: database.prisma });
    const second = await listClaims(params({ sort: "credibility", after: first.nextCursor! }), { pageSize: 25, prisma: database.prisma });
    expect(second.prevCursor).not.toBeNull();
    const back = await listClaims(params({ sort: "credibility", before: second.prevCursor! }), { pageSize: 25, prisma: database.prisma });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.prevCursor).toBeNull();
    expect(first.prevCursor).toBeNull();
  });

  test("filters combine, and each row matches every filter", async () => {
    const page = await listClaims(params({ stance: "opposes", speaker: String(speakerIds[1]), citedVia: "dawn", status: "unreviewed" }), {
      prisma: database.prisma,
    });
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows).toHaveLength(page.total);
    for (const row of page.rows) {
      expect(row).toMatchObject({ stance: "opposes", speakerId: speakerIds[1], speakerName: "Farooq Sattar", status: "unreviewed" });
      expect(row.citedVia).toBe("Dawn newspaper");
    }
    const expected = await database.prisma.claim.count({
      where: { stance: "opposes", speakerId: speakerIds[1], citedVia: { contains: "dawn", mode: "insensitive" }, status: "unreviewed" },
    });
    expect(page.total).toBe(expected);

    const none = await listClaims(params({ speaker: "none", source: "source-1", credibility: "2" }), { prisma: database.prisma });
    expect(none.total).toBe(await database.prisma.claim.count({ where: { speakerId: null, source: { slug: "source-1" }, credibility: 2 } }));
    expect(none.rows.every((row) => row.speakerId === null && row.sourceSlug === "source-1" && row.credibility === 2)).toBe(true);
  });

  test("full-text search finds word forms and highlights the matches", async () => {
    const page = await listClaims(params({ q: "killing" }), { prisma: database.prisma });
    expect(page.total).toBe(await database.prisma.claim.count({ where: { quote: { contains: "killings" } } }));
    expect(page.total).toBeGreaterThan(30);
    for (const row of page.rows) {
      expect(row.headline?.filter((part) => part.match).map((part) => part.text)).toEqual(["killings"]);
      expect(row.headline?.map((part) => part.text).join("")).toBe(row.quote);
    }
    const phrase = await listClaims(params({ q: '"called off" -rally' }), { prisma: database.prisma });
    expect(phrase.total).toBe(await database.prisma.claim.count({ where: { quote: { startsWith: "The strike was called off" } } }));
    expect(phrase.rows.every((row) => row.quote.startsWith("The strike was called off"))).toBe(true);
  });

  test("a search combined with stance, status, credibility or attribution finds exactly the claims matching all of them", async () => {
    const killings = { quote: { contains: "killings" } };
    const cases: Array<[Record<string, string>, Record<string, unknown>]> = [
      [{ status: "unreviewed" }, { status: "unreviewed" }],
      [{ stance: "opposes" }, { stance: "opposes" }],
      [{ credibility: "2" }, { credibility: 2 }],
      [{ attribution: "direct_quote" }, { attribution: "direct_quote" }],
      [
        { stance: "supports", status: "unreviewed", sourceStance: "reports" },
        { stance: "supports", status: "unreviewed", sourceStance: "reports" },
      ],
    ];
    for (const [query, where] of cases) {
      const page = await listClaims(params({ q: "killing", ...query }), { prisma: database.prisma });
      const expected = await database.prisma.claim.count({ where: { ...killings, ...where } });
      expect(page.total, JSON.stringify(query)).toBe(expected);
      expect(
        page.rows.every((row) => row.quote.includes("killings")),
        JSON.stringify(query),
      ).toBe(true);
    }
    expect(await database.prisma.claim.count({ where: { ...killings, status: "unreviewed" } })).toBeGreaterThan(0);
  });

  test("with a search, the full-text index chooses the rows and a broad filter is checked on them", async () => {
    const plan = async (filters: Parameters<typeof claimFilterSql>[0]) => {
      const where = claimFilterSql(filters);
      return database.prisma.$transaction(async (tx) => {
        // Make every index look cheaper than reading the table, as it is at a million claims.
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT c.id FROM claims c WHERE ${where}`;
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
    };
    // Alone, the status filter reads its index; with a search, only the search index is read.
    expect(await plan({ status: "approved" })).toContain("claims_status_id_idx");
    const searched = await plan({ q: "killing", status: "approved" });
    expect(searched).toContain("claims_search_vector_idx");
    expect(searched).not.toContain("claims_status_id_idx");
  });

  test("bad values in a shared URL are reported and ignored, never injected", async () => {
    const parsed = parseClaimTableParams(
      new URLSearchParams({ stance: "supports'; DROP TABLE claims; --", credibility: "9", status: "approved", sort: "bogus" }),
    );
    expect(parsed.problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["credibility", "sort", "stance"]);
    expect(parsed.value).toMatchObject({ status: "approved", sort: "source", stance: undefined, credibility: undefined });
    const sql = claimFilterSql({ q: "x'); DROP TABLE claims; --", citedVia: "100%_off" });
    expect(sql.text).not.toContain("DROP");
    expect(sql.values).toEqual(["x'); DROP TABLE claims; --", "%100\\%\\_off%"]);
    const page = await listClaims(params({ q: "x'); DROP TABLE claims; --" }), { prisma: database.prisma });
    expect(page.total).toBe(0);
    expect(await database.prisma.claim.count()).toBe(210);
    // A tampered cursor is reported and ignored, and the query never runs it even if handed one: the first page.
    const tamperedParams = parseClaimTableParams(new URLSearchParams({ after: "not-a-cursor" }));
    expect(tamperedParams.problems).toEqual([expect.stringMatching(/^after: Not a page position this list made/)]);
    expect(tamperedParams.value.after).toBeUndefined();
    const tampered = await listClaims({ ...tamperedParams.value, after: "not-a-cursor" }, { pageSize: 5, prisma: database.prisma });
    expect(tampered.prevCursor).toBeNull();
  });

  test("the review queue walks unreviewed claims in source order", async () => {
    const start = await reviewQueuePosition({ source: "source-0" }, undefined, database.prisma, "source");
    const unreviewed = await database.prisma.claim.findMany({
      where: { status: "unreviewed", source: { slug: "source-0" } },
      orderBy: [{ startOffset: "asc" }],
      select: { id: true },
    });
    expect(start).toMatchObject({ claimId: unreviewed[0]!.id, prevId: null, nextId: unreviewed[1]!.id, remaining: unreviewed.length });
    const middle = await reviewQueuePosition({ source: "source-0" }, unreviewed[5]!.id, database.prisma, "source");
    expect(middle).toMatchObject({ prevId: unreviewed[4]!.id, nextId: unreviewed[6]!.id });
    // A claim just approved leaves the queue, but its neighbours are still found from it.
    await database.prisma.claim.update({ where: { id: unreviewed[5]!.id }, data: { status: "approved" } });
    const after = await reviewQueuePosition({ source: "source-0" }, unreviewed[5]!.id, database.prisma, "source");
    expect(after).toMatchObject({ claimId: unreviewed[5]!.id, nextId: unreviewed[6]!.id, remaining: unreviewed.length - 1 });
  });

  test("by default the queue offers the most check-worthy claim first, then each next one, across sources", async () => {
    const expected = await database.prisma.claim.findMany({
      where: { status: "unreviewed" },
      orderBy: [{ checkWorthiness: "desc" }, { sourceId: "asc" }, { startOffset: "asc" }, { id: "asc" }],
      select: { id: true, checkWorthiness: true },
    });
    const visited: number[] = [];
    let position = await reviewQueuePosition({}, undefined, database.prisma);
    while (position.claimId !== null && visited.length <= expected.length) {
      visited.push(position.claimId);
      if (position.nextId === null) break;
      position = await reviewQueuePosition({}, position.nextId, database.prisma);
    }
    expect(visited).toEqual(expected.map((claim) => claim.id));
    expect(expected[0]!.checkWorthiness).toBe(100);
    // "previous" walks back the same way.
    const third = await reviewQueuePosition({}, visited[2], database.prisma);
    expect(third.prevId).toBe(visited[1]);
  });

  test("the claims table sorted by check-worthiness starts with the highest score", async () => {
    const page = await listClaims(params({ sort: "worth" }), { pageSize: 20, prisma: database.prisma });
    const scores = page.rows.map((row) => row.checkWorthiness);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(100);
  });
});
