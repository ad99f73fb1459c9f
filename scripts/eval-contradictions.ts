// npm run eval:contradictions — how well detection finds real conflicts, per subject, on
// labelled sets: the seed (scripts/contradictions-gold.ts) and every subject under
// tests/fixtures/conflicts/ (labels.json). Each subject is loaded into its own throwaway
// database (local Postgres when it answers, else embedded PGlite) exactly as the seed loads
// documents, detection runs as `npm run detect` runs it, and the ranked candidates are
// scored against the labels.
//
// Subjects in HELD_OUT are never used for tuning: their figures are printed apart.
//
//   --subject NAME  only this subject (repeatable)
//   --tuning        leave the held-out subjects out (what to run while changing rules)
//   --top N         size of the "top" an editor reads first (default 20)
//   --verbose       print each subject's top candidates, false alarms and missed conflicts
//   --explain       for each missed conflict, both claims' facets and every rule's verdict
import "dotenv/config";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { cueClaims, detectContradictions } from "@/lib/contradictions/detect";
import { RULES } from "@/lib/contradictions/rules";
import { eventRelatedness, facetsOf, subjectTerms, type CueClaim } from "@/lib/contradictions/features";
import { contentTerms, overlap, Vocabulary } from "@/lib/text/terms";
import { generateCandidates } from "@/lib/contradictions/candidates";
import { ingestDocument } from "@/lib/ingest/ingest-document";
import { createTestDatabase } from "@/tests/helpers/test-database";
import { readManifest, DEFAULT_DOCUMENTS_DIR, DEFAULT_MANIFEST } from "@/seed/run-seed";
import { readFile } from "node:fs/promises";
import { GOLD_CONFLICTS } from "./contradictions-gold";
import {
  conflictSubjectDirs,
  HELD_OUT,
  judgedPairsSchema,
  loadConflictSubject,
  plainText,
  type ConflictLabels,
  type JudgedPairs,
  type LabelledPair,
} from "./eval/conflict-sets";
import type { SeedManifestEntry } from "@/lib/ingest/schema";
import { corroborationLabelsSchema, SEED_CORROBORATION, type CorroborationLabels } from "./eval/corroboration-sets";
import { readJsonFile } from "@/seed/run-seed";
import { existsSync } from "node:fs";

const SEED_SUBJECT = "mqm-seed";
/** The seed's pooled judgments (beside GOLD_CONFLICTS; format in tests/fixtures/conflicts/CONFLICT-LABELS.md). */
const SEED_JUDGED = path.resolve(import.meta.dirname, "contradictions-judged.json");

const argsSchema = z.object({
  subject: z.array(z.string()).default([]),
  tuning: z.boolean().default(false),
  top: z.coerce.number().int().min(1).max(500).default(20),
  verbose: z.boolean().default(false),
  explain: z.boolean().default(false),
});

interface SubjectInput {
  name: string;
  labels: ConflictLabels;
  documents: { entry: SeedManifestEntry; rawText: string }[];
}

interface Proposal {
  claimAId: number;
  claimBId: number;
  score: number;
  kind: string;
  rule: string;
  explanation: string;
}

interface SubjectScore {
  name: string;
  heldOut: boolean;
  claims: number;
  labelled: number;
  nonConflicts: number;
  proposals: number;
  correct: number;
  pooledCorrect: number;
  unjudged: number;
  found: number;
  topSize: number;
  topReal: number;
  falseAlarmsOnLookAlikes: number;
  revisionsProposed: number;
  revisionsLabelledFound: number;
  revisionsLabelled: number;
  examinedGold: number;
  seconds: number;
}

/**
 * A labelled conflict names each side by the claims that state it. The corroboration labels, made
 * apart, group the claims that state the same proposition; a side stands for every claim of a
 * proposition that one of its substrings labels (the same statement, named in another document or
 * sentence), so a pair is not counted wrong because the conflict's labeller listed one wording of a
 * side and not the other.
 */
function expandSides<T extends LabelledPair>(pairs: T[], corroboration: CorroborationLabels | undefined): T[] {
  if (!corroboration) return pairs;
  const same = (x: string, y: string) => {
    const [px, py] = [plainText(x), plainText(y)];
    return px.includes(py) || py.includes(px);
  };
  const expand = (side: string[]) => {
    const members = corroboration.propositions
      .filter((proposition) => proposition.members.some((member) => side.some((substring) => same(member.claim, substring))))
      .flatMap((proposition) => proposition.members.map((member) => member.claim));
    return [...new Set([...side, ...members])];
  };
  return pairs.map((pair) => ({ ...pair, a: expand(pair.a), b: expand(pair.b) }));
}

async function readSeedJudged(): Promise<JudgedPairs | undefined> {
  return existsSync(SEED_JUDGED) ? readJsonFile(SEED_JUDGED, judgedPairsSchema, "not found") : undefined;
}

async function readCorroboration(file: string): Promise<CorroborationLabels | undefined> {
  return existsSync(file) ? readJsonFile(file, corroborationLabelsSchema, "not found") : undefined;
}

function withExpandedSides(labels: ConflictLabels, corroboration: CorroborationLabels | undefined): ConflictLabels {
  const judged = labels.judged && {
    conflicts: expandSides(labels.judged.conflicts, corroboration),
    notConflicts: expandSides(labels.judged.notConflicts, corroboration),
  };
  return { ...labels, conflicts: expandSides(labels.conflicts, corroboration), nonConflicts: expandSides(labels.nonConflicts, corroboration), judged };
}

async function seedSubject(): Promise<SubjectInput> {
  const manifest = await readManifest(DEFAULT_MANIFEST);
  const documents = await Promise.all(
    manifest.map(async (entry) => ({ entry, rawText: await readFile(path.join(DEFAULT_DOCUMENTS_DIR, entry.file), "utf8") })),
  );
  return {
    name: SEED_SUBJECT,
    labels: withExpandedSides(
      { subject: SEED_SUBJECT, title: "MQM (the seed documents)", conflicts: GOLD_CONFLICTS, nonConflicts: [], judged: await readSeedJudged() },
      await readCorroboration(SEED_CORROBORATION),
    ),
    documents,
  };
}

async function fixtureSubject(dir: string): Promise<SubjectInput> {
  const subject = await loadConflictSubject(dir);
  const labels = withExpandedSides(subject.labels, await readCorroboration(path.join(dir, "corroboration.json")));
  return { name: subject.name, labels, documents: subject.documents.map(({ entry, rawText }) => ({ entry, rawText })) };
}

function matchesSide(quote: string, substrings: string[]): boolean {
  const q = plainText(quote);
  return substrings.some((substring) => q.includes(plainText(substring)));
}

function pairMatches(pair: { claimAId: number; claimBId: number }, labelled: LabelledPair, quotes: Map<number, string>): boolean {
  const a = quotes.get(pair.claimAId) ?? "";
  const b = quotes.get(pair.claimBId) ?? "";
  return (matchesSide(a, labelled.a) && matchesSide(b, labelled.b)) || (matchesSide(a, labelled.b) && matchesSide(b, labelled.a));
}

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(0)}%` : "–";
}

async function evaluate(subject: SubjectInput, top: number, verbose: boolean, explain = false): Promise<SubjectScore> {
  const database = await createTestDatabase();
  try {
    for (const { entry, rawText } of subject.documents) {
      const { file, ...metadata } = entry;
      await ingestDocument(database.prisma, { metadata, rawText, originFile: file, via: "seed" });
    }
    const report = await detectContradictions(database.prisma);
    const rows = await database.prisma.contradiction.findMany({
      orderBy: [{ score: "desc" }, { id: "asc" }],
      select: { claimAId: true, claimBId: true, score: true, kind: true, detectedBy: true, explanation: true },
    });
    const claims = await database.prisma.claim.findMany({ select: { id: true, quote: true } });
    const quotes = new Map(claims.map((claim) => [claim.id, claim.quote]));
    const all: Proposal[] = rows.map((row) => ({ ...row, rule: row.detectedBy, explanation: row.explanation ?? "" }));
    // Revisions are shown to editors apart from conflicts: they are not conflict proposals.
    const proposals = all.filter((row) => row.kind !== "revision");
    const revisions = all.filter((row) => row.kind === "revision");
    const { conflicts, nonConflicts } = subject.labels;
    const judged = subject.labels.judged ?? { conflicts: [], notConflicts: [] };
    const labelledRevisions = nonConflicts.filter((entry) => entry.why === "revision");

    const isReal = (pair: Proposal) => conflicts.some((entry) => pairMatches(pair, entry, quotes));
    // Pooled: a proposal judged a conflict after the system ran counts for precision, never for recall.
    // A labelled look-alike stays one, whatever was judged later.
    const isLookAlike = (pair: Proposal) => nonConflicts.some((entry) => pairMatches(pair, entry, quotes));
    const isJudgedReal = (pair: Proposal) => !isLookAlike(pair) && judged.conflicts.some((entry) => pairMatches(pair, entry, quotes));
    const isJudgedNot = (pair: Proposal) => isLookAlike(pair) || judged.notConflicts.some((entry) => pairMatches(pair, entry, quotes));
    const verdict = (pair: Proposal) => (isReal(pair) ? "✓" : isJudgedReal(pair) ? "+" : isJudgedNot(pair) ? "×" : "·");
    const pooledCorrect = proposals.filter((pair) => isReal(pair) || isJudgedReal(pair));
    const unjudged = proposals.filter((pair) => verdict(pair) === "·");
    const found = conflicts.filter((entry) => proposals.some((pair) => pairMatches(pair, entry, quotes)));
    const correct = proposals.filter(isReal);
    const topList = proposals.slice(0, top);
    const falseAlarms = nonConflicts.filter((entry) => proposals.some((pair) => pairMatches(pair, entry, quotes)));
    const examined = (await generateCandidates(database.prisma)).pairs;
    const examinedGold = conflicts.filter((entry) => examined.some((pair) => pairMatches(pair, entry, quotes)));

    if (verbose) {
      console.log(`\n== ${subject.name}: top ${top} (✓ labelled conflict, + judged conflict, × judged not or look-alike, · unjudged)`);
      topList.forEach((pair, index) => {
        console.log(`${String(index + 1).padStart(3)} ${verdict(pair)} ${pair.score.toFixed(2)} ${pair.kind.padEnd(17)} ${pair.rule}: ${pair.explanation}`);
        console.log(`        A: ${(quotes.get(pair.claimAId) ?? "").slice(0, 120)}`);
        console.log(`        B: ${(quotes.get(pair.claimBId) ?? "").slice(0, 120)}`);
      });
      const byRule = new Map<string, [number, number]>();
      for (const pair of proposals) {
        const [real, count] = byRule.get(pair.rule) ?? [0, 0];
        byRule.set(pair.rule, [real + (isReal(pair) ? 1 : 0), count + 1]);
      }
      console.log(`-- by rule: ${[...byRule].map(([rule, [real, count]]) => `${rule} ${real}/${count}`).join(", ")}`);
      // Beyond the top list (the first `top` proposals, printed above), the ones not labelled.
      const wrong = proposals.slice(top).filter((pair) => !isReal(pair));
      if (wrong.length) console.log(`-- further proposals not labelled as conflicts: ${wrong.length}`);
      // The first 30, and every one not yet judged (what pooling has still to read).
      for (const pair of wrong.filter((pair, index) => index < 30 || verdict(pair) === "·")) {
        console.log(`    ${verdict(pair)} ${pair.score.toFixed(2)} ${pair.rule}: ${pair.explanation}`);
        console.log(`        A: ${(quotes.get(pair.claimAId) ?? "").slice(0, 120)}`);
        console.log(`        B: ${(quotes.get(pair.claimBId) ?? "").slice(0, 120)}`);
      }
      for (const entry of falseAlarms) {
        console.log(`-- look-alike proposed: ${entry.label}`);
        for (const pair of proposals.filter((proposal) => pairMatches(proposal, entry, quotes)).slice(0, 2)) {
          console.log(`    · ${pair.score.toFixed(2)} ${pair.rule}: ${pair.explanation}`);
          console.log(`        A: ${(quotes.get(pair.claimAId) ?? "").slice(0, 160)}`);
          console.log(`        B: ${(quotes.get(pair.claimBId) ?? "").slice(0, 160)}`);
        }
      }
      for (const entry of conflicts) {
        if (found.includes(entry)) continue;
        console.log(`-- missed (${examinedGold.includes(entry) ? "judged" : "never a candidate"}): ${entry.label}`);
      }
      for (const pair of revisions) console.log(`-- revision: ${pair.explanation}`);
    }
    if (explain) {
      const missed = conflicts.filter((entry) => !found.includes(entry));
      const vocabulary = new Vocabulary();
      for (const quote of quotes.values()) vocabulary.add(contentTerms(quote));
      const cue = await database.prisma.$transaction((tx) => cueClaims(tx, [...quotes.keys()]));
      for (const entry of missed) explainMiss(subject.name, entry, [...cue.values()], examined, vocabulary);
    }
    return {
      name: subject.name,
      heldOut: HELD_OUT.has(subject.name),
      claims: report.claims,
      labelled: conflicts.length,
      nonConflicts: nonConflicts.length,
      proposals: proposals.length,
      correct: correct.length,
      pooledCorrect: pooledCorrect.length,
      unjudged: unjudged.length,
      found: found.length,
      topSize: topList.length,
      topReal: topList.filter(isReal).length,
      falseAlarmsOnLookAlikes: falseAlarms.length,
      revisionsProposed: revisions.length,
      revisionsLabelledFound: labelledRevisions.filter((entry) => revisions.some((pair) => pairMatches(pair, entry, quotes))).length,
      revisionsLabelled: labelledRevisions.length,
      examinedGold: examinedGold.length,
      seconds: report.seconds,
    };
  } finally {
    await database.drop();
  }
}

function describe(claim: CueClaim): string {
  const f = facetsOf(claim);
  const parts = [
    f.predicate ? `pred ${f.predicate.lemma}/${f.predicate.sense ?? "-"} ${f.predicate.polarity}` : "pred -",
    `mod ${f.modality}`,
    f.acts.length ? `acts ${f.acts.map((act) => `${act.act}[${act.targets.join("|")}]“${act.cue}”`).join(" ")}` : "",
    f.quantities.length
      ? `q ${f.quantities.map((q) => `${q.measure}/${q.dimension}${q.rate ? "/" + q.rate : ""} ${q.low}-${q.high} (${q.allowLow}-${q.allowHigh ?? "∞"}) ${q.modality}`).join("; ")}`
      : "",
    f.dates.length ? `dates ${f.dates.map((d) => d.text).join(", ")}` : "",
    `ents ${f.entities.map((e) => e.keys[0]).join(",")}`,
    (f.propositions ?? []).length
      ? `props ${(f.propositions ?? []).map((p) => `${p.positive ? "" : "¬"}${p.lemma}${p.antonym ? "~" : ""}(${p.args.join(",")})`).join(" ")}`
      : "",
  ];
  return `#${claim.id} src${claim.sourceId} @${claim.startOffset} [${claim.speakerName ?? "author"}|${claim.cue ?? ""}] ${claim.quote.slice(0, 150)}\n            ${parts.filter(Boolean).join(" · ")}`;
}

/** Why a labelled conflict was missed: its claims as the rules see them, and each rule's verdict. */
function explainMiss(
  subject: string,
  entry: LabelledPair,
  claims: CueClaim[],
  examined: { claimAId: number; claimBId: number; gap?: number | null; similarity?: number | null }[],
  vocabulary: Vocabulary,
) {
  const side = (subs: string[]) => claims.filter((claim) => matchesSide(claim.quote, subs));
  const as = side(entry.a);
  const bs = side(entry.b);
  console.log(`\n## ${subject} missed: ${entry.label}`);
  if (!as.length || !bs.length) console.log(`   a side matches ${as.length} claims, b side ${bs.length}`);
  for (const a of as.slice(0, 2)) {
    for (const b of bs.slice(0, 2)) {
      const candidate = examined.find((pair) => (pair.claimAId === a.id && pair.claimBId === b.id) || (pair.claimAId === b.id && pair.claimBId === a.id));
      const signals = { gap: candidate?.gap ?? undefined, similarity: candidate?.similarity ?? undefined };
      console.log(`   A ${describe(a)}\n   B ${describe(b)}`);
      const verdicts = RULES.map(
        (rule) => [rule.name, rule.judge(a, b, { signals, vocabulary, shared: overlap(subjectTerms(a), subjectTerms(b), vocabulary) })] as const,
      ).filter(([, match]) => match);
      console.log(
        `   candidate ${candidate ? `yes gap ${candidate.gap ?? "-"} sim ${candidate.similarity?.toFixed(2) ?? "-"}` : "NO"} · related ${eventRelatedness(a, b, signals, vocabulary).toFixed(2)} · verdicts ${verdicts.map(([name, match]) => `${name} ${match!.score}`).join(", ") || "none"}`,
      );
    }
  }
}

function line(score: Omit<SubjectScore, "name" | "heldOut" | "seconds"> & { name: string }): string {
  return (
    `${score.name.padEnd(16)} recall ${`${score.found}/${score.labelled}`.padStart(7)} ${percent(score.found, score.labelled).padStart(4)}` +
    `  precision (labels) ${`${score.correct}/${score.proposals}`.padStart(7)} ${percent(score.correct, score.proposals).padStart(4)}` +
    `  top-${score.topSize} real ${String(score.topReal).padStart(2)}` +
    `  look-alikes proposed ${score.falseAlarmsOnLookAlikes}/${score.nonConflicts}` +
    `  revisions ${score.revisionsLabelledFound}/${score.revisionsLabelled} labelled found (${score.revisionsProposed} proposed)` +
    `  candidates held ${score.examinedGold}/${score.labelled}` +
    `  precision (pooled) ${`${score.pooledCorrect}/${score.proposals}`.padStart(7)} ${percent(score.pooledCorrect, score.proposals).padStart(4)}` +
    `  unjudged ${score.unjudged}`
  );
}

function total(name: string, scores: SubjectScore[]) {
  const sum = (key: keyof SubjectScore) => scores.reduce((acc, score) => acc + (score[key] as number), 0);
  return {
    name,
    claims: sum("claims"),
    labelled: sum("labelled"),
    nonConflicts: sum("nonConflicts"),
    proposals: sum("proposals"),
    correct: sum("correct"),
    pooledCorrect: sum("pooledCorrect"),
    unjudged: sum("unjudged"),
    found: sum("found"),
    topSize: sum("topSize"),
    topReal: sum("topReal"),
    falseAlarmsOnLookAlikes: sum("falseAlarmsOnLookAlikes"),
    revisionsProposed: sum("revisionsProposed"),
    revisionsLabelledFound: sum("revisionsLabelledFound"),
    revisionsLabelled: sum("revisionsLabelled"),
    examinedGold: sum("examinedGold"),
  };
}

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      subject: { type: "string", multiple: true },
      tuning: { type: "boolean" },
      top: { type: "string" },
      verbose: { type: "boolean" },
      explain: { type: "boolean" },
    },
  });
  const args = argsSchema.parse(values);
  const started = performance.now();
  const inputs: SubjectInput[] = [await seedSubject()];
  for (const dir of await conflictSubjectDirs()) inputs.push(await fixtureSubject(dir));
  const chosen = inputs.filter((subject) => (!args.subject.length || args.subject.includes(subject.name)) && !(args.tuning && HELD_OUT.has(subject.name)));
  if (!chosen.length) throw new Error(`no subject by that name; subjects: ${inputs.map((subject) => subject.name).join(", ")}`);

  const scores: SubjectScore[] = [];
  for (const subject of chosen) {
    const score = await evaluate(subject, args.top, args.verbose, args.explain);
    scores.push(score);
    console.log(`${line(score)}  (${score.claims} claims, ${score.seconds.toFixed(1)} s)`);
  }
  const tuned = scores.filter((score) => !score.heldOut);
  const held = scores.filter((score) => score.heldOut);
  console.log("");
  if (tuned.length > 1) console.log(line(total("tuned subjects", tuned)));
  if (held.length) console.log(line(total("HELD OUT", held)));
  if (scores.length > 1) console.log(line(total("all subjects", scores)));
  const all = total("all", scores);
  console.log(
    `\noverall: recall ${percent(all.found, all.labelled)}, precision (labels) ${percent(all.correct, all.proposals)}, ` +
      `precision (pooled) ${percent(all.pooledCorrect, all.proposals)} (${all.unjudged} unjudged); ` +
      `top-20 real per subject ${scores.map((score) => `${score.name} ${score.topReal}/${score.topSize}`).join(", ")}` +
      `; ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
});
