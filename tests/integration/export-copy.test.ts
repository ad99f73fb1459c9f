// The CSV export through COPY (lib/export/copy.ts) against the JavaScript encoder it replaced
// (lib/export/encode.ts) on the same rows: every kind, with and without labels, formula
// neutralization and the byte-order mark, on text built to break one of the two — every
// formula start and its full-width form, quotes, CRLF, a lone CR, Urdu, emoji, empty strings,
// NULLs, backslashes, awkward doubles — and filters whose values are written into the COPY.
// On the embedded database the export keeps the cursor and says so.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import pg from "pg";
import { createEmbeddedTestDatabase, createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { createRoleUsers } from "@/tests/helpers/users";
import { copyExportSql } from "@/lib/export/copy";
import { ExportEncoder } from "@/lib/export/encode";
import { EXPORT_DEFINITIONS, exportQuery, type ExportKind } from "@/lib/export/kinds";
import { parseExportRequest, type ExportRequest } from "@/lib/export/schema";
import { openExportStream } from "@/lib/export/stream";
import { refreshPropositionOrigins } from "@/lib/propositions/origin-counts";

const BASE_URL = "http://claimbase.test";

/** Each starts or holds something one of the two writers could get wrong. */
const TRICKY = [
  "=SUM(A1:A9)",
  "+92 300 1234567",
  "-1+cmd|' /C calc'!A0",
  "@mention",
  "\tstarts with a tab",
  "\rstarts with a carriage return",
  "\nstarts with a line feed",
  "＝full-width equals",
  "＋full-width plus",
  "－full-width minus",
  "＠full-width at",
  'He said "no", then "yes"',
  "Windows\r\nline break",
  "A lone\rcarriage return",
  "First line\nsecond line",
  "الطاف حسین نے کہا کہ ایم کیو ایم بے قصور ہے",
  "Emoji 🙂 flag 🇵🇰 family 👨‍👩‍👧",
  "back\\slash and a \\. alone",
  "\\.",
  "'already an apostrophe",
  "  spaces around  ",
  'ends with a quote"',
  "comma, separated",
  "NULL",
];

/** Doubles where Postgres and JavaScript print differently unless copy.ts mends it. */
const SCORES = [
  0,
  -0,
  0.5,
  0.1 + 0.2,
  1 / 3,
  -2.75,
  1e-4,
  1.5e-5,
  2.5e-6,
  1e-6,
  9.99e-7,
  1e-7,
  123456789012345,
  1e15,
  1234567890123456.8,
  1.2345e17,
  1e20,
  1e21,
  1.5e300,
  -5e-324,
];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

/** The JavaScript path: the same query's rows, encoded by ExportEncoder. */
async function encoderBytes(pool: pg.Pool, request: ExportRequest): Promise<Buffer> {
  const definition = EXPORT_DEFINITIONS[request.kind];
  const columns = request.columns.map((name) => definition.columns.find((column) => column.name === name)!);
  const query = exportQuery(definition, request.columns, request.filters);
  const { rows } = await pool.query<unknown[]>({ text: query.text, values: query.values, rowMode: "array" });
  return Buffer.from(new ExportEncoder(columns, request).encode(rows), "utf8");
}

describe("CSV through COPY", () => {
  let database: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    const prisma = database.prisma;
    const users = await createRoleUsers(prisma);
    const awkward = await prisma.source.create({
      data: {
        slug: "awkward",
        title: 'The "awkward", source',
        kind: "news",
        publisher: "=Evil Corp",
        author: "",
        publishedDate: "＋2025",
        url: "https://example.org/a?b=1,2",
        text: TRICKY.join(" "),
        textSha256: "a".repeat(64),
        reliability: "C",
      },
    });
    await prisma.source.create({ data: { slug: "plain", title: "@plain", kind: "blog", text: "plain", textSha256: "b".repeat(64) } });
    const speaker = await prisma.actor.create({
      data: {
        name: "الطاف حسین",
        normalizedName: "altaf hussain",
        kind: "person",
        aliases: ["=alias", 'with "quotes", commas', "back\\slash", "line\nbreak", "🙂", ""],
      },
    });
    await prisma.actor.create({ data: { name: "-Nobody", normalizedName: "nobody", kind: "organization", aliases: [], notes: "" } });
    const topic = await prisma.topic.create({ data: { slug: "founding", title: "@Who founded it?", description: "line\r\nbreak" } });
    const claims = [];
    for (const [index, quote] of TRICKY.entries()) {
      claims.push(
        await prisma.claim.create({
          data: {
            sourceId: awkward.id,
            quote,
            startOffset: index * 10,
            endOffset: index * 10 + 5,
            speakerId: index % 2 === 0 ? speaker.id : null,
            topicId: index % 3 === 0 ? topic.id : null,
            cue: index % 4 === 0 ? "" : TRICKY[(index + 1) % TRICKY.length],
            citedVia: index % 5 === 0 ? "O'Brien \\ the relay" : null,
            notes: TRICKY[(index + 7) % TRICKY.length],
            attribution: (["direct_quote", "paraphrase", "author_voice", "reported"] as const)[index % 4],
            stance: (["supports", "opposes", "neutral", "unclear"] as const)[index % 4],
            credibility: (index % 6) + 1,
            status: (["unreviewed", "in_review", "approved", "rejected"] as const)[index % 4],
            reviewerId: index % 2 === 0 ? users.editor.id : null,
            reviewedAt: index % 2 === 0 ? new Date(Date.UTC(2025, 0, 1 + index, 12, 30, 15, 123)) : null,
          },
        }),
      );
    }
    // A discussion: the last comment is a cell of its own, from a subquery.
    const thread = await prisma.commentThread.create({ data: { entityType: "claim", entityId: claims[0]!.id } });
    await prisma.comment.create({ data: { threadId: thread.id, authorId: users.editor.id, body: "first" } });
    await prisma.comment.create({ data: { threadId: thread.id, authorId: users.editor.id, body: '=latest, "quoted"\r\nover lines' } });
    const proposition = await prisma.proposition.create({ data: { label: "=The toll rose", status: "confirmed" } });
    await prisma.propositionMember.createMany({
      data: [claims[1]!.id, claims[4]!.id, claims[9]!.id].map((claimId) => ({ claimId, propositionId: proposition.id })),
    });
    await prisma.proposition.create({ data: { label: "", status: "proposed" } });
    for (const [index, score] of SCORES.entries()) {
      await prisma.contradiction.create({
        data: {
          claimAId: claims[index]!.id,
          claimBId: claims[index + 1]!.id,
          score,
          kind: index % 2 ? "negation" : "dispute",
          status: (["candidate", "confirmed", "dismissed"] as const)[index % 3],
          detectedBy: TRICKY[index % TRICKY.length]!,
          explanation: TRICKY[(index + 3) % TRICKY.length],
          rationale: index % 2 ? "" : null,
        },
      });
    }
    await refreshPropositionOrigins(prisma);
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  const cases: [ExportKind, string][] = [
    ["claims", ""],
    ["claims", "labels=1"],
    ["claims", "formulas=keep&bom=1"],
    ["claims", "labels=1&formulas=keep"],
    ["claims", "columns=quote,notes,id,link&status=approved"],
    ["claims", "citedVia=O'Brien \\&columns=id,cited_via,quote"],
    ["claims", "q=line&columns=id,quote"],
    ["claims", "source=awkward&credibility=3&labels=1"],
    ["contradictions", "status=all"],
    ["contradictions", "status=all&labels=1&formulas=keep"],
    ["sources", ""],
    ["sources", "labels=1&bom=1"],
    ["actors", ""],
    ["actors", "labels=1&formulas=keep"],
    ["topics", ""],
    ["propositions", ""],
    ["propositions", "labels=1"],
  ];

  test.each(cases)("%s?%s: COPY writes the encoder's bytes", async (kind, query) => {
    const request = parseExportRequest(kind, new URLSearchParams(query), BASE_URL);
    expect(copyExportSql(request), "this request goes through COPY").toMatch(/^COPY \(/);
    let rows = -1;
    const copied = await readAll(await openExportStream(pool, request, { onEnd: (_outcome, count) => (rows = count) }));
    const encoded = await encoderBytes(pool, request);
    expect(rows).toBeGreaterThan(0);
    expect(copied.toString("utf8")).toBe(encoded.toString("utf8"));
    expect(copied.equals(encoded)).toBe(true);
  });

  test("the tricky cells really are in the file: neutralized, quoted, with their line breaks", async () => {
    const text = (await readAll(await openExportStream(pool, parseExportRequest("claims", new URLSearchParams("columns=id,quote"), BASE_URL)))).toString();
    for (const quote of ["'=SUM(A1:A9)", "'＝full-width equals", "'－full-width minus", '"\'\rstarts with a carriage return"', '"Windows\r\nline break"'])
      expect(text).toContain(quote);
    expect(text).toContain("\r\n");
    expect(text.split("\r\n").length).toBeGreaterThan(TRICKY.length);
  });

  test("a filter value with quotes and backslashes is written into the COPY as a literal, not as SQL", async () => {
    const request = parseExportRequest("claims", new URLSearchParams("citedVia=x'); DROP TABLE claims; --&columns=id,quote"), BASE_URL);
    expect(copyExportSql(request)).toContain("'%x''); DROP TABLE claims; --%'");
    const text = (await readAll(await openExportStream(pool, request))).toString();
    expect(text).toBe("id,quote\r\n");
    expect(await database.prisma.claim.count()).toBe(TRICKY.length);
  });

  test.each([
    ["claims", "format=ndjson"],
    ["claims", "columns=quote"],
    ["audit", ""],
  ] as const)("%s?%s stays with the encoder (NDJSON, one column, JSON cells)", (kind, query) => {
    expect(copyExportSql(parseExportRequest(kind, new URLSearchParams(query), BASE_URL))).toBeUndefined();
  });

  test("a reader that cancels drops the COPY's connection: the query ends and the pool serves the next export", async () => {
    const small = new pg.Pool({ connectionString: database.url, max: 1 });
    const request = parseExportRequest("claims", new URLSearchParams(""), BASE_URL);
    let outcome = "";
    const stream = await openExportStream(small, request, { onEnd: (result) => (outcome = result) });
    await stream.getReader().cancel();
    expect(outcome).toBe("cancelled");
    const again = await readAll(await openExportStream(small, request));
    expect(again.equals(await encoderBytes(pool, request))).toBe(true);
    await small.end();
  });
});

describe("CSV on the embedded database, beside the app's own connection", () => {
  let embedded: TestDatabase;

  beforeAll(async () => {
    embedded = await createEmbeddedTestDatabase();
    const source = await embedded.prisma.source.create({ data: { slug: "s", title: "S", kind: "news", text: "t", textSha256: "d".repeat(64) } });
    await embedded.prisma.claim.createMany({
      data: Array.from({ length: 2_500 }, (_, index) => ({ sourceId: source.id, quote: `claim number ${index}`, startOffset: index, endOffset: index + 1 })),
    });
  });

  afterAll(async () => {
    await embedded?.drop();
  });

  test("an export whose rows outlast its first batch is whole while the app queries in between", async () => {
    // PGlite is one session: the app's queries end the implicit transaction a cursor would live in.
    const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
    try {
      const request = parseExportRequest("claims", new URLSearchParams("columns=id,quote"), BASE_URL);
      const reader = (await openExportStream(pool, request)).getReader();
      const chunks: Uint8Array[] = [];
      for (;;) {
        await embedded.prisma.claim.count();
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
      }
      const lines = Buffer.concat(chunks).toString("utf8").trim().split("\r\n");
      expect(lines).toHaveLength(2_501);
      expect(lines.at(-1)).toContain("claim number 2499");
    } finally {
      await pool.end();
    }
  });
});

describe("CSV on the embedded database", () => {
  let embedded: TestDatabase;

  beforeAll(async () => {
    embedded = await createEmbeddedTestDatabase();
    const source = await embedded.prisma.source.create({ data: { slug: "s", title: "S", kind: "news", text: "t", textSha256: "c".repeat(64) } });
    for (const [index, quote] of TRICKY.slice(0, 8).entries())
      await embedded.prisma.claim.create({ data: { sourceId: source.id, quote, startOffset: index, endOffset: index + 1 } });
  });

  afterAll(async () => {
    await embedded?.drop();
  });

  test("falls back to the cursor and the encoder, says so once, and writes the same bytes", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    await embedded.prisma.$disconnect();
    const pool = new pg.Pool({ connectionString: embedded.url, max: 1 });
    try {
      const request = parseExportRequest("claims", new URLSearchParams("labels=1"), BASE_URL);
      const first = await readAll(await openExportStream(pool, request));
      const second = await readAll(await openExportStream(pool, request));
      expect(info).toHaveBeenCalledTimes(1);
      expect(String(info.mock.calls[0]![0])).toMatch(/embedded database \(PGlite\).*cursor/);
      expect(first.equals(second)).toBe(true);
      expect(first.equals(await encoderBytes(pool, request))).toBe(true);
      expect(first.toString()).toContain("'=SUM(A1:A9)");
    } finally {
      info.mockRestore();
      await pool.end();
    }
  });
});
