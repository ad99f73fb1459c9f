// Contradiction detection and review against a real database: what detection proposes on the
// seed corpus, that re-running it duplicates, revives and touches nothing, that reviews are
// versioned and audited, and that candidate generation does not compare every pair.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { seedDatabase } from "@/seed/run-seed";
import { detectContradictions, judgeCandidates, storeVerdicts } from "@/lib/contradictions/detect";
import { explainTrigramChannel, generateCandidates } from "@/lib/contradictions/candidates";
import { linkContradiction, reviewContradiction } from "@/lib/contradictions/mutations";
import { linkContradictionSchema, reviewContradictionSchema } from "@/lib/contradictions/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";

async function pairByQuotes(database: TestDatabase, first: string, second: string) {
  const a = await database.prisma.claim.findFirstOrThrow({ where: { quote: { contains: first } } });
  const b = await database.prisma.claim.findFirstOrThrow({ where: { quote: { contains: second } } });
  const [claimAId, claimBId] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
  return database.prisma.contradiction.findUnique({ where: { claimAId_claimBId: { claimAId, claimBId } } });
}

describe("contradictions on the seed corpus", () => {
  let database: TestDatabase;
  let editor: { id: number; email: string; name: string | null };

  beforeAll(async () => {
    database = await createTestDatabase();
    const seed = await seedDatabase(database.prisma);
    expect(seed.failures).toEqual([]);
    editor = await database.prisma.user.create({ data: { email: "editor@example.test", name: "Eda Editor", role: "editor" } });
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("detection proposes the real conflicts with readable explanations", async () => {
    const report = await detectContradictions(database.prisma);
    expect(report.created).toBeGreaterThan(15);
    expect(report.created).toBe(await database.prisma.contradiction.count());

    const riots = await pairByQuotes(database, "MQM was the main player in the ethnic riots", "We were the victims of the riots");
    expect(riots).toMatchObject({ kind: "dispute", status: "candidate", detectedBy: "dispute-language" });
    expect(riots!.explanation).toBe("Syed Safdar Ali Baqri rejects what Kevin Lynch says (“disputes”), right after it.");

    const tax = await pairByQuotes(database, "70 per cent of the country’s tax revenue", "68% of all GOP tax revenues");
    expect(tax).toMatchObject({ kind: "numeric", detectedBy: "figures-conflict" });

    const benoit = await pairByQuotes(database, "We welcome MQM-Canada’s support", "does not recall making the comment");
    expect(benoit).toMatchObject({ kind: "attribution", detectedBy: "disowned-statement" });

    // Best first: the strongest candidates are real conflicts, each with a one-line explanation.
    const top = await database.prisma.contradiction.findMany({ orderBy: { score: "desc" }, take: 5 });
    for (const row of top) {
      expect(row.claimAId).toBeLessThan(row.claimBId);
      expect(row.explanation).toMatch(/^[A-Z“].{20,240}\.$/);
      expect(row.score).toBeGreaterThan(0.6);
    }
    // One audit event for the run, listing what it created.
    const events = await database.prisma.auditEvent.findMany({ where: { entityType: "contradiction", action: "detect" } });
    expect(events).toHaveLength(1);
    expect((events[0]!.after as { created: number }).created).toBe(report.created);
  });

  test("running detection again duplicates nothing and writes nothing", async () => {
    const before = await databaseFingerprint(database.prisma);
    const report = await detectContradictions(database.prisma);
    expect(report).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("a candidate whose verdict changed is rewritten with its version raised, unless an editor reviewed it meanwhile", async () => {
    const [first, second] = await database.prisma.contradiction.findMany({
      where: { status: "candidate", detectedBy: { not: "editor" } },
      orderBy: { id: "asc" },
      take: 2,
    });
    // As if an earlier version of the rules had scored and worded these two differently.
    await database.prisma.contradiction.updateMany({ where: { id: { in: [first!.id, second!.id] } }, data: { score: 0.01, explanation: "Old wording." } });
    const stale = await database.prisma.contradiction.findUniqueOrThrow({ where: { id: first!.id } });
    const judgement = await database.prisma.$transaction((tx) => judgeCandidates(tx));
    // An editor dismisses the second pair between detection's reading and its storing.
    await reviewContradiction(
      database.prisma,
      reviewContradictionSchema.parse({ id: second!.id, version: second!.version, status: "dismissed", rationale: "Two different events." }),
      editor,
    );
    const report = await database.prisma.$transaction((tx) => storeVerdicts(tx, judgement, {}));
    expect(report).toMatchObject({ created: 0, updated: 1, removed: 0 });
    const rewritten = await database.prisma.contradiction.findUniqueOrThrow({ where: { id: first!.id } });
    expect(rewritten).toMatchObject({
      score: first!.score,
      explanation: first!.explanation,
      kind: first!.kind,
      detectedBy: first!.detectedBy,
      version: first!.version + 1,
    });
    expect(rewritten.updatedAt.getTime()).toBeGreaterThan(stale.updatedAt.getTime());
    expect(await database.prisma.contradiction.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({
      status: "dismissed",
      rationale: "Two different events.",
      score: 0.01,
      explanation: "Old wording.",
    });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "contradiction", action: "detect" }, orderBy: { id: "desc" } });
    expect(event.after).toMatchObject({ updated: 1, updatedIds: [first!.id] });
  });

  test("a dismissed pair stays dismissed and a confirmed pair stays exactly as the editor left it", async () => {
    const riots = (await pairByQuotes(database, "MQM was the main player in the ethnic riots", "We were the victims of the riots"))!;
    const tax = (await pairByQuotes(database, "70 per cent of the country’s tax revenue", "68% of all GOP tax revenues"))!;
    await reviewContradiction(
      database.prisma,
      reviewContradictionSchema.parse({ id: tax.id, version: tax.version, status: "dismissed", rationale: "Different years; both figures can be right." }),
      editor,
    );
    const confirmed = await reviewContradiction(
      database.prisma,
      reviewContradictionSchema.parse({
        id: riots.id,
        version: riots.version,
        status: "confirmed",
        rationale: "Baqri answers the memo directly.",
        preferredClaimId: riots.claimAId,
        preferredReason: "A government memo, not a party official.",
      }),
      editor,
    );
    const confirmedRow = await database.prisma.contradiction.findUniqueOrThrow({ where: { id: confirmed.id } });
    const count = await database.prisma.contradiction.count();

    const report = await detectContradictions(database.prisma);
    expect(report.created).toBe(0);
    expect(report.keptReviewed).toBeGreaterThanOrEqual(2);
    expect(await database.prisma.contradiction.count()).toBe(count);
    expect(await database.prisma.contradiction.findUniqueOrThrow({ where: { id: tax.id } })).toMatchObject({
      status: "dismissed",
      rationale: "Different years; both figures can be right.",
    });
    expect(await database.prisma.contradiction.findUniqueOrThrow({ where: { id: riots.id } })).toEqual(confirmedRow);
  });

  test("a candidate the rules no longer propose is withdrawn, unless an editor worked on it", async () => {
    const [first, second, third] = await database.prisma.claim.findMany({ where: { sourceId: 1 }, orderBy: { id: "asc" }, take: 3 });
    const stale = await database.prisma.contradiction.create({
      data: { claimAId: first!.id, claimBId: second!.id, detectedBy: "dispute-language", kind: "dispute", score: 0.5, explanation: "Old rule." },
    });
    const annotated = await database.prisma.contradiction.create({
      data: {
        claimAId: first!.id,
        claimBId: third!.id,
        detectedBy: "dispute-language",
        kind: "dispute",
        score: 0.5,
        explanation: "Old rule.",
        rationale: "Keep for now.",
      },
    });
    const report = await detectContradictions(database.prisma);
    expect(report.removed).toBe(1);
    expect(await database.prisma.contradiction.findUnique({ where: { id: stale.id } })).toBeNull();
    expect(await database.prisma.contradiction.findUnique({ where: { id: annotated.id } })).not.toBeNull();
  });

  test("a review is versioned: a stale version is refused and changes nothing", async () => {
    const row = await database.prisma.contradiction.findFirstOrThrow({ where: { status: "candidate" }, orderBy: { score: "desc" } });
    await reviewContradiction(
      database.prisma,
      reviewContradictionSchema.parse({ id: row.id, version: row.version, status: "confirmed", rationale: "First editor." }),
      editor,
    );
    const before = await databaseFingerprint(database.prisma);
    const stale = reviewContradiction(
      database.prisma,
      reviewContradictionSchema.parse({ id: row.id, version: row.version, status: "dismissed", rationale: "Second editor, stale form." }),
      editor,
    );
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ current: { status: "confirmed", rationale: "First editor.", savedBy: "Eda Editor" } });
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("every review writes one audit event with before and after, in the same transaction", async () => {
    const row = await database.prisma.contradiction.findFirstOrThrow({ where: { status: "candidate" }, orderBy: { score: "desc" } });
    const eventsBefore = await database.prisma.auditEvent.count();
    await reviewContradiction(
      database.prisma,
      reviewContradictionSchema.parse({ id: row.id, version: row.version, status: "dismissed", rationale: "Not about the same event." }),
      editor,
    );
    const events = await database.prisma.auditEvent.findMany({ where: { id: { gt: 0 } }, orderBy: { id: "desc" }, take: 1 });
    expect(await database.prisma.auditEvent.count()).toBe(eventsBefore + 1);
    expect(events[0]).toMatchObject({
      entityType: "contradiction",
      entityId: String(row.id),
      action: "dismiss",
      userId: editor.id,
      before: { status: "candidate" },
      after: { status: "dismissed", rationale: "Not about the same event." },
    });
  });

  test.each<[string, Record<string, string>, RegExp]>([
    ["no rationale for a dismissal", { status: "dismissed", rationale: "" }, /rationale/],
    ["a preferred claim without a reason", { status: "confirmed", rationale: "Real conflict.", preferredClaimId: "A" }, /preferredReason/],
    [
      "a preferred claim on a dismissed pair",
      { status: "dismissed", rationale: "No.", preferredClaimId: "A", preferredReason: "Because." },
      /preferredClaimId/,
    ],
  ])("bad review input is refused with a message: %s", (_label, fields, field) => {
    const parsed = reviewContradictionSchema.safeParse({ id: 1, version: 1, ...fields, preferredClaimId: fields.preferredClaimId ? 5 : undefined });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining([expect.stringMatching(field)]));
  });

  test("a preferred claim from outside the pair is refused and nothing changes", async () => {
    const row = await database.prisma.contradiction.findFirstOrThrow({ where: { status: "candidate" } });
    const outsider = await database.prisma.claim.findFirstOrThrow({ where: { id: { notIn: [row.claimAId, row.claimBId] } } });
    const before = await databaseFingerprint(database.prisma);
    await expect(
      reviewContradiction(
        database.prisma,
        reviewContradictionSchema.parse({
          id: row.id,
          version: row.version,
          status: "confirmed",
          rationale: "Yes.",
          preferredClaimId: outsider.id,
          preferredReason: "Better source.",
        }),
        editor,
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("an editor links two claims by hand, lower id first, audited; linking them again is refused", async () => {
    const claims = await database.prisma.claim.findMany({ where: { sourceId: 2 }, orderBy: { id: "desc" }, take: 2 });
    const [later, earlier] = claims as [(typeof claims)[number], (typeof claims)[number]];
    const input = linkContradictionSchema.parse({ claimId: later.id, otherClaimId: earlier.id, kind: "other", rationale: "Same event, opposite accounts." });
    const row = await linkContradiction(database.prisma, input, editor);
    expect(row).toMatchObject({
      claimAId: earlier.id,
      claimBId: later.id,
      status: "confirmed",
      detectedBy: "editor",
      rationale: "Same event, opposite accounts.",
      explanation: "Linked by hand by Eda Editor.",
    });
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "contradiction", entityId: String(row.id) } });
    expect(event).toMatchObject({ action: "link", userId: editor.id });

    const before = await databaseFingerprint(database.prisma);
    await expect(linkContradiction(database.prisma, { ...input, claimId: earlier.id, otherClaimId: later.id }, editor)).rejects.toBeInstanceOf(ConflictError);
    await expect(linkContradiction(database.prisma, { ...input, otherClaimId: 9_999_999 }, editor)).rejects.toBeInstanceOf(NotFoundError);
    expect(linkContradictionSchema.safeParse({ claimId: later.id, otherClaimId: later.id, kind: "other", rationale: "Self." }).success).toBe(false);
    expect(await databaseFingerprint(database.prisma)).toEqual(before);

    // Detection never rewrites or removes what an editor linked.
    const linked = await database.prisma.contradiction.findUniqueOrThrow({ where: { id: row.id } });
    await detectContradictions(database.prisma);
    expect(await database.prisma.contradiction.findUnique({ where: { id: row.id } })).toEqual(linked);
  });
});

// --- Candidate generation cost --------------------------------------------------------

/** Deterministic pseudo-random numbers, so the synthetic corpus is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Words of the seed documents, most frequent first: synthetic sentences then have the long
// tail of real text (a few words everywhere, most words rare) and its trigrams.
function seedVocabulary(): string[] {
  const directory = path.resolve(import.meta.dirname, "../../seed/documents");
  const counts = new Map<string, number>();
  for (const file of readdirSync(directory)) {
    for (const word of readFileSync(path.join(directory, file), "utf8").match(/[A-Za-z][a-z’'-]+/g) ?? []) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([word]) => word);
}

function syntheticQuote(next: () => number, vocabulary: string[]): string {
  const length = 12 + Math.floor(next() * 18);
  const words: string[] = [];
  for (let index = 0; index < length; index++) {
    // Zipf-like: the word of rank r is drawn with probability ∝ 1 / r.
    words.push(vocabulary[Math.min(vocabulary.length - 1, Math.floor(Math.exp(next() * Math.log(vocabulary.length + 1)) - 1))]!);
  }
  if (next() < 0.15) words.splice(2, 0, "not");
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(" ")}.`;
}

function negatedTwin(quote: string): string {
  const words = quote.split(" ");
  words.splice(2, 0, "never");
  return words.join(" ");
}

async function loadSyntheticClaims(database: TestDatabase, count: number): Promise<void> {
  const next = random(count);
  const vocabulary = seedVocabulary();
  const source = await database.prisma.source.create({
    data: { slug: `synthetic-${count}`, title: `Synthetic ${count}`, text: "x".repeat(10), textSha256: "0".repeat(64) },
  });
  const quotes: string[] = [];
  for (let index = 0; index < count; index++) {
    // One claim in a hundred is the previous one negated: what the trigram channel is for.
    quotes.push(index % 100 === 99 ? negatedTwin(quotes[index - 1]!) : syntheticQuote(next, vocabulary));
  }
  const rows = quotes.map((quote, index) => ({ sourceId: source.id, quote, startOffset: index * 1000, endOffset: index * 1000 + quote.length }));
  for (let start = 0; start < rows.length; start += 1000) {
    await database.prisma.claim.createMany({ data: rows.slice(start, start + 1000) });
  }
  await database.prisma.$executeRawUnsafe("ANALYZE claims");
}

describe("detection scoped to one source (an import's run)", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const seed = await seedDatabase(database.prisma);
    expect(seed.failures).toEqual([]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  test("proposes the pairs touching the source, across sources too, and leaves every other pair alone", async () => {
    const prisma = database.prisma;
    const full = await detectContradictions(prisma);
    expect(full.created).toBeGreaterThan(15);
    const tax = (await pairByQuotes(database, "70 per cent of the country’s tax revenue", "68% of all GOP tax revenues"))!;
    const [claimA, claimB] = await Promise.all([
      prisma.claim.findUniqueOrThrow({ where: { id: tax.claimAId } }),
      prisma.claim.findUniqueOrThrow({ where: { id: tax.claimBId } }),
    ]);
    expect(claimA.sourceId).not.toBe(claimB.sourceId);
    const sourceId = claimB.sourceId;
    const inSource = new Set((await prisma.claim.findMany({ where: { sourceId }, select: { id: true } })).map((claim) => claim.id));
    const touches = (row: { claimAId: number; claimBId: number }) => inSource.has(row.claimAId) || inSource.has(row.claimBId);
    const pairs = async () =>
      (await prisma.contradiction.findMany({ orderBy: { id: "asc" } })).map((row) => ({ ...row, key: `${row.claimAId}:${row.claimBId}` }));

    // As if the source had just been imported: none of its pairs exist yet. Elsewhere, a
    // candidate the rules would withdraw in a full run.
    const before = await pairs();
    const touching = before.filter(touches);
    expect(touching.length).toBeGreaterThan(0);
    await prisma.contradiction.deleteMany({ where: { id: { in: touching.map((row) => row.id) } } });
    const outside = await prisma.claim.findMany({ where: { sourceId: { not: sourceId } }, orderBy: { id: "asc" }, take: 2 });
    const unrelated = await prisma.contradiction.create({
      data: { claimAId: outside[0]!.id, claimBId: outside[1]!.id, detectedBy: "dispute-language", kind: "dispute", score: 0.5, explanation: "Old rule." },
    });
    const elsewhere = await pairs();

    const scoped = await detectContradictions(prisma, { sourceId });
    const after = await pairs();
    // Every pair elsewhere exactly as it was, the stale one included.
    expect(after.filter((row) => !touches(row))).toEqual(elsewhere);
    expect(after.find((row) => row.id === unrelated.id)).toBeDefined();
    // The new pairs all touch the source, and the cross-source conflict is among them.
    const created = after.filter(touches);
    expect(scoped.created).toBe(created.length);
    expect(created.map((row) => row.key)).toContain(tax.claimAId + ":" + tax.claimBId);
    // Most of what a full run found for the source is found again.
    const found = new Set(created.map((row) => row.key));
    expect(touching.filter((row) => found.has(`${row.claimAId}:${row.claimBId}`)).length).toBeGreaterThanOrEqual(Math.ceil(touching.length * 0.8));

    // A full run withdraws the stale candidate.
    await detectContradictions(prisma);
    expect(await prisma.contradiction.findUnique({ where: { id: unrelated.id } })).toBeNull();
  });
});

describe("candidate generation does not compare every pair", () => {
  let small: TestDatabase;
  let large: TestDatabase;

  beforeAll(async () => {
    [small, large] = [await createTestDatabase(), await createTestDatabase()];
    await loadSyntheticClaims(small, 1500);
    await loadSyntheticClaims(large, 3000);
  });
  afterAll(async () => {
    await small?.drop();
    await large?.drop();
  });

  test("pairs examined grow linearly with the claims, far below n²/2", async () => {
    const smallRun = await generateCandidates(small.prisma);
    const largeRun = await generateCandidates(large.prisma);
    const examined = (run: typeof smallRun) => Object.values(run.comparisons).reduce((sum, value) => sum + value, 0);

    expect(largeRun.claims).toBe(3000);
    const allPairs = (3000 * 2999) / 2;
    // Every channel keeps a fixed number of partners per claim.
    expect(examined(largeRun)).toBeLessThan(40 * 3000);
    expect(examined(largeRun)).toBeLessThan(allPairs / 50);
    expect(largeRun.pairs.length).toBeLessThanOrEqual(examined(largeRun));
    // Twice the claims, about twice the work, not four times.
    expect(examined(largeRun) / examined(smallRun)).toBeLessThan(2.6);
    expect(largeRun.comparisons.terms).toBeGreaterThan(0);
    // Every negated twin (claims 100 and 99, 200 and 199, … in insertion order) is proposed.
    const trigramPairs = new Set(largeRun.pairs.filter((pair) => pair.channels.includes("trigram")).map((pair) => `${pair.claimAId}:${pair.claimBId}`));
    const claims = await large.prisma.claim.findMany({ orderBy: { id: "asc" }, select: { id: true } });
    const twins = claims.filter((_claim, index) => index % 100 === 99).map((claim, twin) => `${claims[twin * 100 + 98]!.id}:${claim.id}`);
    expect(twins).toHaveLength(30);
    expect(twins.filter((pair) => trigramPairs.has(pair))).toEqual(twins);
  });

  test("the trigram channel probes through the full-text index, not by scanning the claims", async () => {
    const plan = await explainTrigramChannel(large.prisma);
    expect(plan).toMatch(/Bitmap Index Scan on claims_search_vector_idx/);
    // The GIN trigram index reads the posting lists of common trigrams for every probe.
    expect(plan).not.toContain("claims_quote_trgm_idx");
  });

  test("judging reads the pairs in batches: any batch size gives the same verdicts", async () => {
    const judge = (batchSize?: number) => large.prisma.$transaction((tx) => judgeCandidates(tx, { batchSize }), { timeout: 300_000 });
    const whole = await judge();
    const batched = await judge(97);
    expect(whole.candidates.claims).toBe(3000);
    expect(whole.candidates.pairs).toBeGreaterThan(1000);
    // The negated twins at least.
    expect(whole.verdicts.length).toBeGreaterThanOrEqual(30);
    expect(batched.verdicts).toEqual(whole.verdicts);
    expect(batched.candidates).toEqual(whole.candidates);
  });

  test("judging on worker threads gives the same verdicts as judging in place", async () => {
    const judge = (threads: number) => large.prisma.$transaction((tx) => judgeCandidates(tx, { threads, batchSize: 97 }), { timeout: 300_000 });
    const inPlace = await judge(0);
    const threaded = await judge(2);
    expect(inPlace.threads).toBe(0);
    expect(threaded.threads).toBe(2);
    expect(threaded.verdicts.length).toBeGreaterThanOrEqual(30);
    expect(threaded.verdicts).toEqual(inPlace.verdicts);
  });

  test("a claim deleted between reading and storing is skipped, and the rest is stored", async () => {
    const judgement = await large.prisma.$transaction((tx) => judgeCandidates(tx), { timeout: 300_000 });
    const gone = judgement.verdicts[0]!.claimBId;
    await large.prisma.claim.delete({ where: { id: gone } });
    const report = await large.prisma.$transaction((tx) => storeVerdicts(tx, judgement, {}));
    const stored = await large.prisma.contradiction.findMany({ select: { claimAId: true, claimBId: true } });
    const expected = judgement.verdicts.filter((verdict) => verdict.claimAId !== gone && verdict.claimBId !== gone);
    expect(report.created).toBe(expected.length);
    expect(stored.map((row) => `${row.claimAId}:${row.claimBId}`).sort()).toEqual(expected.map((row) => `${row.claimAId}:${row.claimBId}`).sort());
  });
});
