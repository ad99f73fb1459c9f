// Source, speaker and topic pickers: a short list is sent whole, a long one is searched as
// the user types (GET /api/options/<kind>), so a corpus of 40,000 sources does not put
// 40,000 <option>s on every claims page.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { NextRequest } from "next/server";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import { releaseAppDatabase, useAppDatabase } from "@/tests/helpers/app-database";
import { mockSessionModule, sessionUserFor, signInAs } from "@/tests/helpers/session";
import { PICKER_LIST_LIMIT, PICKER_SEARCH_LIMIT, pickerFor, searchPicker } from "@/lib/pickers/queries";

vi.mock("@/lib/auth/session", async (importOriginal) => mockSessionModule(await importOriginal()));

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  useAppDatabase(database);
  await database.prisma.$executeRawUnsafe(
    `INSERT INTO sources (slug, title, text, text_sha256, updated_at)
     SELECT 'source-' || i, 'Report ' || lpad(i::text, 4, '0') || CASE WHEN i = 77 THEN ' on the Baldia factory fire' ELSE '' END, 'x', repeat('0', 64), now()
     FROM generate_series(1, ${PICKER_LIST_LIMIT + 1}) i`,
  );
  await database.prisma.actor.createMany({
    data: [
      { name: "Altaf Hussain", normalizedName: "altaf hussain", aliases: ["Pir Sahib"] },
      { name: "Imran Khan", normalizedName: "imran khan" },
      { name: "Khalid Maqbool Siddiqui", normalizedName: "khalid maqbool siddiqui" },
      { name: "50% Club", normalizedName: "50% club" },
    ],
  });
});

afterAll(async () => {
  releaseAppDatabase();
  await database?.drop();
});

describe("a long list is searched, a short one is sent whole", () => {
  test("past the limit the page gets only the chosen source, with its title", async () => {
    const picker = await pickerFor("sources", "source-77", database.prisma);
    expect(picker).toEqual({ mode: "search", selected: { value: "source-77", label: "Report 0077 on the Baldia factory fire" } });
    expect(await pickerFor("sources", undefined, database.prisma)).toEqual({ mode: "search", selected: null });
    expect(await pickerFor("sources", "no-such-source", database.prisma)).toEqual({ mode: "search", selected: null });
  });

  test("under the limit every entry is listed, in order", async () => {
    const picker = await pickerFor("actors", undefined, database.prisma);
    expect(picker.mode).toBe("list");
    expect(picker.mode === "list" && picker.options.map((option) => option.label)).toEqual([
      "50% Club",
      "Altaf Hussain",
      "Imran Khan",
      "Khalid Maqbool Siddiqui",
    ]);
  });

  test("search matches anywhere in the name or an alias, names starting with the text first", async () => {
    expect((await searchPicker("actors", "khan", database.prisma)).map((option) => option.label)).toEqual(["Imran Khan"]);
    expect((await searchPicker("actors", "kh", database.prisma)).map((option) => option.label)).toEqual(["Khalid Maqbool Siddiqui", "Imran Khan"]);
    expect((await searchPicker("actors", "pir sahib", database.prisma)).map((option) => option.label)).toEqual(["Altaf Hussain"]);
    // % and _ are text, not wildcards.
    expect((await searchPicker("actors", "50%", database.prisma)).map((option) => option.label)).toEqual(["50% Club"]);
    expect(await searchPicker("actors", "_", database.prisma)).toEqual([]);
    const sources = await searchPicker("sources", "baldia", database.prisma);
    expect(sources).toEqual([{ value: "source-77", label: "Report 0077 on the Baldia factory fire" }]);
    expect(await searchPicker("sources", "report", database.prisma)).toHaveLength(PICKER_SEARCH_LIMIT);
  });
});

describe("GET /api/options/[kind]", () => {
  const call = async (kind: string, q: string) => {
    const { GET } = await import("@/app/api/options/[kind]/route");
    return GET(new NextRequest(`http://localhost/api/options/${kind}?q=${encodeURIComponent(q)}`), { params: Promise.resolve({ kind }) });
  };

  test("answers a signed-in viewer with the matches", async () => {
    signInAs(sessionUserFor("viewer"));
    const response = await call("actors", "altaf");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ options: [{ value: expect.any(String), label: "Altaf Hussain" }] });
  });

  test("refuses an unknown list and an overlong search with a message, and anonymous callers", async () => {
    signInAs(sessionUserFor("viewer"));
    const unknown = await call("users", "a");
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(await unknown.json())).toContain("Unknown list");
    expect((await call("actors", "x".repeat(101))).status).toBe(422);
    signInAs(null);
    expect((await call("actors", "altaf")).status).toBe(401);
  });
});
