import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { periodOf, revenueReport } from "@/lib/billing/reports";

export const GET = route(ops.revenueReport, ({ db, actor, input }) => {
  const { from, to } = periodOf(actor, input.query);
  return revenueReport(db, actor, from, to);
});
