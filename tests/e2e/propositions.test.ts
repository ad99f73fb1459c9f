// Propositions in the browser, against `next start` on a freshly seeded database after detection and
// grouping: an editor finds a proposition from the menu, reads its supporting and opposing claims side by
// side with each claim's chain graph, splits a claim off and follows it to its new proposition; a stale
// relabel is refused with the server's message; a viewer reads the same page without any control.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { detectContradictions } from "@/lib/contradictions/detect";
import { groupPropositions } from "@/lib/propositions/group";
import { listPropositions } from "@/lib/propositions/queries";

describe("propositions in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let target: { id: number; label: string; members: number };

  beforeAll(async () => {
    app = await startApp();
    await detectContradictions(app.database.prisma);
    await groupPropositions(app.database.prisma);
    const { rows } = await listPropositions({}, { prisma: app.database.prisma, pageSize: 1000 });
    // One that something opposes, with a claim to spare for the split.
    const found = rows.find((row) => row.opposing > 0 && row.members >= 2);
    expect(found, "the seed gives a proposition with opposing claims").toBeDefined();
    target = found!;
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

  test("an editor reads a proposition side by side with its chains, and splits a claim off into a proposition of its own", async () => {
    const page = await signedIn("editor", "/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Propositions" }).click();
    await page.waitForURL("**/propositions");
    const row = page.locator(`tr[data-proposition-id="${target.id}"]`);
    await row.getByRole("link", { name: target.label }).click();
    await page.waitForURL(`**/propositions/${target.id}`);

    const supporting = page.getByTestId("supporting-column");
    const opposing = page.getByTestId("opposing-column");
    await expect(supporting.getByTestId("member").count()).resolves.toBe(target.members);
    await expect(opposing.getByTestId("opposing-claim").count()).resolves.toBeGreaterThan(0);
    // The columns stand side by side on a desktop window.
    const [left, right] = [await supporting.boundingBox(), await opposing.boundingBox()];
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    // Every member carries its chain graph, drawn and described for screen readers.
    const graphs = supporting.locator('[data-testid="chain-graph"] svg[role="img"]');
    await expect(graphs.count()).resolves.toBe(target.members);
    await expect(graphs.first().getAttribute("aria-label")).resolves.toMatch(/^Provenance chain: source .+ \([A-F]\)/);
    await expect(supporting.getByTestId("chain-node").count()).resolves.toBeGreaterThanOrEqual(target.members);
    await expect(page.getByTestId("independent-origins").textContent()).resolves.toMatch(/^\d+ independent origins?$/);
    await saveScreenshot(page, "proposition");

    const last = supporting.getByTestId("member").last();
    const claimId = Number(await last.getAttribute("data-claim-id"));
    await last.getByLabel(`Split off #${claimId}`).check();
    await page.getByRole("button", { name: "Split ticked claims off" }).click();
    const notice = page.getByTestId("proposition-notice");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/^Split off into proposition #\d+\.$/);
    // The page refreshes without the claim.
    await expect.poll(() => supporting.getByTestId("member").count()).toBe(target.members - 1);

    await notice.getByRole("link").click();
    await page.waitForURL((url) => /^\/propositions\/\d+$/.test(url.pathname) && url.pathname !== `/propositions/${target.id}`);
    const newId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(newId).not.toBe(target.id);
    await expect(
      page
        .getByTestId("supporting-column")
        .getByTestId("member")
        .evaluateAll((cards) => cards.map((card) => Number(card.getAttribute("data-claim-id")))),
    ).resolves.toEqual([claimId]);
    const member = await app.database.prisma.propositionMember.findUniqueOrThrow({ where: { claimId } });
    expect(member).toMatchObject({ propositionId: newId, placement: "editor" });
  });

  test("a relabel from a page someone else has since changed is refused with the server's message, and nothing changes", async () => {
    const page = await signedIn("editor", `/propositions/${target.id}`);
    const before = await app.database.prisma.proposition.findUniqueOrThrow({ where: { id: target.id } });
    // Another editor saves first.
    await app.database.prisma.proposition.update({ where: { id: target.id }, data: { label: "Someone else's label", version: { increment: 1 } } });
    await page.getByLabel("Label", { exact: true }).fill("My label");
    await page.getByRole("button", { name: "Relabel" }).click();
    const error = page.getByTestId("proposition-error");
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("Someone else changed this proposition");
    await expect(app.database.prisma.proposition.findUniqueOrThrow({ where: { id: target.id } })).resolves.toMatchObject({
      label: "Someone else's label",
      version: before.version + 1,
    });
  });

  test("a viewer reads the proposition, its chains and its opposing claims, with no control", async () => {
    // The split may have taken the opposed claim along: read whichever proposition something opposes now.
    const { rows } = await listPropositions({}, { prisma: app.database.prisma, pageSize: 1000 });
    const opposed = rows.find((row) => row.opposing > 0)!;
    const page = await signedIn("viewer", `/propositions/${opposed.id}`);
    await page.getByTestId("supporting-column").waitFor();
    await expect(page.locator('[data-testid="chain-graph"] svg[role="img"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId("opposing-column").getByTestId("opposing-claim").count()).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId("proposition-controls").count()).resolves.toBe(0);
    await expect(
      page
        .getByRole("button")
        .filter({ hasText: /Confirm|Relabel|Split|Merge/ })
        .count(),
    ).resolves.toBe(0);
    await expect(page.locator('input[name="claimIds"]').count()).resolves.toBe(0);
    await expect(page.textContent("body")).resolves.toContain("Viewers can read propositions");
  });
});
