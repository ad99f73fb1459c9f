// Browser tests for sign-in, roles and the audit trail, against `next start` on a fresh
// database, in Debian's Chromium.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Browser, Request as PlaywrightRequest } from "playwright-core";
import { launchBrowser, newPage, saveScreenshot, signIn, spawnNextStart, freePort, startApp, type RunningApp } from "./helpers";
import { createUser } from "@/tests/helpers/users";

describe("accounts, roles and audit in the browser", () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  test("anonymous visitors are sent to sign in, and the API answers 401", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await page.goto("/sources/some-source?tab=claims");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/sources/some-source?tab=claims");
    await expect(page.getByRole("heading", { name: "Sign in to Claimbase" }).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, "login");

    const api = await fetch(`${app.baseUrl}/api/export/claims`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: "You need to sign in." });
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    // A forged session cookie gets no further than no cookie at all.
    const forged = await fetch(`${app.baseUrl}/api/export/claims`, { headers: { cookie: "next-auth.session-token=forged" } });
    expect(forged.status).toBe(401);
    const forgedPage = await fetch(`${app.baseUrl}/`, { headers: { cookie: "next-auth.session-token=forged" }, redirect: "manual" });
    expect(forgedPage.status).toBeGreaterThanOrEqual(300);
    expect(forgedPage.headers.get("location")).toMatch(/\/login/);
    await context.close();
  });

  test("a wrong password is refused with a plain message", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await page.goto("/login");
    await page.getByLabel("Email").fill(app.users.editor.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("p[role=alert]").textContent()).resolves.toBe("Email or password is wrong.");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  test("an admin signs in, sees the dashboard, and signs out", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.admin);
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByTestId("signed-in-user").textContent()).resolves.toBe(app.users.admin.email);
    await expect(page.getByTestId("signed-in-role").textContent()).resolves.toBe("admin");
    await expect(page.getByRole("link", { name: "Users" }).isVisible()).resolves.toBe(true);
    await saveScreenshot(page, "dashboard-admin");

    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.goto("/");
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  test("a viewer sees no edit or admin controls, is told what role a page needs, and a forged action is refused", async () => {
    const admin = await newPage(browser, app.baseUrl);
    const viewer = await newPage(browser, app.baseUrl);
    await signIn(viewer.page, app.users.viewer);
    await expect(viewer.page.getByRole("link", { name: "Users" }).count()).resolves.toBe(0);
    await expect(viewer.page.getByRole("link", { name: "Audit log" }).count()).resolves.toBe(0);
    await saveScreenshot(viewer.page, "dashboard-viewer");

    const source = await app.database.prisma.source.findFirstOrThrow({ orderBy: { title: "asc" } });
    await viewer.page.goto(`/sources/${source.slug}`);
    await expect(viewer.page.getByRole("heading", { name: source.title }).isVisible()).resolves.toBe(true);
    const editControls = (page: typeof viewer.page) =>
      page.getByRole("button", { name: /^(edit|save|approve|reject|create|delete|merge|import|set status|set topic)\b/i });
    await expect(editControls(viewer.page).allTextContents()).resolves.toEqual([]);
    // On a claim's page an editor gets the claim form; a viewer gets the same page read-only.
    const claim = await app.database.prisma.claim.findFirstOrThrow({ where: { sourceId: source.id }, orderBy: { id: "asc" } });
    await viewer.page.goto(`/claims/${claim.id}`);
    await viewer.page.getByTestId("history-panel").waitFor();
    await expect(editControls(viewer.page).allTextContents()).resolves.toEqual([]);
    const editor = await newPage(browser, app.baseUrl);
    await signIn(editor.page, app.users.editor, `/claims/${claim.id}`);
    await expect(editControls(editor.page).first().textContent()).resolves.toMatch(/^Save claim/);
    await editor.context.close();

    await viewer.page.goto("/users");
    await expect(viewer.page.locator("p[role=alert]").textContent()).resolves.toBe("You need the admin role to see this page.");
    await saveScreenshot(viewer.page, "forbidden-viewer");

    // Capture a genuine "change role" action call from the admin's users page…
    await signIn(admin.page, app.users.admin, "/users");
    const target = await createUser(app.database.prisma, "viewer", { email: "promote-me@example.test" });
    await admin.page.reload();
    const row = admin.page.locator(`[data-testid="user-row"][data-email="${target.email}"]`);
    await row.getByRole("combobox").selectOption("editor");
    const captured = new Promise<PlaywrightRequest>((resolve) => admin.page.on("request", (request) => request.headers()["next-action"] && resolve(request)));
    await row.getByRole("button", { name: "Change role" }).click();
    const actionRequest = await captured;
    await expect(admin.page.locator("p[role=status]").first().textContent()).resolves.toBe(`${target.email} is now editor.`);
    expect((await app.database.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("editor");

    // …and replay it as the viewer, asking to be made admin.
    const forged = await viewer.context.request.post(actionRequest.url(), {
      headers: { ...actionRequest.headers(), origin: app.baseUrl },
      data: JSON.stringify([{ id: app.users.viewer.id, role: "admin" }]),
    });
    const body = await forged.text();
    expect(body).toContain("You need the admin role to do that.");
    expect(body).toContain("403");
    expect((await app.database.prisma.user.findUniqueOrThrow({ where: { id: app.users.viewer.id } })).role).toBe("viewer");
    // And a viewer's POST to an editor endpoint is refused.
    const importAttempt = await viewer.context.request.post("/api/import", {
      multipart: { file: { name: "x.txt", mimeType: "text/plain", buffer: Buffer.from("Text.") } },
    });
    expect(importAttempt.status()).toBe(403);
    await admin.context.close();
    await viewer.context.close();
  });

  test("disabling a user ends their access on their next request, and the audit log shows who did it", async () => {
    const person = await createUser(app.database.prisma, "editor", { email: "soon-disabled@example.test" });
    const theirs = await newPage(browser, app.baseUrl);
    await signIn(theirs.page, person);
    expect(new URL(theirs.page.url()).pathname).toBe("/");

    const admin = await newPage(browser, app.baseUrl);
    await signIn(admin.page, app.users.admin, "/users");
    const row = admin.page.locator(`[data-testid="user-row"][data-email="${person.email}"]`);
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.locator("p[role=status]").textContent()).resolves.toBe(`${person.email} is disabled.`);
    await saveScreenshot(admin.page, "users");

    await theirs.page.reload();
    expect(new URL(theirs.page.url()).pathname).toBe("/login");
    const api = await theirs.context.request.get("/api/export/claims");
    expect(api.status()).toBe(401);

    await admin.page.goto(`/audit?entity=user&user=${app.users.admin.id}`);
    const table = admin.page.getByTestId("audit-table");
    const disableRow = table.locator("tr", { hasText: "disable" }).filter({ hasText: `user #${person.id}` });
    await expect(disableRow.count()).resolves.toBe(1);
    await expect(disableRow.locator("td").nth(1).textContent()).resolves.toBe(app.users.admin.email);
    await expect(disableRow.locator("table.diff").textContent()).resolves.toMatch(/Active\s*Yes\s*→\s*No/);
    await saveScreenshot(admin.page, "audit-log");
    await admin.context.close();
    await theirs.context.close();
  });

  test("the users page refuses to disable the last admin, with the reason", async () => {
    const admin = await newPage(browser, app.baseUrl);
    await signIn(admin.page, app.users.admin, "/users");
    const row = admin.page.locator(`[data-testid="user-row"][data-email="${app.users.admin.email}"]`);
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(row.locator("p[role=alert]").textContent()).resolves.toBe("You cannot disable the last active admin. Make another user an admin first.");
    expect((await app.database.prisma.user.findUniqueOrThrow({ where: { id: app.users.admin.id } })).active).toBe(true);
    await admin.context.close();
  });

  test("repeated wrong passwords lock the account with a clear message", async () => {
    const person = await createUser(app.database.prisma, "viewer", { email: "guessed@example.test" });
    const { context, page } = await newPage(browser, app.baseUrl);
    await page.goto("/login");
    const attempts = () => app.database.prisma.signInAttempt.count({ where: { email: person.email } });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await page.getByLabel("Email").fill(person.email);
      await page.getByLabel("Password").fill(`wrong guess ${attempt}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await vi.waitFor(async () => expect(await attempts()).toBe(attempt), { timeout: 15_000 });
      await page.locator("p[role=alert]", { hasText: "Email or password is wrong." }).waitFor();
    }
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const locked = page.locator("p[role=alert]", { hasText: "Too many failed sign-ins" });
    await locked.waitFor();
    await expect(locked.textContent()).resolves.toMatch(/^Too many failed sign-ins for this account from your address\. Try again in 1[45] minutes\.$/);
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await app.database.prisma.signInAttempt.count({ where: { email: person.email } })).toBe(6);

    // An invented X-Forwarded-For does not make a new address: the lock holds, and the socket's address is the one logged.
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "10.9.9.9", "X-Real-IP": "10.9.9.8" });
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await vi.waitFor(async () => expect(await attempts()).toBe(7), { timeout: 15_000 });
    await locked.waitFor();
    expect(new URL(page.url()).pathname).toBe("/login");
    const addresses = await app.database.prisma.signInAttempt.findMany({ where: { email: person.email }, select: { address: true }, distinct: ["address"] });
    expect(addresses).toEqual([{ address: "127.0.0.1" }]);
    await context.close();
  });

  test("'Sign out everywhere' on your account page ends this session and a copy of its cookie", async () => {
    const person = await createUser(app.database.prisma, "viewer", { email: "everywhere-e2e@example.test" });
    const first = await newPage(browser, app.baseUrl);
    await signIn(first.page, person, "/claims");
    // The same cookie in a second browser: a copied session.
    const copy = await newPage(browser, app.baseUrl);
    await copy.context.addCookies(await first.context.cookies());
    await copy.page.goto("/claims");
    expect(new URL(copy.page.url()).pathname).toBe("/claims");

    await first.page.getByTestId("signed-in-user").click();
    await first.page.waitForURL((url) => url.pathname === "/account");
    await expect(first.page.getByTestId("account-email").textContent()).resolves.toBe(person.email);
    await first.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await first.page.waitForURL((url) => url.pathname === "/login");
    await copy.page.goto("/claims");
    expect(new URL(copy.page.url()).pathname).toBe("/login");
    expect(await app.database.prisma.auditEvent.count({ where: { userId: person.id, action: "sign_out_everywhere" } })).toBe(1);
    await first.context.close();
    await copy.context.close();
  });

  test("the sign-in page shows only sentences it knows, whatever the error parameter says", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await page.goto(`/login?error=${encodeURIComponent("Your account is suspended. Call +1 555 0100 now")}`);
    await expect(page.locator("p[role=alert]").textContent()).resolves.toBe("Sign-in failed. Try again.");
    await context.close();
  });

  test("in production against a configured database, a missing NEXTAUTH_SECRET stops start-up with one line", async () => {
    const port = await freePort();
    const server = spawnNextStart(port, { DATABASE_URL: app.database.url, NEXTAUTH_SECRET: "", AUTH_SECRET: "", CLAIMBASE_EMBEDDED: "" });
    const code = await Promise.race([server.exited, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 60_000))]);
    if (code === "timeout") server.child.kill("SIGKILL");
    expect(code).not.toBe("timeout");
    expect(code).not.toBe(0);
    const errorLines = server
      .output()
      .split("\n")
      .filter((line) => line.includes("NEXTAUTH_SECRET"));
    expect(errorLines).toEqual([
      "error: NEXTAUTH_SECRET is not set: it is required in production against a configured database (generate one with `openssl rand -base64 32`).",
    ]);
  });
});
