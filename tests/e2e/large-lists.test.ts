// With more sources and speakers than a <select> can hold (a corpus of tens of thousands),
// the claims-table filters and the claim editor choose them by typing (lib/pickers,
// GET /api/options/<kind>). Against `next start` on the seed plus 600 synthetic sources
// and speakers, in Debian's Chromium.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, signIn, startApp, type RunningApp } from "./helpers";
import { PICKER_LIST_LIMIT } from "@/lib/pickers/queries";

describe("pickers for long lists", () => {
  let app: RunningApp;
  let browser: Browser;
  const EXTRA = PICKER_LIST_LIMIT + 100;

  beforeAll(async () => {
    app = await startApp();
    await app.database.prisma.$executeRawUnsafe(
      `INSERT INTO sources (slug, title, text, text_sha256, updated_at)
       SELECT 'extra-source-' || i, 'Extra source ' || i, 'x', repeat('0', 64), now() FROM generate_series(1, ${EXTRA}) i`,
    );
    await app.database.prisma.$executeRawUnsafe(
      `INSERT INTO actors (name, normalized_name, updated_at)
       SELECT 'Extra speaker ' || i, 'extra speaker ' || i, now() FROM generate_series(1, ${EXTRA}) i`,
    );
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("the claims table filters by a source and a speaker chosen by typing", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer);
    const target = await app.database.prisma.claim.findFirstOrThrow({
      where: { speakerId: { not: null } },
      orderBy: { id: "asc" },
      include: { source: true, speaker: true },
    });
    await page.goto("/claims");
    // No list of hundreds of options on the page: a search box instead.
    await expect(page.locator("#filter-source").evaluate((element) => element.tagName)).resolves.toBe("INPUT");
    expect(await page.locator("option").count()).toBeLessThan(PICKER_LIST_LIMIT);

    await page.locator("#filter-source").fill(target.source.title.slice(0, 20));
    await page.getByRole("option", { name: target.source.title }).click();
    await page.locator("#filter-speaker").fill(target.speaker!.name);
    await page.getByRole("option", { name: target.speaker!.name, exact: true }).click();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("source") === target.source.slug && url.searchParams.get("speaker") === String(target.speakerId));

    const expected = await app.database.prisma.claim.count({ where: { sourceId: target.sourceId, speakerId: target.speakerId } });
    await expect(page.getByTestId("claims-total").textContent()).resolves.toBe(String(expected));
    // The chosen entries stay in the boxes after the page reloads.
    await expect(page.locator("#filter-source").inputValue()).resolves.toBe(target.source.title);
    await expect(page.locator("#filter-speaker").inputValue()).resolves.toBe(target.speaker!.name);
    await page.context().close();
  });

  test("an editor sets a claim's speaker by typing part of the name", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor);
    const target = await app.database.prisma.claim.findFirstOrThrow({ where: { speakerId: null }, orderBy: { id: "asc" } });
    await page.goto(`/claims/${target.id}`);
    await page.locator('[data-testid="claim-editor"][data-ready="true"]').waitFor();
    await page.locator("#field-speakerId").fill("speaker 577");
    await page.getByRole("option", { name: "Extra speaker 577", exact: true }).click();
    await page.getByRole("button", { name: "Save claim" }).click();
    await page.getByTestId("form-outcome").filter({ hasText: "Claim saved." }).waitFor();
    const saved = await app.database.prisma.claim.findUniqueOrThrow({ where: { id: target.id }, include: { speaker: true } });
    expect(saved.speaker?.name).toBe("Extra speaker 577");
    await page.context().close();
  });
});
