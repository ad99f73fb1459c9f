// Claim boundaries and withdrawal against a real database: a boundary moved by a word re-anchors
// quote, offsets and context exactly and is audited; refused input changes nothing; a withdrawn claim
// leaves lists, the queue, exports, counts and detection but keeps its history, and comes back restored.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { closeExportPool, releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import { resetEnvCache } from "@/lib/env";
import { contextAround } from "@/lib/text/context";
import type { Role } from "@/lib/auth/roles";
import type { Judgement } from "@/lib/contradictions/detect";
import type { Verdict } from "@/lib/contradictions/judge";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { adjustClaimBoundaryAction, withdrawClaimAction, restoreClaimAction } = await import("@/lib/claims/actions");
const { claimContradictions, listClaims, reviewQueuePosition } = await import("@/lib/claims/queries");
const { claimStatusTotals } = await import("@/lib/claims/tallies");
const { getSourceWithClaims, getReaderSummary } = await import("@/lib/sources/queries");
const { listContradictionIds } = await import("@/lib/contradictions/queries");
const { storeVerdicts } = await import("@/lib/contradictions/detect");
const { GET } = await import("@/app/api/export/[kind]/route");

const TEXT = [
  "Harbour Gazette, 3 June 2011.",
  "",
  "The harbour master said the new pier will open in July. The contractor said the pier needs another year of work.",
  "",
  "Engineers found 14 cracks in the concrete.",
].join("\n");

describe("claim boundaries and withdrawal", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let sourceId: number;
  let opens: number;
  let needs: number;
  let single: number;
  let last: number;

  const claim = (id: number) => database.prisma.claim.findUniqueOrThrow({ where: { id } });
  const form = async (id: number, changes: Record<string, unknown> = {}) => ({ id, version: (await claim(id)).version, ...changes });
  const listedIds = async () => (await listClaims({ sort: "source", source: "harbour-gazette" }, { prisma: database.prisma })).rows.map((row) => row.id);

  async function exportedIds(kind: "claims" | "contradictions"): Promise<number[]> {
    signInAs(users.viewer);
    const response = await GET(new Request(`http://claimbase.test/api/export/${kind}`), { params: Promise.resolve({ kind }) });
    expect(response.status).toBe(200);
    signInAs(users.editor);
    return (parse(await response.text(), { columns: true }) as { id: string }[]).map((row) => Number(row.id));
  }

  async function create(quote: string, data: Record<string, unknown> = {}) {
    const start = TEXT.indexOf(quote);
    return (
      await database.prisma.claim.create({
        data: { sourceId, quote, startOffset: start, endOffset: start + quote.length, ...contextAround(TEXT, start, start + quote.length), ...data },
      })
    ).id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    sourceId = (
      await database.prisma.source.create({ data: { slug: "harbour-gazette", title: "Harbour Gazette", kind: "news", text: TEXT, textSha256: "0".repeat(64) } })
    ).id;
    opens = await create("the new pier will open");
    needs = await create("the pier needs another year of work.");
    single = await create("cracks");
    last = await create("the concrete.");
  });

  afterAll(async () => {
    await closeExportPool();
    releaseAppDatabase();
    await database?.drop();
  });

  beforeEach(() => signInAs(users.editor));

  test("extending the end by a word re-anchors quote, offsets and context in the source text, audited", async () => {
    const before = await claim(opens);
    const result = await adjustClaimBoundaryAction(await form(opens, { edge: "end", step: "extend" }));
    expect(result).toMatchObject({ ok: true, data: { quote: "the new pier will open in", version: before.version + 1 } });
    const after = await claim(opens);
    expect(after.quote).toBe("the new pier will open in");
    expect(TEXT.slice(after.startOffset, after.endOffset)).toBe(after.quote);
    expect(after.startOffset).toBe(before.startOffset);
    expect({ prefix: after.prefix, suffix: after.suffix }).toEqual(contextAround(TEXT, after.startOffset, after.endOffset));
    expect(after.anchorStatus).toBe("anchored");

    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "claim", entityId: String(opens) }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "adjust_boundary", userId: users.editor.id });
    expect(event.before).toEqual({ quote: "the new pier will open", endOffset: before.endOffset });
    expect(event.after).toEqual({ quote: "the new pier will open in", endOffset: after.endOffset });

    // And back, then the start: each step one word, the text always exact.
    await adjustClaimBoundaryAction(await form(opens, { edge: "end", step: "shrink" }));
    await adjustClaimBoundaryAction(await form(opens, { edge: "start", step: "extend" }));
    await adjustClaimBoundaryAction(await form(opens, { edge: "start", step: "extend" }));
    const moved = await claim(opens);
    expect(moved.quote).toBe("master said the new pier will open");
    expect(TEXT.slice(moved.startOffset, moved.endOffset)).toBe(moved.quote);
    await adjustClaimBoundaryAction(await form(opens, { edge: "start", step: "shrink" }));
    expect((await claim(opens)).quote).toBe("said the new pier will open");
  });

  test.each<[string, "opens" | "single" | "last" | "needs", Record<string, unknown>, number, string]>([
    ["an edge that is not start or end", "opens", { edge: "middle", step: "extend" }, 422, "Some fields need attention."],
    ["a step that is neither extend nor shrink", "opens", { edge: "end", step: "double" }, 422, "Some fields need attention."],
    ["shrinking the last word away", "single", { edge: "start", step: "shrink" }, 422, "A claim keeps at least one word."],
    ["extending past the end of the source", "last", { edge: "end", step: "extend" }, 422, "The claim already ends at the end of the source."],
    ["extending across a paragraph break", "needs", { edge: "end", step: "extend" }, 422, "The claim already ends at the end of its paragraph."],
    ["a stale version", "opens", { edge: "end", step: "extend", version: 99 }, 409, "Someone else saved this claim while you were editing it."],
  ])("refused and nothing changes: %s", async (_name, target, change, status, message) => {
    const id = { opens, single, last, needs }[target];
    const fingerprint = await databaseFingerprint(database.prisma);
    const result = await adjustClaimBoundaryAction({ ...(await form(id)), ...change });
    expect(result).toMatchObject({ ok: false, status });
    if (!result.ok) expect(result.message).toContain(message);
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
  });

  test("a move onto the span of another claim, by a viewer or of a withdrawn claim is refused and changes nothing", async () => {
    const other = await create("The contractor said the pier");
    const said = await create("contractor said the pier");
    const fingerprint = await databaseFingerprint(database.prisma);
    const duplicate = await adjustClaimBoundaryAction(await form(said, { edge: "start", step: "extend" }));
    expect(duplicate).toMatchObject({ ok: false, status: 422, message: `Claim #${other} already covers exactly that text.` });
    signInAs(users.viewer);
    expect(await adjustClaimBoundaryAction(await form(said, { edge: "end", step: "extend" }))).toMatchObject({ ok: false, status: 403 });
    expect(await withdrawClaimAction(await form(said))).toMatchObject({ ok: false, status: 403 });
    expect(await databaseFingerprint(database.prisma)).toEqual(fingerprint);
    signInAs(users.editor);
    await withdrawClaimAction(await form(said));
    const withdrawn = await databaseFingerprint(database.prisma);
    expect(await adjustClaimBoundaryAction(await form(said, { edge: "end", step: "extend" }))).toMatchObject({
      ok: false,
      status: 422,
      message: "Restore this claim before adjusting it.",
    });
    expect(await databaseFingerprint(database.prisma)).toEqual(withdrawn);
    await database.prisma.claim.deleteMany({ where: { id: { in: [other, said] } } });
  });

  test("a withdrawn claim leaves lists, queue, exports, reader, counts and contradictions, keeps its history, and comes back restored", async () => {
    const pair = await database.prisma.contradiction.create({
      data: { claimAId: Math.min(opens, needs), claimBId: Math.max(opens, needs), kind: "date", detectedBy: "dates-disagree", status: "candidate" },
    });
    const totalsBefore = await claimStatusTotals(database.prisma);
    expect(await listedIds()).toContain(needs);
    expect(await exportedIds("claims")).toContain(needs);
    expect(await exportedIds("contradictions")).toContain(pair.id);

    const result = await withdrawClaimAction(await form(needs));
    expect(result).toMatchObject({ ok: true, data: { withdrawn: true, changed: true } });
    expect((await claim(needs)).withdrawnAt).toBeInstanceOf(Date);

    expect(await listedIds()).not.toContain(needs);
    expect(await listedIds()).toContain(opens);
    expect(await exportedIds("claims")).not.toContain(needs);
    expect(await exportedIds("contradictions")).not.toContain(pair.id);
    expect(await listContradictionIds({ status: "candidate" }, database.prisma)).not.toContain(pair.id);
    // Nor does the pair show on the other claim's own page.
    expect((await claimContradictions(opens, database.prisma)).map((row) => row.id)).not.toContain(pair.id);
    const queue = await reviewQueuePosition({ source: "harbour-gazette" }, undefined, database.prisma, "source");
    expect(queue.claimId).not.toBe(needs);
    expect(queue.nextId).not.toBe(needs);
    expect((await getSourceWithClaims("harbour-gazette", database.prisma))!.claims.map((row) => row.id)).not.toContain(needs);
    const summary = await getReaderSummary({ id: sourceId, textSha256: "0".repeat(64) }, database.prisma);
    expect(summary.withdrawn.map((row) => row.id)).toEqual([needs]);
    expect((await claimStatusTotals(database.prisma)).unreviewed).toBe((totalsBefore.unreviewed ?? 0) - 1);

    // Detection proposes no pair with it, and its undecided candidate goes as stale.
    const verdict: Verdict = {
      claimAId: pair.claimAId,
      claimBId: pair.claimBId,
      kind: "date",
      rule: "dates-disagree",
      score: 0.9,
      explanation: "July or next year.",
    };
    const judgement: Judgement = {
      verdicts: [verdict],
      candidates: { claims: 3, pairs: 1, comparisons: {} as Judgement["candidates"]["comparisons"] },
      seconds: { candidates: 0, judging: 0 },
      threads: 0,
    };
    const report = await database.prisma.$transaction((tx) => storeVerdicts(tx, judgement, {}));
    expect(report).toMatchObject({ proposed: 0, created: 0, removed: 1 });

    // Its history says who withdrew it; it stays readable by id.
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "claim", entityId: String(needs) }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "withdraw", userId: users.editor.id, before: { withdrawn: false }, after: { withdrawn: true } });

    // Withdrawing again changes nothing; restoring brings it back everywhere.
    expect(await withdrawClaimAction(await form(needs))).toMatchObject({ ok: true, data: { changed: false } });
    expect(await restoreClaimAction(await form(needs))).toMatchObject({ ok: true, data: { withdrawn: false, changed: true } });
    expect((await claim(needs)).withdrawnAt).toBeNull();
    expect(await listedIds()).toContain(needs);
    expect(await exportedIds("claims")).toContain(needs);
    expect((await claimStatusTotals(database.prisma)).unreviewed).toBe(totalsBefore.unreviewed);
    const restored = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "claim", entityId: String(needs) }, orderBy: { id: "desc" } });
    expect(restored).toMatchObject({ action: "restore", userId: users.editor.id, before: { withdrawn: true }, after: { withdrawn: false } });
  });
});
