// Bad input at every server action and route handler, called as the app calls them (the
// session mocked): ids past the int4 columns, NUL characters and lone UTF-16 surrogates in
// text, dates the import refuses, hand-made cursors. Each must be refused with a 4xx and a
// sentence a person can act on (a field message where a form has the field), never a 500,
// and nothing may change in the database. Pages and raw request bodies are in
// tests/e2e/bad-input.test.ts.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { NextRequest } from "next/server";
import type { Role } from "@/lib/auth/roles";
import { resetEnvCache } from "@/lib/env";
import { canonicalActorKey } from "@/lib/extract/actors";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { databaseFingerprint } from "@/tests/helpers/db-fingerprint";
import { closeExportPool, releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, signInAs } from "@/tests/helpers/session";
import { createRoleUsers, type TestUser } from "@/tests/helpers/users";
import { settleAfterTasks } from "@/tests/helpers/after";
import { importMetadataSchema } from "@/lib/import/schema";
import { listClaims } from "@/lib/claims/queries";
import { parseClaimTableParams } from "@/lib/claims/schema";
import { ID_TOO_LARGE, LONE_SURROGATE_MESSAGE, NUL_MESSAGE } from "@/lib/validation/zod";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), updateTag: vi.fn(), refresh: vi.fn() }));
vi.mock("next/server", async (importOriginal) => (await import("@/tests/helpers/after")).mockNextServerModule(await importOriginal()));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: vi.fn(), delete: vi.fn() }),
}));

const claimActions = await import("@/lib/claims/actions");
const sourceActions = await import("@/lib/sources/actions");
const actorActions = await import("@/lib/actors/actions");
const topicActions = await import("@/lib/topics/actions");
const contradictionActions = await import("@/lib/contradictions/actions");
const userActions = await import("@/lib/users/actions");
const exportRoute = await import("@/app/api/export/[kind]/route");
const optionsRoute = await import("@/app/api/options/[kind]/route");
const claimSearchRoute = await import("@/app/api/contradictions/claim-search/route");
const readerRoute = await import("@/app/api/sources/[slug]/reader/route");
const importRoute = await import("@/app/api/import/route");
const previewRoute = await import("@/app/api/import/preview/route");

const INT4_MAX = 2_147_483_647;

/** What a caller sees: an action's result or a handler's response, as a status and sentences. */
interface Outcome {
  status: number;
  message: string;
  fieldErrors: Record<string, string[]>;
}

type Action = (input: unknown) => Promise<{ ok: boolean; status?: number; message?: string; fieldErrors?: Record<string, string[]> }>;

async function callAction(action: Action, input: unknown): Promise<Outcome> {
  try {
    const result = await action(input);
    return result.ok
      ? { status: 200, message: "", fieldErrors: {} }
      : { status: result.status!, message: result.message ?? "", fieldErrors: result.fieldErrors ?? {} };
  } catch (error) {
    return { status: 500, message: `threw ${(error as Error).message}`, fieldErrors: {} };
  }
}

/** Each handler types its own params; the table passes whichever it needs. */
type Handler = (request: NextRequest, context: never) => Promise<Response>;

async function callRoute(handler: Handler, url: string, params: Record<string, string> = {}, init: RequestInit = {}): Promise<Outcome> {
  try {
    const response = await handler(
      new NextRequest(new URL(url, "http://localhost"), { ...init, headers: { origin: "http://localhost", ...init.headers } } as ConstructorParameters<
        typeof NextRequest
      >[1]),
      { params: Promise.resolve(params) } as never,
    );
    const text = await response.text();
    let body: { error?: string; fieldErrors?: Record<string, string[]> } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // a CSV or an empty body
    }
    return { status: response.status, message: body.error ?? "", fieldErrors: body.fieldErrors ?? {} };
  } catch (error) {
    return { status: 500, message: `threw ${(error as Error).message}`, fieldErrors: {} };
  }
}

interface Case {
  name: string;
  role: Role;
  call: () => Promise<Outcome>;
  /** The exact status wanted; any 4xx but 401/403 when absent. */
  status?: number;
  /** The field whose message must explain the refusal. */
  field?: string;
  /** What that message (or the response's sentence) must say. */
  says?: RegExp;
}

/** Ids no int4 column holds, and things that are no id at all. */
const IDS_OUT_OF_RANGE: unknown[] = [INT4_MAX + 1, String(INT4_MAX + 1), 2 ** 53, "99999999999999999999", 1e300];
const NOT_IDS: unknown[] = [-1, "-1", 0, "0", 1.5, "1.5", "abc", "12abc", "0x10", "1e3", true, [7], { id: 7 }];
const BAD_IDS = [...IDS_OUT_OF_RANGE, ...NOT_IDS];
/** For a required id, nothing at all is bad too. */
const MISSING: unknown[] = ["", "   ", null, undefined];

/** Text Postgres cannot store (NUL) or that would be stored changed (a lone surrogate becomes U+FFFD). */
const BAD_TEXTS: { label: string; value: string; says: RegExp }[] = [
  { label: "a NUL inside", value: "Ahmed\u0000Khan", says: /NUL/ },
  { label: "only a NUL", value: "\u0000", says: /NUL/ },
  { label: "a lone high surrogate", value: "note \ud83d end", says: /surrogate/ },
  { label: "a lone low surrogate", value: "\ude00 at the start", says: /surrogate/ },
  { label: "a surrogate pair reversed", value: "x\ude00\ud83dy", says: /surrogate/ },
];

describe("bad input at every server action and route handler", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  const ids = { source: 0, claims: [] as number[], actor: 0, otherActor: 0, topic: 0, contradiction: 0, viewer: 0 };
  const versions = { claim: 1, source: 1, actor: 1, topic: 1, contradiction: 1 };
  const slug = "karachi-herald";

  const claimForm = (changes: Record<string, unknown> = {}) => ({
    id: ids.claims[0],
    version: versions.claim,
    stance: "supports",
    sourceStance: "reports",
    speakerId: ids.actor,
    newSpeakerName: "",
    attribution: "paraphrase",
    citedVia: "",
    topicId: "",
    newTopicTitle: "",
    credibility: "3",
    status: "unreviewed",
    notes: "",
    ...changes,
  });
  const sourceForm = (changes: Record<string, unknown> = {}) => ({
    id: ids.source,
    version: versions.source,
    title: "Karachi Herald report",
    kind: "news",
    reliability: "C",
    publisher: "Karachi Herald",
    author: "",
    publishedDate: "12 May 2009",
    language: "en",
    url: "",
    notes: "",
    ...changes,
  });
  const actorForm = (changes: Record<string, unknown> = {}) => ({
    id: ids.actor,
    version: versions.actor,
    name: "Ahmed Khan",
    kind: "person",
    reliability: "F",
    aliases: "",
    notes: "",
    ...changes,
  });
  const topicForm = (changes: Record<string, unknown> = {}) => ({ title: "Who called off the strike?", description: "", ...changes });
  const reviewForm = (changes: Record<string, unknown> = {}) => ({
    id: ids.contradiction,
    version: versions.contradiction,
    status: "confirmed",
    rationale: "They cannot both be true.",
    preferredClaimId: "",
    preferredReason: "",
    ...changes,
  });

  function importForm(metadata: Record<string, string>, extra: Record<string, string> = {}): FormData {
    const form = new FormData();
    form.set("text", "Police chief Ahmed Khan said the curfew was lifted on Sunday after the talks ended.");
    for (const [key, value] of Object.entries({ title: "Curfew lifted", kind: "news", ...metadata, ...extra })) form.set(key, value);
    return form;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    process.env.DATABASE_URL = database.url;
    resetEnvCache();
    users = await createRoleUsers(database.prisma);
    ids.viewer = users.viewer.id;
    const prisma = database.prisma;
    const text = "Police chief Ahmed Khan said the strike was called off after talks. The spokesman said nobody was hurt in the rally.";
    const source = await prisma.source.create({
      data: { slug, title: "Karachi Herald report", kind: "news", text, textSha256: "0".repeat(64), reliability: "C", publishedDate: "12 May 2009" },
    });
    ids.source = source.id;
    ids.actor = (await prisma.actor.create({ data: { name: "Ahmed Khan", normalizedName: canonicalActorKey("Ahmed Khan"), kind: "person" } })).id;
    ids.otherActor = (await prisma.actor.create({ data: { name: "The spokesman", normalizedName: canonicalActorKey("The spokesman"), kind: "person" } })).id;
    ids.topic = (await prisma.topic.create({ data: { slug: "strike", title: "Was the strike called off?" } })).id;
    for (const quote of ["the strike was called off after talks", "nobody was hurt in the rally"]) {
      const start = text.indexOf(quote);
      ids.claims.push((await prisma.claim.create({ data: { sourceId: source.id, quote, startOffset: start, endOffset: start + quote.length } })).id);
    }
    ids.contradiction = (
      await prisma.contradiction.create({ data: { claimAId: ids.claims[0]!, claimBId: ids.claims[1]!, detectedBy: "test", kind: "dispute", score: 0.5 } })
    ).id;
  });

  afterAll(async () => {
    await settleAfterTasks();
    await closeExportPool();
    releaseAppDatabase();
    await database?.drop();
  });

  /** Every way an id field can be wrong, each as its own case. */
  function idCases(name: string, role: Role, action: Action, form: () => Record<string, unknown>, field: string, options: { required?: boolean } = {}): Case[] {
    const values = options.required === false ? BAD_IDS : [...BAD_IDS, ...MISSING];
    return values.map((value) => ({
      name: `${name} with ${field} = ${JSON.stringify(value) ?? "undefined"}`,
      role,
      call: () => callAction(action, { ...form(), [field]: value }),
      status: 422,
      field,
    }));
  }

  function textCases(
    name: string,
    role: Role,
    action: Action,
    form: () => Record<string, unknown>,
    field: string,
    wrap: (value: string) => unknown = (value) => value,
  ): Case[] {
    return BAD_TEXTS.map((bad) => ({
      name: `${name} with ${bad.label} in ${field}`,
      role,
      call: () => callAction(action, { ...form(), [field]: wrap(bad.value) }),
      status: 422,
      field,
      says: bad.says,
    }));
  }

  function routeCases(name: string, handler: Handler, path: string, params: Record<string, string>, key: string, values: string[], status = 422): Case[] {
    return values.map((value) => ({
      name: `GET ${path} with ${key} = ${JSON.stringify(value)}`,
      role: "admin" as Role,
      call: () => callRoute(handler, `${path}${path.includes("?") ? "&" : "?"}${new URLSearchParams({ [key]: value })}`, params),
      status,
      field: status === 422 ? key : undefined,
    }));
  }

  function cases(): Case[] {
    const claim = claimActions;
    const editor: Role = "editor";
    const dates = ["2011-02-30", "2099-01-01", "03/04/2011", "2011-13-01", "31 February 2011", "yesterday", "0999", "12/05/09"];
    const idStrings = ["2147483648", "-1", "0", "1.5", "abc", "99999999999999999999", "1e3", "0x10"];
    const nulTexts = ["\u0000", "strike\u0000", "a\u0000b"];
    return [
      // Claims
      ...idCases("updateClaimAction", editor, claim.updateClaimAction, claimForm, "id"),
      ...idCases("updateClaimAction", editor, claim.updateClaimAction, claimForm, "version"),
      ...idCases("updateClaimAction", editor, claim.updateClaimAction, claimForm, "speakerId", { required: false }),
      ...idCases("updateClaimAction", editor, claim.updateClaimAction, claimForm, "topicId", { required: false }),
      ...[0, 7, INT4_MAX + 1, "x", "2.5"].map((value) => ({
        name: `updateClaimAction with credibility = ${JSON.stringify(value)}`,
        role: editor,
        call: () => callAction(claim.updateClaimAction, claimForm({ credibility: value })),
        status: 422,
        field: "credibility",
      })),
      ...textCases("updateClaimAction", editor, claim.updateClaimAction, claimForm, "notes"),
      ...textCases("updateClaimAction", editor, claim.updateClaimAction, claimForm, "citedVia"),
      ...textCases("updateClaimAction", editor, claim.updateClaimAction, () => claimForm({ speakerId: "" }), "newSpeakerName"),
      ...textCases("updateClaimAction", editor, claim.updateClaimAction, claimForm, "newTopicTitle"),
      ...["stance", "sourceStance", "attribution", "status"].map((field) => ({
        name: `updateClaimAction with an unknown ${field}`,
        role: editor,
        call: () => callAction(claim.updateClaimAction, claimForm({ [field]: "everything\u0000" })),
        status: 422,
        field,
      })),
      ...[null, "id=1", 42, [], [claimForm()]].map((input) => ({
        name: `updateClaimAction with ${JSON.stringify(input)} as its whole input`,
        role: editor,
        call: () => callAction(claim.updateClaimAction, input),
        status: 422,
      })),
      ...idCases(
        "createClaimAction",
        editor,
        claim.createClaimAction,
        () => ({ sourceId: ids.source, startOffset: 0, endOffset: 6, quote: "Police" }),
        "sourceId",
      ),
      ...[INT4_MAX + 1, -1, "x"].map((value) => ({
        name: `createClaimAction with startOffset = ${JSON.stringify(value)}`,
        role: editor,
        call: () => callAction(claim.createClaimAction, { sourceId: ids.source, startOffset: value, endOffset: 6, quote: "Police" }),
        status: 422,
        field: "startOffset",
      })),
      ...[INT4_MAX + 1, 2 ** 40].map((value) => ({
        name: `createClaimAction with endOffset = ${JSON.stringify(value)}`,
        role: editor,
        call: () => callAction(claim.createClaimAction, { sourceId: ids.source, startOffset: 0, endOffset: value, quote: "Police" }),
        status: 422,
        field: "endOffset",
      })),
      ...textCases(
        "createClaimAction",
        editor,
        claim.createClaimAction,
        () => ({ sourceId: ids.source, startOffset: 0, endOffset: 6 }),
        "quote",
        (value) => value.padEnd(6, "x").slice(0, 6),
      ),
      ...idCases("reviewClaimAction", editor, claim.reviewClaimAction, () => ({ id: ids.claims[0], version: versions.claim, status: "approved" }), "id"),
      ...idCases("reviewClaimAction", editor, claim.reviewClaimAction, () => ({ id: ids.claims[0], version: versions.claim, status: "approved" }), "version"),
      ...[[INT4_MAX + 1], [ids.claims[0], INT4_MAX + 1], ["2147483648"], [-1], ["x"], [1.5], [], INT4_MAX + 1, "99999999999999999999"].flatMap((value) => [
        {
          name: `bulkStatusAction with ids = ${JSON.stringify(value)}`,
          role: editor,
          call: () => callAction(claim.bulkStatusAction, { ids: value, status: "approved" }),
          status: 422,
          field: "ids",
        },
        {
          name: `bulkTopicAction with ids = ${JSON.stringify(value)}`,
          role: editor,
          call: () => callAction(claim.bulkTopicAction, { ids: value, topicId: "none" }),
          status: 422,
          field: "ids",
        },
      ]),
      ...BAD_IDS.map((value) => ({
        name: `bulkTopicAction with topicId = ${JSON.stringify(value)}`,
        role: editor,
        call: () => callAction(claim.bulkTopicAction, { ids: [ids.claims[0]], topicId: value }),
        status: 422,
        field: "topicId",
      })),
      ...textCases("bulkTopicAction", editor, claim.bulkTopicAction, () => ({ ids: [ids.claims[0]] }), "newTopicTitle"),
      // Sources
      ...idCases("updateSourceAction", editor, sourceActions.updateSourceAction, sourceForm, "id"),
      ...idCases("updateSourceAction", editor, sourceActions.updateSourceAction, sourceForm, "version"),
      ...["title", "publisher", "author", "notes", "language", "url", "publishedDate"].flatMap((field) =>
        textCases("updateSourceAction", editor, sourceActions.updateSourceAction, sourceForm, field),
      ),
      ...dates.map((value) => ({
        name: `updateSourceAction with publishedDate = ${JSON.stringify(value)}`,
        role: editor,
        call: () => callAction(sourceActions.updateSourceAction, sourceForm({ publishedDate: value })),
        status: 422,
        field: "publishedDate",
      })),
      // Actors
      ...idCases("updateActorAction", editor, actorActions.updateActorAction, actorForm, "id"),
      ...idCases("updateActorAction", editor, actorActions.updateActorAction, actorForm, "version"),
      ...textCases("updateActorAction", editor, actorActions.updateActorAction, actorForm, "name"),
      ...textCases("updateActorAction", editor, actorActions.updateActorAction, actorForm, "notes"),
      ...textCases("updateActorAction", editor, actorActions.updateActorAction, actorForm, "aliases", (value) => `Khan\n${value}`),
      ...idCases(
        "mergeActorsAction",
        editor,
        actorActions.mergeActorsAction,
        () => ({ keptId: ids.actor, keptVersion: versions.actor, mergedId: ids.otherActor }),
        "keptId",
      ),
      ...idCases(
        "mergeActorsAction",
        editor,
        actorActions.mergeActorsAction,
        () => ({ keptId: ids.actor, keptVersion: versions.actor, mergedId: ids.otherActor }),
        "mergedId",
      ),
      ...idCases(
        "mergeActorsAction",
        editor,
        actorActions.mergeActorsAction,
        () => ({ keptId: ids.actor, keptVersion: versions.actor, mergedId: ids.otherActor }),
        "keptVersion",
      ),
      // Topics
      ...textCases("createTopicAction", editor, topicActions.createTopicAction, topicForm, "title"),
      ...textCases("createTopicAction", editor, topicActions.createTopicAction, topicForm, "description"),
      ...idCases("updateTopicAction", editor, topicActions.updateTopicAction, () => topicForm({ id: ids.topic, version: versions.topic }), "id"),
      ...idCases("updateTopicAction", editor, topicActions.updateTopicAction, () => topicForm({ id: ids.topic, version: versions.topic }), "version"),
      ...textCases("updateTopicAction", editor, topicActions.updateTopicAction, () => topicForm({ id: ids.topic, version: versions.topic }), "title"),
      // Contradictions
      ...idCases("reviewContradictionAction", editor, contradictionActions.reviewContradictionAction, reviewForm, "id"),
      ...idCases("reviewContradictionAction", editor, contradictionActions.reviewContradictionAction, reviewForm, "version"),
      ...idCases(
        "reviewContradictionAction",
        editor,
        contradictionActions.reviewContradictionAction,
        () => reviewForm({ preferredReason: "The police were there." }),
        "preferredClaimId",
        { required: false },
      ),
      ...textCases("reviewContradictionAction", editor, contradictionActions.reviewContradictionAction, reviewForm, "rationale", (value) => `Because ${value}`),
      ...textCases(
        "reviewContradictionAction",
        editor,
        contradictionActions.reviewContradictionAction,
        () => reviewForm({ preferredClaimId: ids.claims[0] }),
        "preferredReason",
        (value) => `Because ${value}`,
      ),
      ...idCases(
        "linkContradictionAction",
        editor,
        contradictionActions.linkContradictionAction,
        () => ({ claimId: ids.claims[0], otherClaimId: ids.claims[1], kind: "dispute", rationale: "They disagree." }),
        "claimId",
      ),
      ...idCases(
        "linkContradictionAction",
        editor,
        contradictionActions.linkContradictionAction,
        () => ({ claimId: ids.claims[0], otherClaimId: ids.claims[1], kind: "dispute", rationale: "They disagree." }),
        "otherClaimId",
      ),
      ...textCases(
        "linkContradictionAction",
        editor,
        contradictionActions.linkContradictionAction,
        () => ({ claimId: ids.claims[0], otherClaimId: ids.claims[1], kind: "dispute" }),
        "rationale",
        (value) => `They disagree ${value}`,
      ),
      ...["nothing", 42].map((input) => ({
        name: `runDetectionAction with ${JSON.stringify(input)} as its input`,
        role: editor,
        call: () => callAction(contradictionActions.runDetectionAction, input),
        status: 422,
      })),
      // Users (admin)
      ...idCases("changeUserRoleAction", "admin", userActions.changeUserRoleAction, () => ({ id: ids.viewer, role: "editor" }), "id"),
      ...idCases("setUserActiveAction", "admin", userActions.setUserActiveAction, () => ({ id: ids.viewer, active: false }), "id"),
      ...idCases("resetUserPasswordAction", "admin", userActions.resetUserPasswordAction, () => ({ id: ids.viewer, password: "a-new-long-password" }), "id"),
      ...textCases(
        "createUserAction",
        "admin",
        userActions.createUserAction,
        () => ({ email: "new@example.test", role: "viewer", password: "a-long-password" }),
        "name",
      ),
      ...textCases(
        "createUserAction",
        "admin",
        userActions.createUserAction,
        () => ({ role: "viewer", password: "a-long-password" }),
        "email",
        (value) => `x${value}@example.test`,
      ),
      // Route handlers: query strings
      ...routeCases("export", exportRoute.GET, "/api/export/claims", { kind: "claims" }, "speaker", idStrings),
      ...routeCases("export", exportRoute.GET, "/api/export/claims", { kind: "claims" }, "topic", idStrings),
      ...routeCases("export", exportRoute.GET, "/api/export/claims", { kind: "claims" }, "credibility", ["7", "2147483648", "x"]),
      ...routeCases("export", exportRoute.GET, "/api/export/claims", { kind: "claims" }, "q", nulTexts),
      ...routeCases("export", exportRoute.GET, "/api/export/claims", { kind: "claims" }, "citedVia", nulTexts),
      ...routeCases("export", exportRoute.GET, "/api/export/sources", { kind: "sources" }, "q", nulTexts),
      ...routeCases("export", exportRoute.GET, "/api/export/actors", { kind: "actors" }, "q", nulTexts),
      ...routeCases("export", exportRoute.GET, "/api/export/topics", { kind: "topics" }, "q", nulTexts),
      ...routeCases("export", exportRoute.GET, "/api/export/contradictions", { kind: "contradictions" }, "actor", idStrings),
      ...routeCases("export", exportRoute.GET, "/api/export/audit", { kind: "audit" }, "user", idStrings),
      ...routeCases("export", exportRoute.GET, "/api/export/audit", { kind: "audit" }, "from", ["2025-02-30", "2025-13-01", "tomorrow", "\u0000"]),
      ...routeCases("export", exportRoute.GET, "/api/export/audit", { kind: "audit" }, "to", ["2025-02-29", "0000-00-00"]),
      ...routeCases("options", optionsRoute.GET, "/api/options/actors", { kind: "actors" }, "q", nulTexts),
      ...routeCases("options", optionsRoute.GET, "/api/options/topics", { kind: "topics" }, "q", nulTexts),
      ...routeCases("options", optionsRoute.GET, "/api/options/sources", { kind: "sources" }, "q", nulTexts),
      ...routeCases("claim search", claimSearchRoute.GET, "/api/contradictions/claim-search", {}, "q", [
        "#2147483648",
        "#99999999999999999999",
        "#0",
        ...nulTexts,
      ]),
      ...routeCases("claim search", claimSearchRoute.GET, "/api/contradictions/claim-search?q=strike", {}, "exclude", idStrings),
      ...["no\u0000such", "x".repeat(500), "UPPER", "../etc"].map((value) => ({
        name: `GET /api/sources/[slug]/reader with slug ${JSON.stringify(value.slice(0, 20))}`,
        role: "viewer" as Role,
        call: () => callRoute(readerRoute.GET, `/api/sources/x/reader`, { slug: value }),
      })),
      // Route handlers: the import form's fields
      ...[
        // FormData turns a lone surrogate into U+FFFD before it is sent, so only NUL reaches a form upload.
        ...BAD_TEXTS.filter((bad) => bad.says.source === "NUL").flatMap((bad) =>
          ["title", "publisher", "author", "notes"].map((field) => ({ field, value: bad.value, label: bad.label })),
        ),
        ...dates.map((value) => ({ field: "publishedDate", value, label: value })),
        ...["2147483648", "-1", "abc"].map((value) => ({ field: "target", value, label: value })),
        ...["2147483648:Ahmed Khan", "99999999999:Ahmed Khan", "1:\u0000"].map((value) => ({ field: "sameAs", value, label: value })),
      ].flatMap(({ field, value, label }) => [
        {
          name: `POST /api/import with ${label} in ${field}`,
          role: editor,
          call: () => callRoute(importRoute.POST, "/api/import", {}, { method: "POST", body: importForm({ [field]: value }) }),
          status: 422,
          field,
        },
      ]),
      ...([{ slug: "a\u0000b" }, { url: "https://example.org/\u0000" }, { target: "2147483648" }] as Record<string, string>[]).map((extra) => ({
        name: `POST /api/import/preview with ${JSON.stringify(extra)}`,
        role: editor,
        call: () => callRoute(previewRoute.POST, "/api/import/preview", {}, { method: "POST", body: importForm({}, extra) }),
        status: 422,
      })),
    ];
  }

  test("at least 200 kinds of bad input are each refused with a 4xx and a reason, and nothing changes", async () => {
    const all = cases();
    expect(all.length).toBeGreaterThanOrEqual(200);
    const before = await databaseFingerprint(database.prisma);
    const failures: string[] = [];
    for (const entry of all) {
      signInAs(users[entry.role]);
      const outcome = await entry.call();
      const where = `${entry.name}: ${outcome.status} ${outcome.message} ${JSON.stringify(outcome.fieldErrors)}`;
      if (outcome.status >= 500) failures.push(`${where} — a server error`);
      else if (entry.status !== undefined && outcome.status !== entry.status) failures.push(`${where} — expected ${entry.status}`);
      else if (outcome.status < 400 || outcome.status === 401 || outcome.status === 403) failures.push(`${where} — not refused as bad input`);
      else if (!outcome.message || /something went wrong/i.test(outcome.message)) failures.push(`${where} — no sentence saying what is wrong`);
      else if (entry.field && !outcome.fieldErrors[entry.field]?.length) failures.push(`${where} — no message for the field ${entry.field}`);
      else if (entry.says && !entry.says.test(outcome.fieldErrors[entry.field!]!.join(" "))) failures.push(`${where} — the message does not say ${entry.says}`);
    }
    expect(failures).toEqual([]);
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("issue 19, item 11: ids past 2^31, NUL characters and hand-made cursors get a clear 4xx and change nothing", async () => {
    const before = await databaseFingerprint(database.prisma);
    signInAs(users.editor);
    expect(await callAction(claimActions.updateClaimAction, claimForm({ id: INT4_MAX + 1 }))).toEqual({
      status: 422,
      message: "Some fields need attention.",
      fieldErrors: { id: [ID_TOO_LARGE] },
    });
    // The largest id an int4 column holds is a real id that no claim has.
    expect(await callAction(claimActions.updateClaimAction, claimForm({ id: INT4_MAX }))).toMatchObject({
      status: 404,
      message: "That claim no longer exists.",
    });
    expect(await callAction(claimActions.bulkStatusAction, { ids: [ids.claims[0], INT4_MAX + 1], status: "approved" })).toMatchObject({
      status: 422,
      fieldErrors: { ids: [ID_TOO_LARGE] },
    });
    for (const field of ["notes", "citedVia", "newSpeakerName"]) {
      const outcome = await callAction(claimActions.updateClaimAction, claimForm({ speakerId: "", [field]: "Inspector\u0000Rana" }));
      expect(outcome, field).toMatchObject({ status: 422, fieldErrors: { [field]: [NUL_MESSAGE] } });
    }

    signInAs(users.admin);
    const speaker = await callRoute(exportRoute.GET, `/api/export/claims?speaker=${INT4_MAX + 1}`, { kind: "claims" });
    expect(speaker.status).toBe(422);
    expect(speaker.message).toBe(`The export was not started. speaker: ${ID_TOO_LARGE}.`);
    const auditUser = await callRoute(exportRoute.GET, `/api/export/audit?user=${INT4_MAX + 1}`, { kind: "audit" });
    expect(auditUser).toMatchObject({ status: 422, fieldErrors: { user: [ID_TOO_LARGE] } });
    const byNumber = await callRoute(claimSearchRoute.GET, `/api/contradictions/claim-search?q=${encodeURIComponent(`#${INT4_MAX + 1}`)}`);
    expect(byNumber).toMatchObject({ status: 422, fieldErrors: { q: ["No claim has that id: ids run from #1 to #2147483647."] } });
    const nul = await callRoute(exportRoute.GET, "/api/export/claims?q=%00", { kind: "claims" });
    expect(nul).toMatchObject({ status: 422, fieldErrors: { q: [NUL_MESSAGE] } });

    // The claims page reads its URL with the same schema: the bad values are named and left out.
    const cursor = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString("base64url");
    const shared = parseClaimTableParams(new URLSearchParams({ q: "\u0000", speaker: String(INT4_MAX + 1), after: cursor(["x", "y", "z"]) }));
    expect(shared.problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["after", "q", "speaker"]);
    const firstPage = await listClaims(shared.value, { prisma: database.prisma });
    expect(firstPage.rows.map((row) => row.id).sort()).toEqual([...ids.claims].sort());
    const byTime = parseClaimTableParams(new URLSearchParams({ sort: "updated", before: cursor(["not-a-date", 1]) }));
    expect(byTime.problems).toEqual([expect.stringMatching(/^before: Not a page position this list made/)]);
    // Even handed to the query directly, a cursor of the wrong shape is never run.
    const handed = await listClaims({ ...byTime.value, before: cursor(["not-a-date", 1]) }, { prisma: database.prisma });
    expect(handed.rows).toHaveLength(ids.claims.length);

    expect(await databaseFingerprint(database.prisma)).toEqual(before);
  });

  test("a NUL in the sign-in email is a wrong email, not 'sign-in cannot be checked', and logs nothing", async () => {
    const { authorizeCredentials } = await import("@/lib/auth/options");
    const attempts = await database.prisma.signInAttempt.count();
    await expect(authorizeCredentials({ email: `${users.editor.email}\u0000`, password: users.editor.password }, "127.0.0.1")).resolves.toBeNull();
    expect(await database.prisma.signInAttempt.count()).toBe(attempts);
  });

  test("issue 19, item 12: the source form refuses the dates the import refuses, with the import's words", async () => {
    signInAs(users.editor);
    const before = await databaseFingerprint(database.prisma);
    for (const date of ["2011-02-30", "2099-01-01", "03/04/2011"]) {
      const imported = importMetadataSchema.safeParse({ title: "x", kind: "news", publishedDate: date });
      expect(imported.success, date).toBe(false);
      const importMessage = imported.error!.issues.find((issue) => issue.path[0] === "publishedDate")!.message;
      const outcome = await callAction(sourceActions.updateSourceAction, sourceForm({ publishedDate: date }));
      expect(outcome, date).toEqual({ status: 422, message: "Some fields need attention.", fieldErrors: { publishedDate: [importMessage] } });
    }
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
    expect((await database.prisma.source.findUniqueOrThrow({ where: { id: ids.source } })).publishedDate).toBe("12 May 2009");

    // A date the import takes is stored as the import would store it.
    const saved = await callAction(sourceActions.updateSourceAction, sourceForm({ publishedDate: "2011-04-15T09:30:00Z" }));
    expect(saved.status).toBe(200);
    const stored = await database.prisma.source.findUniqueOrThrow({ where: { id: ids.source } });
    expect(stored.publishedDate).toBe(importMetadataSchema.parse({ title: "x", kind: "news", publishedDate: "2011-04-15T09:30:00Z" }).publishedDate);
    expect(stored.publishedDate).toBe("2011-04-15");
    versions.source = stored.version;
  });

  test("issue 19, item 14: a lone surrogate in notes is refused with a field message instead of being stored as U+FFFD", async () => {
    signInAs(users.editor);
    const before = await databaseFingerprint(database.prisma);
    const outcome = await callAction(claimActions.updateClaimAction, claimForm({ notes: "Checked with the police \ud83d" }));
    expect(outcome).toEqual({ status: 422, message: "Some fields need attention.", fieldErrors: { notes: [LONE_SURROGATE_MESSAGE] } });
    expect(await databaseFingerprint(database.prisma)).toEqual(before);
    expect((await database.prisma.claim.findUniqueOrThrow({ where: { id: ids.claims[0] } })).notes).toBeNull();

    // A whole pair (an emoji) is text like any other and is stored as typed.
    const saved = await callAction(claimActions.updateClaimAction, claimForm({ notes: "Checked with the police \ud83d\udc4d" }));
    expect(saved.status).toBe(200);
    const claim = await database.prisma.claim.findUniqueOrThrow({ where: { id: ids.claims[0] } });
    expect(claim.notes).toBe("Checked with the police 👍");
    versions.claim = claim.version;
  });
});
