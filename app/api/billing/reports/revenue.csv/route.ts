import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { periodOf } from "@/lib/billing/reports/period";
import { csvResponse } from "@/lib/billing/reports/csv";
import { revenueCsv } from "@/lib/billing/reports/revenue-csv";

export const GET = route(ops.revenueCsv, async ({ db, actor, input }) => {
  const { from, to } = periodOf(actor, input.query);
  return csvResponse(await revenueCsv(db, actor, from, to), `revenue-${from}-${to}.csv`);
});
