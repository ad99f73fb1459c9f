// Reads on streaming replicas (README: Reads on replicas): which server answers a read, and what
// happens when a replica does not. Writes, transactions and every read of a request that just
// saved something stay on the primary; a replica that fails is left alone for a while and its
// reads go to the primary, logged once per outage.
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { describeDatabaseUrl } from "@/lib/db/connection-errors";
import { readYourWritesSeconds, replicaUrls } from "@/lib/env";

/** Set on the response to a save: until the time it holds, this browser's reads go to the primary. */
export const READ_YOUR_WRITES_COOKIE = "claimbase-wrote";

/** What Prisma may send to a replica; anything else (writes, $executeRaw) runs on the primary. */
const READ_OPERATIONS = new Set(["findFirst", "findFirstOrThrow", "findMany", "findUnique", "findUniqueOrThrow", "groupBy", "aggregate", "count", "$queryRaw"]);

/** How long a replica that failed is left alone before a read tries it again. */
const RETRY_AFTER_MS = 5_000;

export interface Replica {
  /** host:port/database, without credentials: what logs and /api/health name it by. */
  name: string;
  client: PrismaClient;
  downSince: number | null;
  retryAt: number;
}

/** The replicas, taken in turn; one that failed is skipped until its retry time. */
export class ReplicaSet {
  private turn = 0;
  readonly replicas: Replica[];

  constructor(urls: string[], connect: (url: string) => PrismaClient) {
    this.replicas = urls.map((url) => ({ name: describeDatabaseUrl(url), client: connect(url), downSince: null, retryAt: 0 }));
  }

  /** The next replica in turn that answers (or is due another try); undefined sends the read to the primary. */
  pick(now = Date.now()): Replica | undefined {
    const count = this.replicas.length;
    for (let step = 0; step < count; step++) {
      const replica = this.replicas[(this.turn + step) % count];
      if (replica.downSince === null || now >= replica.retryAt) {
        this.turn = (this.turn + step + 1) % count;
        return replica;
      }
    }
    return undefined;
  }

  failed(replica: Replica, error: unknown, now = Date.now()): void {
    replica.retryAt = now + RETRY_AFTER_MS;
    if (replica.downSince !== null) return;
    replica.downSince = now;
    console.warn(`database: replica ${replica.name} does not answer (${reasonOf(error)}); its reads go to the primary until it does`);
  }

  answered(replica: Replica, now = Date.now()): void {
    if (replica.downSince === null) return;
    console.warn(`database: replica ${replica.name} answers again after ${Math.round((now - replica.downSince) / 1000)} s; reads go to it again`);
    replica.downSince = null;
  }

  /** Runs `work` on `replica`; when the replica cannot serve it, `onPrimary` instead (replicaFailure). */
  async serve<T>(replica: Replica, work: () => Promise<T>, onPrimary: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      this.answered(replica);
      return result;
    } catch (error) {
      const failure = replicaFailure(error);
      if (!failure) throw error;
      if (failure === "down") this.failed(replica, error);
      return onPrimary();
    }
  }

  async disconnect(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.client.$disconnect()));
  }
}

function reasonOf(error: unknown): string {
  const { kind, code } = failureOf(error);
  return [kind, code].filter(Boolean).join(" ") || (error instanceof Error ? error.message.split("\n").at(-1)!.slice(0, 200) : String(error));
}

/** The driver's kind of failure and Postgres' SQLSTATE (or the socket's code), from a pg error or a Prisma one wrapping it. */
function failureOf(error: unknown): { kind?: string; code?: string; prismaCode?: string } {
  if (!error || typeof error !== "object") return {};
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string; code?: string } } } };
  const cause = meta?.driverAdapterError?.cause;
  if (cause) return { kind: cause.kind, code: cause.originalCode ?? cause.code, prismaCode: typeof code === "string" ? code : undefined };
  if (typeof code === "string") return /^P\d{4}$/.test(code) ? { prismaCode: code } : { code };
  return {};
}

const UNREACHABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TlsConnectionError",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "TooManyConnections",
]);
/** Prisma's own codes for a server it cannot reach or a pool it waited on too long. */
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/**
 * Whether a read that failed on a replica should run again on the primary: "down" when the replica
 * cannot serve (unreachable, shutting down, starting up, refusing us), "retry" when only this query
 * lost (cancelled by a conflict with recovery, or it tried to write); null when the query itself is
 * wrong or found nothing, which the primary would answer the same way.
 */
export function replicaFailure(error: unknown): "down" | "retry" | null {
  const { kind, code, prismaCode } = failureOf(error);
  if (code === "40001" || code === "25006") return "retry";
  if (kind && UNREACHABLE_KINDS.has(kind)) return "down";
  if (code && (/^(08|53|57P|3D|28)/.test(code) || /^E[A-Z]+$/.test(code))) return "down";
  if (prismaCode && UNREACHABLE_PRISMA_CODES.has(prismaCode)) return "down";
  // A pool that could not connect in time (pg-pool's plain Error) or a client that lost its engine.
  if (error instanceof Error && /timeout exceeded when trying to connect|Connection terminated/i.test(error.message)) return "down";
  return null;
}

const primaryReads = new AsyncLocalStorage<true>();

/** Runs `work` with every read on the primary: server actions and route handlers that change data. */
export function withPrimaryReads<T>(work: () => Promise<T>): Promise<T> {
  return primaryReads.run(true, work);
}

let nextHeaders: Promise<typeof import("next/headers")> | undefined;

/** The request's cookies, or null outside a request (jobs, command-line tools, a cached scope). */
async function requestCookies() {
  try {
    nextHeaders ??= import("next/headers");
    return await (await nextHeaders).cookies();
  } catch {
    return null;
  }
}

/**
 * Whether this read must see the primary: inside a save, after this browser's own save (for the
 * read-your-writes window), and outside any request, where jobs read to decide what to write.
 */
export async function readsNeedPrimary(now = Date.now()): Promise<boolean> {
  if (primaryReads.getStore()) return true;
  const cookies = await requestCookies();
  if (!cookies) return true;
  const until = Number(cookies.get(READ_YOUR_WRITES_COOKIE)?.value);
  return Number.isFinite(until) && until > now;
}

/**
 * Called when a request changed something: this browser reads from the primary for the next
 * few seconds, on whichever app server it lands. Nothing to do without replicas or outside a request.
 */
export async function markOwnWrite(now = Date.now()): Promise<void> {
  if (replicaUrls().length === 0) return;
  const cookies = await requestCookies();
  const seconds = readYourWritesSeconds();
  try {
    cookies?.set(READ_YOUR_WRITES_COOKIE, String(now + seconds * 1000), { maxAge: seconds, httpOnly: true, sameSite: "lax", path: "/" });
  } catch {
    // A page render cannot set cookies; it changes nothing either.
  }
}

interface OperationParams {
  model?: string;
  operation: string;
  args: unknown;
  query: (args: unknown) => Promise<unknown>;
  /** Prisma's: set for a query that runs inside a transaction, which stays on the primary. */
  __internalParams?: { transaction?: unknown };
}

type Delegate = Record<string, (args: unknown) => Promise<unknown>>;

function runOn(client: PrismaClient, model: string | undefined, operation: string, args: unknown): Promise<unknown> {
  if (!model) return (client.$queryRaw as unknown as (sql: unknown) => Promise<unknown>)(args);
  const delegate = (client as unknown as Record<string, Delegate>)[model[0].toLowerCase() + model.slice(1)];
  return delegate[operation](args);
}

/**
 * The primary's client whose plain reads (model finds, counts, $queryRaw) go to a replica unless
 * readsNeedPrimary(). The equivalent of @prisma/extension-read-replicas with what it lacks here:
 * $queryRaw (most of our reads) included, read-your-writes, and falling back when a replica fails.
 */
export function routeReads(primary: PrismaClient, replicas: ReplicaSet): PrismaClient {
  const routed = primary.$extends({
    name: "read-replicas",
    query: {
      async $allOperations(params) {
        const { model, operation, args, query, __internalParams } = params as unknown as OperationParams;
        if (__internalParams?.transaction || !READ_OPERATIONS.has(operation) || (await readsNeedPrimary())) return query(args);
        const replica = replicas.pick();
        if (!replica) return query(args);
        return replicas.serve(
          replica,
          () => runOn(replica.client, model, operation, args),
          () => query(args),
        );
      },
    },
  });
  return routed as unknown as PrismaClient;
}
