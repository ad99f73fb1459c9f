// npm run bench:import -- [sizes in MB, default 0.5,1,2,4]
// Imports generated news text of each size through the production server's POST /api/import (a job, polled until it finished) and
// prints seconds per MB (linear work gives a flat column), and, while the largest import runs,
// /api/health and /claims p95 against the same requests with the server idle, measured in the same
// run. A script that prints figures, not a timed test: the README quotes them (issue 19, item 1).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { runCli } from "@/lib/cli/run";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { importJobSchema, queuedImportSchema } from "@/lib/import/job-schema";
import { startApp } from "@/tests/e2e/helpers/app";
import { distribution, signIn, type Distribution } from "@/scripts/bench/http";

const sizesSchema = z
  .string()
  .default("0.5,1,2,4")
  .transform((value) => value.split(",").map(Number))
  .pipe(z.array(z.number().positive().max(5)).min(1));

const SETS = path.join(PROJECT_ROOT, "tests", "fixtures", "conflicts");
const NAMES = ["Ayesha Khan", "Tom Baker", "Maria Lopez", "Chen Wei", "Olu Adeyemi", "Sara Berg", "Imran Qazi", "Liam Walsh", "Nadia Haidari", "Piotr Nowak"];

/** News paragraphs of the development sets, reshuffled with their figures and speakers varied, so few sentences repeat. */
function newsText(bytes: number, seed: number): string {
  const paragraphs: string[] = [];
  for (const subject of readdirSync(SETS).filter((name) => !name.includes("."))) {
    for (const file of readdirSync(path.join(SETS, subject)).filter((name) => name.endsWith(".txt"))) {
      paragraphs.push(
        ...readFileSync(path.join(SETS, subject, file), "utf8")
          .split(/\n\s*\n/)
          .filter((paragraph) => paragraph.length > 120),
      );
    }
  }
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = paragraphs[Math.floor(next() * paragraphs.length)]!.replace(/\d[\d,]*/g, (digits) =>
      String(Number(digits.replace(/,/g, "")) + Math.floor(next() * 900) + 1),
    ).replace(/\b(he|she) (said|told|added)\b/g, (_match, _pronoun, verb: string) => `${NAMES[i % NAMES.length]} ${verb}`);
    out.push(`${paragraph} (Report ${i + 1} of the day.)`);
    size += Buffer.byteLength(paragraph) + 30;
  }
  return out.join("\n\n");
}

async function sampleWhile(baseUrl: string, cookie: string, running: () => boolean): Promise<{ health: Distribution; claims: Distribution }> {
  const health: number[] = [];
  const claims: number[] = [];
  const time = async (pathname: string, into: number[]) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${pathname}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status}`);
    into.push(performance.now() - started);
  };
  do {
    await time("/api/health", health);
    await time("/claims", claims);
    await new Promise((resolve) => setTimeout(resolve, 250));
  } while (running());
  return { health: distribution(health), claims: distribution(claims) };
}

async function importText(baseUrl: string, cookie: string, text: string, title: string): Promise<{ seconds: number; claims: number }> {
  const form = new FormData();
  form.set("file", new Blob([text], { type: "text/plain" }), `${title}.txt`);
  form.set("title", title);
  form.set("kind", "news");
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/import`, { method: "POST", body: form, headers: { cookie, origin: baseUrl } });
  const body: unknown = await response.json();
  if (response.status !== 202) throw new Error(`import of ${title}: HTTP ${response.status} ${JSON.stringify(body)}`);
  // The import is a job from here: the time runs until its status route says it finished.
  const { statusUrl } = queuedImportSchema.parse(body);
  for (;;) {
    const job = importJobSchema.parse(await (await fetch(`${baseUrl}${statusUrl}`, { headers: { cookie } })).json());
    if (job.status === "failed") throw new Error(`import of ${title} failed: ${job.error}`);
    if (job.status === "finished") return { seconds: (performance.now() - started) / 1000, claims: job.result?.claimsCreated ?? 0 };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;

await runCli(async () => {
  const sizes = sizesSchema.parse(process.argv[2]);
  console.log("Starting the app (next build when stale) on a throwaway database …");
  const app = await startApp({ seed: false });
  try {
    const cookie = await signIn(app.baseUrl, app.users.editor.email, app.users.editor.password);
    await sampleWhile(app.baseUrl, cookie, () => false); // warm-up
    const idleStop = Date.now() + 8000;
    const idle = await sampleWhile(app.baseUrl, cookie, () => Date.now() < idleStop);
    console.log(`\nImport time by size (generated news text, ${sizes.join(", ")} MB):`);
    let during: { health: Distribution; claims: Distribution } | null = null;
    for (const [index, mb] of sizes.entries()) {
      const text = newsText(Math.round(mb * 1024 * 1024), 11 + index);
      const largest = index === sizes.length - 1;
      let running = true;
      const sampling = largest ? sampleWhile(app.baseUrl, cookie, () => running) : null;
      const result = await importText(app.baseUrl, cookie, text, `bench-${mb}-mb`).finally(() => (running = false));
      if (sampling) during = await sampling;
      console.log(
        `  ${mb.toFixed(1).padStart(4)} MB: ${result.seconds.toFixed(1).padStart(6)} s, ${(result.seconds / mb).toFixed(1).padStart(5)} s/MB, ${result.claims.toLocaleString("en")} claims`,
      );
    }
    if (during) {
      console.log(`\nOther requests, server idle → during the ${sizes[sizes.length - 1]} MB import (p95, ${during.health.samples} samples each):`);
      console.log(
        `  /api/health  ${ms(idle.health.p95)} → ${ms(during.health.p95)}  (median ${ms(idle.health.median)} → ${ms(during.health.median)}, max ${ms(during.health.max)})`,
      );
      console.log(
        `  /claims      ${ms(idle.claims.p95)} → ${ms(during.claims.p95)}  (median ${ms(idle.claims.median)} → ${ms(during.claims.median)}, max ${ms(during.claims.max)})`,
      );
    }
  } catch (error) {
    // The server's log says why an import failed; the job's status only says that it did.
    console.error(`\nThe server's log (last 40 lines):\n${app.output().trim().split("\n").slice(-40).join("\n")}`);
    throw error;
  } finally {
    await app.stop();
  }
});
