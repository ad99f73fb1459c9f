// Export through the real app (`next start`) in Chromium: the Export button downloads the
// rows the claims table shows, the command line writes the same bytes as HTTP, a client
// that hangs up mid-download stops the query, and each kind answers each role correctly.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import http from "node:http";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { EXPORT_KINDS } from "@/lib/export/kinds";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const BULK = 40_000;

describe("export through the running app", () => {
  let app: RunningApp;
  let browser: Browser;
  let viewer: { context: BrowserContext; page: Page };

  async function activeExportQueries(): Promise<number> {
    const rows = await app.database.prisma.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM pg_stat_activity
       WHERE datname = current_database() AND state <> 'idle' AND (query LIKE 'SELECT c.id AS "id"%' OR query LIKE 'COPY (%SELECT c.id AS "id"%') AND pid <> pg_backend_pid()`,
    );
    return rows[0]!.count;
  }

  beforeAll(async () => {
    app = await startApp({ seed: false });
    const prisma = app.database.prisma;
    const source = await prisma.source.create({
      data: { slug: "awkward", title: 'Awkward, "quoted" source', kind: "news", text: "text", textSha256: "a".repeat(64) },
    });
    const quotes = ["=1+1 looks like a formula", 'Commas, and "quotes"', "Two\nlines", "الطاف حسین نے کہا", "Emoji 🙂🇵🇰", "-minus first", "@at first", "Plain"];
    for (const [index, quote] of quotes.entries()) {
      await prisma.claim.create({
        data: {
          sourceId: source.id,
          quote,
          startOffset: index * 10,
          endOffset: index * 10 + 5,
          status: index % 2 ? "approved" : "unreviewed",
          stance: index % 3 ? "supports" : "opposes",
        },
      });
    }
    const bulk = await prisma.source.create({ data: { slug: "bulk", title: "Bulk", text: "bulk", textSha256: "b".repeat(64) } });
    // Notes make each row about 1.3 kB, 50 MB in all: the CSV export streams from COPY, which runs
    // ahead of a reader that stopped by what the sockets buffer (a few MB on loopback), and no further.
    await prisma.$executeRawUnsafe(
      `INSERT INTO claims (source_id, quote, start_offset, end_offset, notes, updated_at)
       SELECT $1, 'Bulk claim ' || i || ', with a comma and "quotes" to escape', i, i + 1, repeat('A long note. ', 80), now() FROM generate_series(1, ${BULK}) i`,
      bulk.id,
    );
    browser = await launchBrowser();
    viewer = await newPage(browser, app.baseUrl);
    await signIn(viewer.page, app.users.viewer, "/claims");
  });

  afterAll(async () => {
    await viewer?.context.close();
    await browser?.close();
    await app?.stop();
  });

  test("the Export button downloads exactly the claims the filtered table shows", async () => {
    const { page } = viewer;
    await page.goto("/claims?source=awkward&stance=supports");
    const shown = (await page.locator("tr[data-claim-id]").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-claim-id"))))).sort(
      (a, b) => a - b,
    );
    expect(shown.length).toBeGreaterThan(0);
    expect(Number(await page.getByTestId("claims-total").textContent())).toBe(shown.length);

    await page.getByText("Export", { exact: true }).click();
    await saveScreenshot(page, "export-menu");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-filtered").click()]);
    expect(download.suggestedFilename()).toMatch(/^claimbase-claims-\d{4}-\d{2}-\d{2}-filtered\.csv$/);
    // A CSV from the app starts with a byte-order mark, so Excel on Windows reads it as UTF-8.
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { columns: true, bom: true }) as Record<string, string>[];
    expect(records.map((record) => Number(record.id))).toEqual(shown);
    expect(records.every((record) => record.source_slug === "awkward" && record.stance === "supports")).toBe(true);
    // Spreadsheet safety survives the real HTTP path.
    expect(records.map((record) => record.quote)).toContain("'-minus first");

    const [all] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-all").click()]);
    expect(all.suggestedFilename()).toMatch(/^claimbase-claims-\d{4}-\d{2}-\d{2}-all\.csv$/);
    const everything = parse(await readFile((await all.path())!), { columns: true, bom: true }) as unknown[];
    expect(everything).toHaveLength(await app.database.prisma.claim.count());
  });

  test("the export's audit event names the viewer, the kind and the filters", async () => {
    const event = await app.database.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: "export", action: "export_filtered" },
      orderBy: { id: "desc" },
    });
    expect(event.userId).toBe(app.users.viewer.id);
    expect(event.after).toMatchObject({ kind: "claims", filters: { source: "awkward", stance: "supports" }, via: "http" });
  });

  test("for spreadsheet users: source details, a link back to each claim, source titles in pairs, and the app's words on request", async () => {
    const prisma = app.database.prisma;
    await prisma.source.update({
      where: { slug: "awkward" },
      data: { url: "https://news.example.org/awkward", publisher: "Example News", publishedDate: "2024-05-14" },
    });
    const [first, second] = await prisma.claim.findMany({ where: { source: { slug: "awkward" } }, orderBy: { id: "asc" }, take: 2 });
    await prisma.contradiction.create({ data: { claimAId: first!.id, claimBId: second!.id, detectedBy: "editor", kind: "dispute", score: 1 } });
    const { page } = viewer;

    await page.goto("/claims?source=awkward");
    await page.getByText("Export", { exact: true }).click();
    await page.getByLabel(/Words as the app shows them/).check();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-filtered").click()]);
    const records = parse(await readFile((await download.path())!), { columns: true, bom: true }) as Record<string, string>[];
    const row = records.find((record) => Number(record.id) === first!.id)!;
    expect(row).toMatchObject({
      source_title: 'Awkward, "quoted" source',
      source_url: "https://news.example.org/awkward",
      source_publisher: "Example News",
      source_published_date: "2024-05-14",
      link: `${app.baseUrl}/claims/${first!.id}`,
      status: "Unreviewed",
      attribution: "Author's voice",
      stance: "Opposes",
    });
    // The link opens the claim.
    await page.goto(row.link!);
    await page.getByRole("heading", { name: `Claim #${first!.id}` }).waitFor();

    await page.goto("/contradictions?status=all");
    await page.getByText("Export", { exact: true }).click();
    const [pairs] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-filtered").click()]);
    const pairRows = parse(await readFile((await pairs.path())!), { columns: true, bom: true }) as Record<string, string>[];
    expect(pairRows.find((record) => Number(record.claim_a_id) === first!.id)).toMatchObject({
      claim_a_source: "awkward",
      claim_a_source_title: 'Awkward, "quoted" source',
      claim_b_source_title: 'Awkward, "quoted" source',
      status: "candidate",
    });
  });

  test("the command line writes the same bytes as the HTTP export", async () => {
    const response = await viewer.context.request.get("/api/export/claims?status=approved&bom=1&columns=id,quote,status,updated_at");
    expect(response.status()).toBe(200);
    const directory = await mkdtemp(path.join(tmpdir(), "claimbase-e2e-export-"));
    const file = path.join(directory, "claims.csv");
    await run(
      path.join(ROOT, "node_modules/.bin/tsx"),
      [path.join(ROOT, "lib/export/cli.ts"), "claims", "--status", "approved", "--bom", "--columns", "id,quote,status,updated_at", "--out", file],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: app.database.url },
      },
    );
    expect((await readFile(file)).equals(await response.body())).toBe(true);
  });

  test("a client that hangs up mid-download stops the database query", async () => {
    const cookies = await viewer.context.cookies();
    const cookie = cookies.map((entry) => `${entry.name}=${entry.value}`).join("; ");
    const url = new URL("/api/export/claims?source=bulk", app.baseUrl);
    const request = http.get(url, { headers: { cookie } });
    const firstChunk = await new Promise<Buffer>((resolve, reject) => {
      request.on("response", (response) => {
        expect(response.statusCode).toBe(200);
        // Read one chunk, then stop reading: the server must not run ahead to the end.
        response.once("data", (chunk: Buffer) => {
          response.pause();
          resolve(chunk);
        });
      });
      request.on("error", reject);
    });
    expect(firstChunk.toString("utf8")).toMatch(/^id,source_slug,/);
    // Backpressure end to end: unthrottled, the 40,000 rows would be read well within this second.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await activeExportQueries()).toBe(1);

    request.destroy();
    const started = Date.now();
    while ((await activeExportQueries()) > 0) {
      if (Date.now() - started > 10_000) throw new Error("the export query still runs 10 s after the client hung up");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("authorization: anonymous 401 for every kind, viewers no audit trail, admins everything", async () => {
    for (const kind of EXPORT_KINDS) {
      expect((await fetch(`${app.baseUrl}/api/export/${kind}`)).status, kind).toBe(401);
      const asViewer = await viewer.context.request.get(`/api/export/${kind}`);
      expect(asViewer.status(), kind).toBe(kind === "audit" ? 403 : 200);
    }
    const admin = await newPage(browser, app.baseUrl);
    await signIn(admin.page, app.users.admin);
    const audit = await admin.context.request.get("/api/export/audit?entity=export");
    expect(audit.status()).toBe(200);
    const events = parse(await audit.body(), { columns: true }) as Record<string, string>[];
    expect(events.some((event) => event.user_email === app.users.viewer.email)).toBe(true);
    const bad = await admin.context.request.get("/api/export/claims?status=done");
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error).toMatch(/^The export was not started\. status:/);
    await admin.context.close();
  });
});
