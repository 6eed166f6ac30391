import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { spreadsheetCsv } from "@/lib/export/spreadsheet-csv";
import { PAYMENT_METHOD_LABEL } from "../rules/constants";
import { minorToDecimalString } from "../rules/money";
import { dailyTakings } from "./daily-takings";

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
