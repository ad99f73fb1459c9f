// `after()` from next/server throws outside a Next.js request. Tests that call a server action
// directly mock it with `mockNextServerModule()`: each task then runs as Next runs it, once the
// caller has its answer, and `settleAfterTasks()` waits for those still running.
import type { after } from "next/server";

const running = new Set<Promise<unknown>>();

/**
 * Use as: vi.mock("next/server", async (importOriginal) => (await import("@/tests/helpers/after")).mockNextServerModule(await importOriginal()));
 * (imported inside the factory: a test may import next/server itself before this helper loads).
 */
export function mockNextServerModule<M extends object>(original: M): M {
  const deferred: typeof after = (task) => {
    const done = new Promise((resolve) => setImmediate(resolve))
      .then(() => (typeof task === "function" ? task() : task))
      // Next logs a failed task and carries on; so does the mock.
      .catch((error: unknown) => console.error("a task passed to after() failed", error))
      .finally(() => running.delete(done));
    running.add(done);
  };
  return { ...original, after: deferred };
}

/** Waits for every task passed to after() so far, so that nothing outlives the test's database. */
export async function settleAfterTasks(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
