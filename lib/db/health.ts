// The database's answer to a liveness probe: its clock and how long it took to answer, and each
// replica's: whether it answers, and how far its replay is behind the primary.
import "server-only";
import { db, replicaSet } from "@/lib/db/client";

export async function databaseClock(): Promise<{ now: Date; latencyMs: number }> {
  const started = performance.now();
  const [{ now }] = await db().$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return { now, latencyMs: Math.round(performance.now() - started) };
}

export type ReplicaHealth =
  | {
      name: string;
      status: "up";
      /** False means the server is no standby at all: it was promoted, or the URL names a primary. */
      inRecovery: boolean;
      /** Seconds since the last replayed transaction while WAL waits to be replayed; 0 when caught up. */
      replayLagSeconds: number;
      /** WAL the primary has written that the replica has not replayed; null when the primary did not answer. */
      replayLagBytes: number | null;
    }
  | { name: string; status: "down" };

/** Every replica of DATABASE_REPLICA_URL, asked directly (not through the read routing); empty without any. */
export async function replicaHealth(): Promise<ReplicaHealth[]> {
  const replicas = replicaSet();
  if (!replicas) return [];
  const primaryLsn = await db().$queryRaw<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`.then(([row]) => row.lsn).catch(() => null);
  return Promise.all(
    replicas.replicas.map(async (replica): Promise<ReplicaHealth> => {
      try {
        const [row] = await replica.client.$queryRaw<{ inRecovery: boolean; replayLagSeconds: number; replayLagBytes: number | null }[]>`
          SELECT pg_is_in_recovery() AS "inRecovery",
                 CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                      ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END::float8 AS "replayLagSeconds",
                 CASE WHEN ${primaryLsn}::text IS NULL THEN NULL
                      ELSE greatest(pg_wal_lsn_diff(${primaryLsn}::pg_lsn, pg_last_wal_replay_lsn()), 0) END::float8 AS "replayLagBytes"`;
        replicas.answered(replica);
        return { name: replica.name, status: "up", ...row };
      } catch (error) {
        replicas.failed(replica, error);
        return { name: replica.name, status: "down" };
      }
    }),
  );
}
