// A judging thread (judge-pool.ts): holds the claims it is sent and judges the batches it is given.
import { parentPort, workerData } from "node:worker_threads";
import { judgePairs, type CueClaim } from "@/lib/contradictions/judge";
import type { JudgeTask, JudgeWorkerData, JudgeWorkerMessage } from "@/lib/contradictions/judge-pool";
import { Vocabulary } from "@/lib/text/terms";
import { lowerThisThreadsPriority } from "@/lib/jobs/thread-priority";

// Judging a million claims' pairs takes minutes: requests to the server come first.
lowerThisThreadsPriority();

const { counts, minScore } = workerData as JudgeWorkerData;
const vocabulary = Vocabulary.fromCounts(counts);
const claims = new Map<number, CueClaim>();
const port = parentPort!;
const send = (message: JudgeWorkerMessage) => port.postMessage(message);

port.on("message", (task: JudgeTask) => {
  try {
    for (const id of task.evict) claims.delete(id);
    for (const claim of task.claims) claims.set(claim.id, claim);
    send({ verdicts: judgePairs(task.pairs, claims, vocabulary, minScore) });
  } catch (error) {
    send({ error: (error as Error).message });
  }
});
send({ ready: true });
