// The JSON-LD export round-trips: the seed plus editor work (a confirmed contradiction, reviewed and
// withdrawn claims, a discussion with an edit and a mention, an assignment) is exported with the
// command line, imported with the command line into a second, empty database, and every row of every
// exported table is compared. The document expands offline with the jsonld package to the public
// vocabularies; bad files are refused with the node and field named and the database unchanged; the
// HTTP export streams the same document to editors.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import jsonld from "jsonld";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { closeExportPool, releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { resetEnvCache } from "@/lib/env";
import type { Role } from "@/lib/auth/roles";
import { seedDatabase } from "@/seed/run-seed";
import { detectContradictions } from "@/lib/contradictions/detect";
import { reviewContradiction } from "@/lib/contradictions/mutations";
import { bulkSetTopic, reviewClaim, setClaimWithdrawn } from "@/lib/claims/mutations";
import { bulkTopicSchema } from "@/lib/claims/schema";
import { editComment, replyToThread, startThread } from "@/lib/comments/mutations";
import { assignClaims } from "@/lib/assignments/mutations";
import { groupPropositions } from "@/lib/propositions/group";
import { confirmProposition, placeClaim } from "@/lib/propositions/mutations";
import { detectReuseForAll, fingerprintSource } from "@/lib/reuse/detect";
import { decideSourceReuse } from "@/lib/reuse/mutations";
import { importJsonLd } from "@/lib/jsonld/import";
import { TABLE_MAPPERS } from "@/lib/jsonld/registry";
import { GET } from "@/app/api/export/jsonld/route";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Columns the export leaves out on purpose: secrets and session state (README: JSON-LD). */
const NOT_CARRIED: Record<string, readonly string[]> = { users: ["password_hash", "session_version"] };

type Node = Record<string, unknown>;
type Document = { "@context": Record<string, unknown>; "@graph": Node[] };

async function tableRows(url: string, table: string, key: readonly string[]): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT * FROM ${table} ORDER BY ${key.join(", ")}`);
    for (const row of rows) for (const column of NOT_CARRIED[table] ?? []) delete row[column];
    return rows;
  } finally {
    await client.end();
  }
}

async function npm(script: string, args: string[], databaseUrl: string) {
  return run("npm", ["run", "--silent", script, "--", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 64 * 1024 * 1024 });
}

describe("JSON-LD export and import", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let users: Record<Role, TestUser>;
  let directory: string;
  let file: string;
  let document: Document;
  const work = { approved: 0, rejected: 0, withdrawn: 0, contradiction: 0, emojiClaim: 0, emojiStart: 0, emojiSource: 0, proposition: 0 };

  const nodeById = (id: string) => document["@graph"].find((node) => node["@id"] === id);

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    directory = await mkdtemp(path.join(tmpdir(), "claimbase-jsonld-"));
    file = path.join(directory, "export.jsonld");
    const seed = await seedDatabase(source.prisma);
    expect(seed.failures).toEqual([]);
    await detectContradictions(source.prisma);
    await groupPropositions(source.prisma);
    // A blog reposting a seed document without naming it: a reuse row for an editor to confirm.
    const original = await source.prisma.source.findFirstOrThrow({ orderBy: { id: "asc" } });
    const repost = `Shared from elsewhere.\n\n${original.text.slice(0, 4000)}`;
    await source.prisma.source.create({
      data: { slug: "repost", title: "Repost", kind: "blog", text: repost, textSha256: createHash("sha256").update(repost, "utf8").digest("hex") },
    });
    await detectReuseForAll(source.prisma);
    users = await createRoleUsers(source.prisma);
    await createUser(source.prisma, "editor", { email: "former@example.test", name: "Former Editor", active: false });
    const prisma = source.prisma;
    const editor = users.editor;

    // Editor work: reviews that bump versions, a withdrawal, a confirmed pair with a preferred claim.
    const claims = await prisma.claim.findMany({ orderBy: { id: "asc" }, take: 3, where: { anchorStatus: "anchored" } });
    work.approved = claims[0]!.id;
    work.rejected = claims[1]!.id;
    work.withdrawn = claims[2]!.id;
    await reviewClaim(prisma, { id: work.approved, version: claims[0]!.version, status: "approved" }, editor);
    await reviewClaim(prisma, { id: work.rejected, version: claims[1]!.version, status: "rejected", stance: "opposes" }, editor);
    await setClaimWithdrawn(prisma, { id: work.withdrawn, version: claims[2]!.version }, true, editor);
    const pair = await prisma.contradiction.findFirstOrThrow({ where: { status: "candidate" }, orderBy: { score: "desc" } });
    work.contradiction = pair.id;
    await reviewContradiction(
      prisma,
      {
        id: pair.id,
        version: pair.version,
        status: "confirmed",
        rationale: "Both speak of the same day.",
        preferredClaimId: pair.claimAId,
        preferredReason: "Earlier, and on the record.",
      },
      editor,
    );
    // A discussion: a thread, a reply that mentions the admin, an edited comment (its earlier wording kept).
    const thread = await startThread(prisma, { entityType: "claim", entityId: work.approved, body: "Is this the minister's own wording?" }, editor);
    await replyToThread(prisma, { threadId: thread.threadId, body: "@admin could you check the transcript?" }, users.admin);
    const first = await prisma.comment.findFirstOrThrow({ where: { threadId: thread.threadId }, orderBy: { id: "asc" } });
    await editComment(prisma, { id: first.id, version: first.version, body: "Is this the minister's own wording, or the paper's?" }, editor);
    await bulkSetTopic(prisma, bulkTopicSchema.parse({ ids: [work.approved, work.rejected], newTopicTitle: "Who opened the bridge?" }), editor);
    const proposition = await prisma.proposition.findFirstOrThrow({
      orderBy: { id: "asc" },
      where: { members: { some: { claim: { source: { publishedDate: { not: null } } } } } },
    });
    work.proposition = proposition.id;
    await confirmProposition(prisma, { id: proposition.id, version: proposition.version }, editor);
    const reuse = await prisma.sourceReuse.findFirstOrThrow({ orderBy: { id: "asc" } });
    await decideSourceReuse(prisma, { id: reuse.id, version: reuse.version, status: "confirmed" }, editor);
    await assignClaims(prisma, { assigneeId: editor.id, ids: [work.approved, work.rejected] }, users.admin);

    // A text with an emoji: Web Annotation counts code points where the app counts UTF-16 units.
    const text = "Residents posted 🙂 and 🇵🇰 online. The mayor said the bridge reopens on Monday. Nobody believed it.";
    const quote = "the bridge reopens on Monday";
    work.emojiStart = text.indexOf(quote);
    const emojiSource = await prisma.source.create({
      data: {
        slug: "emoji-bridge",
        title: "Bridge 🙂",
        kind: "forum",
        text,
        textSha256: createHash("sha256").update(text, "utf8").digest("hex"),
        reliability: "D",
        publishedDate: "June 1999",
        claims: {
          create: {
            quote,
            startOffset: work.emojiStart,
            endOffset: work.emojiStart + quote.length,
            prefix: text.slice(0, work.emojiStart),
            suffix: text.slice(work.emojiStart + quote.length),
            credibility: 3,
          },
        },
      },
      include: { claims: true },
    });
    work.emojiClaim = emojiSource.claims[0]!.id;
    work.emojiSource = emojiSource.id;
    // As an import would: the new source joins the reuse lookup.
    await fingerprintSource(prisma, emojiSource);
    const placed = await prisma.proposition.findUniqueOrThrow({ where: { id: work.proposition } });
    await placeClaim(prisma, { claimId: work.emojiClaim, id: placed.id, version: placed.version }, editor);

    await npm("export", ["jsonld", "--out", file], source.url);
    document = JSON.parse(await readFile(file, "utf8")) as Document;
  }, 600_000);

  afterAll(async () => {
    await closeExportPool();
    releaseAppDatabase();
    await source?.drop();
    await target?.drop();
  });

  test("the document expands offline to schema.org, Web Annotation and the Claimbase vocabulary", async () => {
    const claimId = `urn:claimbase:claim:${work.approved}`;
    const claim = nodeById(claimId)!;
    // Expanding one claim with its source, speaker and reviewer keeps the test quick; the context is the whole file's.
    const sample = {
      "@context": document["@context"],
      "@graph": [claim, nodeById(`urn:claimbase:source:${(claim["schema:appearance"] as { "@id": string })["@id"].split(":").pop()}`)],
    };
    const expanded = (await jsonld.expand(sample as jsonld.JsonLdDocument)) as Array<Record<string, unknown>>;
    const expandedClaim = expanded.find((node) => node["@id"] === claimId)!;
    expect(expandedClaim["@type"]).toEqual(["https://schema.org/Claim"]);
    expect(expandedClaim["https://schema.org/appearance"]).toEqual([{ "@id": (claim["schema:appearance"] as { "@id": string })["@id"] }]);
    const anchor = (expandedClaim["urn:claimbase:vocab:anchor"] as Array<Record<string, unknown>>)[0]!;
    expect(anchor["@type"]).toEqual(["http://www.w3.org/ns/oa#Annotation"]);
    const target = (anchor["http://www.w3.org/ns/oa#hasTarget"] as Array<Record<string, unknown>>)[0]!;
    const selectors = target["http://www.w3.org/ns/oa#hasSelector"] as Array<Record<string, unknown>>;
    expect(selectors.map((selector) => selector["@type"])).toEqual([
      ["http://www.w3.org/ns/oa#TextQuoteSelector"],
      ["http://www.w3.org/ns/oa#TextPositionSelector"],
    ]);
    const review = (expandedClaim["https://schema.org/subjectOf"] as Array<Record<string, unknown>>)[0]!;
    expect(review["@type"]).toEqual(["https://schema.org/ClaimReview"]);
    expect(review["https://schema.org/author"]).toEqual([{ "@id": `urn:claimbase:user:${users.editor.id}` }]);
    expect(expandedClaim["https://schema.org/dateCreated"]).toEqual([
      { "@type": "http://www.w3.org/2001/XMLSchema#dateTime", "@value": claim["schema:dateCreated"] },
    ]);
    expect(expandedClaim["urn:claimbase:vocab:admiraltyCredibility"]).toBeDefined();
    const sourceNode = expanded.find((node) => node["@id"] !== claimId)!;
    expect(String(sourceNode["@type"])).toMatch(/^https:\/\/schema\.org\//);
    expect(sourceNode["urn:claimbase:vocab:admiraltyReliability"]).toBeDefined();
  });

  test("the export carries the editor's work, reviews as ClaimReview, and no password hashes", async () => {
    const text = await readFile(file, "utf8");
    expect(text).not.toMatch(/password|\$2[aby]\$/i);
    const approved = nodeById(`urn:claimbase:claim:${work.approved}`)!;
    expect(approved).toMatchObject({
      "cb:status": "approved",
      "cb:reviewer": { "@id": `urn:claimbase:user:${users.editor.id}` },
      "cb:assignee": { "@id": `urn:claimbase:user:${users.editor.id}` },
    });
    expect(approved["schema:subjectOf"]).toMatchObject({ "@type": "schema:ClaimReview", "schema:reviewRating": { "schema:alternateName": "Approved" } });
    // Not reviewed: no ClaimReview.
    expect(nodeById(`urn:claimbase:claim:${work.withdrawn}`)!["schema:subjectOf"]).toBeUndefined();
    expect(nodeById(`urn:claimbase:claim:${work.withdrawn}`)!["cb:withdrawnAt"]).toEqual(expect.any(String));
    expect(nodeById(`urn:claimbase:contradiction:${work.contradiction}`)).toMatchObject({
      "cb:status": "confirmed",
      "cb:rationale": "Both speak of the same day.",
    });
    expect(nodeById(`urn:claimbase:user:${users.admin.id}`)).toEqual({
      "@id": `urn:claimbase:user:${users.admin.id}`,
      "@type": "schema:Person",
      "schema:email": "admin@example.test",
      "schema:name": "Test admin",
      "cb:role": "admin",
      "cb:active": true,
      "schema:dateCreated": expect.any(String),
      "schema:dateModified": expect.any(String),
    });
    // The emoji counts as one code point in oa:start, two UTF-16 units in the app; 🇵🇰 is two code points.
    const emoji = nodeById(`urn:claimbase:claim:${work.emojiClaim}`)!;
    const position = ((emoji["cb:anchor"] as Node)["oa:hasTarget"] as { "oa:hasSelector": Node[] })["oa:hasSelector"][1]!;
    expect(position["oa:start"]).toBe(work.emojiStart - 3);
    // A claim in a proposition first appeared in the earliest dated source among its members: the 1999 forum post.
    const members = await source.prisma.propositionMember.findMany({ where: { propositionId: work.proposition } });
    expect(members.length).toBeGreaterThan(2);
    for (const member of members) {
      expect(nodeById(`urn:claimbase:claim:${member.claimId}`)!["schema:firstAppearance"], `claim ${member.claimId}`).toEqual({
        "@id": `urn:claimbase:source:${work.emojiSource}`,
      });
    }
    // Outside a proposition, a claim's only appearance is its own source.
    const alone = await source.prisma.claim.findFirstOrThrow({ where: { proposition: null, sourceId: { not: work.emojiSource } } });
    expect(nodeById(`urn:claimbase:claim:${alone.id}`)!["schema:firstAppearance"]).toEqual({ "@id": `urn:claimbase:source:${alone.sourceId}` });
    const types = new Set(document["@graph"].map((node) => node["@type"]));
    for (const type of [
      "schema:Claim",
      "schema:DiscussionForumPosting",
      "cb:Contradiction",
      "schema:Comment",
      "cb:CommentEdit",
      "cb:Mention",
      "cb:AuditEvent",
      "cb:Topic",
    ]) {
      expect(types).toContain(type);
    }
  });

  test("the bad files are refused with the node and field named, and nothing is written", async () => {
    const before = await databaseFingerprint(target.prisma);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    const claimIndex = document["@graph"].findIndex((node) => node["@id"] === `urn:claimbase:claim:${work.approved}`);
    const claimLabel = `node ${claimIndex + 1} of @graph (urn:claimbase:claim:${work.approved})`;
    const changed = (change: (copy: Document) => void): string => {
      const copy = structuredClone(document);
      change(copy);
      return JSON.stringify(copy);
    };
    const claimOf = (copy: Document) => copy["@graph"][claimIndex]!;
    const cases: Array<[string, string, RegExp]> = [
      ["not JSON", "{ this is not json", /The file is not JSON/],
      ["a wrong context", changed((copy) => (copy["@context"].schema = "http://schema.org/")), /@context: "schema" is "http:\/\/schema.org\/"/],
      [
        "a term Claimbase does not define",
        changed((copy) => (copy["@context"].name = "https://schema.org/name")),
        /@context: "name" is "https:\/\/schema.org\/name", Claimbase's context has no such term/,
      ],
      [
        "a remote context",
        changed((copy) => ((copy as { "@context": unknown })["@context"] = "https://schema.org/")),
        /@context: expected Claimbase's inline context/,
      ],
      ["a missing field", changed((copy) => delete claimOf(copy)["cb:stance"]), new RegExp(`${escapeRegExp(claimLabel)}, field cb:stance: .*`)],
      [
        "an unknown enum value",
        changed((copy) => (claimOf(copy)["cb:stance"] = "maybe")),
        new RegExp(`${escapeRegExp(claimLabel)}, field cb:stance: Invalid option`),
      ],
      [
        "credibility off the Admiralty scale",
        changed((copy) => (claimOf(copy)["cb:admiraltyCredibility"] = 7)),
        new RegExp(`${escapeRegExp(claimLabel)}, field cb:admiraltyCredibility`),
      ],
      [
        "a dangling reference",
        changed((copy) => (claimOf(copy)["schema:author"] = { "@id": "urn:claimbase:actor:999999" })),
        new RegExp(`${escapeRegExp(claimLabel)}, field schema:author: refers to urn:claimbase:actor:999999, which is not in the file`),
      ],
      [
        "a duplicate id",
        changed((copy) => copy["@graph"].push(structuredClone(claimOf(copy)))),
        new RegExp(`urn:claimbase:claim:${work.approved}\\), field @id: the same id as node ${claimIndex + 1}`),
      ],
      [
        "an anchor off the source text",
        changed((copy) => {
          const selectors = ((claimOf(copy)["cb:anchor"] as Node)["oa:hasTarget"] as { "oa:hasSelector": Node[] })["oa:hasSelector"];
          selectors[1]!["oa:start"] = (selectors[1]!["oa:start"] as number) + 1;
        }),
        new RegExp(`${escapeRegExp(claimLabel)}, field cb:anchor.oa:start: .* do not select the quote`),
      ],
      ["an unknown property", changed((copy) => (claimOf(copy)["cb:stanse"] = "supports")), new RegExp(`${escapeRegExp(claimLabel)}, field .*cb:stanse`)],
      [
        "a source text changed by hand",
        changed((copy) => {
          const node = copy["@graph"].find(
            (candidate) => candidate["@id"] === `urn:claimbase:source:${(claimOf(copy)["schema:appearance"] as { "@id": string })["@id"].split(":").pop()}`,
          )!;
          node["schema:text"] = `${node["schema:text"] as string} (edited)`;
        }),
        /field cb:textSha256: does not match the sha256 of schema:text/,
      ],
    ];
    try {
      for (const [label, text, message] of cases) {
        await expect(importJsonLd(client, text), label).rejects.toThrow(message);
        await expect(importJsonLd(client, text), label).rejects.toThrow(/^The file was not imported; nothing was written/);
      }
    } finally {
      await client.end();
    }
    expect(await databaseFingerprint(target.prisma)).toEqual(before);
    expect(await target.prisma.claim.count()).toBe(0);

    // A database that holds anything is refused as a whole, and keeps what it had.
    const sourceBefore = await databaseFingerprint(source.prisma);
    const sourceClient = new pg.Client({ connectionString: source.url });
    await sourceClient.connect();
    try {
      await expect(importJsonLd(sourceClient, JSON.stringify(document))).rejects.toThrow(
        /^The database is not empty \(users, actors, topics, sources, .*claims, .*audit_events hold rows\): a JSON-LD export is imported only into an empty database/,
      );
    } finally {
      await sourceClient.end();
    }
    expect(await databaseFingerprint(source.prisma)).toEqual(sourceBefore);
  });

  test("imported into an empty database, every row of every exported table comes back", async () => {
    const { stdout } = await npm("import:jsonld", [file], target.url);
    expect(stdout).toMatch(/Imported \d+ rows/);
    expect(stdout).toMatch(/no password/);
    for (const mapper of TABLE_MAPPERS) {
      const expected = await tableRows(source.url, mapper.table, mapper.key);
      const actual = await tableRows(target.url, mapper.table, mapper.key);
      expect(expected.length, mapper.table).toBeGreaterThan(0);
      if (mapper.table === "audit_events") {
        // The import records itself: one event after everything it brought.
        const own = actual.pop()!;
        expect(own).toMatchObject({ entity_type: "import", action: "import_jsonld", user_id: null });
        expect(Number(own.id)).toBe(Number(expected.at(-1)!.id) + 1);
      }
      expect(actual, mapper.table).toEqual(expected);
    }
    // Not carried but rebuilt from the texts: the reuse lookup's fingerprints.
    expect(await tableRows(target.url, "source_fingerprints", ["key", "source_id"])).toEqual(
      await tableRows(source.url, "source_fingerprints", ["key", "source_id"]),
    );
    // Users come without a password: they sign in after an admin sets one.
    expect(await target.prisma.user.count({ where: { passwordHash: { not: null } } })).toBe(0);
    // Sequences moved past the imported ids: a new row takes the next one.
    const lastTopic = await target.prisma.topic.findFirstOrThrow({ orderBy: { id: "desc" } });
    const topic = await target.prisma.topic.create({ data: { slug: "after-import", title: "After the import" } });
    expect(topic.id).toBe(lastTopic.id + 1);
  }, 300_000);

  test("GET /api/export/jsonld streams the same document to editors", async () => {
    process.env.DATABASE_URL = source.url;
    resetEnvCache();
    useAppDatabase(source);
    signInAs(users.viewer);
    expect((await GET(new Request("http://claimbase.test/api/export/jsonld"), {})).status).toBe(403);
    signInAs(users.editor);
    const response = await GET(new Request("http://claimbase.test/api/export/jsonld"), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="claimbase-\d{4}-\d{2}-\d{2}\.jsonld"$/);
    const over = JSON.parse(await response.text()) as Document;
    // The same nodes, then the audit event of this download.
    expect(over["@context"]).toEqual(document["@context"]);
    expect(over["@graph"].slice(0, -1)).toEqual(document["@graph"]);
    expect(over["@graph"].at(-1)).toMatchObject({
      "@type": "cb:AuditEvent",
      "cb:entityId": "jsonld",
      "schema:agent": { "@id": `urn:claimbase:user:${users.editor.id}` },
    });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
