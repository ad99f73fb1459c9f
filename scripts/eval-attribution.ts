// npm run eval:attribution — how well the extractor says who speaks, per subject, on the labelled
// attribution sets (attributions.json beside each conflict set, and the seed's labels). No database:
// each subject's documents are read as an import reads them and extracted in manifest order; actors
// are resolved across the subject's documents by the same directory ingest uses.
//
// Printed per subject, for the tuned subjects together and for the held-out subject apart:
//   speaker     labelled claims whose speaker (after actor resolution) is the labelled one
//   cited via   labelled claims whose cited-via holds the labelled text (or is empty when it should be)
//   actors/person  distinct actors the claims of one real person ended up with (1.0 is ideal)
//   debris/doc  labelled debris lines that became claims, per document
//   check-worthy precision  labelled claims kept at the default threshold that are worth checking
//
//   --subject NAME  only this subject (repeatable)
//   --tuning        leave the held-out subjects out
//   --verbose       list every wrong label of the tuned subjects (never of a held-out one)
//   --thresholds    claims kept and labelled conflicts surviving at each check-worthiness threshold
import path from "node:path";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { DEFAULT_CHECK_WORTHINESS_THRESHOLD } from "@/lib/facets";
import { facetColumns, facetPlace } from "@/lib/claims/facets";
import { canonicalActorKey, extractClaims, normalizeDocument, type ExtractedClaim } from "@/lib/extract";
import { ActorDirectory, type KnownActor } from "@/lib/actors/identity";
import { readImportFile } from "@/lib/import/read-document";
import { DEFAULT_DOCUMENTS_DIR, DEFAULT_MANIFEST, readManifest } from "@/seed/run-seed";
import type { SeedManifestEntry } from "@/lib/ingest/schema";
import { CONFLICT_SETS_DIR, conflictSubjectDirs, HELD_OUT, loadConflictSubject, plainText, readSubjectManifest } from "./eval/conflict-sets";
import { GOLD_CONFLICTS } from "./contradictions-gold";
import { readAttributionLabels, SEED_ATTRIBUTIONS, type AttributionLabels } from "./eval/attribution-sets";

const argsSchema = z.object({
  subject: z.array(z.string()).default([]),
  tuning: z.boolean().default(false),
  verbose: z.boolean().default(false),
  thresholds: z.boolean().default(false),
});

const THRESHOLDS = [0, 20, 25, 30, 35, 40, 45, 50, 60];

/**
 * For each threshold: claims kept per subject, and labelled conflicts whose two sides both stay
 * (a threshold that hides one side of a real conflict hides the conflict).
 */
async function printThresholds(names: string[], documents: Map<string, Document[]>): Promise<void> {
  console.log("\ncheck-worthiness thresholds (claims kept; labelled conflicts with both sides kept)");
  for (const name of names) {
    const docs = documents.get(name);
    if (!docs) continue;
    const conflicts = name === "mqm-seed" ? GOLD_CONFLICTS : (await loadConflictSubject(path.join(CONFLICT_SETS_DIR, name))).labels.conflicts;
    const claims = docs.flatMap((document) => document.claims.map((claim) => ({ quote: plainText(claim.quote), worth: document.worth.get(claim) ?? 0 })));
    const sideKept = (side: string[], threshold: number) =>
      claims.some((claim) => claim.worth >= threshold && side.some((text) => claim.quote.includes(plainText(text))));
    const cells = THRESHOLDS.map((threshold) => {
      const kept = claims.filter((claim) => claim.worth >= threshold).length;
      const survive = conflicts.filter((conflict) => sideKept(conflict.a, threshold) && sideKept(conflict.b, threshold)).length;
      return `≥${threshold}: ${kept} claims, ${survive}/${conflicts.length}`;
    });
    console.log(`  ${name.padEnd(16)} ${cells.join(" · ")}`);
  }
}

interface Document {
  file: string;
  text: string;
  claims: ExtractedClaim[];
  /** Each claim's check-worthiness score, as ingest stores it. */
  worth: Map<ExtractedClaim, number>;
}

/** The score ingest stores, computed by the same function. */
function worthOf(text: string, claims: ExtractedClaim[]): Map<ExtractedClaim, number> {
  return new Map(
    claims.map((claim) => [
      claim,
      facetColumns({ quote: claim.quote, cue: claim.cue, speakerName: claim.speaker?.name ?? null, ...facetPlace(text, claim.start) }).checkWorthiness,
    ]),
  );
}

interface Score {
  name: string;
  heldOut: boolean;
  documents: number;
  claims: number;
  speakerLabels: number;
  speakerRight: number;
  citedLabels: number;
  citedRight: number;
  people: number;
  actorsForPeople: number;
  debrisClaims: number;
  worthyKept: number;
  keptLabelled: number;
  problems: string[];
}

async function loadDocuments(dir: string, manifest: SeedManifestEntry[]): Promise<Document[]> {
  const documents: Document[] = [];
  for (const entry of manifest) {
    const read = await readImportFile(entry.file, new Uint8Array(await readFile(path.join(dir, entry.file))));
    const { text } = normalizeDocument(read.rawText);
    const claims = extractClaims(text);
    documents.push({ file: entry.file, text, claims, worth: worthOf(text, claims) });
  }
  return documents;
}

function claimHolding(document: Document | undefined, substring: string): ExtractedClaim | null {
  const needle = plainText(substring);
  return document?.claims.find((claim) => plainText(claim.quote).includes(needle)) ?? null;
}

/** The actor each claim's speaker ends up as when the documents are loaded in order. */
function resolveActors(documents: Document[]): Map<ExtractedClaim, string> {
  const directory = new ActorDirectory<KnownActor>();
  let next = 1;
  const actorOf = new Map<ExtractedClaim, string>();
  for (const document of documents) {
    for (const claim of document.claims) {
      if (!claim.speaker) continue;
      let actor = directory.resolve(claim.speaker);
      if (!actor) {
        actor = { id: next++, name: claim.speaker.name, normalizedName: canonicalActorKey(claim.speaker.name), kind: claim.speaker.kind, aliases: [] };
        directory.add(actor);
      }
      actorOf.set(claim, actor.name);
    }
  }
  return actorOf;
}

function score(name: string, labels: AttributionLabels, documents: Document[]): Score {
  const byFile = new Map(documents.map((document) => [document.file, document]));
  const speakers = new Map(labels.speakers.map((speaker) => [speaker.id, speaker]));
  const actorOf = resolveActors(documents);
  const result: Score = {
    name,
    heldOut: HELD_OUT.has(name),
    documents: documents.length,
    claims: documents.reduce((n, d) => n + d.claims.length, 0),
    speakerLabels: 0,
    speakerRight: 0,
    citedLabels: 0,
    citedRight: 0,
    people: 0,
    actorsForPeople: 0,
    debrisClaims: 0,
    worthyKept: 0,
    keptLabelled: 0,
    problems: [],
  };
  const actorsPerPerson = new Map<string, Set<string>>();
  for (const label of labels.claims) {
    const claim = claimHolding(byFile.get(label.file), label.claim);
    result.speakerLabels++;
    if (!claim) {
      result.problems.push(`NOT A CLAIM  ${label.file}: "${label.claim}"`);
      continue;
    }
    const actor = claim.speaker ? (actorOf.get(claim) ?? claim.speaker.name) : null;
    const expected = label.speaker === null ? null : speakers.get(label.speaker)!;
    const right = expected === null ? actor === null : actor !== null && expected.names.some((n) => canonicalActorKey(n) === canonicalActorKey(actor));
    if (right) result.speakerRight++;
    else
      result.problems.push(
        `SPEAKER  "${label.claim}": expected ${expected?.names[0] ?? "the author"}, got ${actor ?? "the author"}${claim.cue ? ` (cue "${claim.cue}")` : ""}`,
      );
    if (expected?.kind === "person" && actor !== null) {
      const set = actorsPerPerson.get(expected.id) ?? new Set<string>();
      set.add(actor);
      actorsPerPerson.set(expected.id, set);
    }
    if (label.citedVia !== undefined) {
      result.citedLabels++;
      const got = claim.citedVia;
      const citedRight =
        label.citedVia === null ? got === null : got !== null && plainText(got).toLowerCase().includes(plainText(label.citedVia).toLowerCase());
      if (citedRight) result.citedRight++;
      else result.problems.push(`CITED VIA  "${label.claim}": expected ${label.citedVia ?? "none"}, got ${got ?? "none"}`);
    }
  }
  result.people = actorsPerPerson.size;
  for (const [id, set] of actorsPerPerson) {
    result.actorsForPeople += set.size;
    if (set.size > 1) result.problems.push(`ACTORS  ${id} became ${[...set].map((a) => `"${a}"`).join(", ")}`);
  }
  for (const debris of labels.debris) {
    const claim = claimHolding(byFile.get(debris.file), debris.text);
    if (claim) {
      result.debrisClaims++;
      result.problems.push(`DEBRIS  ${debris.file}: "${claim.quote.slice(0, 80)}"`);
    }
  }
  for (const [list, worthy] of [
    [labels.checkWorthy, true],
    [labels.notCheckWorthy, false],
  ] as const) {
    for (const label of list) {
      const document = byFile.get(label.file);
      const claim = claimHolding(document, label.claim);
      // Not a claim at all, or below the default threshold: not kept.
      if (!claim || (document!.worth.get(claim) ?? 0) < DEFAULT_CHECK_WORTHINESS_THRESHOLD) {
        if (claim && worthy) result.problems.push(`BELOW THRESHOLD, WORTH CHECKING  "${label.claim}" (${document!.worth.get(claim)})`);
        continue;
      }
      result.keptLabelled++;
      if (worthy) result.worthyKept++;
      else result.problems.push(`KEPT, NOT WORTH CHECKING  "${label.claim}"`);
    }
  }
  return result;
}

function percent(part: number, whole: number): string {
  return whole ? `${((100 * part) / whole).toFixed(0)}%` : "–";
}

function line(s: Score): string {
  return [
    s.name.padEnd(16),
    `speaker ${`${s.speakerRight}/${s.speakerLabels}`.padStart(7)} ${percent(s.speakerRight, s.speakerLabels).padStart(4)}`,
    `cited via ${`${s.citedRight}/${s.citedLabels}`.padStart(5)} ${percent(s.citedRight, s.citedLabels).padStart(4)}`,
    `actors/person ${s.people ? (s.actorsForPeople / s.people).toFixed(2) : "–"}`,
    `debris/doc ${s.documents ? (s.debrisClaims / s.documents).toFixed(2) : "–"}`,
    `check-worthy precision ${`${s.worthyKept}/${s.keptLabelled}`.padStart(5)} ${percent(s.worthyKept, s.keptLabelled).padStart(4)}`,
  ].join("  ");
}

function total(name: string, scores: Score[]): Score {
  const sum = (key: keyof Score) => scores.reduce((n, s) => n + (s[key] as number), 0);
  return {
    name,
    heldOut: false,
    documents: sum("documents"),
    claims: sum("claims"),
    speakerLabels: sum("speakerLabels"),
    speakerRight: sum("speakerRight"),
    citedLabels: sum("citedLabels"),
    citedRight: sum("citedRight"),
    people: sum("people"),
    actorsForPeople: sum("actorsForPeople"),
    debrisClaims: sum("debrisClaims"),
    worthyKept: sum("worthyKept"),
    keptLabelled: sum("keptLabelled"),
    problems: [],
  };
}

await runCli(async () => {
  const { values } = parseArgs({
    options: { subject: { type: "string", multiple: true }, tuning: { type: "boolean" }, verbose: { type: "boolean" }, thresholds: { type: "boolean" } },
  });
  const args = argsSchema.parse(values);
  const subjects: { name: string; load: () => Promise<[AttributionLabels, Document[]] | null> }[] = [
    {
      name: "mqm-seed",
      load: async () => {
        const labels = await readAttributionLabels(SEED_ATTRIBUTIONS);
        return labels ? [labels, await loadDocuments(DEFAULT_DOCUMENTS_DIR, await readManifest(DEFAULT_MANIFEST))] : null;
      },
    },
  ];
  for (const dir of await conflictSubjectDirs(CONFLICT_SETS_DIR)) {
    subjects.push({
      name: path.basename(dir),
      load: async () => {
        const labels = await readAttributionLabels(path.join(dir, "attributions.json"));
        return labels ? [labels, await loadDocuments(dir, await readSubjectManifest(dir))] : null;
      },
    });
  }
  const chosen = subjects.filter((s) => (!args.subject.length || args.subject.includes(s.name)) && !(args.tuning && HELD_OUT.has(s.name)));
  if (!chosen.length) throw new Error(`no subject by that name; subjects: ${subjects.map((s) => s.name).join(", ")}`);
  const scores: Score[] = [];
  const loadedDocuments = new Map<string, Document[]>();
  for (const subject of chosen) {
    const loaded = await subject.load();
    if (loaded) loadedDocuments.set(subject.name, loaded[1]);
    if (!loaded) {
      console.log(`${subject.name.padEnd(16)}  no attribution labels`);
      continue;
    }
    const result = score(subject.name, ...loaded);
    scores.push(result);
    console.log(`${line(result)}  (${result.claims} claims)`);
    if (args.verbose && !result.heldOut) for (const problem of result.problems) console.log(`    ${problem}`);
  }
  if (args.thresholds)
    await printThresholds(
      chosen.map((s) => s.name),
      loadedDocuments,
    );
  const tuned = scores.filter((s) => !s.heldOut);
  const held = scores.filter((s) => s.heldOut);
  console.log("");
  if (tuned.length > 1) console.log(line(total("tuned subjects", tuned)));
  if (held.length) console.log(line(total("HELD OUT", held)));
  if (scores.length > 1) console.log(line(total("all subjects", scores)));
});
