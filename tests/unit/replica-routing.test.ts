// DATABASE_REPLICA_URL as the app reads it, and how reads pick among replicas (lib/db/read-routing.ts);
// the streaming replica itself is tests/integration/replica.test.ts.
import { afterEach, describe, expect, test, vi } from "vitest";
import { env, readYourWritesSeconds, replicaUrls, resetEnvCache } from "@/lib/env";
import { ReplicaSet, replicaFailure } from "@/lib/db/read-routing";
import type { PrismaClient } from "@/lib/generated/prisma/client";

describe("DATABASE_REPLICA_URL", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  function withEnv(values: Record<string, string | undefined>) {
    process.env = { ...saved, DATABASE_URL: "postgresql://app@primary.example:5432/claimbase", CLAIMBASE_EMBEDDED: undefined, ...values };
    resetEnvCache();
  }

  test("unset or blank: no replicas, every read on DATABASE_URL", () => {
    withEnv({ DATABASE_REPLICA_URL: undefined });
    expect(replicaUrls()).toEqual([]);
    withEnv({ DATABASE_REPLICA_URL: "  " });
    expect(replicaUrls()).toEqual([]);
  });

  test("one or more URLs, separated by commas", () => {
    withEnv({ DATABASE_REPLICA_URL: "postgresql://app@replica-1:5432/claimbase, postgres://app:secret@replica-2/claimbase" });
    expect(replicaUrls()).toEqual(["postgresql://app@replica-1:5432/claimbase", "postgres://app:secret@replica-2/claimbase"]);
    expect(readYourWritesSeconds()).toBe(5);
  });

  test.each([
    ["a host name alone", "replica-1:5432", "DATABASE_REPLICA_URL entry 1 is not a postgres:// URL"],
    [
      "another scheme, in second place",
      "postgresql://replica-1/claimbase,mysql://u:hunter2@replica-2/claimbase",
      "DATABASE_REPLICA_URL entry 2 is not a postgres:// URL",
    ],
  ])("refused with a message naming the entry, never its password: %s", (_name, value, message) => {
    withEnv({ DATABASE_REPLICA_URL: value });
    expect(() => env()).toThrow(message);
    expect(() => env()).not.toThrow(/hunter2/);
  });

  test.each([
    ["without DATABASE_URL", { DATABASE_URL: undefined }],
    ["beside the embedded database npm start serves", { CLAIMBASE_EMBEDDED: "1" }],
  ])("refused %s: the embedded database has no replicas", (_name, values) => {
    withEnv({ DATABASE_REPLICA_URL: "postgresql://replica-1/claimbase", ...values });
    expect(() => env()).toThrow("DATABASE_REPLICA_URL needs DATABASE_URL");
  });

  test("a read-your-writes window out of range is refused", () => {
    withEnv({ DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS: "0" });
    expect(() => env()).toThrow("DATABASE_REPLICA_READ_YOUR_WRITES_SECONDS");
  });
});

describe("picking a replica", () => {
  const fakeClient = (url: string) => ({ url }) as unknown as PrismaClient;
  const names = (set: ReplicaSet, now: number, times: number) => Array.from({ length: times }, () => set.pick(now)?.name ?? "primary");

  test("replicas take reads in turn; one that failed is skipped until its retry time, and the outage is logged once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const set = new ReplicaSet(["postgresql://app:secret@replica-1:5432/claimbase", "postgresql://app@replica-2:5433/claimbase"], fakeClient);
      expect(names(set, 0, 4)).toEqual(["replica-1:5432/claimbase", "replica-2:5433/claimbase", "replica-1:5432/claimbase", "replica-2:5433/claimbase"]);

      const [first, second] = set.replicas;
      set.failed(first!, Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), 1_000);
      set.failed(first!, Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), 1_500);
      expect(names(set, 2_000, 3)).toEqual(["replica-2:5433/claimbase", "replica-2:5433/claimbase", "replica-2:5433/claimbase"]);
      set.failed(second!, new Error("timeout exceeded when trying to connect"), 2_000);
      expect(set.pick(3_000)).toBeUndefined();
      // Five seconds after its last failure a replica gets another try.
      expect(set.pick(6_600)?.name).toBe("replica-1:5432/claimbase");
      set.answered(first!, 6_600);

      const messages = warn.mock.calls.map(([message]) => String(message));
      expect(messages.filter((message) => message.includes("replica-1:5432/claimbase does not answer"))).toHaveLength(1);
      expect(messages.some((message) => message.includes("replica-1:5432/claimbase answers again"))).toBe(true);
      expect(messages.join("\n")).not.toContain("secret");
    } finally {
      warn.mockRestore();
    }
  });

  const adapterError = (cause: Record<string, string>, code = "P2010") =>
    Object.assign(new Error("Raw query failed"), { code, meta: { driverAdapterError: { cause } } });

  test.each([
    ["an unreachable server (Prisma)", adapterError({ kind: "DatabaseNotReachable" }, "P1001"), "down"],
    ["a server shutting down", adapterError({ kind: "postgres", code: "57P01" }), "down"],
    ["a server still starting up", adapterError({ kind: "postgres", code: "57P03" }), "down"],
    ["a refused connection (pg)", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "down"],
    ["a query cancelled by a conflict with recovery", adapterError({ kind: "TransactionWriteConflict", originalCode: "40001" }), "retry"],
    ["a write sent to a read-only server", adapterError({ kind: "postgres", code: "25006" }), "retry"],
    ["a table that does not exist", adapterError({ kind: "TableDoesNotExist", originalCode: "42P01" }), null],
    ["a row that is not there", Object.assign(new Error("No record was found"), { code: "P2025" }), null],
  ])("%s: %s", (_name, error, expected) => {
    expect(replicaFailure(error)).toBe(expected);
  });
});
