// Discussion in the browser (issue 18, item 2), against `next start` on a freshly seeded database: an
// editor comments on a claim in the reader's claim panel, choosing a colleague from the @ suggestions;
// markup typed into the comment shows as text and runs nothing; the colleague finds the thread on the
// compare view of a contradiction the claim is part of, replies on the claim's page and resolves it.
// The mention reaches the colleague's inbox, and the reply the first editor's (issue 18, item 3).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { createUser, type TestUser } from "@/tests/helpers/users";

const SOURCE = "anti-pakistan-activities-of-mqm-in-the-us";
const MARKUP = `<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> javascript:alert(1)`;

describe("discussion in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let nadia: TestUser;
  let claimId: number;
  let contradictionId: number;

  beforeAll(async () => {
    app = await startApp();
    const prisma = app.database.prisma;
    nadia = await createUser(prisma, "editor", { email: "nadia@example.test" });
    await prisma.user.update({ where: { id: nadia.id }, data: { name: "Nadia Second" } });
    const [first, second] = await prisma.claim.findMany({
      where: { source: { slug: SOURCE } },
      orderBy: { startOffset: "asc" },
      take: 2,
      select: { id: true },
    });
    claimId = first!.id;
    contradictionId = (await prisma.contradiction.create({ data: { claimAId: claimId, claimBId: second!.id, detectedBy: "editor" } })).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("a comment with an @mention in the claim panel reaches the colleague on the compare view, who replies and resolves it", async () => {
    const editor = await newPage(browser, app.baseUrl);
    await signIn(editor.page, app.users.editor, `/sources/${SOURCE}?claim=${claimId}`);
    await editor.page.locator('[data-testid="source-text"][data-ready="true"]').waitFor();
    const panel = editor.page.getByTestId("discussion-claim");
    await panel.locator('form.comment-form[data-ready="true"]').waitFor();

    const box = panel.getByLabel("New comment (type @ to mention someone)");
    await box.click();
    await box.pressSequentially("Please check the figure @Nad");
    await editor.page.getByRole("option", { name: "Nadia Second (nadia@example.test)" }).waitFor();
    await box.press("Enter");
    await expect(box.inputValue()).resolves.toBe("Please check the figure @Nadia Second ");
    await box.fill(`Please check the figure @Nadia Second against https://example.org/report ${MARKUP}`);
    await panel.getByRole("button", { name: "Comment", exact: true }).click();

    const comment = panel.getByTestId("comment").filter({ hasText: "Please check the figure" });
    await comment.waitFor();
    await expect(comment.locator(".mention").textContent()).resolves.toBe("@Nadia Second");
    const link = comment.getByRole("link", { name: "https://example.org/report" });
    await expect(link.getAttribute("href")).resolves.toBe("https://example.org/report");
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer nofollow");
    // The markup is text: no element made from it, no handler run, no script link.
    await expect(comment.locator(".comment-body").textContent()).resolves.toContain(MARKUP);
    expect(await comment.locator("script, img, [onerror]").count()).toBe(0);
    expect(await comment.locator('a[href^="javascript:" i]').count()).toBe(0);
    await editor.page.reload();
    await panel.getByTestId("comment").first().waitFor();
    expect(await editor.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const stored = await app.database.prisma.comment.findFirstOrThrow({ include: { mentions: true } });
    expect(stored.mentions.map((mention) => mention.userId)).toEqual([nadia.id]);
    await saveScreenshot(editor.page, "discussion-claim-panel", { fullPage: false });

    // The mention reaches Nadia's inbox; it leads to the claim.
    const second = await newPage(browser, app.baseUrl);
    await signIn(second.page, nadia, "/");
    await second.page.getByRole("link", { name: "Inbox 1 unread" }).click();
    await second.page.waitForURL("**/inbox");
    const mention = second.page.locator('[data-testid=inbox-list] li[data-read="false"]');
    await expect(mention.textContent()).resolves.toContain("Please check the figure");
    await mention.getByRole("link", { name: "Test editor mentioned you" }).click();
    await second.page.waitForURL((url) => url.pathname === `/claims/${claimId}`);
    await second.page.getByTestId("discussion-claim").getByTestId("comment").filter({ hasText: "Please check the figure" }).waitFor();

    // She finds the thread beside the contradiction the claim is part of.
    await second.page.goto(`/contradictions/${contradictionId}`);
    const beside = second.page.getByRole("region", { name: `Discussion of claim A (#${claimId})` });
    await beside.getByTestId("comment").filter({ hasText: "Please check the figure" }).locator(".mention", { hasText: "@Nadia Second" }).waitFor();
    expect(await second.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // She replies on the claim's page and resolves the thread.
    await second.page.goto(`/claims/${claimId}`);
    const discussion = second.page.getByTestId("discussion-claim");
    await discussion.locator('form.comment-form[data-ready="true"]').waitFor();
    await discussion.getByRole("button", { name: "Reply", exact: true }).click();
    await discussion.getByLabel("Reply", { exact: true }).fill("Checked: page 4 gives a lower figure.");
    await discussion.getByRole("button", { name: "Reply", exact: true }).click();
    await discussion.getByTestId("comment").filter({ hasText: "Checked: page 4 gives a lower figure." }).waitFor();
    await discussion.getByRole("button", { name: "Resolve thread" }).click();
    await discussion.getByTestId("thread-resolved").filter({ hasText: "Resolved by Nadia Second" }).waitFor();
    await saveScreenshot(second.page, "discussion-claim-page");

    const violations = (await new AxeBuilder({ page: second.page }).include('[data-testid="discussion-claim"]').analyze()).violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(violations.map((violation) => violation.id)).toEqual([]);

    // The first editor is told of the reply, and sees it and the resolution.
    await editor.page.goto("/inbox");
    await editor.page
      .locator('[data-testid=inbox-list] li[data-read="false"]')
      .getByRole("link", { name: "Nadia Second replied in a discussion you are in" })
      .waitFor();
    await editor.page.goto(`/claims/${claimId}`);
    await editor.page.getByTestId("discussion-claim").getByTestId("thread-resolved").filter({ hasText: "Resolved by Nadia Second" }).waitFor();
    await editor.context.close();
    await second.context.close();
  });
});
