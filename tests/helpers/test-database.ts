// Every integration test file runs in a fresh database it creates and drops:
// on TEST_DATABASE_URL's server, else the local Postgres at 127.0.0.1:5432 when it
// answers, else an in-memory embedded PGlite.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient, type Db } from "@/lib/db/client";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  url: string;
  /** Which kind of server the test runs against, for messages. */
  server: "configured" | "local" | "embedded";
  prisma: Db;
  drop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function createOnServer(serverUrl: string, server: "configured" | "local", options: { migrate: boolean }): Promise<TestDatabase> {
  const name = `claimbase_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  if (options.migrate) await migrate(url);
  const prisma = createPrismaClient(url, 4);
  return {
    url,
    server,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

async function createEmbedded(options: { migrate: boolean }): Promise<TestDatabase> {
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const socketServer = new PGLiteSocketServer({ db: pglite, host: "127.0.0.1", port: 0, maxConnections: 2 });
  await socketServer.start();
  const port = socketServer.getServerConn().split(":").pop();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
  if (options.migrate) await migrate(url);
  const prisma = createPrismaClient(url, 1);
  return {
    url,
    server: "embedded",
    prisma,
    async drop() {
      await prisma.$disconnect();
      await socketServer.stop();
      await pglite.close();
    },
  };
}

export async function testServerUrl(): Promise<{ url: string; server: "configured" | "local" } | undefined> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { url: configured, server: "configured" };
  if (await answers(LOCAL_SERVER)) return { url: LOCAL_SERVER, server: "local" };
  return undefined;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrateIt = options.migrate ?? true;
  const server = await testServerUrl();
  if (server) return createOnServer(server.url, server.server, { migrate: migrateIt });
  return createEmbedded({ migrate: migrateIt });
}

/** An in-memory embedded PGlite with the migrations applied, whatever server is about (tests of the embedded fallbacks). */
export function createEmbeddedTestDatabase(): Promise<TestDatabase> {
  return createEmbedded({ migrate: true });
}
