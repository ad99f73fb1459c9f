import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { copyFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { mergeActors } from "@/lib/actors/mutations";
import { DEFAULT_DOCUMENTS_DIR, DEFAULT_MANIFEST, readManifest, seedDatabase } from "@/seed/run-seed";

describe("seed", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("loads the five seed documents as sources with anchored, attributed claims", async () => {
    const report = await seedDatabase(database.prisma);
    expect(report.failures).toEqual([]);
    expect(report.documents).toHaveLength(5);
    const sources = await database.prisma.source.findMany({ include: { claims: true } });
    expect(sources.map((source) => source.slug).sort()).toEqual((await readManifest(DEFAULT_MANIFEST)).map((entry) => entry.slug).sort());
    for (const source of sources) {
      expect(source.claims.length, `${source.slug} has claims`).toBeGreaterThan(0);
      for (const claim of source.claims) {
        expect(source.text.slice(claim.startOffset, claim.endOffset)).toBe(claim.quote);
        expect(source.text.slice(Math.max(0, claim.startOffset - 32), claim.startOffset)).toBe(claim.prefix);
      }
    }
    const withSpeaker = await database.prisma.claim.count({ where: { speakerId: { not: null } } });
    expect(withSpeaker).toBeGreaterThan(20);
    // "Mr. Baqri" and "Syed Safdar Ali Baqri" are one actor.
    const baqri = await database.prisma.actor.findMany({ where: { normalizedName: { contains: "baqri" } } });
    expect(baqri).toHaveLength(1);
    // Debris is gone from the stored text.
    const forum = sources.find((source) => source.slug === "rantburg-background-on-the-mqm")!;
    expect(forum.text).not.toContain("Your e-mail (optional)");
  });

  test("running the seed again duplicates nothing and changes nothing", async () => {
    const before = await databaseFingerprint(database.prisma);
    const auditBefore = await database.prisma.auditEvent.count();
    const report = await seedDatabase(database.prisma);
    expect(report.failures).toEqual([]);
    expect(report.documents.every((summary) => summary.claimsCreated === 0 && summary.claimsUpdated === 0)).toBe(true);
    const after = await databaseFingerprint(database.prisma);
    expect({ ...after, audit_events: "" }).toEqual({ ...before, audit_events: "" });
    // Each re-seed is itself recorded, one event per document.
    expect(await database.prisma.auditEvent.count()).toBe(auditBefore + 5);
  });

  test("an editor's change survives a re-seed", async () => {
    const claim = await database.prisma.claim.findFirstOrThrow({ where: { speakerId: { not: null } }, orderBy: { id: "asc" } });
    await database.prisma.claim.update({
      where: { id: claim.id },
      data: { stance: "opposes", citedVia: "Editor's note", speakerId: null, status: "approved", version: { increment: 1 } },
    });
    await seedDatabase(database.prisma);
    const after = await database.prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after).toMatchObject({ stance: "opposes", citedVia: "Editor's note", speakerId: null, status: "approved", version: 2 });
  });

  test("an actor an editor merged away is not brought back by a re-seed", async () => {
    const editor = await database.prisma.user.create({ data: { email: "merge-editor@example.test", role: "editor" } });
    const [kept, merged] = await database.prisma.actor.findMany({
      where: { name: { in: ["Altaf Hussain", "Farooq Sattar"] } },
      orderBy: { name: "asc" },
    });
    expect(kept?.name).toBe("Altaf Hussain");
    expect(merged?.name).toBe("Farooq Sattar");
    const mergedClaims = await database.prisma.claim.count({ where: { speakerId: merged!.id } });
    await mergeActors(database.prisma, { keptId: kept!.id, keptVersion: kept!.version, mergedId: merged!.id }, editor);
    await seedDatabase(database.prisma);
    expect(await database.prisma.actor.count({ where: { name: "Farooq Sattar" } })).toBe(0);
    expect(await database.prisma.claim.count({ where: { speakerId: kept!.id } })).toBeGreaterThanOrEqual(mergedClaims);
  });

  test("a changed document re-anchors its claims and flags the ones it lost, deleting none", async () => {
    const manifest = await readManifest(DEFAULT_MANIFEST);
    const entry = manifest.find((item) => item.slug === "anti-pakistan-activities-of-mqm-in-the-us")!;
    const directory = await mkdtemp(path.join(tmpdir(), "claimbase-seed-"));
    for (const item of manifest) await copyFile(path.join(DEFAULT_DOCUMENTS_DIR, item.file), path.join(directory, item.file));
    const source = await database.prisma.source.findUniqueOrThrow({ where: { slug: entry.slug }, include: { claims: { orderBy: { startOffset: "asc" } } } });
    const lost = source.claims[1]!;
    const kept = source.claims[source.claims.length - 1]!;
    const original = await readFile(path.join(DEFAULT_DOCUMENTS_DIR, entry.file), "utf8");
    const changed = `Editor's preface: this article was republished.\n\n${original.replace(lost.quote, "")}`;
    await writeFile(path.join(directory, entry.file), changed);
    const manifestPath = path.join(directory, "sources.json");
    await writeFile(manifestPath, JSON.stringify(manifest));

    const report = await seedDatabase(database.prisma, { manifestPath, documentsDir: directory });
    expect(report.failures).toEqual([]);
    const reloaded = await database.prisma.source.findUniqueOrThrow({ where: { slug: entry.slug }, include: { claims: true } });
    const lostAfter = reloaded.claims.find((claim) => claim.id === lost.id)!;
    const keptAfter = reloaded.claims.find((claim) => claim.id === kept.id)!;
    expect(lostAfter.anchorStatus).toBe("orphaned");
    expect(keptAfter.anchorStatus).toBe("reanchored");
    expect(keptAfter.startOffset).not.toBe(kept.startOffset);
    expect(reloaded.text.indexOf(kept.quote)).toBe(keptAfter.startOffset);
    expect(reloaded.text.slice(keptAfter.startOffset, keptAfter.endOffset)).toBe(kept.quote);
    expect(reloaded.claims.length).toBeGreaterThanOrEqual(source.claims.length);
  });

  test.each([
    ["a missing file", "does-not-exist.txt", null, /does-not-exist\.txt: the file does not exist/],
    ["an empty file", "empty.txt", Buffer.alloc(0), /empty\.txt: the file is empty/],
    ["a binary file", "binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), /binary\.txt: the file is binary/],
    ["invalid UTF-8", "latin1.txt", Buffer.from([0x4d, 0x51, 0x4d, 0x20, 0xe9, 0x74, 0xe9]), /latin1\.txt: the file is not valid UTF-8/],
  ])("%s is reported by name and nothing is written for it", async (_label, file, content, message) => {
    const directory = await mkdtemp(path.join(tmpdir(), "claimbase-bad-"));
    if (content) await writeFile(path.join(directory, file), content);
    const manifestPath = path.join(directory, "sources.json");
    await writeFile(manifestPath, JSON.stringify([{ file, slug: "bad-document", title: "Bad document", kind: "other" }]));
    const before = await databaseFingerprint(database.prisma);
    const report = await seedDatabase(database.prisma, { manifestPath, documentsDir: directory });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]!.message).toMatch(message);
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });
});
