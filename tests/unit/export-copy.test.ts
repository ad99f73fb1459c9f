// COPY ends records with LF; the export's end in CRLF. The terminator must change only the LFs
// between records, never one inside a quoted cell, wherever the socket splits the bytes.
import { describe, expect, test } from "vitest";
import { CsvRecordTerminator } from "@/lib/export/copy";

/** Records as Postgres's COPY … (FORMAT csv) writes them, and as the export must write them. */
const COPY_OUTPUT = [
  ['1,plain,"He said ""no"", then ""yes"""\n', '1,plain,"He said ""no"", then ""yes"""\r\n'],
  ['2,"First line\nsecond line",\n', '2,"First line\nsecond line",\r\n'],
  ['3,"Windows\r\nline break","\n"\n', '3,"Windows\r\nline break","\n"\r\n'],
  ["4,الطاف حسین 🙂,'=SUM(A1)\n", "4,الطاف حسین 🙂,'=SUM(A1)\r\n"],
  ['5,"",""""\n', '5,"",""""\r\n'],
  ['6,"\n\n\n",x\n', '6,"\n\n\n",x\r\n'],
] as const;

const input = COPY_OUTPUT.map(([copy]) => copy).join("");
const expected = COPY_OUTPUT.map(([, csv]) => csv).join("");

function run(chunks: Buffer[]): { text: string; records: number } {
  const terminator = new CsvRecordTerminator();
  const text = Buffer.concat(chunks.map((chunk) => terminator.terminate(chunk))).toString("utf8");
  return { text, records: terminator.records };
}

describe("CsvRecordTerminator", () => {
  test("one chunk: each record ends in CRLF, quoted line breaks stay as they are", () => {
    expect(run([Buffer.from(input)])).toEqual({ text: expected, records: COPY_OUTPUT.length });
  });

  test("split at every byte, in two and in three pieces: the same bytes and count", () => {
    const bytes = Buffer.from(input);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(run([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual({ text: expected, records: COPY_OUTPUT.length });
      const second = Math.min(bytes.length, cut + 7);
      expect(run([bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)]), `cuts at ${cut}, ${second}`).toEqual({
        text: expected,
        records: COPY_OUTPUT.length,
      });
    }
  });

  test("byte by byte", () => {
    const bytes = Buffer.from(input);
    expect(run([...bytes].map((byte) => Buffer.from([byte])))).toEqual({ text: expected, records: COPY_OUTPUT.length });
  });

  test("a chunk with no record end passes through untouched", () => {
    expect(run([Buffer.from("7,no end yet")])).toEqual({ text: "7,no end yet", records: 0 });
  });
});
