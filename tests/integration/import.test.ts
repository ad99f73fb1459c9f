// Import end to end below the browser: each format through the same functions the route
// handlers and the CLI call, each bad input refused with its sentence and the database
// untouched (row counts and checksums of every table), and the CLI's exit code.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { importMaxBytes, resetEnvCache } from "@/lib/env";
import { ImportRefusedError } from "@/lib/import/errors";
import { describeImport, importDocument, parseImportRequest, previewImport } from "@/lib/import/import-document";
import { importFiles } from "@/lib/import/import-files";
import { queuedImportSchema } from "@/lib/import/job-schema";
import { importPreviewSchema, savedImportSchema } from "@/lib/import/preview-schema";
import { readImportFile, readPastedText } from "@/lib/import/read-document";
import type { ReadDocument } from "@/lib/import/types";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { pollImportJob, startTestImportJobs, type TestImportJobs } from "@/tests/helpers/import-jobs";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";
import { countOf } from "@/lib/format/plural";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

const FIXTURES = path.join(PROJECT_ROOT, "tests/fixtures/import");
const MB = 1024 * 1024;

async function fixture(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(path.join(FIXTURES, name)));
}

/** Reads as the upload and the CLI do, with the configured limit (5 MB unless IMPORT_MAX_BYTES says otherwise). */
async function read(name: string, bytes?: Uint8Array): Promise<ReadDocument> {
  return readImportFile(name, bytes ?? (await fixture(name)), { maxBytes: importMaxBytes() });
}

describe("import", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let jobs: TestImportJobs;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    jobs = await startTestImportJobs(database);
  });
  afterAll(async () => {
    await jobs?.stop();
    releaseAppDatabase();
    await database?.drop();
  });

  async function save(document: ReadDocument, metadata: Record<string, unknown>, target: unknown = "auto") {
    const request = parseImportRequest(document.file, { metadata, target });
    return importDocument(database.prisma, { document, request, userId: users.editor.id });
  }

  /** Every claim's offsets point at its quote, and the quote's context matches. */
  async function expectAnchored(sourceId: number) {
    const source = await database.prisma.source.findUniqueOrThrow({ where: { id: sourceId }, include: { claims: { include: { speaker: true } } } });
    for (const claim of source.claims) {
      expect(source.text.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote);
      expect(source.text.slice(Math.max(0, claim.startOffset - 32), claim.startOffset)).toBe(claim.prefix);
    }
    return source;
  }

  describe("one test per format", () => {
    test("plain text: a source with attributed claims, unreviewed and ready for review, and one audit event", async () => {
      const document = await read("council-report.txt");
      expect(document.format).toBe("text");
      const result = await save(document, { title: document.guesses.title, kind: "news", publisher: "Harbour Gazette" });
      expect(result.summary.created).toBe(true);
      const source = await expectAnchored(result.summary.sourceId);
      expect(source).toMatchObject({
        slug: "harbour-district-budget-passes-after-long-debate",
        kind: "news",
        publisher: "Harbour Gazette",
        originFile: "council-report.txt",
      });
      expect(source.claims.length).toBeGreaterThanOrEqual(2);
      expect(source.claims.every((claim) => claim.status === "unreviewed" && claim.origin === "extracted")).toBe(true);
      const speakers = source.claims.map((claim) => claim.speaker?.name ?? "");
      expect(speakers.some((name) => /Amina Rahman/.test(name))).toBe(true);
      expect(speakers.some((name) => /Lowe/.test(name))).toBe(true);

      const events = await database.prisma.auditEvent.findMany({ where: { entityId: String(source.id) } });
      // One event per import, on the source it created, carrying what the upload was.
      expect(events.map((event) => `${event.entityType}:${event.action}`)).toEqual(["source:import.create"]);
      expect(events[0]).toMatchObject({ userId: users.editor.id });
      expect(events[0]!.after).toMatchObject({
        file: "council-report.txt",
        format: "text",
        bytes: document.bytes,
        slug: source.slug,
        claimsCreated: source.claims.length,
        contradictionsFound: result.contradictionsFound,
      });
    });

    test("Markdown: syntax stripped, front matter used as metadata, quotations kept whole", async () => {
      const document = await read("election-notes.md");
      expect(document.format).toBe("markdown");
      const result = await save(document, { ...document.guesses, kind: "blog" });
      const source = await expectAnchored(result.summary.sourceId);
      expect(source).toMatchObject({ title: "Notes on the regional election count", author: "Tomasz Wójcik", publishedDate: "2023-10-16" });
      expect(source.text).not.toMatch(/\*\*|\]\(|^#|^>/m);
      expect(source.claims.some((claim) => claim.speaker?.name.includes("Kowalska"))).toBe(true);
    });

    test("HTML: the article only, no script, style or handler text, metadata from the head", async () => {
      const document = await read("harbour-article.html");
      expect(document.format).toBe("html");
      const result = await save(document, { ...document.guesses, kind: "news" });
      const source = await expectAnchored(result.summary.sourceId);
      expect(source).toMatchObject({
        title: "Ferry strike ends after three weeks",
        author: "Fiona MacLeod",
        publisher: "Coastal Herald",
        publishedDate: "2024-05-14",
        url: "https://news.example.com/2024/05/harbour-ferry-strike-ends",
        language: "en-GB",
      });
      for (const leak of ["SCRIPT-LEAK", "STYLE-LEAK", "__import", "We use cookies", "<"]) expect(source.text).not.toContain(leak);
      const speakers = source.claims.map((claim) => claim.speaker?.name ?? "");
      expect(speakers.some((name) => /Gordon Baird/.test(name))).toBe(true);
      expect(speakers.some((name) => /Grant/.test(name))).toBe(true);
    });

    test("PDF: the text layer, its wrapped lines joined, and the PDF's title and author", async () => {
      const document = await read("article.pdf");
      expect(document.format).toBe("pdf");
      const result = await save(document, { ...document.guesses, kind: "news" });
      const source = await expectAnchored(result.summary.sourceId);
      expect(source).toMatchObject({ title: "Council approves flood barrier", author: "Priya Natarajan", publishedDate: "2024-03-12" });
      expect(source.text).toContain('"The barrier will protect four thousand homes," Mayor Helen Okafor said after the vote.');
      expect(source.claims.some((claim) => claim.speaker?.name.includes("Okafor"))).toBe(true);
    });

    test("pasted text", async () => {
      const document = readPastedText(
        'Library opening hours to be cut\n\n"We cannot keep every branch open on Sundays," said Ruth Adeyemi, the library director, on Monday.',
        { maxBytes: importMaxBytes() },
      );
      const result = await save(document, { title: document.guesses.title, kind: "news" });
      const source = await expectAnchored(result.summary.sourceId);
      expect(source.originFile).toBe("pasted text");
      expect(source.claims.some((claim) => claim.speaker?.name.includes("Adeyemi"))).toBe(true);
    });
  });

  describe("preview", () => {
    test("shows the text and the claims with speakers that saving creates, and writes nothing", async () => {
      const html = (await readFile(path.join(FIXTURES, "harbour-article.html"), "utf8"))
        .replace(/Ferry strike ends after three weeks/g, "Ferry talks resume")
        .replaceAll("https://news.example.com/2024/05/harbour-ferry-strike-ends", "https://news.example.com/2024/06/ferry-talks")
        .replace("Ferry crews returned to work on Tuesday", "Ferry crews met the operator again on Friday");
      const document = await read("ferry-talks.html", new TextEncoder().encode(html));
      const before = await databaseFingerprint(database.prisma);
      const preview = await previewImport(database.prisma, document);
      expect(await databaseFingerprint(database.prisma)).toEqual(before);

      expect(preview.format).toBe("html");
      expect(preview.text).toContain("Ferry crews met the operator again on Friday");
      expect(preview.match).toBeNull();
      expect(preview.suggestedSlug).toBe("ferry-talks-resume");
      // Gordon Baird spoke in the earlier import, so he is a known actor now.
      const baird = preview.claims.find((claim) => claim.speaker?.includes("Baird"));
      expect(baird).toMatchObject({ knownSpeaker: true, alreadyStored: false });

      const result = await save(document, { ...document.guesses, kind: "news" });
      const saved = await database.prisma.claim.findMany({
        where: { sourceId: result.summary.sourceId },
        include: { speaker: true },
        orderBy: { startOffset: "asc" },
      });
      expect(saved.map((claim) => [claim.quote, claim.speaker?.name ?? null])).toEqual(preview.claims.map((claim) => [claim.quote, claim.speaker]));
    });
  });

  describe("the same document twice, and new versions", () => {
    test("the same text again (even pasted, under another name) links to the stored source and duplicates nothing", async () => {
      const original = await database.prisma.source.findUniqueOrThrow({ where: { slug: "harbour-district-budget-passes-after-long-debate" } });
      const text = await readFile(path.join(FIXTURES, "council-report.txt"), "utf8");
      const document = readPastedText(text, { maxBytes: importMaxBytes() });

      const preview = await previewImport(database.prisma, document);
      expect(preview.match).toMatchObject({ sourceId: original.id, matchedBy: "text" });
      expect(preview.claims.every((claim) => claim.alreadyStored)).toBe(true);

      const before = await databaseFingerprint(database.prisma);
      const result = await save(document, { title: "A different title", kind: "other" }, "new");
      expect(result.summary).toMatchObject({ duplicate: true, created: false, sourceId: original.id, claimsCreated: 0 });
      const after = await databaseFingerprint(database.prisma);
      expect({ ...after, audit_events: "" }).toEqual({ ...before, audit_events: "" });
      const event = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(event).toMatchObject({ entityType: "source", action: "import.duplicate", entityId: String(original.id), userId: users.editor.id });
    });

    test("a changed version matched by title re-anchors the claims, flags the lost one and keeps editor work", async () => {
      const source = await database.prisma.source.findUniqueOrThrow({
        where: { slug: "harbour-district-budget-passes-after-long-debate" },
        include: { claims: { orderBy: { startOffset: "asc" } } },
      });
      const edited = source.claims[0]!;
      const lost = source.claims[source.claims.length - 1]!;
      await database.prisma.claim.update({
        where: { id: edited.id },
        data: { status: "approved", stance: "supports", notes: "Checked against the minutes", version: { increment: 1 } },
      });
      const original = await readFile(path.join(FIXTURES, "council-report.txt"), "utf8");
      const changed = original.replace("The city council approved", "Correction appended on Friday.\n\nThe city council approved").replace(lost.quote, "");
      expect(changed).not.toContain(lost.quote);
      const document = await read("council-report-v2.txt", new TextEncoder().encode(changed));

      const preview = await previewImport(database.prisma, document);
      expect(preview.match).toMatchObject({ sourceId: source.id, matchedBy: "slug", claimsLosingTheirText: 1 });

      const result = await save(document, { title: document.guesses.title, kind: "news" });
      expect(result.summary).toMatchObject({ created: false, matchedBy: "slug", textChanged: true, claimsOrphaned: 1 });
      const claims = await database.prisma.claim.findMany({ where: { sourceId: source.id } });
      expect(claims.find((claim) => claim.id === lost.id)?.anchorStatus).toBe("orphaned");
      expect(claims.find((claim) => claim.id === edited.id)).toMatchObject({
        status: "approved",
        stance: "supports",
        notes: "Checked against the minutes",
        anchorStatus: "reanchored",
      });
      const reloaded = await database.prisma.source.findUniqueOrThrow({ where: { id: source.id } });
      for (const claim of claims.filter((item) => item.anchorStatus !== "orphaned")) {
        expect(reloaded.text.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote);
      }
      expect(await database.prisma.source.count({ where: { title: source.title } })).toBe(1);
    });

    test("the preview and the save agree on a claim whose context changed but whose place did not", async () => {
      const first = [
        "Tram depot plan approved",
        "",
        "Updated Monday 09:40",
        "",
        '"The depot will double the number of trams we can service," said Nadia Kerr, the transport director.',
      ].join("\n");
      const created = await save(readPastedText(first, { maxBytes: MB }), { title: "Tram depot plan approved", kind: "news" });
      const stored = await database.prisma.claim.findMany({ where: { sourceId: created.summary.sourceId } });
      const depot = stored.find((claim) => claim.quote.includes("The depot will double"))!;
      expect(depot).toMatchObject({ anchorStatus: "anchored" });
      expect(depot.prefix).toContain("Monday");

      // Same length: the words before the claim change, its offsets do not.
      const second = readPastedText(first.replace("Monday", "Friday"), { maxBytes: MB });
      const preview = await previewImport(database.prisma, second);
      expect(preview.match).toMatchObject({ sourceId: created.summary.sourceId, matchedBy: "slug", claimsLosingTheirText: 0 });
      expect(preview.match!.anchoring).toContainEqual({ claimId: depot.id, outcome: "reanchored" });

      const result = await save(second, { title: "Tram depot plan approved", kind: "news" });
      expect(result.summary).toMatchObject({
        textChanged: true,
        claimsReanchored: preview.match!.claimsReanchored,
        claimsOrphaned: preview.match!.claimsLosingTheirText,
        claimsCreated: preview.claims.filter((claim) => !claim.alreadyStored).length,
      });
      const after = await database.prisma.claim.findMany({ where: { sourceId: created.summary.sourceId } });
      const statusOf = { stays: "anchored", reanchored: "reanchored", orphaned: "orphaned" } as const;
      for (const planned of preview.match!.anchoring) {
        expect(after.find((claim) => claim.id === planned.claimId)?.anchorStatus).toBe(statusOf[planned.outcome]);
      }
      const depotAfter = after.find((claim) => claim.id === depot.id)!;
      expect(depotAfter).toMatchObject({ startOffset: depot.startOffset, endOffset: depot.endOffset, anchorStatus: "reanchored" });
      expect(depotAfter.prefix).toContain("Friday");
      await expectAnchored(created.summary.sourceId);
      expect(describeImport(result)).toContain(`${countOf(preview.match!.claimsReanchored, "claim", "claims")} re-anchored, 0 need review`);
    });

    test("a changed version is matched by URL, or by the editor's choice, whatever its title", async () => {
      const ferry = await database.prisma.source.findUniqueOrThrow({ where: { slug: "ferry-strike-ends-after-three-weeks" } });
      const html = (await readFile(path.join(FIXTURES, "harbour-article.html"), "utf8"))
        .replace(/Ferry strike ends after three weeks/g, "Ferry strike over: boats sail again")
        .replace("</article>", "<p>Update: the first ferry left at six in the morning, the operator said.</p></article>");
      const byUrl = await save(await read("ferry-update.html", new TextEncoder().encode(html)), {
        title: "Ferry strike over: boats sail again",
        kind: "news",
        url: "https://news.example.com/2024/05/harbour-ferry-strike-ends",
      });
      expect(byUrl.summary).toMatchObject({ created: false, matchedBy: "url", sourceId: ferry.id, slug: ferry.slug });

      const pdfSource = await database.prisma.source.findFirstOrThrow({ where: { originFile: "article.pdf" } });
      const chosen = await save(
        readPastedText("Flood barrier vote\n\nThe barrier was approved, said Mayor Helen Okafor.", { maxBytes: MB }),
        {
          title: "Flood barrier vote",
          kind: "news",
        },
        String(pdfSource.id),
      );
      expect(chosen.summary).toMatchObject({ created: false, matchedBy: "chosen", sourceId: pdfSource.id });
    });

    test("saving as a new source when the title is taken gets a free slug", async () => {
      const document = readPastedText("Harbour district budget passes after long debate\n\nA second, unrelated story, the editor said.", { maxBytes: MB });
      const result = await save(document, { title: document.guesses.title, kind: "news" }, "new");
      expect(result.summary).toMatchObject({ created: true, slug: "harbour-district-budget-passes-after-long-debate-2" });
    });
  });

  describe("bad input: a clear message, nothing written", () => {
    async function expectRefused(run: () => Promise<unknown>, reason: string, message: RegExp) {
      const before = await databaseFingerprint(database.prisma);
      const error = await run().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error, "the import must be refused").toBeInstanceOf(ImportRefusedError);
      expect((error as ImportRefusedError).reason).toBe(reason);
      expect((error as Error).message).toMatch(message);
      expect(await databaseFingerprint(database.prisma)).toEqual(before);
    }

    const importFile =
      (name: string, bytes?: Uint8Array, metadata: Record<string, unknown> = { title: "Refused", kind: "news" }) =>
      async () => {
        const document = await read(name, bytes);
        return save(document, metadata);
      };

    test("an empty file", () => expectRefused(importFile("empty.txt"), "empty", /^empty\.txt: the file is empty$/));

    test("a file over the default 5 MB limit", () =>
      expectRefused(
        importFile("huge.txt", new Uint8Array(5 * MB + 1).fill(0x61)),
        "too_large",
        /^huge\.txt: the file is 5,242,881 bytes, over the import limit of 5,242,880 bytes$/,
      ));

    test("the command line checks the size before reading the file", async () => {
      const before = await databaseFingerprint(database.prisma);
      const report = await importFiles(database.prisma, [await writeTemp("big.txt", new Uint8Array(6 * MB).fill(0x61))]);
      expect(report.failures[0]?.message).toMatch(/big\.txt: the file is 6 MB, over the import limit of 5 MB/);
      expect(await databaseFingerprint(database.prisma)).toEqual(before);
    });

    test("a file over a configured limit (IMPORT_MAX_BYTES)", async () => {
      process.env.IMPORT_MAX_BYTES = "200";
      resetEnvCache();
      try {
        const { readUploadedDocument } = await import("@/lib/import/upload");
        const form = new FormData();
        form.set("file", new File([Buffer.from(await fixture("council-report.txt"))], "council-report.txt"));
        await expectRefused(() => readUploadedDocument(form), "too_large", /council-report\.txt: the file is 626 bytes, over the import limit of 200 bytes/);
      } finally {
        delete process.env.IMPORT_MAX_BYTES;
        resetEnvCache();
      }
    });

    test("a binary file named .txt", () =>
      expectRefused(importFile("photo-saved-as.txt"), "binary", /photo-saved-as\.txt: the file is binary, not text \(it looks like a PNG image\)/));

    test("an unknown type that is valid text (JSON)", () =>
      expectRefused(importFile("claims.json", new TextEncoder().encode('[{"quote": "x"}]')), "unknown_type", /a JSON data file, not a document/));

    test("invalid UTF-8", () => expectRefused(importFile("latin1.txt"), "invalid_utf8", /latin1\.txt: the file is not valid UTF-8 text/));

    test("HTML with no readable main content", () =>
      expectRefused(importFile("no-content.html"), "no_readable_content", /no-content\.html: the page has no readable main content/));

    test("a PDF without a text layer needs OCR", () =>
      expectRefused(importFile("scanned.pdf"), "needs_ocr", /scanned\.pdf: the PDF has no text layer .*needs OCR, which this tool does not do/));

    test("metadata with a bad URL", () =>
      expectRefused(
        importFile("council-report.txt", undefined, { title: "Budget", kind: "news", url: "www.example.com/budget" }),
        "bad_metadata",
        /council-report\.txt: the metadata needs attention \(url: Not a valid URL/,
      ));

    test("metadata with an impossible date", () =>
      expectRefused(
        importFile("council-report.txt", undefined, { title: "Budget", kind: "news", publishedDate: "2023-02-30" }),
        "bad_metadata",
        /publishedDate: There is no 30 February 2023/,
      ));

    test("a refusal names the field for the form", async () => {
      const error = (() => {
        try {
          parseImportRequest("x.txt", { metadata: { title: "", kind: "", publishedDate: "2011-13-01" } });
        } catch (caught) {
          return caught as ImportRefusedError;
        }
      })();
      expect(Object.keys(error!.fieldErrors).sort()).toEqual(["kind", "publishedDate", "title"]);
    });
  });

  describe("route handlers", () => {
    test("the preview and save handlers take an upload from an editor and refuse a viewer", async () => {
      const { POST: previewPost } = await import("@/app/api/import/preview/route");
      const { POST: savePost } = await import("@/app/api/import/route");
      const { GET: statusGet } = await import("@/app/api/import/jobs/[id]/route");
      const form = () => {
        const body = new FormData();
        body.set("text", 'Council sells the old pier\n\n"The pier will be sold to the highest bidder," said Jo Marsh, the council leader.');
        body.set("title", "Council sells the old pier");
        body.set("kind", "news");
        body.set("target", "new");
        return body;
      };
      // As the import page's fetch sends it: from the app's own origin.
      const request = (url: string) => new Request(`http://localhost${url}`, { method: "POST", body: form(), headers: { origin: "http://localhost" } });

      signInAs(users.viewer);
      expect((await savePost(request("/api/import"), { params: Promise.resolve({}) })).status).toBe(403);

      signInAs(users.editor);
      const preview = await previewPost(request("/api/import/preview"), { params: Promise.resolve({}) });
      expect(preview.status).toBe(200);
      // The form parses the answer with the shared schema; so does the test.
      const previewBody = importPreviewSchema.parse(await preview.json());
      expect(previewBody.claims.some((claim) => claim.speaker?.includes("Marsh"))).toBe(true);

      const queued = await savePost(request("/api/import"), { params: Promise.resolve({}) });
      expect(queued.status).toBe(202);
      const { jobId, statusUrl } = queuedImportSchema.parse(await queued.json());
      expect(queued.headers.get("location")).toBe(statusUrl);
      const { job } = await pollImportJob(statusGet, jobId);
      expect(job.status).toBe("finished");
      expect(savedImportSchema.parse(job.result)).toMatchObject({ slug: "council-sells-the-old-pier", created: true });
      expect(await database.prisma.source.count({ where: { slug: "council-sells-the-old-pier" } })).toBe(1);

      const before = await databaseFingerprint(database.prisma);
      const bad = new FormData();
      bad.set("file", new File([Buffer.from(await fixture("scanned.pdf"))], "scanned.pdf"));
      bad.set("title", "Scan");
      bad.set("kind", "news");
      const refused = await savePost(new Request("http://localhost/api/import", { method: "POST", body: bad, headers: { origin: "http://localhost" } }), {
        params: Promise.resolve({}),
      });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: string }).error).toMatch(/needs OCR, which this tool does not do/);
      expect(await databaseFingerprint(database.prisma)).toEqual(before);
      signInAs(null);
    });
  });

  describe("command line", () => {
    test("imports the good files, reports each failure by name, and exits non-zero", async () => {
      const directory = await mkdtemp(path.join(tmpdir(), "claimbase-import-cli-"));
      const good = path.join(directory, "tram-line.md");
      await writeFile(good, '# Tram line delayed\n\n"The tram line will open a year late," said Sam Patel, the transport director.\n');
      const result = spawnSync(
        process.execPath,
        [
          path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"),
          "lib/import/cli.ts",
          good,
          path.join(FIXTURES, "scanned.pdf"),
          path.join(FIXTURES, "empty.txt"),
          "--kind",
          "news",
          "--publisher",
          "City Desk",
        ],
        { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8", timeout: 120_000 },
      );
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toMatch(/Import: 1 of 3 file\(s\) imported, 2 failed/);
      expect(result.stdout).toMatch(/ok {6}tram-line\.md: new source "tram-line-delayed"/);
      expect(result.stdout).toMatch(/FAILED {2}scanned\.pdf: the PDF has no text layer/);
      expect(result.stdout).toMatch(/FAILED {2}empty\.txt: the file is empty/);
      const source = await database.prisma.source.findUniqueOrThrow({
        where: { slug: "tram-line-delayed" },
        include: { claims: { include: { speaker: true } } },
      });
      expect(source).toMatchObject({ kind: "news", publisher: "City Desk", title: "Tram line delayed" });
      expect(source.claims.some((claim) => claim.speaker?.name.includes("Patel"))).toBe(true);
    });

    test("bad arguments are refused before anything is read", () => {
      const result = spawnSync(
        process.execPath,
        [path.join(PROJECT_ROOT, "node_modules/tsx/dist/cli.mjs"), "lib/import/cli.ts", "x.txt", "--kind", "newspaper"],
        { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8", timeout: 60_000 },
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/--kind must be one of: news, blog/);
    });
  });
});

async function writeTemp(name: string, bytes: Uint8Array): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "claimbase-import-"));
  const file = path.join(directory, name);
  await writeFile(file, bytes);
  return file;
}
