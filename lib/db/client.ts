// The one Prisma client, over node-postgres through @prisma/adapter-pg (no engine binary).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { appDatabaseRole, databaseUrl, poolSize, replicaUrls } from "@/lib/env";
import { ReplicaSet, routeReads } from "@/lib/db/read-routing";

export type Db = PrismaClient;

export interface PoolOptions {
  /** SET ROLE on every new connection (the web app's least-privileged role). */
  role?: string | null;
  connectionTimeoutMillis?: number;
  /** A replica's pool stays quiet when its idle connections drop: the read routing logs the outage once. */
  quietIdleErrors?: boolean;
}

/**
 * A node-postgres pool whose connections first take `role` (pg-pool's onConnect runs before a
 * connection is handed out). If the role is missing or not granted, the connection is closed and
 * the query that wanted it fails with the reason, rather than running as the connecting (owner) user.
 */
export function createPool(url: string, max: number, options: PoolOptions = {}): pg.Pool {
  const role = options.role;
  const onConnect = role
    ? async (client: pg.ClientBase) => {
        try {
          await client.query(`SET ROLE "${role}"`);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw new Error(
            `The database connection cannot take the role ${role} (${reason}): run the migrations as the tables' owner, or set DATABASE_APP_ROLE=none (README: Security).`,
          );
        }
      }
    : undefined;
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // An idle connection does not keep a finished command-line run alive (Prisma's $disconnect leaves
    // a pool it was handed open: npm run export waited out the 10 s idle timeout before exiting).
    allowExitOnIdle: true,
    ...(options.connectionTimeoutMillis ? { connectionTimeoutMillis: options.connectionTimeoutMillis } : {}),
    ...(onConnect ? { onConnect } : {}),
  });
  pool.on("error", (error: Error & { code?: string }) => {
    // 57P01: the server ended the connection on purpose (shutdown, a dropped database); the pool reconnects.
    if (error.code !== "57P01" && !options.quietIdleErrors) console.error(`database: an idle connection failed (${error.message})`);
  });
  return pool;
}

/** Interactive transactions: how long one may wait for a connection, and run. Long jobs pass their own. */
const TRANSACTION_DEFAULTS = { maxWait: 10_000, timeout: 15_000 };

export function createPrismaClient(url: string = databaseUrl(), max: number = poolSize(), options: PoolOptions = {}): PrismaClient {
  const adapter = new PrismaPg(createPool(url, max, options));
  // Password hashes are never selected unless a query asks for them explicitly. Under a burst of
  // editors a save may queue for a pooled connection longer than Prisma's 2 s default before its
  // transaction starts; it waits (up to 10 s) instead of failing with a 500 (README: Performance).
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, transactionOptions: TRANSACTION_DEFAULTS });
}

const globalForPrisma = globalThis as unknown as {
  claimbasePrisma?: PrismaClient;
  claimbaseReplicas?: ReplicaSet;
  claimbaseReadClients?: WeakMap<PrismaClient, PrismaClient>;
};

/** The web app's client, working as DATABASE_APP_ROLE. Cached on globalThis so that hot reload in development does not open a pool per edit. */
export function db(): PrismaClient {
  if (globalForPrisma.claimbasePrisma) return globalForPrisma.claimbasePrisma;
  const client = createPrismaClient(databaseUrl(), poolSize(), { role: appDatabaseRole() });
  globalForPrisma.claimbasePrisma = client;
  return client;
}

/** A replica that does not answer within this is skipped, and the read goes to the primary. */
const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/** The streaming replicas of DATABASE_REPLICA_URL, working as DATABASE_APP_ROLE; undefined without any. */
export function replicaSet(): ReplicaSet | undefined {
  if (globalForPrisma.claimbaseReplicas) return globalForPrisma.claimbaseReplicas;
  const urls = replicaUrls();
  if (urls.length === 0) return undefined;
  const options = { role: appDatabaseRole(), connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS, quietIdleErrors: true };
  globalForPrisma.claimbaseReplicas = new ReplicaSet(urls, (url) => createPrismaClient(url, poolSize(), options));
  return globalForPrisma.claimbaseReplicas;
}

/**
 * The client for pages' reads (queries.ts): a replica when DATABASE_REPLICA_URL is set and this
 * request saved nothing in the last few seconds, else the primary (lib/db/read-routing.ts decides,
 * query by query). Without replicas it is db() itself. Writes through it still go to the primary.
 */
export function readDb(): PrismaClient {
  const replicas = replicaSet();
  const primary = db();
  if (!replicas) return primary;
  const routed = (globalForPrisma.claimbaseReadClients ??= new WeakMap());
  let client = routed.get(primary);
  if (!client) {
    client = routeReads(primary, replicas);
    routed.set(primary, client);
  }
  return client;
}
