// A throwaway primary and a real streaming replica of it (initdb, then pg_basebackup -R) in
// temporary directories on free loopback ports, run as the postgres OS user because PostgreSQL
// refuses to run as root. The machine's shared server on 5432 is never touched.
import { spawnSync } from "node:child_process";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/tests/e2e/helpers/app";

export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";
const TOOLS = ["initdb", "pg_ctl", "pg_basebackup"];

/** Why the cluster cannot start here, or null when the server binaries are installed. */
export function missingPostgresBinaries(): string | null {
  const missing = TOOLS.filter((tool) => !existsSync(path.join(POSTGRES_BIN, tool)));
  return missing.length ? `PostgreSQL server binaries not found in ${POSTGRES_BIN} (${missing.join(", ")}); set POSTGRES_BIN` : null;
}

export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** Waits until the replica has replayed everything the primary has written so far. */
  waitForReplay(timeoutMs?: number): Promise<void>;
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the replica's server (its data stays until stop()). */
  stopReplica(): void;
  /** Both servers' logs, for failure messages. */
  logs(): string;
  stop(): void;
}

const asRoot = process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid: id("-u"), gid: id("-g") };
}

/** Runs a server binary, as the postgres user when we are root. */
function runPostgresTool(tool: string, args: string[]): void {
  const binary = path.join(POSTGRES_BIN, tool);
  const [command, commandArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  const result = spawnSync(command, commandArgs, { encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

export async function startReplicaCluster(): Promise<ReplicaCluster> {
  const base = mkdtempSync(path.join(tmpdir(), "claimbase-replica-"));
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(base, uid, gid);
  }
  const primaryDir = path.join(base, "primary");
  const replicaDir = path.join(base, "replica");
  const primaryLog = path.join(base, "primary.log");
  const replicaLog = path.join(base, "replica.log");
  const running = new Set<string>();
  const stopServer = (dir: string) => {
    if (!running.delete(dir)) return;
    try {
      runPostgresTool("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
    } catch (error) {
      console.error(`replica cluster: could not stop ${dir}:`, error);
    }
  };
  const stop = () => {
    stopServer(replicaDir);
    stopServer(primaryDir);
    rmSync(base, { recursive: true, force: true });
    process.off("exit", stop);
  };
  // A test run that dies half-way still stops its servers.
  process.on("exit", stop);
  const logs = () => [primaryLog, replicaLog].map((file) => (existsSync(file) ? `${path.basename(file)}:\n${readFileSync(file, "utf8")}` : "")).join("\n");

  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    runPostgresTool("initdb", ["-D", primaryDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
    const settings = (port: number) =>
      [
        "",
        "listen_addresses = '127.0.0.1'",
        `port = ${port}`,
        `unix_socket_directories = '${base}'`,
        "wal_level = replica",
        "max_wal_senders = 4",
        "hot_standby = on",
        // fsync off keeps the cluster fast; commits still write their WAL before they return
        // (synchronous_commit on), so pg_current_wal_lsn() after a save covers that save and
        // waitForReplay() cannot return before the replica has it.
        "fsync = off",
        "",
      ].join("\n");
    appendFileSync(path.join(primaryDir, "postgresql.conf"), settings(primaryPort));
    appendFileSync(path.join(primaryDir, "pg_hba.conf"), "\nhost replication postgres 127.0.0.1/32 trust\n");
    runPostgresTool("pg_ctl", ["-D", primaryDir, "-l", primaryLog, "-w", "start"]);
    running.add(primaryDir);

    // -R writes standby.signal and primary_conninfo: the copy starts as a streaming replica.
    runPostgresTool("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      replicaDir,
      "-R",
      "-X",
      "stream",
      "--checkpoint=fast",
    ]);
    appendFileSync(path.join(replicaDir, "postgresql.conf"), settings(replicaPort));
    runPostgresTool("pg_ctl", ["-D", replicaDir, "-l", replicaLog, "-w", "start"]);
    running.add(replicaDir);
  } catch (error) {
    const message = `${error instanceof Error ? error.message : String(error)}\n${logs()}`;
    stop();
    throw new Error(message);
  }

  const primaryUrl = `postgresql://postgres@127.0.0.1:${await portOf(primaryDir)}/postgres`;
  const replicaUrl = `postgresql://postgres@127.0.0.1:${await portOf(replicaDir)}/postgres`;

  return {
    primaryUrl,
    replicaUrl,
    async waitForReplay(timeoutMs = 30_000) {
      const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, "SELECT pg_current_wal_lsn()::text AS lsn");
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ behind }] = await query<{ behind: boolean }>(replicaUrl, `SELECT coalesce(pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn, true) AS behind`);
        if (!behind) return;
        if (Date.now() > deadline) throw new Error(`The replica did not replay up to ${lsn} within ${timeoutMs / 1000}s:\n${logs()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async pauseReplay() {
      await query(replicaUrl, "SELECT pg_wal_replay_pause()");
    },
    async resumeReplay() {
      await query(replicaUrl, "SELECT pg_wal_replay_resume()");
    },
    stopReplica: () => stopServer(replicaDir),
    logs,
    stop,
  };
}

/** The port written into a data directory's postgresql.conf (the last setting wins). */
async function portOf(dir: string): Promise<number> {
  const ports = [...readFileSync(path.join(dir, "postgresql.conf"), "utf8").matchAll(/^port = (\d+)/gm)];
  return Number(ports.at(-1)![1]);
}
