// Browser test for import: an editor uploads a saved HTML page, checks the preview, saves,
// and finds the new claims in the claims table; a large import shows its job's progress. Against `next start` in Debian's Chromium.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import path from "node:path";
import type { Browser } from "playwright-core";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";

const FIXTURES = path.join(PROJECT_ROOT, "tests/fixtures/import");

describe("import in the browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("an editor imports an HTML page: preview, metadata, save, and the claims appear in the claims table", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, app.users.editor, "/");
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/import");

    await page.getByLabel("File").setInputFiles(path.join(FIXTURES, "harbour-article.html"));
    await page.getByRole("button", { name: "Read document" }).click();
    await page.getByTestId("import-preview").waitFor();

    // The preview: the article's text, none of its scripts, and the claims with their speakers.
    const text = await page.getByTestId("preview-text").innerText();
    expect(text).toContain("Our members have won a fair deal and the boats will sail again tomorrow");
    for (const leak of ["SCRIPT-LEAK", "STYLE-LEAK", "We use cookies"]) expect(text).not.toContain(leak);
    const rows = await page.getByTestId("preview-claim").allInnerTexts();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((row) => row.includes("Gordon Baird") && row.includes("Our members have won a fair deal"))).toBe(true);
    expect(await page.getByTestId("preview-summary").innerText()).toMatch(/harbour-article\.html · HTML page · \d+ claims/);

    // Metadata pre-filled from the page's head.
    expect(await page.getByLabel("Title").inputValue()).toBe("Ferry strike ends after three weeks");
    expect(await page.getByLabel("Author").inputValue()).toBe("Fiona MacLeod");
    expect(await page.getByLabel("Publisher").inputValue()).toBe("Coastal Herald");
    expect(await page.getByLabel("Date").inputValue()).toBe("2024-05-14");
    expect(await page.getByLabel("URL").inputValue()).toBe("https://news.example.com/2024/05/harbour-ferry-strike-ends");

    // The quote gets the room: its column is at least twice the speaker's, and nothing sticks out of the table.
    const claimsTable = page.getByTestId("preview-claims");
    const headerWidth = async (name: string) => (await claimsTable.getByRole("columnheader", { name, exact: true }).boundingBox())!.width;
    expect(await headerWidth("Claim")).toBeGreaterThanOrEqual(2 * (await headerWidth("Speaker")));
    expect(await claimsTable.evaluate((table) => table.scrollWidth <= table.clientWidth + 1)).toBe(true);
    expect(rows.some((row) => row.includes("Direct quote"))).toBe(true);

    // Nothing from the page ran in the editor's browser.
    expect(await page.evaluate(() => Object.keys(window).filter((key) => key.startsWith("__import")))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.title()).not.toContain("SCRIPT-LEAK");
    await saveScreenshot(page, "import-preview");

    // A dated article page is pre-filled as news; an editor who clears the kind is told to choose one.
    expect(await page.getByLabel("Kind").inputValue()).toBe("news");
    await page.getByLabel("Kind").selectOption("");
    await page.getByRole("button", { name: "Save import" }).click();
    await page.getByText("Choose what kind of source this is", { exact: true }).waitFor();
    expect(await page.getByTestId("import-error").innerText()).toBe("Some fields need attention; see the messages beside them.");
    await page.getByLabel("Kind").selectOption("news");
    await page.getByRole("button", { name: "Save import" }).click();
    const saved = page.getByTestId("import-saved");
    await saved.waitFor();
    expect(await saved.innerText()).toMatch(/new source "ferry-strike-ends-after-three-weeks": \d+ new claims/);

    await page.getByRole("link", { name: "Review its claims" }).click();
    await page.waitForURL((url) => url.pathname === "/claims" && url.searchParams.get("source") === "ferry-strike-ends-after-three-weeks");
    await page.getByText("Our members have won a fair deal", { exact: false }).first().waitFor();
    const table = await page.locator("main").innerText();
    expect(table).toContain("Gordon Baird");
    expect(table).toContain("We met the union every week");
    await saveScreenshot(page, "import-claims-table");

    const source = await app.database.prisma.source.findUniqueOrThrow({
      where: { slug: "ferry-strike-ends-after-three-weeks" },
      include: { _count: { select: { claims: true } } },
    });
    expect(source._count.claims).toBe(rows.length);
    // One audit event for the import, on the source it created.
    expect(await app.database.prisma.auditEvent.count({ where: { entityType: "source", entityId: String(source.id), userId: app.users.editor.id } })).toBe(1);
    expect(await app.database.prisma.auditEvent.count({ where: { entityType: "import" } })).toBe(0);
    await context.close();
  });

  test("a large import runs as a job: the page shows its progress, then the saved source", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/import");
    const names = ["Jo Marsh", "Sam Patel", "Ana Ruiz", "Lee Chen", "Kim Berg"];
    const paragraphs: string[] = ["Harbour works overrun"];
    for (let index = 1; paragraphs.join("\n\n").length < 150_000; index++) {
      paragraphs.push(
        `"The harbour works on pier ${index} will take ${(index % 9) + 2} more months," said ${names[index % names.length]}, the council's spokesperson for ward ${index}.`,
      );
    }
    await page.getByLabel("File").setInputFiles({ name: "harbour-works.txt", mimeType: "text/plain", buffer: Buffer.from(paragraphs.join("\n\n")) });
    await page.getByRole("button", { name: "Read document" }).click();
    await page.getByTestId("import-preview").waitFor({ timeout: 120_000 });
    await page.getByLabel("Kind").selectOption("news");
    await page.getByRole("button", { name: "Save import" }).click();
    // Over 100,000 characters: saved on the import thread, seconds of work, while the page polls the job.
    const progress = page.getByTestId("import-progress");
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.innerText()).toMatch(
      /^Importing harbour-works\.txt: (Waiting for the import worker|Extracting claims, finding contradictions and saving)/,
    );
    const saved = page.getByTestId("import-saved");
    await saved.waitFor({ timeout: 120_000 });
    expect(await saved.innerText()).toMatch(/new source "harbour-works-overrun": \d+ new claims/);
    const source = await app.database.prisma.source.findUniqueOrThrow({
      where: { slug: "harbour-works-overrun" },
      include: { _count: { select: { claims: true } } },
    });
    expect(source._count.claims).toBeGreaterThan(0);
    const job = await app.database.prisma.importJob.findFirstOrThrow({ where: { fileName: "harbour-works.txt" } });
    expect(job).toMatchObject({ status: "finished", attempts: 1, requestedBy: app.users.editor.id });
    await page.getByRole("link", { name: "Read the source" }).click();
    await page.waitForURL((url) => url.pathname === "/sources/harbour-works-overrun");
    await context.close();
  });

  test("a near-spelling of a known speaker is suggested in the preview and joined with one click; the actor page suggests and merges another", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/import");
    const wasey = await app.database.prisma.actor.findUniqueOrThrow({ where: { normalizedName: "wasey jalil" } });
    const pasted = [
      "Baldia fire: MQM rejects JIT findings",
      "",
      "MQM spokesman Wasay Jalil said the party had nothing to do with the fire at the Ali Enterprises factory.",
      "He said the owners bore the first responsibility for the deaths of 259 workers.",
    ].join("\n");
    await page.locator('textarea[name="text"]').fill(pasted);
    await page.getByRole("button", { name: "Read document" }).click();
    await page.getByTestId("import-preview").waitFor();
    const suggestions = page.getByTestId("speaker-suggestions");
    await expect(suggestions.innerText()).resolves.toContain("Wasay Jalil is possibly the same as Wasey Jalil");
    expect(await page.getByTestId("preview-worth").count()).toBeGreaterThan(0);
    await suggestions.getByRole("button", { name: "Join Wasey Jalil" }).click();
    await suggestions.getByRole("button", { name: "Joined to Wasey Jalil (undo)" }).waitFor();
    await page.getByLabel("Kind").selectOption("news");
    await page.getByRole("button", { name: "Save import" }).click();
    await page.getByTestId("import-saved").waitFor();
    const source = await app.database.prisma.source.findUniqueOrThrow({ where: { slug: "baldia-fire-mqm-rejects-jit-findings" }, include: { claims: true } });
    const spoken = source.claims.filter((claim) => claim.speakerId !== null);
    expect(spoken.length).toBe(2);
    expect(spoken.every((claim) => claim.speakerId === wasey.id)).toBe(true);
    expect((await app.database.prisma.actor.findUniqueOrThrow({ where: { id: wasey.id } })).aliases).toContain("Wasay Jalil");
    expect(await app.database.prisma.actor.count({ where: { normalizedName: "wasay jalil" } })).toBe(0);

    // On the actor page: a near-spelling stored beside a known actor is suggested, merged on a click.
    const sattar = await app.database.prisma.actor.findFirstOrThrow({ where: { name: "Farooq Sattar" } });
    const twin = await app.database.prisma.actor.create({ data: { name: "Farook Sattar", normalizedName: "farok satar", kind: "person" } });
    await page.goto(`/actors/${sattar.id}`);
    const duplicates = page.getByTestId("possible-duplicates");
    await expect(duplicates.innerText()).resolves.toContain("Possibly the same as Farook Sattar");
    expect(await app.database.prisma.actor.count({ where: { id: twin.id } })).toBe(1);
    await duplicates.getByRole("button", { name: "Merge Farook Sattar into Farooq Sattar" }).click();
    // The page reloads its data: the spelling is now an alias, and no longer a suggestion.
    await page.getByText(/also written .*Farook Sattar/).waitFor();
    await expect(page.getByTestId("possible-duplicates").count()).resolves.toBe(0);
    expect(await app.database.prisma.actor.count({ where: { id: twin.id } })).toBe(0);
    expect((await app.database.prisma.actor.findUniqueOrThrow({ where: { id: sattar.id } })).aliases).toContain("Farook Sattar");
    await context.close();
  });

  test("a scanned PDF is refused in the form with the OCR message, and nothing is written", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/import");
    const before = await databaseFingerprint(app.database.prisma);
    await page.getByLabel("File").setInputFiles(path.join(FIXTURES, "scanned.pdf"));
    await page.getByRole("button", { name: "Read document" }).click();
    const error = page.getByTestId("import-error");
    await error.waitFor();
    expect(await error.innerText()).toMatch(/scanned\.pdf: the PDF has no text layer .*needs OCR, which this tool does not do/);
    expect(await databaseFingerprint(app.database.prisma)).toEqual(before);
    await context.close();
  });

  test("a viewer can neither open the import page nor post to the import API", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer, "/");
    expect(await page.getByRole("link", { name: "Import", exact: true }).count()).toBe(0);
    await page.goto("/import");
    expect(new URL(page.url()).pathname).toBe("/forbidden");
    const response = await page.request.post("/api/import", { multipart: { text: "A viewer's text, he said.", title: "Nope", kind: "news" } });
    expect(response.status()).toBe(403);
    const anonymous = await fetch(`${app.baseUrl}/api/import/preview`, { method: "POST", body: new FormData() });
    expect(anonymous.status).toBe(401);
    await context.close();
  });
});
