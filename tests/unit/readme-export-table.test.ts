// The README's table of export columns is the documentation editors and scripts read: it must
// list every column of every kind, in the order the export writes them, and every filter.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { EXPORT_DEFINITIONS, EXPORT_KINDS } from "@/lib/export/kinds";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

function tableRow(kind: string): string[] {
  const line = readme.split("\n").find((row) => row.startsWith(`| ${kind} `));
  expect(line, `README export table has a row for ${kind}`).toBeDefined();
  return line!.split("|").slice(2, -1);
}

const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

describe("README export table", () => {
  test.each(EXPORT_KINDS)("%s: every column, in the export's order", (kind) => {
    const [columns] = tableRow(kind === "audit" ? "audit (admins)" : kind);
    expect(codes(columns!)).toEqual(EXPORT_DEFINITIONS[kind].columns.map((column) => column.name));
  });

  test.each(EXPORT_KINDS)("%s: every filter the export accepts", (kind) => {
    const [, filters] = tableRow(kind === "audit" ? "audit (admins)" : kind);
    const definition = EXPORT_DEFINITIONS[kind];
    const accepted = Object.keys(definition.filterSchema.shape).filter((key) => !definition.viewParams.includes(key) && key !== "page" && key !== "before");
    expect(codes(filters!)).toEqual(expect.arrayContaining(accepted));
  });
});
