import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { spreadsheetCsv } from "@/lib/export/spreadsheet-csv";
import { minorToDecimalString } from "../rules/money";
import { unpaidAgeing } from "../ageing";

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
