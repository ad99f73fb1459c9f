// The app's HTTP server: Next's request handler behind a Node server that first settles whose
// address each request comes from (lib/http/client-address.ts), so nothing a client writes in
// X-Forwarded-For reaches the sign-in throttle unless the operator trusts that many proxies.
// Started by `npm start` (scripts/start.ts) and by the browser tests; `--dev` serves `next dev`. It also
// runs the workers of the import jobs (lib/import/jobs.ts), detection runs (lib/contradictions/detection-jobs.ts)
// and bulk changes (lib/bulk/jobs.ts).
//
// With more than one HTTP process (WEB_CONCURRENCY, lib/http/processes.ts) this process is the
// cluster's primary: it forks the HTTP processes, which share the port (node:cluster hands each
// connection to one of them), starts a new one when one dies, and runs the job workers itself, so
// rendering pages never waits behind a job's bookkeeping and every job has exactly one worker per server.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { env } from "@/lib/env";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "@/lib/http/client-address";
import { httpProcessCount } from "@/lib/http/processes";
import { db } from "@/lib/db/client";
import { startImportWorker } from "@/lib/import/jobs";
import { startDetectionWorker } from "@/lib/contradictions/detection-jobs";
import { startBulkWorker } from "@/lib/bulk/jobs";
import { jobQueue } from "@/lib/jobs/queue";
import { exitUnlessAuthSecretConfigured } from "@/lib/auth/bootstrap";

const { values } = parseArgs({
  options: { port: { type: "string" }, hostname: { type: "string" }, dev: { type: "boolean", default: false } },
});
const port = Number(values.port ?? env().PORT);
const hostname = values.hostname;
const started = Date.now();
const processes = httpProcessCount({ dev: values.dev });
const ready = (detail = "") => console.log(`Ready in ${Date.now() - started} ms on http://${hostname ?? "localhost"}:${port}${detail}`);

/** Next's handler on the shared port; in a cluster, one of the HTTP processes. */
async function serveHttp(onListening: () => void): Promise<{ close(): Promise<void> }> {
  const hops = env().TRUSTED_PROXY_HOPS;
  const app = next({ dev: values.dev, dir: PROJECT_ROOT, port, ...(hostname ? { hostname } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
    // Next fills X-Forwarded-For from the socket only when it is absent: without trusted proxies, drop the client's.
    if (hops === 0) delete request.headers["x-forwarded-for"];
    void handle(request, response);
  });
  server.listen(port, hostname, onListening);
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The import jobs', detection runs' and bulk changes' workers (the heavy work itself runs on threads). */
async function startJobWorkers() {
  const queue = await jobQueue();
  const workers = [await startImportWorker(db(), queue), await startDetectionWorker(db(), queue), await startBulkWorker(db(), queue)];
  return { stop: () => Promise.allSettled(workers.map((worker) => worker.stop())) };
}

function onStop(stop: () => Promise<unknown>) {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    void stop().finally(() => process.exit(0));
  };
  process.on("SIGTERM", handler);
  process.on("SIGINT", handler);
  return () => stopping;
}

if (processes === 1) {
  const http = await serveHttp(() => ready());
  const jobs = await startJobWorkers();
  onStop(() => Promise.allSettled([jobs.stop(), http.close()]));
} else if (cluster.isPrimary) {
  // What each HTTP process would refuse at boot (instrumentation.ts), said once, before forking.
  exitUnlessAuthSecretConfigured();
  const jobs = await startJobWorkers();
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === processes) ready(` (${processes} HTTP processes)`);
  });
  const stopping = onStop(async () => {
    await jobs.stop();
    await Promise.allSettled(
      Object.values(cluster.workers ?? {}).map(
        (worker) => new Promise<void>((resolve) => (worker!.isDead() ? resolve() : (worker!.once("exit", () => resolve()), worker!.process.kill("SIGTERM")))),
      ),
    );
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping()) return;
    if (listening < processes) {
      // One that dies before it ever served would die again: stop, as a single process would.
      console.error(`error: an HTTP process ended while starting (${signal ?? `exit code ${code}`}); stopping`);
      void jobs.stop().finally(() => process.exit(1));
      return;
    }
    console.error(`HTTP process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another`);
    cluster.fork();
  });
  for (let index = 0; index < processes; index += 1) cluster.fork();
} else {
  const http = await serveHttp(() => {});
  // The primary tells its HTTP processes when to stop; Ctrl-C reaches the whole process group, so wait for the primary's word.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => void http.close().finally(() => process.exit(0)));
}
