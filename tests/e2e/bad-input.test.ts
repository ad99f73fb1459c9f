// Bad input over HTTP against the built app (issue 19, item 11): every page's [id] and search
// parameters, the route handlers, and server action requests whose bodies Next itself cannot
// decode (not JSON, over 1 MB, pointing at rows they lack). Each is a 4xx or a friendly page
// (404, or the page with the bad value named and left out), never a 500, and nothing changes.
// The same kinds of value sent to each action and handler directly: tests/integration/bad-input.test.ts.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, type RunningApp } from "./helpers";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { parseActionResult, serverActionHeaders, serverActionId, signIn } from "@/scripts/bench/http";
import { canonicalActorKey } from "@/lib/extract/actors";
import { SERVER_ACTION_BODY_LIMIT } from "@/lib/validation/page-request";

const INT4_MAX = 2_147_483_647;
const BAD_IDS = [String(INT4_MAX + 1), "99999999999999999999", "0", "-1", "1.5", "abc", "1e3", "0x10", "%00", "%20"];
/** Percent-escapes of bytes that are no UTF-8 text: a path with one cannot be decoded at all. */
const BROKEN_ESCAPES = ["%F0%9F", "%ED%A0%80", "%FF", "%E0%A4%A"];
const cursor = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString("base64url");

interface PageCase {
  path: string;
  /** 404 for a page that cannot exist, 400 for an address that cannot be read; 200 for a list that names what it ignored. */
  status: 200 | 400 | 404;
  /** What the page must say about the bad value, when it says something. */
  says?: string;
}

describe("bad input over HTTP", () => {
  let app: RunningApp;
  let cookie: string;
  const fixture = { slug: "harbour-fire", claimIds: [] as number[], actorId: 0, topicId: 0, contradictionId: 0 };

  beforeAll(async () => {
    app = await startApp({ seed: false });
    const prisma = app.database.prisma;
    const text = "Harbour master Abdul Karim said the fire began on the tanker. The owners said it began on the quay.";
    const source = await prisma.source.create({
      data: { slug: fixture.slug, title: "Harbour fire", kind: "news", text, textSha256: "c".repeat(64), publishedDate: "2011-04-15" },
    });
    fixture.actorId = (await prisma.actor.create({ data: { name: "Abdul Karim", normalizedName: canonicalActorKey("Abdul Karim"), kind: "person" } })).id;
    fixture.topicId = (await prisma.topic.create({ data: { slug: "where-did-it-start", title: "Where did the fire start?" } })).id;
    for (const quote of ["the fire began on the tanker", "it began on the quay"]) {
      const start = text.indexOf(quote);
      fixture.claimIds.push(
        (await prisma.claim.create({ data: { sourceId: source.id, quote, startOffset: start, endOffset: start + quote.length, speakerId: fixture.actorId } }))
          .id,
      );
    }
    fixture.contradictionId = (
      await prisma.contradiction.create({
        data: { claimAId: fixture.claimIds[0]!, claimBId: fixture.claimIds[1]!, detectedBy: "test", kind: "dispute", score: 0.5 },
      })
    ).id;
    cookie = await signIn(app.baseUrl, app.users.admin.email, app.users.admin.password);
  });

  afterAll(async () => {
    await app?.stop();
  });

  function pageCases(): PageCase[] {
    const ignored = (path: string, says: string): PageCase => ({ path, status: 200, says });
    const droppedFilters = "could not be used and were dropped";
    return [
      ...["/claims/", "/actors/", "/topics/", "/contradictions/", "/contradictions/cluster/"].flatMap((prefix) =>
        [...BAD_IDS, String(INT4_MAX)].map((id): PageCase => ({ path: `${prefix}${id}`, status: 404 })),
      ),
      ...[...BAD_IDS, String(INT4_MAX)].map((id): PageCase => ({ path: `/topics/${id}/compare`, status: 404 })),
      ...["/claims/", "/actors/", "/topics/", "/contradictions/", "/contradictions/cluster/", "/sources/"].flatMap((prefix) =>
        BROKEN_ESCAPES.map((escape): PageCase => ({ path: `${prefix}${escape}`, status: 400, says: "broken %-escape" })),
      ),
      ...["UPPER", "%00", "x".repeat(300), "a%20b"].flatMap((slug): PageCase[] => [
        { path: `/sources/${slug}`, status: 404 },
        { path: `/sources/${slug}/details`, status: 404 },
      ]),
      ...[...BAD_IDS, ...BROKEN_ESCAPES].map((id): PageCase => ({ path: `/sources/${fixture.slug}?claim=${id}`, status: 200 })),
      // A blank filter (" ") means no filter, so it is not among them.
      ...["speaker", "topic"].flatMap((key) => BAD_IDS.filter((id) => id !== "%20").map((id) => ignored(`/claims?${key}=${id}`, droppedFilters))),
      ...["7", String(INT4_MAX + 1), "x"].map((value) => ignored(`/claims?credibility=${value}`, droppedFilters)),
      ...["q", "citedVia"].flatMap((key) => ["%00", "a%00b"].map((value) => ignored(`/claims?${key}=${value}`, "NUL character"))),
      ...["stance=bogus", "status=%00", "origin=x", "sort=bogus", "source=UPPER", "source=%00"].map((query) => ignored(`/claims?${query}`, droppedFilters)),
      ...["after", "before"].flatMap((key) =>
        [
          `sort=source&${key}=${cursor(["x", "y", "z"])}`,
          `sort=updated&${key}=${cursor(["not-a-date", 1])}`,
          `sort=newest&${key}=${cursor([INT4_MAX + 1])}`,
          `sort=newest&${key}=%25%25%25`,
          `sort=worth&${key}=${cursor([1, 2])}`,
        ].map((query) => ignored(`/claims?${query}`, "Not a page position this list made")),
      ),
      ...[`at=${INT4_MAX + 1}`, "at=abc", `last=${INT4_MAX + 1}`, "order=bogus"].map((query): PageCase => ({ path: `/review?${query}`, status: 200 })),
      ...[`speaker=${INT4_MAX + 1}`, "q=%00", `topic=-1`].map((query) => ignored(`/review?${query}`, droppedFilters)),
      ...["q=%00", "kind=bogus", "page=99999999999", "page=abc"].map((query) => ignored(`/actors?${query}`, droppedFilters)),
      ...["q=%00", "page=0"].map((query) => ignored(`/topics?${query}`, droppedFilters)),
      ignored("/sources?q=%00", droppedFilters),
      { path: `/sources?page=${INT4_MAX + 1}`, status: 200 },
      ...[`actor=${INT4_MAX + 1}`, "actor=%00", "page=99999999", "source=UPPER", "kind=bogus", "status=%00"].map((query): PageCase => ({
        path: `/contradictions?${query}`,
        status: 200,
      })),
      ...[
        [`user=${INT4_MAX + 1}`, "No record has an id that large"],
        ["user=abc", "Choose a user from the list."],
        ["from=2025-02-30", "Not a real date"],
        ["to=2025-13-01", "Not a real date"],
        ["from=%00", "Use a date like 2026-01-31."],
        ["before=99999999999999999999", "Not a page position this log made"],
        ["before=abc", "Not a page position this log made"],
        ["entity=bogus", "is not one of the choices"],
      ].map(([query, says]) => ignored(`/audit?${query}`, says!)),
    ];
  }

  test("every page answers bad ids and search parameters with a 404 or a page that names what it ignored", async () => {
    const before = await databaseFingerprint(app.database.prisma);
    const cases = pageCases();
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const failures: string[] = [];
    for (const entry of cases) {
      const response = await fetch(`${app.baseUrl}${entry.path}`, { headers: { cookie }, redirect: "manual" });
      const body = await response.text();
      const where = `GET ${entry.path.slice(0, 120)}: ${response.status}`;
      if (response.status >= 500) failures.push(`${where} — a server error`);
      else if (response.status !== entry.status) failures.push(`${where} — expected ${entry.status}`);
      else if (entry.status === 200 && body.includes("data-dgst")) failures.push(`${where} — the page rendered an error boundary`);
      else if (
        entry.says &&
        !body
          .replace(/&quot;/g, '"')
          .replace(/&#x27;/g, "'")
          .includes(entry.says)
      )
        failures.push(`${where} — the page does not say "${entry.says}"`);
    }
    expect(failures).toEqual([]);
    expect(await databaseFingerprint(app.database.prisma)).toEqual(before);
  });

  test("route handlers answer bad query strings with a 422 that names the parameter", async () => {
    const failures: string[] = [];
    const cases: [string, string][] = [
      [`/api/export/claims?speaker=${INT4_MAX + 1}`, "speaker"],
      ["/api/export/claims?q=%00", "q"],
      [`/api/export/contradictions?actor=${INT4_MAX + 1}`, "actor"],
      [`/api/export/audit?user=${INT4_MAX + 1}`, "user"],
      ["/api/export/audit?from=2025-02-30", "from"],
      ["/api/options/actors?q=%00", "q"],
      [`/api/contradictions/claim-search?q=%23${INT4_MAX + 1}`, "q"],
      ["/api/contradictions/claim-search?q=a%00b", "q"],
      [`/api/contradictions/claim-search?q=tanker&exclude=${INT4_MAX + 1}`, "exclude"],
    ];
    for (const [path, field] of cases) {
      const response = await fetch(`${app.baseUrl}${path}`, { headers: { cookie } });
      const body = (await response.json().catch(() => ({}))) as { error?: string; fieldErrors?: Record<string, string[]> };
      if (response.status !== 422 || !body.fieldErrors?.[field]?.length) failures.push(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
    }
    expect(failures).toEqual([]);
  });

  test("server action requests Next cannot decode get a 400 or 413 with a sentence, and the action never runs", async () => {
    const prisma = app.database.prisma;
    const before = await databaseFingerprint(prisma);
    const actionId = serverActionId("lib/claims/actions.ts", "updateClaimAction");
    const url = `${app.baseUrl}/claims/${fixture.claimIds[0]}`;
    const headers = serverActionHeaders(app.baseUrl, actionId, cookie);
    const claim = await prisma.claim.findUniqueOrThrow({ where: { id: fixture.claimIds[0] } });
    const form = {
      id: claim.id,
      version: claim.version,
      stance: "opposes",
      sourceStance: "reports",
      speakerId: fixture.actorId,
      newSpeakerName: "",
      attribution: "paraphrase",
      citedVia: "",
      topicId: "",
      newTopicTitle: "",
      credibility: "3",
      status: "unreviewed",
      notes: "x".repeat(SERVER_ACTION_BODY_LIMIT),
    };
    const oneMegabyte = JSON.stringify([form]);
    const bodies: [string, BodyInit, Record<string, string>, number, RegExp][] = [
      ["a form-encoded body", "id=1&notes=x", {}, 400, /not the JSON list of the action's arguments/],
      ["a JSON object instead of the argument list", JSON.stringify({ ...form, notes: "" }), {}, 400, /not the JSON list/],
      ["a reference to a row it does not carry", '["$1"]', {}, 400, /refers to data it does not carry/],
      ["a server reference", '[{"id":"$h1"}]', {}, 400, /refers to data/],
      ["a temporary reference", '["$T"]', {}, 400, /refers to data/],
      ["values nested 10,000 deep", `${"[".repeat(10_000)}${"]".repeat(10_000)}`, {}, 400, /nested more than 64 deep/],
      ["an empty body", "", {}, 400, /not the JSON list/],
      ["a body over 1 MB", oneMegabyte, {}, 413, /larger than the 1 MB/],
      ["a multipart body that cannot be read", "--x\r\nnonsense", { "content-type": "multipart/form-data; boundary=x" }, 400, /form data cannot be read/],
    ];
    const failures: string[] = [];
    for (const [name, body, extra, status, says] of bodies) {
      const response = await fetch(url, { method: "POST", headers: { ...headers, ...extra }, body });
      const text = await response.text();
      if (response.status !== status || !says.test(text)) failures.push(`${name}: ${response.status} ${text.slice(0, 200)}`);
    }
    // Chunked, so no Content-Length tells the size in advance.
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > SERVER_ACTION_BODY_LIMIT + 64 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new TextEncoder().encode(sent === 64 * 1024 ? `["${"x".repeat(64 * 1024 - 2)}` : "x".repeat(64 * 1024)));
      },
    });
    const chunked = await fetch(url, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
    if (chunked.status !== 413) failures.push(`a chunked body over 1 MB: ${chunked.status} ${(await chunked.text()).slice(0, 200)}`);
    // An action id no build made: Next answers that itself.
    const unknown = await fetch(url, { method: "POST", headers: { ...headers, "next-action": "0".repeat(42) }, body: "[]" });
    if (unknown.status >= 500 || unknown.status < 400) failures.push(`an unknown action id: ${unknown.status}`);
    expect(failures).toEqual([]);
    expect(await databaseFingerprint(prisma)).toEqual(before);

    // A well-formed call with an id no int4 column holds reaches the action, which refuses it by field.
    const outOfRange = await fetch(url, { method: "POST", headers, body: JSON.stringify([{ ...form, id: INT4_MAX + 1, notes: "" }]) });
    expect(outOfRange.status).toBe(200);
    expect(parseActionResult(await outOfRange.text())).toMatchObject({ ok: false, status: 422 });
    // And the same request with good values saves: the checks above refused bodies, not the action.
    const good = await fetch(url, { method: "POST", headers, body: JSON.stringify([{ ...form, notes: "Checked with the harbour office." }]) });
    expect(parseActionResult(await good.text())).toMatchObject({ ok: true, changed: true });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ stance: "opposes", notes: "Checked with the harbour office." });
  });
});
