// Contradictions in the browser, against `next start` on a freshly seeded database after
// detection: the candidates list shows real conflicts with their explanations, an editor
// confirms one side by side with a rationale and a preferred claim and finds it in the CSV
// export, a second editor's stale review is refused with the first decision, an editor links two
// claims by hand, and a viewer can read but not review.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, startApp, type RunningApp } from "./helpers";
import { detectContradictions } from "@/lib/contradictions/detect";

describe("contradictions in the browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    const report = await detectContradictions(app.database.prisma);
    expect(report.created).toBeGreaterThan(10);
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

  test("an editor confirms a conflict side by side and finds it, with the rationale, in the CSV export", async () => {
    const page = await signedIn("editor", "/contradictions");
    await page.goto("/contradictions");
    const row = page.locator("tr[data-contradiction-id]", { hasText: "We were the victims of the riots" });
    await expect(row.getByTestId("explanation").textContent()).resolves.toBe(
      "Syed Safdar Ali Baqri rejects what Kevin Lynch says (“disputes”), right after it.",
    );
    await saveScreenshot(page, "contradictions-list");
    const id = Number(await row.getAttribute("data-contradiction-id"));

    await row.getByRole("link", { name: "Compare" }).click();
    await page.waitForURL(`**/contradictions/${id}`);
    const columns = page.getByTestId("compare-column");
    await expect(columns.count()).resolves.toBe(2);
    // Each quote is highlighted inside its paragraph, with its source and speaker.
    await expect(columns.nth(0).locator("mark").textContent()).resolves.toContain("MQM was the main player in the ethnic riots of 1986-87");
    await expect(columns.nth(1).locator("mark").textContent()).resolves.toContain("We were the victims of the riots");
    await expect(columns.nth(1).textContent()).resolves.toContain("Syed Safdar Ali Baqri");
    await expect(columns.nth(0).textContent()).resolves.toContain("Reliability");

    const form = page.getByTestId("review-form");
    await form.getByLabel("Confirm: they conflict").check();
    // Saving without a rationale is refused with a message next to the field.
    await form.getByRole("button", { name: "Save review" }).click();
    await expect(form.getByRole("alert").first().textContent()).resolves.toMatch(/need attention|conflict/);
    await form.getByLabel("Rationale").fill("Baqri answers the memo's claim about the 1986-87 riots directly.");
    await form.getByLabel("Claim A is preferred").check();
    await form.getByLabel("Why is it preferred?").fill("A government memo based on research, against a party official's denial.");
    await form.getByRole("button", { name: "Save review" }).click();
    await page.getByTestId("contradiction-status").filter({ hasText: "Confirmed" }).waitFor();
    await expect(page.getByTestId("contradiction-summary").textContent()).resolves.toContain("Baqri answers the memo's claim");
    await expect(columns.nth(0).textContent()).resolves.toContain("Preferred");
    await saveScreenshot(page, "contradiction-compare");

    const stored = await app.database.prisma.contradiction.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "confirmed", preferredClaimId: stored.claimAId, version: 2 });
    const audit = await app.database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "contradiction", entityId: String(id) } });
    expect(audit).toMatchObject({ action: "confirm", userId: app.users.editor.id });

    // The export a user downloads from the list holds the decision.
    const response = await page.request.get("/api/export/contradictions?status=confirmed");
    expect(response.status()).toBe(200);
    const records = parse(await response.text(), { columns: true }) as Record<string, string>[];
    const exported = records.find((record) => Number(record.id) === id);
    expect(exported).toMatchObject({
      status: "confirmed",
      rationale: "Baqri answers the memo's claim about the 1986-87 riots directly.",
      preferred_claim_id: String(stored.claimAId),
      kind: "dispute",
    });
    expect(exported!.claim_b_quote).toContain("We were the victims of the riots");
    await page.context().close();
  });

  test("two editors review the same pair: the second is shown who decided what first, and keeps their own decision", async () => {
    const prisma = app.database.prisma;
    const pair = await prisma.contradiction.findFirstOrThrow({ where: { status: "candidate" }, orderBy: { score: "desc" } });
    const first = await newPage(browser, app.baseUrl);
    const second = await newPage(browser, app.baseUrl);
    await signIn(first.page, app.users.editor, `/contradictions/${pair.id}`);
    await signIn(second.page, app.users.admin, `/contradictions/${pair.id}`);
    for (const { page } of [first, second]) await page.goto(`/contradictions/${pair.id}`);

    const firstForm = first.page.getByTestId("review-form");
    await firstForm.getByLabel("Confirm: they conflict").check();
    await firstForm.getByLabel("Rationale").fill("Same event, opposite accounts.");
    await firstForm.getByRole("button", { name: "Save review" }).click();
    await first.page.getByTestId("contradiction-status").filter({ hasText: "Confirmed" }).waitFor();

    const secondForm = second.page.getByTestId("review-form");
    await secondForm.getByLabel("Dismiss: not a contradiction").check();
    await secondForm.getByLabel("Rationale").fill("Two different events.");
    await secondForm.getByRole("button", { name: "Save review" }).click();
    const notice = second.page.getByTestId("conflict-notice");
    await notice.waitFor();
    await expect(notice.getByRole("heading").textContent()).resolves.toBe("Someone else reviewed this pair first");
    await expect(notice.textContent()).resolves.toMatch(
      /^Someone else reviewed this pair firstSaved by Test editor at \d{4}-\d\d-\d\d \d\d:\d\d UTC: Confirmed — “Same event, opposite accounts\.”; preferred: neither\./,
    );
    await expect(second.page.getByTestId("form-outcome").textContent()).resolves.toBe(
      "Someone else reviewed this pair after you opened it. Their decision is shown; yours was not saved.",
    );
    await expect(secondForm.getByLabel("Rationale").inputValue()).resolves.toBe("Two different events.");
    expect(await prisma.contradiction.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({
      status: "confirmed",
      rationale: "Same event, opposite accounts.",
      version: pair.version + 1,
    });

    // "Load their version" starts the form again from the stored decision.
    await notice.getByRole("button", { name: "Load their version" }).click();
    await notice.waitFor({ state: "detached" });
    await expect(secondForm.getByLabel("Rationale").inputValue()).resolves.toBe("Same event, opposite accounts.");
    await first.context.close();
    await second.context.close();
  });

  test("an undecided candidate opens with no decision taken: saving a note leaves it a candidate", async () => {
    const prisma = app.database.prisma;
    const pair = await prisma.contradiction.findFirstOrThrow({ where: { status: "candidate" }, orderBy: [{ score: "asc" }, { id: "asc" }] });
    const page = await signedIn("editor", `/contradictions/${pair.id}`);
    const form = page.getByTestId("review-form");
    await expect(form.getByLabel("Leave as a candidate").isChecked()).resolves.toBe(true);
    await expect(form.getByLabel("Confirm: they conflict").isChecked()).resolves.toBe(false);
    await expect(form.getByLabel("Dismiss: not a contradiction").isChecked()).resolves.toBe(false);

    await form.getByLabel("Rationale").fill("Check the court record before deciding.");
    await form.getByRole("button", { name: "Save review" }).click();
    await form.getByTestId("form-outcome").filter({ hasText: "Saved: candidate." }).waitFor();
    await expect(page.getByTestId("contradiction-status").textContent()).resolves.toContain("Candidate");
    expect(await prisma.contradiction.findUniqueOrThrow({ where: { id: pair.id } })).toMatchObject({
      status: "candidate",
      rationale: "Check the court record before deciding.",
    });
    await page.context().close();
  });

  test("an editor links two claims by hand from a claim's conflicts page", async () => {
    const baqri = await app.database.prisma.claim.findFirstOrThrow({
      where: { quote: { contains: "neither he nor the MQM had ever been involved in violence" } },
    });
    const page = await signedIn("editor", `/contradictions/cluster/${baqri.id}`);
    await page.goto(`/contradictions/cluster/${baqri.id}`);
    const form = page.getByTestId("link-contradiction");
    await form.getByLabel("Find the other claim").fill("well-deserved reputation for violence");
    await form.getByRole("radio").first().check();
    await form.getByLabel("Kind of conflict").selectOption("attribution");
    await form.getByLabel("Why do they conflict?").fill("Quiggin calls the MQM violent; Baqri says it never was.");
    await form.getByRole("button", { name: "Link as contradiction" }).click();
    await form
      .getByRole("status")
      .filter({ hasText: /Linked as contradiction #\d+/ })
      .waitFor();

    const quiggin = await app.database.prisma.claim.findFirstOrThrow({ where: { quote: { contains: "well-deserved reputation for violence" } } });
    const [claimAId, claimBId] = [baqri.id, quiggin.id].sort((x, y) => x - y) as [number, number];
    const linked = await app.database.prisma.contradiction.findUniqueOrThrow({ where: { claimAId_claimBId: { claimAId, claimBId } } });
    expect(linked).toMatchObject({
      status: "confirmed",
      detectedBy: "editor",
      kind: "attribution",
      rationale: "Quiggin calls the MQM violent; Baqri says it never was.",
    });
    // The cluster now shows Quiggin's claim beside Baqri's.
    await page.reload();
    await expect(page.getByTestId("cluster").locator(`[data-claim-id="${quiggin.id}"]`).count()).resolves.toBe(1);
    await saveScreenshot(page, "contradiction-cluster");
    await page.context().close();
  });

  test("an editor runs detection in the background: the page follows the run until it ends, and a viewer sees how it ended", async () => {
    const prisma = app.database.prisma;
    const page = await signedIn("editor", "/contradictions");
    // A run someone else started (fresh heartbeat): the button waits, the page says who and since when.
    const other = await prisma.detectionRun.create({ data: { startedById: app.users.admin.id } });
    await page.goto("/contradictions");
    const button = page.getByTestId("run-detection");
    const status = page.getByTestId("detection-run-status");
    await expect(status.textContent()).resolves.toMatch(/^Detection running since \d{4}-\d\d-\d\d \d\d:\d\d UTC by Test admin\./);
    await expect(button.isDisabled()).resolves.toBe(true);
    await expect(button.textContent()).resolves.toBe("Detecting…");

    // It ends: the page notices by itself, without a reload.
    const report = { created: 2, updated: 1, removed: 0, keptReviewed: 3, seconds: 4.2 };
    await prisma.detectionRun.update({ where: { id: other.id }, data: { status: "finished", finishedAt: new Date(), report } });
    await page.locator('[data-testid="detection-run-status"][data-status="finished"]').waitFor({ timeout: 15_000 });
    await expect(status.textContent()).resolves.toMatch(
      /^Last detection finished .* UTC by Test admin: 2 new, 1 updated, 0 withdrawn; 3 reviewed pairs left as they were \(4\.2 s\)\.$/,
    );
    await expect(button.isEnabled()).resolves.toBe(true);

    // The editor's own run: the click returns at once and the page follows the run to its end.
    await button.click();
    await page.locator('[data-testid="detection-run-status"][data-status="finished"]', { hasText: "by Test editor" }).waitFor({ timeout: 60_000 });
    const mine = await prisma.detectionRun.findFirstOrThrow({ where: { startedById: app.users.editor.id } });
    expect(mine.status).toBe("finished");
    const outcome = mine.report as { created: number; updated: number; removed: number };
    await expect(status.textContent()).resolves.toContain(`by Test editor: ${outcome.created} new, ${outcome.updated} updated, ${outcome.removed} withdrawn;`);
    await saveScreenshot(page, "contradictions-detection-run");
    await page.context().close();

    // A viewer sees how the last run ended, without a button.
    const viewer = await signedIn("viewer", "/contradictions");
    await viewer.goto("/contradictions");
    await expect(viewer.getByTestId("detection-run-status").textContent()).resolves.toMatch(/^Last detection finished .* by Test editor:/);
    await expect(viewer.getByTestId("run-detection").count()).resolves.toBe(0);
    await viewer.context().close();
  });

  test("a viewer reads the list and the comparison but gets no review controls", async () => {
    const page = await signedIn("viewer", "/contradictions");
    await page.goto("/contradictions?status=all");
    await expect(page.getByTestId("run-detection").count()).resolves.toBe(0);
    const id = Number(await page.locator("tr[data-contradiction-id]").first().getAttribute("data-contradiction-id"));
    await page.goto(`/contradictions/${id}`);
    await expect(page.getByTestId("compare-column").count()).resolves.toBe(2);
    await expect(page.getByTestId("review-form").count()).resolves.toBe(0);
    await expect(page.getByText("Viewers can read contradictions").count()).resolves.toBe(1);
    await page.context().close();
  });
});
