// npm run eval:propositions — how well Claimbase finds corroboration, per subject, on labelled sets
// (tests/fixtures/conflicts/<subject>/corroboration.json and tests/fixtures/seed-corroboration.json;
// format in tests/fixtures/conflicts/CORROBORATION-LABELS.md). Each subject is loaded into its own
// throwaway database as the seed loads documents; reuse detection, contradiction detection and the
// grouping run then run as they do after an import, and three things are scored:
//
//   matching   pairs of claims the run put in one proposition, against the labelled propositions:
//              precision over the pairs that touch a labelled member (members lists are exhaustive),
//              recall over the labelled pairs; look-alike pairs ("different") grouped are counted apart;
//   reposts    which source repeats which (source_reuse rows, not dismissed) against the labelled reposts;
//   origins    for every labelled proposition, the independent-origin count traced from its labelled
//              members (speakers, cited-via chains, reposts) against the labelled count.
//
// Subjects in HELD_OUT are never used for tuning: their figures are printed apart.
//
//   --subject NAME  only this subject (repeatable)
//   --tuning        leave the held-out subjects out (what to run while changing rules)
//   --verbose       print each subject's wrong and missed matches, reposts and origin counts
//   --explain       with --verbose's list, each missed pair's figures, acts, relatedness and the judges' answers, and for
//                   each wrong origin count every member's labelled origin, what was read (speaker, via, copy) and what was traced
import "dotenv/config";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { ingestDocument } from "@/lib/ingest/ingest-document";
import { cueClaims, detectContradictions, vocabularyOf } from "@/lib/contradictions/detect";
import { eventRelatedness, facetsOf, type CueClaim } from "@/lib/contradictions/features";
import { strongestCue } from "@/lib/contradictions/judge";
import { judgeSameness } from "@/lib/propositions/match";
import { generateCandidates } from "@/lib/contradictions/candidates";
import { groupPropositions } from "@/lib/propositions/group";
import { originMembersForClaims } from "@/lib/propositions/origin-counts";
import { traceOrigins } from "@/lib/propositions/origins";
import { detectReuseForAll } from "@/lib/reuse/detect";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { CONFLICT_SETS_DIR, HELD_OUT, loadConflictSubject, plainText } from "./eval/conflict-sets";
import { findLabelledText, loadCorroborationSubject, loadSeedCorroboration, type CorroborationLabels } from "./eval/corroboration-sets";
import { DEFAULT_DOCUMENTS_DIR, DEFAULT_MANIFEST, readManifest } from "@/seed/run-seed";
import { readFile, readdir } from "node:fs/promises";
import type { SeedManifestEntry } from "@/lib/ingest/schema";

const SEED_SUBJECT = "mqm-seed";

const argsSchema = z.object({
  subject: z.array(z.string()).default([]),
  tuning: z.boolean().default(false),
  verbose: z.boolean().default(false),
  explain: z.boolean().default(false),
});

interface SubjectInput {
  name: string;
  labels: CorroborationLabels;
  documents: { entry: SeedManifestEntry; rawText: string }[];
}

interface Score {
  name: string;
  heldOut: boolean;
  pairsLabelled: number;
  pairsFound: number;
  pairsProposed: number;
  pairsCorrect: number;
  lookAlikesGrouped: number;
  lookAlikes: number;
  repostsLabelled: number;
  repostsFound: number;
  repostsProposed: number;
  repostsCorrect: number;
  propositions: number;
  originsExact: number;
  unmapped: number;
}

async function subjects(selected: string[], tuning: boolean): Promise<SubjectInput[]> {
  const inputs: SubjectInput[] = [];
  const wanted = (name: string) => (selected.length ? selected.includes(name) : !(tuning && HELD_OUT.has(name)));
  if (wanted(SEED_SUBJECT)) {
    const { labels } = await loadSeedCorroboration();
    const manifest = await readManifest(DEFAULT_MANIFEST);
    const documents = await Promise.all(
      manifest.map(async (entry) => ({ entry, rawText: await readFile(path.join(DEFAULT_DOCUMENTS_DIR, entry.file), "utf8") })),
    );
    inputs.push({ name: SEED_SUBJECT, labels, documents });
  }
  for (const entry of (await readdir(CONFLICT_SETS_DIR, { withFileTypes: true })).filter((dirent) => dirent.isDirectory())) {
    if (!wanted(entry.name)) continue;
    const dir = path.join(CONFLICT_SETS_DIR, entry.name);
    const corroboration = await loadCorroborationSubject(dir).catch(() => null);
    if (!corroboration) continue;
    const conflict = await loadConflictSubject(dir);
    inputs.push({ name: entry.name, labels: corroboration.labels, documents: conflict.documents.map(({ entry: doc, rawText }) => ({ entry: doc, rawText })) });
  }
  return inputs;
}

interface StoredClaim {
  id: number;
  sourceId: number;
  startOffset: number;
  endOffset: number;
  quote: string;
}

/** The stored claim a labelled substring of a document lies in (the one it overlaps most). */
function claimAt(claims: StoredClaim[], sourceText: string, substring: string): number | null {
  const found = findLabelledText(sourceText, substring)[0];
  if (!found) return null;
  let best: { id: number; overlap: number } | null = null;
  for (const claim of claims) {
    const overlap = Math.min(claim.endOffset, found.end) - Math.max(claim.startOffset, found.start);
    if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: claim.id, overlap };
  }
  return best?.id ?? null;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(0)}%` : "–";
}

/** Why a labelled pair was not matched: both claims' figures and acts, the matcher's answer and the conflict judge's. */
async function explainPair(database: TestDatabase, a: number, b: number): Promise<string> {
  return database.prisma.$transaction(async (tx) => {
    const claims = await cueClaims(tx, [a, b]);
    const vocabulary = await vocabularyOf(tx);
    const [ca, cb] = [claims.get(a)!, claims.get(b)!];
    const describe = (claim: CueClaim) =>
      `[${claim.speakerName ?? "author"}] q ${facetsOf(claim)
        .quantities.map((q) => `${q.text}:${q.measure}/${q.modality}`)
        .join(",")} acts ${facetsOf(claim)
        .acts.map((act) => `${act.act}[${act.targets.join("|")}]`)
        .join(",")}`;
    const conflict = strongestCue(ca, cb, {}, vocabulary);
    return `${describe(ca)} / ${describe(cb)} · related ${eventRelatedness(ca, cb, {}, vocabulary).toFixed(2)} · match ${JSON.stringify(judgeSameness(ca, cb, {}, vocabulary))} · conflict ${conflict ? `${conflict.rule} ${conflict.score.toFixed(2)}` : "-"}`;
  });
}

async function evaluate(subject: SubjectInput, verbose: boolean, explain = false): Promise<Score> {
  const database: TestDatabase = await createTestDatabase();
  try {
    for (const { entry, rawText } of subject.documents) {
      const { file, ...metadata } = entry;
      await ingestDocument(database.prisma, { metadata, rawText, originFile: file, via: "seed" });
    }
    await detectReuseForAll(database.prisma);
    await detectContradictions(database.prisma);
    await groupPropositions(database.prisma);

    const sources = await database.prisma.source.findMany({ select: { id: true, originFile: true, text: true, title: true } });
    const sourceOf = new Map(sources.map((source) => [source.originFile ?? "", source]));
    const fileOf = new Map(sources.map((source) => [source.id, source.originFile ?? String(source.id)]));
    const claims = await database.prisma.claim.findMany({ select: { id: true, sourceId: true, startOffset: true, endOffset: true, quote: true } });
    const claimsBySource = new Map<number, StoredClaim[]>();
    for (const claim of claims) claimsBySource.set(claim.sourceId, [...(claimsBySource.get(claim.sourceId) ?? []), claim]);
    const quoteOf = new Map(claims.map((claim) => [claim.id, claim.quote]));
    let unmapped = 0;
    const locate = (file: string, substring: string): number | null => {
      const source = sourceOf.get(file);
      const id = source ? claimAt(claimsBySource.get(source.id) ?? [], source.text, substring) : null;
      if (id === null) {
        unmapped += 1;
        if (verbose) console.log(`   (no claim holds "${substring.slice(0, 60)}" in ${file})`);
      }
      return id;
    };

    // Matching.
    const labelledOf = new Map<number, string>();
    const labelledGroups: { id: string; label: string; claimIds: number[] }[] = [];
    for (const proposition of subject.labels.propositions) {
      const ids = [...new Set(proposition.members.map((member) => locate(member.file, member.claim)).filter((id): id is number => id !== null))];
      for (const id of ids) labelledOf.set(id, proposition.id);
      labelledGroups.push({ id: proposition.id, label: proposition.label, claimIds: ids });
    }
    // A sentence a document repeats word for word cannot be labelled uniquely (CORROBORATION-LABELS.md): its copies
    // state what the labelled one states.
    const byText = new Map<string, number[]>();
    for (const claim of claims) byText.set(plainText(claim.quote).trim(), [...(byText.get(plainText(claim.quote).trim()) ?? []), claim.id]);
    for (const group of labelledGroups) {
      for (const id of [...group.claimIds]) {
        for (const twin of byText.get(plainText(quoteOf.get(id) ?? "").trim()) ?? []) {
          if (labelledOf.has(twin)) continue;
          labelledOf.set(twin, group.id);
          group.claimIds.push(twin);
        }
      }
    }
    const labelledPairs = new Set<string>();
    for (const group of labelledGroups)
      for (let i = 0; i < group.claimIds.length; i += 1)
        for (let j = i + 1; j < group.claimIds.length; j += 1) labelledPairs.add(pairKey(group.claimIds[i]!, group.claimIds[j]!));

    const members = await database.prisma.propositionMember.findMany({ select: { claimId: true, propositionId: true, reason: true } });
    const reasonOf = new Map(members.map((member) => [member.claimId, member.reason]));
    const systemOf = new Map(members.map((member) => [member.claimId, member.propositionId]));
    const systemGroups = new Map<number, number[]>();
    for (const member of members) systemGroups.set(member.propositionId, [...(systemGroups.get(member.propositionId) ?? []), member.claimId]);
    const systemPairs: [number, number][] = [];
    for (const group of systemGroups.values())
      for (let i = 0; i < group.length; i += 1) for (let j = i + 1; j < group.length; j += 1) systemPairs.push([group[i]!, group[j]!]);
    // A sentence a document repeats word for word with neither copy labelled is in no proposition because it cannot be
    // named (CORROBORATION-LABELS.md), not because it states nothing labelled: its pairs are not judged.
    const textOf = new Map(sources.map((source) => [source.id, source.text]));
    const repeated = new Set(
      claims
        .filter((claim) => !labelledOf.has(claim.id))
        .filter((claim) => {
          const text = textOf.get(claim.sourceId) ?? "";
          const first = text.indexOf(claim.quote);
          return first !== -1 && text.indexOf(claim.quote, first + 1) !== -1;
        })
        .map((claim) => claim.id),
    );
    const judged = systemPairs.filter(([a, b]) => (labelledOf.has(a) || labelledOf.has(b)) && !repeated.has(a) && !repeated.has(b));
    const correct = judged.filter(([a, b]) => labelledPairs.has(pairKey(a, b)));
    const found = [...labelledPairs].filter((key) => {
      const [a, b] = key.split(":").map(Number) as [number, number];
      return systemOf.has(a) && systemOf.get(a) === systemOf.get(b);
    });
    const lookAlikes = subject.labels.different
      .map((pair) => [locate(pair.a.file, pair.a.claim), locate(pair.b.file, pair.b.claim), pair.why] as const)
      .filter((pair): pair is readonly [number, number, string] => pair[0] !== null && pair[1] !== null);
    const grouped = lookAlikes.filter(([a, b]) => systemOf.has(a) && systemOf.get(a) === systemOf.get(b));

    // Reposts.
    const rows = await database.prisma.sourceReuse.findMany({
      where: { status: { not: "dismissed" } },
      select: { sourceId: true, originalId: true, share: true },
    });
    const proposedReposts = rows.map((row) => `${fileOf.get(row.sourceId)} → ${fileOf.get(row.originalId)}`);
    const labelledReposts = subject.labels.reposts.map((repost) => `${repost.file} → ${repost.original}`);
    const repostsCorrect = proposedReposts.filter((key) => labelledReposts.includes(key));

    // Origins, traced from the labelled members.
    let originsExact = 0;
    const originLines: string[] = [];
    for (const [index, proposition] of subject.labels.propositions.entries()) {
      const ids = labelledGroups[index]!.claimIds;
      if (!ids.length) continue;
      const originMembers = await originMembersForClaims(database.prisma, ids);
      const summary = traceOrigins(originMembers);
      if (summary.independentOrigins === proposition.origins) originsExact += 1;
      else {
        originLines.push(
          `   ${proposition.id}: ${summary.independentOrigins} traced (${summary.origins.map((origin) => origin.label).join(" | ")}), labelled ${proposition.origins}`,
        );
        // With --explain, each member: its file, the labelled origin (and via), what was read and what was traced.
        if (explain)
          for (const [position, member] of originMembers.entries()) {
            const quote = plainText(member.quote);
            const labelled = proposition.members.find(
              (entry) =>
                entry.file === fileOf.get(member.sourceId) &&
                plainText(entry.claim)
                  .split(" ")
                  .slice(0, 4)
                  .every((word) => quote.includes(word)),
            );
            const read = [
              member.speaker && `speaker "${member.speaker.name}"`,
              member.citedVia && `via "${member.citedVia}"`,
              member.copiedFrom && `copied from ${fileOf.get(member.copiedFrom.sourceId)}`,
            ]
              .filter(Boolean)
              .join(", ");
            originLines.push(
              `      ${fileOf.get(member.sourceId)}: labelled ${labelled ? [labelled.origin, ...(labelled.via ?? [])].join(" ← ") : "?"}; read ${read || "nothing"}; traced ${summary.members[position]!.originLabel} — "${quote.slice(0, 110)}"`,
            );
          }
      }
    }

    if (verbose) {
      console.log(`\n== ${subject.name}`);
      for (const [a, b] of judged.filter(([a, b]) => !labelledPairs.has(pairKey(a, b))).slice(0, 40)) {
        console.log(`  · wrong match (${labelledOf.get(a) ?? "-"} / ${labelledOf.get(b) ?? "-"}): ${reasonOf.get(a) ?? ""} | ${reasonOf.get(b) ?? ""}`);
        console.log(`      A: ${(quoteOf.get(a) ?? "").slice(0, 110)}`);
        console.log(`      B: ${(quoteOf.get(b) ?? "").slice(0, 110)}`);
      }
      const examined = new Set((await generateCandidates(database.prisma)).pairs.map((pair) => pairKey(pair.claimAId, pair.claimBId)));
      const missed = [...labelledPairs].filter((pair) => !found.includes(pair));
      console.log(`  ${missed.filter((pair) => !examined.has(pair)).length} of ${missed.length} missed pairs were never candidates`);
      for (const key of missed.slice(0, 40)) {
        const [a, b] = key.split(":").map(Number) as [number, number];
        console.log(`  - missed (${labelledOf.get(a)}; ${examined.has(key) ? "judged" : "never a candidate"})`);
        if (explain) console.log(`      ${await explainPair(database, a, b)}`);
        console.log(`      A: ${(quoteOf.get(a) ?? "").slice(0, 110)}`);
        console.log(`      B: ${(quoteOf.get(b) ?? "").slice(0, 110)}`);
      }
      for (const [, , why] of grouped) console.log(`  · look-alike grouped: ${why}`);
      for (const key of proposedReposts) console.log(`  ${labelledReposts.includes(key) ? "✓" : "·"} repost proposed: ${key}`);
      for (const key of labelledReposts.filter((key) => !proposedReposts.includes(key))) console.log(`  - repost missed: ${key}`);
      for (const line of originLines) console.log(line);
    }
    return {
      name: subject.name,
      heldOut: HELD_OUT.has(subject.name),
      pairsLabelled: labelledPairs.size,
      pairsFound: found.length,
      pairsProposed: judged.length,
      pairsCorrect: correct.length,
      lookAlikesGrouped: grouped.length,
      lookAlikes: lookAlikes.length,
      repostsLabelled: labelledReposts.length,
      repostsFound: labelledReposts.filter((key) => proposedReposts.includes(key)).length,
      repostsProposed: proposedReposts.length,
      repostsCorrect: repostsCorrect.length,
      propositions: subject.labels.propositions.length,
      originsExact,
      unmapped,
    };
  } finally {
    await database.drop();
  }
}

function line(name: string, scores: Score[]): string {
  const sum = (key: keyof Score) => scores.reduce((total, score) => total + (score[key] as number), 0);
  return (
    `${name.padEnd(16)} matching precision ${String(sum("pairsCorrect")).padStart(3)}/${String(sum("pairsProposed")).padEnd(4)} ${percent(sum("pairsCorrect"), sum("pairsProposed")).padStart(4)}` +
    `  recall ${String(sum("pairsFound")).padStart(3)}/${String(sum("pairsLabelled")).padEnd(4)} ${percent(sum("pairsFound"), sum("pairsLabelled")).padStart(4)}` +
    `  look-alikes grouped ${sum("lookAlikesGrouped")}/${sum("lookAlikes")}` +
    `  reposts precision ${sum("repostsCorrect")}/${sum("repostsProposed")} recall ${sum("repostsFound")}/${sum("repostsLabelled")}` +
    `  origin counts exact ${sum("originsExact")}/${sum("propositions")} ${percent(sum("originsExact"), sum("propositions"))}` +
    (sum("unmapped") ? `  (${sum("unmapped")} labelled claims unmatched)` : "")
  );
}

await runCli(async () => {
  const { values } = parseArgs({
    options: { subject: { type: "string", multiple: true }, tuning: { type: "boolean" }, verbose: { type: "boolean" }, explain: { type: "boolean" } },
  });
  const args = argsSchema.parse(values);
  const scores: Score[] = [];
  for (const subject of await subjects(args.subject, args.tuning)) scores.push(await evaluate(subject, args.verbose || args.explain, args.explain));
  console.log("");
  for (const score of scores) console.log(line(score.name, [score]));
  console.log("");
  const tuned = scores.filter((score) => !score.heldOut);
  const held = scores.filter((score) => score.heldOut);
  if (tuned.length) console.log(line("tuned subjects", tuned));
  if (held.length) console.log(line("held out", held));
  console.log(
    "\ntargets: matching precision ≥ 80 % and recall ≥ 70 %, every labelled repost found, origin counts exact for ≥ 80 % of propositions (held-out subject reported apart)",
  );
});
