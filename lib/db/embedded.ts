// The embedded database: PGlite served over the Postgres wire protocol, data kept in .data/pglite.
// PGlite is a single session, so everything talking to it uses a pool of size 1.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { env } from "@/lib/env";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

export function dataDir(): string {
  return env().DATA_DIR ?? path.join(PROJECT_ROOT, ".data");
}

function runtimeFile(): string {
  return path.join(dataDir(), "embedded.json");
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** Records where it listens, so a CLI run beside it can connect (port 0: any free port). */
export async function startEmbeddedDatabase(port = 0): Promise<EmbeddedDatabase> {
  const directory = path.join(dataDir(), "pglite");
  await mkdir(directory, { recursive: true });
  // Loaded here, not on import: a command-line tool on a real server does not pay for PGlite's start-up.
  const [{ PGlite }, { pg_trgm }, { PGLiteSocketServer }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite-socket"),
  ]);
  const pglite = await PGlite.create({ dataDir: directory, extensions: { pg_trgm } });
  // The app's pool, its exports' pool, its import thread and its job queue (one connection each), plus a
  // CLI run beside them, queued onto PGlite's one session (a transaction has the session to itself until it ends).
  const server = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port, maxConnections: 6 });
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  const url = `postgresql://postgres@127.0.0.1:${actualPort}/postgres?sslmode=disable`;
  await writeFile(runtimeFile(), JSON.stringify({ url, pid: process.pid }), "utf8");
  return {
    url,
    async stop() {
      await server.stop();
      await pglite.close();
      await rm(runtimeFile(), { force: true });
    },
  };
}

/** The embedded database a running `npm start` serves, if any. */
export async function runningEmbeddedUrl(): Promise<string | undefined> {
  try {
    const { url, pid } = JSON.parse(await readFile(runtimeFile(), "utf8")) as { url: string; pid: number };
    process.kill(pid, 0);
    const { port } = new URL(url);
    return (await portAnswers(Number(port))) ? url : undefined;
  } catch {
    return undefined;
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  release(): Promise<void>;
}

/** DATABASE_URL, else a running `npm start`'s embedded database, else one started here. */
export async function resolveDatabase(): Promise<ResolvedDatabase> {
  const configured = env().DATABASE_URL;
  if (configured) return { url: configured, embedded: false, release: async () => {} };
  const running = await runningEmbeddedUrl();
  if (running) return { url: running, embedded: true, release: async () => {} };
  const started = await startEmbeddedDatabase();
  return { url: started.url, embedded: true, release: () => started.stop() };
}
