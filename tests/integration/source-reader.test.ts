// The reader page sends its source's text on its own (GET /api/sources/<slug>/reader), with
// an ETag, and a revision of what the highlights show: the browser fetches the text again
// when a claim, its speaker or the text changes, not when another claim is opened.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { NextRequest } from "next/server";
import { parseHTML } from "linkedom";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, sessionUserFor, signInAs } from "@/tests/helpers/session";
import { getReaderSummary } from "@/lib/sources/queries";
import { readerMarkup, type ReaderLayout } from "@/lib/sources/highlight";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

const TEXT = "The police said the party ordered the strike. A spokesman denied it. Nobody else spoke.";
let database: TestDatabase;
let source: { id: number; slug: string; textSha256: string };
let spokesman: { id: number };
let ids: { police: number; denial: number; orphan: number };

beforeAll(async () => {
  database = await createTestDatabase();
  useAppDatabase(database);
  source = await database.prisma.source.create({ data: { slug: "karachi-report", title: "Karachi report", text: TEXT, textSha256: "a".repeat(64) } });
  spokesman = await database.prisma.actor.create({ data: { name: "Party spokesman", normalizedName: "party spokesman" } });
  const claim = (quote: string, data: Record<string, unknown> = {}) => {
    const start = TEXT.indexOf(quote);
    return database.prisma.claim.create({ data: { sourceId: source.id, quote, startOffset: start, endOffset: start + quote.length, ...data } });
  };
  ids = {
    police: (await claim("The police said the party ordered the strike.", { stance: "opposes", attribution: "reported" })).id,
    denial: (await claim("A spokesman denied it.", { speakerId: spokesman.id, attribution: "direct_quote", stance: "supports", status: "approved" })).id,
    orphan: (
      await database.prisma.claim.create({
        data: { sourceId: source.id, quote: "a sentence since edited away", startOffset: 0, endOffset: 5, anchorStatus: "orphaned" },
      })
    ).id,
  };
});

afterAll(async () => {
  releaseAppDatabase();
  await database?.drop();
});

async function get(slug: string, headers: Record<string, string> = {}): Promise<Response> {
  const { GET } = await import("@/app/api/sources/[slug]/reader/route");
  return GET(new NextRequest(`http://localhost/api/sources/${slug}/reader`, { headers }), { params: Promise.resolve({ slug }) });
}

function render(layout: ReaderLayout) {
  const { document } = parseHTML(`<!doctype html><html><body><div id="text">${readerMarkup(layout)}</div></body></html>`);
  return document.getElementById("text")!;
}

describe("GET /api/sources/[slug]/reader", () => {
  test("gives the text once with its anchored claims highlighted and labelled; orphaned claims are left to the page", async () => {
    signInAs(sessionUserFor("viewer"));
    const response = await get(source.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const layout = (await response.json()) as ReaderLayout;
    expect(layout.text).toBe(TEXT);
    expect(layout.claims.map((claim) => claim.id)).toEqual([ids.police, ids.denial]);
    expect(layout.claims[1]!.label).toBe("Party spokesman (direct quote) · stance supports · check-worthiness 50 · approved");
    expect(layout.claims[1]!.worth).toBe(50);
    const root = render(layout);
    expect(root.textContent).toBe(TEXT);
    const marks = [...root.querySelectorAll("mark")].map((mark) => [mark.getAttribute("data-claim-id"), mark.textContent, mark.getAttribute("data-stance")]);
    expect(marks).toEqual([
      [String(ids.police), "The police said the party ordered the strike.", "opposes"],
      [String(ids.denial), "A spokesman denied it.", "supports"],
    ]);
  });

  test("a browser that has the current text gets 304 and no body; after a change it gets the new text", async () => {
    signInAs(sessionUserFor("viewer"));
    const first = await get(source.slug);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    const again = await get(source.slug, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    await database.prisma.claim.update({ where: { id: ids.police }, data: { stance: "neutral", version: { increment: 1 } } });
    const changed = await get(source.slug, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const layout = (await changed.json()) as ReaderLayout;
    expect(layout.claims.find((claim) => claim.id === ids.police)!.stance).toBe("neutral");
  });

  test("an unknown source is 404 with a message, a malformed address 422, an anonymous caller 401", async () => {
    signInAs(sessionUserFor("viewer"));
    const missing = await get("no-such-source");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "No source has that address." });
    expect((await get("Not A Slug!")).status).toBe(422);
    signInAs(null);
    expect((await get(source.slug)).status).toBe(401);
  });
});

describe("the reader page's revision of the highlights", () => {
  const revision = async () => (await getReaderSummary(source, database.prisma)).revision;

  test("stays the same while nothing the highlights show changes, whichever claim is opened", async () => {
    const before = await getReaderSummary(source, database.prisma);
    expect(before.counts).toEqual({ unreviewed: 2, approved: 1 });
    expect(before.orphaned).toEqual([{ id: ids.orphan, quote: "a sentence since edited away" }]);
    expect(await revision()).toBe(before.revision);
  });

  test("changes when a claim is edited, its speaker renamed, a claim added or the text replaced", async () => {
    const seen = new Set([await revision()]);
    const expectNew = async () => {
      const next = await revision();
      expect(seen.has(next)).toBe(false);
      seen.add(next);
    };
    await database.prisma.claim.update({ where: { id: ids.denial }, data: { status: "rejected", version: { increment: 1 } } });
    await expectNew();
    await database.prisma.actor.update({ where: { id: spokesman.id }, data: { name: "MQM spokesman", version: { increment: 1 } } });
    await expectNew();
    const quote = "Nobody else spoke.";
    await database.prisma.claim.create({ data: { sourceId: source.id, quote, startOffset: TEXT.indexOf(quote), endOffset: TEXT.length } });
    await expectNew();
    source = await database.prisma.source.update({ where: { id: source.id }, data: { textSha256: "b".repeat(64) } });
    await expectNew();
  });
});
