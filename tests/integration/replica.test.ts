// Reads on a real streaming replica (README: Reads on replicas): a throwaway primary and a replica
// of it (initdb, pg_basebackup -R), the app's routing pointed at both with DATABASE_URL and
// DATABASE_REPLICA_URL. With the replica's replay paused, what a page shows tells which server
// answered: a visitor sees the replica's older state, an editor sees their own save at once.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { migrate } from "@/lib/db/migrate";
import { createPrismaClient, readDb, type Db } from "@/lib/db/client";
import { READ_YOUR_WRITES_COOKIE } from "@/lib/db/read-routing";
import { resetEnvCache } from "@/lib/env";
import { parseClaimTableParams } from "@/lib/claims/schema";
import { closeAppReplicas, closeExportPool, releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { missingPostgresBinaries, startReplicaCluster, type ReplicaCluster } from "@/tests/helpers/replica-cluster";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

// Each simulated browser keeps its own cookies: what Next's cookies() reads and sets in a request.
const browsers = vi.hoisted(() => ({ current: "visitor", jars: new Map<string, Map<string, string>>() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => {
    const jar = browsers.jars.get(browsers.current) ?? new Map<string, string>();
    browsers.jars.set(browsers.current, jar);
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => void jar.set(name, value),
    };
  },
}));
vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
// Outside a Next request there is no cache to revalidate.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { updateClaimAction } = await import("@/lib/claims/actions");
const { getClaimDetail, listClaims } = await import("@/lib/claims/queries");
const { replicaHealth } = await import("@/lib/db/health");
const { GET: readerRoute } = await import("@/app/api/sources/[slug]/reader/route");
const { GET: exportRoute } = await import("@/app/api/export/[kind]/route");
const { GET: healthRoute } = await import("@/app/api/health/route");

const missing = missingPostgresBinaries();
const TEXT = "Lahore Times, 3 March 2011.\n\nThe mayor said the bridge will reopen in June. A contractor said the repairs cost 40 million rupees.";

/** Requests from now on come from this person in this browser. */
function as(browser: string, user: TestUser | null): void {
  browsers.current = browser;
  signInAs(user);
}

describe.skipIf(missing)(missing ? `reads on a streaming replica (skipped: ${missing})` : "reads on a streaming replica", () => {
  let cluster: ReplicaCluster;
  let primary: Db;
  let users: Record<Role, TestUser>;
  let claimId: number;
  const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, DATABASE_REPLICA_URL: process.env.DATABASE_REPLICA_URL };

  const claimNotes = async () => (await getClaimDetail(claimId))?.claim.notes;
  const tableStatuses = async () => (await listClaims(parseClaimTableParams({ sort: "oldest" }).value)).rows.map((row) => row.status);
  const answeredByStandby = async () => (await readDb().$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`)[0]!.standby;

  async function readerBody(): Promise<string> {
    const response = await readerRoute(new Request("http://localhost/api/sources/lahore-times/reader"), { params: Promise.resolve({ slug: "lahore-times" }) });
    expect(response.status).toBe(200);
    return response.text();
  }

  async function exportedCsv(): Promise<string> {
    const response = await exportRoute(new Request("http://localhost/api/export/claims"), { params: Promise.resolve({ kind: "claims" }) });
    expect(response.status).toBe(200);
    return response.text();
  }

  /** `npm run export -- claims`, which streams from the replica and writes its audit event on the primary. */
  async function exportedCsvFromCommandLine(): Promise<string> {
    const root = path.resolve(import.meta.dirname, "../..");
    const { stdout } = await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "lib/export/cli.ts"), "claims"], {
      cwd: root,
      // Link columns name the app's address, which the HTTP export takes from its request.
      env: { ...process.env, DATABASE_URL: cluster.primaryUrl, DATABASE_REPLICA_URL: cluster.replicaUrl, NEXTAUTH_URL: "http://localhost" },
    });
    return stdout;
  }

  beforeAll(async () => {
    cluster = await startReplicaCluster();
    await migrate(cluster.primaryUrl);
    process.env.DATABASE_URL = cluster.primaryUrl;
    process.env.DATABASE_REPLICA_URL = cluster.replicaUrl;
    resetEnvCache();
    primary = createPrismaClient(cluster.primaryUrl, 4);
    useAppDatabase({ url: cluster.primaryUrl, server: "configured", prisma: primary, drop: async () => undefined });
    users = await createRoleUsers(primary);
    const source = await primary.source.create({
      data: { slug: "lahore-times", title: "Lahore Times report", kind: "news", text: TEXT, textSha256: "0".repeat(64), reliability: "B" },
    });
    const quote = "the bridge will reopen in June";
    const start = TEXT.indexOf(quote);
    claimId = (await primary.claim.create({ data: { sourceId: source.id, startOffset: start, endOffset: start + quote.length, quote, notes: "first notes" } }))
      .id;
    await cluster.waitForReplay();
  });

  afterAll(async () => {
    releaseAppDatabase();
    await closeAppReplicas();
    await closeExportPool();
    await primary?.$disconnect();
    cluster?.stop();
    Object.assign(process.env, savedEnv);
    for (const [key, value] of Object.entries(savedEnv)) if (value === undefined) delete process.env[key];
    resetEnvCache();
  });

  test("a visitor's claim page, claims table, source text and export come from the replica: what it has replayed, not what the primary has", async () => {
    as("visitor", users.viewer);
    expect(await answeredByStandby()).toBe(true);
    const [readerBefore, csvBefore] = [await readerBody(), await exportedCsv()];

    await cluster.pauseReplay();
    await primary.claim.update({ where: { id: claimId }, data: { notes: "written on the primary", status: "approved" } });

    expect(await claimNotes()).toBe("first notes");
    expect(await tableStatuses()).toEqual(["unreviewed"]);
    expect(await readerBody()).toBe(readerBefore);
    expect(await exportedCsv()).toBe(csvBefore);
    expect(await exportedCsvFromCommandLine()).toBe(csvBefore);
    const [health] = await replicaHealth();
    expect(health).toMatchObject({ status: "up", inRecovery: true });
    expect(health!.status === "up" && health!.replayLagBytes).toBeGreaterThan(0);

    await cluster.resumeReplay();
    await cluster.waitForReplay();
    expect(await claimNotes()).toBe("written on the primary");
    expect(await tableStatuses()).toEqual(["approved"]);
    expect(await readerBody()).not.toBe(readerBefore);
    expect(await exportedCsv()).not.toBe(csvBefore);
    expect(await exportedCsvFromCommandLine()).toBe(await exportedCsv());
  });

  test("an editor sees their own save at once while the replica is behind; others see it once it is replayed", async () => {
    await cluster.pauseReplay();
    as("editor's browser", users.editor);
    const claim = await primary.claim.findUniqueOrThrow({ where: { id: claimId } });
    const form = {
      id: claim.id,
      version: claim.version,
      stance: claim.stance,
      sourceStance: claim.sourceStance,
      speakerId: "",
      newSpeakerName: "",
      attribution: claim.attribution,
      citedVia: "",
      topicId: "",
      newTopicTitle: "",
      credibility: claim.credibility,
      status: "rejected",
      notes: "the editor's own save",
    };
    const savedFrom = Date.now();
    expect(await updateClaimAction(form)).toMatchObject({ ok: true });
    const savedBy = Date.now();

    expect(await claimNotes()).toBe("the editor's own save");
    expect(await tableStatuses()).toEqual(["rejected"]);
    expect(await answeredByStandby()).toBe(false);

    as("visitor", users.viewer);
    expect(await claimNotes()).toBe("written on the primary");
    expect(await answeredByStandby()).toBe(true);

    // Past the read-your-writes window the editor reads from the replica again.
    as("editor's browser", users.editor);
    const until = Number(browsers.jars.get("editor's browser")!.get(READ_YOUR_WRITES_COOKIE));
    expect(until).toBeGreaterThanOrEqual(savedFrom + 5_000);
    expect(until).toBeLessThanOrEqual(savedBy + 5_000);
    vi.useFakeTimers({ toFake: ["Date"], now: until + 1 });
    try {
      expect(await answeredByStandby()).toBe(true);
      expect(await claimNotes()).toBe("written on the primary");
    } finally {
      vi.useRealTimers();
    }

    await cluster.resumeReplay();
    await cluster.waitForReplay();
    as("visitor", users.viewer);
    expect(await claimNotes()).toBe("the editor's own save");
  });

  test("a replica that stops answering: reads go to the primary (logged once), never an error; health names it down", async () => {
    as("visitor", users.viewer);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      cluster.stopReplica();
      expect(await claimNotes()).toBe("the editor's own save");
      expect(await tableStatuses()).toEqual(["rejected"]);
      expect(await answeredByStandby()).toBe(false);
      expect(await exportedCsv()).toContain("the bridge will reopen in June");
      const downWarnings = warn.mock.calls.filter(([message]) => String(message).includes("does not answer"));
      expect(downWarnings).toHaveLength(1);
      expect(String(downWarnings[0]![0])).toContain(new URL(cluster.replicaUrl).port);

      const response = await healthRoute();
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" }, replicas: [{ status: "down" }] });
    } finally {
      warn.mockRestore();
    }
  });
});
