import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing-reports";
import { periodOf, revenueReport } from "@/lib/billing/reports";

export const GET = route(ops.revenueReport, ({ db, actor, input }) => {
  const { from, to } = periodOf(actor, input.query);
  return revenueReport(db, actor, from, to);
});
