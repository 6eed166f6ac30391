import "server-only";

/*
 * CSV an accountant imports: amounts as plain decimals in the currency's unit ("60.00", never
 * "£60.00" or a float), one header row, dates as YYYY-MM-DD. Written by lib/export's csv-stringify
 * wrapper (formula-safe, BOM, CRLF).
 */

export function csvResponse(body: string, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  });
}
