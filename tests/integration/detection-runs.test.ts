// Detection runs in the background: the button's action records a run and returns at once,
// the run closes itself as finished (with its report) or failed (with a sentence), one runs
// at a time, and a run whose server stopped does not block the next one.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { settleAfterTasks } from "@/tests/helpers/after";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import { seedDatabase } from "@/seed/run-seed";
import type { Role } from "@/lib/auth/roles";
import { ConflictError } from "@/lib/errors";
import {
  STALE_AFTER_MS,
  completeDetectionRun,
  describeDetectionRun,
  latestDetectionRun,
  startDetectionRun,
  type DetectionRunView,
} from "@/lib/contradictions/runs";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next/server", async (importOriginal) => (await import("@/tests/helpers/after")).mockNextServerModule(await importOriginal()));

const { runDetectionAction } = await import("@/lib/contradictions/actions");

async function settled(database: TestDatabase, id: number): Promise<DetectionRunView> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const run = await latestDetectionRun(database.prisma);
    if (run && run.id === id && run.status !== "running") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`detection run ${id} did not finish within a minute`);
}

describe("detection runs", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    expect((await seedDatabase(database.prisma)).failures).toEqual([]);
    users = await createRoleUsers(database.prisma);
  });
  afterAll(async () => {
    await settleAfterTasks();
    releaseAppDatabase();
    await database?.drop();
  });

  test("the button's action starts a run and returns before it ends; the run then shows what it did", async () => {
    expect(await database.prisma.contradiction.count()).toBe(0);
    signInAs(users.editor);
    const started = await runDetectionAction({});
    expect(started).toMatchObject({ ok: true, data: { status: "running", startedBy: users.editor.name } });
    const run = (started as { data: DetectionRunView }).data;
    // Returned at once: the pairs are not there yet (the run needs seconds on the seed corpus).
    expect(await database.prisma.contradiction.count()).toBe(0);

    // A second editor asking meanwhile is told, and no second run is recorded.
    signInAs(users.admin);
    const again = await runDetectionAction({});
    expect(again).toMatchObject({ ok: false, status: 409 });
    expect((again as { message: string }).message).toMatch(new RegExp(`^Detection is already running \\(started .* UTC by ${users.editor.name}\\)`));
    expect(await database.prisma.detectionRun.count()).toBe(1);

    const done = await settled(database, run.id);
    expect(done.status).toBe("finished");
    const created = await database.prisma.contradiction.count();
    expect(created).toBeGreaterThan(15);
    expect(done.report).toMatchObject({ created, removed: 0 });
    expect(describeDetectionRun(done)).toMatch(new RegExp(`^Last detection finished .* UTC by ${users.editor.name}: ${created} new, 0 updated, 0 withdrawn;`));
    // The run's changes carry the editor's name in the audit log.
    const event = await database.prisma.auditEvent.findFirstOrThrow({ where: { entityType: "contradiction", action: "detect" } });
    expect(event.userId).toBe(users.editor.id);

    // Finished runs do not block the next one.
    signInAs(users.editor);
    const next = await runDetectionAction({});
    expect(next).toMatchObject({ ok: true, data: { status: "running" } });
    const second = await settled(database, (next as { data: DetectionRunView }).data.id);
    expect(second.report).toMatchObject({ created: 0, updated: 0, removed: 0 });
    expect(await database.prisma.contradiction.count()).toBe(created);
  });

  test("a viewer cannot start a run, and nothing is recorded", async () => {
    const before = await database.prisma.detectionRun.count();
    signInAs(users.viewer);
    expect(await runDetectionAction({})).toMatchObject({ ok: false, status: 403 });
    expect(await database.prisma.detectionRun.count()).toBe(before);
  });

  test("two runs started at the same moment: one goes, the other is refused", async () => {
    const outcomes = await Promise.allSettled([startDetectionRun(database.prisma, users.editor.id), startDetectionRun(database.prisma, users.admin.id)]);
    const started = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(started).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    expect(await database.prisma.detectionRun.count({ where: { status: "running" } })).toBe(1);
    const run = (started[0] as PromiseFulfilledResult<DetectionRunView>).value;
    await completeDetectionRun(database.prisma, run.id, { userId: users.editor.id });
    expect((await settled(database, run.id)).status).toBe("finished");
  });

  test("a run that fails says so on the page, changes nothing, and the next run can start", async () => {
    const pairs = await database.prisma.contradiction.count();
    const run = await startDetectionRun(database.prisma, users.editor.id);
    // Break the store phase: the table the verdicts go to is not where detection expects it.
    await database.prisma.$executeRawUnsafe(`ALTER TABLE contradictions RENAME TO contradictions_moved`);
    try {
      await expect(completeDetectionRun(database.prisma, run.id)).rejects.toThrow();
    } finally {
      await database.prisma.$executeRawUnsafe(`ALTER TABLE contradictions_moved RENAME TO contradictions`);
    }
    const failed = await latestDetectionRun(database.prisma);
    expect(failed).toMatchObject({ id: run.id, status: "failed", error: "Something went wrong on the server. The error has been logged." });
    expect(describeDetectionRun(failed!)).toMatch(/^Last detection by .+ failed .* UTC: Something went wrong on the server\./);
    expect(await database.prisma.contradiction.count()).toBe(pairs);
    const next = await startDetectionRun(database.prisma, users.editor.id);
    await completeDetectionRun(database.prisma, next.id);
  });

  test("a run whose server stopped is closed as abandoned and does not block the next one", async () => {
    const stale = await database.prisma.detectionRun.create({
      data: { startedById: users.editor.id, heartbeatAt: new Date(Date.now() - STALE_AFTER_MS - 60_000) },
    });
    const shown = await latestDetectionRun(database.prisma);
    expect(shown).toMatchObject({ id: stale.id, status: "abandoned" });
    expect(describeDetectionRun(shown!)).toMatch(/did not finish: The server stopped before this run finished\. Run detection again\.$/);

    // One still beating is not abandoned: it blocks.
    const live = await startDetectionRun(database.prisma, users.admin.id);
    await expect(startDetectionRun(database.prisma, users.editor.id)).rejects.toThrow(/^Detection is already running/);
    await completeDetectionRun(database.prisma, live.id);
    expect((await latestDetectionRun(database.prisma))!.status).toBe("finished");
  });
});
