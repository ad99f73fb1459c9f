// The app's server in front of a primary and a real streaming replica of it (README: Reads on
// replicas), in Debian's Chromium: with the replica's replay paused, an editor who saves a claim
// sees the save on the next page load (their browser now reads the primary) while another editor
// still gets the replica's older page, until the replica replays it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { READ_YOUR_WRITES_COOKIE } from "@/lib/db/read-routing";
import { missingPostgresBinaries, startReplicaCluster, type ReplicaCluster } from "@/tests/helpers/replica-cluster";
import { launchBrowser, newPage, signIn, startApp, type RunningApp } from "./helpers";

const missing = missingPostgresBinaries();
const TEXT = "Quetta Post, 9 August 2016.\n\nThe minister said the hospital wing would open next year. Officials said 70 people were hurt.";

describe.skipIf(missing)(missing ? `a page served from a streaming replica (skipped: ${missing})` : "a page served from a streaming replica", () => {
  let cluster: ReplicaCluster;
  let app: RunningApp;
  let browser: Browser;
  let claimId: number;
  const savedTestServer = process.env.TEST_DATABASE_URL;

  beforeAll(async () => {
    cluster = await startReplicaCluster();
    // The app's throwaway database is created on the primary; the replica copies it.
    process.env.TEST_DATABASE_URL = cluster.primaryUrl;
    app = await startApp({
      seed: false,
      env: (database) => {
        const replica = new URL(cluster.replicaUrl);
        replica.pathname = new URL(database.url).pathname;
        // A window long enough for a page load on a busy machine; its length is the integration test's.
        return { DATABASE_REPLICA_URL: replica.toString(), DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS: "30" };
      },
    });
    const prisma = app.database.prisma;
    const source = await prisma.source.create({
      data: { slug: "quetta-post", title: "Quetta Post report", kind: "news", text: TEXT, textSha256: "0".repeat(64), reliability: "B" },
    });
    const quote = "the hospital wing would open next year";
    const start = TEXT.indexOf(quote);
    claimId = (await prisma.claim.create({ data: { sourceId: source.id, startOffset: start, endOffset: start + quote.length, quote } })).id;
    await cluster.waitForReplay();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    cluster?.stop();
    if (savedTestServer === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = savedTestServer;
  });

  async function claimPage(user: { email: string; password: string }): Promise<Page> {
    const { page } = await newPage(browser, app.baseUrl);
    await signIn(page, user, `/claims/${claimId}`);
    return page;
  }

  async function notesShown(page: Page): Promise<string> {
    await page.goto(`/claims/${claimId}`);
    const form = page.locator('[data-testid="claim-editor"][data-ready="true"]');
    await form.waitFor();
    return form.getByLabel("Editor notes").inputValue();
  }

  test("an editor sees their own save at once; another editor's page comes from the replica until it replays the save", async () => {
    const health = await (await fetch(`${app.baseUrl}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", replicas: [{ status: "up", inRecovery: true }] });

    const editor = await claimPage(app.users.editor);
    const other = await claimPage(app.users.admin);
    expect(await notesShown(other)).toBe("");

    await cluster.pauseReplay();
    const form = editor.locator('[data-testid="claim-editor"][data-ready="true"]');
    await form.waitFor();
    await form.getByLabel("Editor notes").fill("The health department says 2018.");
    await form.getByRole("button", { name: "Save claim" }).click();
    await editor.getByTestId("form-outcome").filter({ hasText: "Claim saved." }).waitFor();
    expect((await editor.context().cookies()).map((cookie) => cookie.name)).toContain(READ_YOUR_WRITES_COOKIE);

    expect(await notesShown(editor)).toBe("The health department says 2018.");
    expect(await notesShown(other)).toBe("");
    expect((await app.database.prisma.claim.findUniqueOrThrow({ where: { id: claimId } })).notes).toBe("The health department says 2018.");

    await cluster.resumeReplay();
    await cluster.waitForReplay();
    expect(await notesShown(other)).toBe("The health department says 2018.");
  });
});
