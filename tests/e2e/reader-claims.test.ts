// Marking and correcting claims in the reader (issue 17, item 2), against `next start` on a freshly
// seeded database: a mouse drag near the top of a source selects exactly the dragged words while the
// "New claim" bar floats without moving the text; the claim's ends move by a word; a withdrawn claim
// leaves the highlights, the claims table and the export, stays in its history, and is restored.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";

const SOURCE = "mqm-declared-terrorist-organization-canadian-court";
const PHRASE = "handing the politicians a booklet";

describe("claims in the reader", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let createdId = 0;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    ({ page } = await newPage(browser, app.baseUrl));
    await page.setViewportSize({ width: 1400, height: 900 });
    await signIn(page, app.users.editor);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const source = () => app.database.prisma.source.findUniqueOrThrow({ where: { slug: SOURCE } });
  const claim = (id: number) => app.database.prisma.claim.findUniqueOrThrow({ where: { id } });

  async function openReader(claimId?: number): Promise<void> {
    await page.goto(`/sources/${SOURCE}${claimId ? `?claim=${claimId}` : ""}`);
    await page.locator('[data-testid="source-text"][data-ready="true"]').waitFor();
  }

  /** The phrase's first and last line boxes on screen, from its offsets in the text. */
  async function phraseBoxes(start: number, end: number) {
    return page.evaluate(
      ({ start, end }) => {
        const container = document.querySelector<HTMLElement>('[data-testid="source-text"]')!;
        const point = (offset: number): [Node, number] => {
          const runs = [...container.querySelectorAll<HTMLElement>("[data-start]")];
          const run = runs.filter((element) => Number(element.dataset.start) <= offset).pop()!;
          return [run.firstChild!, offset - Number(run.dataset.start)];
        };
        const range = document.createRange();
        range.setStart(...point(start));
        range.setEnd(...point(end));
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        const box = (rect: DOMRect) => ({ left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom });
        return { first: box(rects[0]!), last: box(rects[rects.length - 1]!), scrollY: window.scrollY };
      },
      { start, end },
    );
  }

  test("a mouse drag near the top selects exactly the dragged words; the New claim bar floats and never moves the text", async () => {
    await openReader();
    const { text } = await source();
    const start = text.indexOf(PHRASE);
    expect(start).toBeGreaterThan(0);
    // The third paragraph, near the top of the source.
    expect(text.slice(0, start).split(/\n\s*\n/).length).toBeLessThanOrEqual(5);
    const end = start + PHRASE.length;
    await page.evaluate((offset) => {
      const runs = [...document.querySelectorAll<HTMLElement>('[data-testid="source-text"] [data-start]')];
      runs
        .filter((element) => Number(element.dataset.start) <= offset)
        .pop()!
        .scrollIntoView({ block: "center" });
    }, start);

    const before = await phraseBoxes(start, end);
    const y = (before.first.top + before.first.bottom) / 2;
    await page.mouse.move(before.first.left + 1, y);
    await page.mouse.down();
    // The first movement used to bring up the bar above the text and push it ~115 px down.
    await page.mouse.move(before.first.left + 12, y);
    const during = await phraseBoxes(start, end);
    expect(during.first.top).toBe(before.first.top);
    await expect(page.getByTestId("selection-bar").count()).resolves.toBe(0);
    await page.mouse.move(before.last.right - 1, (before.last.top + before.last.bottom) / 2, { steps: 8 });
    await page.mouse.up();

    const bar = page.getByTestId("selection-bar");
    await bar.waitFor();
    const after = await phraseBoxes(start, end);
    expect(after.first.top).toBe(before.first.top);
    expect(after.scrollY).toBe(before.scrollY);
    await expect(bar.evaluate((element) => getComputedStyle(element).position)).resolves.toBe("absolute");
    // The bar sits under the selection, not over it.
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y).toBeGreaterThanOrEqual(after.last.bottom);
    await expect(bar.locator("q").textContent()).resolves.toBe(PHRASE);
    await expect(bar.textContent()).resolves.toContain(`(${start}–${end})`);
    await saveScreenshot(page, "reader-selection-floating-bar");

    await bar.getByRole("button", { name: "Create claim" }).click();
    await page.waitForURL((url) => url.searchParams.has("claim"));
    createdId = Number(new URL(page.url()).searchParams.get("claim"));
    expect(await claim(createdId)).toMatchObject({ quote: PHRASE, startOffset: start, endOffset: end, origin: "editor" });
  });

  test("an editor extends and shrinks the claim by a word: quote, offsets and highlight follow, and the history shows it", async () => {
    expect(createdId).toBeGreaterThan(0);
    await openReader(createdId);
    const { text } = await source();
    const panel = page.getByTestId("claim-anchor");
    const highlight = async () => (await page.locator(`mark[data-claim-id="${createdId}"]`).allTextContents()).join("");

    await panel.getByRole("button", { name: "Extend end by a word" }).click();
    await page
      .getByTestId("anchor-outcome")
      .filter({ hasText: `Now “${PHRASE} listing”` })
      .waitFor();
    let stored = await claim(createdId);
    expect(stored.quote).toBe(`${PHRASE} listing`);
    expect(text.slice(stored.startOffset, stored.endOffset)).toBe(stored.quote);
    await page.waitForFunction(
      ({ id, quote }) => [...document.querySelectorAll(`mark[data-claim-id="${id}"]`)].map((mark) => mark.textContent).join("") === quote,
      { id: createdId, quote: stored.quote },
    );
    await expect(page.getByTestId("quote-in-context").locator("mark").textContent()).resolves.toBe(stored.quote);

    await panel.getByRole("button", { name: "Shrink start by a word" }).click();
    await page.getByTestId("anchor-outcome").filter({ hasText: "Now “the politicians a booklet listing”" }).waitFor();
    stored = await claim(createdId);
    expect(stored.quote).toBe("the politicians a booklet listing");
    expect(text.slice(stored.startOffset, stored.endOffset)).toBe(stored.quote);
    expect(stored.prefix).toBe(text.slice(stored.startOffset - 32, stored.startOffset));
    await page.waitForFunction((id) => document.querySelector(`mark[data-claim-id="${id}"]`)?.textContent?.startsWith("the politicians"), createdId);
    expect(await highlight()).toBe(stored.quote);

    const history = page.getByTestId("history-panel");
    await history.getByTestId("history-event").filter({ hasText: "adjust boundary" }).first().waitFor();
    await expect(history.getByTestId("history-event").filter({ hasText: "adjust boundary" }).count()).resolves.toBe(2);
    await saveScreenshot(page, "reader-claim-boundaries");
  });

  test("a withdrawn claim leaves the highlights, the claims table and the export, stays in its history, and an editor restores it", async () => {
    await openReader(createdId);
    const panel = page.getByTestId("claim-anchor");
    const exported = async () => {
      const response = await page.request.get(`/api/export/claims?source=${SOURCE}`);
      expect(response.status()).toBe(200);
      return (parse(await response.text(), { columns: true }) as { id: string }[]).map((row) => Number(row.id));
    };
    expect(await exported()).toContain(createdId);
    const tableTotal = async () => {
      await page.goto(`/claims?source=${SOURCE}&origin=editor`);
      return Number(await page.getByTestId("claims-total").textContent());
    };
    const total = await tableTotal();
    await expect(page.locator(`tr[data-claim-id="${createdId}"]`).count()).resolves.toBe(1);
    await openReader(createdId);

    await panel.getByRole("button", { name: "Withdraw claim" }).click();
    await page.getByTestId("withdrawn-notice").waitFor();
    await expect(page.getByTestId("withdrawn-notice").textContent()).resolves.toContain(`Withdrawn by ${app.users.editor.name}`);
    await page.waitForFunction((id) => document.querySelectorAll(`mark[data-claim-id="${id}"]`).length === 0, createdId);
    await expect(page.getByTestId("withdrawn-claims").textContent()).resolves.toContain(`#${createdId}`);
    await expect(page.getByTestId("history-panel").getByTestId("history-event").first().textContent()).resolves.toMatch(/^withdraw by editor@example\.test/);
    expect((await claim(createdId)).withdrawnAt).not.toBeNull();
    await saveScreenshot(page, "reader-claim-withdrawn");

    expect(await exported()).not.toContain(createdId);
    expect(await tableTotal()).toBe(total - 1);
    await expect(page.locator(`tr[data-claim-id="${createdId}"]`).count()).resolves.toBe(0);

    // Restored from the reader's list of withdrawn claims.
    await openReader();
    await page
      .getByTestId("withdrawn-claims")
      .getByRole("link", { name: `#${createdId}` })
      .click();
    await page.waitForURL((url) => url.searchParams.get("claim") === String(createdId));
    await page.getByTestId("claim-anchor").getByRole("button", { name: "Restore claim" }).click();
    await page.getByTestId("anchor-outcome").filter({ hasText: "Claim restored." }).waitFor();
    await page.locator(`mark[data-claim-id="${createdId}"]`).first().waitFor();
    await expect(page.getByTestId("withdrawn-claims").count()).resolves.toBe(0);
    expect((await claim(createdId)).withdrawnAt).toBeNull();
    expect(await exported()).toContain(createdId);
    expect(await tableTotal()).toBe(total);
    await expect(page.locator(`tr[data-claim-id="${createdId}"]`).count()).resolves.toBe(1);
  });
});
