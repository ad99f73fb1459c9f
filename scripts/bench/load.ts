// The mixed load: signed-in editors reading pages and saving claim edits at once, driven by
// autocannon against loopback for a fixed time, then a check that no saved edit was lost.
//
// Each connection cycles through: claims table (a filter), a search, a claim's editor page,
// a source in the reader, and a save of a claim through the same server action the editor
// form calls (updateClaimAction, optimistic concurrency on `version`). Most saves go to a
// pool of a few hundred claims, one in ten to a handful of "hot" claims that several
// connections edit at the same time, so conflicts happen and must be answered, not lost.
import autocannon, { type AutocannonRequest, type AutocannonResult } from "autocannon";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { treeCpuSeconds } from "@/scripts/bench/processes";
import { distribution, parseActionResult, serverActionHeaders, type Distribution } from "@/scripts/bench/http";

export interface EditableClaim {
  id: number;
  version: number;
  stance: string;
  sourceStance: string;
  speakerId: number | null;
  attribution: string;
  citedVia: string | null;
  topicId: number | null;
  credibility: number;
  status: string;
}

export interface LoadPlan {
  baseUrl: string;
  /** One signed-in session per editor; requests take them in turn. */
  cookies: string[];
  seconds: number;
  connections: number;
  actionId: string;
  tablePaths: string[];
  searchPaths: string[];
  claimIds: number[];
  sourceSlugs: string[];
  pool: EditableClaim[];
  hot: EditableClaim[];
  /** Open loop: this many requests per second in all, whatever the answers' pace (autocannon's overallRate). */
  rate?: number;
  /** Tells this run's saves apart from another run's on the same database. */
  label: string;
}

export interface LoadFigures {
  label: string;
  rate: number | null;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latency: Distribution;
  byKind: Record<string, { count: number; latency: Distribution }>;
  statusCounts: Record<string, number>;
  serverErrors: number;
  /** Connection errors and timeouts as autocannon counts them. */
  transportErrors: number;
  saves: number;
  conflicts: number;
  otherActionFailures: number;
  verification: EditVerification;
}

export interface EditVerification {
  acknowledged: number;
  /** Saves the server acknowledged that the database does not hold (must be 0). */
  lost: number;
  /** Saves committed while their answer was still on the way when the load stopped. */
  unacknowledgedCommits: number;
  claimsChecked: number;
  problems: string[];
}

interface Acknowledgement {
  claimId: number;
  version: number;
  token: string;
}

const TOKEN_PREFIX = "bench edit ";

export async function runMixedLoad(plan: LoadPlan, databaseUrl: string, log: (line: string) => void): Promise<LoadFigures> {
  const host = new URL(plan.baseUrl).hostname;
  if (host !== "127.0.0.1" && host !== "localhost" && host !== "::1") throw new Error(`the mixed load only runs against loopback, not ${host}`);

  const known = new Map<number, EditableClaim>([...plan.pool, ...plan.hot].map((claim) => [claim.id, { ...claim }]));
  const acknowledgements: Acknowledgement[] = [];
  const sentTokens = new Set<string>();
  let sequence = 0;
  let cookieTurn = 0;
  let conflicts = 0;
  let otherActionFailures = 0;
  const latencies: number[] = [];
  const kindLatencies: Record<string, number[]> = {};
  const statusCounts: Record<string, number> = {};
  const random = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
  const cookie = () => plan.cookies[cookieTurn++ % plan.cookies.length]!;

  const read = (kind: string, nextPath: () => string): AutocannonRequest => ({
    method: "GET",
    setupRequest: (request, context) => {
      context.kind = kind;
      context.started = performance.now();
      return { ...request, method: "GET", path: nextPath(), headers: { cookie: cookie() } };
    },
    onResponse: (status, _body, context) => {
      record(String(context.kind), status, Number(context.started));
    },
  });

  const record = (kind: string, status: number, started: number) => {
    const elapsed = performance.now() - started;
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    (kindLatencies[kind] ??= []).push(elapsed);
  };

  const save: AutocannonRequest = {
    method: "POST",
    setupRequest: (request, context) => {
      const claim = Math.random() < 0.1 ? random(plan.hot) : random(plan.pool);
      const current = known.get(claim.id)!;
      const token = `${TOKEN_PREFIX}${plan.label} ${++sequence}`;
      sentTokens.add(token);
      context.kind = "save";
      context.claimId = claim.id;
      context.token = token;
      context.started = performance.now();
      const input = {
        id: current.id,
        version: current.version,
        stance: current.stance,
        sourceStance: current.sourceStance,
        speakerId: current.speakerId ?? "",
        newSpeakerName: "",
        attribution: current.attribution,
        citedVia: current.citedVia ?? "",
        topicId: current.topicId ?? "",
        newTopicTitle: "",
        credibility: current.credibility,
        status: current.status,
        notes: token,
      };
      return {
        ...request,
        method: "POST",
        path: `/claims/${claim.id}`,
        headers: serverActionHeaders(plan.baseUrl, plan.actionId, cookie()),
        body: JSON.stringify([input]),
      };
    },
    onResponse: (status, body, context) => {
      record("save", status, Number(context.started));
      if (status !== 200) return;
      const outcome = parseActionResult(body);
      const claim = known.get(Number(context.claimId))!;
      if (outcome?.ok && outcome.version !== undefined) {
        acknowledgements.push({ claimId: claim.id, version: outcome.version, token: String(context.token) });
        if (outcome.version > claim.version) claim.version = outcome.version;
      } else if (outcome && outcome.status === 409) {
        conflicts += 1;
        // What an editor does after a conflict: take the version now stored and save again.
        if (outcome.currentVersion !== undefined && outcome.currentVersion > claim.version) claim.version = outcome.currentVersion;
      } else {
        otherActionFailures += 1;
        if (otherActionFailures <= 3) log(`  unexpected action answer: ${body.slice(0, 300)}`);
      }
    },
  };

  const requests: AutocannonRequest[] = [
    read("claims table", () => random(plan.tablePaths)),
    read("search", () => random(plan.searchPaths)),
    read("claim editor", () => `/claims/${random(plan.claimIds)}`),
    read("source reader", () => `/sources/${random(plan.sourceSlugs)}`),
    // What the reader's browser fetches next: the text and its highlights.
    read("source reader text", () => `/api/sources/${random(plan.sourceSlugs)}/reader`),
    save,
  ];

  log(`Mixed load (${plan.label}): ${plan.connections} connections for ${plan.seconds} s against ${plan.baseUrl} …`);
  const result = plan.rate
    ? await openLoop(plan, requests, (elapsed) => latencies.push(elapsed))
    : await new Promise<{ duration: number; errors: number }>((resolve, reject) => {
        const instance = autocannon(
          { url: plan.baseUrl, connections: plan.connections, duration: plan.seconds, timeout: 30, pipelining: 1, requests },
          (error, outcome: AutocannonResult) => (error ? reject(error) : resolve(outcome)),
        );
        instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
      });

  const verification = await verifyEdits(databaseUrl, acknowledgements, sentTokens, [...known.keys()]);
  const byKind = Object.fromEntries(Object.entries(kindLatencies).map(([kind, values]) => [kind, { count: values.length, latency: distribution(values) }]));
  const serverErrors = Object.entries(statusCounts)
    .filter(([status]) => Number(status) >= 500)
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    label: plan.label,
    rate: plan.rate ?? null,
    seconds: result.duration,
    connections: plan.connections,
    requests: latencies.length,
    requestsPerSecond: latencies.length / result.duration,
    latency: distribution(latencies),
    byKind,
    statusCounts,
    serverErrors,
    transportErrors: result.errors,
    saves: acknowledgements.length,
    conflicts,
    otherActionFailures,
    verification,
  };
}

/**
 * The open loop: `rate` requests a second in all, each editor (connection) in turn sending its next
 * request on schedule whether or not its last one has been answered — as people do, who do not
 * wait for the server to be idle. (autocannon's own rate limit is whole requests per connection
 * and second, and a slow answer holds a connection's next request back: a closed loop again.)
 * The requests are the closed loop's, built and checked by the same setupRequest/onResponse.
 */
async function openLoop(plan: LoadPlan, requests: AutocannonRequest[], onLatency: (ms: number) => void): Promise<{ duration: number; errors: number }> {
  const started = performance.now();
  const interval = 1000 / plan.rate!;
  const turns = Array.from({ length: plan.connections }, (_, editor) => editor % requests.length);
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  const send = async (template: AutocannonRequest) => {
    const context: Record<string, unknown> = {};
    const request = template.setupRequest!({ ...template }, context)!;
    const sent = performance.now();
    try {
      const response = await fetch(new URL(request.path!, plan.baseUrl), {
        method: request.method,
        headers: request.headers,
        body: request.method === "POST" ? request.body : undefined,
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      });
      const body = await response.text();
      onLatency(performance.now() - sent);
      template.onResponse!(response.status, body, context, Object.fromEntries(response.headers));
    } catch {
      errors += 1;
    }
  };
  for (let tick = 0; ; tick += 1) {
    const due = started + tick * interval;
    if (due - started >= plan.seconds * 1000) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const editor = tick % plan.connections;
    const template = requests[turns[editor]!]!;
    turns[editor] = (turns[editor]! + 1) % requests.length;
    const pending = send(template).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  }
  await Promise.all(inFlight);
  return { duration: (performance.now() - started) / 1000, errors };
}

/** Waits (at most 30 s) until the load's saves have stopped committing for two seconds. */
async function settleSaves(client: pg.Client): Promise<void> {
  const saves = Prisma.sql`SELECT count(*) AS n FROM audit_events WHERE entity_type = 'claim' AND action = 'update' AND after->>'notes' LIKE ${`${TOKEN_PREFIX}%`}`;
  const count = async () => Number((await client.query<{ n: string }>(saves.text, saves.values)).rows[0]!.n);
  const deadline = Date.now() + 30_000;
  let last = await count();
  let stableSince = Date.now();
  while (Date.now() < deadline && Date.now() - stableSince < 2_000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await count();
    if (now !== last) [last, stableSince] = [now, Date.now()];
  }
}

/**
 * Every acknowledged save must be in the database: its audit event (written in the same
 * transaction as the change) must exist, no two acknowledged saves of a claim may share a
 * version (that would be a lost update), and each claim must hold its newest acknowledged
 * save unless a later save committed while its answer was in flight.
 */
export async function verifyEdits(url: string, acknowledgements: Acknowledgement[], sentTokens: Set<string>, claimIds: number[]): Promise<EditVerification> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Saves whose answer was in flight at the stop still commit for a few seconds: wait until
    // they are done, then read the audit log and the claims in one snapshot, so that a commit
    // landing between the two reads cannot look like a save nobody recorded.
    await settleSaves(client);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const problems: string[] = [];
    const auditedQuery = Prisma.sql`
      SELECT after->>'notes' AS token, entity_id AS claim_id FROM audit_events
       WHERE entity_type = 'claim' AND action = 'update' AND after->>'notes' LIKE ${`${TOKEN_PREFIX}%`}`;
    const { rows: audited } = await client.query<{ token: string; claim_id: string }>(auditedQuery.text, auditedQuery.values);
    const auditedTokens = new Set(audited.map((row) => row.token));
    let lost = 0;
    for (const acknowledgement of acknowledgements) {
      if (!auditedTokens.has(acknowledgement.token)) {
        lost += 1;
        if (problems.length < 5) problems.push(`save "${acknowledgement.token}" of claim ${acknowledgement.claimId} was acknowledged but has no audit event`);
      }
    }
    const versions = new Map<string, string>();
    for (const acknowledgement of acknowledgements) {
      const key = `${acknowledgement.claimId}@${acknowledgement.version}`;
      const other = versions.get(key);
      if (other) {
        lost += 1;
        if (problems.length < 5)
          problems.push(
            `claim ${acknowledgement.claimId}: "${other}" and "${acknowledgement.token}" were both acknowledged as version ${acknowledgement.version}`,
          );
      }
      versions.set(key, acknowledgement.token);
    }
    const newest = new Map<number, Acknowledgement>();
    for (const acknowledgement of acknowledgements) {
      const previous = newest.get(acknowledgement.claimId);
      if (!previous || acknowledgement.version > previous.version) newest.set(acknowledgement.claimId, acknowledgement);
    }
    const claimsQuery = Prisma.sql`SELECT id, version, notes FROM claims WHERE id = ANY(${claimIds}::int[])`;
    const { rows: claims } = await client.query<{ id: number; version: number; notes: string | null }>(claimsQuery.text, claimsQuery.values);
    const acknowledgedTokens = new Set(acknowledgements.map((acknowledgement) => acknowledgement.token));
    const unacknowledgedCommits = [...auditedTokens].filter((token) => sentTokens.has(token) && !acknowledgedTokens.has(token)).length;
    for (const claim of claims) {
      const last = newest.get(claim.id);
      if (!last) continue;
      if (claim.version === last.version && claim.notes !== last.token) {
        lost += 1;
        problems.push(`claim ${claim.id} is at version ${claim.version} but holds "${claim.notes}", not the acknowledged "${last.token}"`);
      } else if (claim.version < last.version) {
        lost += 1;
        problems.push(`claim ${claim.id} is at version ${claim.version}, behind the acknowledged version ${last.version}`);
      } else if (claim.version > last.version && !(claim.notes && auditedTokens.has(claim.notes) && !acknowledgedTokens.has(claim.notes))) {
        lost += 1;
        problems.push(`claim ${claim.id} moved past the acknowledged version ${last.version} without a recorded save`);
      }
    }
    await client.query("COMMIT");
    return { acknowledged: acknowledgements.length, lost, unacknowledgedCommits, claimsChecked: newest.size, problems };
  } finally {
    await client.end();
  }
}

export interface RequestCost {
  label: string;
  requests: number;
  /** The app server's CPU (all its processes, user + system) per request, in ms. */
  cpuMs: number;
  bytes: number;
}

/**
 * What each kind of request of the mixed load costs the server: CPU seconds of its process tree
 * over `count` requests (four at a time, after a warm-up), divided by the count. Unlike a rate,
 * this hardly moves when something else shares the machine, so it is what to compare across runs.
 */
export async function measureRequestCosts(
  baseUrl: string,
  serverPid: number,
  cookie: string,
  kinds: { label: string; paths: string[] }[],
  count = 200,
): Promise<RequestCost[]> {
  const costs: RequestCost[] = [];
  for (const kind of kinds) {
    let turn = 0;
    const run = (amount: number) =>
      new Promise<AutocannonResult>((resolve, reject) =>
        autocannon(
          {
            url: baseUrl,
            connections: 4,
            amount,
            timeout: 30,
            requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: kind.paths[turn++ % kind.paths.length]!, headers: { cookie } }) }],
          },
          (error, outcome) => (error ? reject(error) : resolve(outcome)),
        ),
      );
    await run(20);
    const before = treeCpuSeconds(serverPid);
    const outcome = await run(count);
    const cpu = treeCpuSeconds(serverPid) - before;
    costs.push({ label: kind.label, requests: count, cpuMs: (cpu * 1000) / count, bytes: outcome.throughput.total / count });
  }
  return costs;
}
