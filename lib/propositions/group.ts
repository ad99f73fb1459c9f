// The grouping run (issue 21, item 1): claims that state the same thing become one proposition.
//
// Candidate pairs come from the contradiction engine's channels (lib/contradictions/candidates.ts:
// shared rare terms, trigrams, facet keys, neighbours), so the pairs examined grow with the claims, not
// with their square. Each pair is asked `matchClaims`; matches are joined best first, union-find
// style, except across a pair detection holds to conflict (not dismissed) and across two propositions
// an editor has decided. What editors did stays: a member an editor placed, and every member of a
// confirmed proposition, keeps its place; the run only re-places the members it placed itself. A
// proposition the run made that is left with fewer than two members goes.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { candidatePairBatches, collectCandidatesIn, type CandidatePair } from "@/lib/contradictions/candidates";
import { cueClaims, vocabularyOf } from "@/lib/contradictions/detect";
import type { CueClaim } from "@/lib/contradictions/features";
import { HeldClaims } from "@/lib/contradictions/judge-pool";
import { judgeSameness, MATCH_THRESHOLD } from "@/lib/propositions/match";

type Tx = Prisma.TransactionClient;

export interface GroupingOptions {
  /** An import's run: only pairs that involve this source's claims, and other sources' members stay put. */
  sourceId?: number;
  /** The caller's transaction already holds this run's candidate pairs (detection just collected them). */
  candidatesCollected?: boolean;
  batchSize?: number;
}

export interface GroupingReport {
  pairs: number;
  matched: number;
  created: number;
  joined: number;
  left: number;
  removed: number;
  seconds: number;
}

interface Match {
  a: number;
  b: number;
  score: number;
  reason: string;
}

interface Membership {
  claimId: number;
  propositionId: number;
  fixed: boolean;
  sourceId: number;
}

/** Two runs never regroup at once. */
const GROUPING_LOCK = 0x636c7072; // "clpr"
const CLAIM_CACHE = 40_000;
const LABEL_LENGTH = 160;

export async function groupPropositionsIn(tx: Tx, options: GroupingOptions = {}): Promise<GroupingReport> {
  const started = performance.now();
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${GROUPING_LOCK}::int)`;
  if (!options.candidatesCollected) await collectCandidatesIn(tx, { sourceId: options.sourceId });
  const { matches, apart, pairs } = await matchCandidates(tx, options.batchSize);

  const involved = new Set(matches.flatMap((match) => [match.a, match.b]));
  const memberships = await membershipsOf(tx, involved, options.sourceId);
  const conflicts = await conflictsAmong(tx, [...new Set([...involved, ...memberships.keys()])]);
  for (const key of apart) conflicts.add(key);
  const plan = planGroups(matches, memberships, conflicts, options.sourceId);
  const report = await applyPlan(tx, plan, memberships);
  return { pairs, matched: matches.length, ...report, seconds: (performance.now() - started) / 1000 };
}

async function matchCandidates(tx: Tx, batchSize?: number): Promise<{ matches: Match[]; apart: string[]; pairs: number }> {
  const matches: Match[] = [];
  const apart: string[] = [];
  let pairs = 0;
  let vocabulary: Awaited<ReturnType<typeof vocabularyOf>> | null = null;
  const held = new HeldClaims(CLAIM_CACHE);
  const claims = new Map<number, CueClaim>();
  for await (const batch of candidatePairBatches(tx, batchSize)) {
    vocabulary ??= await vocabularyOf(tx);
    const { missing, evict } = held.plan(batch.map(judged));
    for (const id of evict) claims.delete(id);
    for (const [id, claim] of await cueClaims(tx, missing)) claims.set(id, claim);
    for (const pair of batch) {
      pairs += 1;
      const a = claims.get(pair.claimAId);
      const b = claims.get(pair.claimBId);
      if (!a || !b) continue;
      const match = judgeSameness(a, b, { gap: pair.gap, similarity: pair.similarity }, vocabulary);
      if (match === "apart") apart.push(pairKey(a.id, b.id));
      else if (match && match.score >= MATCH_THRESHOLD) matches.push({ a: a.id, b: b.id, score: match.score, reason: match.reason });
    }
  }
  return { matches, apart, pairs };
}

function judged(pair: CandidatePair) {
  return { claimAId: pair.claimAId, claimBId: pair.claimBId };
}

/**
 * The current places of the claims the run may touch. In a whole run that is also every member the system
 * placed (a member whose pairs no longer match must leave); in an import's run, other sources' members stay.
 */
async function membershipsOf(tx: Tx, involved: Set<number>, sourceId?: number): Promise<Map<number, Membership>> {
  const ids = [...involved];
  const rows = await tx.$queryRaw<{ claimId: number; propositionId: number; placement: string; status: string; sourceId: number }[]>`
    SELECT m.claim_id AS "claimId", m.proposition_id AS "propositionId", m.placement::text AS placement, p.status::text AS status,
      c.source_id AS "sourceId"
    FROM proposition_members m JOIN propositions p ON p.id = m.proposition_id JOIN claims c ON c.id = m.claim_id
    WHERE m.claim_id = ANY(${ids}::int[])
       OR m.proposition_id IN (SELECT proposition_id FROM proposition_members WHERE claim_id = ANY(${ids}::int[]))
       OR (${sourceId ?? null}::int IS NULL AND m.placement = 'system')
       OR c.source_id = ${sourceId ?? null}::int`;
  const memberships = new Map<number, Membership>();
  for (const row of rows) {
    const decided = row.placement === "editor" || row.status === "confirmed";
    const elsewhere = sourceId !== undefined && row.sourceId !== sourceId;
    memberships.set(row.claimId, { claimId: row.claimId, propositionId: row.propositionId, fixed: decided || elsewhere, sourceId: row.sourceId });
  }
  return memberships;
}

/** Pairs detection holds to conflict (candidates and confirmed): never one proposition. */
async function conflictsAmong(tx: Tx, ids: number[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx.$queryRaw<{ a: number; b: number }[]>`
    SELECT claim_a_id AS a, claim_b_id AS b FROM contradictions
    WHERE status <> 'dismissed' AND claim_a_id = ANY(${ids}::int[]) AND claim_b_id = ANY(${ids}::int[])`;
  return new Set(rows.map((row) => pairKey(row.a, row.b)));
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/**
 * Two groups join only when the match is not a lone bridge: at least half of each group matches someone in the
 * other. One claim that shares a figure with one
 * member of a group and words with one member of another does not chain the two into one.
 */
function wellLinked(x: number[], y: number[], adjacent: Map<number, Set<number>>): boolean {
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  const largeSet = new Set(large);
  const smallSet = new Set(small);
  const linkedSmall = small.filter((id) => [...(adjacent.get(id) ?? [])].some((other) => largeSet.has(other))).length;
  const linkedLarge = large.filter((id) => [...(adjacent.get(id) ?? [])].some((other) => smallSet.has(other))).length;
  return linkedSmall * 2 >= small.length && linkedLarge * 2 >= large.length;
}

export interface GroupPlan {
  /** Claim → the proposition it should be in (an existing id, or a negative number for a new one), or null for none. */
  placements: Map<number, number | null>;
  reasons: Map<number, string>;
  /** New propositions (negative ids) → their members' quotes are read for a label. */
  newGroups: Map<number, number[]>;
}

/** Pure: the run's decision, given the matches, the current places and the conflicts. Exported for tests. */
export function planGroups(matches: Match[], memberships: Map<number, Membership>, conflicts: Set<string>, sourceId?: number): GroupPlan {
  const parent = new Map<number, number>();
  const members = new Map<number, number[]>();
  const adjacent = new Map<number, Set<number>>();
  for (const match of matches) {
    for (const [x, y] of [
      [match.a, match.b],
      [match.b, match.a],
    ] as const) {
      const set = adjacent.get(x) ?? new Set<number>();
      set.add(y);
      adjacent.set(x, set);
    }
  }
  const decided = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let at = id;
    while (at !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const add = (id: number) => {
    if (parent.has(id)) return;
    parent.set(id, id);
    members.set(id, [id]);
  };
  const union = (x: number, y: number): boolean => {
    const [rx, ry] = [find(x), find(y)];
    if (rx === ry) return true;
    const [dx, dy] = [decided.get(rx), decided.get(ry)];
    if (dx !== undefined && dy !== undefined && dx !== dy) return false;
    const [mx, my] = [members.get(rx)!, members.get(ry)!];
    for (const p of mx) for (const q of my) if (conflicts.has(pairKey(p, q))) return false;
    if (!wellLinked(mx, my, adjacent)) return false;
    const [big, small] = mx.length >= my.length ? [rx, ry] : [ry, rx];
    parent.set(small, big);
    members.get(big)!.push(...members.get(small)!);
    members.delete(small);
    const kept = decided.get(big) ?? decided.get(small);
    decided.delete(small);
    if (kept !== undefined) decided.set(big, kept);
    return true;
  };

  // Members whose place is decided start as one group per proposition.
  const firstOf = new Map<number, number>();
  for (const membership of memberships.values()) {
    if (!membership.fixed) continue;
    add(membership.claimId);
    decided.set(find(membership.claimId), membership.propositionId);
    const first = firstOf.get(membership.propositionId);
    if (first === undefined) firstOf.set(membership.propositionId, membership.claimId);
    else union(first, membership.claimId);
  }

  const reasons = new Map<number, { score: number; reason: string }>();
  const note = (id: number, score: number, reason: string) => {
    const known = reasons.get(id);
    if (!known || score > known.score) reasons.set(id, { score, reason });
  };
  for (const match of [...matches].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b)) {
    add(match.a);
    add(match.b);
    if (!union(match.a, match.b)) continue;
    note(match.a, match.score, match.reason);
    note(match.b, match.score, match.reason);
  }

  const placements = new Map<number, number | null>();
  const newGroups = new Map<number, number[]>();
  const taken = new Set<number>();
  let nextNew = -1;
  for (const [root, group] of members) {
    const movable = group.filter((id) => !memberships.get(id)?.fixed);
    if (!movable.length) continue;
    if (group.length < 2) {
      for (const id of movable) placements.set(id, null);
      continue;
    }
    let target = decided.get(root);
    if (target === undefined) {
      // Keep the id of the proposition most of the group was in already, so links to it hold.
      const counts = new Map<number, number>();
      for (const id of movable) {
        const current = memberships.get(id)?.propositionId;
        if (current !== undefined && !taken.has(current)) counts.set(current, (counts.get(current) ?? 0) + 1);
      }
      const best = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
      target = best ? best[0] : nextNew--;
      if (target < 0) newGroups.set(target, movable);
      taken.add(target);
    }
    for (const id of movable) placements.set(id, target);
  }
  // Members the system placed that no match reached any more leave (in an import's run, only its source's).
  for (const membership of memberships.values()) {
    if (membership.fixed || placements.has(membership.claimId)) continue;
    if (sourceId === undefined || membership.sourceId === sourceId) placements.set(membership.claimId, null);
  }
  return { placements, reasons: new Map([...reasons].map(([id, value]) => [id, value.reason])), newGroups };
}

async function applyPlan(tx: Tx, plan: GroupPlan, memberships: Map<number, Membership>): Promise<Omit<GroupingReport, "pairs" | "matched" | "seconds">> {
  const report = { created: 0, joined: 0, left: 0, removed: 0 };
  const created = new Map<number, number>();
  if (plan.newGroups.size) {
    const ids = [...plan.newGroups.values()].flat();
    const quotes = new Map(
      (await tx.$queryRaw<{ id: number; quote: string }[]>`SELECT id, quote FROM claims WHERE id = ANY(${ids}::int[])`).map((row) => [row.id, row.quote]),
    );
    for (const [key, group] of plan.newGroups) {
      const label = labelOf(group.map((id) => quotes.get(id) ?? ""));
      const [row] = await tx.$queryRaw<{ id: number }[]>`INSERT INTO propositions (label, updated_at) VALUES (${label}, now()) RETURNING id`;
      created.set(key, row!.id);
      report.created += 1;
    }
  }
  const leaving: number[] = [];
  const joining: { claimId: number; propositionId: number; reason: string | null }[] = [];
  const touched = new Set<number>();
  for (const [claimId, target] of plan.placements) {
    const resolved = target === null ? null : target < 0 ? created.get(target)! : target;
    const current = memberships.get(claimId)?.propositionId ?? null;
    if (current === resolved) continue;
    if (current !== null) {
      leaving.push(claimId);
      touched.add(current);
      report.left += 1;
    }
    if (resolved !== null) {
      joining.push({ claimId, propositionId: resolved, reason: plan.reasons.get(claimId) ?? null });
      touched.add(resolved);
      report.joined += 1;
    }
  }
  if (leaving.length) await tx.$executeRaw`DELETE FROM proposition_members WHERE claim_id = ANY(${leaving}::int[]) AND placement = 'system'`;
  if (joining.length)
    await tx.$executeRaw`
      INSERT INTO proposition_members (claim_id, proposition_id, placement, reason)
      SELECT v.claim_id, v.proposition_id, 'system', v.reason
      FROM unnest(${joining.map((row) => row.claimId)}::int[], ${joining.map((row) => row.propositionId)}::int[], ${joining.map((row) => row.reason)}::text[])
        AS v(claim_id, proposition_id, reason)`;
  const changed = [...touched];
  if (changed.length) {
    report.removed = await tx.$executeRaw`
      DELETE FROM propositions p WHERE p.id = ANY(${changed}::int[]) AND p.status = 'proposed'
        AND NOT EXISTS (SELECT 1 FROM proposition_members m WHERE m.proposition_id = p.id AND m.placement = 'editor')
        AND (SELECT count(*) FROM proposition_members m WHERE m.proposition_id = p.id) < 2`;
    // An editor holding the page of a proposition whose members changed is told so when they save.
    await tx.$executeRaw`UPDATE propositions SET version = version + 1, updated_at = now() WHERE id = ANY(${changed}::int[])`;
  }
  return report;
}

/** The shortest member, whole or cut at a word: what the group says, in one of its own sentences. */
export function labelOf(quotes: string[]): string {
  const shortest = quotes.filter(Boolean).sort((x, y) => x.length - y.length)[0] ?? "";
  const text = shortest.replace(/\s+/g, " ").trim();
  if (text.length <= LABEL_LENGTH) return text;
  return `${text.slice(0, LABEL_LENGTH).replace(/\s+\S*$/, "")} …`;
}

const GROUPING_TIMEOUT_MS = 30 * 60_000;

/** A whole run (or one source's) in a transaction of its own, after detection stored its pairs. */
export async function groupPropositions(prisma: PrismaClient, options: Omit<GroupingOptions, "candidatesCollected"> = {}): Promise<GroupingReport> {
  return prisma.$transaction((tx) => groupPropositionsIn(tx, options), { timeout: GROUPING_TIMEOUT_MS, maxWait: 30_000 });
}

export function formatGroupingReport(report: GroupingReport): string {
  return (
    `Propositions: ${report.pairs} candidate pairs examined, ${report.matched} matched; ${report.created} new, ` +
    `${report.joined} claims placed, ${report.left} moved out, ${report.removed} emptied and removed; ${report.seconds.toFixed(1)} s`
  );
}
