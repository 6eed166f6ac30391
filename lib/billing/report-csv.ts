import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { spreadsheetCsv } from "@/lib/export/spreadsheet-csv";
import { PAYMENT_METHOD_LABEL } from "./rules/constants";
import { minorToDecimalString } from "./rules/money";
import { dailyTakings, invoiceLedger, revenueReport } from "./reports";
import { unpaidAgeing } from "./ageing";

/*
 * CSV an accountant imports: amounts as plain decimals in the currency's unit ("60.00", never
 * "£60.00" or a float), one header row, dates as YYYY-MM-DD. Written by lib/export's csv-stringify
 * wrapper (formula-safe, BOM, CRLF).
 */

export async function takingsCsv(db: Db, actor: Actor, date: string) {
  const r = await dailyTakings(db, actor, date);
  const d = (m: number) => minorToDecimalString(m, r.currency);
  return spreadsheetCsv(
    ["date", "method", "payments", "received", "refunded", "net", "currency"],
    [
      ...r.byMethod.map((m) => [
        date,
        PAYMENT_METHOD_LABEL[m.method],
        m.count,
        d(m.receivedMinor),
        d(m.refundedMinor),
        d(m.netMinor),
        r.currency,
      ]),
      [date, "Total", null, d(r.total.receivedMinor), d(r.total.refundedMinor), d(r.total.netMinor), r.currency],
    ],
  );
}

/** Every unpaid invoice, oldest first: read page by page (200 at a time) rather than in one unbounded query. */
export async function ageingCsv(db: Db, actor: Actor) {
  const first = await unpaidAgeing(db, actor, { limit: 200 });
  const items = [...first.items];
  for (let after = first.nextCursor; after;) {
    const next = await unpaidAgeing(db, actor, { limit: 200, after }, first.today);
    items.push(...next.items);
    after = next.nextCursor;
  }
  return spreadsheetCsv(
    ["number", "client", "issue_date", "age_days", "bucket", "balance", "currency"],
    items.map((i) => [
      i.number,
      i.clientName,
      i.issueDate,
      i.ageDays,
      i.bucket,
      minorToDecimalString(i.balanceMinor, first.currency),
      first.currency,
    ]),
  );
}

export async function revenueCsv(db: Db, actor: Actor, from: string, to: string) {
  const r = await revenueReport(db, actor, from, to);
  return spreadsheetCsv(
    ["from", "to", "therapist", "type", "net", "tax", "currency"],
    r.items.map((i) => [
      from,
      to,
      i.therapist,
      i.type,
      minorToDecimalString(i.netMinor, r.currency),
      minorToDecimalString(i.taxMinor, r.currency),
      r.currency,
    ]),
  );
}

export async function ledgerCsv(db: Db, actor: Actor, from: string, to: string) {
  const rows = await invoiceLedger(db, actor, from, to);
  const d = (m: number, c: string) => minorToDecimalString(m, c);
  return spreadsheetCsv(
    ["number", "type", "issue_date", "status", "client", "therapist", "net", "tax", "total", "paid", "currency"],
    rows.map((r) => {
      // A credit note reduces revenue: negative amounts, so the columns sum to the period's net.
      const s = r.kind === "credit_note" ? -1 : 1;
      return [
        r.number,
        r.kind === "credit_note" ? "credit note" : "invoice",
        r.issueDate,
        r.status,
        r.client,
        r.therapist,
        d(s * r.netMinor, r.currency),
        d(s * r.taxMinor, r.currency),
        d(s * r.totalMinor, r.currency),
        d(r.paidMinor, r.currency),
        r.currency,
      ];
    }),
  );
}

export function csvResponse(body: string, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "cache-control": "private, no-store",
    },
  });
}
