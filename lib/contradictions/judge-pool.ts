// Judging is pure computation while the database waits: over many pairs, worker threads judge batches side
// by side. The main thread keeps every database read; each worker keeps the claims it was sent, and the main
// thread mirrors which ones, so a claim is sent again only after the worker dropped it.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CueClaim, JudgedPair, Verdict } from "@/lib/contradictions/judge";
import type { Vocabulary } from "@/lib/text/terms";

/** Fewer pairs than this are judged faster than worker threads start (each loads the rules and WordNet). */
export const PARALLEL_MIN_PAIRS = 200_000;

export interface JudgeTask {
  pairs: JudgedPair[];
  claims: CueClaim[];
  evict: number[];
}

export interface JudgeWorkerData {
  counts: ReturnType<Vocabulary["counts"]>;
  minScore: number;
}

export type JudgeWorkerMessage = { ready: true } | { verdicts: Verdict[] } | { error: string };

const WORKER_FILE = path.join(process.cwd(), "lib", "contradictions", "judge-worker.ts");
// A thread does not inherit the parent's TypeScript loader: it registers tsx itself, then loads the worker.
const BOOTSTRAP = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(WORKER_FILE).href)}); })`;

/** How many threads to judge on: one per core for a large run, none (judge in place) otherwise. */
export function judgeThreads(pairs: number, requested?: number): number {
  if (requested !== undefined) return requested;
  return pairs >= PARALLEL_MIN_PAIRS ? Math.min(4, availableParallelism()) : 0;
}

/** Which claims a judge holds, least recently used first: a claim is in many pairs, so claims stay across batches. */
export class HeldClaims {
  private readonly held = new Map<number, true>();

  constructor(private readonly capacity: number) {}

  /** The claims of the pairs not held yet (now counted as held), and the ones to drop to stay within capacity. */
  plan(pairs: readonly JudgedPair[]): { missing: number[]; evict: number[] } {
    const wanted = [...new Set(pairs.flatMap((pair) => [pair.claimAId, pair.claimBId]))];
    const missing: number[] = [];
    for (const id of wanted) {
      if (this.held.delete(id)) this.held.set(id, true);
      else missing.push(id);
    }
    for (const id of missing) this.held.set(id, true);
    const evict: number[] = [];
    if (this.held.size > this.capacity) {
      const keep = new Set(wanted);
      for (const id of this.held.keys()) {
        if (this.held.size <= this.capacity / 2) break;
        if (keep.has(id)) continue;
        this.held.delete(id);
        evict.push(id);
      }
    }
    return { missing, evict };
  }
}

class JudgeThread {
  readonly held: HeldClaims;
  private pending: { resolve: (verdicts: Verdict[]) => void; reject: (error: Error) => void } | null = null;
  busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly worker: Worker,
    capacity: number,
  ) {
    this.held = new HeldClaims(capacity);
    worker.on("message", (message: JudgeWorkerMessage) => {
      const pending = this.pending;
      this.pending = null;
      if ("verdicts" in message) pending?.resolve(message.verdicts);
      else if ("error" in message) pending?.reject(new Error(`Judging thread: ${message.error}`));
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`Judging thread stopped (exit code ${code})`)));
  }

  private stopping = false;

  private fail(error: Error): void {
    if (this.stopping) return;
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }

  judge(task: JudgeTask): Promise<Verdict[]> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(task);
    });
  }

  terminate(): Promise<number> {
    this.stopping = true;
    return this.worker.terminate();
  }
}

export class JudgePool {
  private next = 0;

  private constructor(private readonly threads: JudgeThread[]) {}

  get size(): number {
    return this.threads.length;
  }

  /** Null when threads cannot start here (no TypeScript loader, a restricted runtime): the caller judges in place. */
  static async start(count: number, vocabulary: Vocabulary, minScore: number, capacity: number): Promise<JudgePool | null> {
    if (count < 2 || !existsSync(WORKER_FILE)) return null;
    const workerData: JudgeWorkerData = { counts: vocabulary.counts(), minScore };
    const started = await Promise.allSettled(
      Array.from({ length: count }, () => {
        return new Promise<Worker>((resolve, reject) => {
          let worker: Worker;
          try {
            worker = new Worker(BOOTSTRAP, { eval: true, workerData, execArgv: [] });
          } catch (error) {
            reject(error as Error);
            return;
          }
          // Only these listeners go: a worker's own ones keep its message port open.
          const settle = (error?: Error) => {
            worker.off("message", onMessage).off("error", onError).off("exit", onExit);
            if (error) reject(error);
            else resolve(worker);
          };
          const onMessage = (message: JudgeWorkerMessage) => settle("ready" in message ? undefined : new Error("no ready message"));
          const onError = (error: Error) => settle(error);
          const onExit = (code: number) => settle(new Error(`exit ${code}`));
          worker.on("message", onMessage).on("error", onError).on("exit", onExit);
        });
      }),
    );
    const workers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    if (workers.length < count) {
      await Promise.all(workers.map((worker) => worker.terminate()));
      return null;
    }
    return new JudgePool(workers.map((worker) => new JudgeThread(worker, capacity)));
  }

  /**
   * Hands a batch to the next thread once it is free; `read` fetches the claims that thread lacks. Resolves
   * when the batch is handed over, not when it is judged: `drain` waits for the rest.
   */
  async submit(pairs: JudgedPair[], read: (ids: number[]) => Promise<CueClaim[]>, collect: (verdicts: Verdict[]) => void): Promise<void> {
    const thread = this.threads[this.next]!;
    this.next = (this.next + 1) % this.threads.length;
    await thread.busy;
    const { missing, evict } = thread.held.plan(pairs);
    const claims = missing.length ? await read(missing) : [];
    const judged = thread.judge({ pairs, claims, evict }).then(collect);
    // A failure surfaces from drain (or the next submit to this thread), never as an unhandled rejection.
    thread.busy = judged;
    judged.catch(() => {});
  }

  async drain(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.busy));
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }
}
