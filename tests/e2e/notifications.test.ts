// Notifications in the browser (issue 18, item 3), against `next start` on a freshly seeded database:
// an editor assigns claims to another; she signs in, sees the unread count in the menu, opens the inbox,
// follows the notification to the source and the count is gone; then turns that kind off. The inbox
// and the preferences page pass axe.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { createUser, type TestUser } from "@/tests/helpers/users";

const SOURCE = "anti-pakistan-activities-of-mqm-in-the-us";

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id);
}

describe("notifications in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let nadia: TestUser;

  beforeAll(async () => {
    app = await startApp();
    nadia = await createUser(app.database.prisma, "editor", { email: "nadia@example.test", name: "Nadia Second" });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("claims assigned to an editor show in her menu's unread count; the inbox link leads to them and the count drops", async () => {
    const prisma = app.database.prisma;
    const source = await prisma.source.findUniqueOrThrow({ where: { slug: SOURCE }, select: { title: true } });
    const editor = await newPage(browser, app.baseUrl);
    await signIn(editor.page, app.users.editor, `/claims?source=${SOURCE}&status=unreviewed`);
    const assign = editor.page.locator('[data-testid="assign-claims"][data-ready="true"]');
    await assign.waitFor();
    const ids = await editor.page
      .locator("[data-testid=claims-table] tbody tr")
      .evaluateAll((rows) => rows.slice(0, 2).map((row) => Number(row.getAttribute("data-claim-id"))));
    expect(ids).toHaveLength(2);
    for (const id of ids) await editor.page.getByLabel(`Select claim #${id}`, { exact: true }).check();
    await assign.getByLabel("Assign to").selectOption({ label: "Nadia Second" });
    await assign.getByRole("button", { name: "Assign 2 selected" }).click();
    await assign.getByRole("status").filter({ hasText: "2 claims assigned to Nadia Second." }).waitFor();
    // The assigner's own menu shows nothing new.
    await editor.page.reload();
    await expect(editor.page.getByTestId("unread-count").count()).resolves.toBe(0);
    await editor.context.close();

    const second = await newPage(browser, app.baseUrl);
    await signIn(second.page, nadia, "/");
    const inboxLink = second.page.getByRole("link", { name: "Inbox 1 unread" });
    await inboxLink.waitFor();
    await saveScreenshot(second.page, "menu-unread-count", { fullPage: false });
    await inboxLink.click();
    await second.page.waitForURL("**/inbox");
    const item = second.page.locator('[data-testid=inbox-list] li[data-read="false"]');
    await expect(item.count()).resolves.toBe(1);
    await expect(item.textContent()).resolves.toContain(`2 claims in “${source.title}”`);
    await expect(second.page.getByTestId("inbox-summary").textContent()).resolves.toBe("1 unread.");
    expect(await seriousViolations(second.page)).toEqual([]);
    await saveScreenshot(second.page, "inbox");

    await item.getByRole("link", { name: "Test editor assigned you work" }).click();
    await second.page.waitForURL((url) => url.pathname === `/sources/${SOURCE}`);
    await second.page.getByTestId("inbox-link").waitFor();
    await expect(second.page.getByTestId("unread-count").count()).resolves.toBe(0);
    await expect(second.page.getByTestId("inbox-link").textContent()).resolves.toBe("Inbox");

    // Read now, still listed.
    await second.page.goto("/inbox");
    await second.page.locator('[data-testid=inbox-list] li[data-read="true"]').waitFor();
    await expect(second.page.getByTestId("inbox-summary").textContent()).resolves.toBe("Nothing unread.");

    // She turns assignments off: the next one does not reach her.
    await second.page.getByRole("link", { name: "Choose what you are notified about" }).click();
    await second.page.waitForURL("**/account/notifications");
    const form = second.page.locator('[data-testid="notification-preferences"][data-ready="true"]');
    await form.waitFor();
    expect(await seriousViolations(second.page)).toEqual([]);
    await form.getByLabel("Assigned work").uncheck();
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await saveScreenshot(second.page, "notification-preferences");
    expect(await prisma.notificationOptOut.findMany({ where: { userId: nadia.id }, select: { kind: true } })).toEqual([{ kind: "assigned" }]);
    await second.page.reload();
    await expect(second.page.getByLabel("Assigned work").isChecked()).resolves.toBe(false);
    await second.context.close();
  });

  test("Mark all read clears the count", async () => {
    const prisma = app.database.prisma;
    const claim = await prisma.claim.findFirstOrThrow({ where: { source: { slug: SOURCE } }, select: { id: true } });
    await prisma.notification.createMany({
      data: ["First", "Second"].map((excerpt) => ({ recipientId: app.users.viewer.id, kind: "mentioned", entityType: "claim", entityId: claim.id, excerpt })),
    });
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer, "/inbox");
    await page.getByRole("link", { name: "Inbox 2 unread" }).waitFor();
    await page.locator('[data-testid="mark-all-read"][data-ready="true"]').getByRole("button", { name: "Mark all read" }).click();
    await page.getByRole("status").filter({ hasText: "2 notifications marked read." }).waitFor();
    await page.getByRole("link", { name: "Inbox", exact: true }).waitFor();
    await expect(page.getByTestId("unread-count").count()).resolves.toBe(0);
    await context.close();
  });
});
