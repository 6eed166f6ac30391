import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing-reports";
import { dailyTakings, todayFor } from "@/lib/billing/reports";

export const GET = route(ops.takingsReport, ({ db, actor, input }) =>
  dailyTakings(db, actor, input.query.date ?? todayFor(actor)),
);
