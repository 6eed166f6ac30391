import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { periodOf } from "@/lib/billing/reports/period";
import { csvResponse } from "@/lib/billing/reports/csv";
import { ledgerCsv } from "@/lib/billing/reports/ledger-csv";

export const GET = route(ops.ledgerCsv, async ({ db, actor, input }) => {
  const { from, to } = periodOf(actor, input.query);
  return csvResponse(await ledgerCsv(db, actor, from, to), `invoices-${from}-${to}.csv`);
});
