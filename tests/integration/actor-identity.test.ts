// One actor per person across imports: "Rep. Markey" in a later story joins "Ed Markey"; a near-
// spelling ("Wasay Jalil" beside the stored "Wasey Jalil") is only suggested — in the import preview
// and on the actor page — and joined when the editor says so; a stale choice changes nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { importDocument, parseImportRequest, previewImport } from "@/lib/import/import-document";
import { readPastedText } from "@/lib/import/read-document";
import { getActorDetail } from "@/lib/actors/queries";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

const FIRST = `Markey demands BP video

Representative Ed Markey said BP had understated the size of the leak from the start. Markey said the company would pay for every barrel.

MQM spokesman Wasey Jalil said the party had nothing to do with the fire at the factory.`;

const SECOND = `Spill video goes online

"This may be BP's footage, but it's America's ocean," said Rep. Markey, who chairs the subcommittee.

MQM spokesman Wasay Jalil said the owners bore the first responsibility for the deaths.`;

describe("actors across imported documents", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;

  beforeAll(async () => {
    database = await createTestDatabase();
    users = await createRoleUsers(database.prisma);
    const document = readPastedText(FIRST);
    await importDocument(database.prisma, {
      document,
      request: parseImportRequest(document.file, { metadata: { title: "Markey demands BP video", kind: "news", language: "en" }, target: "new" }),
      userId: users.editor.id,
    });
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function importSecond(sameAs: string[] = []) {
    const document = readPastedText(SECOND);
    return importDocument(database.prisma, {
      document,
      request: parseImportRequest(document.file, { metadata: { title: "Spill video goes online", kind: "news", language: "en" }, target: "new", sameAs }),
      userId: users.editor.id,
    });
  }

  test("the preview says 'Rep. Markey' joins Ed Markey and 'Wasay Jalil' is possibly Wasey Jalil", async () => {
    const preview = await previewImport(database.prisma, readPastedText(SECOND));
    const markey = preview.speakers.find((speaker) => speaker.name === "Markey");
    expect(markey?.actor?.name).toBe("Ed Markey");
    const wasay = preview.speakers.find((speaker) => speaker.name === "Wasay Jalil");
    expect(wasay?.actor).toBeNull();
    expect(wasay?.similar.map((actor) => actor.name)).toEqual(["Wasey Jalil"]);
    expect(preview.claims.find((claim) => claim.speaker === "Markey")?.knownSpeaker).toBe(true);
  });

  test("the actor page suggests the near-spelling once both exist, and merges nothing on its own", async () => {
    const scratch = await createTestDatabase();
    try {
      await scratch.prisma.actor.createMany({
        data: [
          { name: "Wasey Jalil", normalizedName: "wasey jalil", kind: "person" },
          { name: "Wasay Jalil", normalizedName: "wasay jalil", kind: "person" },
          { name: "Waseem Akhtar", normalizedName: "waseem akhtar", kind: "person" },
          { name: "Jalil Group", normalizedName: "jalil group", kind: "organization" },
        ],
      });
      const wasey = await scratch.prisma.actor.findUniqueOrThrow({ where: { normalizedName: "wasey jalil" } });
      const detail = await getActorDetail(wasey.id, scratch.prisma);
      expect(detail?.possibleDuplicates.map((row) => row.name)).toEqual(["Wasay Jalil"]);
      expect(await scratch.prisma.actor.count()).toBe(4);
    } finally {
      await scratch.drop();
    }
  });

  test("a stale choice (an actor that no longer exists) is refused and writes nothing", async () => {
    const before = await databaseFingerprint(database.prisma);
    await expect(importSecond(["999999:Wasay Jalil"])).rejects.toThrow(/no longer exists/);
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("joining on import files the claims under the stored actor and records the spelling", async () => {
    const wasey = await database.prisma.actor.findUniqueOrThrow({ where: { normalizedName: "wasey jalil" } });
    const markey = await database.prisma.actor.findUniqueOrThrow({ where: { normalizedName: "ed markey" } });
    const result = await importSecond([`${wasey.id}:Wasay Jalil`]);
    expect(result.summary.actorsCreated).toBe(0);
    const claims = await database.prisma.claim.findMany({ where: { sourceId: result.summary.sourceId }, include: { speaker: true } });
    expect(claims.find((claim) => claim.quote.includes("first responsibility"))?.speaker?.id).toBe(wasey.id);
    expect(claims.find((claim) => claim.quote.includes("America's ocean"))?.speaker?.id).toBe(markey.id);
    const after = await database.prisma.actor.findUniqueOrThrow({ where: { id: wasey.id } });
    expect(after.aliases).toContain("Wasay Jalil");
    expect((await database.prisma.actor.findUniqueOrThrow({ where: { id: markey.id } })).aliases).toContain("Markey");
  });
});
