import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { todayFor } from "@/lib/billing/reports/period";
import { csvResponse } from "@/lib/billing/reports/csv";
import { takingsCsv } from "@/lib/billing/reports/takings-csv";

export const GET = route(ops.takingsCsv, async ({ db, actor, input }) => {
  const date = input.query.date ?? todayFor(actor);
  return csvResponse(await takingsCsv(db, actor, date), `takings-${date}.csv`);
});
