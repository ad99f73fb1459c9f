// Jobs in integration tests: a queue on the test database (as the app's role), the workers the
// server runs (imports; detection runs when asked), and polling an import job's status route until
// it ends, as the import page does.
import { startImportWorker, type ImportWorker } from "@/lib/import/jobs";
import { startDetectionWorker } from "@/lib/contradictions/detection-jobs";
import { importJobSchema, type ImportJobView } from "@/lib/import/job-schema";
import { createJobQueue, type JobQueue, type QueueWorker } from "@/lib/jobs/queue";
import type { TestDatabase } from "@/tests/helpers/test-database";

const globalForQueue = globalThis as unknown as { claimbaseJobQueue?: Promise<JobQueue> };

export interface TestImportJobs {
  queue: JobQueue;
  worker: ImportWorker | null;
  detectionWorker: QueueWorker | null;
  stop(): Promise<void>;
}

/**
 * Points the route handlers' and actions' queue at the test database; starts the import worker
 * unless told not to, and the detection runs' worker when asked.
 */
export async function startTestImportJobs(database: TestDatabase, options: { worker?: boolean; detectionWorker?: boolean } = {}): Promise<TestImportJobs> {
  const queue = await createJobQueue(database.url, "claimbase_app");
  globalForQueue.claimbaseJobQueue = Promise.resolve(queue);
  const worker = options.worker === false ? null : await startImportWorker(database.prisma, queue, { pollingIntervalSeconds: 0.5 });
  const detectionWorker = options.detectionWorker ? await startDetectionWorker(database.prisma, queue, { pollingIntervalSeconds: 0.5 }) : null;
  return {
    queue,
    worker,
    detectionWorker,
    async stop() {
      await worker?.stop();
      await detectionWorker?.stop();
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
