// The server as an operator runs it: several HTTP processes behind one port (WEB_CONCURRENCY,
// scripts/serve.ts). Requests are answered by more than one of them, and when one dies the others
// keep answering while the primary starts a replacement.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startApp, type RunningApp } from "./helpers";
import { childProcesses, running } from "@/scripts/bench/processes";

/** The server's HTTP processes: the children of its first process running scripts/serve.ts. */
const httpProcesses = (pid: number) => childProcesses(pid).filter((child) => readFileSync(`/proc/${child}/cmdline`, "utf8").includes("serve.ts"));

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
    // The app answers as soon as one process listens; the line comes once both do.
    await waitFor("both processes to listen", () => /Ready in \d+ ms on http:\/\/\S+ \(2 HTTP processes\)/.test(app.output()));
    const workers = httpProcesses(app.pid);
    expect(workers).toHaveLength(2);

    process.kill(workers[0]!, "SIGKILL");
    // A connection handed to the dying process in the instant before the primary hears of it is
    // lost with it (node:cluster); once it has heard, every request is answered.
    await waitFor("the primary to hear of the death", () => app.output().includes(`HTTP process ${workers[0]} ended (SIGKILL); starting another`));
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const response = await fetch(`${app.baseUrl}/api/health`, { headers: { connection: "close" }, signal: AbortSignal.timeout(10_000) });
      expect(response.status).toBe(200);
    }
    const replaced = await waitFor("a replacement HTTP process", () => {
      const now = httpProcesses(app.pid);
      return now.length === 2 && !now.includes(workers[0]!) ? now : undefined;
    });
    expect(replaced).toContain(workers[1]!);
  });

  test("when the first process is killed, its HTTP processes end too: none goes on serving the port alone", async () => {
    const workers = httpProcesses(app.pid);
    expect(workers).toHaveLength(2);
    process.kill(app.pid, "SIGKILL");
    await waitFor("the HTTP processes to end", () => workers.every((pid) => !running(pid)), 20_000);
    await expect(fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});
