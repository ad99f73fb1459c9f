// The authorization matrix: every route handler (app/**/route.ts) and every server action
// ("use server" modules under app/ and lib/) is found by reading the code, then called as
// anonymous, viewer, editor, admin and an unknown role. Each must answer 401 to anonymous,
// 403 to a role below its requirement, and let the rest through. A handler or action
// without an entry in EXPECTED fails the test, so a new one cannot be forgotten.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import type { Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { resetEnvCache } from "@/lib/env";
import { PROJECT_ROOT } from "@/lib/db/embedded";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { closeAppJobQueue, closeExportPool, releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers } from "@/tests/helpers/users";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { settleAfterTasks } from "@/tests/helpers/after";
import type { Db } from "@/lib/db/client";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));
// Outside a Next.js request there is no cache to revalidate and no request headers.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));
// after() needs a request scope: its tasks run once the action has answered, as in Next.js.
vi.mock("next/server", async (importOriginal) => (await import("@/tests/helpers/after")).mockNextServerModule(await importOriginal()));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: vi.fn(), delete: vi.fn() }),
}));

/** Handlers that are public by nature: where a session comes from, and liveness. */
const PUBLIC = new Set(["app/api/auth/[...nextauth]/route.ts#GET", "app/api/auth/[...nextauth]/route.ts#POST", "app/api/health/route.ts#GET"]);

interface Case {
  /** The weakest role that may call it. */
  role: Role;
  /** Route params for dynamic segments, when the required role depends on them. */
  params?: Record<string, string | string[]>;
  /**
   * For server actions: a valid input (creating what it needs first). The matrix then checks
   * that a successful call writes exactly one audit event, by the caller, about `entityType`.
   */
  sample?: (prisma: Db) => Promise<{ input: unknown; entityType: string }>;
}

let sampleCounter = 0;
async function sampleUser(prisma: Db, role: Role = "viewer") {
  return prisma.user.create({ data: { email: `sample-${++sampleCounter}@example.test`, role } });
}

async function sampleSource(prisma: Db) {
  const text = "The minister said the dam is safe.";
  const n = ++sampleCounter;
  return prisma.source.create({
    data: {
      slug: `sample-${n}`,
      title: `Sample ${n}`,
      text,
      textSha256: String(n % 10).repeat(64),
      claims: { create: { quote: text, startOffset: 0, endOffset: text.length } },
    },
    include: { claims: true },
  });
}

/** A proposition of two new claims from two new sources. */
async function sampleProposition(prisma: Db) {
  const claims = [(await sampleSource(prisma)).claims[0]!, (await sampleSource(prisma)).claims[0]!];
  return prisma.proposition.create({ data: { label: "The dam is safe", members: { create: claims.map((claim) => ({ claimId: claim.id })) } } });
}

/** A thread on a new claim, its one comment written by `authorEmail` (a sample user when not given). */
async function sampleThread(prisma: Db, authorEmail?: string) {
  const author = authorEmail ? await prisma.user.findUniqueOrThrow({ where: { email: authorEmail } }) : await sampleUser(prisma, "editor");
  return prisma.commentThread.create({
    data: { entityType: "claim", entityId: (await sampleSource(prisma)).claims[0]!.id, comments: { create: { authorId: author.id, body: "First look." } } },
    include: { comments: true },
  });
}

/**
 * What each may do. Key: "<file>#<export>". Add an entry with every new handler or action;
 * give several cases when the required role depends on a route parameter.
 */
const EXPECTED: Record<string, Case[]> = {
  "app/api/export/[kind]/route.ts#GET": [
    { role: "viewer", params: { kind: "claims" } },
    { role: "viewer", params: { kind: "sources" } },
    { role: "admin", params: { kind: "audit" } },
    { role: "viewer", params: { kind: "propositions" } },
  ],
  // The whole database as JSON-LD (tests/integration/jsonld-roundtrip.test.ts).
  "app/api/export/jsonld/route.ts#GET": [{ role: "editor" }],
  "app/api/import/route.ts#POST": [{ role: "editor" }],
  // Past the role, a job that is not the caller's (or does not exist) is a 404 (tests/integration/import-jobs.test.ts).
  "app/api/import/jobs/[id]/route.ts#GET": [{ role: "editor", params: { id: "1" } }],
  // Past the role, a job that is not the caller's (or does not exist) is a 404 (tests/integration/bulk-all-matching.test.ts).
  "app/api/bulk/jobs/[id]/route.ts#GET": [{ role: "editor", params: { id: "1" } }],
  "app/api/options/[kind]/route.ts#GET": [
    { role: "viewer", params: { kind: "sources" } },
    { role: "viewer", params: { kind: "actors" } },
  ],
  "app/api/import/preview/route.ts#POST": [{ role: "editor" }],
  "app/api/contradictions/claim-search/route.ts#GET": [{ role: "viewer" }],
  "app/api/mentions/route.ts#GET": [{ role: "editor" }],
  "app/api/sources/[slug]/reader/route.ts#GET": [{ role: "viewer", params: { slug: "no-such-source" } }],
  "lib/users/actions.ts#createUserAction": [
    {
      role: "admin",
      sample: async () => ({ input: { email: `new-${++sampleCounter}@example.test`, role: "editor", password: "a-long-password" }, entityType: "user" }),
    },
  ],
  "lib/users/actions.ts#changeUserRoleAction": [
    { role: "admin", sample: async (prisma) => ({ input: { id: (await sampleUser(prisma)).id, role: "editor" }, entityType: "user" }) },
  ],
  "lib/users/actions.ts#setUserActiveAction": [
    { role: "admin", sample: async (prisma) => ({ input: { id: (await sampleUser(prisma)).id, active: false }, entityType: "user" }) },
  ],
  "lib/users/actions.ts#resetUserPasswordAction": [
    { role: "admin", sample: async (prisma) => ({ input: { id: (await sampleUser(prisma)).id, password: "another-long-password" }, entityType: "user" }) },
  ],
  "lib/users/actions.ts#signOutEverywhereAction": [{ role: "viewer", sample: async () => ({ input: {}, entityType: "user" }) }],
  "lib/claims/actions.ts#updateClaimAction": [{ role: "editor" }],
  "lib/claims/actions.ts#createClaimAction": [{ role: "editor" }],
  "lib/claims/actions.ts#reviewClaimAction": [{ role: "editor" }],
  "lib/claims/actions.ts#renewClaimLeaseAction": [{ role: "editor" }],
  "lib/claims/actions.ts#adjustClaimBoundaryAction": [{ role: "editor" }],
  "lib/claims/actions.ts#withdrawClaimAction": [{ role: "editor" }],
  "lib/claims/actions.ts#restoreClaimAction": [{ role: "editor" }],
  "lib/claims/actions.ts#bulkStatusAction": [{ role: "editor" }],
  "lib/claims/actions.ts#bulkTopicAction": [{ role: "editor" }],
  "lib/sources/actions.ts#updateSourceAction": [{ role: "editor" }],
  "lib/actors/actions.ts#updateActorAction": [{ role: "editor" }],
  "lib/actors/actions.ts#mergeActorsAction": [{ role: "editor" }],
  "lib/topics/actions.ts#createTopicAction": [{ role: "editor" }],
  "lib/topics/actions.ts#updateTopicAction": [{ role: "editor" }],
  "lib/contradictions/actions.ts#reviewContradictionAction": [{ role: "editor" }],
  "lib/contradictions/actions.ts#linkContradictionAction": [{ role: "editor" }],
  "lib/contradictions/actions.ts#runDetectionAction": [{ role: "editor" }],
  // Anyone signed in keeps views of their own (sharing takes an editor: tests/integration/saved-views.test.ts).
  // Only the action's author may undo it (tests/integration/undo.test.ts); undoing a withdrawal writes one event.
  "lib/undo/actions.ts#undoActionAction": [
    {
      role: "editor",
      sample: async (prisma) => {
        const { setClaimWithdrawn } = await import("@/lib/claims/mutations");
        const editor = await prisma.user.findUniqueOrThrow({ where: { email: "editor@example.test" } });
        const claim = (await sampleSource(prisma)).claims[0]!;
        const { actionId } = await setClaimWithdrawn(prisma, { id: claim.id, version: claim.version }, true, editor);
        return { input: { actionId }, entityType: "claim" };
      },
    },
  ],
  "lib/saved-views/actions.ts#saveViewAction": [
    {
      role: "viewer",
      sample: async () => ({ input: { name: `View ${++sampleCounter}`, query: "?status=approved", shared: false }, entityType: "saved_view" }),
    },
  ],
  "lib/saved-views/actions.ts#deleteViewAction": [
    {
      role: "viewer",
      sample: async (prisma) => {
        const owner = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@example.test" } });
        const view = await prisma.savedView.create({ data: { userId: owner.id, name: `Doomed ${++sampleCounter}`, query: "" } });
        return { input: { id: view.id }, entityType: "saved_view" };
      },
    },
  ],
  // Anyone signed in reads their own inbox; past the role, another user's notification (or none) is a 404
  // (tests/integration/notifications.test.ts).
  "app/api/notifications/[id]/route.ts#GET": [{ role: "viewer", params: { id: "1" } }],
  // Marking read is the reader's own bookkeeping and not audited (lib/notifications/mutations.ts), so no sample.
  "lib/notifications/actions.ts#markNotificationReadAction": [{ role: "viewer" }],
  "lib/notifications/actions.ts#markAllNotificationsReadAction": [{ role: "viewer" }],
  "lib/notifications/actions.ts#updateNotificationPreferencesAction": [
    {
      role: "viewer",
      sample: async (prisma) => {
        // From every kind on, so that turning all but one off is a change.
        const viewer = await prisma.user.findUniqueOrThrow({ where: { email: "viewer@example.test" } });
        await prisma.notificationOptOut.deleteMany({ where: { userId: viewer.id } });
        return { input: { enabled: ["assigned"] }, entityType: "user" };
      },
    },
  ],
  "lib/assignments/actions.ts#assignClaimsAction": [
    {
      role: "editor",
      sample: async (prisma) => ({
        input: { ids: [(await sampleSource(prisma)).claims[0]!.id], assigneeId: (await sampleUser(prisma, "editor")).id },
        entityType: "claim",
      }),
    },
  ],
  // Every claim the filters match: here the one claim of a new source, changed in the request.
  "lib/bulk/actions.ts#bulkMatchingAction": [
    {
      role: "editor",
      sample: async (prisma) => ({
        input: { filters: { source: (await sampleSource(prisma)).slug }, confirmedCount: 1, change: { kind: "status", status: "approved" } },
        entityType: "claim",
      }),
    },
  ],
  "lib/bulk/actions.ts#countMatchingAction": [{ role: "editor" }],
  "lib/assignments/actions.ts#assignSourceAction": [
    {
      role: "editor",
      sample: async (prisma) => ({
        input: { sourceId: (await sampleSource(prisma)).id, assigneeId: (await sampleUser(prisma, "editor")).id },
        entityType: "source",
      }),
    },
  ],
  "lib/assignments/actions.ts#assignContradictionAction": [
    {
      role: "editor",
      sample: async (prisma) => {
        const [a, b] = [(await sampleSource(prisma)).claims[0]!, (await sampleSource(prisma)).claims[0]!];
        const pair = await prisma.contradiction.create({ data: { claimAId: a.id, claimBId: b.id, detectedBy: "editor" } });
        return { input: { contradictionId: pair.id, assigneeId: (await sampleUser(prisma, "admin")).id }, entityType: "contradiction" };
      },
    },
  ],
  // Viewers see reposts on the source pages; deciding on one takes an editor.
  "lib/reuse/actions.ts#decideSourceReuseAction": [
    {
      role: "editor",
      sample: async (prisma) => {
        const [copy, original] = [await sampleSource(prisma), await sampleSource(prisma)];
        const row = await prisma.sourceReuse.create({ data: { sourceId: copy.id, originalId: original.id, share: 1, method: "sample" } });
        return { input: { id: row.id, version: row.version, status: "confirmed" }, entityType: "source_reuse" };
      },
    },
  ],
  // Viewers read discussions; writing takes an editor, and editing a comment its author (tests/integration/comments.test.ts).
  "lib/comments/actions.ts#startThreadAction": [
    {
      role: "editor",
      sample: async (prisma) => ({
        input: { entityType: "claim", entityId: (await sampleSource(prisma)).claims[0]!.id, body: "Is this right?" },
        entityType: "comment",
      }),
    },
  ],
  "lib/comments/actions.ts#replyToThreadAction": [
    { role: "editor", sample: async (prisma) => ({ input: { threadId: (await sampleThread(prisma)).id, body: "Checked it." }, entityType: "comment" }) },
  ],
  "lib/comments/actions.ts#editCommentAction": [
    {
      role: "editor",
      sample: async (prisma) => {
        const comment = (await sampleThread(prisma, "editor@example.test")).comments[0]!;
        return { input: { id: comment.id, version: comment.version, body: "Reworded." }, entityType: "comment" };
      },
    },
  ],
  // Viewers read propositions; editors decide them. Split, merge and placing a claim write two events each
  // (the proposition made, merged away or left, and this one's), so they carry no sample here; their effects
  // are tested in tests/integration/propositions-pages.test.ts.
  "lib/propositions/actions.ts#confirmPropositionAction": [
    { role: "editor", sample: async (prisma) => ({ input: { id: (await sampleProposition(prisma)).id, version: 1 }, entityType: "proposition" }) },
  ],
  "lib/propositions/actions.ts#relabelPropositionAction": [
    {
      role: "editor",
      sample: async (prisma) => ({ input: { id: (await sampleProposition(prisma)).id, version: 1, label: "What they both say" }, entityType: "proposition" }),
    },
  ],
  "lib/propositions/actions.ts#splitPropositionAction": [{ role: "editor" }],
  "lib/propositions/actions.ts#mergePropositionsAction": [{ role: "editor" }],
  "lib/propositions/actions.ts#placeClaimAction": [{ role: "editor" }],
  "lib/comments/actions.ts#resolveThreadAction": [
    { role: "editor", sample: async (prisma) => ({ input: { threadId: (await sampleThread(prisma)).id, resolved: true }, entityType: "comment_thread" }) },
  ],
};

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

function walk(directory: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, directory), { recursive: true, encoding: "utf8" })
    .map((entry) => path.posix.join(directory, entry.split(path.sep).join("/")))
    .filter((file) => !file.includes("/generated/") && !file.includes("node_modules"));
}

function isUseServerModule(file: string): boolean {
  if (!/\.(ts|tsx)$/.test(file)) return false;
  const source = readFileSync(path.join(PROJECT_ROOT, file), "utf8");
  // The directive must be the first statement (comments may precede it).
  return /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);
}

interface Entry {
  key: string;
  kind: "route" | "action";
  file: string;
  name: string;
  call: (params: Record<string, string | string[]>, input?: unknown) => Promise<number | "redirect">;
}

function urlFor(file: string, params: Record<string, string | string[]>): string {
  const route = file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\/\([^/]+\)/g, "")
    .replace(/\[\.{0,3}([^\]]+)\]/g, (_match, name: string) => [params[name] ?? "x"].flat().join("/"));
  return `http://localhost${route || "/"}`;
}

function isRedirect(error: unknown): boolean {
  return typeof (error as { digest?: unknown })?.digest === "string" && (error as { digest: string }).digest.startsWith("NEXT_REDIRECT");
}

const importFailures: string[] = [];

async function importModule(file: string): Promise<Record<string, unknown>> {
  try {
    return (await import(/* @vite-ignore */ path.join(PROJECT_ROOT, file))) as Record<string, unknown>;
  } catch (error) {
    importFailures.push(`${file}: ${(error as Error).message}`);
    return {};
  }
}

async function discover(): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const file of walk("app").filter((file) => file.endsWith("/route.ts"))) {
    const routeModule = await importModule(file);
    for (const name of Object.keys(routeModule).filter((key) => HTTP_METHODS.includes(key))) {
      const handler = routeModule[name] as (request: NextRequest, context: unknown) => Promise<Response>;
      entries.push({
        key: `${file}#${name}`,
        kind: "route",
        file,
        name,
        async call(params) {
          // State-changing calls come from the app's own pages (lib/http/origin.ts refuses the rest).
          const init =
            name === "GET" || name === "HEAD"
              ? { method: name }
              : { method: name, body: "{}", headers: { "content-type": "application/json", origin: "http://localhost" } };
          const response = await handler(new NextRequest(urlFor(file, params), init), { params: Promise.resolve(params) });
          await response.body?.cancel().catch(() => {});
          return response.status;
        },
      });
    }
  }
  const actionFiles = [...walk("app"), ...walk("lib")].filter(isUseServerModule);
  for (const file of actionFiles) {
    const actionModule = await importModule(file);
    for (const [name, value] of Object.entries(actionModule)) {
      if (typeof value !== "function") continue;
      const action = value as (input: unknown) => Promise<{ ok: boolean; status?: number }>;
      entries.push({
        key: `${file}#${name}`,
        kind: "action",
        file,
        name,
        async call(_params, input = {}) {
          try {
            const result = await action(input);
            return result.ok ? 200 : (result.status ?? 500);
          } catch (error) {
            if (isRedirect(error)) return "redirect";
            throw error;
          }
        },
      });
    }
  }
  return entries;
}

describe("authorization matrix", () => {
  let database: TestDatabase;
  let entries: Entry[];
  let personas: Array<{ label: string; user: SessionUser | null; role?: Role }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    // Code with its own connections (CSV export) reads DATABASE_URL.
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    const users = await createRoleUsers(database.prisma);
    personas = [
      { label: "anonymous", user: null },
      { label: "viewer", user: users.viewer, role: "viewer" },
      { label: "editor", user: users.editor, role: "editor" },
      { label: "admin", user: users.admin, role: "admin" },
      // getSessionUser never returns an unknown role; if it ever did, the wrappers must still refuse.
      { label: "unknown role", user: { ...users.admin, role: "superuser" as Role } },
    ];
    entries = await discover();
  });
  afterAll(async () => {
    await settleAfterTasks();
    await closeExportPool();
    await closeAppJobQueue();
    releaseAppDatabase();
    await database?.drop();
  });

  test("discovers the route handlers and server actions the app exports", () => {
    expect(importFailures, "every route and action module must load").toEqual([]);
    const keys = entries.map((entry) => entry.key);
    expect(keys).toContain("app/api/health/route.ts#GET");
    expect(keys).toContain("lib/users/actions.ts#createUserAction");
    expect(entries.filter((entry) => entry.kind === "action").length).toBeGreaterThanOrEqual(4);
  });

  test("every handler and action has an expectation, and every expectation still exists", () => {
    const discovered = new Set(entries.map((entry) => entry.key));
    const missing = [...discovered].filter((key) => !PUBLIC.has(key) && !EXPECTED[key]);
    const stale = [...Object.keys(EXPECTED), ...PUBLIC].filter((key) => !discovered.has(key));
    expect(missing, "add these to EXPECTED in tests/integration/authorization-matrix.test.ts").toEqual([]);
    expect(stale, "these no longer exist; remove them from EXPECTED").toEqual([]);
  });

  test("each role gets exactly what it may do, and a refused call changes nothing", async () => {
    const failures: string[] = [];
    for (const entry of entries) {
      if (PUBLIC.has(entry.key)) continue;
      for (const expected of EXPECTED[entry.key] ?? []) {
        const allowed = (persona: (typeof personas)[number]) => !!persona.user && !!persona.role && RANK[persona.role] >= RANK[expected.role];
        // Refused callers first, so the fingerprint shows they changed nothing at all.
        const ordered = [...personas.filter((persona) => !allowed(persona)), ...personas.filter(allowed)];
        const before = await databaseFingerprint(database.prisma);
        let checkedRefusals = false;
        for (const persona of ordered) {
          if (allowed(persona) && !checkedRefusals) {
            checkedRefusals = true;
            const after = await databaseFingerprint(database.prisma);
            if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${entry.key}: a refused call changed the database`);
          }
          signInAs(persona.user);
          const label = `${entry.key}${expected.params ? ` ${JSON.stringify(expected.params)}` : ""} as ${persona.label}`;
          let outcome: number | "redirect";
          try {
            outcome = await entry.call(expected.params ?? {});
          } catch (error) {
            failures.push(`${label}: threw ${(error as Error).message}`);
            continue;
          }
          if (!persona.user) {
            if (outcome !== 401) failures.push(`${label}: expected 401, got ${outcome}`);
          } else if (!allowed(persona)) {
            if (outcome !== 403) failures.push(`${label}: expected 403, got ${outcome}`);
          } else if (outcome === 401 || outcome === 403 || (typeof outcome === "number" && outcome >= 500)) {
            failures.push(`${label}: expected to be let through, got ${outcome}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  test("every action with a sample input writes exactly one audit event, by its caller, when it succeeds", async () => {
    const failures: string[] = [];
    const sampled = entries.flatMap((entry) => (EXPECTED[entry.key] ?? []).filter((expected) => expected.sample).map((expected) => ({ entry, expected })));
    expect(sampled.length).toBeGreaterThanOrEqual(4);
    for (const { entry, expected } of sampled) {
      const persona = personas.find((candidate) => candidate.role === expected.role)!;
      const { input, entityType } = await expected.sample!(database.prisma);
      signInAs(persona.user);
      const lastId = (await database.prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
      const outcome = await entry.call({}, input);
      const events = await database.prisma.auditEvent.findMany({ where: { id: { gt: lastId } } });
      if (outcome !== 200) failures.push(`${entry.key}: the sample input failed with ${outcome}`);
      else if (events.length !== 1) failures.push(`${entry.key}: wrote ${events.length} audit events`);
      else if (events[0]!.userId !== persona.user!.id || events[0]!.entityType !== entityType) {
        failures.push(`${entry.key}: the audit event names user ${events[0]!.userId} and entity ${events[0]!.entityType}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("every page checks the session itself, not only through its layout", () => {
    // Client-side navigation re-renders only the page segment, so a check in the layout
    // alone would miss a user disabled since the layout last rendered.
    const PUBLIC_PAGES = ["app/(auth)/login/page.tsx"];
    const pages = walk("app").filter((file) => /\/page\.tsx$/.test(file) && !PUBLIC_PAGES.includes(file));
    expect(pages.length).toBeGreaterThan(3);
    const unchecked = pages.filter((file) => !/\b(requirePageRole|getSessionUser)\(/.test(readFileSync(path.join(PROJECT_ROOT, file), "utf8")));
    expect(unchecked, "call requirePageRole(...) at the top of these pages").toEqual([]);
  });

  test("the public endpoints answer without a session", async () => {
    signInAs(null);
    const health = entries.find((entry) => entry.key === "app/api/health/route.ts#GET")!;
    expect(await health.call({})).toBe(200);
  });
});
