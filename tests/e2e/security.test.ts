// Security in the browser, against the production server: every page and API answer carries the
// security headers and every page runs under its nonce'd Content-Security-Policy without a
// violation; a page on another port of the same host can neither make a signed-in editor's
// browser import a document nor frame the claims page; requests with a foreign Origin or none,
// to the import routes and to a server action, are refused and change nothing; a chunked upload
// far over the limit is refused with 413 without the server holding it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { Browser, BrowserContext, Page, Request as PlaywrightRequest } from "playwright-core";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { importJobSchema, queuedImportSchema } from "@/lib/import/job-schema";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { createUser } from "@/tests/helpers/users";
import { freePort, launchBrowser, newPage, signIn, startApp, type RunningApp } from "./helpers";
import { treeRss } from "@/scripts/bench/processes";

const ATTACK_TITLE = "Forged import from another site";

/** Every page.tsx under app/, as its URL pattern ("/claims/[id]"). */
function pagePatterns(): string[] {
  const walk = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(path.join(directory, entry.name)) : entry.name === "page.tsx" ? [path.join(directory, entry.name)] : [],
    );
  return walk(path.join(PROJECT_ROOT, "app"))
    .map((file) =>
      path
        .relative(path.join(PROJECT_ROOT, "app"), path.dirname(file))
        .split(path.sep)
        .filter((segment) => segment && !/^\(.*\)$/.test(segment))
        .join("/"),
    )
    .map((route) => `/${route}`)
    .sort();
}

/** Collects what the browser reports about the Content-Security-Policy on a page. */
async function watchViolations(context: BrowserContext): Promise<(page: Page) => Promise<string[]>> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return (page) => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("same-origin");
  expect(headers["permissions-policy"], where).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  expect(headers["content-security-policy"], where).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
}

/** The page's policy: scripts only with this response's nonce, nothing inline. */
function expectPagePolicy(policy: string, where: string): string {
  const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src "));
  expect(scripts, where).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
  expect(policy, where).toContain("object-src 'none'");
  expect(policy, where).toContain("base-uri 'none'");
  return /'nonce-([^']+)'/.exec(scripts!)![1]!;
}

describe("security in the browser", () => {
  let app: RunningApp;
  let browser: Browser;
  let foreign: http.Server;
  let foreignOrigin: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    // Another site on the same host: another port of 127.0.0.1, so the browser still sends the
    // app's SameSite=Lax session cookie with its requests (same site, different origin).
    const port = await freePort();
    foreignOrigin = `http://127.0.0.1:${port}`;
    foreign = http.createServer((request, response) => {
      const pages: Record<string, string> = {
        "/import-form": `<form id="f" method="post" enctype="multipart/form-data" action="${app.baseUrl}/api/import">
            <input name="title" value="${ATTACK_TITLE}"><input name="kind" value="news"><input name="target" value="new">
            <textarea name="text">"The harbour will be sold tomorrow," said Jo Marsh, the council leader.</textarea></form>
            <script>document.getElementById("f").submit()</script>`,
        "/preview-form": `<form id="f" method="post" enctype="multipart/form-data" action="${app.baseUrl}/api/import/preview">
            <textarea name="text">"The harbour will be sold tomorrow," said Jo Marsh.</textarea></form>
            <script>document.getElementById("f").submit()</script>`,
        "/import-fetch": `<script>
            const body = new FormData();
            body.set("title", "${ATTACK_TITLE}"); body.set("kind", "news"); body.set("target", "new");
            body.set("text", '"The harbour will be sold tomorrow," said Jo Marsh.');
            fetch("${app.baseUrl}/api/import", { method: "POST", body, mode: "no-cors", credentials: "include" })
              .then(() => (document.title = "sent"), () => (document.title = "failed"));
            </script>`,
        "/frame": `<h1>Someone else's page</h1><iframe id="victim" src="${app.baseUrl}/claims" width="800" height="600"></iframe>`,
      };
      const page = pages[request.url ?? ""];
      response.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      response.end(page ? `<!doctype html><html><head><title>elsewhere</title></head><body>${page}</body></html>` : "not here");
    });
    await new Promise<void>((resolve) => foreign.listen(port, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => foreign?.close(resolve));
    await browser?.close();
    await app?.stop();
  });

  test("every page carries the security headers and a fresh nonce, runs its scripts, and logs no CSP violation", async () => {
    const prisma = app.database.prisma;
    const claim = await prisma.claim.findFirstOrThrow({ orderBy: { id: "asc" }, include: { source: true } });
    const other = await prisma.claim.findFirstOrThrow({ where: { id: { gt: claim.id } }, orderBy: { id: "asc" } });
    const contradiction =
      (await prisma.contradiction.findFirst({ orderBy: { id: "asc" } })) ??
      (await prisma.contradiction.create({ data: { claimAId: claim.id, claimBId: other.id, detectedBy: "editor", explanation: "CSP test pair" } }));
    const actor = await prisma.actor.findFirstOrThrow({ orderBy: { id: "asc" } });
    const topic = await prisma.topic.create({ data: { slug: "csp-test-topic", title: "CSP test topic" } });
    // Its page draws each claim's chain graph, an SVG whose styles must come from the stylesheet.
    const proposition = await prisma.proposition.create({
      data: { label: "CSP test proposition", members: { create: [{ claimId: claim.id }, { claimId: other.id }] } },
    });
    const samples: Record<string, string> = {
      "/propositions/[id]": `/propositions/${proposition.id}`,
      "/actors/[id]": `/actors/${actor.id}`,
      "/claims/[id]": `/claims/${claim.id}`,
      "/contradictions/[id]": `/contradictions/${contradiction.id}`,
      "/contradictions/cluster/[claimId]": `/contradictions/cluster/${claim.id}`,
      "/sources/[slug]": `/sources/${claim.source.slug}`,
      "/sources/[slug]/details": `/sources/${claim.source.slug}/details`,
      "/topics/[id]": `/topics/${topic.id}`,
      "/topics/[id]/compare": `/topics/${topic.id}/compare`,
    };
    const patterns = pagePatterns();
    const unknown = patterns.filter((pattern) => pattern.includes("[") && !samples[pattern]);
    expect(unknown, "a new page with a dynamic segment needs a sample URL here").toEqual([]);
    // The main pages the desk works in are all there.
    expect(patterns).toEqual(expect.arrayContaining(["/login", "/claims", "/claims/[id]", "/sources", "/contradictions", "/import", "/audit"]));

    const anonymous = await browser.newContext({ baseURL: app.baseUrl });
    const anonymousViolations = await watchViolations(anonymous);
    const admin = await browser.newContext({ baseURL: app.baseUrl });
    const adminViolations = await watchViolations(admin);
    const adminPage = await admin.newPage();
    const cspConsole: string[] = [];
    adminPage.on("console", (message) => /Content.Security.Policy/i.test(message.text()) && cspConsole.push(message.text()));
    // Signing in is the login form's client-side code: it only works if the page's scripts ran.
    await signIn(adminPage, app.users.admin, "/");

    const nonces = new Set<string>();
    for (const pattern of patterns) {
      const url = samples[pattern] ?? pattern;
      const page = pattern === "/login" ? await anonymous.newPage() : adminPage;
      if (page !== adminPage) page.on("console", (message) => /Content.Security.Policy/i.test(message.text()) && cspConsole.push(message.text()));
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      const headers = await response!.allHeaders();
      expectSecurityHeaders(headers, url);
      nonces.add(expectPagePolicy(headers["content-security-policy"]!, url));
      // Next's client runtime booted (it needs its nonce'd scripts) and hydrated the page.
      await page.waitForFunction(() => "next" in window, undefined, { timeout: 15_000 });
      await page.waitForLoadState("networkidle");
      expect(await (page === adminPage ? adminViolations : anonymousViolations)(page), url).toEqual([]);
      if (page !== adminPage) await page.close();
    }
    expect(nonces.size, "a new nonce for every response").toBe(patterns.length);

    // The not-found page is rendered per request too, so its scripts carry the nonce and run.
    const missing = await adminPage.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    expect(await adminPage.getByRole("heading", { name: "Not found" }).count()).toBe(1);
    expectPagePolicy((await missing!.allHeaders())["content-security-policy"]!, "/no-such-page");
    await adminPage.waitForFunction(() => "next" in window, undefined, { timeout: 15_000 });
    expect(await adminViolations(adminPage)).toEqual([]);
    expect(cspConsole).toEqual([]);

    // The policy is not decoration: markup injected into a page cannot run script.
    await adminPage.goto(`/claims/${claim.id}`);
    await adminPage.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = true">`));
    await adminPage.waitForFunction(() => (window as unknown as { __cspViolations: string[] }).__cspViolations.length > 0);
    expect(await adminPage.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect(await adminViolations(adminPage)).toEqual([expect.stringMatching(/^script-src-attr blocked inline /)]);

    await anonymous.close();
    await admin.close();
  });

  test("API answers and refusals carry the security headers too", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.viewer, "/");
    const answers = [
      ["GET /api/health", await context.request.get("/api/health")],
      ["GET /api/export/claims", await context.request.get("/api/export/claims")],
      ["GET /api/options/sources", await context.request.get("/api/options/sources?q=a")],
      ["POST /api/import (refused)", await context.request.post("/api/import", { multipart: { text: "x" }, headers: { origin: "http://evil.example" } })],
    ] as const;
    for (const [label, response] of answers) {
      expect(response.status(), label).toBe(label.includes("refused") ? 403 : 200);
      const headers = response.headers();
      expectSecurityHeaders(headers, label);
      expect(headers["content-security-policy"], label).toMatch(/^default-src 'none'/);
    }
    await context.close();
  });

  test("a page on another port of the same host cannot make a signed-in editor's browser import a document", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/");
    const before = await databaseFingerprint(app.database.prisma);

    for (const [attack, target] of [
      ["/import-form", "/api/import"],
      ["/preview-form", "/api/import/preview"],
    ] as const) {
      const answered = page.waitForResponse((response) => response.url() === `${app.baseUrl}${target}`);
      await page.goto(`${foreignOrigin}${attack}`);
      const response = await answered;
      // The browser did send the session cookie (same site) and its Origin: the refusal is the Origin check's.
      expect((await response.request().allHeaders()).cookie ?? "").toContain("next-auth.session-token");
      expect(response.status()).toBe(403);
      await page.waitForURL(`${app.baseUrl}${target}`);
      expect(await page.locator("body").innerText()).toContain(`Refused: this request came from another site (${foreignOrigin})`);
    }

    const sent = page.waitForResponse((response) => response.url() === `${app.baseUrl}/api/import`);
    await page.goto(`${foreignOrigin}/import-fetch`);
    expect((await sent).status()).toBe(403);

    expect(await app.database.prisma.source.count({ where: { title: ATTACK_TITLE } })).toBe(0);
    expect(await databaseFingerprint(app.database.prisma)).toEqual(before);
    await context.close();
  });

  test("import requests with a foreign Origin or none are refused with 403 and change nothing; the app's own origin is accepted", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/");
    const form = (title: string) => ({ title, kind: "news", target: "new", text: `"The ferry will run again in spring," said Ana Ruiz about ${title}.` });
    const before = await databaseFingerprint(app.database.prisma);

    const evil = await context.request.post("/api/import", { multipart: form("Evil origin"), headers: { origin: "http://evil.example" } });
    expect(evil.status()).toBe(403);
    expect(((await evil.json()) as { error: string }).error).toBe(
      "Refused: this request came from another site (http://evil.example), not from Claimbase's own pages. Nothing was changed.",
    );
    // Playwright's request API sends no Origin of its own.
    const none = await context.request.post("/api/import", { multipart: form("No origin") });
    expect(none.status()).toBe(403);
    expect(((await none.json()) as { error: string }).error).toMatch(/no Origin header/);
    const preview = await context.request.post("/api/import/preview", { multipart: form("No origin preview") });
    expect(preview.status()).toBe(403);
    expect(await databaseFingerprint(app.database.prisma)).toEqual(before);

    // The same session and form from the app's own origin goes through: the refusals above were the Origin's.
    const own = await context.request.post("/api/import", { multipart: form("Own origin"), headers: { origin: app.baseUrl } });
    expect(own.status()).toBe(202);
    // The server's worker saves the queued import; its status route reports the saved source.
    const { statusUrl } = queuedImportSchema.parse(await own.json());
    await expect.poll(async () => importJobSchema.parse(await (await context.request.get(statusUrl)).json()).status, { timeout: 60_000 }).toBe("finished");
    expect(await app.database.prisma.source.count({ where: { title: "Own origin" } })).toBe(1);
    await context.close();
  });

  test("a server action replayed without an Origin, or from another site, is refused and changes nothing", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.admin, "/users");
    const target = await createUser(app.database.prisma, "viewer", { email: "origin-test@example.test" });
    await page.reload();
    const row = page.locator(`[data-testid="user-row"][data-email="${target.email}"]`);
    await row.getByRole("combobox").selectOption("editor");
    const captured = new Promise<PlaywrightRequest>((resolve) => page.on("request", (request) => request.headers()["next-action"] && resolve(request)));
    await row.getByRole("button", { name: "Change role" }).click();
    const action = await captured;
    // The genuine call, from the app's own page under its CSP, worked.
    await expect(page.locator("p[role=status]").first().textContent()).resolves.toBe(`${target.email} is now editor.`);
    expect((await action.allHeaders()).origin).toBe(app.baseUrl);

    const replay = (origin: string | undefined, role: string) => {
      const headers = { ...action.headers() };
      delete headers.origin;
      return context.request.post(action.url(), { headers: origin ? { ...headers, origin } : headers, data: JSON.stringify([{ id: target.id, role }]) });
    };
    const roleNow = async () => (await app.database.prisma.user.findUniqueOrThrow({ where: { id: target.id } })).role;
    const before = await databaseFingerprint(app.database.prisma);

    const withoutOrigin = await replay(undefined, "admin");
    expect(withoutOrigin.status()).toBe(403);
    expect(((await withoutOrigin.json()) as { error: string }).error).toMatch(/no Origin header/);
    const fromElsewhere = await replay("http://evil.example", "admin");
    expect(fromElsewhere.status()).toBe(403);
    expect(((await fromElsewhere.json()) as { error: string }).error).toMatch(/came from another site \(http:\/\/evil\.example\)/);
    expect(await roleNow()).toBe("editor");
    expect(await databaseFingerprint(app.database.prisma)).toEqual(before);

    // The same replay with the app's own Origin is carried out: the refusals were the Origin's.
    const own = await replay(app.baseUrl, "viewer");
    expect(own.status()).toBe(200);
    expect(await roleNow()).toBe("viewer");
    await context.close();
  });

  test("the signed-in claims page cannot be framed by another site's page", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/claims");
    expect(await page.getByTestId("signed-in-user").count()).toBe(1);
    const refusals: string[] = [];
    page.on("console", (message) => /frame-ancestors/.test(message.text()) && refusals.push(message.text()));
    const framed = page.waitForResponse((response) => response.url() === `${app.baseUrl}/claims`);
    await page.goto(`${foreignOrigin}/frame`);
    // The claims page was requested with the session (and would render signed in)…
    expect((await framed).status()).toBe(200);
    await page.waitForLoadState("load");
    await expect.poll(() => refusals.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // …but the browser refused to show it inside the other page.
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(frame!.url()).not.toBe(`${app.baseUrl}/claims`);
    expect(
      await frame!
        .locator("[data-testid=signed-in-user]")
        .count()
        .catch(() => 0),
    ).toBe(0);
    expect(refusals[0]).toContain("frame-ancestors 'none'");
    await context.close();
  });

  test("a chunked upload of 200 MB is refused with 413 once past the limit, and the server does not hold it", async () => {
    const { context, page } = await newPage(browser, app.baseUrl);
    await signIn(page, app.users.editor, "/");
    const cookie = (await context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    // The server's processes together: with several HTTP processes (WEB_CONCURRENCY) any of them may take the upload.
    const rss = () => treeRss(app.pid);
    const before = await databaseFingerprint(app.database.prisma);
    const rssBefore = rss();
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rss())), 25);

    const total = 200 * 1024 * 1024;
    const boundary = "security-test-boundary";
    const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = http.request(`${app.baseUrl}/api/import`, {
        method: "POST",
        // No Content-Length: Node sends the body chunked.
        headers: { cookie, origin: app.baseUrl, "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      request.on("response", (response) => {
        answered = true;
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => {
          resolve({ status: response.statusCode ?? 0, body, sent });
          request.destroy();
        });
      });
      request.on("error", (error) => (answered ? undefined : reject(error)));
      request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\nContent-Type: text/plain\r\n\r\n`);
      const chunk = Buffer.alloc(256 * 1024, "a");
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", pump);
        }
        if (!answered) request.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });

    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rss());
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toEqual({ error: "upload: the upload is over the import limit of 5 MB" });
    // The server stopped reading: the client could not push most of the 200 MB, and the server's memory grew by far less.
    expect(result.sent).toBeLessThan(total / 4);
    expect(rssPeak - rssBefore).toBeLessThan(64 * 1024 * 1024);
    expect(await databaseFingerprint(app.database.prisma)).toEqual(before);
    // And the server is still answering.
    expect((await fetch(`${app.baseUrl}/api/health`)).status).toBe(200);
    await context.close();
  });
});
