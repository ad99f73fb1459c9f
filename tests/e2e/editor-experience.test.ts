// A day of review by keyboard and mouse (issue 17): focus follows the claim panel, messages are
// sentences, filter addresses carry only what is set, history speaks in labels, wide tables and
// the conflict cluster fit a 1400 px window. Against `next start` on a freshly seeded database.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";

const SOURCE = "diplomatic-involvement-immunity-in-karachi-killings";
const DESKTOP = { width: 1400, height: 900 };

describe("editor experience in the browser", () => {
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

  async function signedIn(role: "admin" | "editor" | "viewer" = "editor"): Promise<Page> {
    const context = await browser.newContext({ baseURL: app.baseUrl, viewport: DESKTOP });
    const page = await context.newPage();
    await signIn(page, app.users[role]);
    return page;
  }

  async function openReader(page: Page, query = ""): Promise<void> {
    await page.goto(`/sources/${SOURCE}${query}`);
    await page.locator('[data-testid="source-text"][data-ready="true"]').waitFor();
  }

  const activeElement = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return {
        id: element?.id ?? "",
        tag: element?.tagName.toLowerCase() ?? "",
        claimId: element?.dataset.claimId ?? "",
        text: element?.textContent?.slice(0, 40) ?? "",
      };
    });

  test("keyboard: Enter on a highlight moves focus to the claim panel, Escape returns to the highlight, and every page starts with a skip link", async () => {
    const page = await signedIn();
    await openReader(page);
    // The first Tab reaches "Skip to content", which takes focus past the menu.
    await page.keyboard.press("Tab");
    await expect(activeElement(page)).resolves.toMatchObject({ tag: "a", text: "Skip to content" });
    await page.keyboard.press("Enter");
    await expect(activeElement(page)).resolves.toMatchObject({ id: "main-content" });

    const target = await app.database.prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE } }, orderBy: { startOffset: "desc" }, skip: 10 });
    const mark = page.locator(`mark[data-claim-id="${target.id}"][tabindex="0"]`);
    await mark.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("claim") === String(target.id));
    await page
      .locator("#claim-panel")
      .getByRole("heading", { name: `Claim #${target.id}` })
      .waitFor();
    await expect.poll(async () => (await activeElement(page)).id).toBe("claim-panel");
    // One Tab from there is inside the panel, not the next highlight in the text.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.getElementById("claim-panel")!.contains(document.activeElement))).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(activeElement(page)).resolves.toMatchObject({ tag: "mark", claimId: String(target.id) });
    // Enter on the claim already open goes straight back to its panel.
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await activeElement(page)).id).toBe("claim-panel");

    for (const path of ["/claims", "/no-such-page", `/claims/${target.id}`]) {
      await page.goto(path);
      await page.keyboard.press("Tab");
      await expect(activeElement(page), path).resolves.toMatchObject({ tag: "a", text: "Skip to content" });
    }
    const anonymous = await browser.newPage({ baseURL: app.baseUrl });
    // The sign-in page puts the cursor in the email field; the skip link is just before it.
    await anonymous.goto("/login");
    await expect(activeElement(anonymous)).resolves.toMatchObject({ tag: "input" });
    await anonymous.keyboard.press("Shift+Tab");
    await expect(activeElement(anonymous)).resolves.toMatchObject({ tag: "a", text: "Skip to content" });
    await anonymous.close();
  });

  test("reader: filter highlights by status and speaker, and step through unreviewed claims with n and p", async () => {
    const prisma = app.database.prisma;
    const claims = await prisma.claim.findMany({
      where: { source: { slug: SOURCE }, anchorStatus: { not: "orphaned" } },
      orderBy: [{ startOffset: "asc" }, { endOffset: "asc" }],
      include: { speaker: true },
    });
    // Some decided claims, so "unreviewed only" has something to leave out.
    await prisma.claim.updateMany({ where: { id: { in: claims.slice(0, 6).map((claim) => claim.id) } }, data: { status: "approved" } });
    const unreviewed = new Set(
      claims
        .slice(6)
        .filter((claim) => claim.status === "unreviewed")
        .map((claim) => claim.id),
    );

    const page = await signedIn();
    await openReader(page);
    const markedIds = async () =>
      new Set(await page.locator("mark[data-claim-id]").evaluateAll((marks) => marks.map((mark) => Number((mark as HTMLElement).dataset.claimId))));
    const everything = await markedIds();

    await page.getByTestId("reader-status-filter").selectOption("unreviewed");
    const shown = await markedIds();
    expect(shown.size).toBeGreaterThan(0);
    expect(shown.size).toBeLessThan(everything.size);
    for (const id of shown) expect(unreviewed.has(id), `claim ${id} is unreviewed`).toBe(true);
    await expect(page.locator("mark.status-approved").count()).resolves.toBe(0);

    const speaker = claims.find((claim) => claim.speaker && unreviewed.has(claim.id))!.speaker!.name;
    await page.getByTestId("reader-speaker-filter").selectOption(speaker);
    const bySpeaker = await markedIds();
    expect(bySpeaker.size).toBeGreaterThan(0);
    for (const id of bySpeaker) expect(claims.find((claim) => claim.id === id)!.speaker?.name).toBe(speaker);
    await saveScreenshot(page, "reader-filtered", { fullPage: false });

    // n and p walk the unreviewed claims in text order, among those shown, and focus each highlight.
    await page.getByTestId("reader-speaker-filter").selectOption("");
    const order = claims.filter((claim) => unreviewed.has(claim.id)).map((claim) => claim.id);
    await page.locator("h1").click();
    await page.keyboard.press("n");
    await page.waitForURL((url) => url.searchParams.get("claim") === String(order[0]));
    await expect.poll(async () => (await activeElement(page)).claimId).toBe(String(order[0]));
    await page.keyboard.press("n");
    await page.waitForURL((url) => url.searchParams.get("claim") === String(order[1]));
    await expect.poll(async () => (await activeElement(page)).claimId).toBe(String(order[1]));
    await page.keyboard.press("p");
    await page.waitForURL((url) => url.searchParams.get("claim") === String(order[0]));
    await page.keyboard.press("p");
    await expect.poll(() => page.getByTestId("reader-navigation-message").textContent()).toBe("No unreviewed claim before this one among those shown.");
    expect(new URL(page.url()).searchParams.get("claim")).toBe(String(order[0]));
    // The buttons do the same.
    await page.getByRole("button", { name: /Next unreviewed/ }).click();
    await page.waitForURL((url) => url.searchParams.get("claim") === String(order[1]));
  });

  test("layout: the audit log with long changes and a four-column conflict cluster fit a 1400 px window", async () => {
    const prisma = app.database.prisma;
    const admin = await prisma.user.findFirstOrThrow({ where: { email: app.users.admin.email } });
    const source = await prisma.source.findFirstOrThrow({ where: { slug: SOURCE } });
    const longNotes = `${"Checked against the court record and the follow-up reporting. ".repeat(4)}https://example.org/${"very-long-path-segment-".repeat(8)}`;
    await prisma.auditEvent.create({
      data: { userId: admin.id, entityType: "source", entityId: String(source.id), action: "update", before: { notes: null }, after: { notes: longNotes } },
    });
    const claims = await prisma.claim.findMany({ where: { source: { slug: SOURCE } }, orderBy: { startOffset: "asc" }, take: 5 });
    const [centre, ...others] = claims;
    for (const other of others) {
      const [a, b] = centre!.id < other.id ? [centre!.id, other.id] : [other.id, centre!.id];
      await prisma.contradiction.upsert({
        where: { claimAId_claimBId: { claimAId: a, claimBId: b } },
        create: { claimAId: a, claimBId: b, detectedBy: "test", kind: "dispute", score: 0.5, explanation: "They disagree." },
        update: {},
      });
    }

    const page = await signedIn("admin");
    await page.goto("/audit");
    const table = page.getByTestId("audit-table");
    await table.getByText("Checked against the court record").first().waitFor();
    const tableBox = (await table.boundingBox())!;
    expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(DESKTOP.width);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(DESKTOP.width);
    await saveScreenshot(page, "audit-1400");

    await page.goto(`/contradictions/cluster/${centre!.id}`);
    const columns = page.getByTestId("cluster").locator(":scope > *");
    await expect(columns.count()).resolves.toBe(5);
    for (let index = 0; index < 5; index++) {
      const box = (await columns.nth(index).boundingBox())!;
      expect(box.x, `column ${index + 1}`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `column ${index + 1}`).toBeLessThanOrEqual(DESKTOP.width);
    }
    await expect(page.getByTestId("cluster").evaluate((element) => element.scrollWidth <= element.clientWidth)).resolves.toBe(true);
    await saveScreenshot(page, "cluster-1400");
  });

  test("messages: a bad filter is a sentence and leaves the address, filter addresses carry only what is set, Clear filters only when something is", async () => {
    const page = await signedIn();
    await page.goto("/claims?status=bogus&q=denied");
    const alert = page.getByTestId("ignored-filters");
    await expect(alert.textContent()).resolves.toContain('Status "bogus" is not one of the choices, so that filter was dropped.');
    await expect(alert.textContent()).resolves.not.toContain("Invalid option");
    await expect.poll(() => new URL(page.url()).search).toBe("?q=denied");
    // The search that was understood still applies.
    await expect(page.getByLabel("Search the quotes").inputValue()).resolves.toBe("denied");

    await page.goto("/claims");
    await expect(page.getByRole("link", { name: "Clear filters" }).count()).resolves.toBe(0);
    const filters = page.getByRole("search", { name: "Filter claims" });
    await filters.getByLabel("Search the quotes").fill("denied");
    await filters.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.search === "?q=denied");
    await page.getByRole("link", { name: "Clear filters" }).waitFor();
    await filters.getByLabel("Stance", { exact: true }).selectOption("opposes");
    await filters.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.search === "?q=denied&stance=opposes");

    await page.goto("/contradictions");
    await expect(page.getByRole("link", { name: "Clear filters" }).count()).resolves.toBe(0);
    await page.goto("/contradictions?status=all");
    await page.getByRole("link", { name: "Clear filters" }).waitFor();
  });

  test("messages: history in labels and titles, counts by plural rules, one pair of quote marks, a 404 with the menu, a favicon, an unjudged source", async () => {
    const prisma = app.database.prisma;
    const topic = await prisma.topic.create({ data: { slug: "one-claim-topic", title: "Talks with the diplomats" } });
    const quoted = await prisma.claim.findFirstOrThrow({ where: { OR: [{ quote: { startsWith: "“" } }, { quote: { startsWith: '"' } }] } });
    await prisma.claim.update({ where: { id: quoted.id }, data: { topicId: topic.id } });
    const closing = await prisma.claim.findFirstOrThrow({
      where: { quote: { endsWith: "”" }, NOT: [{ quote: { startsWith: "“" } }, { quote: { startsWith: '"' } }] },
    });

    const page = await signedIn();
    // One claim: "1 claim", not "1 claims"; the quote's own opening mark is not doubled.
    await page.goto(`/topics/${topic.id}`);
    await expect(page.locator("main p", { hasText: "open in the claims table" }).textContent()).resolves.toMatch(/^1 claim · /);
    const quote = page.locator("main q").first();
    await expect(quote.evaluate((element) => getComputedStyle(element).quotes)).resolves.toBe("none");
    await expect(quote.textContent()).resolves.toMatch(/^["“]/);
    // A quote that ends with its own closing mark gets an opening mark but no second closing one.
    await prisma.claim.update({ where: { id: closing.id }, data: { topicId: topic.id } });
    await page.reload();
    const ending = page.locator(`main li:has(a[href="/claims/${closing.id}"]) q`);
    await expect(ending.evaluate((element) => [getComputedStyle(element, "::before").content, getComputedStyle(element, "::after").content])).resolves.toEqual([
      "open-quote",
      "no-close-quote",
    ]);

    // An edit through the form: the history names the topic and the status by their labels.
    const claim = await prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE }, topicId: null, status: "unreviewed" } });
    await page.goto(`/claims/${claim.id}`);
    const form = page.locator('[data-testid="claim-editor"][data-ready="true"]');
    await form.getByLabel("Topic").selectOption({ label: "Talks with the diplomats" });
    await form.getByLabel("Status", { exact: true }).selectOption("in_review");
    await form.getByRole("button", { name: "Save claim" }).click();
    const history = page.getByTestId("history-panel");
    await history.getByText("Talks with the diplomats").waitFor();
    const historyText = (await history.textContent()) ?? "";
    expect(historyText).toContain("Topic");
    expect(historyText).toContain("In review");
    expect(historyText).not.toMatch(/topicId|in_review|\b1\b → /);

    // An address with nothing behind it keeps the menu.
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Claims" }).waitFor();
    await expect(page.getByRole("heading", { name: "Not found" }).count()).resolves.toBe(1);
    await saveScreenshot(page, "not-found");

    const icon = await fetch(`${app.baseUrl}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/image\//);

    await prisma.source.update({ where: { slug: SOURCE }, data: { reliability: "F" } });
    await openReader(page);
    await expect(page.locator(".source-meta").first().textContent()).resolves.toContain("Reliability F — not yet judged");
  });
});
