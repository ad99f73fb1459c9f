// The corroboration labels (tests/fixtures/conflicts/<subject>/corroboration.json and
// tests/fixtures/seed-corroboration.json) must name real documents and real sentences, or the
// corroboration eval scores against labels nobody can find in the text.
import { beforeAll, describe, expect, test } from "vitest";
import { segmentSentences } from "@/lib/extract";
import { conflictSubjectDirs } from "@/scripts/eval/conflict-sets";
import {
  corroborationLabelsSchema,
  findLabelledText,
  loadCorroborationSubject,
  loadSeedCorroboration,
  type CorroborationSubject,
} from "@/scripts/eval/corroboration-sets";

const subjects: CorroborationSubject[] = [];

beforeAll(async () => {
  for (const dir of await conflictSubjectDirs()) subjects.push(await loadCorroborationSubject(dir));
  subjects.push(await loadSeedCorroboration());
}, 60_000);

interface Located {
  file: string;
  claim: string;
}

/** Every labelled claim of a subject, with where it was named. */
function locatedClaims(subject: CorroborationSubject): { where: string; claim: Located; proposition?: string }[] {
  const { labels } = subject;
  return [
    ...labels.propositions.flatMap((proposition) =>
      proposition.members.map((member) => ({ where: `${proposition.id}`, claim: member, proposition: proposition.id })),
    ),
    ...labels.different.flatMap((pair, index) => [
      { where: `different[${index}].a`, claim: pair.a },
      { where: `different[${index}].b`, claim: pair.b },
    ]),
  ];
}

/** The sentence (start offset) of a document that holds the labelled claim, or null when it spans two. */
function sentenceOf(subject: CorroborationSubject, claim: Located): number | null {
  const document = subject.documents.find((entry) => entry.file === claim.file);
  if (!document) return null;
  const [hit] = findLabelledText(document.text, claim.claim);
  if (!hit) return null;
  const sentence = segmentSentences(document.text).find((span) => span.start <= hit.start && hit.end <= span.end);
  return sentence ? sentence.start : null;
}

describe("corroboration labels", () => {
  test("every subject with conflict labels, and the seed, has corroboration labels of its own", () => {
    expect(subjects.map((subject) => subject.name)).toEqual([
      "baldia-fire",
      "beirut-port",
      "bhopal-gas",
      "deepwater-flow",
      "grenfell-tower",
      "hillsborough",
      "maria-deaths",
      "mh17",
      "rana-plaza",
      "sewol-ferry",
      "mqm-seed",
    ]);
    for (const subject of subjects) {
      if (subject.name !== "mqm-seed") expect(subject.labels.subject).toBe(subject.name);
      expect(subject.labels.propositions.length, subject.name).toBeGreaterThanOrEqual(8);
      expect(subject.labels.different.length, subject.name).toBeGreaterThanOrEqual(6);
    }
  });

  test("every file, original and claim is in the subject's manifest, and every claim occurs exactly once in its document", () => {
    const problems: string[] = [];
    for (const subject of subjects) {
      const files = new Set(subject.documents.map((document) => document.file));
      for (const repost of subject.labels.reposts) {
        for (const file of [repost.file, repost.original]) if (!files.has(file)) problems.push(`${subject.name} reposts: ${file} is not in the manifest`);
      }
      for (const { where, claim } of locatedClaims(subject)) {
        const document = subject.documents.find((entry) => entry.file === claim.file);
        if (!document) {
          problems.push(`${subject.name} ${where}: ${claim.file} is not in the manifest`);
          continue;
        }
        const hits = findLabelledText(document.text, claim.claim).length;
        if (hits !== 1) problems.push(`${subject.name} ${where}: "${claim.claim}" occurs ${hits} times in ${claim.file}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("each claim lies within one sentence, and no sentence is a member twice", () => {
    const problems: string[] = [];
    for (const subject of subjects) {
      const owner = new Map<string, string>();
      for (const { where, claim, proposition } of locatedClaims(subject)) {
        const sentence = sentenceOf(subject, claim);
        if (sentence === null) {
          problems.push(`${subject.name} ${where}: "${claim.claim}" is not inside one sentence of ${claim.file}`);
          continue;
        }
        if (!proposition) continue;
        const key = `${claim.file}@${sentence}`;
        const earlier = owner.get(key);
        if (earlier) problems.push(`${subject.name}: the sentence of "${claim.claim}" in ${claim.file} is a member of both ${earlier} and ${proposition}`);
        else owner.set(key, proposition);
      }
    }
    expect(problems).toEqual([]);
  });

  test("a look-alike pair is never two members of one proposition", () => {
    const problems: string[] = [];
    for (const subject of subjects) {
      const propositionOf = new Map<string, string>();
      for (const proposition of subject.labels.propositions) {
        for (const member of proposition.members) propositionOf.set(`${member.file}@${sentenceOf(subject, member)}`, proposition.id);
      }
      subject.labels.different.forEach((pair, index) => {
        const a = propositionOf.get(`${pair.a.file}@${sentenceOf(subject, pair.a)}`);
        const b = propositionOf.get(`${pair.b.file}@${sentenceOf(subject, pair.b)}`);
        if (a && a === b) problems.push(`${subject.name} different[${index}]: both sides are members of ${a}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test("the sets hold every kind of repost in more than one subject, the held-out subject among them", () => {
    const kinds = new Map<string, Set<string>>();
    for (const subject of subjects) {
      for (const repost of subject.labels.reposts) {
        const kind = `${repost.extent}, ${repost.attributed ? "attributed" : "unattributed"}`;
        kinds.set(kind, (kinds.get(kind) ?? new Set()).add(subject.name));
      }
    }
    for (const kind of ["whole, attributed", "whole, unattributed", "partial, attributed", "partial, unattributed"]) {
      expect(kinds.get(kind)?.size ?? 0, kind).toBeGreaterThanOrEqual(2);
    }
    expect(subjects.find((subject) => subject.name === "mh17")?.labels.reposts.length).toBeGreaterThanOrEqual(1);
  });

  test("a repost is published after its original", () => {
    const problems: string[] = [];
    for (const subject of subjects) {
      const published = (file: string) => Date.parse(subject.documents.find((document) => document.file === file)?.entry.publishedDate ?? "");
      for (const repost of subject.labels.reposts) {
        const [copy, original] = [published(repost.file), published(repost.original)];
        if (!(copy > original)) problems.push(`${subject.name}: ${repost.file} is not dated after ${repost.original}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("propositions include circular reporting (several documents, one origin) and chains through intermediaries", () => {
    for (const subject of subjects) {
      const { propositions } = subject.labels;
      const circular = propositions.filter((proposition) => proposition.origins === 1 && new Set(proposition.members.map((member) => member.file)).size > 1);
      expect(circular.length, `${subject.name}: circular`).toBeGreaterThan(0);
      expect(
        propositions.some((proposition) => proposition.origins > 1),
        `${subject.name}: several origins`,
      ).toBe(true);
      expect(
        propositions.some((proposition) => proposition.members.some((member) => member.via)),
        `${subject.name}: via`,
      ).toBe(true);
    }
  });

  test("the schema refuses an origin count that disagrees with the members", () => {
    const members = [
      { file: "a.txt", claim: "the first claim", origin: "fbi-report" },
      { file: "b.txt", claim: "the second claim", origin: "fbi-report", via: ["hassan-diab"] },
    ];
    const labels = { subject: "x", reposts: [], different: [], propositions: [{ id: "p", label: "P", members, origins: 2 }] };
    const refused = corroborationLabelsSchema.safeParse(labels);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain("have 1 distinct origin");
    expect(corroborationLabelsSchema.safeParse({ ...labels, propositions: [{ id: "p", label: "P", members, origins: 1 }] }).success).toBe(true);
  });
});
