// Collaboration in the browser (issue 18, items 1, 5 and 7), against `next start` on a freshly seeded
// database: claims assigned from the claims table reach the other editor's queue first and make up
// their "My queue"; a column header sorts the table and its pages keep the order; a saved view is
// listed on the claims page and the dashboard.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { createUser, type TestUser } from "@/tests/helpers/users";

const SOURCE = "anti-pakistan-activities-of-mqm-in-the-us";

describe("collaboration in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let nadia: TestUser;

  beforeAll(async () => {
    app = await startApp();
    nadia = await createUser(app.database.prisma, "editor", { email: "nadia@example.test" });
    nadia.name = "Nadia Second";
    await app.database.prisma.user.update({ where: { id: nadia.id }, data: { name: nadia.name } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const cardId = async (page: Page) => Number(await page.getByTestId("review-card").getAttribute("data-claim-id"));
  const ready = (page: Page) => page.locator('[data-testid="review-controls"][data-ready="true"]').waitFor();
  const rowIds = async (page: Page) =>
    page.locator("[data-testid=claims-table] tbody tr").evaluateAll((rows) => rows.map((row) => Number(row.getAttribute("data-claim-id"))));

  test("claims assigned in the table reach the other editor's queue first, and My queue holds only hers", async () => {
    const prisma = app.database.prisma;
    // The two least check-worthy unreviewed claims of the source: the last the queue would offer.
    const queue = await prisma.claim.findMany({
      where: { source: { slug: SOURCE }, status: "unreviewed" },
      orderBy: [{ checkWorthiness: "desc" }, { startOffset: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(queue.length).toBeGreaterThanOrEqual(4);
    const hers = queue.slice(-2).map((claim) => claim.id);

    const editor = await newPage(browser, app.baseUrl);
    // Least check-worthy first, so hers are on the first page.
    await signIn(editor.page, app.users.editor, `/claims?source=${SOURCE}&sort=-worth&status=unreviewed`);
    const assign = editor.page.locator('[data-testid="assign-claims"][data-ready="true"]');
    await assign.waitFor();
    for (const id of hers) await editor.page.getByLabel(`Select claim #${id}`, { exact: true }).check();
    await assign.getByLabel("Assign to").selectOption({ label: "Nadia Second" });
    await assign.getByRole("button", { name: "Assign 2 selected" }).click();
    await assign.getByRole("status").filter({ hasText: "2 claims assigned to Nadia Second." }).waitFor();
    for (const id of hers) {
      await editor.page.locator(`tr[data-claim-id="${id}"] [data-testid=claim-assignee]`).filter({ hasText: "Nadia Second" }).waitFor();
    }
    expect((await prisma.claim.findMany({ where: { id: { in: hers } }, select: { assigneeId: true } })).map((claim) => claim.assigneeId)).toEqual([
      nadia.id,
      nadia.id,
    ]);
    await saveScreenshot(editor.page, "claims-assigned");

    // Nadia opens the source's queue: her own claims first, though they are its least check-worthy.
    const second = await newPage(browser, app.baseUrl);
    await signIn(second.page, nadia, `/review?source=${SOURCE}`);
    await ready(second.page);
    expect(await cardId(second.page)).toBe(hers[0]);
    await second.page.getByTestId("assignment-claim").getByTestId("assignee").filter({ hasText: "Assigned to Nadia Second" }).waitFor();
    // The first editor is handed the most check-worthy claim nobody was given.
    await editor.page.goto(`/review?source=${SOURCE}`);
    await ready(editor.page);
    expect(await cardId(editor.page)).toBe(queue[0]!.id);

    // My queue: only hers. She approves both and the queue says there is nothing left of hers.
    await second.page.getByTestId("my-queue").check();
    await second.page.getByRole("button", { name: "Filter" }).click();
    await second.page.waitForURL((url) => url.searchParams.get("assignee") === String(nadia.id));
    await ready(second.page);
    expect(await cardId(second.page)).toBe(hers[0]);
    await expect(second.page.getByTestId("queue-remaining").textContent()).resolves.toContain("2 unreviewed claims left");
    await saveScreenshot(second.page, "review-my-queue");
    await second.page.keyboard.press("a");
    await second.page.waitForFunction((id) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-claim-id") === String(id), hers[1]);
    await ready(second.page);
    await second.page.keyboard.press("a");
    await second.page.getByText("Nothing left to review here").waitFor();
    await expect(second.page.locator(".empty-queue").textContent()).resolves.toContain("among the claims assigned to you");
    expect(await prisma.claim.findMany({ where: { id: { in: hers } }, select: { status: true, reviewerId: true } })).toEqual([
      { status: "approved", reviewerId: nadia.id },
      { status: "approved", reviewerId: nadia.id },
    ]);
    // The first editor's claim was never hers to take.
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: queue[0]!.id }, select: { status: true } })).toEqual({ status: "unreviewed" });

    // My work counts them.
    await second.page.goto("/my-work");
    await expect(second.page.getByTestId("my-claims-total").textContent()).resolves.toBe("2");
    await editor.context.close();
    await second.context.close();
  });

  test("clicking a column header sorts the table, a second click reverses it, and the next page carries on", async () => {
    const prisma = app.database.prisma;
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer, "/claims");
    const header = page.getByTestId("sort-credibility");
    await header.click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "credibility");
    await expect(page.locator("th", { has: header }).getAttribute("aria-sort")).resolves.toBe("ascending");
    await page.getByTestId("sort-credibility").click();
    await page.waitForURL((url) => url.searchParams.get("sort") === "-credibility");
    await expect(page.locator("th", { has: page.getByTestId("sort-credibility") }).getAttribute("aria-sort")).resolves.toBe("descending");
    await saveScreenshot(page, "claims-sorted-by-credibility");

    const first = await rowIds(page);
    await page.getByRole("link", { name: "Next ›" }).click();
    await page.waitForURL((url) => url.searchParams.has("after"));
    const next = await rowIds(page);
    expect(first).toHaveLength(50);
    expect(next.length).toBeGreaterThan(0);
    const ids = [...first, ...next];
    expect(new Set(ids).size).toBe(ids.length);
    // Worst credibility first, ties by id descending, straight across the page boundary: exactly what the database holds.
    const expected = await prisma.claim.findMany({
      where: { withdrawnAt: null },
      orderBy: [{ credibility: "desc" }, { id: "desc" }],
      take: ids.length,
      select: { id: true },
    });
    expect(ids).toEqual(expected.map((claim) => claim.id));
    // The Sort field names the reversed order the header chose.
    await expect(page.locator("#filter-sort").inputValue()).resolves.toBe("-credibility");
    await context.close();
  });

  test("a saved view is listed on the claims page and the dashboard, and opens its filters", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/claims?status=approved&sort=-worth");
    await page.getByText("Saved views (0)").click();
    const form = page.locator('[data-testid="save-view"][data-ready="true"]');
    await form.waitFor();
    await form.getByLabel("Save these filters and sort as").fill("Approved, least worthy");
    await form.getByLabel("Share with the desk").check();
    await form.getByRole("button", { name: "Save view" }).click();
    await form.getByRole("status").filter({ hasText: "Saved “Approved, least worthy”, shared with the desk." }).waitFor();
    await page.getByTestId("saved-views").getByRole("link", { name: "Approved, least worthy" }).waitFor();
    await context.close();

    // Another user sees it on the dashboard, and it opens the same filters and sort.
    const viewer = await newPage(browser, app.baseUrl);
    await signIn(viewer.page, app.users.viewer, "/");
    await viewer.page.getByTestId("saved-views").getByRole("link", { name: "Approved, least worthy" }).click();
    await viewer.page.waitForURL((url) => url.pathname === "/claims" && url.search === "?status=approved&sort=-worth");
    await expect(viewer.page.locator("#filter-status").inputValue()).resolves.toBe("approved");
    await viewer.context.close();
  });
});
