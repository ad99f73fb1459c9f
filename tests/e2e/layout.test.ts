// Every page at a desktop window (1400 px) and a phone (390 px): nothing wider than the window,
// no serious or critical accessibility violation (axe-core), and a screenshot of each in
// test-artifacts/screenshots. On the phone the menu folds behind a button and the reader's claim
// panel is a sheet over the bottom of the screen.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { detectContradictions } from "@/lib/contradictions/detect";
import type { Role } from "@/lib/auth/roles";

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 390, height: 844 };
const SOURCE = "diplomatic-involvement-immunity-in-karachi-killings";

/** What sticks out past the window's right edge, outside any element that scrolls sideways itself. */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element | null): boolean => {
      for (let node = element?.parentElement; node; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === "auto" || overflow === "scroll" || overflow === "hidden") return true;
      }
      return false;
    };
    const found: string[] = [];
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1 || scrolls(element)) continue;
      found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join(".")} right=${Math.round(box.right)}`);
      if (found.length >= 8) break;
    }
    return found;
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

describe("every page at desktop and phone width", () => {
  let app: RunningApp;
  let browser: Browser;
  const pages: { name: string; path: string; role: Role | null; status?: number }[] = [];

  beforeAll(async () => {
    app = await startApp();
    await detectContradictions(app.database.prisma);
    browser = await launchBrowser();
    const prisma = app.database.prisma;
    const claim = await prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE }, speakerId: { not: null } }, orderBy: { startOffset: "asc" } });
    const topic = await prisma.topic.create({ data: { slug: "karachi-violence", title: "Violence in Karachi" } });
    await prisma.claim.updateMany({ where: { source: { slug: SOURCE } }, data: { topicId: topic.id } });
    const contradiction = await prisma.contradiction.findFirstOrThrow({ orderBy: { score: "desc" } });
    await app.database.prisma.claim.update({ where: { id: contradiction.claimAId }, data: { status: "in_review" } });
    // A decision in the audit trail, so the dashboard draws its decisions chart (issue 18, item 8).
    await prisma.auditEvent.create({
      data: {
        userId: app.users.editor.id,
        entityType: "claim",
        entityId: String(claim.id),
        action: "review",
        before: { status: "unreviewed" },
        after: { status: "approved" },
      },
    });
    // Assigned work and a saved view, so the pages show them (issue 18).
    await prisma.source.update({ where: { slug: SOURCE }, data: { assigneeId: app.users.admin.id } });
    await prisma.contradiction.update({ where: { id: contradiction.id }, data: { assigneeId: app.users.admin.id } });
    // One read and one unread notification, so the inbox and the menu's count show both (issue 18, item 3).
    await prisma.notification.createMany({
      data: [
        {
          recipientId: app.users.admin.id,
          actorId: app.users.editor.id,
          kind: "assigned",
          entityType: "source",
          entityId: claim.sourceId,
          excerpt: "2 claims in “A source”",
        },
        {
          recipientId: app.users.admin.id,
          kind: "candidate",
          entityType: "contradiction",
          entityId: contradiction.id,
          excerpt: "A new candidate",
          readAt: new Date(),
        },
      ],
    });
    await prisma.savedView.create({
      data: { userId: app.users.admin.id, name: "Unreviewed, most check-worthy first", query: "?status=unreviewed&sort=worth", shared: true },
    });
    // A discussion on the claim and the pair, so their pages show threads with a mention, a link and an edit.
    for (const [entityType, entityId] of [
      ["claim", claim.id],
      ["contradiction", contradiction.id],
    ] as const) {
      const thread = await prisma.commentThread.create({ data: { entityType, entityId, createdById: app.users.admin.id } });
      const first = await prisma.comment.create({
        data: { threadId: thread.id, authorId: app.users.admin.id, body: "@editor see https://example.org/report", editedAt: new Date(), version: 2 },
      });
      await prisma.commentMention.create({ data: { commentId: first.id, userId: app.users.editor.id } });
      await prisma.commentEdit.create({ data: { commentId: first.id, body: "see the report" } });
      await prisma.comment.create({ data: { threadId: thread.id, authorId: app.users.editor.id, body: "Checked." } });
    }
    // An action undone and one that can still be (issue 18, item 4), for "My recent actions".
    const { bulkSetStatus } = await import("@/lib/claims/mutations");
    const { undoAction } = await import("@/lib/undo/mutations");
    const approved = await bulkSetStatus(prisma, { ids: [claim.id], status: "approved" }, app.users.admin);
    await undoAction(prisma, { actionId: approved.actionId! }, app.users.admin);
    await bulkSetStatus(prisma, { ids: [claim.id], status: "in_review" }, app.users.admin);
    // Propositions, so their list and a proposition's page (chain graphs, columns) are checked too (issue 21).
    const { groupPropositions } = await import("@/lib/propositions/group");
    await groupPropositions(prisma);
    const proposition = await prisma.proposition.findFirstOrThrow({ orderBy: { id: "asc" } });
    pages.push(
      { name: "dashboard", path: "/", role: "admin" },
      { name: "propositions", path: "/propositions", role: "admin" },
      { name: "proposition", path: `/propositions/${proposition.id}`, role: "admin" },
      { name: "sources", path: "/sources", role: "admin" },
      { name: "source-reader", path: `/sources/${SOURCE}`, role: "admin" },
      { name: "source-reader-claim", path: `/sources/${SOURCE}?claim=${claim.id}`, role: "admin" },
      { name: "source-details", path: `/sources/${SOURCE}/details`, role: "admin" },
      { name: "claims", path: "/claims", role: "admin" },
      { name: "claim", path: `/claims/${claim.id}`, role: "admin" },
      { name: "review", path: `/review?source=${SOURCE}`, role: "admin" },
      { name: "contradictions", path: "/contradictions", role: "admin" },
      { name: "contradiction", path: `/contradictions/${contradiction.id}`, role: "admin" },
      { name: "cluster", path: `/contradictions/cluster/${contradiction.claimAId}`, role: "admin" },
      { name: "actors", path: "/actors", role: "admin" },
      { name: "actor", path: `/actors/${claim.speakerId}`, role: "admin" },
      { name: "topics", path: "/topics", role: "admin" },
      { name: "topic", path: `/topics/${topic.id}`, role: "admin" },
      { name: "topic-compare", path: `/topics/${topic.id}/compare`, role: "admin" },
      { name: "import", path: "/import", role: "admin" },
      { name: "users", path: "/users", role: "admin" },
      { name: "audit", path: "/audit", role: "admin" },
      { name: "account", path: "/account", role: "admin" },
      { name: "my-work", path: "/my-work", role: "admin" },
      { name: "my-recent-actions", path: "/my-work/recent", role: "admin" },
      { name: "inbox", path: "/inbox", role: "admin" },
      { name: "notification-preferences", path: "/account/notifications", role: "admin" },
      { name: "not-found", path: "/no-such-page", role: "admin", status: 404 },
      { name: "forbidden", path: "/forbidden?role=admin", role: "viewer" },
      { name: "login", path: "/login", role: null },
    );
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function contextFor(role: Role | null, viewport: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ baseURL: app.baseUrl, viewport });
    if (role) await signIn(await context.newPage(), app.users[role]);
    return context;
  }

  for (const [label, viewport] of [
    ["desktop", DESKTOP],
    ["phone", PHONE],
  ] as const) {
    test(`at ${viewport.width} px every page fits the window and axe finds no serious violation`, { timeout: 600_000 }, async () => {
      const contexts = new Map<string, BrowserContext>();
      const problems: string[] = [];
      try {
        for (const entry of pages) {
          const key = String(entry.role);
          if (!contexts.has(key)) contexts.set(key, await contextFor(entry.role, viewport));
          const page = await contexts.get(key)!.newPage();
          const response = await page.goto(entry.path);
          expect(response?.status(), entry.path).toBe(entry.status ?? 200);
          if (entry.name.startsWith("source-reader")) await page.locator('[data-testid="source-text"][data-ready="true"]').waitFor();
          await page.waitForLoadState("networkidle");
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scrollWidth > viewport.width) problems.push(`${entry.path} is ${scrollWidth} px wide: ${(await overflowingElements(page)).join("; ")}`);
          for (const violation of await seriousViolations(page)) problems.push(`${entry.path}: ${violation}`);
          await saveScreenshot(page, `${entry.name}-${label}`);
          await page.close();
        }
      } finally {
        for (const context of contexts.values()) await context.close();
      }
      expect(problems).toEqual([]);
    });
  }

  test("on a phone the menu opens from one button and reaches every section and Sign out", async () => {
    const context = await contextFor("editor", PHONE);
    const page = await context.newPage();
    await page.goto("/");
    const review = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" });
    await expect(review.isVisible()).resolves.toBe(false);
    const toggle = page.getByRole("button", { name: "Menu" });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await toggle.click();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    for (const name of ["Review", "Contradictions", "Import"]) {
      const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
      await expect(link.isVisible(), name).resolves.toBe(true);
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    const signOut = page.getByRole("button", { name: "Sign out" });
    await expect(signOut.isVisible()).resolves.toBe(true);
    await saveScreenshot(page, "menu-open-phone");
    // Following a link closes the menu again.
    await review.click();
    await page.waitForURL("**/review");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    await context.close();
  });

  test("on a phone a tap on a highlight opens the claim as a sheet on screen, next to the highlight", async () => {
    const context = await contextFor("editor", PHONE);
    const page = await context.newPage();
    await page.goto(`/sources/${SOURCE}`);
    await page.locator('[data-testid="source-text"][data-ready="true"]').waitFor();
    const target = await app.database.prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE } }, orderBy: { startOffset: "desc" }, skip: 5 });
    const mark = page.locator(`mark[data-claim-id="${target.id}"]`).first();
    await mark.scrollIntoViewIfNeeded();
    await mark.click();
    await page.waitForURL((url) => url.searchParams.get("claim") === String(target.id));
    const panel = page.locator("#claim-panel");
    await panel.getByRole("heading", { name: `Claim #${target.id}` }).waitFor();
    const box = (await panel.boundingBox())!;
    // The sheet is within the screen, not below the whole text.
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(PHONE.height);
    expect(box.y + Math.min(box.height, 100)).toBeLessThanOrEqual(PHONE.height);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    // The highlight stays visible above the sheet.
    const markBox = (await mark.boundingBox())!;
    expect(markBox.y).toBeGreaterThanOrEqual(0);
    expect(markBox.y).toBeLessThan(box.y);
    await saveScreenshot(page, "reader-claim-sheet-phone");
    await saveScreenshot(page, "reader-claim-sheet-phone-viewport", { fullPage: false });
    await context.close();
  });
});
