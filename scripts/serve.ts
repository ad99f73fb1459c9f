// The app's HTTP server: Next's request handler behind a Node server that first settles whose
// address each request comes from (lib/http/client-address.ts), so nothing a client writes in
// X-Forwarded-For reaches the sign-in throttle unless the operator trusts that many proxies.
// Started by `npm start` (scripts/start.ts) and by the browser tests; `--dev` serves `next dev`. It also
// runs the workers of the import jobs (lib/import/jobs.ts), detection runs (lib/contradictions/detection-jobs.ts)
// and bulk changes (lib/bulk/jobs.ts).
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { env } from "@/lib/env";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "@/lib/http/client-address";
import { db } from "@/lib/db/client";
import { startImportWorker } from "@/lib/import/jobs";
import { startDetectionWorker } from "@/lib/contradictions/detection-jobs";
import { startBulkWorker } from "@/lib/bulk/jobs";
import { jobQueue } from "@/lib/jobs/queue";

const { values } = parseArgs({
  options: { port: { type: "string" }, hostname: { type: "string" }, dev: { type: "boolean", default: false } },
});
const port = Number(values.port ?? env().PORT);
const hostname = values.hostname;
const hops = env().TRUSTED_PROXY_HOPS;
const started = Date.now();

const app = next({ dev: values.dev, dir: PROJECT_ROOT, port, ...(hostname ? { hostname } : {}) });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"], hops);
  // Next fills X-Forwarded-For from the socket only when it is absent: without trusted proxies, drop the client's.
  if (hops === 0) delete request.headers["x-forwarded-for"];
  void handle(request, response);
});
// The import jobs' worker lives in this process; the saves themselves run on the import thread.
const importWorker = await startImportWorker(db(), await jobQueue());
// So is the detection runs' worker (the judging itself runs on threads, lib/contradictions/judge-pool.ts).
const detectionWorker = await startDetectionWorker(db(), await jobQueue());
const bulkWorker = await startBulkWorker(db(), await jobQueue());

server.listen(port, hostname, () => {
  console.log(`Ready in ${Date.now() - started} ms on http://${hostname ?? "localhost"}:${port}`);
});

const stop = () => {
  void Promise.allSettled([importWorker.stop(), detectionWorker.stop(), bulkWorker.stop()]).finally(() => server.close(() => process.exit(0)));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
