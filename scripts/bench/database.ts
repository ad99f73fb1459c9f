// Throwaway databases for the benchmark: on TEST_DATABASE_URL's server, else the local
// Postgres at 127.0.0.1:5432. Never the embedded PGlite: its single session would measure
// the emulator, not the product.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "@/lib/db/migrate";
import { testServerUrl } from "@/tests/helpers/test-database";

export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function benchServerUrl(): Promise<string> {
  const server = await testServerUrl();
  if (!server) throw new Error("The benchmark needs a PostgreSQL server: set TEST_DATABASE_URL, or run one at 127.0.0.1:5432 that user postgres can reach.");
  return server.url;
}

export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createThrowawayDatabase(label: string, options: { migrate?: boolean } = {}): Promise<ThrowawayDatabase> {
  const serverUrl = await benchServerUrl();
  const name = `claimbase_bench_${label}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlOn(serverUrl, name);
  const database: ThrowawayDatabase = { name, url, drop: () => dropDatabase(serverUrl, name) };
  if (options.migrate !== false) {
    try {
      await migrate(url);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
