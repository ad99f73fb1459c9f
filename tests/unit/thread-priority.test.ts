// The import thread and detection's judging threads yield the CPU to the server's requests: the
// thread that asks gets a lower priority, and the server's own thread keeps its own.
import { describe, expect, test } from "vitest";
import { getPriority } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/env";

const MODULE = pathToFileURL(path.join(process.cwd(), "lib", "jobs", "thread-priority.ts")).href;

describe.runIf(process.platform === "linux")("background threads' priority", () => {
  test("a thread that lowers its priority runs at the background niceness; the process's main thread does not", async () => {
    const before = getPriority(process.pid);
    const code = `
      const { parentPort } = require("node:worker_threads");
      const { readlinkSync } = require("node:fs");
      const { getPriority } = require("node:os");
      import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(MODULE)}); }).then((m) => {
        const lowered = m.lowerThisThreadsPriority();
        const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
        parentPort.postMessage({ lowered, nice: getPriority(tid) });
      });`;
    const reply = await new Promise<{ lowered: boolean; nice: number }>((resolve, reject) => {
      const worker = new Worker(code, { eval: true });
      worker.once("message", (message) => {
        resolve(message as { lowered: boolean; nice: number });
        void worker.terminate();
      });
      worker.once("error", reject);
    });
    expect(reply).toEqual({ lowered: true, nice: Math.max(before, env().BACKGROUND_NICE) });
    expect(getPriority(process.pid)).toBe(before);
  });
});
