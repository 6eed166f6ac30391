import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { dailyTakings } from "@/lib/billing/reports/daily-takings";
import { todayFor } from "@/lib/billing/reports/period";

export const GET = route(ops.takingsReport, ({ db, actor, input }) =>
  dailyTakings(db, actor, input.query.date ?? todayFor(actor)),
);
