// The review queue (issue 17, item 3), against `next start` on a freshly seeded database: the card
// shows speaker, cited via, topic and check-worthiness without opening the editor.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";

const SOURCE = "anti-pakistan-activities-of-mqm-in-the-us";

describe("the review queue in the browser", () => {
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

  const ready = (page: Page) => page.locator('[data-testid="review-controls"][data-ready="true"]').waitFor();
  const waitForCard = (page: Page, id: number) =>
    page.waitForFunction((expected) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-claim-id") === String(expected), id);

  test("the card shows speaker, cited via, topic and check-worthiness without opening the editor", async () => {
    const prisma = app.database.prisma;
    const target = await prisma.claim.findFirstOrThrow({
      where: { source: { slug: SOURCE }, status: "unreviewed", speakerId: { not: null } },
      orderBy: { id: "asc" },
      include: { speaker: true },
    });
    const topic = await prisma.topic.create({ data: { slug: "mqm-in-the-us", title: "MQM lobbying in the US" } });
    await prisma.claim.update({ where: { id: target.id }, data: { citedVia: "a State Department cable", topicId: topic.id } });

    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, `/review?source=${SOURCE}&at=${target.id}`);
    await ready(page);
    await waitForCard(page, target.id);
    const summary = page.getByTestId("claim-summary");
    await expect(summary.isVisible()).resolves.toBe(true);
    await expect(summary.locator('[data-field="speaker"]').innerText()).resolves.toContain(target.speaker!.name);
    await expect(summary.locator('[data-field="citedVia"]').innerText()).resolves.toMatch(/Cited via\s+a State Department cable/);
    await expect(summary.locator('[data-field="topic"]').innerText()).resolves.toMatch(/Topic\s+MQM lobbying in the US/);
    await expect(summary.locator('[data-field="checkWorthiness"]').innerText()).resolves.toContain(`${target.checkWorthiness} / 100`);
    // The stance keys say what the stance is toward; the editor stays closed.
    await expect(page.getByRole("group", { name: "Decision" }).innerText()).resolves.toContain("Stance toward “MQM lobbying in the US”");
    await expect(page.locator("details#review-editor").evaluate((details) => (details as HTMLDetailsElement).open)).resolves.toBe(false);
    await saveScreenshot(page, "review-card-summary");

    // A change made in the inline editor shows on the card.
    await page.keyboard.press("e");
    const form = page.locator('[data-testid="claim-editor"][data-ready="true"]');
    await form.getByLabel("Cited via").fill("Dawn, 3 March 1995");
    await page.keyboard.press("Control+Enter");
    await summary.locator('[data-field="citedVia"]').filter({ hasText: "Dawn, 3 March 1995" }).waitFor();
    await context.close();

    // Viewers see the same summary.
    const viewer = await newPage(browser, app.baseUrl);
    await signIn(viewer.page, app.users.viewer, `/review?source=${SOURCE}&at=${target.id}`);
    await ready(viewer.page);
    await expect(viewer.page.getByTestId("claim-summary").locator('[data-field="topic"]').innerText()).resolves.toContain("MQM lobbying in the US");
    await viewer.context.close();
  });
});
