// Saved views (issue 18, item 5): a named claims-table filter and sort, private to its owner or
// shared with the desk; only the owner deletes one; a query the table would not accept is refused
// and changes nothing; every save and delete is audited.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { signInAs } from "@/tests/helpers/session";
import { createRoleUsers, createUser, type TestUser } from "@/tests/helpers/users";
import type { Role } from "@/lib/auth/roles";

vi.mock("@/lib/auth/session", async (importOriginal) => (await import("@/tests/helpers/session")).mockSessionModule(await importOriginal()));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const { deleteViewAction, saveViewAction } = await import("@/lib/saved-views/actions");
const { listVisibleViews } = await import("@/lib/saved-views/queries");

describe("saved views", () => {
  let database: TestDatabase;
  let users: Record<Role, TestUser>;
  let nadia: TestUser;

  const names = async (user: TestUser) => (await listVisibleViews(user.id, database.prisma)).map((view) => [view.name, view.mine, view.owner]);
  const counts = async () => [await database.prisma.savedView.count(), await database.prisma.auditEvent.count()];

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    users = await createRoleUsers(database.prisma);
    nadia = await createUser(database.prisma, "editor", { email: "nadia@example.test" });
    await database.prisma.user.update({ where: { id: nadia.id }, data: { name: "Nadia Second" } });
  });
  afterAll(async () => {
    releaseAppDatabase();
    await database?.drop();
  });

  test("a private view is its owner's alone; a shared one every user sees", async () => {
    signInAs(users.editor);
    const mine = await saveViewAction({ name: "Approved, worst first", query: "?status=approved&sort=-credibility&after=WzEsMl0", shared: false });
    // The page cursor is not part of a view.
    expect(mine).toMatchObject({ ok: true, data: { name: "Approved, worst first", query: "?status=approved&sort=-credibility", shared: false } });
    const desk = await saveViewAction({ name: "Unassigned, most check-worthy", query: "assignee=none&sort=worth", shared: "true" });
    expect(desk).toMatchObject({ ok: true, data: { query: "?assignee=none&sort=worth", shared: true } });
    signInAs(nadia);
    expect(await saveViewAction({ name: "Nadia's own", query: "?stance=opposes", shared: false })).toMatchObject({ ok: true });

    expect(await names(users.editor)).toEqual([
      ["Approved, worst first", true, "Test editor"],
      ["Unassigned, most check-worthy", true, "Test editor"],
    ]);
    expect(await names(nadia)).toEqual([
      ["Nadia's own", true, "Nadia Second"],
      ["Unassigned, most check-worthy", false, "Test editor"],
    ]);
    expect(await names(users.viewer)).toEqual([["Unassigned, most check-worthy", false, "Test editor"]]);

    const events = await database.prisma.auditEvent.findMany({ where: { entityType: "saved_view" }, orderBy: { id: "asc" } });
    expect(events.map((event) => [event.action, event.userId])).toEqual([
      ["create", users.editor.id],
      ["create", users.editor.id],
      ["create", nadia.id],
    ]);
  });

  test("bad input, a duplicate name, a viewer sharing, or deleting another's view is refused and changes nothing", async () => {
    const before = await counts();
    signInAs(users.editor);
    expect(await saveViewAction({ name: "Broken", query: "?status=maybe", shared: false })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { query: [expect.stringMatching(/^status: /)] },
    });
    expect(await saveViewAction({ name: "Broken", query: "?colour=red", shared: false })).toMatchObject({
      ok: false,
      fieldErrors: { query: ["Not a filter of the claims table: colour"] },
    });
    expect(await saveViewAction({ name: "   ", query: "", shared: false })).toMatchObject({ ok: false, fieldErrors: { name: ["Name the view"] } });
    expect(await saveViewAction({ name: "Approved, worst first", query: "?status=approved", shared: false })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { name: ["You already have a view named “Approved, worst first”; choose another name."] },
    });
    signInAs(users.viewer);
    expect(await saveViewAction({ name: "Viewer's desk view", query: "", shared: true })).toMatchObject({
      ok: false,
      status: 403,
      message: "Viewers keep private views only; an editor can share one with the desk.",
    });
    const shared = (await listVisibleViews(users.viewer.id, database.prisma))[0]!;
    expect(await deleteViewAction({ id: shared.id })).toMatchObject({ ok: false, status: 403, message: "Only the person who saved a view can delete it." });
    signInAs(nadia);
    expect(await deleteViewAction({ id: shared.id })).toMatchObject({ ok: false, status: 403 });
    expect(await deleteViewAction({ id: 999_999 })).toMatchObject({ ok: false, status: 404 });
    signInAs(null);
    expect(await saveViewAction({ name: "Anonymous", query: "", shared: false })).toMatchObject({ ok: false, status: 401 });
    expect(await counts()).toEqual(before);
  });

  test("a viewer keeps private views; the owner deletes theirs, audited", async () => {
    signInAs(users.viewer);
    const saved = await saveViewAction({ name: "To read", query: "?topic=none", shared: false });
    expect(saved).toMatchObject({ ok: true, data: { shared: false } });
    expect((await names(users.viewer)).map(([name]) => name)).toEqual(["To read", "Unassigned, most check-worthy"]);
    expect(await names(users.editor)).not.toContainEqual(expect.arrayContaining(["To read"]));

    signInAs(users.editor);
    const shared = (await listVisibleViews(users.editor.id, database.prisma)).find((view) => view.shared)!;
    expect(await deleteViewAction({ id: shared.id })).toEqual({ ok: true, data: undefined });
    expect((await names(nadia)).map(([name]) => name)).toEqual(["Nadia's own"]);
    const last = await database.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ entityType: "saved_view", entityId: String(shared.id), action: "delete", userId: users.editor.id });
    expect(last.before).toMatchObject({ name: "Unassigned, most check-worthy", shared: true });
  });
});
