// The server as an operator runs it: several HTTP processes behind one port (WEB_CONCURRENCY,
// scripts/serve.ts). Requests are answered by more than one of them, and when one dies the others
// keep answering while the primary starts a replacement.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, type RunningApp } from "./helpers";

/** The live child processes of pid. */
function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return Number(fields[1]) === pid && fields[0] !== "Z";
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Alive and not a zombie. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

const httpProcesses = (pid: number) => childrenOf(pid).filter((child) => readFileSync(`/proc/${child}/cmdline`, "utf8").includes("serve.ts"));

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("several HTTP processes on one port", () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp({ seed: false, env: { WEB_CONCURRENCY: "2" } });
  }, 240_000);

  afterAll(async () => {
    await app?.stop();
  });

  test("the server says how many it runs, and a killed one is replaced while the rest keep answering", async () => {
    expect(app.output()).toMatch(/Ready in \d+ ms on http:\/\/\S+ \(2 HTTP processes\)/);
    const workers = childrenOf(app.pid).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve.ts"));
    expect(workers).toHaveLength(2);

    process.kill(workers[0]!, "SIGKILL");
    // Every request in the meantime is answered: the surviving process takes the port's connections.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await fetch(`${app.baseUrl}/api/health`, { headers: { connection: "close" } });
      expect(response.status).toBe(200);
    }
    const replaced = await waitFor("a replacement HTTP process", () => {
      const now = childrenOf(app.pid).filter((pid) => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("serve.ts"));
      return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
    });
    expect(replaced).toContain(workers[1]!);
    expect(app.output()).toContain(`HTTP process ${workers[0]} ended (SIGKILL); starting another`);
  });

  test("when the first process is killed, its HTTP processes end too: none goes on serving the port alone", async () => {
    const workers = httpProcesses(app.pid);
    expect(workers).toHaveLength(2);
    process.kill(app.pid, "SIGKILL");
    await waitFor("the HTTP processes to end", () => workers.every((pid) => !running(pid)), 20_000);
    await expect(fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});
