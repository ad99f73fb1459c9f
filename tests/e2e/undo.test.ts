// Undo in the browser (issue 18, item 4): an editor sets the status of claims from the claims table's bulk
// bar, clicks Undo beside the result, and the claims are back as they were; "My recent actions" shows it undone.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";

describe("undo in the browser", () => {
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

  test("an editor applies a bulk status change on the claims table, clicks Undo, and the claims are back as they were", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor);
    await page.goto("/claims");
    await page.locator('[data-testid="bulk-bar"][data-ready="true"]').waitFor();
    const ids = (await page.locator("tr[data-claim-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-claim-id")))).slice(0, 3).map(Number);
    expect(ids).toHaveLength(3);
    // Not all alike before, so "as they were" means each its own status again.
    await app.database.prisma.claim.update({ where: { id: ids[1]! }, data: { status: "in_review" } });
    const statuses = async () =>
      (await app.database.prisma.claim.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { id: true, status: true } })).map((claim) => [
        claim.id,
        claim.status,
      ]);
    const before = await statuses();
    expect(before.map(([, status]) => status)).not.toContain("rejected");

    for (const id of ids) await page.getByLabel(`Select claim #${id}`, { exact: true }).check();
    const bar = page.getByTestId("bulk-bar");
    await bar.filter({ hasText: "3 selected" }).waitFor();
    await bar.getByLabel("Status").selectOption("rejected");
    await bar.getByRole("button", { name: "Set status" }).click();
    await bar
      .getByRole("status")
      .filter({ hasText: /^3 claims set to rejected/ })
      .waitFor();
    expect((await statuses()).map(([, status]) => status)).toEqual(["rejected", "rejected", "rejected"]);
    await saveScreenshot(page, "undo-bulk-status");

    await bar.getByRole("button", { name: "Undo" }).click();
    await bar.getByTestId("undo-outcome").filter({ hasText: "Undone: Status of 3 claims set to rejected." }).waitFor();
    expect(await statuses()).toEqual(before);
    // The table shows them as they were again, without a reload.
    await page.locator(`tr[data-claim-id="${ids[1]}"]`).filter({ hasText: "In review" }).waitFor({ timeout: 10_000 });
    await expect(page.locator(`tr[data-claim-id="${ids[0]}"]`).textContent()).resolves.not.toMatch(/Rejected/);

    await page.goto("/my-work/recent");
    const row = page.getByTestId("recent-actions").locator("tr", { hasText: "Status of 3 claims set to rejected" });
    await expect(row.textContent()).resolves.toMatch(/Undone at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    await expect(row.getByRole("button", { name: "Undo" }).count()).resolves.toBe(0);
    await saveScreenshot(page, "my-recent-actions");
    await page.context().close();
  });
});
