// Bulk on everything that matches, in the browser (issue 18, item 6): with 300 claims over six pages,
// an editor checks the page, widens the selection to all 300 matching claims, confirms the exact
// count, and every one of them changes — status, then assignee — with the result reported.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";

const CLAIMS = 300;

describe("select all matching in the browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({ seed: false });
    const prisma = app.database.prisma;
    const source = await prisma.source.create({ data: { slug: "wire", title: "The wire", text: "x".repeat(CLAIMS + 1), textSha256: "0".repeat(64) } });
    await prisma.$executeRaw`
      INSERT INTO claims (source_id, quote, start_offset, end_offset, status, updated_at)
      SELECT ${source.id}::int, 'x', i, i + 1, (CASE WHEN i < 10 THEN 'approved' ELSE 'unreviewed' END)::claim_status, now()
      FROM generate_series(0, ${CLAIMS - 1}::int) AS i`;
    browser = await launchBrowser();
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("check the page, select all 300 matching, confirm the count: all of them change", async () => {
    const prisma = app.database.prisma;
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/claims?source=wire");
    const bar = page.locator('[data-testid="bulk-bar"][data-ready="true"]');
    await bar.waitFor();
    const banner = page.getByTestId("select-all-matching");
    await page.getByLabel("Select all claims on this page").check();
    await banner.getByText("All 50 claims on this page are selected.").waitFor();
    await banner.getByRole("button", { name: `Select all ${CLAIMS} matching claims` }).click();
    await banner.getByText(`All ${CLAIMS} matching claims are selected.`).waitFor();
    await expect(bar.locator("strong").textContent()).resolves.toBe(String(CLAIMS));

    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await bar.getByLabel("Status").selectOption({ label: "Approved" });
    await bar.getByRole("button", { name: "Set status" }).click();
    await banner.getByText(`${CLAIMS - 10} claims set to approved; 10 skipped, as they already were.`).waitFor();
    expect(dialogs).toEqual([`Set all ${CLAIMS} matching claims to approved?`]);
    expect(await prisma.claim.count({ where: { status: "approved" } })).toBe(CLAIMS);
    expect(await prisma.auditEvent.count({ where: { entityType: "claim", action: "bulk_status" } })).toBe(CLAIMS - 10);
    await saveScreenshot(page, "claims-select-all-matching");

    // The selection went back to nothing; select all again and give them to an editor.
    await expect(page.getByLabel("Select all claims on this page").isChecked()).resolves.toBe(false);
    await page.getByLabel("Select all claims on this page").check();
    await banner.getByRole("button", { name: `Select all ${CLAIMS} matching claims` }).click();
    const assign = page.locator('[data-testid="assign-claims"][data-ready="true"]');
    await assign.getByLabel("Assign to").selectOption({ label: "Test editor" });
    await assign.getByRole("button", { name: `Assign ${CLAIMS} selected` }).click();
    await banner.getByText(`${CLAIMS} claims assigned to Test editor.`).waitFor();
    expect(dialogs.at(-1)).toBe(`Assign all ${CLAIMS} matching claims to Test editor?`);
    expect(await prisma.claim.count({ where: { assigneeId: app.users.editor.id } })).toBe(CLAIMS);
    await context.close();
  });
});
