// Propositions against a real database: what the grouping run puts together (and keeps apart), that a
// second run changes nothing, that an editor's confirm, split, merge and placement survive later runs,
// that a stale or bad request changes nothing, and that an import's claims join what is already there.
// Documents of a subject no labelled set covers: the August 2015 Tianjin port explosions.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { ingestDocument } from "@/lib/ingest/ingest-document";
import { detectContradictions } from "@/lib/contradictions/detect";
import { groupPropositions } from "@/lib/propositions/group";
import { confirmProposition, mergePropositions, placeClaim, relabelProposition, splitProposition } from "@/lib/propositions/mutations";
import { splitPropositionSchema } from "@/lib/propositions/schema";
import { ConflictError, ValidationError } from "@/lib/errors";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";

const WIRE = `TIANJIN, Aug 19 (Wire) - The death toll from last week's explosions at a chemical warehouse in the port of Tianjin rose to 114, the city government said on Wednesday.

About 700 tonnes of sodium cyanide had been stored at the site, a senior army chemical officer told reporters.

Ruihai International Logistics denied that it had stored the chemicals illegally.

Reporting by Chen Li; Editing by Tom Hart`;

const PAPER = `Tianjin blasts: anger grows over chemical storage

By Wang Fang | August 20, 2015

The explosions killed 114 people, according to the city government.

Officials said roughly 700 tonnes of sodium cyanide were kept at the warehouse, far more than permitted.

Residents accused Ruihai International Logistics of storing the chemicals illegally next to their homes.

Share this article`;

const LATER = `Tianjin toll update

The city government said on Thursday that the explosions at the port of Tianjin had killed 114 people, with 65 still missing.`;

async function ingest(database: TestDatabase, slug: string, text: string) {
  return ingestDocument(database.prisma, {
    metadata: { slug, title: slug, kind: "news", publisher: null, author: null, publishedDate: "2015-08-20", url: null, language: "en", notes: null },
    rawText: text,
    originFile: `${slug}.txt`,
    via: "import",
    target: "new",
  });
}

async function claimWith(database: TestDatabase, words: string, sourceSlug?: string) {
  return database.prisma.claim.findFirstOrThrow({
    where: { quote: { contains: words }, ...(sourceSlug && { source: { slug: sourceSlug } }) },
    include: { proposition: true },
  });
}

describe("propositions", () => {
  let database: TestDatabase;
  let editor: { id: number };

  beforeAll(async () => {
    database = await createTestDatabase();
    await ingest(database, "wire", WIRE);
    await ingest(database, "paper", PAPER);
    await detectContradictions(database.prisma);
    await groupPropositions(database.prisma);
    editor = await database.prisma.user.create({ data: { email: "ed@example.test", name: "Ed", role: "editor" } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("the same figure for the same toll, told by two sources, is one proposition with a reason", async () => {
    const wire = await claimWith(database, "rose to 114", "wire");
    const paper = await claimWith(database, "killed 114 people", "paper");
    expect(wire.proposition).not.toBeNull();
    expect(paper.proposition?.propositionId).toBe(wire.proposition!.propositionId);
    expect(paper.proposition?.reason).toMatch(/114/);
    expect(paper.proposition?.placement).toBe("system");
  });

  test("a denial and an accusation of the same company are not one proposition", async () => {
    const denial = await claimWith(database, "denied that it had stored");
    const accusation = await claimWith(database, "accused Ruihai");
    expect(denial.proposition === null || denial.proposition.propositionId !== accusation.proposition?.propositionId).toBe(true);
  });

  test("a second run changes nothing", async () => {
    const before = await databaseFingerprint(database.prisma);
    const report = await groupPropositions(database.prisma);
    expect(report).toMatchObject({ created: 0, joined: 0, left: 0, removed: 0 });
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("an import's restatement joins the proposition already there", async () => {
    const summary = await ingestDocument(database.prisma, {
      metadata: {
        slug: "later",
        title: "later",
        kind: "news",
        publisher: null,
        author: null,
        publishedDate: "2015-08-21",
        url: null,
        language: "en",
        notes: null,
      },
      rawText: LATER,
      originFile: "later.txt",
      via: "import",
      target: "new",
      detectContradictions: true,
    });
    expect(summary.propositionsJoined).toBeGreaterThanOrEqual(1);
    const wire = await claimWith(database, "rose to 114", "wire");
    const later = await claimWith(database, "had killed 114 people", "later");
    expect(later.proposition?.propositionId).toBe(wire.proposition!.propositionId);
  });

  test("confirm makes every member the editor's; a split-off claim stays split after a new run", async () => {
    const wire = await claimWith(database, "rose to 114", "wire");
    const id = wire.proposition!.propositionId;
    const proposition = await database.prisma.proposition.findUniqueOrThrow({ where: { id }, include: { members: true } });
    expect(proposition.members.length).toBeGreaterThanOrEqual(3);

    const confirmed = await confirmProposition(database.prisma, { id, version: proposition.version }, editor);
    const members = await database.prisma.propositionMember.findMany({ where: { propositionId: id } });
    expect(members.every((member) => member.placement === "editor" && member.placedById === editor.id)).toBe(true);

    const later = await claimWith(database, "had killed 114 people", "later");
    const split = await splitProposition(database.prisma, { id, version: confirmed.version, claimIds: [later.id] }, editor);
    await groupPropositions(database.prisma);
    const after = await database.prisma.propositionMember.findUniqueOrThrow({ where: { claimId: later.id } });
    expect(after.propositionId).toBe(split.newId);
    expect(after.placement).toBe("editor");
    expect((await database.prisma.proposition.findUniqueOrThrow({ where: { id } })).status).toBe("confirmed");

    const audit = await database.prisma.auditEvent.findMany({ where: { entityType: "proposition" }, orderBy: { id: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(expect.arrayContaining(["confirm", "split", "create"]));
  });

  test("merge moves the other's members in and removes it; placing a claim moves it out of its old proposition", async () => {
    const wire = await claimWith(database, "rose to 114", "wire");
    const later = await claimWith(database, "had killed 114 people", "later");
    const [target, other] = await database.prisma.proposition.findMany({
      where: { id: { in: [wire.proposition!.propositionId, later.proposition!.propositionId] } },
    });
    const merged = await mergePropositions(
      database.prisma,
      { id: target!.id, version: target!.version, otherId: other!.id, otherVersion: other!.version },
      editor,
    );
    expect(await database.prisma.proposition.findUnique({ where: { id: other!.id } })).toBeNull();
    expect((await database.prisma.propositionMember.findUniqueOrThrow({ where: { claimId: later.id } })).propositionId).toBe(target!.id);

    const cyanide = await claimWith(database, "700 tonnes of sodium cyanide", "wire");
    const placed = await placeClaim(database.prisma, { claimId: cyanide.id, id: target!.id, version: merged.version }, editor);
    expect(placed.version).toBeGreaterThan(merged.version);
    expect((await database.prisma.propositionMember.findUniqueOrThrow({ where: { claimId: cyanide.id } })).propositionId).toBe(target!.id);
  });

  test("a stale version or a bad split is refused and changes nothing", async () => {
    const wire = await claimWith(database, "rose to 114", "wire");
    const proposition = await database.prisma.proposition.findUniqueOrThrow({ where: { id: wire.proposition!.propositionId }, include: { members: true } });
    const before = await databaseFingerprint(database.prisma);

    await expect(relabelProposition(database.prisma, { id: proposition.id, version: proposition.version - 1, label: "Stale" }, editor)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(
      splitProposition(
        database.prisma,
        { id: proposition.id, version: proposition.version, claimIds: proposition.members.map((member) => member.claimId) },
        editor,
      ),
    ).rejects.toThrow(ValidationError);
    const outsider = await claimWith(database, "accused Ruihai");
    await expect(splitProposition(database.prisma, { id: proposition.id, version: proposition.version, claimIds: [outsider.id] }, editor)).rejects.toThrow(
      ValidationError,
    );
    expect(splitPropositionSchema.safeParse({ id: proposition.id, version: 1, claimIds: [] }).success).toBe(false);
    expect(splitPropositionSchema.safeParse({ id: 2 ** 31, version: 1, claimIds: [1] }).success).toBe(false);
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });
});
