import { describe, expect, test } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseCliArguments } from "@/lib/export/cli-arguments";
import { EXPORT_DEFINITIONS, EXPORT_KINDS, exportQuery } from "@/lib/export/kinds";
import { exportFileName, parseExportRequest } from "@/lib/export/schema";

function problem(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a ValidationError");
}

describe("parseExportRequest", () => {
  test("defaults: CSV, no BOM, formulas neutralized, every column in the documented order, not filtered", () => {
    const request = parseExportRequest("claims", new URLSearchParams());
    expect(request).toMatchObject({ kind: "claims", format: "csv", bom: false, formulas: "escape", filters: {}, filtered: false });
    // Every column but the nested threads, which only NDJSON carries.
    expect(request.columns).toEqual(EXPORT_DEFINITIONS.claims.columns.map((column) => column.name).filter((name) => name !== "comment_threads"));
    expect(request.columns.slice(0, 5)).toEqual(["id", "source_slug", "source_title", "source_reliability", "quote"]);
    expect(parseExportRequest("claims", new URLSearchParams("format=ndjson")).columns).toEqual(EXPORT_DEFINITIONS.claims.columns.map((column) => column.name));
  });

  test("a column only NDJSON writes is refused by name in CSV", () => {
    expect(() => parseExportRequest("claims", new URLSearchParams("columns=id,comment_threads"))).toThrow(/columns: "comment_threads" only in NDJSON/);
    expect(parseExportRequest("claims", new URLSearchParams("format=ndjson&columns=id,comment_threads")).columns).toEqual(["id", "comment_threads"]);
  });

  test("the claims table's own filters are accepted and parsed by its schema", () => {
    const request = parseExportRequest("claims", new URLSearchParams("status=approved&speaker=none&credibility=2&q=denied&sourceStance=disputes"));
    expect(request.filters).toEqual({ status: "approved", speaker: "none", credibility: 2, q: "denied", sourceStance: "disputes" });
    expect(request.filtered).toBe(true);
  });

  test("the table's sort and page cursor do not narrow an export, and blank filters mean no filter", () => {
    const request = parseExportRequest("claims", new URLSearchParams("sort=newest&after=120&status="));
    expect(request.filters).toEqual({});
    expect(request.filtered).toBe(false);
  });

  test("options: bom from a checkbox or a flag, NDJSON, formulas kept, a column subset in the order asked", () => {
    const request = parseExportRequest("claims", { bom: "on", format: "ndjson", formulas: "keep", columns: "quote, id" });
    expect(request).toMatchObject({ bom: true, format: "ndjson", formulas: "keep", columns: ["quote", "id"] });
  });

  test.each([
    ["an unknown kind", "claimz", "", "kind", /Unknown export "claimz": choose one of claims, contradictions, sources, actors, topics, audit/],
    [
      "an unknown parameter (a typo must not export everything)",
      "claims",
      "stauts=approved",
      "stauts",
      /unknown parameter; claims can be filtered by q, source/,
    ],
    ["a malformed filter", "claims", "status=done", "status", /Invalid option/],
    ["a credibility out of range", "claims", "credibility=9", "credibility", /Credibility is 1–6/],
    ["an unknown column", "claims", "columns=id,speaker_name", "columns", /unknown column "speaker_name"/],
    ["a repeated column", "claims", "columns=id,id", "columns", /"id" listed twice/],
    ["a repeated filter", "claims", "status=approved&status=rejected", "status", /given 2 times/],
    ["an unknown format", "sources", "format=xlsx", "format", /Choose csv or ndjson/],
    ["a bad flag", "sources", "bom=maybe", "bom", /Use 1 or 0/],
    ["a bad audit date", "audit", "from=2025-13-45", "from", /real date/],
    ["a contradiction kind that does not exist", "contradictions", "kind=sarcasm", "kind", /Invalid option/],
  ])("%s is refused naming the parameter", (_label, kind, query, field, message) => {
    const error = problem(() => parseExportRequest(kind, new URLSearchParams(query)));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/^The export was not started\./);
    expect(Object.keys(error.fieldErrors)).toContain(field);
    expect(error.message).toMatch(message);
  });

  test("every problem is reported at once", () => {
    const error = problem(() => parseExportRequest("claims", new URLSearchParams("status=done&columns=nope&colour=red")));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["colour", "columns", "status"]);
  });

  test("file names carry the kind, the UTC date and whether filters applied", () => {
    const now = new Date("2025-03-09T23:30:00Z");
    expect(exportFileName(parseExportRequest("claims", new URLSearchParams("status=approved")), now)).toBe("claimbase-claims-2025-03-09-filtered.csv");
    expect(exportFileName(parseExportRequest("actors", new URLSearchParams("format=ndjson")), now)).toBe("claimbase-actors-2025-03-09-all.ndjson");
  });
});

describe("export queries", () => {
  test.each(EXPORT_KINDS)("%s: columns are named once and the order is total (by id)", (kind) => {
    const definition = EXPORT_DEFINITIONS[kind];
    const names = definition.columns.map((column) => column.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe("id");
    expect(definition.orderBy).toMatch(/\.id$/);
  });

  test("filter values travel as parameters, never inside the SQL text", () => {
    const request = parseExportRequest("claims", new URLSearchParams("q=x'); DROP TABLE claims; --&source=a-b"));
    const query = exportQuery(EXPORT_DEFINITIONS.claims, request.columns, request.filters);
    expect(query.text).not.toContain("DROP TABLE");
    expect(query.values).toEqual(["x'); DROP TABLE claims; --", "a-b"]);
  });
});

describe("command-line arguments", () => {
  test("--name value, --name=value, kebab-case names and boolean flags become the HTTP parameters", () => {
    const args = parseCliArguments(["claims", "--status", "approved", "--source-stance=disputes", "--bom", "--raw", "--out", "x.csv"]);
    expect(args.kind).toBe("claims");
    expect(args.out).toBe("x.csv");
    expect(args.params.toString()).toBe("status=approved&sourceStance=disputes&bom=1&formulas=keep");
    expect(parseExportRequest(args.kind, args.params)).toMatchObject({
      filters: { status: "approved", sourceStance: "disputes" },
      bom: true,
      formulas: "keep",
    });
  });

  test("a flag without its value is refused", () => {
    expect(() => parseCliArguments(["claims", "--status", "--bom"])).toThrow("--status needs a value");
    expect(() => parseCliArguments(["claims", "sources"])).toThrow(/Unexpected argument "sources"/);
  });
});
