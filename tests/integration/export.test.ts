// CSV/NDJSON export end to end against a real database: every byte of awkward text survives
// a round trip through a real CSV parser, exports hold exactly the rows the lists show, the
// command line writes the same bytes as HTTP, authorization per kind and role, the audit
// trail, refusals that leave nothing behind, and a client that goes away stops the query.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { parse } from "csv-parse/sync";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import { resetEnvCache } from "@/lib/env";
import type { Role } from "@/lib/auth/roles";
import { EXPORT_DEFINITIONS, EXPORT_KINDS } from "@/lib/export/kinds";
import { neutralizeFormula } from "@/lib/export/encode";
import { parseExportRequest } from "@/lib/export/schema";
import { openExportStream } from "@/lib/export/stream";
import { listClaims } from "@/lib/claims/queries";
import { parseClaimTableParams } from "@/lib/claims/schema";
import { listContradictionIds } from "@/lib/contradictions/queries";
import { listContradictionsSchema } from "@/lib/contradictions/schema";
import { listActors } from "@/lib/actors/queries";
import { actorListSchema } from "@/lib/actors/schema";
import { listTopics } from "@/lib/topics/queries";
import { topicsFilterSchema } from "@/lib/topics/filters";
import { GET } from "@/app/api/export/[kind]/route";
import { ATTRIBUTION_LABELS, CLAIM_ORIGIN_LABELS, CREDIBILITY_LABELS, STANCE_LABELS, STATUS_LABELS } from "@/lib/claims/labels";
import { CONTRADICTION_STATUS_LABELS } from "@/lib/contradictions/labels";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Text that breaks naive CSV writers and readers, and every character that starts a formula. */
const AWKWARD = [
  "Plain sentence without surprises.",
  "Commas, commas, and more commas",
  'He said "no" — then "yes", twice',
  "First line\nsecond line",
  "Windows\r\nline break",
  "A lone\rcarriage return",
  "الطاف حسین نے کہا کہ ایم کیو ایم بے قصور ہے",
  "Emoji 🙂 flag 🇵🇰 family 👨‍👩‍👧 in a claim",
  '=HYPERLINK("http://evil.example","click me")',
  "+92 300 1234567 is the number he gave",
  "-1+cmd|' /C calc'!A0",
  "@SUM(A1:A9)",
  "\tstarts with a tab",
  "\rstarts with a carriage return",
  "\nstarts with a line feed",
  'ends with a quote"',
  "  leading and trailing spaces  ",
  "'already starts with an apostrophe",
];

describe("export", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  const ids = { sourceAwkward: 0, sourcePlain: 0, actorUrdu: 0, topic: 0 };

  async function callExport(kind: string, query: string, user: TestUser | null, init: RequestInit = {}): Promise<Response> {
    signInAs(user);
    const request = new Request(`http://claimbase.test/api/export/${kind}${query ? `?${query}` : ""}`, init);
    return GET(request, { params: Promise.resolve({ kind }) });
  }

  async function exportText(kind: string, query: string, user: TestUser = users.viewer): Promise<string> {
    const response = await callExport(kind, query, user);
    if (response.status !== 200) throw new Error(`export ${kind}?${query}: ${response.status} ${await response.text()}`);
    return response.text();
  }

  const csvIds = (text: string) => (parse(text, { columns: true }) as { id: string }[]).map((row) => Number(row.id));

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    useAppDatabase(database);
    const prisma = database.prisma;
    users = await createRoleUsers(prisma);

    const awkward = await prisma.source.create({
      data: {
        slug: "awkward-text",
        title: 'The "awkward", source',
        kind: "news",
        publisher: "=Evil Corp",
        text: AWKWARD.join(" "),
        textSha256: "a".repeat(64),
        reliability: "C",
      },
    });
    const plain = await prisma.source.create({ data: { slug: "plain-text", title: "Plain source", kind: "blog", text: "plain", textSha256: "b".repeat(64) } });
    const urdu = await prisma.actor.create({
      data: { name: "الطاف حسین", normalizedName: "altaf hussain", kind: "person", aliases: ["Altaf Hussain", "=alias"] },
    });
    const other = await prisma.actor.create({ data: { name: "Farooq Sattar", normalizedName: "farooq sattar", kind: "person" } });
    const topic = await prisma.topic.create({ data: { slug: "founding", title: "Who founded the MQM, and when?", description: "@topic" } });
    Object.assign(ids, { sourceAwkward: awkward.id, sourcePlain: plain.id, actorUrdu: urdu.id, topic: topic.id });

    let offset = 0;
    for (const [index, quote] of AWKWARD.entries()) {
      await prisma.claim.create({
        data: {
          sourceId: awkward.id,
          quote,
          startOffset: offset,
          endOffset: offset + Math.max(1, quote.length),
          speakerId: index % 2 === 0 ? urdu.id : null,
          topicId: index % 3 === 0 ? topic.id : null,
          cue: index % 4 === 0 ? "said" : null,
          citedVia: index % 5 === 0 ? '-via a leaflet, "quoted"' : null,
          notes: index % 6 === 0 ? "note with\r\nCRLF, and =formula" : null,
          stance: (["supports", "opposes", "neutral", "unclear"] as const)[index % 4],
          credibility: (index % 6) + 1,
          status: index % 2 === 0 ? "approved" : "unreviewed",
          reviewerId: index % 2 === 0 ? users.editor.id : null,
          reviewedAt: index % 2 === 0 ? new Date(Date.UTC(2025, 0, 1 + index, 12, 30, 15, 123)) : null,
        },
      });
      offset += quote.length + 1;
    }
    for (let index = 0; index < 6; index++) {
      await prisma.claim.create({
        data: {
          sourceId: plain.id,
          quote: `Plain claim number ${index} about the strike`,
          startOffset: index * 10,
          endOffset: index * 10 + 5,
          speakerId: other.id,
          stance: "opposes",
          status: "in_review",
        },
      });
    }
    const claims = await prisma.claim.findMany({ orderBy: { id: "asc" } });
    const pairs: [number, number, "candidate" | "confirmed" | "dismissed", "negation" | "dispute"][] = [
      [claims[0]!.id, claims[1]!.id, "candidate", "negation"],
      [claims[2]!.id, claims[20]!.id, "confirmed", "dispute"],
      [claims[3]!.id, claims[21]!.id, "dismissed", "negation"],
      [claims[6]!.id, claims[8]!.id, "candidate", "dispute"],
    ];
    for (const [a, b, status, kind] of pairs) {
      await prisma.contradiction.create({
        data: {
          claimAId: a,
          claimBId: b,
          status,
          kind,
          detectedBy: "test",
          score: 0.5,
          explanation: '=because, "quoted"',
          rationale: status === "candidate" ? null : "Editor's reason\nover two lines",
          preferredClaimId: status === "confirmed" ? a : null,
          preferredReason: status === "confirmed" ? '=first-hand, "on record"' : null,
        },
      });
    }
  });

  afterAll(async () => {
    const holder = globalThis as unknown as { claimbaseExportPool?: pg.Pool };
    await holder.claimbaseExportPool?.end();
    delete holder.claimbaseExportPool;
    releaseAppDatabase();
    await database?.drop();
  });

  describe("round trip", () => {
    async function expectedClaims() {
      const claims = await database.prisma.claim.findMany({
        orderBy: { id: "asc" },
        include: { source: true, speaker: true, topic: true, reviewer: true, proposition: { include: { proposition: true } } },
      });
      return claims.map((claim) => ({
        id: claim.id,
        source_slug: claim.source.slug,
        source_title: claim.source.title,
        source_reliability: claim.source.reliability,
        quote: claim.quote,
        start_offset: claim.startOffset,
        end_offset: claim.endOffset,
        speaker: claim.speaker?.name ?? null,
        attribution: claim.attribution,
        cue: claim.cue,
        cited_via: claim.citedVia,
        stance: claim.stance,
        source_stance: claim.sourceStance,
        credibility: claim.credibility,
        topic: claim.topic?.title ?? null,
        status: claim.status,
        anchor_status: claim.anchorStatus,
        origin: claim.origin,
        notes: claim.notes,
        reviewer: claim.reviewer?.email ?? null,
        reviewed_at: claim.reviewedAt?.toISOString() ?? null,
        created_at: claim.createdAt.toISOString(),
        updated_at: claim.updatedAt.toISOString(),
        source_url: claim.source.url,
        source_publisher: claim.source.publisher,
        source_published_date: claim.source.publishedDate,
        link: `http://claimbase.test/claims/${claim.id}`,
        // No discussion here (tests/integration/comments.test.ts exports one).
        comment_count: 0,
        last_comment: null,
        proposition_id: claim.proposition?.proposition.id ?? null,
        proposition_label: claim.proposition?.proposition.label ?? null,
      }));
    }

    test("CSV parsed by csv-parse equals the database field by field; formula cells carry a leading apostrophe", async () => {
      const text = await exportText("claims", "");
      expect(text.startsWith("id,source_slug,")).toBe(true);
      const records = parse(text, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
      const expected = await expectedClaims();
      expect(records).toHaveLength(expected.length);
      const numeric = new Set(["id", "start_offset", "end_offset", "credibility"]);
      for (const [index, row] of expected.entries()) {
        for (const [name, value] of Object.entries(row)) {
          const cell = value === null ? "" : numeric.has(name) ? String(value) : neutralizeFormula(String(value));
          expect(records[index]![name], `claim ${row.id}, column ${name}`).toBe(cell);
        }
        expect(Object.keys(records[index]!)).toEqual(Object.keys(row));
      }
      // Each dangerous first character was neutralized, and nothing else was touched.
      const quotes = new Set(records.map((record) => record.quote));
      for (const start of ["=", "+", "-", "@", "\t", "\r", "\n"]) {
        const quote = AWKWARD.find((candidate) => candidate.startsWith(start))!;
        expect(quotes.has(`'${quote}`), JSON.stringify(start)).toBe(true);
      }
      for (const quote of AWKWARD.filter((candidate) => !/^[=+\-@\t\r\n]/.test(candidate))) expect(quotes.has(quote), quote).toBe(true);
    });

    test("records end in CRLF and only quoted fields hold line breaks", async () => {
      const text = await exportText("claims", "source=awkward-text&columns=id,quote");
      expect(text.endsWith("\r\n")).toBe(true);
      // Outside quoted fields every line break is CRLF.
      const outside = text.replace(/"(?:[^"]|"")*"/g, "");
      expect(outside.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(text).toContain('"First line\nsecond line"');
      expect(text).toContain('"He said ""no"" — then ""yes"", twice"');
    });

    test("with formulas kept, every cell is byte for byte the stored text", async () => {
      const text = await exportText("claims", "formulas=keep&columns=id,quote,notes,cited_via");
      const records = parse(text, { columns: true }) as Record<string, string>[];
      const claims = await database.prisma.claim.findMany({ orderBy: { id: "asc" } });
      expect(records.map((record) => [Number(record.id), record.quote, record.notes, record.cited_via])).toEqual(
        claims.map((claim) => [claim.id, claim.quote, claim.notes ?? "", claim.citedVia ?? ""]),
      );
    });

    test("a byte-order mark only when asked for, and csv-parse reads past it", async () => {
      const plainBytes = Buffer.from(await (await callExport("claims", "", users.viewer)).arrayBuffer());
      expect(plainBytes.subarray(0, 2).toString()).toBe("id");
      const bomBytes = Buffer.from(await (await callExport("claims", "bom=1", users.viewer)).arrayBuffer());
      expect([...bomBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bomBytes.subarray(3).equals(plainBytes)).toBe(true);
      expect(parse(bomBytes, { columns: true, bom: true })).toEqual(parse(plainBytes, { columns: true }));
    });

    test("NDJSON carries the same fields, typed, with the text untouched", async () => {
      const text = await exportText("claims", "format=ndjson");
      const lines = text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const expected = (await expectedClaims()).map((row) => ({ ...row, comment_threads: [] }));
      expect(lines).toEqual(expected);
      expect(Object.keys(lines[0]!)).toEqual(EXPORT_DEFINITIONS.claims.columns.map((column) => column.name));
    });

    test("contradictions: one row per pair with both claims' quotes, speakers and sources", async () => {
      const records = parse(await exportText("contradictions", "formulas=keep"), { columns: true }) as Record<string, string>[];
      const stored = await database.prisma.contradiction.findMany({
        orderBy: { id: "asc" },
        include: { claimA: { include: { speaker: true, source: true } }, claimB: { include: { speaker: true, source: true } } },
      });
      expect(records).toHaveLength(stored.length);
      for (const [index, pair] of stored.entries()) {
        expect(records[index]).toMatchObject({
          id: String(pair.id),
          kind: pair.kind,
          status: pair.status,
          claim_a_quote: pair.claimA.quote,
          claim_b_quote: pair.claimB.quote,
          claim_a_speaker: pair.claimA.speaker?.name ?? "",
          claim_b_source: pair.claimB.source.slug,
          claim_a_source_title: pair.claimA.source.title,
          claim_b_source_title: pair.claimB.source.title,
          link: `http://claimbase.test/contradictions/${pair.id}`,
          rationale: pair.rationale ?? "",
          preferred_claim_id: pair.preferredClaimId ? String(pair.preferredClaimId) : "",
          preferred_reason: pair.preferredReason ?? "",
          explanation: pair.explanation ?? "",
        });
      }
    });

    test("labels=1 writes the app's words for codes, under the same header; without it the codes", async () => {
      const query = "columns=id,attribution,status,credibility,stance,origin";
      const codes = parse(await exportText("claims", query), { columns: true }) as Record<string, string>[];
      const words = parse(await exportText("claims", `${query}&labels=1`), { columns: true }) as Record<string, string>[];
      expect(words.map((row) => Object.keys(row))).toEqual(codes.map((row) => Object.keys(row)));
      for (const [index, row] of codes.entries()) {
        expect(words[index]).toEqual({
          id: row.id,
          attribution: ATTRIBUTION_LABELS[row.attribution as keyof typeof ATTRIBUTION_LABELS],
          status: STATUS_LABELS[row.status as keyof typeof STATUS_LABELS],
          credibility: CREDIBILITY_LABELS[Number(row.credibility)],
          stance: STANCE_LABELS[row.stance as keyof typeof STANCE_LABELS],
          origin: CLAIM_ORIGIN_LABELS[row.origin as keyof typeof CLAIM_ORIGIN_LABELS],
        });
      }
      expect(words.some((row) => row.attribution === "Author's voice")).toBe(true);
      const pairs = parse(await exportText("contradictions", "status=all&labels=1&columns=id,kind,status"), { columns: true }) as Record<string, string>[];
      expect(pairs.every((row) => Object.values(CONTRADICTION_STATUS_LABELS).includes(row.status as never))).toBe(true);
    });

    test("sources carry reliability and claim counts; actors their aliases; topics their stances", async () => {
      const sources = parse(await exportText("sources", ""), { columns: true }) as Record<string, string>[];
      expect(sources.find((row) => row.slug === "awkward-text")).toMatchObject({
        title: 'The "awkward", source',
        publisher: "'=Evil Corp",
        reliability: "C",
        claim_count: String(AWKWARD.length),
        approved_count: String(Math.ceil(AWKWARD.length / 2)),
      });
      const actors = parse(await exportText("actors", ""), { columns: true }) as Record<string, string>[];
      expect(actors.find((row) => row.name === "الطاف حسین")).toMatchObject({
        aliases: '["Altaf Hussain","=alias"]',
        claim_count: String(Math.ceil(AWKWARD.length / 2)),
      });
      const topics = parse(await exportText("topics", ""), { columns: true }) as Record<string, string>[];
      const onTopic = await database.prisma.claim.groupBy({ by: ["stance"], where: { topicId: ids.topic }, _count: { _all: true } });
      expect(topics[0]).toMatchObject({
        title: "Who founded the MQM, and when?",
        description: "'@topic",
        supports_count: String(onTopic.find((row) => row.stance === "supports")?._count._all ?? 0),
        opposes_count: String(onTopic.find((row) => row.stance === "opposes")?._count._all ?? 0),
      });
    });
  });

  describe("filters: the export holds exactly the rows the list shows", () => {
    test.each([
      ["status=approved"],
      ["status=unreviewed&stance=opposes"],
      ["source=plain-text"],
      ["speaker=none"],
      ["topic=none&credibility=3"],
      ["q=line"],
      ["citedVia=leaflet"],
      ["sort=newest&after=x&attribution=author_voice"],
    ])("claims ?%s: the same ids as the claims table", async (query) => {
      const table = await listClaims(parseClaimTableParams(new URLSearchParams(query.replace(/&?after=x/, ""))).value, {
        pageSize: 10_000,
        prisma: database.prisma,
      });
      const exported = csvIds(await exportText("claims", query));
      expect(exported.length).toBeGreaterThan(0);
      expect(exported).toEqual(table.rows.map((row) => row.id).sort((a, b) => a - b));
    });

    test("claims by speaker and by topic id", async () => {
      const table = await listClaims(parseClaimTableParams(new URLSearchParams(`speaker=${ids.actorUrdu}&topic=${ids.topic}`)).value, {
        pageSize: 10_000,
        prisma: database.prisma,
      });
      expect(csvIds(await exportText("claims", `speaker=${ids.actorUrdu}&topic=${ids.topic}`))).toEqual(table.rows.map((row) => row.id).sort((a, b) => a - b));
    });

    test.each([
      ["status=candidate"],
      ["status=all"],
      ["status=confirmed"],
      ["status=all&kind=negation"],
      ["status=all&source=SOURCE"],
      ["status=all&actor=ACTOR"],
    ])("contradictions ?%s: the same ids as the candidates list", async (template) => {
      const query = template.replace("SOURCE", "plain-text").replace("ACTOR", String(ids.actorUrdu));
      const filters = listContradictionsSchema.parse(Object.fromEntries(new URLSearchParams(query)));
      const listed = (await listContradictionIds(filters, database.prisma)).sort((a, b) => a - b).map((id) => ({ id }));
      const exported = csvIds(await exportText("contradictions", query));
      expect(exported.length).toBeGreaterThan(0);
      expect(exported).toEqual(listed.map((row) => row.id));
    });
  });

  test.each([["q=altaf"], ["q=sattar&kind=person"], ["kind=organization"], [""]])("actors ?%s: the same ids as the actors list", async (query) => {
    const listed = await listActors(actorListSchema.parse(Object.fromEntries(new URLSearchParams(query))), database.prisma);
    expect(listed.total).toBe(listed.rows.length);
    expect(csvIds(await exportText("actors", query))).toEqual(listed.rows.map((row) => row.id).sort((a, b) => a - b));
  });

  test.each([["q=founded"], ["q=nothing-like-this"], [""]])("topics ?%s: the same ids as the topics list", async (query) => {
    const listed = await listTopics(topicsFilterSchema.parse(Object.fromEntries(new URLSearchParams(query))), database.prisma);
    expect(listed.total).toBe(listed.rows.length);
    expect(csvIds(await exportText("topics", query))).toEqual(listed.rows.map((row) => row.id).sort((a, b) => a - b));
  });

  describe("authorization", () => {
    const cases = EXPORT_KINDS.flatMap((kind) =>
      (["anonymous", "viewer", "editor", "admin"] as const).map((who) => {
        const expected = who === "anonymous" ? 401 : kind === "audit" && who !== "admin" ? 403 : 200;
        return [kind, who, expected] as const;
      }),
    );
    test.each(cases)("%s as %s → %i", async (kind, who, expected) => {
      const response = await callExport(kind, "", who === "anonymous" ? null : users[who]);
      expect(response.status).toBe(expected);
      if (expected === 200) {
        expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
        expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="claimbase-${kind}-\\d{4}-\\d{2}-\\d{2}-all\\.csv"$`));
        const header = (await response.text()).split("\r\n")[0];
        const csvColumns = EXPORT_DEFINITIONS[kind].columns.filter((column) => column.formats?.includes("csv") ?? true);
        expect(header).toBe(csvColumns.map((column) => column.name).join(","));
      } else {
        expect((await response.json()).error).toMatch(expected === 401 ? /sign in/ : /admin role to export the audit trail/);
      }
    });

    test("a viewer asking for the audit trail with bad filters still gets 403, not a list of the audit filters", async () => {
      expect((await callExport("audit", "entity=nonsense", users.viewer)).status).toBe(403);
    });
  });

  describe("audit trail and refusals", () => {
    test("each export records who exported which kind with which filters", async () => {
      const before = await database.prisma.auditEvent.count();
      await exportText("claims", "status=approved&stance=supports&sort=newest&format=ndjson", users.viewer);
      const events = await database.prisma.auditEvent.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "desc" }, take: 1 });
      expect(await database.prisma.auditEvent.count()).toBe(before + 1);
      expect(events[0]).toMatchObject({ userId: users.viewer.id, entityType: "export", entityId: "claims", action: "export_filtered" });
      expect(events[0]!.after).toMatchObject({
        kind: "claims",
        format: "ndjson",
        filters: { status: "approved", stance: "supports" },
        columns: "all",
        via: "http",
      });
    });

    test("the audit export includes the export events, for admins", async () => {
      const records = parse(await exportText("audit", "entity=export", users.admin), { columns: true }) as Record<string, string>[];
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((record) => record.entity_type === "export")).toBe(true);
      expect(records.some((record) => record.user_email === users.viewer.email && JSON.parse(record.after!).filters?.status === "approved")).toBe(true);
    });

    test.each([
      ["claimz", "", /Unknown export "claimz"/],
      ["claims", "status=done", /status/],
      ["claims", "columns=id,nope", /unknown column "nope"/],
      ["claims", "stauts=approved", /stauts: unknown parameter/],
      ["audit", "from=2025-02-30", /from/],
    ])("%s?%s → 422 with a clear message, no file and no audit event", async (kind, query, message) => {
      const before = await database.prisma.auditEvent.count();
      const response = await callExport(kind, query, users.admin);
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(response.headers.get("content-disposition")).toBeNull();
      expect((await response.json()).error).toMatch(message);
      expect(await database.prisma.auditEvent.count()).toBe(before);
    });
  });

  describe("command line", () => {
    const cli = (args: string[]) =>
      run(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "lib/export/cli.ts"), ...args], {
        cwd: ROOT,
        // Link columns: the app's address, which the HTTP export takes from its request.
        env: { ...process.env, DATABASE_URL: database.url, NEXTAUTH_URL: "http://claimbase.test" },
        encoding: "buffer",
        maxBuffer: 64 * 1024 * 1024,
      });

    test("the same filters give the same bytes as HTTP", async () => {
      const directory = await mkdtemp(path.join(tmpdir(), "claimbase-export-"));
      const file = path.join(directory, "claims.csv");
      const { stderr } = await cli(["claims", "--status", "approved", "--bom", "--out", file]);
      expect(stderr.toString()).toMatch(/Wrote 9 claims rows to .*claims\.csv \(filtered/);
      const http = Buffer.from(await (await callExport("claims", "status=approved&bom=1", users.viewer)).arrayBuffer());
      expect((await readFile(file)).equals(http)).toBe(true);
      expect(await readdir(directory)).toEqual(["claims.csv"]);

      const { stdout } = await cli(["contradictions", "--format", "ndjson", "--status=all"]);
      const httpJson = Buffer.from(await (await callExport("contradictions", "format=ndjson&status=all", users.viewer)).arrayBuffer());
      expect(stdout.equals(httpJson)).toBe(true);
    });

    test("bad arguments: one clear line, exit code 1, no file", async () => {
      const directory = await mkdtemp(path.join(tmpdir(), "claimbase-export-"));
      const file = path.join(directory, "never.csv");
      const failure = await cli(["claims", "--credibility", "9", "--out", file]).then(
        () => null,
        (error: { code: number; stderr: Buffer }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr.toString()).toMatch(/^error: The export was not started\. credibility: Credibility is 1–6\.\n$/);
      expect(existsSync(file)).toBe(false);
      expect(await readdir(directory)).toEqual([]);
    });
  });

  describe("streaming", () => {
    const BULK = 30_000;

    async function exportQueries(): Promise<{ state: string; query: string }[]> {
      const result = await database.prisma.$queryRawUnsafe<{ state: string; query: string }[]>(
        `SELECT state, query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle' AND (query LIKE 'SELECT c.id AS "id"%' OR query LIKE 'COPY (%SELECT c.id AS "id"%')`,
      );
      return result;
    }

    async function waitForNoExportQuery(): Promise<number> {
      const started = Date.now();
      while (Date.now() - started < 10_000) {
        if ((await exportQueries()).length === 0) return Date.now() - started;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the export query is still running: ${JSON.stringify(await exportQueries())}`);
    }

    beforeAll(async () => {
      const source = await database.prisma.source.create({ data: { slug: "bulk", title: "Bulk", text: "bulk", textSha256: "c".repeat(64) } });
      // Notes make each row about 1.3 kB, 40 MB in all: the CSV export streams from COPY, which runs
      // ahead of a reader that stopped by what the sockets buffer (a few MB on loopback), and no further.
      await database.prisma.$executeRawUnsafe(
        `INSERT INTO claims (source_id, quote, start_offset, end_offset, notes, updated_at)
         SELECT $1, 'Bulk claim number ' || i || ', with a comma and "quotes" to escape', i, i + 1, repeat('A long note. ', 80), now() FROM generate_series(1, ${BULK}) i`,
        source.id,
      );
    });

    test("a reader that stops reading holds the query open without draining it, and cancelling ends it", async () => {
      const response = await callExport("claims", "source=bulk", users.viewer);
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.value!.byteLength).toBeGreaterThan(0);
      // Backpressure: 30,000 rows are ~2.5 MB; with nobody reading, the stream stops pulling
      // after its small buffer, so the cursor is still open half a second later.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await exportQueries()).toHaveLength(1);
      await reader.cancel();
      expect(await waitForNoExportQuery()).toBeLessThan(5_000);
    });

    test("backpressure: while nobody reads, the database is read no further than a small buffer ahead", async () => {
      const pool = new pg.Pool({ connectionString: database.url, max: 1 });
      let fetched = -1;
      const stream = await openExportStream(pool, parseExportRequest("claims", new URLSearchParams("source=bulk")), {
        onEnd: (_outcome, rows) => (fetched = rows),
      });
      const reader = stream.getReader();
      await reader.read();
      // Unthrottled, all 30,000 rows are read in well under a second on this machine.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await reader.cancel();
      await pool.end();
      expect(fetched).toBeGreaterThan(0);
      expect(fetched).toBeLessThan(5_000);
    });

    test("when every export connection is busy, the next export is refused with 503 instead of waiting forever", async () => {
      const pool = new pg.Pool({ connectionString: database.url, max: 1, connectionTimeoutMillis: 300 });
      const request = parseExportRequest("claims", new URLSearchParams("source=bulk"));
      const busy = await openExportStream(pool, request);
      await expect(openExportStream(pool, request)).rejects.toMatchObject({ status: 503, message: /Too many exports/ });
      await busy.cancel();
      const after = await openExportStream(pool, request);
      await after.cancel();
      await pool.end();
    });

    test("an aborted request (the client went away) ends the query", async () => {
      const controller = new AbortController();
      const response = await callExport("claims", "source=bulk", users.viewer, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      expect(await exportQueries()).toHaveLength(1);
      controller.abort();
      expect(await waitForNoExportQuery()).toBeLessThan(5_000);
      await expect(reader.read()).rejects.toThrow(/cancelled/);
    });

    test("a full read returns every row and frees the connection", async () => {
      const text = await exportText("claims", "source=bulk&columns=id,quote");
      const records = parse(text, { columns: true }) as { id: string; quote: string }[];
      expect(records).toHaveLength(BULK);
      expect(records[BULK - 1]!.quote).toBe(`Bulk claim number ${BULK}, with a comma and "quotes" to escape`);
      expect(await waitForNoExportQuery()).toBeLessThan(1_000);
    });
  });
});
