// The app under test: a production build (rebuilt only when the code changed), a fresh
// seeded database with one account per role, and the app's server (scripts/serve.ts) on a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { buildIsStale } from "@/lib/build/stale";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, "test-artifacts");
const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const SERVER_SCRIPT = path.join(PROJECT_ROOT, "scripts", "serve.ts");
const LOCK_DIR = path.join(ARTIFACTS_DIR, ".e2e-lock");

export interface RunningApp {
  baseUrl: string;
  database: TestDatabase;
  users: Record<Role, TestUser>;
  /** Process id of the app's server, for memory measurements (npm run bench:export). */
  pid: number;
  /** Everything the server printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** Load the seed documents (default true). */
  seed?: boolean;
  /** Extra environment for the server, or a function of the test database (whose URL exists only once it is created). */
  env?: Record<string, string> | ((database: TestDatabase) => Record<string, string>);
  /** Extra options for the server's Node (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One browser-test app at a time on this machine: a build must not be rewritten while
 * another test run serves it, and two servers would fight for the two cores.
 */
async function acquireLock(): Promise<() => void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(path.join(LOCK_DIR, "pid"), String(process.pid));
      return () => rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch {
      const holder = Number(readFileSafe(path.join(LOCK_DIR, "pid")));
      if (!holder || !processAlive(holder)) {
        rmSync(LOCK_DIR, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Another browser-test run (pid ${holder}) holds ${LOCK_DIR}.`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** `next build` when the code changed since the last build. */
export function ensureBuild(): void {
  if (!buildIsStale(PROJECT_ROOT)) return;
  const log = path.join(ARTIFACTS_DIR, "next-build.log");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync(log, `${build.stdout}\n${build.stderr}`);
  if (build.status !== 0) {
    const tail = `${build.stdout}\n${build.stderr}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(`next build failed (full log: ${log}):\n${tail}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** The app's server (scripts/serve.ts: Next's production handler) with the given environment (on top of a clean copy of this one). */
export function spawnNextStart(port: number, env: Record<string, string | undefined>, nodeArgs: string[] = []): ServerProcess {
  let output = "";
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", SERVER_SCRIPT, "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(baseUrl: string, server: ServerProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void server.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`next start exited before answering:\n${server.output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`next start did not answer /api/health within ${timeoutMs / 1000}s:\n${server.output()}`);
}

export async function startApp(options: StartAppOptions = {}): Promise<RunningApp> {
  const release = await acquireLock();
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  try {
    ensureBuild();
    database = await createTestDatabase();
    if (options.seed !== false) {
      const { seedDatabase } = await import("@/seed/run-seed");
      const report = await seedDatabase(database.prisma);
      if (report.failures.length) throw new Error(`seed failed: ${report.failures.map((failure) => failure.message).join("; ")}`);
    }
    const users = await createRoleUsers(database.prisma);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = spawnNextStart(
      port,
      {
        DATABASE_URL: database.url,
        DATABASE_POOL_SIZE: "4",
        // The embedded test database is one session: the app must use a pool of one.
        CLAIMBASE_EMBEDDED: database.server === "embedded" ? "1" : "",
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: baseUrl,
        ADMIN_EMAIL: "",
        ADMIN_PASSWORD: "",
        ...(typeof options.env === "function" ? options.env(database) : options.env),
      },
      options.nodeArgs,
    );
    await waitForHealth(baseUrl, server);
    const running = server;
    const db = database;
    return {
      baseUrl,
      database: db,
      users,
      pid: running.child.pid!,
      output: () => running.output(),
      async stop() {
        running.child.kill("SIGTERM");
        await Promise.race([running.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (running.child.exitCode === null) running.child.kill("SIGKILL");
        await db.drop();
        release();
      },
    };
  } catch (error) {
    server?.child.kill("SIGKILL");
    await database?.drop().catch(() => {});
    release();
    throw error;
  }
}
