// Reposts in the browser: a forum thread reposting a wire story (loaded as the seed loads documents,
// then checked as the import job checks them) shows "This document repeats … of …" on its page, with
// the passage; the wire story's page shows "Repeated by …"; an editor confirms it, a viewer sees the
// lines without the buttons, and the sources list marks the repost.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { ingestDocument } from "@/lib/ingest/ingest-document";
import { detectReuseFor } from "@/lib/reuse/detect";
import { FORUM_REPOST, WIRE_ORIGINAL, type ReuseTestDocument } from "@/tests/helpers/reuse-documents";

describe("reposts in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let share = 0;

  async function load(document: ReuseTestDocument): Promise<number> {
    const { text, ...metadata } = document;
    const summary = await ingestDocument(app.database.prisma, {
      metadata: { ...metadata, kind: "news", language: "en", notes: null },
      rawText: text,
      originFile: `${document.slug}.txt`,
      via: "seed",
    });
    await detectReuseFor(app.database.prisma, summary.sourceId);
    return summary.sourceId;
  }

  beforeAll(async () => {
    app = await startApp({ seed: false });
    await load(WIRE_ORIGINAL);
    const forum = await load(FORUM_REPOST);
    const row = await app.database.prisma.sourceReuse.findFirstOrThrow({ where: { sourceId: forum } });
    share = Math.round(row.share * 100);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function signedIn(role: "editor" | "viewer", path: string): Promise<Page> {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users[role], path);
    return page;
  }

  test("an editor sees what the forum thread repeats, opens the passage and confirms it", async () => {
    const page = await signedIn("editor", `/sources/${FORUM_REPOST.slug}`);
    await page.goto(`/sources/${FORUM_REPOST.slug}`);
    const line = page.getByTestId("reuse-repeats");
    await expect(line.textContent()).resolves.toContain(`This document repeats ${share} % of ${WIRE_ORIGINAL.title} (not named)`);
    await expect(line.getByTestId("reuse-status").textContent()).resolves.toBe("Proposed");
    await line.locator("summary").click();
    await expect(line.locator("mark.reuse-passage").first().textContent()).resolves.toMatch(/^Two men were sentenced to death/);
    await saveScreenshot(page, "source-repeats");

    await line.getByRole("button", { name: "Confirm" }).click();
    await line.getByTestId("reuse-status").filter({ hasText: "Confirmed" }).waitFor();
    await expect(line.getByRole("button", { name: "Confirm" }).count()).resolves.toBe(0);
    const audit = await app.database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "source_reuse" } });
    expect(audit).toMatchObject({ action: "confirm", userId: app.users.editor.id });

    await line.getByRole("link", { name: WIRE_ORIGINAL.title }).click();
    await page.waitForURL(`**/sources/${WIRE_ORIGINAL.slug}`);
    await expect(page.getByTestId("reuse-repeated-by").textContent()).resolves.toContain(`Repeated by ${FORUM_REPOST.title} (${share} %, not named there)`);
  });

  test("a viewer reads the lines but has no buttons, and the sources list marks the repost", async () => {
    const page = await signedIn("viewer", `/sources/${FORUM_REPOST.slug}`);
    await page.goto(`/sources/${FORUM_REPOST.slug}`);
    const line = page.getByTestId("reuse-repeats");
    await expect(line.textContent()).resolves.toContain(`This document repeats ${share} % of ${WIRE_ORIGINAL.title}`);
    await expect(line.getByRole("button").count()).resolves.toBe(0);

    await page.goto("/sources");
    const row = page.locator("tr", { hasText: FORUM_REPOST.title });
    await expect(row.getByTestId("repost-marker").count()).resolves.toBe(1);
    await expect(page.locator("tr", { hasText: WIRE_ORIGINAL.title }).getByTestId("repost-marker").count()).resolves.toBe(0);
  });
});
