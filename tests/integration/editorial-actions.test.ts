// The editorial server actions against a real database: optimistic concurrency, one audit
// event per changed record, refused input that changes nothing, role checks, actor merge.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";
import { canonicalActorKey } from "@/lib/extract/actors";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
// Outside a Next request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { updateClaimAction, createClaimAction, reviewClaimAction, bulkStatusAction, bulkTopicAction } = await import("@/lib/claims/actions");
const { mergeActorsAction, updateActorAction } = await import("@/lib/actors/actions");
const { updateSourceAction } = await import("@/lib/sources/actions");
const { createTopicAction, updateTopicAction } = await import("@/lib/topics/actions");

const TEXT = [
  "Karachi Herald, 12 May 2009.",
  "",
  "Police chief Ahmed Khan said the strike was called off after talks. According to the party spokesman, nobody was hurt in the rally.",
  "",
  "The report, cited by Dawn, says 14 people died in the clashes on Saturday.",
].join("\n");

describe("editorial actions", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let sourceId: number;
  let claimIds: number[];
  let khanId: number;
  let spokesmanId: number;

  function claimFields(id: number) {
    return database.prisma.claim.findUniqueOrThrow({ where: { id }, include: { speaker: true, topic: true } });
  }

  async function formFor(id: number, changes: Record<string, unknown> = {}) {
    const claim = await claimFields(id);
    return {
      id: claim.id,
      version: claim.version,
      stance: claim.stance,
      sourceStance: claim.sourceStance,
      speakerId: claim.speakerId ?? "",
      newSpeakerName: "",
      attribution: claim.attribution,
      citedVia: claim.citedVia ?? "",
      topicId: claim.topicId ?? "",
      newTopicTitle: "",
      credibility: claim.credibility,
      status: claim.status,
      notes: claim.notes ?? "",
      ...changes,
    };
  }

  const auditCount = () => database.prisma.auditEvent.count();

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    const prisma = database.prisma;
    const source = await prisma.source.create({
      data: { slug: "karachi-herald", title: "Karachi Herald report", kind: "news", text: TEXT, textSha256: "0".repeat(64), reliability: "C" },
    });
    sourceId = source.id;
    khanId = (await prisma.actor.create({ data: { name: "Ahmed Khan", normalizedName: canonicalActorKey("Ahmed Khan"), kind: "person" } })).id;
    spokesmanId = (
      await prisma.actor.create({
        data: { name: "party spokesman", normalizedName: canonicalActorKey("party spokesman"), kind: "person", aliases: ["the spokesman"] },
      })
    ).id;
    const spans = [
      { quote: "the strike was called off after talks", speakerId: khanId, attribution: "paraphrase" as const },
      { quote: "nobody was hurt in the rally", speakerId: spokesmanId, attribution: "reported" as const },
      { quote: "14 people died in the clashes on Saturday", speakerId: null, attribution: "author_voice" as const, citedVia: "Dawn" },
    ];
    claimIds = [];
    for (const span of spans) {
      const start = TEXT.indexOf(span.quote);
      const claim = await prisma.claim.create({
        data: { sourceId, startOffset: start, endOffset: start + span.quote.length, ...span },
      });
      claimIds.push(claim.id);
    }
  });

  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  beforeEach(() => signInAs(users.editor));

  test("an editor sets stance, a new speaker inline and cited-via; the claim and its audit trail show it", async () => {
    const before = await auditCount();
    const result = await updateClaimAction(
      await formFor(claimIds[0]!, {
        stance: "opposes",
        speakerId: "",
        newSpeakerName: "Inspector General Ahmed Raza",
        citedVia: "Geo News",
        status: "approved",
        credibility: "3",
      }),
    );
    expect(result).toMatchObject({ ok: true, data: { changed: true, version: 2 } });
    const claim = await claimFields(claimIds[0]!);
    expect(claim).toMatchObject({ stance: "opposes", citedVia: "Geo News", status: "approved", credibility: 3, version: 2, reviewerId: users.editor.id });
    expect(claim.speaker?.name).toBe("Inspector General Ahmed Raza");
    expect(claim.reviewedAt).toBeInstanceOf(Date);
    // A new speaker leaves the facets (acts, check-worthiness) to be recomputed by the next detection run.
    expect((await database.prisma.claim.findUniqueOrThrow({ where: { id: claimIds[0]! } })).facetsVersion).toBeNull();
    // One event for the new actor, one for the claim, both by the editor.
    const events = await database.prisma.auditEvent.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "desc" }, take: 2 });
    expect(await auditCount()).toBe(before + 2);
    expect(events.map((event) => [event.entityType, event.action, event.userId])).toEqual([
      ["claim", "update", users.editor.id],
      ["actor", "create", users.editor.id],
    ]);
    expect(events[0]!.before).toMatchObject({ stance: "unclear", citedVia: null, speaker: "Ahmed Khan" });
    expect(events[0]!.after).toMatchObject({ stance: "opposes", citedVia: "Geo News", speaker: "Inspector General Ahmed Raza" });
  });

  test("typing an existing speaker's name (or alias) reuses that actor instead of creating a duplicate", async () => {
    const actorsBefore = await database.prisma.actor.count();
    const result = await updateClaimAction(await formFor(claimIds[1]!, { speakerId: "", newSpeakerName: "the spokesman" }));
    expect(result.ok).toBe(true);
    expect((await claimFields(claimIds[1]!)).speakerId).toBe(spokesmanId);
    expect(await database.prisma.actor.count()).toBe(actorsBefore);
  });

  test("a save based on a stale version is refused with the other editor's values; nothing is overwritten", async () => {
    const stale = await formFor(claimIds[2]!);
    signInAs(users.admin);
    const first = await updateClaimAction({ ...stale, stance: "supports", citedVia: "Dawn, 13 May" });
    expect(first.ok).toBe(true);

    signInAs(users.editor);
    const fingerprint = await databaseFingerprint(database.prisma);
    const second = await updateClaimAction({ ...stale, stance: "opposes", notes: "Numbers disputed by police" });
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.status).toBe(409);
    expect(second.message).toMatch(/someone else saved this claim/i);
    expect(second.current).toMatchObject({
      version: stale.version + 1,
      values: { stance: "supports", citedVia: "Dawn, 13 May", notes: "" },
      labels: { stance: "Supports" },
      savedBy: users.admin.name,
    });
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
    expect(await claimFields(claimIds[2]!)).toMatchObject({ stance: "supports", citedVia: "Dawn, 13 May", notes: null });

    // Reapplying on top of the current version succeeds and keeps the other editor's change.
    const current = second.current as { version: number };
    const retry = await updateClaimAction({ ...(await formFor(claimIds[2]!)), notes: "Numbers disputed by police", version: current.version });
    expect(retry.ok).toBe(true);
    expect(await claimFields(claimIds[2]!)).toMatchObject({ stance: "supports", citedVia: "Dawn, 13 May", notes: "Numbers disputed by police" });
  });

  test("invalid input is refused with messages per field and changes nothing", async () => {
    const fingerprint = await databaseFingerprint(database.prisma);
    const result = await updateClaimAction(await formFor(claimIds[1]!, { credibility: "9", stance: "maybe" }));
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["credibility", "stance"]);
    expect(result.fieldErrors?.credibility?.[0]).toMatch(/1 \(confirmed\) to 6/);

    const both = await updateClaimAction(await formFor(claimIds[1]!, { speakerId: String(khanId), newSpeakerName: "Someone Else" }));
    expect(both).toMatchObject({ ok: false, status: 422, fieldErrors: { newSpeakerName: [expect.stringMatching(/not both/)] } });

    const gone = await updateClaimAction(await formFor(claimIds[1]!, { speakerId: "999999" }));
    expect(gone).toMatchObject({ ok: false, status: 422, fieldErrors: { speakerId: [expect.stringMatching(/no longer exists/)] } });
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
  });

  test("viewers and anonymous visitors are refused and change nothing", async () => {
    const fingerprint = await databaseFingerprint(database.prisma);
    signInAs(users.viewer);
    expect(await updateClaimAction(await formFor(claimIds[0]!, { stance: "neutral" }))).toMatchObject({ ok: false, status: 403 });
    expect(await bulkStatusAction({ ids: claimIds, status: "rejected" })).toMatchObject({ ok: false, status: 403 });
    expect(await mergeActorsAction({ keptId: khanId, keptVersion: 1, mergedId: spokesmanId })).toMatchObject({ ok: false, status: 403 });
    signInAs(null);
    expect(await reviewClaimAction({ id: claimIds[0], version: 1, status: "approved" })).toMatchObject({ ok: false, status: 401 });
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
  });

  test("a claim created from a selection is stored with its context; a selection that does not match the text is refused", async () => {
    const quote = "The report, cited by Dawn";
    const start = TEXT.indexOf(quote);
    const created = await createClaimAction({ sourceId, startOffset: start, endOffset: start + quote.length, quote });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const claim = await claimFields(created.data.id);
    expect(claim).toMatchObject({
      origin: "editor",
      quote,
      status: "unreviewed",
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(start + quote.length, start + quote.length + 32),
    });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ entityType: "claim", entityId: String(created.data.id), action: "create", userId: users.editor.id });

    const fingerprint = await databaseFingerprint(database.prisma);
    const shifted = await createClaimAction({ sourceId, startOffset: start + 1, endOffset: start + 1 + quote.length, quote });
    expect(shifted).toMatchObject({ ok: false, status: 422, fieldErrors: { quote: [expect.stringMatching(/not at those offsets/)] } });
    const again = await createClaimAction({ sourceId, startOffset: start, endOffset: start + quote.length, quote });
    expect(again).toMatchObject({ ok: false, status: 422, fieldErrors: { quote: [expect.stringMatching(/already covers/)] } });
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
  });

  test("review decisions record the reviewer; a stale decision is refused", async () => {
    const claim = await claimFields(claimIds[1]!);
    const decided = await reviewClaimAction({ id: claim.id, version: claim.version, status: "rejected", stance: "opposes" });
    expect(decided.ok).toBe(true);
    expect(await claimFields(claim.id)).toMatchObject({ status: "rejected", stance: "opposes", reviewerId: users.editor.id, version: claim.version + 1 });
    const stale = await reviewClaimAction({ id: claim.id, version: claim.version, status: "approved" });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    // Reopening clears the reviewer.
    await reviewClaimAction({ id: claim.id, version: claim.version + 1, status: "unreviewed" });
    expect(await claimFields(claim.id)).toMatchObject({ status: "unreviewed", reviewerId: null, reviewedAt: null });
  });

  test("bulk status and bulk topic change the selected rows, one audit event per changed claim", async () => {
    const before = await auditCount();
    const versions = await Promise.all(claimIds.map(async (id) => (await claimFields(id)).version));
    const status = await bulkStatusAction({ ids: claimIds.map(String), status: "in_review" });
    expect(status.ok).toBe(true);
    if (!status.ok) return;
    const changed = status.data.changed;
    expect(changed + status.data.unchanged).toBe(3);
    for (const [index, id] of claimIds.entries()) {
      const claim = await claimFields(id);
      expect(claim.status).toBe("in_review");
      expect(claim.version).toBeGreaterThanOrEqual(versions[index]!);
    }
    expect(await auditCount()).toBe(before + changed);

    const topic = await bulkTopicAction({ ids: [claimIds[0], claimIds[2]], newTopicTitle: "Casualties of the May 2009 strike" });
    expect(topic).toMatchObject({ ok: true, data: { changed: 2 } });
    const created = await database.prisma.topic.findFirstOrThrow({ where: { title: "Casualties of the May 2009 strike" } });
    expect(created.slug).toBe("casualties-of-the-may-2009-strike");
    expect((await claimFields(claimIds[0]!)).topicId).toBe(created.id);
    expect((await claimFields(claimIds[1]!)).topicId).toBeNull();
    // topic create + two claims
    expect(await auditCount()).toBe(before + changed + 3);

    const fingerprint = await databaseFingerprint(database.prisma);
    expect(await bulkStatusAction({ ids: [], status: "approved" })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ids: [expect.stringMatching(/at least one/)] },
    });
    expect(await bulkStatusAction({ ids: [claimIds[0], 999999], status: "approved" })).toMatchObject({ ok: false, status: 422 });
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
  });

  test("merging two actors keeps all their claims, records the names as aliases and deletes the merged one", async () => {
    const prisma = database.prisma;
    const kept = await prisma.actor.create({ data: { name: "Altaf Hussain", normalizedName: canonicalActorKey("Altaf Hussain"), kind: "person" } });
    const merged = await prisma.actor.create({
      data: { name: "Altaf Hussein", normalizedName: canonicalActorKey("Altaf Hussein"), kind: "person", aliases: ["Mr. Hussein"] },
    });
    await prisma.claim.updateMany({ where: { id: { in: [claimIds[0]!, claimIds[1]!] } }, data: { speakerId: merged.id } });
    await prisma.claim.update({ where: { id: claimIds[2]! }, data: { speakerId: kept.id } });
    const claimVersions = await Promise.all(claimIds.map(async (id) => (await claimFields(id)).version));
    const before = await auditCount();

    const stale = await mergeActorsAction({ keptId: kept.id, keptVersion: kept.version + 1, mergedId: merged.id });
    expect(stale).toMatchObject({ ok: false, status: 409 });

    const result = await mergeActorsAction({ keptId: kept.id, keptVersion: kept.version, mergedId: merged.id });
    expect(result).toMatchObject({ ok: true, data: { claimsMoved: 2 } });
    expect(await prisma.actor.findUnique({ where: { id: merged.id } })).toBeNull();
    const after = await prisma.actor.findUniqueOrThrow({ where: { id: kept.id }, include: { claims: { select: { id: true }, orderBy: { id: "asc" } } } });
    expect(after.claims.map((claim) => claim.id)).toEqual(claimIds);
    expect(after.aliases).toEqual(["Altaf Hussein", "Mr. Hussein"]);
    expect(after.version).toBe(kept.version + 1);
    // Moved claims bump their version so open editor forms notice.
    expect((await claimFields(claimIds[0]!)).version).toBe(claimVersions[0]! + 1);
    expect((await claimFields(claimIds[2]!)).version).toBe(claimVersions[2]!);
    // Two moved claims, the deleted actor, the kept actor.
    expect(await auditCount()).toBe(before + 4);

    const self = await mergeActorsAction({ keptId: kept.id, keptVersion: after.version, mergedId: kept.id });
    expect(self).toMatchObject({ ok: false, status: 422, fieldErrors: { mergedId: [expect.stringMatching(/itself/)] } });
  });

  test("renaming an actor to another actor's name is refused with a hint to merge", async () => {
    const khan = await database.prisma.actor.findUniqueOrThrow({ where: { id: khanId } });
    const result = await updateActorAction({
      id: khan.id,
      version: khan.version,
      name: "Mr. Altaf Hussain",
      kind: "person",
      reliability: "F",
      aliases: "",
      notes: "",
    });
    expect(result).toMatchObject({ ok: false, status: 422, fieldErrors: { name: [expect.stringMatching(/merge the two actors/)] } });
    const renamed = await updateActorAction({
      id: khan.id,
      version: khan.version,
      name: "Ahmed Khan",
      kind: "government_body",
      reliability: "C",
      aliases: "A. Khan\nAhmed Khan\n\nA. Khan",
      notes: "",
    });
    expect(renamed).toMatchObject({ ok: true, data: { changed: true } });
    expect(await database.prisma.actor.findUniqueOrThrow({ where: { id: khan.id } })).toMatchObject({
      kind: "government_body",
      reliability: "C",
      aliases: ["A. Khan"],
      version: khan.version + 1,
    });
    const stale = await updateActorAction({ id: khan.id, version: khan.version, name: "Ahmed Khan", kind: "court", reliability: "F", aliases: "", notes: "" });
    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/^Someone else saved this actor while you were editing it\./),
      current: {
        version: khan.version + 1,
        values: { kind: "government_body", aliases: "A. Khan" },
        labels: { kind: "Government body" },
        savedBy: users.editor.name,
      },
    });
  });

  test("source reliability is editable with conflicts detected; topics too", async () => {
    const source = await database.prisma.source.findUniqueOrThrow({ where: { id: sourceId } });
    const form = {
      id: source.id,
      version: source.version,
      title: source.title,
      kind: source.kind,
      publisher: "Herald Group",
      author: "",
      publishedDate: "12 May 2009",
      url: "",
      language: "en",
      reliability: "B",
      notes: "",
    };
    expect(await updateSourceAction(form)).toMatchObject({ ok: true, data: { changed: true } });
    expect(await database.prisma.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({
      reliability: "B",
      publisher: "Herald Group",
      version: source.version + 1,
    });
    const stale = await updateSourceAction({ ...form, reliability: "E" });
    expect(stale).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/^Someone else saved this source while you were editing it\./),
      current: { values: { reliability: "B" }, labels: { reliability: "B — Usually reliable" } },
    });
    const badUrl = await updateSourceAction({ ...form, version: source.version + 1, url: "javascript:alert(1)", reliability: "G" });
    expect(badUrl).toMatchObject({ ok: false, status: 422 });
    if (!badUrl.ok) expect(Object.keys(badUrl.fieldErrors ?? {}).sort()).toEqual(["reliability", "url"]);

    const created = await createTopicAction({ title: "Who called off the strike?", description: "" });
    expect(created).toMatchObject({ ok: true, data: { slug: "who-called-off-the-strike" } });
    if (!created.ok) return;
    expect(await createTopicAction({ title: "who called off the STRIKE?" })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { title: [expect.stringMatching(/already exists/)] },
    });
    expect(await updateTopicAction({ id: created.data.id, version: 1, title: "Who called off the strike, and why?", description: "" })).toMatchObject({
      ok: true,
    });
    expect(await updateTopicAction({ id: created.data.id, version: 1, title: "Stale title", description: "" })).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/^Someone else saved this topic while you were editing it\./),
      current: { values: { title: "Who called off the strike, and why?" } },
    });
  });
});
