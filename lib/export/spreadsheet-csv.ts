import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

/**
 * CSV that a spreadsheet opens as data, never as code (RFC 4180 plus the OWASP CSV-injection
 * guidance), written by csv-stringify rather than by hand:
 * - a text cell starting with =, +, -, @, tab or CR (or their full-width forms) is prefixed with
 *   an apostrophe, so a client's diary note "=HYPERLINK(…)" shows as text instead of running;
 *   numbers stay numbers (a real -2 is not touched);
 * - cells holding a comma, quote, CR or LF are quoted, quotes doubled;
 * - records end with CRLF (RFC 4180), and the file starts with a UTF-8 byte-order mark, because
 *   Excel otherwise reads UTF-8 as the machine's legacy code page ("Zoë" → "ZoÃ«").
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify(
    [...rows].map((r) => [...r]),
    {
      header: true,
      columns: [...header],
      bom: true,
      record_delimiter: "windows",
      escape_formulas: true,
      // csv-stringify quotes CR and LF by default; said here because the guard depends on it.
      quote_record_delimiter: true,
    },
  );
}
