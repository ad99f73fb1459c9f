// HTTP helpers for the benchmark: signing in through next-auth's credentials callback,
// timing requests over loopback with keep-alive, percentiles, and calling a server action
// the way the browser does.
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/embedded";

/** next-auth's credentials sign-in over plain HTTP; returns the Cookie header for requests. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) throw new Error(`sign-in of ${email} failed: HTTP ${response.status}`);
  return cookie();
}

export interface Distribution {
  samples: number;
  median: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], fraction: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    median: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface TimedPage {
  times: Distribution;
  bytes: number;
  /** With follow-up requests: each request's own times, the page first. */
  parts: Distribution[];
}

/**
 * Server time as the client sees it over loopback: request sent to last byte read, on a
 * kept-alive connection (Node's fetch pools connections), after warm-up requests. `then`
 * names requests the page's browser makes before it shows the page (the reader's text):
 * a sample is the page and those, one after the other.
 */
export async function timePage(
  baseUrl: string,
  pathAndQuery: string,
  cookie: string,
  options: { samples: number; warmup?: number; expect?: (body: string) => boolean; then?: string[] },
): Promise<TimedPage> {
  const paths = [pathAndQuery, ...(options.then ?? [])];
  const times: number[] = [];
  const parts: number[][] = paths.map(() => []);
  let bytes = 0;
  for (let round = -(options.warmup ?? 5); round < options.samples; round++) {
    let total = 0;
    bytes = 0;
    for (const [index, path] of paths.entries()) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
      const body = await response.text();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${body.slice(0, 300)}`);
      if (index === 0 && options.expect && !options.expect(body)) throw new Error(`GET ${path} answered 200 without the expected content`);
      total += elapsed;
      bytes += body.length;
      if (round >= 0) parts[index]!.push(elapsed);
    }
    if (round >= 0) times.push(total);
  }
  return { times: distribution(times), bytes, parts: parts.map(distribution) };
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

/** The id `next build` gave a server action, from the build's server reference manifest. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${filename} is not in the build's manifest`);
  return found[0];
}

/** Headers of a server action call as React's client sends them (arguments as a JSON array). */
export function serverActionHeaders(baseUrl: string, actionId: string, cookie: string): Record<string, string> {
  return {
    "next-action": actionId,
    "content-type": "text/plain;charset=UTF-8",
    accept: "text/x-component",
    origin: baseUrl,
    cookie,
  };
}

export interface ActionOutcome {
  ok: boolean;
  /** The ActionResult status when not ok (409 conflict, 422 validation …). */
  status?: number;
  id?: number;
  version?: number;
  changed?: boolean;
  /** The version someone else saved, when the answer is a conflict. */
  currentVersion?: number;
}

/**
 * Reads an ActionResult out of the React flight response. The result is plain JSON inside
 * one row of the stream, so its keys appear in the order lib/auth/with-role.ts builds them.
 */
export function parseActionResult(body: string): ActionOutcome | null {
  const saved = /"ok":true,"data":\{"id":(\d+),"version":(\d+),"changed":(true|false)/.exec(body);
  if (saved) return { ok: true, id: Number(saved[1]), version: Number(saved[2]), changed: saved[3] === "true" };
  const failed = /"ok":false,"status":(\d+)/.exec(body);
  if (!failed) return null;
  const current = /"current":\{"version":(\d+)/.exec(body);
  return { ok: false, status: Number(failed[1]), currentVersion: current ? Number(current[1]) : undefined };
}
