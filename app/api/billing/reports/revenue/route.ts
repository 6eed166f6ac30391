import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { periodOf } from "@/lib/billing/reports/period";
import { revenueReport } from "@/lib/billing/reports/revenue-report";

export const GET = route(ops.revenueReport, ({ db, actor, input }) => {
  const { from, to } = periodOf(actor, input.query);
  return revenueReport(db, actor, from, to);
});
