import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { spreadsheetCsv } from "@/lib/export/spreadsheet-csv";
import { minorToDecimalString } from "../rules/money";
import { revenueReport } from "./revenue-report";

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
