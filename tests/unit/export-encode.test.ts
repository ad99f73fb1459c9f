import { describe, expect, test } from "vitest";
import { parse } from "csv-parse/sync";
import { ExportEncoder, csvCell, neutralizeFormula } from "@/lib/export/encode";
import type { ExportColumn } from "@/lib/export/kinds";

const text: ExportColumn = { name: "quote", type: "text", description: "" };
const integer: ExportColumn = { name: "id", type: "integer", description: "" };
const when: ExportColumn = { name: "updated_at", type: "timestamp", description: "" };
const list: ExportColumn = { name: "aliases", type: "list", description: "" };

describe("formula neutralization (OWASP CSV injection)", () => {
  test.each([
    ['=HYPERLINK("http://evil.example","click")', '\'=HYPERLINK("http://evil.example","click")'],
    ["+92 21 1234567", "'+92 21 1234567"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tindented", "'\tindented"],
    ["\rcarriage", "'\rcarriage"],
    ["\nnew line first", "'\nnew line first"],
    ["\uFF1D1+1 (full-width equals)", "'\uFF1D1+1 (full-width equals)"],
  ])("%j gets a leading quote", (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  test.each([["The MQM denied the allegations."], ["Altaf Hussain said = nothing"], ["'already quoted"], ["الطاف حسین نے کہا"], [""]])(
    "%j is left alone",
    (input) => {
      expect(neutralizeFormula(input)).toBe(input);
    },
  );

  test("numbers are numbers, not formulas: a negative number keeps its sign", () => {
    expect(csvCell(-5, integer, "escape")).toBe("-5");
    expect(csvCell("-5", text, "escape")).toBe("'-5");
  });

  test("keep mode leaves every cell verbatim for machine consumers", () => {
    expect(csvCell("=1+2", text, "keep")).toBe("=1+2");
  });

  test("empty, dates and lists", () => {
    expect(csvCell(null, text, "escape")).toBe("");
    expect(csvCell(new Date("2025-01-31T10:00:00.123Z"), when, "escape")).toBe("2025-01-31T10:00:00.123Z");
    expect(csvCell(["Altaf", "=evil"], list, "escape")).toBe('["Altaf","=evil"]');
  });
});

describe("CSV encoding", () => {
  const columns = [integer, text];

  test("RFC 4180: CRLF records, quoted fields with commas, quotes and line breaks, quotes doubled", () => {
    const encoder = new ExportEncoder(columns, { format: "csv", bom: false, formulas: "escape" });
    const out = encoder.encode([
      [1, "plain"],
      [2, 'a "quoted" word, and a comma'],
      [3, "two\nlines"],
      [4, "crlf\r\ninside"],
    ]);
    expect(out).toBe('id,quote\r\n1,plain\r\n2,"a ""quoted"" word, and a comma"\r\n3,"two\nlines"\r\n4,"crlf\r\ninside"\r\n');
    expect(parse(out, { columns: true })).toEqual([
      { id: "1", quote: "plain" },
      { id: "2", quote: 'a "quoted" word, and a comma' },
      { id: "3", quote: "two\nlines" },
      { id: "4", quote: "crlf\r\ninside" },
    ]);
  });

  test("the header is written once, before the first batch, and also for an empty export", () => {
    const encoder = new ExportEncoder(columns, { format: "csv", bom: false, formulas: "escape" });
    expect(encoder.encode([])).toBe("id,quote\r\n");
    expect(encoder.encode([[1, "x"]])).toBe("1,x\r\n");
  });

  test("the byte-order mark is off by default and leads the file when asked for", () => {
    expect(new ExportEncoder(columns, { format: "csv", bom: false, formulas: "escape" }).encode([]).charCodeAt(0)).toBe("i".charCodeAt(0));
    const withBom = new ExportEncoder(columns, { format: "csv", bom: true, formulas: "escape" }).encode([[1, "x"]]);
    expect(Buffer.from(withBom, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.slice(1)).toBe("id,quote\r\n1,x\r\n");
  });

  test("a neutralized cell that also needs quoting is quoted around the leading apostrophe", () => {
    const encoder = new ExportEncoder(columns, { format: "csv", bom: false, formulas: "escape" });
    expect(encoder.encode([[1, '=HYPERLINK("x","y")']])).toBe('id,quote\r\n1,"\'=HYPERLINK(""x"",""y"")"\r\n');
  });
});

describe("NDJSON encoding", () => {
  test("one JSON object per line, the CSV's fields in the same order, typed values, never a BOM or apostrophe", () => {
    const encoder = new ExportEncoder([integer, text, when, list], { format: "ndjson", bom: true, formulas: "escape" });
    const out = encoder.encode([
      ["7", "=1+2", new Date("2025-01-31T10:00:00.000Z"), ["a", "b"]],
      [8, "line\nbreak", null, []],
    ]);
    const lines = out.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(JSON.parse(lines[0]!)).toEqual({ id: 7, quote: "=1+2", updated_at: "2025-01-31T10:00:00.000Z", aliases: ["a", "b"] });
    expect(Object.keys(JSON.parse(lines[1]!))).toEqual(["id", "quote", "updated_at", "aliases"]);
    expect(JSON.parse(lines[1]!).updated_at).toBeNull();
  });
});

describe("codes as labels and links to the app", () => {
  const attribution: ExportColumn = {
    name: "attribution",
    type: "text",
    description: "",
    labels: { author_voice: "Author's voice", direct_quote: "Direct quote" },
  };
  const credibility: ExportColumn = { name: "credibility", type: "integer", description: "", labels: { 6: "6 — Cannot be judged" } };
  const link: ExportColumn = { name: "link", type: "text", description: "", linkPath: "/claims/" };

  test("codes stay codes unless labels are asked for; then a CSV and NDJSON hold the app's words", () => {
    const row = ["author_voice", 6, 42];
    const codes = new ExportEncoder([attribution, credibility, link], { format: "csv", bom: false, formulas: "escape", baseUrl: "https://claims.example.org" });
    expect(codes.encode([row])).toBe("attribution,credibility,link\r\nauthor_voice,6,https://claims.example.org/claims/42\r\n");
    const labelled = new ExportEncoder([attribution, credibility, link], {
      format: "csv",
      bom: false,
      formulas: "escape",
      labels: true,
      baseUrl: "https://claims.example.org",
    });
    expect(parse(labelled.encode([row]), { columns: true })).toEqual([
      { attribution: "Author's voice", credibility: "6 — Cannot be judged", link: "https://claims.example.org/claims/42" },
    ]);
    const json = new ExportEncoder([attribution, credibility], { format: "ndjson", bom: false, formulas: "escape", labels: true });
    expect(JSON.parse(json.encode([row.slice(0, 2)]).trim())).toEqual({ attribution: "Author's voice", credibility: "6 — Cannot be judged" });
  });

  test("a code without a label is written as stored; no base address leaves the link a path; an empty cell stays empty", () => {
    const encoder = new ExportEncoder([attribution, link], { format: "csv", bom: false, formulas: "escape", labels: true });
    expect(
      encoder.encode([
        ["something_new", 7],
        [null, null],
      ]),
    ).toBe("attribution,link\r\nsomething_new,/claims/7\r\n,\r\n");
  });
});
