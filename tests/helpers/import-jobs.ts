// Import jobs in integration tests: a queue on the test database (as the app's role), the worker the
// server runs, and polling a job's status route until it ends, as the import page does.
import { startImportWorker, type ImportWorker } from "@/lib/import/jobs";
import { importJobSchema, type ImportJobView } from "@/lib/import/job-schema";
import { createJobQueue, type JobQueue } from "@/lib/jobs/queue";
import type { TestDatabase } from "@/tests/helpers/test-database";

const globalForQueue = globalThis as unknown as { claimbaseJobQueue?: Promise<JobQueue> };

export interface TestImportJobs {
  queue: JobQueue;
  worker: ImportWorker | null;
  stop(): Promise<void>;
}

/** Points the route handlers' queue at the test database; starts the worker unless told not to. */
export async function startTestImportJobs(database: TestDatabase, options: { worker?: boolean } = {}): Promise<TestImportJobs> {
  const queue = await createJobQueue(database.url, "claimbase_app");
  globalForQueue.claimbaseJobQueue = Promise.resolve(queue);
  const worker = options.worker === false ? null : await startImportWorker(database.prisma, queue, { pollingIntervalSeconds: 0.5 });
  return {
    queue,
    worker,
    async stop() {
      await worker?.stop();
      delete globalForQueue.claimbaseJobQueue;
      await queue.close();
    },
  };
}

type StatusHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/** Polls GET /api/import/jobs/[id] until the job has finished or failed; returns every status seen. */
export async function pollImportJob(statusGet: StatusHandler, jobId: number, timeoutMs = 120_000): Promise<{ job: ImportJobView; seen: string[] }> {
  const seen: string[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await statusGet(new Request(`http://localhost/api/import/jobs/${jobId}`), { params: Promise.resolve({ id: String(jobId) }) });
    if (response.status !== 200) throw new Error(`GET /api/import/jobs/${jobId} answered ${response.status}: ${await response.text()}`);
    const job = importJobSchema.parse(await response.json());
    if (seen.at(-1) !== job.status) seen.push(job.status);
    if (job.status === "finished" || job.status === "failed") return { job, seen };
    if (Date.now() > deadline) throw new Error(`import job ${jobId} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
