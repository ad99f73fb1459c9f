// Browser tests for the editorial UI: reader, claim editor, claims table, review queue,
// concurrent edits and the viewer's read-only view, against `next start` on a freshly
// seeded database, in Debian's Chromium. Screenshots of each main page go to
// test-artifacts/screenshots.
import { readStoredFacets } from "@/lib/facets/schema";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ARTIFACTS_DIR, launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";

const SOURCE = "diplomatic-involvement-immunity-in-karachi-killings";

/** The visible part only: a full-page shot of a long source is too tall to look at. */
async function saveViewport(page: Page, name: string): Promise<void> {
  const directory = path.join(ARTIFACTS_DIR, "screenshots");
  mkdirSync(directory, { recursive: true });
  await page.screenshot({ path: path.join(directory, `${name}.png`) });
}

describe("editorial review in the browser", () => {
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

  async function editor(): Promise<Page> {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor);
    return page;
  }

  const claim = (id: number) => app.database.prisma.claim.findUniqueOrThrow({ where: { id }, include: { speaker: true, reviewer: true } });

  /** Waits for a form's outcome line to read `text` (it may still hold the previous message). */
  async function outcome(page: Page, text: string): Promise<void> {
    await page.getByTestId("form-outcome").filter({ hasText: text }).waitFor();
  }

  async function openReader(page: Page, slug: string, claimId?: number): Promise<void> {
    await page.goto(`/sources/${slug}${claimId ? `?claim=${claimId}` : ""}`);
    await page.locator('[data-testid="source-text"][data-ready="true"]').waitFor();
  }

  test("an editor opens a seed source, clicks a highlighted claim, sets stance, speaker and cited-via, and finds it by those filters", async () => {
    const page = await editor();
    await page.getByRole("link", { name: "Sources", exact: true }).click();
    // The text comes on its own request; opening a claim does not fetch it again, a save does.
    const textRequests: string[] = [];
    page.on("request", (request) => {
      if (/\/api\/sources\/[^/]+\/reader$/.test(new URL(request.url()).pathname)) textRequests.push(request.url());
    });
    await page.getByRole("link", { name: "Diplomatic Involvement/Immunity in Karachi Killings." }).click();
    await page.locator('[data-testid="source-text"][data-ready="true"]').waitFor();
    expect(textRequests).toHaveLength(1);
    await saveViewport(page, "source-reader");

    // A claim still unreviewed and without a speaker, somewhere in the middle of the text.
    const target = await app.database.prisma.claim.findFirstOrThrow({
      where: { source: { slug: SOURCE }, speakerId: null, status: "unreviewed" },
      orderBy: { startOffset: "asc" },
      skip: 3,
    });
    await page.locator(`mark[data-claim-id="${target.id}"]`).first().click();
    await page.waitForURL((url) => url.searchParams.get("claim") === String(target.id));
    const form = page.locator('[data-testid="claim-editor"][data-ready="true"]');
    await form.waitFor();
    await expect(page.getByTestId("quote-in-context").textContent()).resolves.toContain(target.quote);
    expect(textRequests).toHaveLength(1);
    // What detection reads of the claim is on the panel: its parties, modality and figures.
    const facetsPanel = page.getByRole("region", { name: "What the claim says" });
    const facetsText = (await facetsPanel.textContent()) ?? "";
    const stored = readStoredFacets(target.facets);
    expect(stored).not.toBeNull();
    expect(facetsText).toContain("Modality");
    for (const entity of stored!.entities.slice(0, 3)) expect(facetsText).toContain(entity.text);
    for (const quantity of stored!.quantities) expect(facetsText).toContain(quantity.text);
    // Every predication it holds or denies, in its own words.
    for (const proposition of stored!.propositions ?? []) expect(facetsText).toContain(proposition.words);

    await form.getByLabel("Opposes", { exact: true }).check();
    await form.getByLabel("Speaker").selectOption("__new");
    await form.getByLabel("New speaker name").fill("Nadia Farooqui");
    await form.getByLabel("Cited via").fill("Dawn, 14 May 2007");
    await form.getByRole("button", { name: "Save claim" }).click();
    await outcome(page, "Claim saved.");

    const saved = await claim(target.id);
    expect(saved).toMatchObject({ stance: "opposes", citedVia: "Dawn, 14 May 2007", version: target.version + 1 });
    expect(saved.speaker?.name).toBe("Nadia Farooqui");
    // The highlight shows the new tags after the save.
    await page
      .locator(`mark[data-claim-id="${target.id}"][title*="Nadia Farooqui"][title*="via Dawn, 14 May 2007"][title*="stance opposes"]`)
      .first()
      .waitFor();
    expect(textRequests).toHaveLength(2);
    await saveViewport(page, "source-reader-claim-panel");

    // The claims table finds it by exactly those filters, set through the filter form.
    await page.getByRole("link", { name: "Claims", exact: true }).click();
    const filters = page.getByRole("search", { name: "Filter claims" });
    await filters.getByLabel("Speaker").selectOption({ label: "Nadia Farooqui" });
    await filters.getByLabel("Stance", { exact: true }).selectOption("opposes");
    await filters.getByLabel("Cited via").fill("dawn");
    await filters.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("stance") === "opposes");
    const url = new URL(page.url());
    expect(url.searchParams.get("speaker")).toBe(String(saved.speakerId));
    expect(url.searchParams.get("citedVia")).toBe("dawn");
    await expect(page.getByTestId("claims-total").textContent()).resolves.toBe("1");
    await expect(page.locator(`tr[data-claim-id="${target.id}"]`).count()).resolves.toBe(1);
    // The URL is the view: opened fresh, it shows the same single row.
    const shared = await newPage(browser, app.baseUrl);
    await signIn(shared.page, app.users.viewer, `/claims${url.search}`);
    await expect(shared.page.getByTestId("claims-total").textContent()).resolves.toBe("1");
    await shared.context.close();
    await page.context().close();
  });

  test("the claims table searches the full text with highlighted matches, pages by cursor and changes selected rows in bulk", async () => {
    const page = await editor();
    await page.goto("/claims?q=killings");
    const expected = await app.database.prisma.$queryRawUnsafe<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM claims WHERE search_vector @@ websearch_to_tsquery('english', 'killings')",
    );
    await expect(page.getByTestId("claims-total").textContent()).resolves.toBe(String(expected[0]!.n));
    const hits = await page.locator("mark.search-hit").allTextContents();
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => /^kill/i.test(hit))).toBe(true);
    await saveScreenshot(page, "claims-table-search");

    await page.goto("/claims");
    const firstPage = await page.locator("tr[data-claim-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-claim-id")));
    await page.getByRole("link", { name: "Next ›" }).click();
    await page.waitForURL(/after=/);
    const secondPage = await page.locator("tr[data-claim-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-claim-id")));
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
    await page.getByRole("link", { name: "‹ Previous" }).click();
    await page.waitForURL(/before=/);
    await expect(page.locator("tr[data-claim-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-claim-id")))).resolves.toEqual(firstPage);

    await page.locator('[data-testid="bulk-bar"][data-ready="true"]').waitFor();
    const ids = firstPage.slice(-2).map(Number);
    for (const id of ids) await page.getByLabel(`Select claim #${id}`).check();
    const bar = page.getByTestId("bulk-bar");
    await bar.filter({ hasText: "2 selected" }).waitFor();
    await bar.getByLabel("Status").selectOption("in_review");
    await bar.getByRole("button", { name: "Set status" }).click();
    await bar
      .getByRole("status")
      .filter({ hasText: /^2 claims set to in review/ })
      .waitFor();
    for (const id of ids) expect((await claim(id)).status).toBe("in_review");
    await page.context().close();
  });

  test("an editor creates a claim by selecting text in the reader", async () => {
    const page = await editor();
    await openReader(page, SOURCE);
    const source = await app.database.prisma.source.findUniqueOrThrow({ where: { slug: SOURCE } });
    // Select a phrase inside a run of text no claim covers, as a reader would with the mouse.
    const selected = await page.evaluate(() => {
      const runs = [...document.querySelectorAll<HTMLElement>('[data-testid="source-text"] span[data-start]')];
      const run = runs.find((span) => /\b\w+ \w+ \w+ \w+ \w+ \w+\b/.test(span.textContent ?? ""))!;
      const text = run.firstChild!.textContent!;
      const match = /\b\w+ \w+ \w+ \w+ \w+ \w+\b/.exec(text)!;
      const range = document.createRange();
      range.setStart(run.firstChild!, match.index);
      range.setEnd(run.firstChild!, match.index + match[0].length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return { start: Number(run.dataset.start) + match.index, quote: match[0] };
    });
    const bar = page.getByTestId("selection-bar");
    await expect(bar.textContent()).resolves.toContain(selected.quote);
    await saveViewport(page, "source-reader-selection");
    await bar.getByRole("button", { name: "Create claim" }).click();
    await page.waitForURL((url) => url.searchParams.has("claim"));
    const id = Number(new URL(page.url()).searchParams.get("claim"));
    await page.locator('[data-testid="claim-editor"][data-ready="true"]').waitFor();

    const created = await claim(id);
    expect(created).toMatchObject({
      origin: "editor",
      status: "unreviewed",
      quote: selected.quote,
      startOffset: selected.start,
      endOffset: selected.start + selected.quote.length,
    });
    expect(source.text.slice(created.startOffset, created.endOffset)).toBe(created.quote);
    expect(created.prefix).toBe(source.text.slice(Math.max(0, created.startOffset - 32), created.startOffset));
    await expect(page.locator(`mark[data-claim-id="${id}"]`).first().textContent()).resolves.toBe(selected.quote);
    await page.context().close();
  });

  test("the reader dims or hides claims below the editor's check-worthiness threshold", async () => {
    const page = await editor();
    await openReader(page, SOURCE);
    const claims = await app.database.prisma.claim.findMany({
      where: { source: { slug: SOURCE }, anchorStatus: { not: "orphaned" } },
      select: { id: true, checkWorthiness: true },
    });
    const belowIds = async () =>
      page.evaluate(() =>
        [...new Set([...document.querySelectorAll<HTMLElement>("mark.below-threshold")].map((mark) => Number(mark.dataset.claimId)))].sort((a, b) => a - b),
      );
    const expectedBelow = (threshold: number) =>
      claims
        .filter((row) => row.checkWorthiness < threshold)
        .map((row) => row.id)
        .sort((a, b) => a - b);
    expect(expectedBelow(35).length).toBeGreaterThan(0);
    expect(expectedBelow(35).length).toBeLessThan(claims.length);

    // Dimmed below 35 at first: the low ones are marked and faded, the others keep their colour.
    await expect(page.getByTestId("worth-below").textContent()).resolves.toBe(`${expectedBelow(35).length} of ${claims.length} claims are below 35`);
    expect(await belowIds()).toEqual(expectedBelow(35));
    // Faded by a grey text colour (still readable: axe checks its contrast) instead of the status colour.
    const look = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => ({ color: getComputedStyle(element).color, background: getComputedStyle(element).backgroundColor }));
    await expect(look("mark.below-threshold")).resolves.toEqual({ color: "rgb(101, 109, 118)", background: "rgba(0, 0, 0, 0)" });
    const kept = await look("mark.claim:not(.below-threshold)");
    expect(kept.color).toBe("rgb(31, 35, 40)");
    expect(kept.background).not.toBe("rgba(0, 0, 0, 0)");

    // A higher threshold marks more; "not highlighted" drops their colour altogether.
    await page.getByLabel("Check-worthiness threshold", { exact: true }).fill("50");
    await page.getByTestId("worth-below").filter({ hasText: "below 50" }).waitFor();
    expect(await belowIds()).toEqual(expectedBelow(50));
    await page.getByTestId("worth-mode").selectOption("hide");
    const background = await page
      .locator("mark.below-threshold")
      .first()
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe("rgba(0, 0, 0, 0)");
    // The choice is remembered in this browser.
    await openReader(page, SOURCE);
    await expect(page.getByLabel("Check-worthiness threshold", { exact: true }).inputValue()).resolves.toBe("50");
    await page.getByTestId("worth-mode").selectOption("all");
    expect(await belowIds()).toEqual([]);
    await page.context().close();
  });

  test("the review queue runs from the keyboard: overlay, stance keys, approve and reject advance by themselves", async () => {
    const page = await editor();
    const slug = "anti-pakistan-activities-of-mqm-in-the-us";
    // The queue offers the most check-worthy claim first, then source order.
    const queue = await app.database.prisma.claim.findMany({
      where: { source: { slug }, status: "unreviewed" },
      orderBy: [{ checkWorthiness: "desc" }, { startOffset: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(queue.length).toBeGreaterThanOrEqual(3);
    const cardId = async () => Number(await page.getByTestId("review-card").getAttribute("data-claim-id"));
    const waitForCard = (id: number) =>
      page.waitForFunction((expected) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-claim-id") === String(expected), id);
    const ready = () => page.locator('[data-testid="review-controls"][data-ready="true"]').waitFor();

    await page.goto(`/review?source=${slug}`);
    await ready();
    expect(await cardId()).toBe(queue[0]!.id);

    await page.keyboard.press("?");
    const overlay = page.getByTestId("shortcuts-overlay");
    await expect(overlay.isVisible()).resolves.toBe(true);
    await expect(overlay.textContent()).resolves.toContain("Approve and go to the next claim");
    await saveScreenshot(page, "review-shortcuts");
    await page.keyboard.press("Escape");
    await expect(overlay.isVisible()).resolves.toBe(false);

    // "2" then "a" in quick succession: both land, in order.
    await page.keyboard.press("2");
    await page.keyboard.press("a");
    await waitForCard(queue[1]!.id);
    await ready();
    expect(await claim(queue[0]!.id)).toMatchObject({ status: "approved", stance: "opposes", reviewerId: app.users.editor.id });

    await page.keyboard.press("r");
    await waitForCard(queue[2]!.id);
    await ready();
    expect((await claim(queue[1]!.id)).status).toBe("rejected");

    // "k" returns to the claim just decided, to undo a slip; "j" moves on again.
    await page.keyboard.press("k");
    await waitForCard(queue[1]!.id);
    await ready();
    await page.keyboard.press("j");
    await waitForCard(queue[2]!.id);
    await ready();

    // "e" opens the inline editor for provenance; Ctrl+Enter saves; Esc gives the keys back.
    await page.keyboard.press("e");
    const form = page.locator('[data-testid="claim-editor"][data-ready="true"]');
    await expect(form.isVisible()).resolves.toBe(true);
    await form.getByLabel("Cited via").fill("a press release");
    await page.keyboard.press("Control+Enter");
    await outcome(page, "Claim saved.");
    await page.keyboard.press("Escape");
    await page.keyboard.press("a");
    await page.waitForFunction(
      (decided) => document.querySelector('[data-testid="review-card"]')?.getAttribute("data-claim-id") !== String(decided),
      queue[2]!.id,
    );
    expect(await claim(queue[2]!.id)).toMatchObject({ status: "approved", citedVia: "a press release" });
    await saveScreenshot(page, "review-queue");
    await page.context().close();
  });

  test("two editors save the same claim: the second is refused with what changed, loses nothing, and can reapply", async () => {
    const target = await app.database.prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE }, status: "unreviewed" }, orderBy: { id: "desc" } });
    const first = await newPage(browser, app.baseUrl);
    const second = await newPage(browser, app.baseUrl);
    await signIn(first.page, app.users.editor, `/claims/${target.id}`);
    await signIn(second.page, app.users.admin, `/claims/${target.id}`);
    const firstForm = first.page.locator('[data-testid="claim-editor"][data-ready="true"]');
    const secondForm = second.page.locator('[data-testid="claim-editor"][data-ready="true"]');
    await firstForm.waitFor();
    await secondForm.waitFor();

    await firstForm.getByLabel("Supports", { exact: true }).check();
    await firstForm.getByLabel("Cited via").fill("The Nation");
    await firstForm.getByRole("button", { name: "Save claim" }).click();
    await outcome(first.page, "Claim saved.");

    await secondForm.getByLabel("Opposes", { exact: true }).check();
    await secondForm.getByLabel("Editor notes").fill("The court record says otherwise.");
    await secondForm.getByRole("button", { name: "Save claim" }).click();
    const notice = second.page.getByTestId("conflict-notice");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(`Saved by ${app.users.editor.name}`);
    await expect(notice.locator('tr[data-field="stance"]').innerText()).resolves.toMatch(/Stance\s+Supports\s+Opposes/);
    await expect(notice.locator('tr[data-field="citedVia"]').innerText()).resolves.toMatch(/Cited via\s+The Nation/);
    await saveScreenshot(second.page, "claim-conflict");

    // Nothing was overwritten, and nothing typed was lost.
    expect(await claim(target.id)).toMatchObject({ stance: "supports", citedVia: "The Nation", notes: null, version: target.version + 1 });
    await expect(secondForm.getByLabel("Editor notes").inputValue()).resolves.toBe("The court record says otherwise.");
    await expect(secondForm.getByLabel("Opposes", { exact: true }).isChecked()).resolves.toBe(true);

    await notice.getByRole("button", { name: "Reapply my changes on top of theirs" }).click();
    await expect(secondForm.getByLabel("Cited via").inputValue()).resolves.toBe("The Nation");
    await secondForm.getByRole("button", { name: "Save claim" }).click();
    await outcome(second.page, "Claim saved.");
    expect(await claim(target.id)).toMatchObject({
      stance: "opposes",
      citedVia: "The Nation",
      notes: "The court record says otherwise.",
      version: target.version + 2,
    });
    await first.context.close();
    await second.context.close();
  });

  test("a viewer sees every page but no edit controls, and the review keys change nothing", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer);
    const target = await app.database.prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE }, status: "unreviewed" }, orderBy: { id: "asc" } });

    await openReader(page, SOURCE, target.id);
    await expect(page.getByTestId("claim-facts").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("claim-editor").count()).resolves.toBe(0);
    await page.evaluate(() => {
      const run = document.querySelector<HTMLElement>('[data-testid="source-text"] span[data-start]')!;
      const range = document.createRange();
      range.selectNodeContents(run);
      document.getSelection()!.addRange(range);
    });
    await page.waitForTimeout(300);
    await expect(page.getByTestId("selection-bar").count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Details & history" }).count()).resolves.toBe(1);

    await page.goto("/claims");
    await expect(page.getByTestId("claims-table").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("bulk-bar").count()).resolves.toBe(0);
    await expect(page.getByTestId("claims-table").locator('input[type="checkbox"]').count()).resolves.toBe(0);

    await page.goto(`/claims/${target.id}`);
    await expect(page.getByTestId("claim-facts").isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Save claim" }).count()).resolves.toBe(0);

    await page.goto(`/review?at=${target.id}`);
    await page.locator('[data-testid="review-controls"][data-ready="true"]').waitFor();
    await expect(page.getByRole("button", { name: /Approve/ }).count()).resolves.toBe(0);
    await page.keyboard.press("a");
    await page.keyboard.press("1");
    await page.waitForTimeout(500);
    expect(await claim(target.id)).toMatchObject({ status: target.status, stance: target.stance, version: target.version });

    await page.goto(`/sources/${SOURCE}/details`);
    await expect(page.getByRole("button", { name: "Save source" }).count()).resolves.toBe(0);
    await expect(page.getByTestId("history-panel").isVisible()).resolves.toBe(true);
    const actor = await app.database.prisma.actor.findFirstOrThrow({ orderBy: { id: "asc" } });
    await page.goto(`/actors/${actor.id}`);
    await expect(page.getByRole("button", { name: /Merge/ }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Save actor" }).count()).resolves.toBe(0);
    await page.goto("/topics");
    await expect(page.getByRole("button", { name: "Create topic" }).count()).resolves.toBe(0);
    await saveScreenshot(page, "topics-viewer");
    await context.close();
  });

  test("screenshots of the main pages", async () => {
    const page = await editor();
    const actor = await app.database.prisma.actor.findFirstOrThrow({ where: { claims: { some: {} } }, orderBy: { id: "asc" } });
    const topic = await app.database.prisma.topic.findFirst({ orderBy: { id: "asc" } });
    const someClaim = await app.database.prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE } }, orderBy: { id: "asc" } });
    const pages: [string, string][] = [
      ["dashboard", "/"],
      ["sources", "/sources"],
      ["source-details", `/sources/${SOURCE}/details`],
      ["claims-table", "/claims"],
      ["claim-editor", `/claims/${someClaim.id}`],
      ["actors", "/actors"],
      ["actor", `/actors/${actor.id}`],
      ["topics", "/topics"],
      ...(topic ? ([["topic", `/topics/${topic.id}`]] as [string, string][]) : []),
    ];
    for (const [name, path] of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.locator("main h1").first().waitFor();
      await saveScreenshot(page, name);
    }
    await page.context().close();
  });
});
