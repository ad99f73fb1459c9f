// The one Prisma client, over node-postgres through @prisma/adapter-pg (no engine binary).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl, poolSize } from "@/lib/env";

export type Db = PrismaClient;

export function createPrismaClient(url: string = databaseUrl(), max: number = poolSize()): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max });
  // Password hashes are never selected unless a query asks for them explicitly.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

const globalForPrisma = globalThis as unknown as { claimbasePrisma?: PrismaClient };

/** Cached on globalThis so that hot reload in development does not open a pool per edit. */
export function db(): PrismaClient {
  if (globalForPrisma.claimbasePrisma) return globalForPrisma.claimbasePrisma;
  const client = createPrismaClient();
  globalForPrisma.claimbasePrisma = client;
  return client;
}
