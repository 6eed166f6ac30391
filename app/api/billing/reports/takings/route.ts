import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { dailyTakings, todayFor } from "@/lib/billing/reports";

export const GET = route(ops.takingsReport, ({ db, actor, input }) =>
  dailyTakings(db, actor, input.query.date ?? todayFor(actor)),
);
