// "Bare SQL": the statements the app's own query functions send, captured from Prisma's
// query log, then timed straight through node-postgres on the same server. The ratio
// HTTP time / SQL time is what the app (Prisma, React rendering, HTTP) adds on top.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { distribution, type Distribution } from "@/scripts/bench/http";

export interface Statement {
  sql: string;
  values: unknown[];
}

export interface CapturingClient {
  prisma: PrismaClient;
  /** Runs `work` and returns the statements it sent, in order. */
  capture(work: () => Promise<unknown>): Promise<Statement[]>;
  close(): Promise<void>;
}

export function capturingClient(url: string): CapturingClient {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 4 }),
    log: [{ emit: "event", level: "query" }],
  });
  let sink: Statement[] | null = null;
  prisma.$on("query", (event) => {
    if (!sink || /^\s*(BEGIN|COMMIT|ROLLBACK|DEALLOCATE)/i.test(event.query)) return;
    sink.push({ sql: event.query, values: JSON.parse(event.params) as unknown[] });
  });
  return {
    prisma,
    async capture(work) {
      const statements: Statement[] = [];
      sink = statements;
      try {
        await work();
      } finally {
        sink = null;
      }
      return statements;
    },
    close: () => prisma.$disconnect(),
  };
}

/**
 * Times a group of statements: concurrently on separate connections when the app sends
 * them concurrently (Promise.all), else one after another on one connection.
 */
export async function timeStatements(
  url: string,
  statements: Statement[],
  options: { samples: number; concurrent: boolean; warmup?: number },
): Promise<Distribution> {
  const clients = await Promise.all(
    (options.concurrent ? statements : statements.slice(0, 1)).map(async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  try {
    const times: number[] = [];
    for (let round = -(options.warmup ?? 5); round < options.samples; round++) {
      const started = performance.now();
      if (options.concurrent) await Promise.all(statements.map((statement, index) => clients[index]!.query(statement.sql, statement.values)));
      else for (const statement of statements) await clients[0]!.query(statement.sql, statement.values);
      if (round >= 0) times.push(performance.now() - started);
    }
    return distribution(times);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement, for finding out why a budget failed. */
export async function explainStatements(url: string, statements: Statement[]): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const plans: string[] = [];
    for (const statement of statements) {
      const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.values);
      plans.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
    }
    return plans.join("\n\n");
  } finally {
    await client.end();
  }
}
