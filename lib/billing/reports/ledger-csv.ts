import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { spreadsheetCsv } from "@/lib/export/spreadsheet-csv";
import { minorToDecimalString } from "../rules/money";
import { invoiceLedger } from "./invoice-ledger";

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
