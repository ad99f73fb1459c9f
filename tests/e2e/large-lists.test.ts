// With more sources and speakers than a <select> can hold (a corpus of tens of thousands),
// the claims-table filters, its bulk topic and the claim editor choose them by typing
// (lib/pickers, GET /api/options/<kind>). Against `next start` on the seed plus synthetic
// sources, speakers and topics past the list limit, in Debian's Chromium.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, signIn, startApp, type RunningApp } from "./helpers";
import { PICKER_LIST_LIMIT } from "@/lib/pickers/queries";
import { detectContradictions } from "@/lib/contradictions/detect";

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
    await app.database.prisma.$executeRawUnsafe(
      `INSERT INTO topics (slug, title, updated_at)
       SELECT 'extra-topic-' || i, 'Extra topic ' || i, now() FROM generate_series(1, ${EXTRA}) i`,
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

  test("an editor sets the topic of selected claims to one chosen by typing", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor);
    await page.goto("/claims");
    // Neither the topic filter nor the bulk bar sends every topic: both are search boxes.
    await expect(page.locator("#filter-topic").evaluate((element) => element.tagName)).resolves.toBe("INPUT");
    await expect(page.locator("#bulk-topic").evaluate((element) => element.tagName)).resolves.toBe("INPUT");
    await page.locator('[data-testid="bulk-bar"][data-ready="true"]').waitFor();
    const ids = (await page.locator("tr[data-claim-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-claim-id")))).slice(0, 2).map(Number);
    for (const id of ids) await page.getByLabel(`Select claim #${id}`, { exact: true }).check();
    const bar = page.getByTestId("bulk-bar");
    await bar.filter({ hasText: "2 selected" }).waitFor();
    await page.locator("#bulk-topic").fill("topic 142");
    await page.getByRole("option", { name: "Extra topic 142", exact: true }).click();
    await bar.getByRole("button", { name: "Set topic" }).click();
    await bar
      .getByRole("status")
      .filter({ hasText: /^Topic set on 2 claims/ })
      .waitFor();
    const topic = await app.database.prisma.topic.findUniqueOrThrow({ where: { slug: "extra-topic-142" } });
    const claims = await app.database.prisma.claim.findMany({ where: { id: { in: ids } } });
    expect(claims.map((claim) => claim.topicId)).toEqual([topic.id, topic.id]);
    await page.context().close();
  });

  test("an editor sets a claim's speaker and topic by typing part of their names; the form sends neither list", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor);
    const target = await app.database.prisma.claim.findFirstOrThrow({ where: { speakerId: null }, orderBy: { id: "asc" } });
    await page.goto(`/claims/${target.id}`);
    await page.locator('[data-testid="claim-editor"][data-ready="true"]').waitFor();
    await expect(page.locator("#field-topicId").evaluate((element) => element.tagName)).resolves.toBe("INPUT");
    await expect(page.content()).resolves.not.toContain("Extra topic 150");
    await page.locator("#field-speakerId").fill("speaker 177");
    await page.getByRole("option", { name: "Extra speaker 177", exact: true }).click();
    await page.locator("#field-topicId").fill("topic 163");
    await page.getByRole("option", { name: "Extra topic 163", exact: true }).click();
    await page.getByRole("button", { name: "Save claim" }).click();
    await page.getByTestId("form-outcome").filter({ hasText: "Claim saved." }).waitFor();
    const saved = await app.database.prisma.claim.findUniqueOrThrow({ where: { id: target.id }, include: { speaker: true, topic: true } });
    expect(saved.speaker?.name).toBe("Extra speaker 177");
    expect(saved.topic?.title).toBe("Extra topic 163");
    await page.context().close();
  });

  test("the contradictions list filters by a source and a speaker chosen by typing", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer);
    await detectContradictions(app.database.prisma);
    const pair = await app.database.prisma.contradiction.findFirstOrThrow({
      where: { claimA: { speakerId: { not: null } } },
      orderBy: { score: "desc" },
      include: { claimA: { include: { source: true, speaker: true } } },
    });
    const { source, speaker } = pair.claimA;
    await page.goto("/contradictions?status=all");
    await expect(page.locator("#filter-source").evaluate((element) => element.tagName)).resolves.toBe("INPUT");
    expect(await page.locator("option").count()).toBeLessThan(PICKER_LIST_LIMIT);
    await page.locator("#filter-source").fill(source.title.slice(0, 20));
    await page.getByRole("option", { name: source.title }).click();
    await page.locator("#filter-actor").fill(speaker!.name);
    await page.getByRole("option", { name: speaker!.name, exact: true }).click();
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("source") === source.slug && url.searchParams.get("actor") === String(speaker!.id));
    const expected = await app.database.prisma.contradiction.count({
      where: {
        AND: [
          { OR: [{ claimA: { sourceId: source.id } }, { claimB: { sourceId: source.id } }] },
          { OR: [{ claimA: { speakerId: speaker!.id } }, { claimB: { speakerId: speaker!.id } }] },
        ],
      },
    });
    expect(expected).toBeGreaterThan(0);
    await expect(
      page
        .locator(`a[href^="/contradictions/"]`)
        .filter({ hasText: /^Compare/ })
        .count(),
    ).resolves.toBe(expected);
    await page.context().close();
  });

  test("the sources list pages through every source and finds one by its title", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer);
    const total = await app.database.prisma.source.count();
    const pages = Math.ceil(total / 50);
    await page.goto("/sources");
    await expect(page.getByTestId("sources-summary").textContent()).resolves.toContain(`${total.toLocaleString("en")} sources`);
    await expect(page.getByTestId("claim-count").count()).resolves.toBe(50);
    await expect(page.getByRole("navigation", { name: "Pages" }).textContent()).resolves.toContain(`Page 1 of ${pages}`);
    await page.getByRole("link", { name: "Next →" }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    await expect(page.getByRole("navigation", { name: "Pages" }).textContent()).resolves.toContain(`Page 2 of ${pages}`);

    const seeded = await app.database.prisma.source.findFirstOrThrow({
      where: { NOT: { slug: { startsWith: "extra-source-" } } },
      include: { _count: { select: { claims: true } } },
    });
    await page.getByLabel("Title, publisher or author contains").fill(seeded.title.slice(0, 25));
    await page.getByRole("button", { name: "Find" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === seeded.title.slice(0, 25));
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: seeded.title, exact: true }) });
    await expect(row.getByTestId("claim-count").textContent()).resolves.toBe(String(seeded._count.claims));
    await page.context().close();
  });

  test("the dashboard shows the sources worked on last and links to all of them", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer);
    const edited = await app.database.prisma.claim.findFirstOrThrow({ orderBy: { id: "desc" }, include: { source: true } });
    await app.database.prisma.claim.update({ where: { id: edited.id }, data: { status: "in_review" } });
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Recently active sources" }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("sources-shown").textContent()).resolves.toContain(
      `10 of ${(await app.database.prisma.source.count()).toLocaleString("en")} sources`,
    );
    const rows = page.locator(".progress-table tbody tr");
    await expect(rows.count()).resolves.toBe(10);
    await expect(rows.first().getByRole("rowheader").textContent()).resolves.toBe(edited.source.title);
    await page.getByRole("link", { name: "All sources" }).click();
    await page.waitForURL((url) => url.pathname === "/sources");
    await page.context().close();
  });

  test("an editor merges a duplicate speaker chosen by typing its name", async () => {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor);
    const kept = await app.database.prisma.actor.findFirstOrThrow({ where: { name: "Extra speaker 11" } });
    const duplicate = await app.database.prisma.actor.findFirstOrThrow({ where: { name: "Extra speaker 12" } });
    await page.goto(`/actors/${kept.id}`);
    await page.locator("#field-mergedId").fill("speaker 12");
    await page.getByRole("option", { name: "Extra speaker 12", exact: true }).click();
    await expect(page.getByText("All claims of Extra speaker 12 will be attributed to Extra speaker 11").isVisible()).resolves.toBe(true);
    await page.getByRole("button", { name: "Merge into this actor" }).click();
    await page.getByText("Merged: 0 claims moved to Extra speaker 11.").waitFor();
    await expect(app.database.prisma.actor.findUnique({ where: { id: duplicate.id } })).resolves.toBeNull();
    await expect(app.database.prisma.actor.findUniqueOrThrow({ where: { id: kept.id } })).resolves.toMatchObject({ aliases: ["Extra speaker 12"] });
    await page.context().close();
  });
});
