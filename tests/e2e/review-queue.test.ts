// The review queue with more than one editor (issue 17, items 1 and 3), against `next start` on a
// freshly seeded database: two editors in two browser contexts are handed different claims, a
// decision refused as stale keeps the card on its claim with who decided what, and the card shows
// speaker, cited via, topic and check-worthiness without opening the editor.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { createUser, type TestUser } from "@/tests/helpers/users";
import { STANCE_LABELS } from "@/lib/claims/labels";

const SOURCE = "anti-pakistan-activities-of-mqm-in-the-us";

describe("the review queue in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let secondEditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    secondEditor = await createUser(app.database.prisma, "editor", { email: "second-editor@example.test" });
    // Named apart from the first editor ("Test editor"), so the messages show which of the two they mean.
    secondEditor.name = "Nadia Second";
    await app.database.prisma.user.update({ where: { id: secondEditor.id }, data: { name: secondEditor.name } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const claim = (id: number) => app.database.prisma.claim.findUniqueOrThrow({ where: { id } });
  const cardId = async (page: Page) => Number(await page.getByTestId("review-card").getAttribute("data-claim-id"));
  const ready = (page: Page) => page.locator('[data-testid="review-controls"][data-ready="true"]').waitFor();
  const waitForCard = (page: Page, id: number) =>
    page.waitForFunction((expected) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-claim-id") === String(expected), id);

  test("two editors open the queue at once and get different claims; a stale decision stays on its claim and says who decided what", async () => {
    const queue = await app.database.prisma.claim.findMany({
      where: { source: { slug: SOURCE }, status: "unreviewed" },
      orderBy: [{ checkWorthiness: "desc" }, { startOffset: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const first = await newPage(browser, app.baseUrl);
    const second = await newPage(browser, app.baseUrl);
    await signIn(first.page, app.users.editor, "/");
    await signIn(second.page, secondEditor, "/");

    // Both open the same queue at the same moment.
    await Promise.all([first.page.goto(`/review?source=${SOURCE}`), second.page.goto(`/review?source=${SOURCE}`)]);
    await Promise.all([ready(first.page), ready(second.page)]);
    const firstId = await cardId(first.page);
    const secondId = await cardId(second.page);
    expect(firstId).not.toBe(secondId);
    expect([firstId, secondId].sort((a, b) => a - b)).toEqual([queue[0]!.id, queue[1]!.id].sort((a, b) => a - b));
    await saveScreenshot(first.page, "review-queue-first-editor");

    // The second editor opens the first one's claim by its address: the card names who has it.
    await second.page.goto(`/review?source=${SOURCE}&at=${firstId}`);
    await ready(second.page);
    expect(await cardId(second.page)).toBe(firstId);
    await expect(second.page.getByTestId("lease-notice").textContent()).resolves.toContain(`${app.users.editor.name} has this claim open`);
    // … and rejects it, moving on to the next claim nobody else holds.
    await second.page.keyboard.press("r");
    await second.page.waitForFunction(
      (decided) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-claim-id") !== String(decided),
      firstId,
    );
    expect(await claim(firstId)).toMatchObject({ status: "rejected", reviewerId: secondEditor.id });

    // The first editor, on the stale card, approves: refused, and the card stays on that claim.
    const stance = STANCE_LABELS[(await claim(firstId)).stance];
    await first.page.keyboard.press("a");
    const message = first.page.getByTestId("review-message");
    await message.waitFor();
    await expect(message.textContent()).resolves.toBe(
      `${secondEditor.name} changed this claim meanwhile: it is now Rejected, stance ${stance}. Your approval was not saved. Press a again to apply it to their version, or j to move on.`,
    );
    // The page brings their version in and still shows this claim and the message.
    await first.page.waitForURL((url) => url.searchParams.get("at") === String(firstId));
    await first.page.getByTestId("review-controls").getByText("Currently rejected").waitFor();
    await first.page.waitForTimeout(500);
    expect(await cardId(first.page)).toBe(firstId);
    await expect(message.isVisible()).resolves.toBe(true);
    expect(await claim(firstId)).toMatchObject({ status: "rejected" });
    await saveScreenshot(first.page, "review-queue-stale-decision");

    // Pressing a again applies the approval on top of their version and moves on, past the claim the other editor has open.
    await first.page.keyboard.press("a");
    await first.page.waitForFunction(
      (decided) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-claim-id") !== String(decided),
      firstId,
    );
    await ready(first.page);
    expect(await claim(firstId)).toMatchObject({ status: "approved", reviewerId: app.users.editor.id });
    const secondNow = await cardId(second.page);
    expect(await cardId(first.page)).not.toBe(secondNow);
    await first.context.close();
    await second.context.close();
  });

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
